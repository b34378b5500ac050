import type { Architecture, PriceSheetId } from '../types'

/**
 * Types of imported usage: invocations read from Lambda REPORT logs, and the
 * exact billed usage summed from them.
 */

/**
 * A line of the input that looked like an invocation report but could not be
 * read. It is never counted and never stops the import.
 *
 * @example { line: 12, message: 'REPORT line without "Billed Duration"' }
 */
export interface ReportProblem {
  /** 1-based line number in the text given to the parser (all chunks together). */
  line: number
  message: string
}

/**
 * Where the invocations of a sample came from.
 *
 * @example parseReports('@timestamp,@duration,@billedDuration,@memorySize\n...').formats // ['insights-csv']
 */
export type ReportFormat = 'text' | 'json' | 'insights-csv' | 'insights-json' | 'insights-stats-csv' | 'insights-stats-json'

/**
 * Every invocation read from a log, one entry per invocation in each typed
 * array (index i is the i-th invocation in log order), plus what the log says
 * about its time span.
 *
 * Durations are kept as whole microseconds (ms x 1000): REPORT text lines
 * print 2 decimals and JSON `platform.report` records up to 3, so the
 * integers are the logged values exactly and `ceil_g(duration + init)` can
 * be computed without floating point.
 *
 * @example
 * const sample = parseReports('REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95 Duration: 15.74 ms Billed Duration: 147 ms Memory Size: 128 MB Max Memory Used: 56 MB Init Duration: 130.49 ms')
 * sample.invocations // 1
 * sample.durationUs[0] // 15740
 * sample.initDurationUs[0] // 130490
 */
export interface ReportSample {
  /** Invocations read (every typed array has this length). */
  invocations: number
  /** Invocations with an `Init Duration` or a `Restore Duration` (SnapStart). */
  coldStarts: number
  /** `Duration`, microseconds. */
  durationUs: Uint32Array
  /** `Billed Duration` as logged, whole ms (under the rules of the day it was logged). */
  billedDurationMs: Uint32Array
  /** `Memory Size`, MB. */
  memoryMb: Uint16Array
  /** `Max Memory Used`, MB; 0 where the log did not say. */
  maxMemoryUsedMb: Uint16Array
  /** 1 for a cold invocation (INIT or SnapStart restore), else 0. */
  cold: Uint8Array
  /** `Init Duration`, microseconds; 0 on warm invocations. */
  initDurationUs: Uint32Array
  /** SnapStart `Restore Duration`, microseconds; 0 when absent. */
  restoreDurationUs: Uint32Array
  /** SnapStart `Billed Restore Duration`, whole ms; 0 when absent. */
  billedRestoreMs: Uint32Array
  /** The distinct memory sizes seen, MB, ascending. */
  memorySizesMb: number[]
  /** Largest `Max Memory Used` per memory size seen, MB (same order as `memorySizesMb`). */
  maxMemoryUsedByMemoryMb: number[]
  /** Earliest and latest invocation time (epoch ms, UTC), or null when no line had a timestamp. */
  timeSpan: { firstMs: number; lastMs: number } | null
  /** Invocations that had a timestamp. */
  timestampedInvocations: number
  /** Formats recognised in the input. */
  formats: ReportFormat[]
  /** The first problems (at most the parser's `maxProblems`), in line order. */
  problems: ReportProblem[]
  /** All problems, including those not kept in `problems`. */
  problemCount: number
  /** Lines read, including those skipped. */
  lines: number
  /**
   * Present when the invocations come already aggregated (a Logs Insights
   * `stats` result, see `parseInsights`): then the typed arrays above are
   * empty and `invocations` and `coldStarts` count the rows' invocations.
   */
  aggregate?: AggregatedInvocations
}

/**
 * One row of aggregated invocations: `invocations` invocations of one memory
 * size, all cold or all warm, whose logged Billed Durations lie in
 * [billedMs, billedMs + bucketMs - 1] and sum to exactly `billedMsSum`.
 *
 * @example { memoryMb: 128, cold: false, billedMs: 12, bucketMs: 1, invocations: 3, billedMsSum: 36n, durationUs: 34500n, initUs: 0n, maxMemoryUsedMb: 70 }
 */
