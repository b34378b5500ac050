import { memo, useMemo, useState, type KeyboardEvent } from 'react'
import {
  characterCount,
  MAX_NAME_LENGTH,
  stripUnsafeCharacters,
  monthlyRequestsText,
  ONE_VCPU_MEMORY_MB,
  PRICE_SHEETS,
  REQUEST_UNIT_LABELS,
  REQUEST_UNITS,
  vcpuShare,
  type Architecture,
  type RequestUnit,
} from '../engine/index'
import { CURRENT_ONLY_FIELDS, FIELD_CONFLICTS, FUNCTION_FIELD_BY_KEY, type FieldSpec } from '../engine/fields'

/** What a section holds, in the fields table's words: "cold starts, provisioned concurrency, ...". */
const summaryOf = (group: string) =>
  [...new Set(CURRENT_ONLY_FIELDS.filter((f) => f.group === group).flatMap((f) => f.ignoredBrieflyAs ?? f.ignoredAs ?? []))].join(', ')
import { ASSUMED_ENVIRONMENT_LIFETIME_MINUTES, ASSUMED_IDLE_MINUTES, coldStartsOfDraft } from '../state/cold-start'
import { useCalculator, useCalculatorStore } from '../state/react'
import { FIELD_LABELS, parseNumberText } from '../state/selectors'
import { EXTRA_SPECS, isExtraSet, isNumberSpec, type ExtraField, type FunctionDraft } from '../state/store'
import type { FunctionCost, FunctionField } from '../state/selectors'
import { functionFieldId } from './field-ids'
import { CheckboxField, FieldError, LabelSuffix, LinkNote, NumberField, sameFieldProps, SelectField } from './fields'
import { averageRate, countOf, formatNumber, formatUsd } from './format'
import { useLinkNote } from './link-omissions'
import { MemorySlider } from './memory-slider'

const UNIT_OPTIONS = REQUEST_UNITS.map((u) => ({ value: u, label: REQUEST_UNIT_LABELS[u] }))
const ARCH_OPTIONS: { value: Architecture; label: string }[] = [
  { value: 'x86_64', label: 'x86_64' },
  { value: 'arm64', label: 'arm64 (Graviton: duration priced 20% lower)' },
]

interface Props {
  fn: FunctionDraft
  index: number
  count: number
  /** The docs widget: no name field and no add, duplicate or remove. */
  compact?: boolean
}

function MonthlyRequests({ requests, per }: { requests: string; per: RequestUnit }) {
  const value = parseNumberText(requests)
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1e21) return null
  if (per === 'month') {
    const rate = averageRate(value)
    return rate ? <>{rate}, averaged over a 730-hour month</> : null
  }
  return <>= {countOf(monthlyRequestsText(value, per), 'requests')} a month</>
}

/**
 * One line where CloudWatch Logs or the API in front cost more than the
 * function's compute: "CloudWatch Logs cost 1.4x this function's compute".
 */
function besideHint(beside: FunctionCost['beside'], json: boolean): string | null {
  if (!beside || beside.computeCents <= 0) return null
  const times = (cents: number) => `${Math.round((cents / beside.computeCents) * 10) / 10}x`
  if (beside.logsCents > beside.computeCents)
    return `CloudWatch Logs cost ${times(beside.logsCents)} this function’s compute${json ? ': JSON system logs at WARN level drop START/END/REPORT' : ''}.`
  if (beside.apiCents > beside.computeCents) return `The API in front costs ${times(beside.apiCents)} this function’s compute.`
  return null
}

/** The function's share of the monthly bill (the engine's per-function cost), for its header. */
function FunctionCost({ index, count, json }: { index: number; count: number; json: boolean }) {
  const usage = useCalculator((s, sel) => sel.selectFunctionCosts(s)?.[index] ?? null)
  if (!usage) return null
  const hint = besideHint(usage.beside, json)
  let share = ''
  if (count > 1 && usage.totalCents > 0) {
    const percent = Math.round((usage.cents / usage.totalCents) * 100)
    share = ` · ${percent === 0 && usage.cents > 0 ? '<1' : percent}% of the bill`
  }
  return (
    <p className="function-cost" data-testid={`function-cost-${index + 1}`}>
      <strong>{formatUsd(usage.usd)}</strong> a month{share}
      {hint ? <span className="beside-hint"> {hint}</span> : null}
    </p>
  )
}

/**
 * The sections of optional fields, each with its fields in the table's order
 * (engine/fields.ts): "More options" (the rest of the 2026 Lambda bill) and
 * "Beside Lambda" (what comes with the function on the invoice).
 */
