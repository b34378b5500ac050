/**
 * What a REPORT sample looks like, for showing beside its bill: a histogram
 * of durations, percentiles, cold starts and memory. Plain numbers (ms, MB,
 * shares): these describe the log; the bill is exact elsewhere.
 */
import type { AggregatedRow, ReportSample } from './types'

/**
 * Durations counted in equal bins from 0 ms.
 *
 * @example durationHistogram(sample).bins[0] // { fromMs: 0, toMs: 10, count: 431 }
 */
export interface DurationHistogram {
  /** Bin width, ms: 1, 2 or 5 x a power of ten, so 100 ms billing boundaries fall on bin edges. */
  binMs: number
  bins: { fromMs: number; toMs: number; count: number }[]
}

/**
 * A summary of a sample's invocations.
 *
 * @example usageStats(sample) // { invocations: 2, coldStarts: 2, durationMs: { mean: 132.9, p50: 15.74, ... }, ... }
 */
export interface UsageStats {
  invocations: number
  coldStarts: number
  /**
   * Duration, ms: mean, median, 90th and 99th percentile, largest
   * (nearest-rank percentiles). Of aggregated rows: the mean of Duration, the
   * rest of Billed Duration (the rows' lower bounds; largest: the top of the
   * largest bucket).
   */
  durationMs: { mean: number; p50: number; p90: number; p99: number; max: number }
  /**
   * INIT (or SnapStart restore) duration of the cold invocations, ms; null
   * when none was cold. Aggregated rows give only the mean (p50 and max null).
   */
  initMs: { mean: number; p50: number | null; max: number | null } | null
  /** Largest `Max Memory Used`, MB; 0 when the log did not say. */
  maxMemoryUsedMb: number
  memorySizesMb: number[]
  histogram: DurationHistogram
  /** Earliest and latest invocation, epoch ms; null without timestamps. */
  timeSpan: { firstMs: number; lastMs: number } | null
}

const NICE = [1, 2, 5]

/**
 * The bin width for durations up to `maxMs` in at most `maxBins` bins: the
 * smallest of 0.01, 0.02, 0.05, 0.1, ... ms that fits.
 *
 * @example histogramBinMs(1000, 40) // 50
 * @example histogramBinMs(3, 40) // 0.1
 */
export function histogramBinMs(maxMs: number, maxBins: number): number {
  const top = Number.isFinite(maxMs) && maxMs > 0 ? maxMs : 0
  const bins = Math.max(1, Math.floor(maxBins))
  for (let e = -2; e <= 7; e++) {
    for (const m of NICE) {
      const w = Number(`${m}e${e}`)
      if (Math.floor(top / w) + 1 <= bins) return w
    }
  }
  return 1e8
}

/**
 * Counts the sample's durations in at most `maxBins` equal bins from 0 ms.
 * Bin i holds durations d with i x binMs <= d < (i + 1) x binMs, computed on
 * the logged microseconds, so a duration on an edge falls in the upper bin.
 *
 * @example durationHistogram(parseReports('REPORT RequestId: a Duration: 15.74 ms Billed Duration: 16 ms Memory Size: 128 MB Max Memory Used: 56 MB')).bins // [{ fromMs: 0, toMs: 20, count: 0 }, ...]
 */
export function durationHistogram(sample: ReportSample, maxBins = 40): DurationHistogram {
  if (sample.aggregate) return rowsHistogram(sample.aggregate.rows, maxBins)
  const n = sample.invocations
  let maxUs = 0
  for (let i = 0; i < n; i++) if (sample.durationUs[i]! > maxUs) maxUs = sample.durationUs[i]!
  const binMs = histogramBinMs(maxUs / 1000, maxBins)
  const binUs = Math.round(binMs * 1000)
  const count = n === 0 ? 0 : Math.floor(maxUs / binUs) + 1
  const counts = new Array<number>(count).fill(0)
  for (let i = 0; i < n; i++) counts[Math.floor(sample.durationUs[i]! / binUs)]!++
  const ms = (k: number) => (k * binUs) / 1000
  return { binMs, bins: counts.map((c, i) => ({ fromMs: ms(i), toMs: ms(i + 1), count: c })) }
}

/** The nearest-rank percentile of sorted values. */
function rank(sorted: Uint32Array, p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** The 1-based position of the nearest-rank p-th percentile among n values. */
function rankOf(n: number, p: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p / 100) * n)))
}

/**
 * The k-th smallest of values[0, n) for each k of `ranks` (1-based),
 * exactly, without sorting a copy of them all: the values are counted in
 * 65,536 buckets by their top bits, then only the bucket holding rank k is
 * copied and sorted. Ten million durations need 256 KB of counts and one
 * bucket's values, not a 40 MB sorted copy.
 */
function kthSmallest(values: Uint32Array, n: number, maxValue: number, ranks: number[]): number[] {
  const bits = 32 - Math.clz32(maxValue)
  const shift = Math.max(0, bits - 16)
  const counts = new Uint32Array(1 + (maxValue >>> shift))
  for (let i = 0; i < n; i++) counts[values[i]! >>> shift]!++
  const sortedBuckets = new Map<number, Uint32Array>()
  return ranks.map((k) => {
    let bucket = 0
    let before = 0
    while (before + counts[bucket]! < k) before += counts[bucket++]!
    let inBucket = sortedBuckets.get(bucket)
    if (!inBucket) {
      inBucket = new Uint32Array(counts[bucket]!)
      let j = 0
      for (let i = 0; i < n; i++) if (values[i]! >>> shift === bucket) inBucket[j++] = values[i]!
      inBucket.sort()
      sortedBuckets.set(bucket, inBucket)
    }
    return inBucket[k - before - 1]!
  })
}

