import { memo, useState } from 'react'
import {
  stripUnsafeCharacters,
  monthlyRequestsText,
  ONE_VCPU_MEMORY_MB,
  PRICE_SHEETS,
  REQUEST_UNIT_LABELS,
  REQUEST_UNITS,
  vcpuShare,
  type Architecture,
  type RequestUnit,
  type SnapStartMode,
} from '../engine/index'
import { ASSUMED_ENVIRONMENT_LIFETIME_MINUTES, ASSUMED_IDLE_MINUTES, estimateColdStarts } from '../state/cold-start'
import { useCalculator, useCalculatorStore } from '../state/react'
import { FIELD_LABELS, parseNumberText } from '../state/selectors'
import { EXTRA_FIELDS, usesExtras, type FunctionDraft } from '../state/store'
import type { FunctionField } from '../state/selectors'
import { functionFieldId } from './field-ids'
import { CheckboxField, FieldError, LabelSuffix, LinkNote, NumberField, SelectField } from './fields'
import { formatNumber, formatUsd } from './format'
import { useLinkNote } from './link-omissions'

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
  if (per === 'month')
    return value > 0 ? <>about {formatNumber((value / 2_628_000).toPrecision(3))} a second, averaged over a 730-hour month</> : null
  return <>= {formatNumber(monthlyRequestsText(value, per))} requests a month</>
}

/** The function's share of the monthly bill (the engine's per-function cost), for its header. */
function FunctionCost({ index, count }: { index: number; count: number }) {
  const usage = useCalculator((s, sel) => sel.selectFunctionCosts(s)?.[index] ?? null)
  if (!usage) return null
  let share = ''
  if (count > 1 && usage.totalCents > 0) {
    const percent = Math.round((usage.cents / usage.totalCents) * 100)
    share = ` · ${percent === 0 && usage.cents > 0 ? '<1' : percent}% of the bill`
  }
  return (
    <p className="function-cost" data-testid={`function-cost-${index + 1}`}>
      <strong>{formatUsd(usage.usd)}</strong> a month{share}
    </p>
  )
}

const SNAPSTART_OPTIONS: { value: SnapStartMode; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'java', label: 'Java (free)' },
  { value: 'priced', label: 'Python or .NET (cache and restores billed)' },
]

/** Whether a typed number field holds something other than nothing or 0. */
const given = (text: string) => text.trim() !== '' && text.trim() !== '0'

interface MoreProps {
  fn: FunctionDraft
  index: number
  classic: boolean
  suffix?: string
  err: (field: string) => string | undefined
  update: (patch: Partial<FunctionDraft>) => void
}

