import { architecturesInUse, computeBill, FREE_TIER_ORDER, type Bill } from './bill'
import type { CompiledRegion, CompiledSheet } from './billing'
import { lcm, toDecimalString, type Ratio } from './decimal'
import type { Architecture, Estimate, EstimateInput } from './types'
import { measureFunction, addUsage, emptyUsage, reduceUsage, type MeterId, type MeterUsage } from './usage'
import { InvalidInputError, MAX_REQUESTS_PER_MONTH, validateInput } from './validate'

/**
 * One point of a cost curve: the bill at `x`, split by kind, in whole cents.
 * The parts always add up to `totalCents`.
 *
 * @example { x: 3000000, requestsCents: 40, computeCents: 1834, storageCents: 0, provisionedCents: 0, snapStartCents: 0, edgeCents: 0, streamingCents: 0, totalCents: 1874 }
 */
export interface CostPoint {
  /** Requests per month (cost vs requests) or memory, MB (cost vs memory). */
  x: number
  requestsCents: number
  computeCents: number
  storageCents: number
  /** Provisioned concurrency and provisioned duration lines. */
  provisionedCents: number
  /** SnapStart cache and restore lines. */
  snapStartCents: number
  /** Lambda@Edge requests and duration lines. */
  edgeCents: number
  streamingCents: number
  totalCents: number
  /**
   * The same figures as exact whole cents, present only where the total
   * reaches 2^53 cents (about $90 trillion), past which the numbers above are
   * the nearest doubles.
   */
  exactCents?: Readonly<Record<CostPart, bigint>>
}

/**
 * The parts of a cost point, by the name of their cents field without `Cents`, and the total.
 *
 * @example const part: CostPart = 'compute'
 */
export type CostPart = 'requests' | 'compute' | 'storage' | 'provisioned' | 'snapStart' | 'edge' | 'streaming' | 'total'

const SAFE_CENTS = BigInt(Number.MAX_SAFE_INTEGER)

/** The cents fields of a cost point. */
type CentsField = Exclude<keyof CostPoint, 'x' | 'exactCents'>

/** Fills `point.exactCents` from exact part sums when the total is past 2^53 cents. */
function keepExact(point: CostPoint, parts: Record<CentsField, bigint>, total: bigint): void {
  if (total <= SAFE_CENTS) return
  point.exactCents = {
    requests: parts.requestsCents,
    compute: parts.computeCents,
    storage: parts.storageCents,
    provisioned: parts.provisionedCents,
    snapStart: parts.snapStartCents,
    edge: parts.edgeCents,
    streaming: parts.streamingCents,
    total,
  }
}

function zeroParts(): Record<CentsField, bigint> {
  return {
    requestsCents: 0n,
    computeCents: 0n,
    storageCents: 0n,
    provisionedCents: 0n,
    snapStartCents: 0n,
    edgeCents: 0n,
    streamingCents: 0n,
    totalCents: 0n,
  }
}

/**
 * A cost curve, with the point for the workload as entered.
 *
 * @example costByRequests(input).current.totalCents // the bill as entered
 */
export interface CostSeries {
  points: CostPoint[]
  /** The workload as entered; also one of `points`. */
  current: CostPoint
}

const GROUP: Record<Bill['lines'][number]['kind'], CentsField> = {
  requests: 'requestsCents',
  compute: 'computeCents',
  'ephemeral-storage': 'storageCents',
  'provisioned-concurrency': 'provisionedCents',
  'provisioned-duration': 'provisionedCents',
  'snapstart-cache': 'snapStartCents',
  'snapstart-restore': 'snapStartCents',
  'edge-requests': 'edgeCents',
  'edge-duration': 'edgeCents',
  'response-streaming': 'streamingCents',
}

/** What a point is made from: a bill's lines (exact cents, or an estimate's lines with their exact dollars) and its total. */
interface PricedLines {
  lines: readonly { kind: Bill['lines'][number]['kind']; cents: bigint | number; usd?: string }[]
  totalCents: bigint | number
  totalUsd?: string
}

/** Exact cents of a line: its bigint cents, or its dollars string ("18.34") when its cents are a number. */
function exactOf(cents: bigint | number, usd: string | undefined): bigint {
  return typeof cents === 'bigint' ? cents : usd !== undefined ? BigInt(usd.replace('.', '')) : BigInt(cents)
}

