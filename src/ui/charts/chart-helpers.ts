// Pure helpers for the charts' geometry. Each is total: any numbers in (zero,
// negative, NaN, Infinity, one point, huge ranges) give a finite, bounded
// answer, so no input a link or a keystroke can produce hangs or breaks a chart.

/** The most ticks a helper returns: an axis never needs more. */
const MAX_TICKS = 40

/** The smallest positive value a log axis here starts from. */
const MIN_POSITIVE = 1e-12

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback
}

/**
 * 1, 10, 100, ...: the powers of ten from the one at or below `from` up to
 * `to`, at most 40 of them. A log axis has no zero, so a `from` of zero or
 * less starts at the smallest positive value; `to` below `from` gives one tick.
 *
 * @example powersOfTen(3, 2000) // [1, 10, 100, 1000]
 * @example powersOfTen(0, 10) // [1e-12, ..., 10], never an endless loop
 */
export function powersOfTen(from: number, to: number): number[] {
  const lo = Math.max(MIN_POSITIVE, finiteOr(from, MIN_POSITIVE))
  const hi = Math.max(lo, finiteOr(to, lo))
  const first = Math.floor(Math.log10(lo))
  const last = Math.max(first, Math.floor(Math.log10(hi) + 1e-9))
  const out: number[] = []
  // From the top down, so a huge range keeps the ticks near the data's top.
  for (let e = last; e >= first && out.length < MAX_TICKS; e--) out.push(Number(`1e${e}`))
  return out.reverse()
}

/**
 * Memory axis ticks: the smallest and largest sizes and round sizes between
 * (every 1,024 MB, or every 2,048 MB past 4 GB), distinct and ascending.
 *
 * @example memoryTicks(128, 3008) // [128, 1024, 2048, 3008]
 * @example memoryTicks(512, 512) // [512]
 */
export function memoryTicks(min: number, max: number): number[] {
  const lo = finiteOr(Math.min(min, max), 0)
  const hi = finiteOr(Math.max(min, max), lo)
  if (hi <= lo) return [lo]
  const step = hi > 4096 ? 2048 : 1024
  const ticks = [lo]
  const first = Math.ceil(lo / step) * step
  // Counted, not stepped until past the end: at huge magnitudes adding a step changes nothing.
  for (let i = 0; i < MAX_TICKS - 2; i++) {
    const t = first + i * step
    if (!(t < hi - step / 4)) break
    if (t > lo + step / 4 && t > ticks[ticks.length - 1]!) ticks.push(t)
  }
  ticks.push(hi)
  return ticks
}

/**
 * A readable table of a long curve: the row nearest each power of ten of `x`,
 * the first and last rows, and the current one, in order, without repeats.
 * Rows with `x` of zero or less count as the first decade.
 *
 * @example sampleRows([{ x: 1 }, { x: 5 }, { x: 10 }, { x: 100 }], 5).map((r) => r.x) // [1, 5, 10, 100]
 */
export function sampleRows<T extends { x: number }>(rows: readonly T[], current: number): T[] {
  if (rows.length === 0) return []
  const logOf = (x: number) => (x > 0 && Number.isFinite(x) ? Math.log10(x) : 0)
  const picked = new Set<T>([rows[0]!, rows[rows.length - 1]!])
  const decades = new Set(rows.map((r) => Math.round(logOf(r.x))))
  for (const d of decades) {
    let best: T | undefined
    for (const r of rows) if (!best || Math.abs(logOf(r.x) - d) < Math.abs(logOf(best.x) - d)) best = r
    if (best) picked.add(best)
    if (picked.size >= MAX_TICKS) break
  }
  const cur = rows.find((r) => r.x === current)
  if (cur) picked.add(cur)
  return rows.filter((r) => picked.has(r))
}

/**
 * Every n-th row so that at most `limit` remain, always with the last row and
 * the current one: the memory table runs to the largest size, as its chart does.
 *
 * @example everyNth([128, 192, 256, 320].map((x) => ({ x })), 2, 192).map((r) => r.x) // [128, 192, 320]
 */
export function everyNth<T extends { x: number }>(rows: readonly T[], limit: number, current: number): T[] {
  const stride = Math.max(1, Math.ceil(rows.length / Math.max(1, limit)))
  return rows.filter((r, i) => i % stride === 0 || i === rows.length - 1 || r.x === current)
}

/**
 * A value for a log axis: null (no point drawn) at zero or below, otherwise at
 * least `floor`, so a tiny charge sits on the axis's bottom instead of vanishing.
 *
 * @example onLogAxis(0, 0.01) // null
 * @example onLogAxis(0.002, 0.01) // 0.01
 */
export function onLogAxis(value: number, floor: number): number | null {
  if (!(value > 0)) return null
  return Math.max(finiteOr(value, Number.MAX_VALUE), floor)
}

/**
 * Ticks for a linear axis from zero that fits every value drawn: 3 to 5 evenly
 * spaced ticks, 1, 2, 2.5 or 5 times a power of ten apart, the last at or
 * above the largest finite value. Nothing drawn runs off the top. No positive
 * value gives [0, 1].
 *
 * @example evenTicks([88, 7010]) // [0, 2000, 4000, 6000, 8000]
 * @example evenTicks([0.3]) // [0, 0.1, 0.2, 0.3]
 */
export function evenTicks(values: readonly number[]): number[] {
  let max = 0
  for (const v of values) if (Number.isFinite(v) && v > max) max = v
  if (!(max > 0)) return [0, 1]
  // Past 1e300 a round step could overflow to Infinity, below 1e-300 underflow to 0: the value itself is the top.
  if (max > 1e300 || max < 1e-300) return [0, max]
  const step = niceCeil(max / 4)
  const count = Math.max(1, Math.ceil(max / step - 1e-9))
  // From a multiple, not a running sum, and to 12 digits: 3 x 0.1 is 0.3, not 0.30000000000000004.
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)))
}

const axisUsd = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 })

/**
 * Dollars for a linear axis's tick, exact for the ticks `evenTicks` gives:
 * "$0.25", "$7.5K", "$1.25M" (a one-decimal format would print $1.3M and $1.3M).
 *
 * @example formatAxisUsd(12500) // "$12.5K"
 */
export function formatAxisUsd(dollars: number): string {
  return Number.isFinite(dollars) ? `$${axisUsd.format(dollars)}` : ''
}

/**
 * The next round number at or above `value`: 1, 2, 2.5 or 5 times a power of ten.
 *
 * @example niceCeil(73) // 100
 * @example niceCeil(0) // 1
 */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= value * (1 - 1e-12)) return m * power
  return 10 * power
}
