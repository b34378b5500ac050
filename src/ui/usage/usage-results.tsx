import { lazy, Suspense, useDeferredValue, useId, useMemo, useState } from 'react'
import {
  averageWorkloads,
  compareBills,
  defaultMonthlyRequests,
  estimateRangeFromReports,
  HEADROOM_PERCENT,
  InvalidInputError,
  MAX_REQUESTS_PER_MONTH,
  PRICE_SHEETS,
  priceSheetInfo,
  rightSize,
  stripUnsafeCharacters,
  type Architecture,
  type BillComparison,
  type BillRange,
  type PricingChoice,
  type RightSizing,
} from '../../engine/index'
import { useCalculator, useCalculatorStore } from '../../state/react'
import { parseNumberText } from '../../state/selectors'
import { countOf, formatNumber, formatUsd, keepUnitsWhole, unitFor } from '../format'
import { centsOf, formatCentsExact } from '../money'
import { usageView, useUsageView, type ImportedLog } from './usage-view'

const absCents = (c: bigint) => (c < 0n ? -c : c)

type Priced =
  { kind: 'ok'; comparison: BillComparison; sizing: RightSizing | null; range: BillRange | null } | { kind: 'problems'; problems: string[] }

const HistogramChart = lazy(() => import('../charts/histogram-chart'))

function spanText(ms: number): string {
  const minutes = ms / 60_000
  if (minutes < 1) return `${formatNumber(Math.round(ms / 100) / 10)} s`
  if (minutes < 120) return `${formatNumber(Math.round(minutes))} min`
  const hours = minutes / 60
  if (hours < 72) return `${formatNumber(Math.round(hours * 10) / 10)} h`
  return `${formatNumber(Math.round(hours / 2.4) / 10)} days`
}

function utc(ms: number, spanMs: number): string {
  return `${new Date(ms)
    .toISOString()
    .slice(0, spanMs < 3_600_000 ? 19 : 16)
    .replace('T', ' ')} UTC`
}

function percentText(x: number): string {
  return `${formatNumber(Math.round(x * 10) / 10)} %`
}

/** Items in a sentence: "a", "a and b", "a, b and c". */
function listText(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** What the bill from averages uses: one mean duration, or one a memory size ("15.74 ms at 128 MB and 250.06 ms at 1,024 MB"). */
function averagesLabel(workloads: readonly { memoryMb: number; meanDurationMs: number }[]): string {
  if (workloads.length === 1) return `From the average duration (${formatNumber(workloads[0]!.meanDurationMs)} ms)`
  if (workloads.length > 3) return `From the average duration of each of the ${formatNumber(workloads.length)} memory sizes`
  return `From the average durations (${listText(workloads.map((w) => `${formatNumber(w.meanDurationMs)} ms at ${formatNumber(w.memoryMb)} MB`))})`
}

/** The monthly volume typed, or why it cannot be used. */
function readVolume(text: string): { value: number } | { error: string } {
  const v = parseNumberText(text)
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_REQUESTS_PER_MONTH)
    return { error: `Requests per month must be a number from 0 to 1,000,000,000,000,000; got "${text.trim()}".` }
  return { value: v }
}

/**
 * Where the requests a month start, in a newcomer's words: the log's rate (or
 * count), or, for usage a link carried, the figure saved in the link or the
 * rate of the invocations it summarised.
 */
function startHint(log: ImportedLog, sample: ImportedLog['sample'], stats: ImportedLog['stats']): string {
  const spanned = stats.timeSpan !== null && stats.timeSpan.lastMs > stats.timeSpan.firstMs
  if (!log.linked) {
    return spanned
      ? `Starts at the log’s rate over a 730-hour month (${formatNumber(defaultMonthlyRequests(sample))}).`
      : `Starts at the log’s own count: without timestamps the log is taken as the month.`
  }
  if (log.monthlyRequests !== undefined)
    return `Starts at ${formatNumber(log.monthlyRequests)}: the requests a month this page’s link carried with the imported usage, as set where the link was made.`
  return spanned
    ? `Starts at the imported usage’s rate over a 730-hour month (${formatNumber(defaultMonthlyRequests(sample))}): the link carried how many invocations the log had and the time they spanned.`
    : `Starts at the imported usage’s own count of invocations: the log the link summarised had no timestamps, so it is taken as the month.`
}