/**
 * Describes a sample: durations, cold starts, INIT, memory, its histogram
 * and time span. Exact nearest-rank percentiles in linear time and without
 * a copy of the durations (see `kthSmallest`).
 *
 * @example usageStats(parseReports(log)).durationMs.p50 // 15.74
 */
export function usageStats(sample: ReportSample, maxBins = 40): UsageStats {
  if (sample.aggregate) return rowsStats(sample, sample.aggregate.rows, maxBins)
  const n = sample.invocations
  const durations = sample.durationUs
  let sum = 0
  let maxUs = 0
  for (let i = 0; i < n; i++) {
    const d = durations[i]!
    sum += d
    if (d > maxUs) maxUs = d
  }
  const [p50, p90, p99] = n === 0 ? [0, 0, 0] : kthSmallest(durations, n, maxUs, [rankOf(n, 50), rankOf(n, 90), rankOf(n, 99)])
  const cold = new Uint32Array(sample.coldStarts)
  let c = 0
  let initSum = 0
  for (let i = 0; i < n && c < cold.length; i++) {
    if (sample.cold[i] === 1) {
      const us = sample.initDurationUs[i]! || sample.restoreDurationUs[i]!
      cold[c++] = us
      initSum += us
    }
  }
  const coldSorted = cold.subarray(0, c).sort()
  let maxUsed = 0
  for (const m of sample.maxMemoryUsedByMemoryMb) if (m > maxUsed) maxUsed = m
  const ms = (us: number) => Math.round(us / 10) / 100
  return {
    invocations: n,
    coldStarts: sample.coldStarts,
    durationMs: {
      mean: n === 0 ? 0 : ms(sum / n),
      p50: ms(p50!),
      p90: ms(p90!),
      p99: ms(p99!),
      max: ms(maxUs),
    },
    initMs: c === 0 ? null : { mean: ms(initSum / c), p50: ms(rank(coldSorted, 50)), max: ms(coldSorted[c - 1]!) },
    maxMemoryUsedMb: maxUsed,
    memorySizesMb: [...sample.memorySizesMb],
    histogram: durationHistogram(sample, maxBins),
    timeSpan: sample.timeSpan,
  }
}

/**
 * Billed Durations of aggregated rows in at most `maxBins` equal bins from
 * 0 ms, at least 1 ms wide; a row counts in the bin of its lower bound.
 */
function rowsHistogram(rows: readonly AggregatedRow[], maxBins: number): DurationHistogram {
  let maxMs = 0
  for (const r of rows) if (r.billedMs > maxMs) maxMs = r.billedMs
  const binMs = Math.max(1, histogramBinMs(maxMs, maxBins))
  const count = rows.length === 0 ? 0 : Math.floor(maxMs / binMs) + 1
  const counts = new Array<number>(count).fill(0)
  for (const r of rows) counts[Math.floor(r.billedMs / binMs)]! += r.invocations
  return { binMs, bins: counts.map((c, i) => ({ fromMs: i * binMs, toMs: (i + 1) * binMs, count: c })) }
}

/** What aggregated rows say: the mean Duration and INIT from the exact sums, percentiles of Billed Duration. */
function rowsStats(sample: ReportSample, rows: readonly AggregatedRow[], maxBins: number): UsageStats {
  const n = sample.invocations
  const sorted = [...rows].sort((a, b) => a.billedMs - b.billedMs)
  const rankOf = (p: number): number => {
    if (n === 0) return 0
    const k = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)))
    let seen = 0
    for (const r of sorted) {
      seen += r.invocations
      if (seen >= k) return r.billedMs
    }
    return sorted.at(-1)!.billedMs
  }
  let durationUs = 0n
  let initUs = 0n
  let top = 0
  for (const r of rows) {
    durationUs += r.durationUs
    initUs += r.initUs
    top = Math.max(top, r.billedMs + r.bucketMs - 1)
  }
  const meanOf = (us: bigint, k: number) => (k === 0 ? 0 : Number((us * 100n + BigInt(k) * 500n) / (BigInt(k) * 1000n)) / 100)
  let maxUsed = 0
  for (const m of sample.maxMemoryUsedByMemoryMb) if (m > maxUsed) maxUsed = m
  return {
    invocations: n,
    coldStarts: sample.coldStarts,
    durationMs: { mean: meanOf(durationUs, n), p50: rankOf(50), p90: rankOf(90), p99: rankOf(99), max: top },
    initMs: sample.coldStarts === 0 ? null : { mean: meanOf(initUs, sample.coldStarts), p50: null, max: null },
    maxMemoryUsedMb: maxUsed,
    memorySizesMb: [...sample.memorySizesMb],
    histogram: rowsHistogram(rows, maxBins),
    timeSpan: sample.timeSpan,
  }
}
