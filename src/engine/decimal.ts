/**
 * Exact arithmetic for money and usage.
 *
 * Every quantity the engine handles is an exact rational number held as two
 * `bigint`s. Binary floating point never touches a price, a usage figure or a
 * bill line: `0.1 + 0.2` style drift is a bug in a billing tool.
 *
 * Native `bigint` is used rather than a decimal library because the engine
 * needs rationals (a per-day request rate times 730/24 does not terminate in
 * base 10) and because it is several times faster than any decimal library,
 * which the estimate-per-keystroke and chart series budgets need.
 */

/** An exact rational number `n / d` with `d > 0`. Not necessarily reduced. */
export interface Ratio {
  readonly n: bigint
  readonly d: bigint
}

const TEN = 10n
const POW10: bigint[] = []
for (let i = 0, p = 1n; i <= 40; i++, p *= TEN) POW10.push(p)

/** 10^k as a bigint, for 0 <= k. */
export function pow10(k: number): bigint {
  return POW10[k] ?? TEN ** BigInt(k)
}

/**
 * The exact decimal value a JavaScript number stands for: the number's
 * shortest round-trip decimal form (what `String(x)` prints), so `27.55`
 * means 27.55 and not the nearest binary fraction.
 *
 * @example parseNumber(27.55) // { n: 2755n, d: 100n }
 */
export function parseNumber(value: number): Ratio {
  if (Number.isSafeInteger(value)) return { n: BigInt(value), d: 1n }
  return parseDecimalString(String(value))
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i

/**
 * Parses a plain or exponent decimal string ("0.0000166667", "3e6", "-1.5E-3")
 * exactly. Throws on anything else; callers validate first.
 */
export function parseDecimalString(text: string): Ratio {
  const m = DECIMAL_RE.exec(text.trim())
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`Not a decimal number: ${text}`)
  const sign = m[1] === '-' ? -1n : 1n
  const intPart = m[2] ?? ''
  const fracPart = m[3] ?? ''
  const exp = Number(m[4] ?? '0') - fracPart.length
  const digits = BigInt(intPart + fracPart || '0') * sign
  if (exp >= 0) return { n: digits * pow10(exp), d: 1n }
  return { n: digits, d: pow10(-exp) }
}

/** Greatest common divisor of two whole numbers. */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a
  if (b < 0n) b = -b
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

/** Least common multiple of two positive whole numbers. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b
}

/**
 * `n / d` rounded half-up (away from zero at exactly half) to a whole number.
 * Bill lines are never negative, so half-up and half-away-from-zero agree.
 */
export function roundHalfUp(n: bigint, d: bigint): bigint {
  if (n >= 0n) return (2n * n + d) / (2n * d)
  return -((-2n * n + d) / (2n * d))
}

/**
 * A decimal string for `n / d`: exact when the value terminates within
 * `maxPlaces` decimal places, otherwise rounded half-up to `maxPlaces` places.
 * Trailing zeros are dropped unless `minPlaces` asks for them.
 *
 * @example toDecimalString(1834n, 100n) // "18.34"
 * @example toDecimalString(1n, 3n, 4) // "0.3333"
 */
export function toDecimalString(n: bigint, d: bigint, maxPlaces = 20, minPlaces = 0): string {
  const scaled = roundHalfUp(n * pow10(maxPlaces), d)
  const negative = scaled < 0n
  const abs = (negative ? -scaled : scaled).toString().padStart(maxPlaces + 1, '0')
  const intPart = abs.slice(0, abs.length - maxPlaces)
  let end = maxPlaces
  while (end > minPlaces && abs.charCodeAt(intPart.length + end - 1) === 48) end--
  const frac = abs.slice(intPart.length, intPart.length + end)
  const body = frac ? `${intPart}.${frac}` : intPart
  return negative ? `-${body}` : body
}

/**
 * Inserts thousands separators into a plain decimal string.
 *
 * @example groupThousands("1234567.891") // "1,234,567.891"
 */
export function groupThousands(decimal: string): string {
  const negative = decimal.startsWith('-')
  const body = negative ? decimal.slice(1) : decimal
  const dot = body.indexOf('.')
  const intPart = dot === -1 ? body : body.slice(0, dot)
  const rest = dot === -1 ? '' : body.slice(dot)
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return (negative ? '-' : '') + grouped + rest
}

/** Whole cents as a dollar string with two places: 1874n -> "18.74". */
export function centsToUsdString(cents: bigint): string {
  return toDecimalString(cents, 100n, 2, 2)
}

/** Zero as a ratio. */
export const ZERO: Ratio = { n: 0n, d: 1n }

/** a + b, exact. Shares the denominator when both have the same one. */
export function addRatio(a: Ratio, b: Ratio): Ratio {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d }
  if (b.n === 0n) return a
  if (a.n === 0n) return b
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d }
}

/** a - b, exact. */
export function subRatio(a: Ratio, b: Ratio): Ratio {
  if (a.d === b.d) return { n: a.n - b.n, d: a.d }
  if (b.n === 0n) return a
  return { n: a.n * b.d - b.n * a.d, d: a.d * b.d }
}

/** a x b, exact. */
export function mulRatio(a: Ratio, b: Ratio): Ratio {
  return { n: a.n * b.n, d: a.d * b.d }
}

/** a x k / m for whole k and positive whole m, exact. */
export function scaleRatio(a: Ratio, k: bigint, m = 1n): Ratio {
  return { n: a.n * k, d: a.d * m }
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareRatio(a: Ratio, b: Ratio): number {
  const l = a.d === b.d ? a.n : a.n * b.d
  const r = a.d === b.d ? b.n : b.n * a.d
  return l < r ? -1 : l > r ? 1 : 0
}

/** The ratio in lowest terms (keeps sums of many terms small). */
export function reduceRatio(a: Ratio): Ratio {
  if (a.d === 1n) return a
  const g = gcd(a.n, a.d)
  return g === 1n ? a : { n: a.n / g, d: a.d / g }
}

/**
 * `part` of `whole` in per cent to one decimal, rounded half-up, exact at any
 * size. Something is never "0.0": 1 of 2924 is "<0.1". Nothing of nothing is "0.0".
 *
 * @example percentOf(1873n, 2924n) // '64.1'
 */
export function percentOf(part: bigint, whole: bigint): string {
  const tenths = whole > 0n ? (part * 2000n + whole) / (2n * whole) : 0n
  return tenths === 0n && part > 0n ? '<0.1' : `${tenths / 10n}.${tenths % 10n}`
}