const SECTIONS = [
  { id: 'more', title: 'More options', fields: EXTRA_SPECS.filter((f) => f.group === 'more'), summary: summaryOf('more') },
  { id: 'beside', title: 'Beside Lambda', fields: EXTRA_SPECS.filter((f) => f.group === 'beside'), summary: summaryOf('beside') },
] as const
type Section = (typeof SECTIONS)[number]

/** The fields a Managed Instances function does not have (the compute field's conflicts): hidden while it runs there, unless set. */
const NOT_ON_MANAGED: ReadonlySet<string> = new Set(FIELD_CONFLICTS.filter(([a]) => a.key === 'compute').map(([, b]) => b.key))
const onManaged = (fn: FunctionDraft, classic: boolean) => !classic && fn.compute === 'managed-instances'

type ShownWhen = NonNullable<FieldSpec['shownWhen']>

/** Whether a function sets the field a `shownWhen` names the way it asks: to one value, or to anything but its default. */
function conditionHolds(fn: FunctionDraft, when: ShownWhen): boolean {
  const value = fn[when.key]
  if (when.equals !== undefined) return String(value) === when.equals
  const spec = FUNCTION_FIELD_BY_KEY.get(when.key)
  // A number field is empty (its default) or typed: typed as its default (`0`) counts as not set.
  if (typeof value === 'string' && spec && isNumberSpec(spec)) return value.trim() !== '' && value.trim() !== String(spec.default)
  return value !== spec?.default
}

const sameCondition = (a: ShownWhen, b: ShownWhen | undefined) =>
  b !== undefined && a.key === b.key && a.equals === b.equals && a.notDefault === b.notDefault

interface MoreProps {
  section: Section
  fn: FunctionDraft
  index: number
  classic: boolean
  suffix?: string
  err: (field: string) => string | undefined
  update: (patch: Partial<FunctionDraft>) => void
}

/** "Use this estimate" for the cold-start share, with how it is estimated. */
function ColdStartEstimateNote({ fn, id, suffix, onUse }: { fn: FunctionDraft; id: string; suffix?: string; onUse: (text: string) => void }) {
  const estimate = coldStartsOfDraft(fn)
  if (!estimate) return null
  const { environments } = estimate
  return (
    <div className="cold-start-estimate" id={`${id}-estimate`} data-testid="cold-start-estimate">
      <p>
        <strong>Estimate: about {formatNumber(estimate.percent)}%</strong> of on-demand invocations start cold. At{' '}
        {averageRate(estimate.requestsPerSecond * 730 * 3600, 'requests')?.replace(/^about /, '')} (the month’s average) and{' '}
        {formatNumber(fn.durationMs)} ms each, about {countOf(environments, 'environments')} {environments === 1 ? 'stays' : 'stay'} busy; assumed, as
        AWS publishes neither figure: Lambda replaces an environment about every {ASSUMED_ENVIRONMENT_LIFETIME_MINUTES / 60} hours and reclaims one
        left idle for {ASSUMED_IDLE_MINUTES} minutes. Bursts, deployments and scaling out add more.
      </p>
      <button type="button" className="button-secondary" onClick={() => onUse(estimate.percentText)}>
        Use this estimate
        <LabelSuffix text={suffix} />
      </button>
    </div>
  )
}

/**
 * The 2026 inputs, behind a disclosure: collapsed unless one is set (or has a
 * problem to show). The classic sheet keeps them but says it ignores them.
 * Each field comes from the table (engine/fields.ts): its label, hint, unit,
 * the default its placeholder shows, and when it is shown (`shownWhen`).
 */
