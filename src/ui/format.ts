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
  if (usd === '0.00' && /[1-9]/.test(exactUsd)) return '<\u00a0$0.01'
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

/**
 * Units that must never break at their hyphen ("GB-s", "GB-month", "GB-months"):
 * written with a non-breaking hyphen (U+2011), as every text the page shows
 * them in, the engine's included, goes through here.
 *
 * @example keepUnitsWhole('1,100,000 GB-s') // '1,100,000 GB\u2011s'
 */
export function keepUnitsWhole(text: string): string {
  return text.replace(/\bGB-(s|months?)\b/g, 'GB\u2011$1')
}

/** The singular of the units a count is given in: "1 request", "1 operation", "1 GB-month". */
const SINGULAR: Readonly<Record<string, string>> = {
  requests: 'request',
  invocations: 'invocation',
  operations: 'operation',
  environments: 'environment',
  functions: 'function',
  'GB-months': 'GB-month',
}

/** `unit`, singular when `value` is exactly one ("1 request", but "1.5 GB-months" and "0 requests"). */
export function unitFor(value: Formattable, unit: string): string {
  return Number(value) === 1 ? (SINGULAR[unit] ?? unit) : unit
}

/**
 * A count of things that come whole (requests, invocations), as a person says
 * it: "1 request", "3,000,000 requests", "about 6,083 requests" for an average
 * that is not whole, "less than 1 request" below one.
 *
 * @example countOf('6083.333333333333333333', 'requests') // 'about 6,083 requests'
 */
export function countOf(value: Formattable, unit: string): string {
  const n = Number(value)
  if (!Number.isFinite(n)) return `${String(value)} ${unit}`
  if (n > 0 && n < 1) return `less than 1 ${unitFor(1, unit)}`
  const wholeNumber = Number.isInteger(n) && !/\.\d*[1-9]/.test(String(value))
  const shown = whole.format(value as number)
  return `${wholeNumber ? '' : 'about '}${shown} ${unitFor(wholeNumber ? n : Number(shown.replace(/,/g, '')), unit)}`
}

/** A bill line's billable quantity with its unit: "2,000,000 requests", "1 request", "1,100,000 GB-s". */
export function formatBillable(quantity: string, unit: string): string {
  const n = Number(quantity)
  if (unit === 'requests' || unit === 'operations') {
    if (n > 0 && n < 1) return `less than 1 ${unitFor(1, unit)}`
    const shown = whole.format(quantity as unknown as number)
    return `${shown} ${unitFor(shown.replace(/,/g, ''), unit)}`
  }
  const shown = twoPlaces.format(quantity as unknown as number)
  return `${shown} ${unitFor(shown.replace(/,/g, ''), unit)}`
}

/** Seconds in the 730-hour month, and in a minute, hour and day of it. */
const RATE_UNITS = [
  { per: 'a second', seconds: 1 },
  { per: 'a minute', seconds: 60 },
  { per: 'an hour', seconds: 3600 },
  { per: 'a day', seconds: 86_400 },
] as const
const MONTH_SECONDS = 730 * 3600

/**
 * A monthly count as an average rate in the largest unit that gives at least
 * one: "about 1.14 a second", "about 11.4 a minute", "less than 1 a day".
 * Null for none (or nonsense).
 *
 * @example averageRate(3_000_000) // 'about 1.14 a second'
 */
export function averageRate(perMonth: number, unit = ''): string | null {
  if (!(perMonth > 0) || !Number.isFinite(perMonth)) return null
  const noun = (value: number) => (unit ? ` ${unitFor(value, unit)}` : '')
  for (const { per, seconds } of RATE_UNITS) {
    const rate = (perMonth / MONTH_SECONDS) * seconds
    if (rate >= 1 || per === 'a day') {
      if (rate < 1) return `less than 1${noun(1)} ${per}`
      const shown = Number(rate.toPrecision(3))
      return `about ${formatNumber(shown)}${noun(shown)} ${per}`
    }
  }
  return null
}
