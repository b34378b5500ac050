// Differences between exact dollar amounts, for comparisons: the engine's
// "18.74" strings become whole cents as bigint, so no difference is ever off
// by a float's rounding, whatever the size of the bill.

/** Whole cents of a dollar string with two places: "18.74" -> 1874n, "-0.05" -> -5n. */
export function centsOf(usd: string): bigint {
  const negative = usd.startsWith('-')
  const [whole = '0', fraction = ''] = (negative ? usd.slice(1) : usd).split('.')
  const cents = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2))
  return negative ? -cents : cents
}

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

/** Whole cents as "$1,234.56", exact at any size. */
export function formatCentsExact(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents
  const text = `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
  return usd.format(text as unknown as number)
}

/** A change in cents with its sign: "+$1.23", "−$0.40", "no change". */
export function formatChange(cents: bigint): string {
  if (cents === 0n) return 'no change'
  return `${cents > 0n ? '+' : '\u2212'}${formatCentsExact(cents < 0n ? -cents : cents)}`
}

/**
 * `value` against `base` in per cent, in words: "14% less", "<1% more",
 * "the same"; null when the base is zero (no percentage of nothing).
 */
export function percentChange(value: bigint, base: bigint): string | null {
  if (value === base) return 'the same'
  if (base === 0n) return null
  const diff = value > base ? value - base : base - value
  // Per mille as an integer first: exact for any size, then one rounding for display.
  const permille = Number((diff * 1000n) / (base < 0n ? -base : base))
  const pct = permille / 10
  const shown = pct < 1 ? '<1' : pct >= 10 ? Math.round(pct).toString() : pct.toFixed(pct % 1 === 0 ? 0 : 1)
  return `${shown}% ${value < base ? 'less' : 'more'}`
}