function MoreOptions({ section, fn, index, classic, suffix, err, update }: MoreProps) {
  const MORE_FIELDS = section.fields
  const set = MORE_FIELDS.some((spec) => isExtraSet(fn, spec))
  const hasError = MORE_FIELDS.some((spec) => err(spec.key))
  const [open, setOpen] = useState(set)
  // A link, a preset or a reset that sets one of these opens the section.
  const [wasSet, setWasSet] = useState(set)
  if (set !== wasSet) {
    setWasSet(set)
    if (set) setOpen(true)
  }
  const shown = open || hasError
  // One hook per field of a fixed list: the same calls on every render.
  const linkNotes = new Map(MORE_FIELDS.map((spec) => [spec.key, useLinkNote(index, spec.key)] as const))
  const base = `fn-${index + 1}`
  const part = `${base}-${section.id}`
  const idOf = (field: FunctionField) => functionFieldId(index + 1, field)
  const note = (field: FunctionField) => (classic ? undefined : err(field))
  // A field with a condition shows once it holds, or while it or a field shown with it has a value or a problem.
  const managed = onManaged(fn, classic)
  const isShown = (spec: FieldSpec<ExtraField>) => {
    const { shownWhen } = spec
    if (managed && NOT_ON_MANAGED.has(spec.key) && !isExtraSet(fn, spec) && !err(spec.key)) return false
    return (
      !shownWhen ||
      conditionHolds(fn, shownWhen) ||
      MORE_FIELDS.some((other) => sameCondition(shownWhen, other.shownWhen) && (isExtraSet(fn, other) || !!err(other.key)))
    )
  }
  const count = MORE_FIELDS.filter((spec) => isExtraSet(fn, spec)).length
  const change = (field: ExtraField, value: string | boolean) => update({ [field]: value })
  const coldStartEstimate =
    classic || fn.coldStartPercent.trim() !== '' ? null : (
      <ColdStartEstimateNote fn={fn} id={idOf('coldStartPercent')} suffix={suffix} onUse={(coldStartPercent) => update({ coldStartPercent })} />
    )

  const control = (spec: FieldSpec<ExtraField>) => {
    const common = {
      id: idOf(spec.key),
      label: spec.label,
      labelSuffix: suffix,
      error: note(spec.key),
      hint: spec.hint,
      linkNote: linkNotes.get(spec.key),
    }
    const value = fn[spec.key]
    if (typeof value === 'boolean')
      return <CheckboxField key={spec.key} {...common} checked={value} onChange={(checked) => change(spec.key, checked)} />
    if (spec.choices) {
      // A choice without a default (the instance type) starts unchosen.
      const options = spec.default === undefined ? [{ value: '', label: 'Choose…' }, ...spec.choices] : spec.choices
      return <SelectField key={spec.key} {...common} value={value} options={options} onChange={(choice) => change(spec.key, choice)} />
    }
    // The cold-start share offers an estimate while it is empty.
    const coldStarts = spec.key === 'coldStartPercent'
    return (
      <NumberField
        key={spec.key}
        {...common}
        value={value}
        unit={spec.formUnit ?? spec.unit}
        placeholder={spec.default === undefined ? undefined : String(spec.default)}
        onChange={(text) => change(spec.key, text)}
        after={coldStarts ? coldStartEstimate : undefined}
        className={coldStarts ? 'cold-start-field' : undefined}
      />
    )
  }

  // Escape anywhere in the open section closes it, as its button does, and puts focus back on
  // the button. A problem to show keeps it open, against Escape as against the button: then
  // Escape does nothing, and focus stays where it is.
  const closeOnEscape = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented || !shown || hasError) return
    e.preventDefault()
    setOpen(false)
    document.getElementById(`${part}-toggle`)?.focus()
  }

  return (
    <div className="more-options" onKeyDown={closeOnEscape}>
      <button type="button" className="more-toggle" id={`${part}-toggle`} aria-expanded={shown} aria-controls={part} onClick={() => setOpen(!shown)}>
        <span className="more-toggle-arrow" aria-hidden="true">
          {shown ? '▾' : '▸'}
        </span>
        <span className="more-toggle-title">{section.title}</span>
        <LabelSuffix text={suffix} />
        <span className="more-toggle-note">
          : {section.summary}
          {count > 0 ? ` (${count} set)` : ''}
        </span>
      </button>
      {classic ? (
        <p className="field-hint more-classic-note" id={`${part}-classic`}>
          The classic 2016 sheet ignores these{section.id === 'more' ? ': it billed no INIT, and had none of the others' : ''}. Switch to the current
          sheet to price them.
        </p>
      ) : null}
      <div
        id={part}
        className="more-fields"
        role="group"
        aria-labelledby={`${part}-toggle`}
        aria-describedby={classic ? `${part}-classic` : undefined}
        hidden={!shown}
      >
        {shown ? MORE_FIELDS.filter(isShown).map(control) : null}
      </div>
    </div>
  )
}

/**
 * The function's name: at most MAX_NAME_LENGTH characters, said beside it as
 * the user types ("12 of 64 characters"). At the limit the input takes no more
 * (its maxLength is the name's own length, so emoji count as one character, as
 * the engine counts them); a paste past it is cut, and the field says so. A
 * name can then never block the bill.
 */
