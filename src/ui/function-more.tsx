import type { SnapStartMode } from '../engine/index'
import { ASSUMED_ENVIRONMENT_LIFETIME_MINUTES, ASSUMED_IDLE_MINUTES, estimateColdStarts } from '../state/cold-start'
import { FIELD_LABELS, type FunctionField } from '../state/selectors'
import type { FunctionDraft } from '../state/store'
import { functionFieldId } from './field-ids'
import { CheckboxField, LabelSuffix, NumberField, SelectField } from './fields'
import { formatNumber } from './format'
import type { MoreProps } from './function-card'
import { useLinkNote } from './link-omissions'

// The fields of a function card's "More options": loaded when the section first opens.

/** Whether a typed number field holds something other than nothing or 0. */
const given = (text: string) => text.trim() !== '' && text.trim() !== '0'

const SNAPSTART_OPTIONS: { value: SnapStartMode; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'java', label: 'Java (free)' },
  { value: 'priced', label: 'Python or .NET (cache and restores billed)' },
]

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

/** The 2026 inputs of one function: cold starts, provisioned concurrency, SnapStart, Edge, streaming. */
export function MoreFields({ fn, index, classic, suffix, err, update }: MoreProps) {
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
  return (
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
            <ColdStartEstimateNote fn={fn} id={idOf('coldStartPercent')} suffix={suffix} onUse={(coldStartPercent) => update({ coldStartPercent })} />
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
  )
}