/** What an imported log bills, and how it compares with the average. */
export default function UsageResults({ log, onClear, functionName = '' }: { log: ImportedLog; onClear: () => void; functionName?: string }) {
  const id = useId()
  const store = useCalculatorStore()
  const sheet = useCalculator((s) => s.sheet)
  const region = useCalculator((s) => s.region)
  const freeTier = useCalculator((s) => s.freeTier)
  const functions = useCalculator((s) => s.functions)
  const { stats } = log
  // A link's usage re-rounds the classic sheet's cold starts from a sample of its own.
  const sample = sheet === 'aws-2016' && log.classicSample ? log.classicSample : log.sample
  const linked = log.linked
  // Rows (a Logs Insights export) or lines, as the usage was first read.
  const fromRows = linked ? linked.insights : sample.aggregate !== undefined
  const linkFit = useUsageView((s) => s.linkFit)
  const [volumeText, setVolumeText] = useState(() => (log.monthlyRequests ?? defaultMonthlyRequests(sample)).toLocaleString('en-US'))
  const [target, setTarget] = useState(0)
  const [applied, setApplied] = useState<string | null>(null)
  const volume = readVolume(volumeText)
  const architecture: Architecture = functions[Math.min(target, functions.length - 1)]?.architecture ?? 'x86_64'

  // The bills wait for typing to pause (useDeferredValue): a million invocations take a few ms each.
  const choice = useDeferredValue<PricingChoice | null>(
    useMemo(
      () =>
        'value' in volume
          ? {
              sheet,
              region: sheet === 'aws-current' ? region : undefined,
              freeTier,
              architecture: sheet === 'aws-current' ? architecture : undefined,
              monthlyRequests: volume.value,
            }
          : null,
      [sheet, region, freeTier, architecture, 'value' in volume ? volume.value : null],
    ),
  )
  const priced = useMemo((): Priced | null => {
    if (!choice) return null
    try {
      // Aggregated rows may only bound the classic sheet's 100 ms re-rounding: the range and why.
      const range = sample.aggregate ? estimateRangeFromReports(sample, choice) : null
      return { kind: 'ok', comparison: compareBills(sample, choice), sizing: rightSize(sample, choice), range }
    } catch (e) {
      if (e instanceof InvalidInputError) return { kind: 'problems', problems: e.problems.map((p) => p.message) }
      throw e
    }
  }, [sample, choice])

  const info = priceSheetInfo(sheet)
  const g = info.granularityMs
  const coldShare = (100 * stats.coldStarts) / stats.invocations
  const workloads = useMemo(() => averageWorkloads(sample), [sample])
  const main = workloads.reduce((a, b) => (b.invocations > a.invocations ? b : a))
  const sheetLabel = sheet === 'aws-2016' ? 'the classic 2016 sheet' : `the current sheet (${region})`

  const apply = () => {
    const fn = functions[Math.min(target, functions.length - 1)]
    if (!fn || !('value' in volume)) return
    // The log's cold-start share and mean INIT, rounded for the form (the exact figures bill above).
    const coldPercent = main.coldPercent > 0 ? String(Number(main.coldPercent.toPrecision(4))) : ''
    const initMs = main.coldPercent > 0 ? String(main.meanInitMs) : ''
    store.getState().updateFunction(fn.id, {
      memoryMb: String(main.memoryMb),
      durationMs: String(main.meanDurationMs),
      requests: String(volume.value),
      per: 'month',
      coldStartPercent: coldPercent,
      initDurationMs: initMs,
    })
    setApplied(
      `Function ${Math.min(target, functions.length - 1) + 1} now has ${formatNumber(main.memoryMb)} MB, ${formatNumber(main.meanDurationMs)} ms on average and ${countOf(volume.value, 'requests')} a month` +
        (coldPercent ? `, with ${formatNumber(coldPercent)} % cold starts of ${formatNumber(initMs)} ms INIT.` : '.'),
    )
  }

  return (
    <div className="usage-results" data-testid="usage-results">
      <div className="usage-head">
        <h3>{stripUnsafeCharacters(log.source)}</h3>
        <button type="button" className="button-quiet" onClick={onClear}>
          Clear
        </button>
      </div>
      {linked ? (
        <p className="usage-linked" data-testid="usage-from-link">
          From imported usage: {stripUnsafeCharacters(log.source)}, imported {linked.importedOn}. This page&rsquo;s link carried it as a summary of
          billed durations, not the log itself.
        </p>
      ) : null}
      <p>
        <strong>{formatNumber(stats.invocations)}</strong> {unitFor(stats.invocations, 'invocations')}
        {stats.timeSpan ? (
          <>
            {' '}
            over {spanText(stats.timeSpan.lastMs - stats.timeSpan.firstMs)},{' '}
            {utc(stats.timeSpan.firstMs, stats.timeSpan.lastMs - stats.timeSpan.firstMs)} to{' '}
            {utc(stats.timeSpan.lastMs, stats.timeSpan.lastMs - stats.timeSpan.firstMs)}
          </>
        ) : fromRows ? (
          ' (the rows had no firstMs and lastMs)'
        ) : (
          ' (the lines had no timestamps)'
        )}
        , at {listText(stats.memorySizesMb.map((m) => `${formatNumber(m)} MB`))}.
        {sample.problemCount === 1
          ? ` 1 ${fromRows ? 'row' : 'REPORT line'} could not be read and is not counted.`
          : sample.problemCount > 0
            ? ` ${formatNumber(sample.problemCount)} ${fromRows ? 'rows' : 'REPORT lines'} could not be read and are not counted.`
            : ''}
      </p>
      {sample.problems.length > 0 ? (
        <details className="usage-problems">
          <summary>Lines not read</summary>
          <ul>
            {sample.problems.slice(0, 20).map((p) => (
              <li key={p.line}>
                Line {formatNumber(p.line)}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <div className="field">
        <label htmlFor={`${id}-volume`}>Requests per month</label>
        <input
          id={`${id}-volume`}
          inputMode="decimal"
          value={volumeText}
          aria-invalid={'error' in volume}
          aria-describedby={`${id}-volume-hint`}
          onChange={(e) => {
            setVolumeText(e.target.value)
            // the link carries the volume typed, so it opens with the same bill
            const typed = readVolume(e.target.value)
            if ('value' in typed) usageView.set({ volumes: { ...usageView.get().volumes, [functionName]: typed.value } })
          }}
        />
        {'error' in volume ? (
          <p className="field-error" role="alert">
            {volume.error}
          </p>
        ) : null}
        <p id={`${id}-volume-hint`} className="field-hint">
          {startHint(log, sample, stats)} The {linked ? 'imported usage' : 'log'}&rsquo;s mix of durations, memory sizes and cold starts is kept.
          Priced on {sheetLabel}
          {freeTier ? ', free tier included' : ', without the free tier'} (set above).
        </p>
      </div>

      {priced?.kind === 'problems' ? (
        <div className="field-error" role="alert">
          {priced.problems.map((p) => (
            <p key={p}>{keepUnitsWhole(p)}</p>
          ))}
        </div>
      ) : null}

      {priced?.kind === 'ok' ? (
        <dl className="usage-bill" data-testid="usage-bill">
          <div>
            <dt>Each invocation billed as logged</dt>
            <dd data-testid="usage-total">
              {priced.range && !priced.range.exact
                ? `${formatUsd(priced.range.lower.totalUsd)} to ${formatUsd(priced.range.upper.totalUsd)} / month`
                : `${formatUsd(priced.comparison.perInvocation.totalUsd)} / month`}
            </dd>
          </div>
          <div>
            <dt>{averagesLabel(workloads)}</dt>
            <dd>{formatUsd(priced.comparison.fromAverage.totalUsd)} / month</dd>
          </div>
          <div>
            <dt>Difference</dt>
            <dd>
              {priced.comparison.differenceCents === 0
                ? 'none: averaging loses nothing here'
                : `per invocation is ${formatCentsExact(absCents(centsOf(priced.comparison.perInvocation.totalUsd) - centsOf(priced.comparison.fromAverage.totalUsd)))}${
                    priced.comparison.differencePercent === null ? '' : ` (${percentText(Math.abs(priced.comparison.differencePercent))})`
                  } ${priced.comparison.differenceCents > 0 ? 'more' : 'less'}: the average is ${priced.comparison.differenceCents > 0 ? 'low' : 'high'}`}
            </dd>
          </div>
        </dl>
      ) : null}
      {priced?.kind === 'ok' && g === 1 && (priced.comparison.perInvocation.imported?.summary.byMemory.some((m) => m.loggedWithoutInit) ?? false) ? (
        <p className="usage-range" data-testid="usage-init-unbilled">
          Some cold starts were logged before 1 August 2025, when Billed Duration left INIT out (their Billed Duration is below Duration + INIT): they
          are billed as logged, so today&rsquo;s bill for them would be higher by up to their INIT time. Import their REPORT lines to bill them under
          today&rsquo;s rules.
        </p>
      ) : null}
      {linked?.approximate && g === 100 && priced?.kind === 'ok' ? (
        <p className="usage-range" data-testid="usage-link-approximate">
          Approximate: to fit in a link of 2,000 characters, billed durations were merged across 100 ms steps, so this sheet&rsquo;s bill is known
          only within {priced.range ? `${formatUsd(priced.range.lower.totalUsd)} and ${formatUsd(priced.range.upper.totalUsd)} a month` : 'bounds'}.
          The current sheet&rsquo;s bill is exact. Import the log again for the classic sheet&rsquo;s exact figure.
        </p>
      ) : null}
      {priced?.kind === 'ok' && priced.range?.reason && !priced.range.exact ? (
        <p className="usage-range" data-testid="usage-range">
          {priced.range.reason}
        </p>
      ) : null}
      <p className="field-hint">
        {g === 1
          ? 'The current sheet rounds each invocation (duration + INIT) up to the next 1 ms.'
          : 'The classic sheet rounds each invocation up to the next 100 ms, so short calls bill far more than they run; INIT is not billed.'}
      </p>

      <Suspense fallback={<p className="charts-loading">Loading the histogram&hellip;</p>}>
        <HistogramChart histogram={stats.histogram} granularityMs={g} />
      </Suspense>
      {linked?.statsRedrawn ? (
        <p className="field-hint">
          Drawn from the link&rsquo;s summary (the link had no room for the figures as first shown): the histogram and percentiles are of Billed
          Duration, each bucket at its lower bound; the mean Duration and INIT come from exact sums.
        </p>
      ) : fromRows ? (
        <p className="field-hint">
          From Logs Insights rows: the histogram and percentiles are of Billed Duration (each row at its bucket&rsquo;s lower bound); the mean
          Duration and INIT come from the rows&rsquo; exact sums.
        </p>
      ) : null}

      <h4>Cold starts</h4>
      <p>
        {stats.coldStarts === 0 ? (
          'No invocation started cold in this log.'
        ) : (
          <>
            {percentText(coldShare)} of invocations started cold ({formatNumber(stats.coldStarts)}).
            {stats.initMs
              ? ` INIT took ${formatNumber(stats.initMs.mean)} ms on average${
                  stats.initMs.p50 !== null && stats.initMs.max !== null
                    ? ` (median ${formatNumber(stats.initMs.p50)} ms, longest ${formatNumber(stats.initMs.max)} ms)`
                    : ''
                }`
              : ''}
            {g === 1 ? ', billed with the invocation since August 2025.' : ', not billed on the classic sheet.'}
          </>
        )}
      </p>
      <p className="field-hint">
        {fromRows || linked?.statsRedrawn ? `Duration: mean ${formatNumber(stats.durationMs.mean)} ms. Billed Duration:` : 'Duration:'} median{' '}
        {formatNumber(stats.durationMs.p50)} ms, 90th percentile {formatNumber(stats.durationMs.p90)} ms, 99th {formatNumber(stats.durationMs.p99)}{' '}
        ms, longest {formatNumber(stats.durationMs.max)} ms.
      </p>

      <h4>Memory</h4>
      <ul className="usage-memory">
        {sample.memorySizesMb.map((m, i) => {
          const used = sample.maxMemoryUsedByMemoryMb[i] ?? 0
          return (
            <li key={m}>
              {used > 0
                ? `Max memory used ${formatNumber(used)} MB of ${formatNumber(m)} MB (${percentText((100 * used) / m)}).`
                : `${formatNumber(m)} MB: the log did not say how much was used.`}
            </li>
          )
        })}
      </ul>
      {priced?.kind === 'ok' && priced.sizing && priced.sizing.suggestedMb === priced.sizing.currentMemoryMb && sample.memorySizesMb.length === 1 ? (
        <p data-testid="usage-right-size">
          Right-sizing: {formatNumber(priced.sizing.currentMemoryMb)} MB, the size this function runs at, is already the smallest with{' '}
          {HEADROOM_PERCENT} % headroom above the {formatNumber(priced.sizing.maxMemoryUsedMb)} MB used.
        </p>
      ) : priced?.kind === 'ok' && priced.sizing ? (
        <p data-testid="usage-right-size">
          {priced.sizing.suggestedMb === null
            ? `Even the largest memory on this sheet leaves less than ${HEADROOM_PERCENT} % headroom above ${formatNumber(priced.sizing.maxMemoryUsedMb)} MB.`
            : `Right-sizing: ${formatNumber(priced.sizing.suggestedMb)} MB is the smallest size with ${HEADROOM_PERCENT} % headroom above the ${formatNumber(priced.sizing.maxMemoryUsedMb)} MB used.`}
          {priced.sizing.ifDurationHeld
            ? ` If every invocation ran as long there, this month would cost ${formatUsd(priced.sizing.ifDurationHeld.totalUsd)}.`
            : ''}{' '}
          <strong>Duration may change:</strong> memory also sets the CPU share, so less memory can run slower (and more, faster). Measure with power
          tuning before relying on it.
        </p>
      ) : null}

      <h4>Use in the calculator</h4>
      <div className="usage-apply">
        <div className="field">
          <label htmlFor={`${id}-target`}>Function</label>
          <select id={`${id}-target`} value={Math.min(target, functions.length - 1)} onChange={(e) => setTarget(Number(e.target.value))}>
            {functions.map((f, i) => (
              <option key={f.id} value={i}>
                Function {i + 1}
                {stripUnsafeCharacters(f.name).trim() ? `: ${stripUnsafeCharacters(f.name).trim()}` : ''}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button-secondary" disabled={!('value' in volume)} onClick={apply}>
          Apply to function {Math.min(target, functions.length - 1) + 1}
        </button>
      </div>
      <p className="field-hint">
        Sets its memory ({formatNumber(main.memoryMb)} MB), average duration ({formatNumber(main.meanDurationMs)} ms), monthly requests
        {main.coldPercent > 0 ? `, cold-start share (${percentText(main.coldPercent)}) and average INIT (${formatNumber(main.meanInitMs)} ms)` : ''}.
        The calculator then prices the average; this panel shows the bill per invocation.
      </p>
      {applied ? (
        <p className="usage-applied" role="status">
          {applied}
        </p>
      ) : null}

      {linkFit ? (
        <p className="field-hint" data-testid="usage-link-fit">
          {linkFit === 'left-out'
            ? 'The page’s link leaves this usage out: even one bucket per memory size does not fit in 2,000 characters. Export the estimate (JSON) to share it in full.'
            : linkFit === 'approximate'
              ? 'The page’s link carries this usage as a summary: to fit 2,000 characters its billed durations are merged across 100 ms steps, so it opens with the same bill on the current sheet and within stated bounds on the classic one.'
              : 'The page’s link carries this usage as a summary of billed durations: it opens with the same bill, to the cent, on either sheet.'}
        </p>
      ) : null}
      <p className="field-hint">
        Prices from {info.label}, checked {info.checkedDate}. Memory limits on this sheet: {formatNumber(PRICE_SHEETS[sheet].memory.minMb)} to{' '}
        {formatNumber(PRICE_SHEETS[sheet].memory.maxMb)} MB.
      </p>
    </div>
  )
}
