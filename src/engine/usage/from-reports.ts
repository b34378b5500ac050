/**
 * A month's bill from REPORT logs: every invocation billed on its own (the
 * usage step), then priced exactly as `estimate()` prices (the same free
 * tier, tiers, lines and steps).
 */
import { compiledSheet } from '../compiled-sheet'
import { estimateOf } from '../estimate'
import type { Estimate, EstimateInput, FunctionInput, InputProblem } from '../types'
import { InvalidInputError, validateInput } from '../validate'
import { importedBill, importedName } from './imported-bill'
import { summarizeBilledUsage } from './summary'
import type { ReportEstimateOptions, ReportSample } from './types'

export type { ReportEstimateOptions } from './types'

/** Problems with the options and the sample, on the names the caller used. */
function problemsOf(sample: ReportSample, options: ReportEstimateOptions, functions: FunctionInput[]): InputProblem[] {
  const out: InputProblem[] = []
  if (!sample || typeof sample.invocations !== 'number' || sample.invocations < 1) {
    out.push({ path: 'sample', message: 'The log holds no REPORT lines, so there is nothing to bill: paste or choose a log with at least one.' })
    return out
  }
  const mr = options.monthlyRequests
  if (mr !== undefined && (typeof mr !== 'number' || !Number.isFinite(mr) || mr < 0)) {
    out.push({ path: 'monthlyRequests', message: `Monthly requests must be a number of 0 or more; got ${String(mr)}.` })
    return out
  }
  const input: EstimateInput = { sheet: options.sheet, region: options.region, freeTier: options.freeTier, functions }
  for (const p of validateInput(input)) {
    const m = /^functions\.(\d+)\.(\w+)$/.exec(p.path)
    if (!m) out.push(p)
    else if (m[2] === 'requests') out.push({ path: 'monthlyRequests', message: p.message })
    else if (m[2] === 'memoryMb') out.push({ path: 'sample.memorySizesMb', message: `The log's memory size: ${p.message}` })
    else if (m[2] === 'architecture') {
      if (!out.some((x) => x.path === 'architecture')) out.push({ path: 'architecture', message: p.message })
    } else out.push({ path: `sample.${m[2]}`, message: p.message })
  }
  return out
}

/**
 * The monthly bill of the invocations in a REPORT log, each billed on its own,
 * exactly:
 * - current sheet: ceil(Duration + Init Duration) to 1 ms per invocation
 *   (INIT billed since 1 August 2025), recomputed from the logged durations
 *   so a log from before that date is priced under today's rules; the steps
 *   say how many logged `Billed Duration`s differ;
 * - classic sheet: ceil(Duration) to 100 ms, INIT not billed;
 * - SnapStart's `Billed Restore Duration` is added as logged.
 *
 * With `monthlyRequests` the sample's billed GB-s scale by exactly
 * monthlyRequests / invocations (its mix of durations, memory sizes and cold
 * starts kept); without it the log is the month. Each memory size in the log
 * is one function of the estimate. The free tier, tiers, lines, rounding and
 * steps are those of `estimate()`.
 *
 * Throws `InvalidInputError` (every problem, each naming the field) when the
 * sample is empty or an option or a logged memory size is not allowed on the
 * sheet.
 *
 * @example
 * // 200 invocations at 128 MB: 100 of 1-3 ms, 53 of 95-100 ms, 47 of 100.01-105 ms
 * const bill = estimateFromReports(parseReports(log), { sheet: 'aws-2016', freeTier: false, monthlyRequests: 200_000_000 })
 * bill.totalUsd // '91.47': 123.5 ms billed on average, where the average duration (51 ms) bills 100 ms ($81.68)
 */
export function estimateFromReports(sample: ReportSample, options: ReportEstimateOptions): Estimate {
  const architecture = options.architecture ?? 'x86_64'
  const sizes = sample && sample.invocations > 0 ? sample.memorySizesMb : []
  const functions: FunctionInput[] = sizes.map((memoryMb) => ({
    name: importedName(memoryMb, sizes.length),
    memoryMb,
    durationMs: 1,
    requests: options.monthlyRequests ?? sample.invocations,
    architecture,
  }))
  const problems = problemsOf(sample, options, functions)
  if (problems.length > 0) throw new InvalidInputError(problems)

  const sheet = compiledSheet(options.sheet)
  const region = sheet.regions.get(options.region ?? sheet.data.defaultRegion)!
  const summary = summarizeBilledUsage(sample, { granularityMs: sheet.data.granularityMs, billInit: sheet.data.extraMeters !== undefined })
  const imported = {
    summary,
    options: { ...options, region: region.id, freeTier: options.freeTier ?? true, architecture: options.architecture ?? 'x86_64' },
  }
  const { bill, input } = importedBill(imported)
  return estimateOf(input, bill, imported)
}
