import type { Arithmetic, CentsPrice } from './arithmetic'
import type { CompiledPerType, CompiledPrice, CompiledRegion, CompiledSheet, CompiledTier } from './compiled-sheet'
import { ACCOUNT_METER_BITS, FREE_POOLS, METER_PER_TYPE, METER_POOLS, METERS, settleAccount, type FreePool, type MeterSink } from './meters'

// The pricing rules, written once over an arithmetic: each meter's usage, the
// free tier's allowances taken in table order, graduated brackets, a Compute
// Savings Plan's discount, and each line rounded half-up to the cent.

/**
 * One line's worth of a meter with a line per instance type: its type, the
 * price paid (null: the meter's own price for the type) and its usage w + f / u.
 */
export interface TypeUsage<T> {
  i: number
  type: string
  price: CompiledPrice | null
  /** `price` in cents, in the arithmetic; null with it. */
  cents: CentsPrice<T> | null
  w: T
  f: T
  u: T
}

/**
 * The account's usage of every meter, as mixed numbers W[i] + F[i] / U[i]
 * (0 <= F[i] < U[i]), summed as functions are measured.
 */
export class MeterTotals<T> implements MeterSink<T> {
  readonly W: T[] = []
  readonly F: T[] = []
  readonly U: T[] = []
  /** The meters with a line per instance type: one entry per type and price, in the order first measured (their totals are in W, F, U too). */
  readonly byType: TypeUsage<T>[] = []
  /** Bit i set when meter i is in use; meters left unset read as 0 without being cleared. */
  used = 0
  /** What `priceMeters` has left of each free allowance (FREE_POOLS order), as mixed numbers: kept here so pricing allocates nothing. */
  readonly poolW: T[] = []
  readonly poolF: T[] = []
  readonly poolU: T[] = []
  readonly #A: Arithmetic<T>

  constructor(A: Arithmetic<T>) {
    this.#A = A
    for (let i = 0; i < METERS.length; i++) {
      this.W.push(A.zero)
      this.F.push(A.zero)
      this.U.push(A.one)
    }
    for (let p = 0; p < FREE_POOLS.length; p++) {
      this.poolW.push(A.zero)
      this.poolF.push(A.zero)
      this.poolU.push(A.one)
    }
  }

  /** Every meter back to 0. */
  clear(): void {
    this.used = 0
    if (this.byType.length !== 0) this.byType.length = 0
  }

  addPerType(i: number, type: string, price: CompiledPrice | null, a: T, b: T, u: T): void {
    const A = this.#A
    this.use(i)
    A.mulDivMod(a, b, u)
    const w = A.q
    const f = A.r
    this.addMixed(i, w, f, u)
    const text = price === null ? null : price.text
    for (const g of this.byType) {
      if (g.i !== i || g.type !== type || (g.price === null ? null : g.price.text) !== text) continue
      const sum = addMixedTo(A, g.w, g.f, g.u, w, f, u)
      g.w = sum.w
      g.f = sum.f
      g.u = sum.u
      return
    }
    this.byType.push({ i, type, price, cents: price === null ? null : A.centsPrice(price.usd), w, f, u })
  }

  use(i: number): void {
    const bit = 1 << i
    if ((this.used & bit) !== 0) return
    this.used |= bit
    const A = this.#A
    this.W[i] = A.zero
    this.F[i] = A.zero
    this.U[i] = A.one
  }

  add(i: number, a: T, b: T, u: T): void {
    const A = this.#A
    A.mulDivMod(a, b, u)
    this.addMixed(i, A.q, A.r, u)
  }

  /** Adds w + f / u (0 <= f < u) to meter i, over the least common denominator. */
  addMixed(i: number, w: T, f: T, u: T): void {
    const A = this.#A
    if (A.isZero(w) && A.isZero(f)) return
    const bit = 1 << i
    if ((this.used & bit) === 0) {
      this.used |= bit
      this.W[i] = w
      this.F[i] = f
      this.U[i] = u
      return
    }
    const cu = this.U[i]!
    let nf = A.add(this.F[i]!, f)
    if (u !== cu) {
      // Both fractions over l: each numerator stays below l.
      const l = A.lcm(cu, u)
      nf = A.add(A.mul(this.F[i]!, A.div(l, cu)), A.mul(f, A.div(l, u)))
      this.U[i] = l
    }
    let nw = A.add(this.W[i]!, w)
    if (!A.le(nf, A.sub(this.U[i]!, A.one))) {
      nf = A.sub(nf, this.U[i]!)
      nw = A.add(nw, A.one)
    }
    this.W[i] = nw
    this.F[i] = nf
  }
}

