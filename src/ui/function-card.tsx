import { memo, useState } from 'react'
import {
  monthlyRequestsText,
  ONE_VCPU_MEMORY_MB,
  PRICE_SHEETS,
  REQUEST_UNIT_LABELS,
  REQUEST_UNITS,
  vcpuShare,
  type Architecture,
  type RequestUnit,
} from '../engine/index'
import { useCalculator, useCalculatorStore } from '../state/react'
import { FIELD_LABELS, parseNumberText } from '../state/selectors'
import { EXTRA_FIELDS, usesExtras, type FunctionDraft } from '../state/store'
import type { FunctionField } from '../state/selectors'
import { functionFieldId } from './field-ids'
import { FieldError, LabelSuffix, LinkNote, NumberField, SelectField } from './fields'
import { formatNumber, formatUsd } from './format'
import { useLinkNote } from './link-omissions'
import { useLoaded } from './use-loaded'

const loadMoreFields = () => import('./function-more')

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

export interface MoreProps {
  fn: FunctionDraft
  index: number
  classic: boolean
  suffix?: string
  err: (field: string) => string | undefined
  update: (patch: Partial<FunctionDraft>) => void
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
  // The fields' code loads the first time the section opens.
  const fields = useLoaded(loadMoreFields, shown)
  const base = `fn-${index + 1}`
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
          fields ? (
            <fields.MoreFields fn={fn} index={index} classic={classic} suffix={suffix} err={err} update={update} />
          ) : (
            <p className="field-hint">Loading…</p>
          )
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
  const name = fn.name.trim()
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
