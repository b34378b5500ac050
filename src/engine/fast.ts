import { billedDurationMs, compiledSheet, type CompiledRegion, type CompiledSheet } from './billing'
import { gcd, parseNumber, type Ratio } from './decimal'
import { requestsPerMonth } from './requests'
import type { Architecture, EstimateInput, LineKind } from './types'
import { billedColdDurationMs } from './usage'

/**
 * The bill's lines (kind, architecture, tier) and cents, without the exact
 * rationals of the full bill. Computed in doubles holding whole numbers where
 * every intermediate provably stays below 2^53 (`doubleBill`), otherwise by the
 * same integer algorithm in bigint (`bigintBill`): no fractions, no gcd. Tests
 * check both give the same lines as the full bigint path on random inputs.
 */
export interface FastBill {
  /** Each line as two numbers: its code (see `lineOfCode`) and its cents. */
  lines: number[]
  totalCents: number
  /** The lines' cents as bigints where some line or the total passes 2^53; else null. */
  centsExact: bigint[] | null
  totalExact: bigint | null
}

const KINDS: LineKind[] = [
  'requests',
  'compute',
  'ephemeral-storage',
  'provisioned-concurrency',
  'provisioned-duration',
  'snapstart-cache',
  'snapstart-restore',
  'edge-requests',
  'edge-duration',
  'response-streaming',
]
const KIND_INDEX = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<LineKind, number>

/** A line's kind, architecture and tier packed in one number: kind + 16 x architecture (1 x86_64, 2 arm64) + 64 x tier. */
function lineCode(kind: LineKind, arch: Architecture | undefined, tier: number): number {
  return KIND_INDEX[kind] + (arch === undefined ? 0 : arch === 'x86_64' ? 16 : 32) + 64 * tier
}

/** The kind, architecture and tier (undefined outside compute) a line code stands for. */
export function lineOfCode(code: number): { kind: LineKind; architecture: Architecture | undefined; tier: number | undefined } {
  const arch = (code >> 4) & 3
  const tier = code >> 6
  return { kind: KINDS[code & 15]!, architecture: arch === 0 ? undefined : arch === 1 ? 'x86_64' : 'arm64', tier: tier === 0 ? undefined : tier }
}

const SAFE = Number.MAX_SAFE_INTEGER
const SAFE_BIG = BigInt(SAFE)
const HALF_SAFE = 2 ** 52

/** A price in cents per unit as a reduced fraction of whole numbers: p / v cents. */
interface CentsPrice {
  p: number
  v: number
  pBig: bigint
  vBig: bigint
}

function centsPrice(usd: Ratio): CentsPrice {
  let p = usd.n * 100n
  let v = usd.d
  const g = gcd(p, v)
  p /= g
  v /= g
  return { p: Number(p), v: Number(v), pBig: p, vBig: v }
}

interface FastRegion {
  request: CentsPrice
  storage: CentsPrice | null
  tiers: Record<Architecture, { upTo: number | null; price: CentsPrice }[]>
  pc: Partial<Record<Architecture, { concurrency: CentsPrice; duration: CentsPrice }>>
}