/** A point at x with every part at 0 cents and the given total. */
function emptyPoint(x: number, totalCents: number): CostPoint {
  return {
    x,
    requestsCents: 0,
    computeCents: 0,
    storageCents: 0,
    provisionedCents: 0,
    snapStartCents: 0,
    edgeCents: 0,
    streamingCents: 0,
    totalCents,
  }
}

function toPoint(x: number, bill: PricedLines): CostPoint {
  const point = emptyPoint(x, Number(bill.totalCents))
  for (const l of bill.lines) point[GROUP[l.kind]] += Number(l.cents)
  const total = exactOf(bill.totalCents, bill.totalUsd)
  if (total > SAFE_CENTS) {
    const parts = zeroParts()
    for (const l of bill.lines) parts[GROUP[l.kind]] += exactOf(l.cents, l.usd)
    keepExact(point, parts, total)
  }
  return point
}

function checked(input: EstimateInput): void {
  const problems = validateInput(input)
  if (problems.length > 0) throw new InvalidInputError(problems)
}

/** A price as cents per unit over the series' shared denominator L: cents of q / L units = (2 q num + den) / (2 den), half-up. */
interface SharedPrice {
  num: bigint
  den: bigint
  den2: bigint
}

/** One line of the bill past requests and compute: its meter's numerators, price and group. */
interface OtherLine {
  base: bigint
  slope: bigint
  price: SharedPrice
  group: CentsField
  /** The free allowance over L (response streaming); 0n for none. */
  free: bigint
}

/**
 * Each x's bill, grouped, where usage is base + x * slope. Every meter over one
 * shared denominator L, so a point costs a few bigint products per line and no
 * fractions: the same lines and rounding as priceUsage.
 */
function pricePoints(
  xs: number[],
  base: MeterUsage,
  slope: MeterUsage,
  sheet: CompiledSheet,
  region: CompiledRegion,
  freeTier: boolean,
  inUse: Record<Architecture, boolean>,
): CostPoint[] {
  const meters = Object.keys(base) as MeterId[]
  let L = 1n
  for (const k of meters) if ((base[k].n !== 0n || slope[k].n !== 0n) && L % base[k].d !== 0n) L = lcm(L, base[k].d)
  const B = {} as Record<MeterId, bigint>
  const S = {} as Record<MeterId, bigint>
  for (const k of meters) {
    const f = L / base[k].d
    B[k] = base[k].n * f
    S[k] = slope[k].n * f
  }
  const shared = (usd: Ratio): SharedPrice => ({ num: usd.n * 100n, den: usd.d * L, den2: 2n * usd.d * L })

  const requestPrice = shared(region.usdPerRequest)
  const freeRequests = freeTier ? sheet.freeRequests * L : 0n
  const compute = FREE_TIER_ORDER.filter((a) => inUse[a]).map((a) => {
    const meter: MeterId = a === 'x86_64' ? 'x86Gbs' : 'armGbs'
    return {
      base: B[meter],
      slope: S[meter],
      tiers: region.compute[a]!.map((t) => ({ to: t.upToGbSeconds === null ? null : t.upToGbSeconds * L, price: shared(t.usdPerGbSecond) })),
    }
  })
  const others: OtherLine[] = []
  const other = (meter: MeterId, usd: Ratio | null | undefined, group: CentsField, free = 0n) => {
    if (usd && (B[meter] !== 0n || S[meter] !== 0n)) others.push({ base: B[meter], slope: S[meter], price: shared(usd), group, free })
  }
  other('storageGbs', region.storageUsdPerGbSecond, 'storageCents')
  for (const a of FREE_TIER_ORDER) {
    const p = region.provisioned[a]
    other(a === 'x86_64' ? 'pcX86Gbs' : 'pcArmGbs', p?.concurrency.usd, 'provisionedCents')
    other(a === 'x86_64' ? 'pcDurationX86Gbs' : 'pcDurationArmGbs', p?.duration.usd, 'provisionedCents')
  }
  const extra = sheet.extra
  if (extra) {
    other('cacheGbs', extra.cache.usd, 'snapStartCents')
    other('restoreGb', extra.restore.usd, 'snapStartCents')
    other('edgeRequests', extra.edgeRequest.usd, 'edgeCents')
    other('edgeGbs', extra.edgeGbs.usd, 'edgeCents')
    other('streamGib', extra.streaming.usd, 'streamingCents', freeTier ? extra.freeStreamingGib * L : 0n)
  }
  const freeGbs = freeTier ? sheet.freeGbSeconds * L : 0n

  const points: CostPoint[] = []
  const exactParts = zeroParts()
  for (const x of xs) {
    const X = BigInt(x)
    const point = emptyPoint(x, 0)
    let total = 0n
    const parts = exactParts
    parts.computeCents = 0n
    parts.storageCents = 0n
    parts.provisionedCents = 0n
    parts.snapStartCents = 0n
    parts.edgeCents = 0n
    parts.streamingCents = 0n
    let q = B.requests + S.requests * X
    q -= q < freeRequests ? q : freeRequests
    let c = (2n * q * requestPrice.num + requestPrice.den) / requestPrice.den2
    point.requestsCents = Number(c)
    parts.requestsCents = c
    total += c
    let left = freeGbs
    for (const arch of compute) {
      const gbs = arch.base + arch.slope * X
      const used = gbs < left ? gbs : left
      left -= used
      const billable = gbs - used
      let from = 0n
      for (let t = 0; t < arch.tiers.length; t++) {
        const tier = arch.tiers[t]!
        if (t > 0 && billable <= from) break
        const to = tier.to
        const exceeds = to !== null && billable > to
        const quantity = billable <= from ? 0n : exceeds ? to - from : billable - from
        c = (2n * quantity * tier.price.num + tier.price.den) / tier.price.den2
        point.computeCents += Number(c)
        parts.computeCents += c
        total += c
        if (to === null || !exceeds) break
        from = to
      }
    }
    for (let i = 0; i < others.length; i++) {
      const line = others[i]!
      q = line.base + line.slope * X
      if (q <= 0n) continue
      q -= q < line.free ? q : line.free
      c = (2n * q * line.price.num + line.price.den) / line.price.den2
      point[line.group] += Number(c)
      parts[line.group] += c
      total += c
    }
    point.totalCents = Number(total)
    keepExact(point, parts, total)
    points.push(point)
  }
  return points
}