/** (w1 + f1 / u1) + (w2 + f2 / u2) as a mixed number over their least common denominator. */
function addMixedTo<T>(A: Arithmetic<T>, w1: T, f1: T, u1: T, w2: T, f2: T, u2: T): { w: T; f: T; u: T } {
  let u = u1
  let f = A.add(f1, f2)
  if (u1 !== u2) {
    u = A.lcm(u1, u2)
    f = A.add(A.mul(f1, A.div(u, u1)), A.mul(f2, A.div(u, u2)))
  }
  let w = A.add(w1, w2)
  if (!A.le(f, A.sub(u, A.one))) {
    f = A.sub(f, u)
    w = A.add(w, A.one)
  }
  return { w, f, u }
}

/** A meter's price in an arithmetic: graduated brackets (bounds in units), one price, a price per instance type, or none. */
export type MeterPrice<T> = {
  tiers: { upTo: T | null; price: CentsPrice<T> }[] | null
  one: CentsPrice<T> | null
  perType: ReadonlyMap<string, CentsPrice<T>> | null
} | null

/** Every meter's price where `sheet` bills it in `region`, in A. */
export function meterPrices<T>(A: Arithmetic<T>, sheet: CompiledSheet, region: CompiledRegion, discount: Discount | null): MeterPrice<T>[] {
  return METERS.map((m): MeterPrice<T> => {
    const p = m.price(sheet, region)
    if (!p) return null
    const usd = (r: CompiledPrice['usd']) =>
      discount && m.savingsPlan ? A.centsPrice({ n: r.n * discount.n, d: r.d * discount.d }) : A.centsPrice(r)
    if (Array.isArray(p))
      return {
        tiers: (p as CompiledTier[]).map((t) => ({
          upTo: t.upToGbSeconds === null ? null : A.of(Number(t.upToGbSeconds)),
          price: usd(t.usdPerGbSecond),
        })),
        one: null,
        perType: null,
      }
    if ('perType' in p) {
      const perType = new Map<string, CentsPrice<T>>()
      for (const [type, price] of (p as CompiledPerType).perType) perType.set(type, usd(price.usd))
      return { tiers: null, one: null, perType }
    }
    return { tiers: null, one: usd((p as CompiledPrice).usd), perType: null }
  })
}

/**
 * The share of an eligible line's amount a Compute Savings Plan leaves to pay,
 * (100 - percent) / 100, as a fraction.
 */
export interface Discount {
  n: bigint
  d: bigint
}

/** Where the priced lines go. */
export interface PricedLineSink<T> {
  /**
   * One bill line: meter i, bracket `tier` (1, 2, ...; 0 for an unbracketed
   * meter) between `from` and `to` units, its billable quantity w + f / u and its cents;
   * `byType` for a meter with a line per instance type: the line's type and price.
   */
  line(i: number, tier: number, from: T, to: T | null, w: T, f: T, u: T, cents: T, byType?: TypeUsage<T>): void
  /** What meter i took from its free-tier allowance: w + f / u. */
  free(i: number, w: T, f: T, u: T): void
}

/** Each meter's free allowance as an index into FREE_POOLS; -1 for none. */
const METER_POOL_INDEX: readonly number[] = METER_POOLS.map((p) => (p === undefined ? -1 : FREE_POOLS.indexOf(p)))

/** Bit i set for each meter whose line is on every bill. */
const ALWAYS = METERS.reduce((bits, m, i) => (m.always ? bits | (1 << i) : bits), 0)

/** (w1 + f1 / u) - (w2 + f2 / u), the first at least the second, left in A.q (whole) and A.r (over u). */
function subtractMixed<T>(A: Arithmetic<T>, w1: T, f1: T, w2: T, f2: T, u: T): void {
  if (A.le(f2, f1)) {
    A.q = A.sub(w1, w2)
    A.r = A.sub(f1, f2)
  } else {
    A.q = A.sub(A.sub(w1, w2), A.one)
    A.r = A.sub(A.add(f1, u), f2)
  }
}

/** (w1 + f1 / u) <= (w2 + f2 / u). */
function mixedLe<T>(A: Arithmetic<T>, w1: T, f1: T, w2: T, f2: T): boolean {
  if (!A.le(w1, w2)) return false
  if (!A.le(w2, w1)) return true
  return A.le(f1, f2)
}

