import { BIGINT } from './arithmetic'
import { architecturesInUse, computeBill, exactMeterPrices, freeAllowance, savingsPlanDiscount } from './bill'
import type { CompiledRegion, CompiledSheet } from './compiled-sheet'
import { addRatio, lcm, toDecimalString, ZERO, type Ratio } from './decimal'
import { COST_PARTS, FREE_GBS_METERS, METER_IDS, METER_INDEX, METERS, PART_OF_KIND, type CostPart } from './meters'
import { meterPrices, MeterTotals, priceMeters } from './price-meters'
import type { Architecture, Estimate, EstimateInput, LineKind } from './types'
import { measureFunction, addUsage, emptyUsage, reduceUsage, type MeterUsage, type TypeUse } from './measure'
import { InvalidInputError, MAX_REQUESTS_PER_MONTH, validateInput } from './validate'

export type { CostPart } from './meters'

/**
 * Each part's whole cents, by the part's name with `Cents`.
 *
 * @example costPoint(0, estimate(input)).computeCents
 */
export type PartCents = { [P in CostPart as `${P}Cents`]: number }

/**
 * One point of a cost curve: the bill at `x`, split by the parts of
 * `COST_PARTS`, in whole cents. The parts always add up to `totalCents`.
 *
 * @example { x: 3000000, requestsCents: 40, computeCents: 1834, storageCents: 0, provisionedCents: 0, snapStartCents: 0, edgeCents: 0, streamingCents: 0, totalCents: 1874 }
 */
export interface CostPoint extends PartCents {
  /** Requests per month (cost vs requests) or memory, MB (cost vs memory). */
  x: number
  totalCents: number
  /**
   * The same figures as exact whole cents, present only where the total
   * reaches 2^53 cents (about $90 trillion), past which the numbers above are
   * the nearest doubles.
   */
  exactCents?: Readonly<Record<CostPart | 'total', bigint>>
}

const SAFE_CENTS = BigInt(Number.MAX_SAFE_INTEGER)

/** The cents field of each part. */
const FIELD = Object.fromEntries(COST_PARTS.map((p) => [p.id, `${p.id}Cents`])) as Record<CostPart, keyof PartCents>

const EMPTY_POINT = Object.fromEntries([['x', 0], ...COST_PARTS.map((p) => [FIELD[p.id], 0]), ['totalCents', 0]]) as CostPoint
const ZERO_PARTS = Object.fromEntries(COST_PARTS.map((p) => [p.id, 0n])) as Record<CostPart, bigint>

/** A point at x with every part at 0 cents and the given total. */
function emptyPoint(x: number, totalCents: number): CostPoint {
  const point = { ...EMPTY_POINT }
  point.x = x
  point.totalCents = totalCents
  return point
}

/** Exact cents by part, all 0. */
function zeroParts(): Record<CostPart, bigint> {
  return { ...ZERO_PARTS }
}

