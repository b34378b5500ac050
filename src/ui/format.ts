import { formatCentsExact } from './money'

// Display formatting only: amounts arrive as exact decimal strings or whole
// cents from the engine; Intl formats them without re-doing any arithmetic.

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
const usdSmall = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumSignificantDigits: 2,
  roundingPriority: 'morePrecision',
} as Intl.NumberFormatOptions)
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

type Formattable = number | string

/** "$18.74" from a decimal string ("18.74") or a number of dollars. */
export function formatUsd(dollars: Formattable): string {
  return usd.format(dollars as number)
}

/**
 * "$18.74" from whole cents, exact for any safe integer: the dollars are built
 * as decimal text, never by dividing a float. Not a number gives "—".
 */
export function formatCents(cents: number): string {
  if (!Number.isFinite(cents)) return '\u2014'
  return formatCentsExact(BigInt(Math.round(cents)))
}

/**
 * A bill line's amount from its exact rounded dollars ("18.34"): "< $0.01" when
 * it rounds to zero cents but is not zero, so a real charge is never shown as free.
 */
export function formatLineAmount(usd: string, exactUsd: string): string {
  if (usd === '0.00' && /[1-9]/.test(exactUsd)) return '< $0.01'
  return formatUsd(usd)
}

/** Small amounts with meaningful digits: "$0.0000021", "$2.73". */
export function formatSmallUsd(dollars: string): string {
  const n = Number(dollars)
  if (n === 0) return '$0.00'
  if (Math.abs(n) >= 0.01) return usd.format(dollars as unknown as number)
  return usdSmall.format(dollars as unknown as number)
}

/** "3,000,000" from an exact decimal string or a number; up to 6 decimals. */
export function formatNumber(value: Formattable): string {
  return plain.format(value as number)
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const twoPlaces = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/**
 * A quantity as a bill shows it: whole requests, GB-s to two places. The exact
 * figure stays in the steps and the tooltip.
 */
export function formatQuantity(value: Formattable, unit: string): string {
  return (unit === 'requests' ? whole : twoPlaces).format(value as number)
}

/** "3M", "1.5K": for axis ticks. */
export function formatCompact(value: number): string {
  return compact.format(value)
}

/** "$1.2K": compact dollars for axis ticks. */
export function formatCompactUsd(dollars: number): string {
  return `$${compact.format(dollars)}`
}
