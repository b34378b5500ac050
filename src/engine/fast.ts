import { compiledSheet, type CompiledRegion, type CompiledSheet } from './billing'
import { gcd, type Ratio } from './decimal'
import type { Architecture, EstimateInput, LineKind } from './types'

/**
 * The bill's lines (kind, architecture, tier) and cents, computed in doubles
 * holding whole numbers. Every intermediate is checked to stay below 2^53, so
 * each is exact; where one would not, the function gives up (null) and the
 * caller uses the bigint path. A test checks both give the same lines on
 * random inputs.
 */
export interface FastBill {
  kinds: LineKind[]
  architectures: (Architecture | undefined)[]
  tiers: (number | undefined)[]
  cents: number[]
  totalCents: number
}

const SAFE = Number.MAX_SAFE_INTEGER
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

/** Greatest common divisor of two whole doubles (exact: `%` is exact on them). */
function gcdNumber(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

/** Adds x / u to meter i over their least common denominator; throws GIVE_UP past 2^53. */
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
    if (!(l <= SAFE)) throw GIVE_UP
    nx = X[i]! * (l / cu) + x * (l / u)
    U[i] = l
  }
  if (!(nx <= SAFE)) throw GIVE_UP
  X[i] = nx
}

/** Thrown (one instance) where a figure would pass 2^53: the bigint path takes over. */
const GIVE_UP = new Error('not exact in doubles')

function check(x: number): number {
  if (!(x <= SAFE)) throw GIVE_UP
  return x
}

/**
 * The lines and cents of a valid input in integer-valued doubles, or null
 * where some figure would not stay exact below 2^53.
 */
export function fastBill(input: EstimateInput): FastBill | null {
  try {
    return compute(input)
  } catch (e) {
    if (e === GIVE_UP) return null
    throw e
  }
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

  const kinds: LineKind[] = []
  const architectures: (Architecture | undefined)[] = []
  const tiers: (number | undefined)[] = []
  const cents: number[] = []
  let total = 0

  // Requests: the free tier's million once per account.
  const freeReq = freeTier ? Math.min(X[REQ]!, 1_000_000 * U[REQ]!) : 0
  let c = lineCents(X[REQ]! - freeReq, U[REQ]!, region.request)
  kinds.push('requests')
  architectures.push(undefined)
  tiers.push(undefined)
  cents.push(c)
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
      kinds.push('compute')
      architectures.push(arch)
      tiers.push(t + 1)
      cents.push(c)
      total += c
      if (!exceeds) break
      from = to
    }
  }

  for (let i = STORAGE; i <= STREAM; i++) {
    const x = X[i]!
    if (x === 0) continue
    const u = U[i]!
    let kind: LineKind
    let arch: Architecture | undefined
    let price: CentsPrice | null | undefined
    switch (i) {
      case STORAGE:
        kind = 'ephemeral-storage'
        price = region.storage
        break
      case PC_X86:
      case PC_ARM:
        kind = 'provisioned-concurrency'
        arch = i === PC_X86 ? 'x86_64' : 'arm64'
        price = region.pc[arch]?.concurrency
        break
      case PCD_X86:
      case PCD_ARM:
        kind = 'provisioned-duration'
        arch = i === PCD_X86 ? 'x86_64' : 'arm64'
        price = region.pc[arch]?.duration
        break
      case CACHE:
        kind = 'snapstart-cache'
        price = fs.cache
        break
      case RESTORE:
        kind = 'snapstart-restore'
        price = fs.restore
        break
      case EDGE_REQ:
        kind = 'edge-requests'
        price = fs.edgeRequest
        break
      case EDGE_GBS:
        kind = 'edge-duration'
        price = fs.edgeGbs
        break
      default:
        kind = 'response-streaming'
        price = fs.streaming
    }
    if (!price) continue
    const free = i === STREAM && freeTier ? Math.min(x, check(mul(sheet.freeStreamingGibNumber, u))) : 0
    c = lineCents(x - free, u, price)
    kinds.push(kind)
    architectures.push(arch)
    tiers.push(undefined)
    cents.push(c)
    total += c
  }
  if (!(total <= SAFE)) return null
  return { kinds, architectures, tiers, cents, totalCents: total }
}
