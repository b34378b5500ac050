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
  /** A whole bigint as T (DOUBLES fails on one of 2^52 or more). */
  ofBig(n: bigint): T
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
  ofBig(n: bigint): bigint {
    return n
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
 * Exact whole numbers of any size in `bigint`: never fails.
 *
 * @example BIGINT.lineCents(3n, 1n, 2n, BIGINT.centsPrice({ n: 1n, d: 3n })) // 117n: 3.5 units at $1/3
 */
export const BIGINT: Arithmetic<bigint> = /* @__PURE__ */ new BigintArithmetic()