export interface AggregatedRow {
  memoryMb: number
  cold: boolean
  /** Lower bound of the Billed Durations in the row, ms (the exact value when `bucketMs` is 1). */
  billedMs: number
  /** Width of the row's bucket of Billed Durations, ms (1: one exact value). */
  bucketMs: number
  invocations: number
  /** Sum of the logged Billed Durations, ms (INIT included on cold starts since August 2025). */
  billedMsSum: bigint
  /** Sum of `Duration`, microseconds (rounded half-up from the export). */
  durationUs: bigint
  /** Sum of `Init Duration`, microseconds. */
  initUs: bigint
  /** Largest `Max Memory Used`, MB; 0 when not given. */
  maxMemoryUsedMb: number
  /** 1-based line of the row in the imported text. */
  line: number
}

/**
 * Invocations imported as aggregated rows rather than one by one.
 *
 * @example { rows: [{ memoryMb: 128, cold: false, billedMs: 12, bucketMs: 1, invocations: 3, ... }] }
 */
export interface AggregatedInvocations {
  rows: AggregatedRow[]
}

/**
 * Exact billed usage of the invocations of one memory size.
 *
 * @example
 * // two warm calls of 50 ms and 150 ms on the classic 100 ms sheet
 * { memoryMb: 128, invocations: 2, coldInvocations: 0, billedMs: 300n, billedMsFromAverage: 400n, ... }
 */
export interface MemoryUsage {
  memoryMb: number
  invocations: number
  coldInvocations: number
  /** Sum over invocations of the recomputed billed duration, ms. */
  billedMs: bigint
  /**
   * What a calculator that prices averages would bill, ms: warm invocations x
   * ceil_g(mean duration) + cold invocations x ceil_g(mean duration + mean INIT)
   * (INIT only when billed), the means taken exactly over this memory size.
   */
  billedMsFromAverage: bigint
  /** Sum of the logged `Billed Duration`s, ms. */
  loggedBilledMs: bigint
  /** Invocations whose logged `Billed Duration` differs from the recomputed one. */
  billedDiffers: number
  /** Sum of `Duration`, microseconds. */
  durationUs: bigint
  /** Sum of `Init Duration` over cold invocations, microseconds. */
  initDurationUs: bigint
  /** Sum of SnapStart `Billed Restore Duration`, ms. */
  billedRestoreMs: bigint
  /**
   * From aggregated rows whose invocations cannot each be re-rounded exactly
   * (buckets wider than 1 ms across a billing step, or cold starts on a sheet
   * that does not bill INIT): the largest billed ms the rows allow, where
   * `billedMs` is the smallest. Absent when `billedMs` is exact.
   */
  billedMsUpper?: bigint
  /**
   * From aggregated rows: cold invocations whose logged Billed Duration leaves
   * INIT out (a row's billedMsSum below its Duration + INIT: logged before
   * 1 August 2025). They are billed as logged. Absent when none.
   */
  loggedWithoutInit?: number
}

/**
 * A sample's billed usage under one sheet's rules, per memory size.
 *
 * @example summarizeBilledUsage(sample, { granularityMs: 1, billInit: true }).byMemory[0].billedMs // 147n
 */
export interface BilledUsageSummary {
  granularityMs: number
  billInit: boolean
  /** One entry per memory size, ascending. */
  byMemory: MemoryUsage[]
  invocations: number
  coldInvocations: number
  billedMs: bigint
  billedMsFromAverage: bigint
  billedDiffers: number
  /** Rows read when the sample was aggregated (a Logs Insights `stats` result); absent for invocations read one by one. */
  fromRows?: number
}

/**
 * Options of `estimateFromReports`.
 *
 * @example { sheet: 'aws-current', region: 'eu-west-1', monthlyRequests: 200_000_000 }
 */
export interface ReportEstimateOptions {
  sheet: PriceSheetId
  /** Region id; default the sheet's (us-east-1). */
  region?: string
  /** Apply the monthly free tier; default true. */
  freeTier?: boolean
  /** The log does not say; default `'x86_64'`. */
  architecture?: Architecture
  /**
   * Requests in the month to bill. The sample's usage is scaled exactly to
   * this volume, keeping its mix of durations, memory sizes and cold starts.
   * Omitted: the log is the month.
   */
  monthlyRequests?: number
}

/**
 * What an estimate of imported REPORT logs was priced from: the logged usage as
 * billed under the sheet's rules, and the options. Plain data, kept on the
 * estimate (`Estimate.imported`) so its bill and steps can be rebuilt from it.
 *
 * @example estimateFromReports(sample, { sheet: 'aws-2016' }).imported?.summary.invocations // the REPORT lines read
 */
export interface ImportedUsage {
  summary: BilledUsageSummary
  options: ReportEstimateOptions
}
