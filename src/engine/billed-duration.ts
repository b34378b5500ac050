// Lambda's rounding of each invocation, shared by every sheet and both entries.

/**
 * An invocation's billed duration: `durationMs` rounded up to a whole multiple
 * of `granularityMs`.
 *
 * `Math.ceil` is exact on a double, and ceil(ceil(x) / g) = ceil(x / g) for a
 * whole g, so the result is the ceiling of the decimal the user typed.
 *
 * @example billedDurationMs(871.2, 100) // 900
 * @example billedDurationMs(27.55, 1) // 28
 */
export function billedDurationMs(durationMs: number, granularityMs: number): number {
  const wholeMs = Math.ceil(durationMs)
  const remainder = wholeMs % granularityMs
  return remainder === 0 ? wholeMs : wholeMs - remainder + granularityMs
}

/** MB in a GB, and ms in a second, multiplied: GB-s = requests x billed ms x MB / MB_MS_PER_GB_S. */
export const MB_MS_PER_GB_SECOND = 1024n * 1000n
