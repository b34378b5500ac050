import { computeBill } from './bill'
import { compiledSheet, type CompiledRegion, type CompiledSheet } from './billing'
import { gcd, type Ratio } from './decimal'
import { EstimateView } from './estimate'
import { lineCode } from './line-code'
import { REQUEST_UNIT_FACTORS } from './requests'
import { rememberLast } from './remember-last'
import type { Architecture, Estimate, EstimateInput } from './types'
import { plainValidInput } from './quick-check'
import { copyInput, InvalidInputError, validateInput } from './validate'

// The fast path: the public `estimate()`, and the bill in doubles it runs. It is
// a module of its own so that code needing the exact bill anyway (the UI's
// result, which shows every line's details) does not load it.

/**
 * The bill's lines (kind, architecture, tier) and cents, without the exact
 * rationals of the full bill: computed in doubles holding whole numbers where
 * every intermediate provably stays below 2^52 (`doubleBill`). Where one would
 * not, the full bigint bill (`computeBill`) prices the input instead. Tests
 * check both give the same lines on random inputs.
 */
export interface FastBill {
  /** Each line as two numbers: its code (see `lineOfCode`) and its cents. */
  lines: number[]
  /** Below 2^52. */
  totalCents: number
}

/**
 * Every whole number the doubles path keeps is below this, so the sum of two is
 * exact, and so is `Math.floor(a / b)` for any two of them (a + b <= 2^53).
 */
const LIMIT = 2 ** 52

/** A price in cents per unit as a reduced fraction of whole numbers: p / v cents. */
interface CentsPrice {
  p: number
  v: number
  /** p x v < 2^52: the doubles path can price lines at it (every price on the sheets can). */
  fits: boolean
}

function centsPrice(usd: Ratio): CentsPrice {
  let p = usd.n * 100n
  let v = usd.d
  const g = gcd(p, v)
  p /= g
  v /= g
  return { p: Number(p), v: Number(v), fits: p * v < BigInt(LIMIT) }
}

interface FastRegion {
  request: CentsPrice
  storage: CentsPrice | null
  tiers: Record<Architecture, { upTo: number | null; price: CentsPrice }[]>
  pc: Partial<Record<Architecture, { concurrency: CentsPrice; duration: CentsPrice }>>
}

interface FastSheet {
  sheet: CompiledSheet & { freeRequestsNumber: number; freeGbSecondsNumber: number; freeStreamingGibNumber: number }
  /** A valid region of the sheet, the last one asked for remembered. */
  region: (id: string) => FastRegion
  cache: CentsPrice | null
  restore: CentsPrice | null
  edgeRequest: CentsPrice | null
  edgeGbs: CentsPrice | null
  streaming: CentsPrice | null
}

function compileRegion(r: CompiledRegion): FastRegion {
  const tiers = { x86_64: [], arm64: [] } as FastRegion['tiers']
  for (const arch of ['x86_64', 'arm64'] as const) {
    tiers[arch] = (r.compute[arch] ?? []).map((t) => ({
      upTo: t.upToGbSeconds === null ? null : Number(t.upToGbSeconds),
      price: centsPrice(t.usdPerGbSecond),
    }))
  }
  const pc: FastRegion['pc'] = {}
  for (const [arch, p] of Object.entries(r.provisioned) as [Architecture, CompiledRegion['provisioned']['x86_64']][]) {
    pc[arch] = { concurrency: centsPrice(p!.concurrency.usd), duration: centsPrice(p!.duration.usd) }
  }
  return {
    request: centsPrice(r.usdPerRequest),
    storage: r.storageUsdPerGbSecond ? centsPrice(r.storageUsdPerGbSecond) : null,
    tiers,
    pc,
  }
}

const fastSheets = new Map<string, FastSheet>()