/**
 * Prices the account's usage: each meter in use (and every `always` meter)
 * gets its line or its brackets' lines, after its share of the free tier;
 * lines are rounded half-up to the cent and sent to `sink`. Returns the total
 * of the rounded lines. `free` is each allowance (nothing where the free tier
 * is off).
 */
export function priceMeters<T>(
  A: Arithmetic<T>,
  usage: MeterTotals<T>,
  prices: MeterPrice<T>[],
  free: Readonly<Record<FreePool, T>> | null,
  sink: PricedLineSink<T>,
): T {
  let total = A.zero
  // Each allowance left, as a mixed number: set from `free` when a meter first draws on it.
  const { poolW, poolF, poolU } = usage
  let poolsSet = 0
  const { W, F, U } = usage
  if ((usage.used & ACCOUNT_METER_BITS) !== 0) usage.used = settleAccount(A, W, F, U, usage.used)
  // The meters in use and those always billed, lowest first (the lines' order).
  for (let bits = usage.used | ALWAYS; bits !== 0; bits &= bits - 1) {
    const i = 31 - Math.clz32(bits & -bits)
    const inUse = (usage.used & (1 << i)) !== 0
    const price = prices[i]
    if (!price) continue
    let w = inUse ? W[i]! : A.zero
    let f = inUse ? F[i]! : A.zero
    let u = inUse ? U[i]! : A.one
    const pool = METER_POOL_INDEX[i]!
    if (free && pool >= 0) {
      if ((poolsSet & (1 << pool)) === 0) {
        poolsSet |= 1 << pool
        poolW[pool] = free[FREE_POOLS[pool]!]
        poolF[pool] = A.zero
        poolU[pool] = A.one
      }
      let aw = poolW[pool] as T
      let af = poolF[pool] as T
      const au = poolU[pool] as T
      // A whole allowance needs no common denominator.
      if (au !== u && !A.isZero(af)) {
        const l = A.lcm(au, u)
        af = A.mul(af, A.div(l, au))
        f = A.mul(f, A.div(l, u))
        u = l
      }
      // Billable = usage - allowance, at least 0; the allowance shrinks by what it covers.
      if (mixedLe(A, w, f, aw, af)) {
        sink.free(i, w, f, u)
        subtractMixed(A, aw, af, w, f, u)
        aw = A.q
        af = A.r
        w = f = A.zero
      } else {
        sink.free(i, aw, af, u)
        subtractMixed(A, w, f, aw, af, u)
        w = A.q
        f = A.r
        aw = af = A.zero
      }
      poolW[pool] = aw
      poolF[pool] = af
      poolU[pool] = u
    }
    if ((METER_PER_TYPE & (1 << i)) !== 0) {
      // A line per instance type and price paid; a type the region has no price for fails the bill.
      const groups = usage.byType
      for (let g = 0; g < groups.length; g++) {
        const k = groups[g]!
        if (k.i !== i) continue
        const cp = k.cents ?? price.perType!.get(k.type)
        if (cp === undefined) throw new Error(`No price for ${k.type} in this region`)
        const c = A.lineCents(k.w, k.f, k.u, cp)
        sink.line(i, 0, A.zero, null, k.w, k.f, k.u, c, k)
        total = A.add(total, c)
      }
      continue
    }
    const tiers = price.tiers
    if (tiers === null) {
      const c = A.lineCents(w, f, u, price.one!)
      sink.line(i, 0, A.zero, null, w, f, u, c)
      total = A.add(total, c)
      continue
    }
    let from = A.zero
    for (let t = 0; t < tiers.length; t++) {
      const tier = tiers[t]!
      if (t > 0 && mixedLe(A, w, f, from, A.zero)) break
      const to = tier.upTo
      const exceeds = to !== null && !mixedLe(A, w, f, to, A.zero)
      let c: T
      if (exceeds) {
        c = A.lineCents(A.sub(to, from), A.zero, A.one, tier.price)
        sink.line(i, t + 1, from, to, A.sub(to, from), A.zero, A.one, c)
      } else if (mixedLe(A, w, f, from, A.zero)) {
        c = A.zero
        sink.line(i, t + 1, from, to, A.zero, A.zero, A.one, c)
      } else {
        c = A.lineCents(A.sub(w, from), f, u, tier.price)
        sink.line(i, t + 1, from, to, A.sub(w, from), f, u, c)
      }
      total = A.add(total, c)
      if (!exceeds) break
      from = to
    }
  }
  return total
}