const NameField = memo(function NameField({
  id,
  name,
  suffix,
  error,
  linkNote,
  update,
}: {
  id: string
  name: string
  suffix?: string
  error?: string
  linkNote?: string
  update: (patch: Partial<FunctionDraft>) => void
}) {
  const [cut, setCut] = useState(false)
  const count = characterCount(name, MAX_NAME_LENGTH)
  const full = count >= MAX_NAME_LENGTH
  return (
    <div className="field">
      <label htmlFor={id}>
        Name <span className="optional">(optional)</span>
        <LabelSuffix text={suffix} />
      </label>
      <input
        id={id}
        type="text"
        value={name}
        placeholder="e.g. api-handler"
        maxLength={full ? name.length : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-count`, error ? `${id}-error` : '', linkNote ? `${id}-link` : ''].filter(Boolean).join(' ')}
        onChange={(e) => {
          const typed = e.target.value
          setCut(characterCount(typed, MAX_NAME_LENGTH) > MAX_NAME_LENGTH)
          update({ name: typed })
        }}
      />
      <p className="field-hint" id={`${id}-count`} data-testid="name-count">
        {count === 0 ? `At most ${MAX_NAME_LENGTH} characters` : `${count} of ${MAX_NAME_LENGTH} characters`}
        <span role="status">{cut ? ': the rest was left out' : ''}</span>
      </p>
      <FieldError id={id} error={error} />
      <LinkNote id={id} note={linkNote} />
    </div>
  )
}, sameFieldProps)

function FunctionCardImpl({ fn, index, count, compact = false }: Props) {
  const store = useCalculatorStore()
  const sheetId = useCalculator((s) => s.sheet)
  const errors = useCalculator((s, sel) => sel.selectFunctionErrors(s, fn.id))
  const sheet = PRICE_SHEETS[sheetId]
  const classic = sheetId === 'aws-2016'
  const base = `fn-${index + 1}`
  const idOf = (field: FunctionField) => functionFieldId(index + 1, field)
  const suffix = index > 0 ? `function ${index + 1}` : undefined
  const err = (field: string) => errors[field]
  const update = (patch: Partial<FunctionDraft>) => store.getState().updateFunction(fn.id, patch)

  const memory = parseNumberText(fn.memoryMb)
  const memoryNumber = typeof memory === 'number' && Number.isFinite(memory) ? memory : null
  // A hint from an invalid value would be nonsense ("≈ 5.65e+304 vCPU"): only valid sizes get one.
  const memoryValid = memoryNumber !== null && !err('memoryMb')
  const linkNotes = {
    name: useLinkNote(index, 'name'),
    memoryMb: useLinkNote(index, 'memoryMb'),
    durationMs: useLinkNote(index, 'durationMs'),
    requests: useLinkNote(index, 'requests'),
    ephemeralStorageMb: useLinkNote(index, 'ephemeralStorageMb'),
  }
  // A Managed Instances function has its own memory range.
  const managed = onManaged(fn, classic)
  const rules = sheet.extraMeters?.managedInstances
  const limits = managed && rules ? { minMb: rules.minMemoryMb, maxMb: rules.maxMemoryMb, stepMb: 1 } : sheet.memory
  const sliderValue = memoryNumber === null ? limits.minMb : Math.min(limits.maxMb, Math.max(limits.minMb, memoryNumber))
  // Made again only when what they show changes, so a keystroke elsewhere leaves the memory field alone.
  const { minMb, maxMb, stepMb } = limits
  const memoryHint = useMemo(
    () => (
      <>
        {formatNumber(minMb)}–{formatNumber(maxMb)} MB
        {stepMb > 1 ? ` in ${stepMb} MB steps` : ''}
        {managed ? ' on Managed Instances' : ''}
        {memoryValid && memoryNumber !== null && !managed
          ? ` · ≈ ${formatNumber(vcpuShare(memoryNumber, true).toFixed(2))} vCPU (1 vCPU at ${formatNumber(ONE_VCPU_MEMORY_MB)} MB, at most 6)`
          : ''}
      </>
    ),
    [minMb, maxMb, stepMb, managed, memoryValid, memoryNumber],
  )
  const memorySlider = useMemo(
    () => (
      <MemorySlider
        label={`Memory slider${suffix ? ` (${suffix})` : ''}`}
        limits={{ minMb, maxMb, stepMb }}
        valueMb={sliderValue}
        onChange={(memoryMb) => store.getState().updateFunction(fn.id, { memoryMb })}
      />
    ),
    [suffix, minMb, maxMb, stepMb, sliderValue, store, fn.id],
  )
  const requestsHint = useMemo(() => <MonthlyRequests requests={fn.requests} per={fn.per} />, [fn.requests, fn.per])
  const requestsUnit = useMemo(
    () => (
      <select
        id={functionFieldId(index + 1, 'per')}
        className="unit-select"
        aria-label={`Request unit${suffix ? ` (${suffix})` : ''}`}
        value={fn.per}
        onChange={(e) => store.getState().updateFunction(fn.id, { per: e.target.value as RequestUnit })}
      >
        {UNIT_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    ),
    [index, suffix, fn.per, store, fn.id],
  )
  // Shown as text: without the bidi controls and invisible characters that would reorder the card around it.
  const name = stripUnsafeCharacters(fn.name).trim()
  const title = name || `Function ${index + 1}`
  const actionTarget = name || `function ${index + 1}`

  return (
    <section className="card function-card" aria-labelledby={`${base}-title`}>
      <header className="function-header">
        <h3 id={`${base}-title`}>{count > 1 ? title : 'Your function'}</h3>
        <FunctionCost index={index} count={count} json={fn.logFormat === 'json'} />
        {compact ? null : (
          <div className="function-actions">
            <button
              type="button"
              className="button-quiet"
              onClick={() => store.getState().duplicateFunction(fn.id)}
              aria-label={`Duplicate ${actionTarget}`}
            >
              Duplicate
            </button>
            {count > 1 ? (
              <button
                type="button"
                className="button-quiet"
                onClick={() => store.getState().removeFunction(fn.id)}
                aria-label={`Remove ${actionTarget}`}
              >
                Remove
              </button>
            ) : null}
          </div>
        )}
      </header>

      {compact ? null : <NameField id={idOf('name')} name={fn.name} suffix={suffix} error={err('name')} linkNote={linkNotes.name} update={update} />}

      <NumberField
        id={idOf('memoryMb')}
        label={FIELD_LABELS.memoryMb}
        labelSuffix={suffix}
        value={fn.memoryMb}
        unit="MB"
        linkNote={linkNotes.memoryMb}
        error={err('memoryMb')}
        onChange={(memoryMb) => update({ memoryMb })}
        hint={memoryHint}
        after={memorySlider}
      />

      <NumberField
        id={idOf('durationMs')}
        label={FIELD_LABELS.durationMs}
        labelSuffix={suffix}
        value={fn.durationMs}
        unit="ms"
        linkNote={linkNotes.durationMs}
        error={err('durationMs')}
        onChange={(durationMs) => update({ durationMs })}
        hint={`Average per invocation; billed rounded up to ${sheet.granularityMs} ms`}
      />

      <NumberField
        id={idOf('requests')}
        label={FIELD_LABELS.requests}
        labelSuffix={suffix}
        value={fn.requests}
        linkNote={linkNotes.requests}
        error={err('requests') ?? err('per')}
        onChange={(requests) => update({ requests })}
        hint={requestsHint}
        className="requests-field"
        after={requestsUnit}
      />

      <SelectField
        id={idOf('architecture')}
        label={FIELD_LABELS.architecture}
        labelSuffix={suffix}
        value={classic ? 'x86_64' : fn.architecture}
        options={ARCH_OPTIONS}
        disabled={classic}
        error={classic ? undefined : err('architecture')}
        hint={classic ? 'The classic 2016 sheet had x86_64 only; switch to the current sheet for arm64.' : undefined}
        onChange={(architecture) => update({ architecture })}
      />

      {classic || (managed && ['', '512'].includes(fn.ephemeralStorageMb.trim()) && !err('ephemeralStorageMb')) ? null : (
        <NumberField
          id={idOf('ephemeralStorageMb')}
          label={FIELD_LABELS.ephemeralStorageMb}
          labelSuffix={suffix}
          value={fn.ephemeralStorageMb}
          unit="MB"
          linkNote={linkNotes.ephemeralStorageMb}
          error={err('ephemeralStorageMb')}
          onChange={(ephemeralStorageMb) => update({ ephemeralStorageMb })}
          hint="512–10,240 MB of /tmp; the first 512 MB are free"
        />
      )}

      {/* The classic sheet shows "Beside Lambda" only to say it ignores what a link set there. */}
      {SECTIONS.filter((section) => section.id === 'more' || !classic || section.fields.some((spec) => isExtraSet(fn, spec))).map((section) => (
        <MoreOptions key={section.id} section={section} fn={fn} index={index} classic={classic} suffix={suffix} err={err} update={update} />
      ))}
    </section>
  )
}

export const FunctionCard = memo(FunctionCardImpl)