/** A sheet compiled for the doubles path (once), the last one asked for remembered. */
const fastSheet = rememberLast((id: EstimateInput['sheet']): FastSheet => {
  let s = fastSheets.get(id)
  if (!s) {
    const compiled = compiledSheet(id)
    const e = compiled.extra
    const regions = new Map([...compiled.regions].map(([rid, r]) => [rid, compileRegion(r)]))
    s = {
      sheet: {
        ...compiled,
        freeRequestsNumber: Number(compiled.freeRequests),
        freeGbSecondsNumber: Number(compiled.freeGbSeconds),
        freeStreamingGibNumber: e ? Number(e.freeStreamingGib) : 0,
      },
      region: rememberLast((rid: string) => regions.get(rid)!),
      cache: e ? centsPrice(e.cache.usd) : null,
      restore: e ? centsPrice(e.restore.usd) : null,
      edgeRequest: e ? centsPrice(e.edgeRequest.usd) : null,
      edgeGbs: e ? centsPrice(e.edgeGbs.usd) : null,
      streaming: e ? centsPrice(e.streaming.usd) : null,
    }
    fastSheets.set(id, s)
  }
  return s
})

/** Set where a figure would reach 2^52: the bigint path takes over (cheaper than throwing). */
let overflow = false

/** n (a whole number, from the callers) when it is below 2^52; else 0, with the overflow flag set (NaN included). */
function whole(n: number): number {
  if (n < LIMIT) return n
  overflow = true
  return 0
}

// A quotient and remainder, returned through these to spare an allocation.
let quotient = 0
let remainder = 0

/**
 * quotient = floor(a b / u), remainder = a b mod u, for whole a, b < 2^52 and
 * 1 <= u < 2^52, exactly, even where a b passes 2^53: a = qa u + ra gives
 * a b / u = qa b + ra b / u. Sets the overflow flag where that would not be exact.
 */
function mulDivMod(a: number, b: number, u: number): void {
  const n = a * b
  if (n < LIMIT) {
    // A product below 2^52 is exact (a rounded one would be at least 2^52).
    const q = Math.floor(n / u)
    quotient = q
    remainder = n - q * u
    return
  }
  const qa = Math.floor(a / u)
  const ra = a - qa * u
  const hi = qa * b
  const rb = ra * b
  if (!(hi < LIMIT && rb < LIMIT)) {
    overflow = true
    quotient = remainder = 0
    return
  }
  const q = Math.floor(rb / u)
  quotient = whole(hi + q)
  remainder = rb - q * u
}

