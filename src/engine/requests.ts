import { parseNumber, toDecimalString, type Ratio } from './decimal'
import type { RequestUnit } from './types'

/**
 * The request units in display order.
 *
 * @example REQUEST_UNITS[0] // 'second'
 */
export const REQUEST_UNITS: readonly RequestUnit[] = ['second', 'minute', 'hour', 'day', 'month', 'million-per-month']

/**
 * Requests per month for one request per unit, with the AWS Pricing
 * Calculator's 730-hour month: per day is 730 / 24 = 365 / 12, kept exact.
 */
export const REQUESTS_PER_MONTH_PER_UNIT: Readonly<Record<RequestUnit, Ratio>> = {
  second: { n: 2_628_000n, d: 1n },
  minute: { n: 43_800n, d: 1n },
  hour: { n: 730n, d: 1n },
  day: { n: 365n, d: 12n },
  month: { n: 1n, d: 1n },
  'million-per-month': { n: 1_000_000n, d: 1n },
}

/**
 * `REQUESTS_PER_MONTH_PER_UNIT` as whole numbers `[n, d]` (n / d requests a
 * month for one per unit), keyed by unit: for arithmetic in doubles. Unknown
 * units are absent (a Map, so no inherited key ever matches).
 *
 * @example REQUEST_UNIT_FACTORS.get('day') // [365, 12]
 */
export const REQUEST_UNIT_FACTORS: ReadonlyMap<string, readonly [number, number]> = new Map(
  Object.entries(REQUESTS_PER_MONTH_PER_UNIT).map(([unit, r]) => [unit, [Number(r.n), Number(r.d)] as const]),
)

/**
 * How each unit is worded after a number: "3 per second", "2 million per month".
 *
 * @example REQUEST_UNIT_LABELS.day // 'per day'
 */
export const REQUEST_UNIT_LABELS: Readonly<Record<RequestUnit, string>> = {
  second: 'per second',
  minute: 'per minute',
  hour: 'per hour',
  day: 'per day',
  month: 'per month',
  'million-per-month': 'million per month',
}

/**
 * True when `unit` is a known request unit.
 *
 * @example isRequestUnit('week') // false
 */
export function isRequestUnit(unit: unknown): unit is RequestUnit {
  return typeof unit === 'string' && Object.prototype.hasOwnProperty.call(REQUESTS_PER_MONTH_PER_UNIT, unit)
}

/**
 * Exact requests per month for `requests` per `per`.
 *
 * @example requestsPerMonth(1, 'hour') // { n: 730n, d: 1n }
 * @example requestsPerMonth(1, 'day') // { n: 365n, d: 12n }, 30.41666... a month
 */
export function requestsPerMonth(requests: number, per: RequestUnit): Ratio {
  const count = parseNumber(requests)
  const factor = REQUESTS_PER_MONTH_PER_UNIT[per]
  if (factor.d === 1n && count.d === 1n) return { n: count.n * factor.n, d: 1n }
  return { n: count.n * factor.n, d: count.d * factor.d }
}

/**
 * Requests per month as an exact decimal string (rounded to 6 places where a
 * per-day rate does not terminate), for showing beside the input.
 *
 * @example monthlyRequestsText(1, 'minute') // "43800"
 * @example monthlyRequestsText(1, 'day') // "30.416667"
 */
export function monthlyRequestsText(requests: number, per: RequestUnit): string {
  const r = requestsPerMonth(requests, per)
  return toDecimalString(r.n, r.d, 6)
}
