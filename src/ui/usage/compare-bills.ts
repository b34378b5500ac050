import {
  estimate,
  estimateFromReports,
  HOURS_PER_MONTH,
  InvalidInputError,
  MAX_INIT_MS,
  PRICE_SHEETS,
  rightSizeMemoryMb,
  summarizeBilledUsage,
  type Architecture,
  type Estimate,
  type FunctionInput,
  type PriceSheetId,
  type ReportSample,
} from '../../engine/index'

/** Headroom above the largest memory used that right-sizing keeps, %. */
export const HEADROOM_PERCENT = 20

/** The account settings a log is priced under. */
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

/** Per memory size of a log: its invocations, mean duration, cold share and mean INIT. */
export interface AverageWorkload {
  memoryMb: number
  invocations: number
  meanDurationMs: number
  coldPercent: number
  meanInitMs: number
}

/** The log as a calculator of averages sees it, one entry per memory size. */
export function averageWorkloads(sample: ReportSample): AverageWorkload[] {
  const s = summarizeBilledUsage(sample, { granularityMs: 1, billInit: true })
  const round2 = (x: number) => Math.round(x * 100) / 100
  return s.byMemory.map((m) => ({
    memoryMb: m.memoryMb,
    invocations: m.invocations,
    meanDurationMs: round2(Number(m.durationUs) / m.invocations / 1000),
    coldPercent: (100 * m.coldInvocations) / m.invocations,
    meanInitMs: m.coldInvocations === 0 ? 0 : round2(Number(m.initDurationUs) / m.coldInvocations / 1000),
  }))
}

/** The per-invocation bill beside the bill from averages. */
export interface BillComparison {
  perInvocation: Estimate
  fromAverage: Estimate
  /** perInvocation - fromAverage, cents: positive when the average bills too little. */
  differenceCents: number
  /** differenceCents over the bill from the average, %; null when that bill is $0.00. */
  differencePercent: number | null
}

/** The sample priced invocation by invocation and from its averages (what a calculator of averages bills). */
export function compareBills(sample: ReportSample, choice: PricingChoice): BillComparison {
  const perInvocation = estimateFromReports(sample, choice)
  const extra = PRICE_SHEETS[choice.sheet].extraMeters !== undefined
  const functions: FunctionInput[] = averageWorkloads(sample).map((w) => {
    const fn: FunctionInput = {
      memoryMb: w.memoryMb,
      durationMs: Math.max(0.01, w.meanDurationMs),
      requests: (choice.monthlyRequests * w.invocations) / sample.invocations,
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

/** What right-sizing suggests: the memory to use and its bill if the durations held. */
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
      memoryMb: new Uint16Array(n).fill(suggestedMb),
      memorySizesMb: [suggestedMb],
      maxMemoryUsedByMemoryMb: [maxUsed],
    }
    try {
      ifDurationHeld = estimateFromReports(moved, choice)
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e
    }
  }
  return { maxMemoryUsedMb: maxUsed, currentMemoryMb: current, suggestedMb, ifDurationHeld }
}
