import { gcd } from './decimal'
import type { Arithmetic, CentsPrice } from './arithmetic'

// DOUBLES, the fast path's arithmetic: whole numbers in doubles while every
// one provably stays below 2^52. A module of its own, so that it loads with
// the fast path, after the first total.

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
  ofBig(n: bigint): number {
    return n < BigInt(LIMIT) ? Number(n) : this.of(Infinity)
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

/**
 * Whole numbers in doubles while they stay below 2^52: fast, and `failed` the
 * moment a figure would not stay exact.
 *
 * @example DOUBLES.reset(); DOUBLES.mulDivMod(2 ** 45, 1000, 2 ** 20); [DOUBLES.q, DOUBLES.r] // [33_554_432_000, 0]
 */
export const DOUBLES: Arithmetic<number> = /* @__PURE__ */ new DoublesArithmetic()

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
