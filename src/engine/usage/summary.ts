/**
 * Exact billed usage of a REPORT sample, invocation by invocation: the usage
 * step of a bill from logs (pricing it is the biller's job).
 */
import type { Ratio } from '../decimal'
import { summarizeRows } from './insights'
import type { BilledUsageSummary, MemoryUsage, ReportSample } from './types'

/**
 * Options of {@link summarizeBilledUsage}: the billing rules of a sheet.
 *
 * @example { granularityMs: 1, billInit: true } // the current sheet
 * @example { granularityMs: 100, billInit: false } // the classic 2016 sheet
 */
export interface BillingRules {
  /** Rounding of each invocation's billed duration, ms: 1 (current sheet) or 100 (classic). */
  granularityMs: number
  /** Bill `Init Duration` with the invocation (current sheet since 2025-08-01); false on the classic sheet. */
  billInit: boolean
}

/** ceil(n / d) for n >= 0, d > 0. */
function ceilDiv(n: bigint, d: bigint): bigint {
  return (n + d - 1n) / d
}

/**
 * Sums the billed duration of every invocation of a sample, exactly, per
 * memory size, under one sheet's rules:
 * - each invocation: ceil_g(Duration + Init Duration) when `billInit`, else
 *   ceil_g(Duration), plus SnapStart's `Billed Restore Duration` (billed as
 *   duration since SnapStart began; 0 when absent), g = `granularityMs`;
 * - the same workload priced from averages (what a calculator that takes one
 *   mean duration would bill), for comparison;
 * - how many logged `Billed Duration`s differ from the recomputed ones (a log
 *   from before August 2025 did not bill INIT for managed runtimes).
 *
 * All totals are integers (bigint ms); no floating point is involved.
 * An aggregated sample (`sample.aggregate`, from `parseInsights`) is billed
 * from its rows' exact sums (see `summarizeRows`).
 *
 * @example
 * // AWS's sample: 15.74 ms + 130.49 ms INIT -> 147 ms on the current sheet
 * summarizeBilledUsage(sample, { granularityMs: 1, billInit: true }).billedMs // 147n
 * // classic sheet: ceil100(15.74) = 100 ms, INIT unbilled
 * summarizeBilledUsage(sample, { granularityMs: 100, billInit: false }).billedMs // 100n
 */
export function summarizeBilledUsage(sample: ReportSample, rules: BillingRules): BilledUsageSummary {
  const g = rules.granularityMs
  if (!Number.isInteger(g) || g < 1 || g > 1000) throw new RangeError(`granularityMs must be a whole number of ms from 1 to 1000, not ${g}`)
  if (sample.aggregate) return summarizeRows(sample.aggregate.rows, g, rules.billInit)
  const gUs = g * 1000
  const billInit = rules.billInit
  const n = sample.invocations
  // Per memory size, sums small enough to stay exact in doubles are kept as
  // numbers per block and moved into bigints every 2^19 invocations
  // (2^19 x 2^33 < 2^53), which keeps the loop free of bigint arithmetic.
  type Acc = {
    invocations: number
    cold: number
    billedMs: bigint
    loggedMs: bigint
    differs: number
    durationUs: bigint
    initUs: bigint
    restoreMs: bigint
    bBilled: number
    bLogged: number
    bDuration: number
    bInit: number
    bRestore: number
    inBlock: number
  }
  const accs = new Map<number, Acc>()
  const flush = (a: Acc) => {
    a.billedMs += BigInt(a.bBilled)
    a.loggedMs += BigInt(a.bLogged)
    a.durationUs += BigInt(a.bDuration)
    a.initUs += BigInt(a.bInit)
    a.restoreMs += BigInt(a.bRestore)
    a.bBilled = a.bLogged = a.bDuration = a.bInit = a.bRestore = a.inBlock = 0
  }
  const { durationUs, initDurationUs, billedRestoreMs, billedDurationMs, memoryMb, cold } = sample
  let last = -1
  let acc: Acc | undefined
  for (let i = 0; i < n; i++) {
    const m = memoryMb[i]!
    if (m !== last) {
      acc = accs.get(m)
      if (!acc) {
        acc = {
          invocations: 0,
          cold: 0,
          billedMs: 0n,
          loggedMs: 0n,
          differs: 0,
          durationUs: 0n,
          initUs: 0n,
          restoreMs: 0n,
          bBilled: 0,
          bLogged: 0,
          bDuration: 0,
          bInit: 0,
          bRestore: 0,
          inBlock: 0,
        }
        accs.set(m, acc)
      }
      last = m
    }
    const a = acc!
    const d = durationUs[i]!
    const init = initDurationUs[i]!
    const restore = billedRestoreMs[i]!
    const isCold = cold[i] === 1
    const us = billInit ? d + init : d
    // ceil to whole granules of g ms, in µs (integers below 2^33: exact)
    const billed = Math.ceil(us / gUs) * g + restore
    a.invocations++
    if (isCold) a.cold++
    a.bBilled += billed
    a.bLogged += billedDurationMs[i]!
    a.bDuration += d
    if (isCold) a.bInit += init
    a.bRestore += restore
    if (billed !== billedDurationMs[i]) a.differs++
    if (++a.inBlock === 1 << 19) flush(a)
  }
  const byMemory: MemoryUsage[] = []
  for (const m of [...accs.keys()].sort((x, y) => x - y)) {
    const a = accs.get(m)!
    flush(a)
    const inv = BigInt(a.invocations)
    const coldN = BigInt(a.cold)
    const warmN = inv - coldN
    const G = BigInt(gUs)
    // ceil_g(mean) = ceil(sum / (n * g)) * g, exactly
    const meanDurationBilled = inv === 0n ? 0n : ceilDiv(a.durationUs, inv * G) * BigInt(g)
    let fromAverage: bigint
    if (billInit && coldN > 0n) {
      // mean duration + mean INIT over cold invocations: (D / n + I / c) = (D c + I n) / (n c)
      const coldBilled = ceilDiv(a.durationUs * coldN + a.initUs * inv, inv * coldN * G) * BigInt(g)
      fromAverage = warmN * meanDurationBilled + coldN * coldBilled
    } else fromAverage = inv * meanDurationBilled
    fromAverage += a.restoreMs
    byMemory.push({
      memoryMb: m,
      invocations: a.invocations,
      coldInvocations: a.cold,
      billedMs: a.billedMs,
      billedMsFromAverage: fromAverage,
      loggedBilledMs: a.loggedMs,
      billedDiffers: a.differs,
      durationUs: a.durationUs,
      initDurationUs: a.initUs,
      billedRestoreMs: a.restoreMs,
    })
  }
  return {
    granularityMs: g,
    billInit,
    byMemory,
    invocations: byMemory.reduce((s, x) => s + x.invocations, 0),
    coldInvocations: byMemory.reduce((s, x) => s + x.coldInvocations, 0),
    billedMs: byMemory.reduce((s, x) => s + x.billedMs, 0n),
    billedMsFromAverage: byMemory.reduce((s, x) => s + x.billedMsFromAverage, 0n),
    billedDiffers: byMemory.reduce((s, x) => s + x.billedDiffers, 0),
  }
}