/** "Use this estimate" for the cold-start share, with how it is estimated. */
function ColdStartEstimateNote({ fn, id, suffix, onUse }: { fn: FunctionDraft; id: string; suffix?: string; onUse: (text: string) => void }) {
  const estimate = estimateColdStarts(fn)
  if (!estimate) return null
  const { environments } = estimate
  return (
    <div className="cold-start-estimate" id={`${id}-estimate`} data-testid="cold-start-estimate">
      <p>
        <strong>Estimate: about {formatNumber(estimate.percent)}%</strong> of on-demand invocations start cold. At{' '}
        {formatNumber(Number(estimate.requestsPerSecond.toPrecision(3)))} requests a second (the month’s average) and {formatNumber(fn.durationMs)} ms
        each, about {formatNumber(environments)} environment{environments === 1 ? '' : 's'} stay busy; assumed, as AWS publishes neither figure:
        Lambda replaces an environment about every {ASSUMED_ENVIRONMENT_LIFETIME_MINUTES / 60} hours and reclaims one left idle for{' '}
        {ASSUMED_IDLE_MINUTES} minutes. Bursts, deployments and scaling out add more.
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
 */
function MoreOptions({ fn, index, classic, suffix, err, update }: MoreProps) {
  const set = usesExtras(fn)
  const hasError = EXTRA_FIELDS.some((field) => err(field))
  const [open, setOpen] = useState(set)
  // A link, a preset or a reset that sets one of these opens the section.
  const [wasSet, setWasSet] = useState(set)
  if (set !== wasSet) {
    setWasSet(set)
    if (set) setOpen(true)
  }
  const shown = open || hasError
  const linkNotes = {
    coldStartPercent: useLinkNote(index, 'coldStartPercent'),
    initDurationMs: useLinkNote(index, 'initDurationMs'),
    provisionedConcurrency: useLinkNote(index, 'provisionedConcurrency'),
    provisionedHours: useLinkNote(index, 'provisionedHours'),
    provisionedSharePercent: useLinkNote(index, 'provisionedSharePercent'),
    snapStartVersions: useLinkNote(index, 'snapStartVersions'),
    snapStartCacheHours: useLinkNote(index, 'snapStartCacheHours'),
    streamedMbPerRequest: useLinkNote(index, 'streamedMbPerRequest'),
  }
  const base = `fn-${index + 1}`
  const idOf = (field: FunctionField) => functionFieldId(index + 1, field)
  const note = (field: FunctionField) => (classic ? undefined : err(field))
  const showProvisioned =
    given(fn.provisionedConcurrency) ||
    fn.provisionedHours.trim() !== '' ||
    fn.provisionedSharePercent.trim() !== '' ||
    !!err('provisionedHours') ||
    !!err('provisionedSharePercent')
  const showSnapStart =
    fn.snapStart === 'priced' ||
    fn.snapStartVersions.trim() !== '' ||
    fn.snapStartCacheHours.trim() !== '' ||
    !!err('snapStartVersions') ||
    !!err('snapStartCacheHours')
  const count = EXTRA_FIELDS.filter((field) =>
    field === 'snapStart' ? fn.snapStart !== 'off' : field === 'edge' ? fn.edge : fn[field].trim() !== '',
  ).length

  return (
    <div className="more-options">
      <button
        type="button"
        className="more-toggle"
        id={`${base}-more-toggle`}
        aria-expanded={shown}
        aria-controls={`${base}-more`}
        onClick={() => setOpen(!shown)}
      >
        <span className="more-toggle-arrow" aria-hidden="true">
          {shown ? '▾' : '▸'}
        </span>
        <span className="more-toggle-title">More options</span>
        <LabelSuffix text={suffix} />
        <span className="more-toggle-note">
          : cold starts, provisioned concurrency, SnapStart, Lambda@Edge, streaming{count > 0 ? ` (${count} set)` : ''}
        </span>
      </button>
      {classic ? (
        <p className="field-hint more-classic-note" id={`${base}-more-classic`}>
          The classic 2016 sheet ignores these: it billed no INIT and had no provisioned concurrency, SnapStart, Lambda@Edge or response streaming.
          Switch to the current sheet to price them.
        </p>
      ) : null}
      <div
        id={`${base}-more`}
        className="more-fields"
        role="group"
        aria-labelledby={`${base}-more-toggle`}
        aria-describedby={classic ? `${base}-more-classic` : undefined}
        hidden={!shown}
      >
        {shown ? (
          <>
            <NumberField
              id={idOf('coldStartPercent')}
              label={FIELD_LABELS.coldStartPercent}
              labelSuffix={suffix}
              value={fn.coldStartPercent}
              unit="%"
              placeholder="0"
              error={note('coldStartPercent')}
              linkNote={linkNotes.coldStartPercent}
              onChange={(coldStartPercent) => update({ coldStartPercent })}
              hint="0–100, fractions allowed; empty is 0. The share of on-demand invocations that start cold and bill their INIT."
              after={
                classic || fn.coldStartPercent.trim() !== '' ? null : (
                  <ColdStartEstimateNote
                    fn={fn}
                    id={idOf('coldStartPercent')}
                    suffix={suffix}
                    onUse={(coldStartPercent) => update({ coldStartPercent })}
                  />
                )
              }
              className="cold-start-field"
            />
            <NumberField
              id={idOf('initDurationMs')}
              label={FIELD_LABELS.initDurationMs}
              labelSuffix={suffix}
              value={fn.initDurationMs}
              unit="ms"
              placeholder="0"
              error={note('initDurationMs')}
              linkNote={linkNotes.initDurationMs}
              onChange={(initDurationMs) => update({ initDurationMs })}
              hint="0–10,000 ms; empty is 0. The REPORT line’s Init Duration (with SnapStart, its Restore Duration), added to each cold invocation."
            />
            <NumberField
              id={idOf('provisionedConcurrency')}
              label={FIELD_LABELS.provisionedConcurrency}
              labelSuffix={suffix}
              value={fn.provisionedConcurrency}
              placeholder="0"
              error={note('provisionedConcurrency')}
              linkNote={linkNotes.provisionedConcurrency}
              onChange={(provisionedConcurrency) => update({ provisionedConcurrency })}
              hint="A whole number; empty is 0. Environments kept initialised, billed for every hour they are enabled, busy or not."
            />
            {showProvisioned ? (
              <>
                <NumberField
                  id={idOf('provisionedHours')}
                  label={FIELD_LABELS.provisionedHours}
                  labelSuffix={suffix}
                  value={fn.provisionedHours}
                  unit="h"
                  placeholder="730"
                  error={note('provisionedHours')}
                  linkNote={linkNotes.provisionedHours}
                  onChange={(provisionedHours) => update({ provisionedHours })}
                  hint="0–744 hours; empty is 730, the whole month. Billed in 5-minute steps."
                />
                <NumberField
                  id={idOf('provisionedSharePercent')}
                  label={FIELD_LABELS.provisionedSharePercent}
                  labelSuffix={suffix}
                  value={fn.provisionedSharePercent}
                  unit="%"
                  placeholder="100"
                  error={note('provisionedSharePercent')}
                  linkNote={linkNotes.provisionedSharePercent}
                  onChange={(provisionedSharePercent) => update({ provisionedSharePercent })}
                  hint="0–100; empty is 100. The share of requests the provisioned environments serve; the rest spills over to on demand."
                />
              </>
            ) : null}
            <SelectField
              id={idOf('snapStart')}
              label={FIELD_LABELS.snapStart}
              labelSuffix={suffix}
              value={fn.snapStart}
              options={SNAPSTART_OPTIONS}
              error={note('snapStart')}
              onChange={(snapStart) => update({ snapStart })}
              hint="Cold starts restore a snapshot instead of running INIT; Python and .NET pay for the cache and each restore."
            />
            {showSnapStart ? (
              <>
                <NumberField
                  id={idOf('snapStartVersions')}
                  label={FIELD_LABELS.snapStartVersions}
                  labelSuffix={suffix}
                  value={fn.snapStartVersions}
                  placeholder="1"
                  error={note('snapStartVersions')}
                  linkNote={linkNotes.snapStartVersions}
                  onChange={(snapStartVersions) => update({ snapStartVersions })}
                  hint="A whole number, 1 or more; empty is 1. Published versions kept cached."
                />
                <NumberField
                  id={idOf('snapStartCacheHours')}
                  label={FIELD_LABELS.snapStartCacheHours}
                  labelSuffix={suffix}
                  value={fn.snapStartCacheHours}
                  unit="h"
                  placeholder="730"
                  error={note('snapStartCacheHours')}
                  linkNote={linkNotes.snapStartCacheHours}
                  onChange={(snapStartCacheHours) => update({ snapStartCacheHours })}
                  hint="0–744 hours; empty is 730. Hours each version is cached; at least 3 are billed."
                />
              </>
            ) : null}
            <CheckboxField
              id={idOf('edge')}
              label={FIELD_LABELS.edge}
              labelSuffix={suffix}
              checked={fn.edge}
              error={note('edge')}
              onChange={(edge) => update({ edge })}
              hint="Runs at CloudFront edge locations: x86_64 only, its own prices, no free tier, no provisioned concurrency."
            />
            <NumberField
              id={idOf('streamedMbPerRequest')}
              label={FIELD_LABELS.streamedMbPerRequest}
              labelSuffix={suffix}
              value={fn.streamedMbPerRequest}
              unit="MB"
              placeholder="0"
              error={note('streamedMbPerRequest')}
              linkNote={linkNotes.streamedMbPerRequest}
              onChange={(streamedMbPerRequest) => update({ streamedMbPerRequest })}
              hint="0–200 MB; empty is 0. Response streaming: what each response streams beyond 6 MB is billed, after 100 GiB a month free."
            />
          </>
        ) : null}
      </div>
    </div>
  )
}

function FunctionCardImpl({ fn, index, count, compact = false }: Props) {
  const store = useCalculatorStore()
  const sheetId = useCalculator((s) => s.sheet)
  const errors = useCalculator((s, sel) => sel.selectForm(s).errors)
  const sheet = PRICE_SHEETS[sheetId]
  const classic = sheetId === 'aws-2016'
  const base = `fn-${index + 1}`
  const idOf = (field: FunctionField) => functionFieldId(index + 1, field)
  const suffix = index > 0 ? `function ${index + 1}` : undefined
  const err = (field: string) => errors[`${fn.id}.${field}`]
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
  const sliderValue = memoryNumber === null ? sheet.memory.minMb : Math.min(sheet.memory.maxMb, Math.max(sheet.memory.minMb, memoryNumber))
  // Shown as text: without the bidi controls and invisible characters that would reorder the card around it.
  const name = stripUnsafeCharacters(fn.name).trim()
  const title = name || `Function ${index + 1}`
  const actionTarget = name || `function ${index + 1}`

  return (
    <section className="card function-card" aria-labelledby={`${base}-title`}>
      <header className="function-header">
        <h3 id={`${base}-title`}>{count > 1 ? title : 'Your function'}</h3>
        <FunctionCost index={index} count={count} />
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

      {compact ? null : (
        <div className="field">
          <label htmlFor={idOf('name')}>
            Name <span className="optional">(optional)</span>
            <LabelSuffix text={suffix} />
          </label>
          <input
            id={idOf('name')}
            type="text"
            value={fn.name}
            placeholder="e.g. api-handler"
            aria-invalid={err('name') ? true : undefined}
            aria-describedby={
              [err('name') ? `${idOf('name')}-error` : '', linkNotes.name ? `${idOf('name')}-link` : ''].filter(Boolean).join(' ') || undefined
            }
            onChange={(e) => update({ name: e.target.value })}
          />
          <FieldError id={idOf('name')} error={err('name')} />
          <LinkNote id={idOf('name')} note={linkNotes.name} />
        </div>
      )}

      <NumberField
        id={idOf('memoryMb')}
        label={FIELD_LABELS.memoryMb}
        labelSuffix={suffix}
        value={fn.memoryMb}
        unit="MB"
        linkNote={linkNotes.memoryMb}
        error={err('memoryMb')}
        onChange={(memoryMb) => update({ memoryMb })}
        hint={
          <>
            {sheet.memory.minMb}–{formatNumber(sheet.memory.maxMb)} MB
            {sheet.memory.stepMb > 1 ? ` in ${sheet.memory.stepMb} MB steps` : ''}
            {memoryValid
              ? ` · ≈ ${formatNumber(vcpuShare(memoryNumber, true).toFixed(2))} vCPU (1 vCPU at ${formatNumber(ONE_VCPU_MEMORY_MB)} MB, at most 6)`
              : ''}
          </>
        }
        after={
          <input
            type="range"
            className="slider"
            aria-label={`Memory slider${suffix ? ` (${suffix})` : ''}`}
            min={sheet.memory.minMb}
            max={sheet.memory.maxMb}
            step={sheet.memory.stepMb}
            value={sliderValue}
            onChange={(e) => update({ memoryMb: e.target.value })}
          />
        }
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
        hint={<MonthlyRequests requests={fn.requests} per={fn.per} />}
        className="requests-field"
        after={
          <select
            id={idOf('per')}
            className="unit-select"
            aria-label={`Request unit${suffix ? ` (${suffix})` : ''}`}
            value={fn.per}
            onChange={(e) => update({ per: e.target.value as RequestUnit })}
          >
            {UNIT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        }
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

      {classic ? null : (
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

      <MoreOptions fn={fn} index={index} classic={classic} suffix={suffix} err={err} update={update} />
    </section>
  )
}

export const FunctionCard = memo(FunctionCardImpl)