/**
 * Options for {@link costByRequests}.
 *
 * @example costByRequests(input, { points: 1000, minRequests: 1e3, maxRequests: 1e9 })
 */
export interface RequestSeriesOptions {
  /** Number of log-spaced points (the current workload and the free-tier knees are added). Default 200. */
  points?: number
  /** Lowest requests per month; default three decades below the current volume (at least 1). */
  minRequests?: number
  /** Highest requests per month; default three decades above the current volume (at most 10^15). */
  maxRequests?: number
}

/**
 * Monthly cost over a log-spaced range of monthly request volumes, for the
 * account in `input`, with the requests, compute and storage parts separate.
 * Every function's volume scales in proportion, so `x` is the account's total
 * requests per month; each point is exact to the cent. Throws
 * `InvalidInputError` for an invalid input.
 *
 * @example
 * const s = costByRequests({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6 }] })
 * s.current.totalCents // 1874
 */
export function costByRequests(input: EstimateInput, options: RequestSeriesOptions = {}): CostSeries {
  checked(input)
  const bill = computeBill(input)
  const { sheet, region, freeTier } = bill
  const totalRequests = bill.functions.reduce<Ratio>(
    (s, f) => ({ n: s.n * f.monthlyRequests.d + f.monthlyRequests.n * s.d, d: s.d * f.monthlyRequests.d }),
    { n: 0n, d: 1n },
  )
  const currentX = Number(toDecimalString(totalRequests.n, totalRequests.d, 6))

  // Usage is affine in the volume: usage(X) = usage(0) + X x (usage(1) - usage(0)),
  // each function weighted by its share of the volume (equal shares at zero volume).
  const useShares = totalRequests.n > 0n
  const weights: Ratio[] = bill.functions.map((f) =>
    useShares ? { n: f.monthlyRequests.n * totalRequests.d, d: f.monthlyRequests.d * totalRequests.n } : { n: 1n, d: BigInt(bill.functions.length) },
  )
  const at = (t: bigint): MeterUsage => {
    let u = emptyUsage()
    input.functions.forEach((fn, i) => {
      u = addUsage(u, measureFunction(fn, i, sheet, { n: weights[i]!.n * t, d: weights[i]!.d }).meters)
    })
    return reduceUsage(u)
  }
  const base = at(0n)
  const one = at(1n)
  // Base and slope over one denominator per meter, so each point adds without multiplying denominators.
  const slope = {} as MeterUsage
  for (const k of Object.keys(base) as (keyof MeterUsage)[]) {
    const a = base[k]
    const c = one[k]
    const d = lcm(a.d, c.d)
    base[k] = { n: a.n * (d / a.d), d }
    slope[k] = { n: c.n * (d / c.d) - a.n * (d / a.d), d }
  }
  const inUse = architecturesInUse(bill.functions)

  const decade = currentX >= 1 ? Math.floor(Math.log10(currentX)) : 0
  const lo = Math.max(1, options.minRequests ?? 10 ** Math.max(0, decade - 3))
  const hi = Math.min(MAX_REQUESTS_PER_MONTH, options.maxRequests ?? Math.max(10 ** (decade + 4), 1e7))
  const count = Math.max(2, options.points ?? 200)
  const xs = new Set<number>()
  const step = (Math.log10(hi) - Math.log10(lo)) / (count - 1)
  for (let i = 0; i < count; i++) xs.add(Math.round(10 ** (Math.log10(lo) + i * step)))
  // The knees: where the free requests and the free GB-s run out.
  const freeRequests = Number(sheet.freeRequests)
  if (freeTier && freeRequests > lo && freeRequests < hi) xs.add(freeRequests)
  const perRequestGbs = { n: slope.x86Gbs.n * slope.armGbs.d + slope.armGbs.n * slope.x86Gbs.d, d: slope.x86Gbs.d * slope.armGbs.d }
  const baseGbs = { n: base.x86Gbs.n * base.armGbs.d + base.armGbs.n * base.x86Gbs.d, d: base.x86Gbs.d * base.armGbs.d }
  if (freeTier && perRequestGbs.n > 0n) {
    // smallest X with base + X x slope >= the free GB-s
    const needN = sheet.freeGbSeconds * baseGbs.d - baseGbs.n
    if (needN > 0n) {
      const num = needN * perRequestGbs.d
      const den = baseGbs.d * perRequestGbs.n
      const knee = Number((num + den - 1n) / den)
      if (knee > lo && knee < hi) xs.add(knee)
    }
  }

  const points = pricePoints(
    [...xs].sort((a, b) => a - b),
    base,
    slope,
    sheet,
    region,
    freeTier,
    inUse,
  )
  const current = toPoint(currentX, bill)
  const idx = points.findIndex((p) => p.x >= currentX)
  if (idx === -1) points.push(current)
  else if (points[idx]!.x === currentX) points[idx] = current
  else points.splice(idx, 0, current)
  return { points, current }
}