/** Fills `point.exactCents` from exact part sums when the total is past 2^53 cents. */
function keepExact(point: CostPoint, parts: Record<CostPart, bigint>, total: bigint): void {
  if (total <= SAFE_CENTS) return
  point.exactCents = { ...parts, total }
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

/** What a point is made from: a bill's lines (exact cents, or an estimate's lines with their exact dollars) and its total. */
interface PricedLines {
  lines: readonly { kind: LineKind; cents: bigint | number; usd?: string }[]
  totalCents: bigint | number
  totalUsd?: string
}

/** Exact cents of a line: its bigint cents, or its dollars string ("18.34") when its cents are a number. */
function exactOf(cents: bigint | number, usd: string | undefined): bigint {
  return typeof cents === 'bigint' ? cents : usd !== undefined ? BigInt(usd.replace('.', '')) : BigInt(cents)
}

function toPoint(x: number, bill: PricedLines): CostPoint {
  const point = emptyPoint(x, Number(bill.totalCents))
  for (const l of bill.lines) point[FIELD[PART_OF_KIND[l.kind]]] += Number(l.cents)
  const total = exactOf(bill.totalCents, bill.totalUsd)
  if (total > SAFE_CENTS) {
    const parts = zeroParts()
    for (const l of bill.lines) parts[PART_OF_KIND[l.kind]] += exactOf(l.cents, l.usd)
    keepExact(point, parts, total)
  }
  return point
}

function checked(input: EstimateInput): void {
  const problems = validateInput(input)
  if (problems.length > 0) throw new InvalidInputError(problems)
}

/**
 * Each x's bill, by part, where usage is base + x * slope (each meter's base
 * and slope over one denominator): the bill's own rules (`priceMeters`) at
 * every point.
 */
function pricePoints(
  xs: number[],
  base: MeterUsage,
  slope: MeterUsage,
  sheet: CompiledSheet,
  region: CompiledRegion,
  freeTier: boolean,
  inUse: Record<Architecture, boolean>,
  savingsPlanPercent: Ratio,
  perTypeAt: ((x: bigint) => TypeUse[]) | null,
  apiFree = false,
): CostPoint[] {
  const discount = savingsPlanDiscount(savingsPlanPercent)
  const prices = discount ? meterPrices(BIGINT, sheet, region, discount) : exactMeterPrices(sheet, region)
  const free = freeAllowance(sheet, freeTier, apiFree)
  const totals = new MeterTotals(BIGINT)
  const points: CostPoint[] = []
  let point = emptyPoint(0, 0)
  let parts = zeroParts()
  const sink = {
    line(i: number, _tier: number, _from: bigint, _to: bigint | null, _w: bigint, _f: bigint, _u: bigint, cents: bigint) {
      const part = METERS[i]!.part
      point[FIELD[part]] += Number(cents)
      parts[part] += cents
    },
    free() {},
  }
  // Only the meters with usage somewhere on the curve, and the compute meters in use; those
  // billed per instance type are sized at each point (a step in the volume, not a line).
  const active = METERS.flatMap((m, i) => {
    if (m.perType) return []
    const id = METER_IDS[i]!
    const used = base[id].n !== 0n || slope[id].n !== 0n
    const shown = m.kind === 'compute' && inUse[m.architecture!]
    return used || shown ? [{ i, base: base[id].n, slope: slope[id].n, d: base[id].d, shown }] : []
  })
  for (const x of xs) {
    const X = BigInt(x)
    totals.clear()
    for (const m of active) {
      if (m.shown) totals.use(m.i)
      const q = m.base + m.slope * X
      if (q > 0n) totals.addMixed(m.i, q / m.d, q % m.d, m.d)
    }
    if (perTypeAt) for (const t of perTypeAt(X)) totals.addPerType(METER_INDEX.get(t.meter)!, t.type, t.price, t.quantity.n, 1n, t.quantity.d)
    point = emptyPoint(x, 0)
    parts = zeroParts()
    const total = priceMeters(BIGINT, totals, prices, free, sink)
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
  for (const k of METER_IDS) {
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
  // The GB-s that draw on the free tier, at the base and per request.
  const perRequestGbs = FREE_GBS_METERS.reduce((sum, m) => addRatio(sum, slope[m.id]), ZERO)
  const baseGbs = FREE_GBS_METERS.reduce((sum, m) => addRatio(sum, base[m.id]), ZERO)
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

  // Managed Instances functions' instance-hours at each volume: sized again (or as given).
  const managed = bill.functions.filter((f) => f.managed !== null)
  const perTypeAt =
    managed.length === 0
      ? null
      : (X: bigint) => managed.flatMap((f) => measureFunction(f.input, f.index, sheet, { n: weights[f.index]!.n * X, d: weights[f.index]!.d }).byType)
  const points = pricePoints(
    [...xs].sort((a, b) => a - b),
    base,
    slope,
    sheet,
    region,
    freeTier,
    inUse,
    bill.savingsPlanPercent,
    perTypeAt,
    bill.apiFree,
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
  // A Managed Instances function has its own memory range; sizes its instance type cannot hold are left out.
  const managed = sheet.extraMeters !== undefined && fn.compute === 'managed-instances'
  const rules = sheet.extraMeters?.managedInstances
  const { minMb, maxMb, stepMb } = managed && rules ? { minMb: rules.minMemoryMb, maxMb: rules.maxMemoryMb, stepMb: 1 } : sheet.memory
  const step = Math.max(stepMb, options.stepMb ?? 64)
  const sizes = new Set<number>()
  for (let m = minMb; m <= maxMb; m += step) sizes.add(m)
  sizes.add(maxMb)
  sizes.add(fn.memoryMb)
  const functions = input.functions.slice()
  let current: CostPoint | undefined
  const points = [...sizes]
    .sort((a, b) => a - b)
    .filter((memoryMb) => {
      if (!managed || memoryMb === fn.memoryMb) return true
      functions[index] = { ...fn, memoryMb }
      return validateInput({ ...input, functions }).length === 0
    })
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