/** Greatest common divisor of two whole doubles (exact: `%` is exact on them). */
function gcdNumber(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

/** Least common multiple of two whole numbers below 2^52, or 0 with the overflow flag set. */
function lcm(a: number, b: number): number {
  return whole((a / gcdNumber(a, b)) * b)
}

/**
 * Cents of a line of w + f / u units at p / v cents each, rounded half-up,
 * exactly, for whole w, 0 <= f < u, all below 2^52. With w = c v + d,
 * d p = e v + r and f p = g u + h, the amount is c p + e + (r + g + h / u) / v.
 */
function lineCents(w: number, f: number, u: number, price: CentsPrice): number {
  const { p, v } = price
  const c = Math.floor(w / v)
  const cp = c * p
  const fp = f * p
  if (!(price.fits && cp < LIMIT && fp < LIMIT)) {
    overflow = true
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
  return whole(cp + e + k + (up ? 1 : 0))
}

/**
 * `lineCents` on its own, for tests: cents of w + f / u units at `usd` dollars
 * each, or null where the doubles path would hand over to bigint.
 *
 * @example lineCentsInDoubles(3, 1, 2, { n: 1n, d: 3n }) // 117: 3.5 units at $1/3 is 116.67 cents
 */
export function lineCentsInDoubles(w: number, f: number, u: number, usd: Ratio): number | null {
  overflow = false
  const c = lineCents(w, f, u, centsPrice(usd))
  return overflow ? null : c
}

/**
 * `mulDivMod` on its own, for tests: [floor(a b / u), a b mod u], or null where
 * the doubles path would hand over to bigint.
 *
 * @example mulDivModInDoubles(2 ** 45, 1000, 2 ** 20) // [33_554_432_000, 0], though 2^45 x 1000 passes 2^53
 */
export function mulDivModInDoubles(a: number, b: number, u: number): [number, number] | null {
  overflow = false
  mulDivMod(a, b, u)
  return overflow ? null : [quotient, remainder]
}

/** 10^k for the fewest places k <= 6 that write `value` exactly (the numerator is Math.round(value x 10^k)), or 0. */
function decimalScale(value: number): number {
  let scale = 1
  for (let k = 0; k <= 6; k++, scale *= 10) {
    const x = Math.round(value * scale)
    if (x / scale === value && x < LIMIT) return scale
  }
  return 0
}

/**
 * ceil(a + b) for two values as typed (never a computed product: its rounding
 * would be taken for the value), below 2^31: from the double sum where it cannot
 * mislead, else from both as decimals of at most 6 places; null otherwise.
 */
function ceilSum(a: number, b: number): number | null {
  const s = a + b
  const f = s - Math.floor(s)
  if (f > 1e-6 && f < 1 - 1e-6) return Math.ceil(s)
  if (Number.isInteger(a) && Number.isInteger(b)) return s
  const sa = decimalScale(a)
  const sb = decimalScale(b)
  if (sa === 0 || sb === 0) return null
  const scale = Math.max(sa, sb)
  const n = Math.round(a * scale) + Math.round(b * scale)
  return Math.floor((n + scale - 1) / scale)
}

/** MB x ms in a GB-s. */
const MB_MS = 1_024_000

// Meters, summed over functions, as mixed numbers W[i] + F[i] / U[i] with 0 <= F[i] < U[i].
const REQ = 0
const GBS_X86 = 1
const GBS_ARM = 2
const STORAGE = 3
const PC_X86 = 4
const PCD_X86 = 5
const PC_ARM = 6
const PCD_ARM = 7
const CACHE = 8
const RESTORE = 9
const EDGE_REQ = 10
const EDGE_GBS = 11
const STREAM = 12
const W = new Float64Array(13)
const F = new Float64Array(13)
const U = new Float64Array(13)

/** Bit i set when meter i holds a figure in this call; meters left unset read as 0 without being cleared. */
let used = 0

/** The line code of each meter past compute. */
const METER_CODE: number[] = []
METER_CODE[STORAGE] = lineCode('ephemeral-storage', undefined, 0)
METER_CODE[PC_X86] = lineCode('provisioned-concurrency', 'x86_64', 0)
METER_CODE[PCD_X86] = lineCode('provisioned-duration', 'x86_64', 0)
METER_CODE[PC_ARM] = lineCode('provisioned-concurrency', 'arm64', 0)
METER_CODE[PCD_ARM] = lineCode('provisioned-duration', 'arm64', 0)
METER_CODE[CACHE] = lineCode('snapstart-cache', undefined, 0)
METER_CODE[RESTORE] = lineCode('snapstart-restore', undefined, 0)
METER_CODE[EDGE_REQ] = lineCode('edge-requests', undefined, 0)
METER_CODE[EDGE_GBS] = lineCode('edge-duration', undefined, 0)
METER_CODE[STREAM] = lineCode('response-streaming', undefined, 0)

/** The price of meter i (past compute), or null where the region has none. */
function meterPrice(i: number, fs: FastSheet, region: FastRegion): CentsPrice | null | undefined {
  switch (i) {
    case STORAGE:
      return region.storage
    case PC_X86:
      return region.pc.x86_64?.concurrency
    case PC_ARM:
      return region.pc.arm64?.concurrency
    case PCD_X86:
      return region.pc.x86_64?.duration
    case PCD_ARM:
      return region.pc.arm64?.duration
    case CACHE:
      return fs.cache
    case RESTORE:
      return fs.restore
    case EDGE_REQ:
      return fs.edgeRequest
    case EDGE_GBS:
      return fs.edgeGbs
    default:
      return fs.streaming
  }
}

/** Adds w + f / u (0 <= f < u) to meter i, over the least common denominator. */
function addMixed(i: number, w: number, f: number, u: number): void {
  if (w === 0 && f === 0) return
  const bit = 1 << i
  if ((used & bit) === 0) {
    used |= bit
    W[i] = w
    F[i] = f
    U[i] = u
    return
  }
  const cu = U[i]!
  let nf = F[i]! + f
  if (u !== cu) {
    // Both fractions over l: each numerator stays below l.
    const l = u % cu === 0 ? u : cu % u === 0 ? cu : lcm(cu, u)
    nf = F[i]! * (l / cu) + f * (l / u)
    U[i] = l
  }
  let nw = W[i]! + w
  if (nf >= U[i]!) {
    nf -= U[i]!
    nw += 1
  }
  W[i] = whole(nw)
  F[i] = nf
}

/** Adds a x b / u to meter i. */
function addProduct(i: number, a: number, b: number, u: number): void {
  mulDivMod(a, b, u)
  addMixed(i, quotient, remainder, u)
}

/** Meter i as read after the functions: 0 where nothing was added. */
function clearUnused(i: number): void {
  if ((used & (1 << i)) === 0) {
    W[i] = 0
    F[i] = 0
    U[i] = 1
  }
}

/** (w1 + f1 / u) - (w2 + f2 / u), the first at least the second, as quotient (whole) + remainder / u. */
function subtractMixed(w1: number, f1: number, w2: number, f2: number, u: number): void {
  const f = f1 - f2
  quotient = f < 0 ? w1 - w2 - 1 : w1 - w2
  remainder = f < 0 ? f + u : f
}

/** Mixed-number order: (w1 + f1/u) <= (w2 + f2/u) over one denominator. */
const atMost = (w1: number, f1: number, w2: number, f2: number) => w1 < w2 || (w1 === w2 && f1 <= f2)

/**
 * The lines and cents of a valid input in integer-valued doubles, or null
 * where some figure would not stay exact below 2^52.
 */
export function doubleBill(input: EstimateInput): FastBill | null {
  overflow = false
  const bill = compute(input)
  return overflow ? null : bill
}

function compute(input: EstimateInput): FastBill | null {
  const fs = fastSheet(input.sheet)
  const sheet = fs.sheet
  const data = sheet.data
  const region = fs.region(input.region ?? data.defaultRegion)
  const extra = data.extraMeters
  const granularity = data.granularityMs
  const includedMb = data.ephemeralStorage.includedMb
  const freeTier = input.freeTier ?? true

  used = 0
  let x86InUse = false
  let armInUse = false

  for (const fn of input.functions) {
    // Requests a month: RN / RD in lowest terms (a day is 365 / 12 of a month; decimals bring their places).
    const per = fn.per ?? 'month'
    const requests = fn.requests
    let RN = requests
    let RD = 1
    if (!Number.isInteger(requests)) {
      // Below 2^31 a decimal of at most 6 places is the one typed (see `ceilSum`).
      const scale = requests < 2 ** 31 ? decimalScale(requests) : 0
      if (scale === 0) return null
      RN = Math.round(requests * scale)
      RD = scale
    }
    const factor = REQUEST_UNIT_FACTORS.get(per)!
    RN = whole(RN * factor[0])
    RD *= factor[1]
    if (RD !== 1) {
      const g = gcdNumber(RN, RD)
      RN /= g
      RD /= g
    }
    const mb = fn.memoryMb
    const d = fn.durationMs
    let bw = Math.ceil(d)
    if (granularity !== 1) bw = Math.ceil(bw / granularity) * granularity
    const architecture = fn.architecture ?? 'x86_64'

    if (!extra) {
      // The classic sheet: requests and compute only.
      addProduct(REQ, RN, 1, RD)
      addProduct(GBS_X86, whole(RN * bw), mb, whole(RD * MB_MS))
      x86InUse = true
      continue
    }

    const edge = fn.edge === true
    const concurrency = edge ? 0 : (fn.provisionedConcurrency ?? 0)
    // On-demand invocations (those provisioned environments do not serve): spillNum / spillDen.
    let spillNum = RN
    let spillDen = RD
    if (concurrency > 0) {
      // Served: R x share / 100, the share n / scale in lowest terms with 100 (80 % of 7 is 28 / 5).
      const share = fn.provisionedSharePercent ?? 100
      const shareScale = decimalScale(share)
      if (shareScale === 0) return null
      const shareNum = Math.round(share * shareScale)
      const g = gcdNumber(shareNum, 100 * shareScale)
      const shareDen = (100 * shareScale) / g
      spillDen = whole(RD * shareDen)
      const servedNum = whole(RN * (shareNum / g))
      spillNum = whole(RN * shareDen) - servedNum
      // Billed periods: ceil(hours x periods an hour), from the hours as typed (50 minutes is
      // 0.8333333333333334 h, whose product with 12 rounds to 10 in doubles, though it is above 10).
      const hours = fn.provisionedHours ?? 730
      const hoursScale = decimalScale(hours)
      const perHour = 60 / extra.provisionedRoundingMinutes
      if (hoursScale === 0 || !Number.isInteger(perHour)) return null
      const periods = Math.floor((Math.round(hours * hoursScale) * perHour + hoursScale - 1) / hoursScale)
      const seconds = periods * extra.provisionedRoundingMinutes * 60
      const arm = architecture === 'arm64'
      addProduct(arm ? PC_ARM : PC_X86, whole(concurrency * mb), seconds, 1024)
      addProduct(arm ? PCD_ARM : PCD_X86, whole(servedNum * bw), mb, whole(spillDen * MB_MS))
    }

    // Cold starts: on-demand x n / D of them (D over spillDen too) bill `extraMs` more than a warm one.
    let D = spillDen
    let coldNum = 0
    let extraMs = 0
    const coldPct = fn.coldStartPercent ?? 0
    if (coldPct !== 0) {
      const scale = decimalScale(coldPct)
      if (scale === 0) return null
      const n = Math.round(coldPct * scale)
      // The share in lowest terms keeps the denominator small: 0.25 % is 1/400.
      const g = gcdNumber(n, 100 * scale)
      D = whole(((100 * scale) / g) * spillDen)
      coldNum = whole(spillNum * (n / g))
      const init = fn.initDurationMs ?? 0
      if (init !== 0) {
        const c = ceilSum(d, init)
        if (c === null) return null
        extraMs = c - bw
      }
    }
    // GB-s (and storage GB-s) as a warm part plus the cold starts' extra over D x MB_MS.
    const coldExtra = coldNum > 0 && extraMs > 0 ? whole(coldNum * extraMs) : 0
    const coldDen = coldExtra > 0 ? whole(D * MB_MS) : 1
    const meter = edge ? EDGE_GBS : architecture === 'arm64' ? GBS_ARM : GBS_X86
    addProduct(meter, whole(spillNum * bw), mb, whole(spillDen * MB_MS))
    if (coldExtra > 0) addProduct(meter, coldExtra, mb, coldDen)
    if (edge) addProduct(EDGE_REQ, RN, 1, RD)
    else {
      addProduct(REQ, RN, 1, RD)
      if (architecture === 'arm64') armInUse = true
      else x86InUse = true
      const storageExtra = (fn.ephemeralStorageMb ?? includedMb) - includedMb
      if (storageExtra > 0) {
        addProduct(STORAGE, whole(RN * bw), storageExtra, whole(RD * MB_MS))
        if (coldExtra > 0) addProduct(STORAGE, coldExtra, storageExtra, coldDen)
      }
    }

    if ((fn.snapStart ?? 'off') === 'priced') {
      const hours = Math.max(fn.snapStartCacheHours ?? 730, extra.snapStart.minCacheHours)
      const scale = decimalScale(hours)
      if (scale === 0) return null
      addProduct(CACHE, whole((fn.snapStartVersions ?? 1) * mb), whole(Math.round(hours * scale) * 3600), 1024 * scale)
      if (coldNum > 0) addProduct(RESTORE, coldNum, mb, whole(D * 1024))
    }

    const streamed = fn.streamedMbPerRequest ?? 0
    if (streamed > extra.streaming.freeMbPerRequest) {
      const scale = decimalScale(streamed)
      if (scale === 0) return null
      addProduct(STREAM, RN, Math.round(streamed * scale) - extra.streaming.freeMbPerRequest * scale, whole(RD * 1024 * scale))
    }
  }

  if (overflow) return null
  const lines: number[] = []
  let total = 0

  // Requests: the free tier's million once per account.
  clearUnused(REQ)
  let requestsW = W[REQ]!
  let requestsF = F[REQ]!
  if (freeTier) {
    if (atMost(requestsW, requestsF, sheet.freeRequestsNumber, 0)) requestsW = requestsF = 0
    else requestsW -= sheet.freeRequestsNumber
  }
  let c = lineCents(requestsW, requestsF, U[REQ]!, region.request)
  lines.push(0, c)
  total += c

  // Both architectures over one denominator, so the shared allowance can pass from one to the other.
  clearUnused(GBS_X86)
  clearUnused(GBS_ARM)
  if (x86InUse && armInUse && U[GBS_X86] !== U[GBS_ARM]) {
    const l = lcm(U[GBS_X86]!, U[GBS_ARM]!)
    F[GBS_X86] = F[GBS_X86]! * (l / U[GBS_X86]!)
    F[GBS_ARM] = F[GBS_ARM]! * (l / U[GBS_ARM]!)
    U[GBS_X86] = l
    U[GBS_ARM] = l
  }
  // The allowance left, as a mixed number over the compute meters' denominator.
  let allowW = freeTier ? sheet.freeGbSecondsNumber : 0
  let allowF = 0
  for (let a = 0; a < 2; a++) {
    if (a === 0 ? !x86InUse : !armInUse) continue
    const m = a === 0 ? GBS_X86 : GBS_ARM
    const u = U[m]!
    let w = W[m]!
    let f = F[m]!
    // Billable = usage - allowance, at least 0; the allowance shrinks by what it covers.
    if (atMost(w, f, allowW, allowF)) {
      subtractMixed(allowW, allowF, w, f, u)
      allowW = quotient
      allowF = remainder
      w = f = 0
    } else {
      subtractMixed(w, f, allowW, allowF, u)
      w = quotient
      f = remainder
      allowW = allowF = 0
    }
    const list = a === 0 ? region.tiers.x86_64 : region.tiers.arm64
    let from = 0
    for (let t = 0; t < list.length; t++) {
      const tier = list[t]!
      if (t > 0 && atMost(w, f, from, 0)) break
      const to = tier.upTo
      const exceeds = to !== null && !atMost(w, f, to, 0)
      c = exceeds ? lineCents(to - from, 0, 1, tier.price) : atMost(w, f, from, 0) ? 0 : lineCents(w - from, f, u, tier.price)
      lines.push(1 + (a + 1) * 16 + (t + 1) * 64, c)
      total += c
      if (!exceeds) break
      from = to
    }
  }

  // The meters in use past compute, lowest first (the lines' order).
  for (let bits = used >>> STORAGE; bits !== 0; bits &= bits - 1) {
    const i = STORAGE + 31 - Math.clz32(bits & -bits)
    const price = meterPrice(i, fs, region)
    if (!price) continue
    let w = W[i]!
    const f = F[i]!
    if (i === STREAM && freeTier) {
      const free = sheet.freeStreamingGibNumber
      if (atMost(w, f, free, 0)) {
        lines.push(METER_CODE[i]!, 0)
        continue
      }
      w -= free
    }
    c = lineCents(w, f, U[i]!, price)
    lines.push(METER_CODE[i]!, c)
    total += c
  }
  if (!(total < LIMIT)) return null
  return { lines, totalCents: total }
}

/**
 * The monthly bill for one account's functions under a price sheet, exact to
 * the cent: each line at full precision, rounded half-up to the cent; the total
 * is the sum of the rounded lines. Throws `InvalidInputError` carrying every
 * problem rather than return a wrong number.
 *
 * @example
 * const bill = estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] })
 * bill.totalCents // 1874, i.e. $18.74: requests $0.40 + compute $18.34
 */
export function estimate(input: EstimateInput): Estimate {
  let own = plainValidInput(input)
  if (own === null) {
    const problems = validateInput(input)
    if (problems.length > 0) throw new InvalidInputError(problems)
    own = copyInput(input)
  }
  // In doubles where provably exact (nearly every input); otherwise the full bill in bigint.
  const fast = doubleBill(own)
  return new EstimateView(own, fast ? undefined : computeBill(own), fast)
}