interface FastSheet {
  sheet: CompiledSheet & { freeGbSecondsNumber: number; freeStreamingGibNumber: number }
  regions: Map<string, FastRegion>
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

function fastSheet(id: EstimateInput['sheet']): FastSheet {
  let s = fastSheets.get(id)
  if (!s) {
    const compiled = compiledSheet(id)
    const e = compiled.extra
    s = {
      sheet: { ...compiled, freeGbSecondsNumber: Number(compiled.freeGbSeconds), freeStreamingGibNumber: e ? Number(e.freeStreamingGib) : 0 },
      regions: new Map([...compiled.regions].map(([rid, r]) => [rid, compileRegion(r)])),
      cache: e ? centsPrice(e.cache.usd) : null,
      restore: e ? centsPrice(e.restore.usd) : null,
      edgeRequest: e ? centsPrice(e.edgeRequest.usd) : null,
      edgeGbs: e ? centsPrice(e.edgeGbs.usd) : null,
      streaming: e ? centsPrice(e.streaming.usd) : null,
    }
    fastSheets.set(id, s)
  }
  return s
}

/** floor(a / b + 1/2) for whole 0 <= a, 0 < b, both below 2^52. */
function roundDiv(a: number, b: number): number {
  let q = Math.floor(a / b)
  let r = a - q * b
  if (r < 0) {
    q -= 1
    r += b
  } else if (r >= b) {
    q += 1
    r -= b
  }
  return 2 * r >= b ? q + 1 : q
}

/**
 * Cents of a line: x / u units at p / v cents each, rounded half-up, exactly.
 * In doubles where every step stays below 2^52, else in bigint (a few operations).
 */
function lineCents(x: number, u: number, price: CentsPrice): number {
  const { p, v } = price
  const q = u * v
  if (q < HALF_SAFE) {
    const n = x * p
    if (n < HALF_SAFE) return roundDiv(n, q)
    // x = k u + m: k x p / v + m x p / (u v)
    let k = Math.floor(x / u)
    let m = x - k * u
    if (m < 0) {
      k -= 1
      m += u
    } else if (m >= u) {
      k += 1
      m -= u
    }
    const kp = k * p
    const mp = m * p
    if (kp < HALF_SAFE && mp < HALF_SAFE / 2) {
      let a = Math.floor(kp / v)
      let b = kp - a * v
      if (b < 0) {
        a -= 1
        b += v
      } else if (b >= v) {
        a += 1
        b -= v
      }
      const bu = b * u
      if (bu < HALF_SAFE / 2) return a + roundDiv(bu + mp, q)
    }
  }
  const num = BigInt(x) * price.pBig
  const den = BigInt(u) * price.vBig
  return Number((2n * num + den) / (2n * den))
}

/** A decimal input as x / 10^k with whole x (k <= 6), or null. */
function decimalParts(value: number): [number, number] | null {
  let scale = 1
  for (let k = 0; k <= 6; k++, scale *= 10) {
    const x = Math.round(value * scale)
    if (x / scale === value && x <= SAFE) return [x, scale]
  }
  return null
}

/** ceil(a + b) for decimal inputs, where the double sum cannot mislead; else null. */
function ceilSum(a: number, b: number): number | null {
  const s = a + b
  const f = s - Math.floor(s)
  if (f > 1e-6 && f < 1 - 1e-6) return Math.ceil(s)
  if (Number.isInteger(a) && Number.isInteger(b)) return s
  return null
}

/** Whole numbers a x b, or NaN when the product may not be exact (NaN then fails every check). */
function mul(a: number, b: number): number {
  const r = a * b
  return r <= SAFE ? r : NaN
}

const REQUEST_FACTOR: Record<string, number> = { second: 2_628_000, minute: 43_800, hour: 730, month: 1, 'million-per-month': 1_000_000 }

// Meters, summed over functions, as numerator X[i] over denominator U[i].
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
const X = new Float64Array(13)
const U = new Float64Array(13)

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

/** Greatest common divisor of two whole doubles (exact: `%` is exact on them). */
function gcdNumber(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

/** Adds x / u to meter i over their least common denominator; flags an overflow past 2^53. */
function add(i: number, x: number, u: number): void {
  if (x === 0) return
  const cu = U[i]!
  let nx: number
  if (u === cu) nx = X[i]! + x
  else if (u % cu === 0) {
    nx = X[i]! * (u / cu) + x
    U[i] = u
  } else if (cu % u === 0) nx = X[i]! + x * (cu / u)
  else {
    const l = (cu / gcdNumber(cu, u)) * u
    if (!(l <= SAFE)) {
      overflow = true
      return
    }
    nx = X[i]! * (l / cu) + x * (l / u)
    U[i] = l
  }
  if (!(nx <= SAFE)) {
    overflow = true
    return
  }
  X[i] = nx
}

/** Set where a figure would pass 2^53: the bigint path takes over (cheaper than throwing). */
let overflow = false

/** x, or 0 with the overflow flag set when x is not a whole number below 2^53 (NaN included). */
function check(x: number): number {
  if (x <= SAFE) return x
  overflow = true
  return 0
}

/**
 * The lines and cents of a valid input in integer-valued doubles, or null
 * where some figure would not stay exact below 2^53.
 */
export function doubleBill(input: EstimateInput): FastBill | null {
  overflow = false
  const bill = compute(input)
  return overflow ? null : bill
}

/** The lines and cents of a valid input: in doubles where exact, else in bigint. */
export function fastBill(input: EstimateInput): FastBill {
  return doubleBill(input) ?? bigintBill(input)
}

function compute(input: EstimateInput): FastBill | null {
  const fs = fastSheet(input.sheet)
  const sheet = fs.sheet
  const data = sheet.data
  const region = fs.regions.get(input.region ?? data.defaultRegion)!
  const extra = data.extraMeters
  const granularity = data.granularityMs
  const includedMb = data.ephemeralStorage.includedMb
  const freeTier = input.freeTier ?? true

  X.fill(0)
  U.fill(1)
  let x86InUse = false
  let armInUse = false

  for (const fn of input.functions) {
    const per = fn.per ?? 'month'
    let R: number
    if (!Number.isInteger(fn.requests)) return null
    if (per === 'day') {
      if (fn.requests % 12 !== 0) return null
      R = check((fn.requests / 12) * 365)
    } else R = check(fn.requests * REQUEST_FACTOR[per]!)
    const mb = fn.memoryMb
    const d = fn.durationMs
    let bw = Math.ceil(d)
    if (granularity !== 1) bw = Math.ceil(bw / granularity) * granularity
    const architecture = fn.architecture ?? 'x86_64'
    const storageExtra = (fn.ephemeralStorageMb ?? includedMb) - includedMb

    if (!extra) {
      // The classic sheet: requests and compute only.
      add(REQ, R, 1)
      add(GBS_X86, check(mul(mul(R, bw), mb)), 1_024_000)
      x86InUse = true
      continue
    }

    const edge = fn.edge === true
    const concurrency = edge ? 0 : (fn.provisionedConcurrency ?? 0)
    let served = 0
    if (concurrency > 0) {
      const share = fn.provisionedSharePercent ?? 100
      if (!Number.isInteger(share)) return null
      const rs = check(R * share)
      if (rs % 100 !== 0) return null
      served = rs / 100
      const hours12 = (fn.provisionedHours ?? 730) * (60 / extra.provisionedRoundingMinutes)
      const periods = ceilSum(hours12, 0)
      if (periods === null) return null
      const seconds = periods * extra.provisionedRoundingMinutes * 60
      const arm = architecture === 'arm64'
      add(arm ? PC_ARM : PC_X86, check(mul(mul(concurrency, mb), seconds)), 1024)
      add(arm ? PCD_ARM : PCD_X86, check(mul(mul(served, bw), mb)), 1_024_000)
    }
    const spill = R - served

    // Cold invocations: spill x p / 100, over den D = 100 x 10^k (1 without cold starts).
    const coldPct = fn.coldStartPercent ?? 0
    let D = 1
    let coldNum = 0
    let bc = bw
    if (coldPct !== 0) {
      const parts = decimalParts(coldPct)
      if (!parts) return null
      // The share in lowest terms keeps the denominator small: 0.25 % is 1/400.
      const g = gcdNumber(parts[0], 100 * parts[1])
      D = (100 * parts[1]) / g
      coldNum = check(mul(spill, parts[0] / g))
      const init = fn.initDurationMs ?? 0
      if (init !== 0) {
        const c = ceilSum(d, init)
        if (c === null) return null
        bc = c
      }
    }
    const warmNum = check(mul(spill, D) - coldNum)
    const ms = check(mul(warmNum, bw) + mul(coldNum, bc))
    const computeX = check(mul(ms, mb))
    if (edge) {
      add(EDGE_REQ, R, 1)
      add(EDGE_GBS, computeX, D * 1_024_000)
    } else {
      add(REQ, R, 1)
      if (architecture === 'arm64') {
        add(GBS_ARM, computeX, D * 1_024_000)
        armInUse = true
      } else {
        add(GBS_X86, computeX, D * 1_024_000)
        x86InUse = true
      }
      if (storageExtra > 0) add(STORAGE, check(mul(check(ms + mul(mul(served, D), bw)), storageExtra)), D * 1_024_000)
    }

    if ((fn.snapStart ?? 'off') === 'priced') {
      const hoursParts = decimalParts(Math.max(fn.snapStartCacheHours ?? 730, extra.snapStart.minCacheHours))
      if (!hoursParts) return null
      add(CACHE, check(mul(mul(mul(fn.snapStartVersions ?? 1, mb), hoursParts[0]), 3600)), 1024 * hoursParts[1])
      if (coldNum > 0) add(RESTORE, check(mul(coldNum, mb)), D * 1024)
    }

    const streamed = fn.streamedMbPerRequest ?? 0
    if (streamed > extra.streaming.freeMbPerRequest) {
      const parts = decimalParts(streamed)
      if (!parts) return null
      add(STREAM, check(mul(R, parts[0] - extra.streaming.freeMbPerRequest * parts[1])), 1024 * parts[1])
    }
  }

  if (overflow) return null
  const lines: number[] = []
  let total = 0

  // Requests: the free tier's million once per account.
  const freeReq = freeTier ? Math.min(X[REQ]!, 1_000_000 * U[REQ]!) : 0
  let c = lineCents(X[REQ]! - freeReq, U[REQ]!, region.request)
  lines.push(0, c)
  total += c

  // Both architectures over one denominator, so the shared allowance can pass from one to the other.
  if (x86InUse && armInUse && U[GBS_X86] !== U[GBS_ARM]) {
    const u = check((U[GBS_X86]! / gcdNumber(U[GBS_X86]!, U[GBS_ARM]!)) * U[GBS_ARM]!)
    X[GBS_X86] = check(X[GBS_X86]! * (u / U[GBS_X86]!))
    X[GBS_ARM] = check(X[GBS_ARM]! * (u / U[GBS_ARM]!))
    U[GBS_X86] = u
    U[GBS_ARM] = u
  }
  let allowance = -1
  for (let a = 0; a < 2; a++) {
    if (a === 0 ? !x86InUse : !armInUse) continue
    const arch: Architecture = a === 0 ? 'x86_64' : 'arm64'
    const m = a === 0 ? GBS_X86 : GBS_ARM
    const x = X[m]!
    const u = U[m]!
    if (allowance < 0) allowance = freeTier ? check(mul(sheet.freeGbSecondsNumber, u)) : 0
    const freeUsed = Math.min(x, allowance)
    allowance -= freeUsed
    const billable = x - freeUsed
    const list = region.tiers[arch]
    let from = 0
    for (let t = 0; t < list.length; t++) {
      const tier = list[t]!
      const to = tier.upTo === null ? Infinity : tier.upTo * u
      if (t > 0 && billable <= from) break
      // A bound past 2^53 is above any billable figure here (all are below it).
      const exceeds = to !== Infinity && to <= SAFE && billable > to
      const quantity = billable <= from ? 0 : exceeds ? to - from : billable - from
      c = lineCents(quantity, u, tier.price)
      lines.push(1 + (a + 1) * 16 + (t + 1) * 64, c)
      total += c
      if (!exceeds) break
      from = to
    }
  }

  for (let i = STORAGE; i <= STREAM; i++) {
    const x = X[i]!
    if (x === 0) continue
    const u = U[i]!
    const price = meterPrice(i, fs, region)
    if (!price) continue
    const free = i === STREAM && freeTier ? Math.min(x, check(mul(sheet.freeStreamingGibNumber, u))) : 0
    c = lineCents(x - free, u, price)
    lines.push(METER_CODE[i]!, c)
    total += c
  }
  if (!(total <= SAFE)) return null
  return { lines, totalCents: total, centsExact: null, totalExact: null }
}

// The middle path: the same algorithm with bigint meters, for inputs whose
// figures pass 2^53 or whose volumes are fractions (per day, fractional shares).

const XB: bigint[] = new Array<bigint>(13).fill(0n)
const UB: bigint[] = new Array<bigint>(13).fill(1n)

/** Adds x / u to meter i (no reduction: the line's rounding is exact over any denominator). */
function addBig(i: number, x: bigint, u: bigint): void {
  if (x === 0n) return
  const cu = UB[i]!
  if (u === cu) XB[i] = XB[i]! + x
  else if (u % cu === 0n) {
    XB[i] = XB[i]! * (u / cu) + x
    UB[i] = u
  } else if (cu % u === 0n) XB[i] = XB[i]! + x * (cu / u)
  else {
    XB[i] = XB[i]! * u + x * cu
    UB[i] = cu * u
  }
}

/**
 * A decimal input as exact [numerator, denominator]. Below 2^31 a value with at
 * most 6 places is found in doubles (grid points 10^-6 apart are more than an
 * ulp apart there, so the one found is the decimal the number was typed as).
 */
function exactParts(value: number): [bigint, bigint] {
  if (Number.isSafeInteger(value)) return [BigInt(value), 1n]
  if (value < 2 ** 31) {
    const parts = decimalParts(value)
    if (parts) return [BigInt(parts[0]), BigInt(parts[1])]
  }
  const r = parseNumber(value)
  return [r.n, r.d]
}

/** Cents of x / u units at p / v cents each, half-up. */
function lineCentsBig(x: bigint, u: bigint, price: CentsPrice): bigint {
  const den = u * price.vBig
  return (2n * x * price.pBig + den) / (2n * den)
}

/**
 * The lines and cents of any valid input by the fast path's integer algorithm
 * in bigint: exact at every size, with no fractions reduced along the way.
 */
export function bigintBill(input: EstimateInput): FastBill {
  const fs = fastSheet(input.sheet)
  const sheet = fs.sheet
  const data = sheet.data
  const region = fs.regions.get(input.region ?? data.defaultRegion)!
  const extra = data.extraMeters
  const granularity = data.granularityMs
  const includedMb = data.ephemeralStorage.includedMb
  const freeTier = input.freeTier ?? true

  XB.fill(0n)
  UB.fill(1n)
  let x86InUse = false
  let armInUse = false

  for (const fn of input.functions) {
    const R = requestsPerMonth(fn.requests, fn.per ?? 'month')
    const Rn = R.n
    const Rd = R.d
    const mb = BigInt(fn.memoryMb)
    const bw = BigInt(billedDurationMs(fn.durationMs, granularity))
    const architecture = fn.architecture ?? 'x86_64'

    if (!extra) {
      addBig(REQ, Rn, Rd)
      addBig(GBS_X86, Rn * bw * mb, Rd * 1_024_000n)
      x86InUse = true
      continue
    }

    const edge = fn.edge === true
    const concurrency = edge ? 0 : (fn.provisionedConcurrency ?? 0)
    // Requests, served and spill over F (R's denominator, x the share's when provisioned).
    let F = Rd
    let RF = Rn
    let servedF = 0n
    if (concurrency > 0) {
      const [sn, sd] = exactParts(fn.provisionedSharePercent ?? 100)
      F = Rd * sd * 100n
      RF = Rn * sd * 100n
      servedF = Rn * sn
      const [hn, hd] = exactParts(fn.provisionedHours ?? 730)
      const minutes = BigInt(extra.provisionedRoundingMinutes)
      const den = hd * minutes
      const periods = (hn * 60n + den - 1n) / den
      const seconds = periods * minutes * 60n
      const arm = architecture === 'arm64'
      addBig(arm ? PC_ARM : PC_X86, BigInt(concurrency) * mb * seconds, 1024n)
      addBig(arm ? PCD_ARM : PCD_X86, servedF * bw * mb, F * 1_024_000n)
    }
    const spillF = RF - servedF

    // Cold and warm invocations over G = F x 100 x the share's denominator.
    let G = F
    let coldG = 0n
    let warmG = spillF
    let bc = bw
    const coldPct = fn.coldStartPercent ?? 0
    if (coldPct !== 0) {
      const [cn, cd] = exactParts(coldPct)
      G = F * cd * 100n
      coldG = spillF * cn
      warmG = spillF * cd * 100n - coldG
      bc = BigInt(billedColdDurationMs(fn.durationMs, fn.initDurationMs ?? 0, granularity))
    }
    const msG = warmG * bw + coldG * bc
    const computeX = msG * mb
    if (edge) {
      addBig(EDGE_REQ, Rn, Rd)
      addBig(EDGE_GBS, computeX, G * 1_024_000n)
    } else {
      addBig(REQ, Rn, Rd)
      if (architecture === 'arm64') {
        addBig(GBS_ARM, computeX, G * 1_024_000n)
        armInUse = true
      } else {
        addBig(GBS_X86, computeX, G * 1_024_000n)
        x86InUse = true
      }
      const storageExtra = (fn.ephemeralStorageMb ?? includedMb) - includedMb
      if (storageExtra > 0) addBig(STORAGE, (msG + servedF * (G / F) * bw) * BigInt(storageExtra), G * 1_024_000n)
    }

    if ((fn.snapStart ?? 'off') === 'priced') {
      const [hn, hd] = exactParts(Math.max(fn.snapStartCacheHours ?? 730, extra.snapStart.minCacheHours))
      addBig(CACHE, BigInt(fn.snapStartVersions ?? 1) * mb * hn * 3600n, 1024n * hd)
      if (coldG > 0n) addBig(RESTORE, coldG * mb, G * 1024n)
    }

    const streamed = fn.streamedMbPerRequest ?? 0
    if (streamed > extra.streaming.freeMbPerRequest) {
      const [sn, sd] = exactParts(streamed)
      addBig(STREAM, Rn * (sn - BigInt(extra.streaming.freeMbPerRequest) * sd), Rd * sd * 1024n)
    }
  }

  const codes: number[] = []
  const centsExact: bigint[] = []

  const reqU = UB[REQ]!
  const reqX = XB[REQ]!
  const freeReqCap = sheet.freeRequests * reqU
  const freeReq = freeTier ? (reqX < freeReqCap ? reqX : freeReqCap) : 0n
  codes.push(0)
  centsExact.push(lineCentsBig(reqX - freeReq, reqU, region.request))

  if (x86InUse && armInUse && UB[GBS_X86] !== UB[GBS_ARM]) {
    const ux = UB[GBS_X86]!
    const ua = UB[GBS_ARM]!
    XB[GBS_X86] = XB[GBS_X86]! * ua
    XB[GBS_ARM] = XB[GBS_ARM]! * ux
    UB[GBS_X86] = ux * ua
    UB[GBS_ARM] = ux * ua
  }
  let allowance = -1n
  for (let a = 0; a < 2; a++) {
    if (a === 0 ? !x86InUse : !armInUse) continue
    const arch: Architecture = a === 0 ? 'x86_64' : 'arm64'
    const m = a === 0 ? GBS_X86 : GBS_ARM
    const x = XB[m]!
    const u = UB[m]!
    if (allowance < 0n) allowance = freeTier ? sheet.freeGbSeconds * u : 0n
    const freeUsed = x < allowance ? x : allowance
    allowance -= freeUsed
    const billable = x - freeUsed
    const list = region.tiers[arch]
    let from = 0n
    for (let t = 0; t < list.length; t++) {
      const tier = list[t]!
      const to = tier.upTo === null ? null : BigInt(tier.upTo) * u
      if (t > 0 && billable <= from) break
      const exceeds = to !== null && billable > to
      const quantity = billable <= from ? 0n : exceeds ? to - from : billable - from
      codes.push(1 + (a + 1) * 16 + (t + 1) * 64)
      centsExact.push(lineCentsBig(quantity, u, tier.price))
      if (!exceeds) break
      from = to
    }
  }

  for (let i = STORAGE; i <= STREAM; i++) {
    const x = XB[i]!
    if (x === 0n) continue
    const u = UB[i]!
    const price = meterPrice(i, fs, region)
    if (!price) continue
    let free = 0n
    if (i === STREAM && freeTier) {
      const cap = sheet.extra!.freeStreamingGib * u
      free = x < cap ? x : cap
    }
    codes.push(METER_CODE[i]!)
    centsExact.push(lineCentsBig(x - free, u, price))
  }

  const lines: number[] = []
  let total = 0n
  let big = false
  for (let i = 0; i < codes.length; i++) {
    const c = centsExact[i]!
    total += c
    if (c > SAFE_BIG) big = true
    lines.push(codes[i]!, Number(c))
  }
  if (total > SAFE_BIG) big = true
  return { lines, totalCents: Number(total), centsExact: big ? centsExact : null, totalExact: big ? total : null }
}