/** MB x ms per GB-s: 1024 MB in a GB, 1000 ms in a second. */
const MB_MS_PER_GB_S = 1_024_000n

/**
 * The exact compute GB-s of a summary: sum over memory sizes of billed ms x
 * MB / 1024 / 1000 (`fromAverage` for the averages-based figure).
 *
 * @example billedGbSeconds(summary) // { n: 18816n, d: 1024000n } for 147 ms at 128 MB
 */
export function billedGbSeconds(summary: BilledUsageSummary, fromAverage = false): Ratio {
  let n = 0n
  for (const m of summary.byMemory) n += (fromAverage ? m.billedMsFromAverage : m.billedMs) * BigInt(m.memoryMb)
  return { n, d: MB_MS_PER_GB_S }
}

/**
 * A summary's usage scaled by an exact factor (e.g. a month's requests over
 * the sample's invocations): every count and sum is multiplied by `factor`,
 * keeping the sample's mix of durations, memory sizes and cold starts. The
 * results are exact rationals; GB-s scale by exactly `factor`.
 *
 * @example
 * // a 1,000-invocation sample scaled to 3,000,000 requests
 * scaleBilledUsage(summary, { n: 3_000_000n, d: 1000n }).byMemory[0].invocations // { n: 3000000000n, d: 1000n }
 */
export function scaleBilledUsage(summary: BilledUsageSummary, factor: Ratio): ScaledBilledUsage {
  if (factor.d <= 0n || factor.n < 0n) throw new RangeError('The scale factor must be a non-negative ratio with a positive denominator')
  const mul = (x: bigint): Ratio => ({ n: x * factor.n, d: factor.d })
  return {
    granularityMs: summary.granularityMs,
    billInit: summary.billInit,
    byMemory: summary.byMemory.map((m) => ({
      memoryMb: m.memoryMb,
      invocations: mul(BigInt(m.invocations)),
      coldInvocations: mul(BigInt(m.coldInvocations)),
      billedMs: mul(m.billedMs),
      billedMsFromAverage: mul(m.billedMsFromAverage),
    })),
  }
}

/**
 * Usage of a sample scaled to a volume, per memory size, as exact rationals.
 *
 * @example scaled.byMemory[0].billedMs // { n: 441000000n, d: 1000n }
 */
export interface ScaledBilledUsage {
  granularityMs: number
  billInit: boolean
  byMemory: { memoryMb: number; invocations: Ratio; coldInvocations: Ratio; billedMs: Ratio; billedMsFromAverage: Ratio }[]
}

/**
 * The exact GB-s of scaled usage.
 *
 * @example scaledGbSeconds(scaleBilledUsage(summary, { n: 2n, d: 1n })) // twice billedGbSeconds(summary)
 */
export function scaledGbSeconds(usage: ScaledBilledUsage, fromAverage = false): Ratio {
  let n = 0n
  let d = 1n
  for (const m of usage.byMemory) {
    const r = fromAverage ? m.billedMsFromAverage : m.billedMs
    // n/d + r.n * mb / r.d
    n = n * r.d + r.n * BigInt(m.memoryMb) * d
    d = d * r.d
  }
  return { n, d: d * MB_MS_PER_GB_S }
}
