/**
 * What a log's invocation-by-invocation bill says beside the averages a
 * calculator takes: the bill of the averages, and right-sizing from the
 * largest memory used.
 */
import { parseNumber, toDecimalString } from '../decimal'
import { estimate } from '../estimate'
import { HOURS_PER_MONTH, MAX_INIT_MS } from '../fields'
import { PRICE_SHEETS } from '../sheets/registry'
import type { Architecture, Estimate, FunctionInput, PriceSheetId } from '../types'
import { InvalidInputError } from '../validate'
import { estimateFromReports } from './from-reports'
import { meanMs } from './imported-bill'
import { rightSizeMemoryMb } from './memory-model'
import { summarizeBilledUsage } from './summary'
import type { ReportSample } from './types'

/**
 * Headroom above the largest memory used that right-sizing keeps, %.
 *
 * @example HEADROOM_PERCENT // 20: 100 MB used suggests at least 120 MB
 */
export const HEADROOM_PERCENT = 20

/**
 * The account settings a log is priced under.
 *
 * @example { sheet: 'aws-current', region: 'eu-west-1', monthlyRequests: 20_000_000 }
 */
export interface PricingChoice {
  sheet: PriceSheetId
  region?: string
  freeTier?: boolean
  architecture?: Architecture
  monthlyRequests: number
}

/**
 * The log's invocation rate over a 730-hour month, whole requests, when its
 * lines have timestamps spanning some time; else the log's own count.
 *
 * @example defaultMonthlyRequests(sample) // 1,460 for 2 invocations an hour apart
 */
export function defaultMonthlyRequests(sample: Pick<ReportSample, 'invocations' | 'timeSpan'>): number {
  const span = sample.timeSpan ? sample.timeSpan.lastMs - sample.timeSpan.firstMs : 0
  if (!(span > 0)) return sample.invocations
  return Math.round((sample.invocations * HOURS_PER_MONTH * 3_600_000) / span)
}

/**
 * Per memory size of a log: its invocations, mean duration, cold share and mean INIT.
 *
 * @example { memoryMb: 128, invocations: 200, meanDurationMs: 51.25, coldPercent: 1.5, meanInitMs: 130.49 }
 */
export interface AverageWorkload {
  memoryMb: number
  invocations: number
  meanDurationMs: number
  coldPercent: number
  meanInitMs: number
}

/** An exact ratio as a number with at most 6 decimals (what a calculator's field would take). */
function sixPlaces(n: bigint, d: bigint): number {
  return Number(toDecimalString(n, d, 6))
}

/**
 * The log as a calculator of averages sees it, one entry per memory size:
 * durations to 0.01 ms (rounded half-up from the exact sums), the cold share
 * to 6 decimals.
 *
 * @example averageWorkloads(parseReports(log))[0] // { memoryMb: 128, invocations: 2, meanDurationMs: 51.25, coldPercent: 50, meanInitMs: 130.49 }
 */
export function averageWorkloads(sample: ReportSample): AverageWorkload[] {
  const s = summarizeBilledUsage(sample, { granularityMs: 1, billInit: true })
  return s.byMemory.map((m) => ({
    memoryMb: m.memoryMb,
    invocations: m.invocations,
    meanDurationMs: meanMs(m.durationUs, m.invocations),
    coldPercent: sixPlaces(BigInt(m.coldInvocations) * 100n, BigInt(m.invocations)),
    meanInitMs: meanMs(m.initDurationUs, m.coldInvocations),
  }))
}

/**
 * The per-invocation bill beside the bill from averages.
 *
 * @example compareBills(sample, choice).differenceCents // 979: the averages bill $9.79 too little
 */
export interface BillComparison {
  perInvocation: Estimate
  fromAverage: Estimate
  /** perInvocation - fromAverage, cents: positive when the average bills too little. */
  differenceCents: number
  /** differenceCents over the bill from the average, %; null when that bill is $0.00. */
  differencePercent: number | null
}

/**
 * The sample priced invocation by invocation and from its averages (what a calculator of averages bills).
 *
 * @example compareBills(parseReports(log), { sheet: 'aws-2016', monthlyRequests: 200_000_000 }).fromAverage.totalUsd
 */
export function compareBills(sample: ReportSample, choice: PricingChoice): BillComparison {
  const perInvocation = estimateFromReports(sample, choice)
  const extra = PRICE_SHEETS[choice.sheet].extraMeters !== undefined
  const volume = parseNumber(choice.monthlyRequests)
  const functions: FunctionInput[] = averageWorkloads(sample).map((w) => {
    const fn: FunctionInput = {
      memoryMb: w.memoryMb,
      durationMs: Math.max(0.01, w.meanDurationMs),
      requests: sixPlaces(volume.n * BigInt(w.invocations), volume.d * BigInt(sample.invocations)),
      architecture: choice.architecture,
    }
    if (extra && w.coldPercent > 0) {
      fn.coldStartPercent = w.coldPercent
      fn.initDurationMs = Math.min(MAX_INIT_MS, w.meanInitMs)
    }
    return fn
  })
  const fromAverage = estimate({ sheet: choice.sheet, region: choice.region, freeTier: choice.freeTier, functions })
  const differenceCents = perInvocation.totalCents - fromAverage.totalCents
  return {
    perInvocation,
    fromAverage,
    differenceCents,
    differencePercent: fromAverage.totalCents === 0 ? null : (100 * differenceCents) / fromAverage.totalCents,
  }
}

/**
 * What right-sizing suggests: the memory to use and its bill if the durations held.
 *
 * @example { maxMemoryUsedMb: 60, currentMemoryMb: 1024, suggestedMb: 128, ifDurationHeld: estimate }
 */
export interface RightSizing {
  maxMemoryUsedMb: number
  currentMemoryMb: number
  suggestedMb: number | null
  /** The log billed at the suggested size with the same durations; null without a suggestion. */
  ifDurationHeld: Estimate | null
}

/**
 * The smallest memory the sheet allows with {@link HEADROOM_PERCENT} above the
 * largest memory used in the log, and the bill of the same invocations at
 * that size had they run as long.
 *
 * @example rightSize(sample, choice)?.suggestedMb // 128 where at most 60 MB of 1,024 MB was used
 */
export function rightSize(sample: ReportSample, choice: PricingChoice): RightSizing | null {
  let maxUsed = 0
  for (const m of sample.maxMemoryUsedByMemoryMb) maxUsed = Math.max(maxUsed, m)
  if (maxUsed === 0) return null
  const current = sample.memorySizesMb.at(-1)!
  const suggestedMb = rightSizeMemoryMb(maxUsed, HEADROOM_PERCENT, PRICE_SHEETS[choice.sheet].memory)
  let ifDurationHeld: Estimate | null = null
  if (suggestedMb !== null) {
    const n = sample.invocations
    const moved: ReportSample = {
      ...sample,
      memoryMb: sample.aggregate ? sample.memoryMb : new Uint16Array(n).fill(suggestedMb),
      memorySizesMb: [suggestedMb],
      maxMemoryUsedByMemoryMb: [maxUsed],
    }
    if (sample.aggregate) moved.aggregate = { rows: sample.aggregate.rows.map((r) => ({ ...r, memoryMb: suggestedMb })) }
    try {
      ifDurationHeld = estimateFromReports(moved, choice)
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e
    }
  }
  return { maxMemoryUsedMb: maxUsed, currentMemoryMb: current, suggestedMb, ifDurationHeld }
}
