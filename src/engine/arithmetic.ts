import { gcd, parseNumber, roundHalfUp } from './decimal'

// The whole-number arithmetic the billing rules are written over, once: the
// measuring of usage (meters.ts) and the pricing of it (price-meters.ts) take
// an `Arithmetic` and never do arithmetic themselves. Two implement it:
// DOUBLES, whole numbers in doubles while every one provably stays below 2^52
// (it says so in `failed` the moment one would not), and BIGINT, exact
// whatever the size. The fast path runs the rules in DOUBLES and hands over to
// BIGINT when they fail, so the two cannot disagree: they run the same code.

/**
 * A price in cents per unit as a reduced fraction of whole numbers: p / v cents.
 */
export interface CentsPrice<T> {
  p: T
  v: T
  /** False where DOUBLES cannot price a line at it (p x v reaches 2^52): such a line fails over to BIGINT. */
  ok: boolean
}

/**
 * Whole-number arithmetic over `T` (number or bigint). Values are whole and
 * non-negative unless said otherwise; results that are two numbers (quotient
 * and remainder, numerator and denominator) are left in `q` and `r`, to spare
 * an allocation on the fast path.
 */
export interface Arithmetic<T> {
  readonly zero: T
  readonly one: T
  /** Set when a figure could not be kept exact; every result is then meaningless. Reset by `reset`. */
  failed: boolean
  /** Clears `failed`. */
  reset(): void
  /** A whole JS number as T. */
  of(n: number): T
  add(a: T, b: T): T
  /** a - b, for a >= b. */
  sub(a: T, b: T): T
  mul(a: T, b: T): T
  /** floor(a / b), b > 0. */
  div(a: T, b: T): T
  /** a <= b. */
  le(a: T, b: T): boolean
  isZero(a: T): boolean
  gcd(a: T, b: T): T
  /** Least common multiple. */
  lcm(a: T, b: T): T
  /** q = floor(a b / u), r = a b mod u, exactly. */
  mulDivMod(a: T, b: T, u: T): void
  /** q / r = `x` exactly, in lowest terms (r > 0); false where this arithmetic cannot hold it. */
  decimal(x: number): boolean
  /** Whole milliseconds ceil(a + b) for two values as typed (never computed products), or -1 where not exact. */
  ceilSum(a: number, b: number): number
  /** A USD price as cents per unit, reduced. */
  centsPrice(usd: { n: bigint; d: bigint }): CentsPrice<T>
  /** Cents of w + f / u units at `price`, rounded half-up. */
  lineCents(w: T, f: T, u: T, price: CentsPrice<T>): T
  /** T as a bigint (for the exact bill's figures). */
  big(a: T): bigint
  /** Quotient and remainder of the last two-result call. */
  q: T
  r: T
}

/** Every whole number DOUBLES keeps is below this, so the sum of two is exact, and so is floor(a / b) of two. */
const LIMIT = 2 ** 52

/** 10^k for the fewest places k <= 6 that write `value` exactly (the numerator is Math.round(value x 10^k)), or 0. */
function decimalScale(value: number): number {
  let scale = 1
  for (let k = 0; k <= 6; k++, scale *= 10) {
    const x = Math.round(value * scale)
    if (x / scale === value && x < LIMIT) return scale
  }
  return 0
}