/**
 * Options for {@link costByMemory}.
 *
 * @example costByMemory(input, { functionIndex: 1, stepMb: 128 })
 */
export interface MemorySeriesOptions {
  /** Which function's memory varies; default 0, the first. */
  functionIndex?: number
  /** Distance between memory sizes, MB; default the sheet's step, at least 64 MB. */
  stepMb?: number
}

/**
 * Monthly cost across the sheet's memory range for one function (duration and
 * every other input held fixed), with the parts separate. The current memory is
 * one of the points. Throws `InvalidInputError` for an invalid input.
 *
 * @example
 * costByMemory({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6 }] }).points.length // 46: 128 to 3,008 MB
 */
export function costByMemory(input: EstimateInput, options: MemorySeriesOptions = {}): CostSeries {
  checked(input)
  const index = options.functionIndex ?? 0
  const fn = input.functions[index]
  if (!fn) throw new RangeError(`There is no function ${index + 1} in this estimate.`)
  const sheet = computeBill(input).sheet.data
  const { minMb, maxMb, stepMb } = sheet.memory
  const step = Math.max(stepMb, options.stepMb ?? 64)
  const sizes = new Set<number>()
  for (let m = minMb; m <= maxMb; m += step) sizes.add(m)
  sizes.add(maxMb)
  sizes.add(fn.memoryMb)
  const functions = input.functions.slice()
  let current: CostPoint | undefined
  const points = [...sizes]
    .sort((a, b) => a - b)
    .map((memoryMb) => {
      functions[index] = { ...fn, memoryMb }
      const point = toPoint(memoryMb, computeBill({ ...input, functions }))
      if (memoryMb === fn.memoryMb) current = point
      return point
    })
  return { points, current: current! }
}

/**
 * One point of a cost curve from an estimate: its bill at `x`, split into the
 * parts the charts draw, in whole cents.
 *
 * @example costPoint(512, estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6 }] })).computeCents // 1834
 */
export function costPoint(x: number, estimate: Estimate): CostPoint {
  return toPoint(x, estimate)
}