function gcdNumber(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

/** Exact whole numbers in doubles, below 2^52. */
class DoublesArithmetic implements Arithmetic<number> {
  readonly zero = 0
  readonly one = 1
  failed = false
  q = 0
  r = 0

  reset(): void {
    this.failed = false
  }

  /** n when it is below 2^52; else 0, with `failed` set (NaN included). */
  of(n: number): number {
    if (n < LIMIT) return n
    this.failed = true
    return 0
  }
  add(a: number, b: number): number {
    return this.of(a + b)
  }
  sub(a: number, b: number): number {
    return a - b
  }
  mul(a: number, b: number): number {
    return this.of(a * b)
  }
  div(a: number, b: number): number {
    return this.of(Math.floor(a / b))
  }
  le(a: number, b: number): boolean {
    return a <= b
  }
  isZero(a: number): boolean {
    return a === 0
  }
  gcd(a: number, b: number): number {
    // After a failure a figure may be 0 or NaN: never loop on one.
    return this.failed ? 1 : gcdNumber(a, b)
  }
  lcm(a: number, b: number): number {
    if (this.failed) return 1
    if (a === b || a % b === 0) return a
    if (b % a === 0) return b
    return this.of((a / gcdNumber(a, b)) * b)
  }
  /**
   * Exact even where a b passes 2^53: a = qa u + ra gives a b / u = qa b + ra b / u.
   */
  mulDivMod(a: number, b: number, u: number): void {
    const n = a * b
    if (!(u > 0)) {
      this.failed = true
      this.q = this.r = 0
      return
    }
    if (n < LIMIT) {
      // A product below 2^52 is exact (a rounded one would be at least 2^52).
      const q = Math.floor(n / u)
      this.q = q
      this.r = n - q * u
      return
    }
    const qa = Math.floor(a / u)
    const ra = a - qa * u
    const hi = qa * b
    const rb = ra * b
    if (!(hi < LIMIT && rb < LIMIT)) {
      this.failed = true
      this.q = this.r = 0
      return
    }
    const q = Math.floor(rb / u)
    this.q = this.of(hi + q)
    this.r = rb - q * u
  }
  /** Whole numbers below 2^52, and decimals below 2^31 of at most 6 places: the value as typed. */
  decimal(x: number): boolean {
    if (Number.isInteger(x)) {
      this.q = this.of(x)
      this.r = 1
      return !this.failed
    }
    const scale = x < 2 ** 31 ? decimalScale(x) : 0
    if (scale === 0) return false
    const n = Math.round(x * scale)
    const g = gcdNumber(n, scale)
    this.q = n / g
    this.r = scale / g
    return true
  }
  ceilSum(a: number, b: number): number {
    const s = a + b
    const f = s - Math.floor(s)
    if (f > 1e-6 && f < 1 - 1e-6) return Math.ceil(s)
    if (Number.isInteger(a) && Number.isInteger(b)) return s
    const sa = decimalScale(a)
    const sb = decimalScale(b)
    if (sa === 0 || sb === 0) return -1
    const scale = Math.max(sa, sb)
    const n = Math.round(a * scale) + Math.round(b * scale)
    return Math.floor((n + scale - 1) / scale)
  }
  centsPrice(usd: { n: bigint; d: bigint }): CentsPrice<number> {
    let p = usd.n * 100n
    let v = usd.d
    const g = gcd(p, v)
    p /= g
    v /= g
    return { p: Number(p), v: Number(v), ok: p * v < BigInt(LIMIT) }
  }
  /**
   * With w = c v + d, d p = e v + r and f p = g u + h, the amount is
   * c p + e + (r + g + h / u) / v: no intermediate reaches 2^52.
   */
  lineCents(w: number, f: number, u: number, price: CentsPrice<number>): number {
    const { p, v } = price
    const c = Math.floor(w / v)
    const cp = c * p
    const fp = f * p
    if (!(price.ok && cp < LIMIT && fp < LIMIT)) {
      this.failed = true
      return 0
    }
    const dp = (w - c * v) * p // below v p < 2^52
    const e = Math.floor(dp / v)
    const g = Math.floor(fp / u)
    const s = dp - e * v + g // below v + p <= v p + 1
    const k = Math.floor(s / v)
    const m = s - k * v
    const h = fp - g * u
    // Up when (m + h / u) / v >= 1/2, i.e. 2m + 2h / u >= v, where 0 <= 2h / u < 2.
    const up = 2 * m >= v || (2 * m + 1 === v && 2 * h >= u)
    return this.of(cp + e + k + (up ? 1 : 0))
  }
  big(a: number): bigint {
    return BigInt(a)
  }
}

/** Exact whole numbers of any size. */
class BigintArithmetic implements Arithmetic<bigint> {
  readonly zero = 0n
  readonly one = 1n
  failed = false
  q = 0n
  r = 1n

  reset(): void {
    this.failed = false
  }
  of(n: number): bigint {
    return BigInt(n)
  }
  add(a: bigint, b: bigint): bigint {
    return a + b
  }
  sub(a: bigint, b: bigint): bigint {
    return a - b
  }
  mul(a: bigint, b: bigint): bigint {
    return a * b
  }
  div(a: bigint, b: bigint): bigint {
    return a / b
  }
  le(a: bigint, b: bigint): boolean {
    return a <= b
  }
  isZero(a: bigint): boolean {
    return a === 0n
  }
  gcd(a: bigint, b: bigint): bigint {
    return gcd(a, b)
  }
  lcm(a: bigint, b: bigint): bigint {
    if (a === b || a % b === 0n) return a
    if (b % a === 0n) return b
    return (a / gcd(a, b)) * b
  }
  mulDivMod(a: bigint, b: bigint, u: bigint): void {
    const n = a * b
    this.q = n / u
    this.r = n % u
  }
  /** Any finite double, exactly as it prints (27.55 is 2755 / 100). */
  decimal(x: number): boolean {
    const { n, d } = parseNumber(x)
    const g = gcd(n < 0n ? -n : n, d)
    this.q = g > 1n ? n / g : n
    this.r = g > 1n ? d / g : d
    return true
  }
  ceilSum(a: number, b: number): number {
    if (Number.isInteger(a) && Number.isInteger(b)) return a + b
    const x = parseNumber(a)
    const y = parseNumber(b)
    const n = x.n * y.d + y.n * x.d
    const d = x.d * y.d
    return Number((n + d - 1n) / d)
  }
  centsPrice(usd: { n: bigint; d: bigint }): CentsPrice<bigint> {
    const p = usd.n * 100n
    const g = gcd(p, usd.d)
    return { p: p / g, v: usd.d / g, ok: true }
  }
  lineCents(w: bigint, f: bigint, u: bigint, price: CentsPrice<bigint>): bigint {
    return roundHalfUp((w * u + f) * price.p, u * price.v)
  }
  big(a: bigint): bigint {
    return a
  }
}

/**
 * Whole numbers in doubles while they stay below 2^52: fast, and `failed` the
 * moment a figure would not stay exact.
 *
 * @example DOUBLES.reset(); DOUBLES.mulDivMod(2 ** 45, 1000, 2 ** 20); [DOUBLES.q, DOUBLES.r] // [33_554_432_000, 0]
 */
export const DOUBLES: Arithmetic<number> = new DoublesArithmetic()

/**
 * Exact whole numbers of any size in `bigint`: never fails.
 *
 * @example BIGINT.lineCents(3n, 1n, 2n, BIGINT.centsPrice({ n: 1n, d: 3n })) // 117n: 3.5 units at $1/3
 */
export const BIGINT: Arithmetic<bigint> = new BigintArithmetic()

/**
 * DOUBLES' `mulDivMod` on its own, for tests: [floor(a b / u), a b mod u], or
 * null where it fails (the fast path would hand over to BIGINT).
 *
 * @example mulDivModInDoubles(2 ** 45, 1000, 2 ** 20) // [33_554_432_000, 0], though 2^45 x 1000 passes 2^53
 */
export function mulDivModInDoubles(a: number, b: number, u: number): [number, number] | null {
  DOUBLES.reset()
  DOUBLES.mulDivMod(a, b, u)
  return DOUBLES.failed ? null : [DOUBLES.q, DOUBLES.r]
}

/**
 * DOUBLES' `lineCents` on its own, for tests: cents of w + f / u units at `usd`
 * dollars each, or null where it fails.
 *
 * @example lineCentsInDoubles(3, 1, 2, { n: 1n, d: 3n }) // 117: 3.5 units at $1/3 is 116.67 cents
 */
export function lineCentsInDoubles(w: number, f: number, u: number, usd: { n: bigint; d: bigint }): number | null {
  DOUBLES.reset()
  const c = DOUBLES.lineCents(w, f, u, DOUBLES.centsPrice(usd))
  return DOUBLES.failed ? null : c
}
