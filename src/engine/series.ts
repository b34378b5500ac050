import { computeBill, priceUsage, type Bill } from './bill'
import { MB_MS_PER_GB_SECOND } from './billing'
import { toDecimalString } from './decimal'
import type { EstimateInput } from './types'
import { InvalidInputError, MAX_REQUESTS_PER_MONTH, validateInput } from './validate'

/**
 * One point of a cost curve: the bill at `x`, split by kind, in whole cents.
 *
 * @example { x: 3000000, requestsCents: 40, computeCents: 1834, storageCents: 0, totalCents: 1874 }
 */
export interface CostPoint {
  /** Requests per month (cost vs requests) or memory, MB (cost vs memory). */
  x: number
  requestsCents: number
  computeCents: number
  storageCents: number
  totalCents: number
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

function toPoint(x: number, bill: Pick<Bill, 'lines' | 'totalCents'>): CostPoint {
  let requestsCents = 0n
  let computeCents = 0n
  let storageCents = 0n
  for (const l of bill.lines) {
    if (l.kind === 'requests') requestsCents += l.cents
    else if (l.kind === 'compute') computeCents += l.cents
    else storageCents += l.cents
  }
  return {
    x,
    requestsCents: Number(requestsCents),
    computeCents: Number(computeCents),
    storageCents: Number(storageCents),
    totalCents: Number(bill.totalCents),
  }
}

function checked(input: EstimateInput): void {
  const problems = validateInput(input)
  if (problems.length > 0) throw new InvalidInputError(problems)
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
  const includedMb = sheet.data.ephemeralStorage.includedMb
  const currentX = Number(toDecimalString(bill.totalRequests, bill.requestDen, 6))

  // Usage per request: each function weighted by its share of the volume
  // (equal shares when the volume is zero), over MB_MS_PER_GB_SECOND x weightSum.
  const useShares = bill.totalRequests > 0n
  let weightSum = 0n
  let x86PerRequest: bigint | null = null
  let armPerRequest: bigint | null = null
  let storagePerRequest = 0n
  for (const f of bill.functions) {
    const w = useShares ? f.monthlyRequests : 1n
    weightSum += w
    const gbs = w * BigInt(f.billedMs * f.memoryMb)
    if (f.architecture === 'arm64') armPerRequest = (armPerRequest ?? 0n) + gbs
    else x86PerRequest = (x86PerRequest ?? 0n) + gbs
    storagePerRequest += w * BigInt(f.billedMs * Math.max(0, f.storageMb - includedMb))
  }
  const gbsDen = MB_MS_PER_GB_SECOND * weightSum

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
  const perRequestGbs = (x86PerRequest ?? 0n) + (armPerRequest ?? 0n)
  if (freeTier && perRequestGbs > 0n) {
    const knee = Number((sheet.freeGbSeconds * gbsDen + perRequestGbs - 1n) / perRequestGbs)
    if (knee > lo && knee < hi) xs.add(knee)
  }

  const points: CostPoint[] = []
  for (const x of [...xs].sort((a, b) => a - b)) {
    const X = BigInt(x)
    const priced = priceUsage(sheet, region, freeTier, {
      requests: X,
      requestDen: 1n,
      x86Gbs: x86PerRequest === null ? null : x86PerRequest * X,
      armGbs: armPerRequest === null ? null : armPerRequest * X,
      storageGbs: storagePerRequest * X,
      gbsDen,
    })
    points.push(toPoint(x, priced))
  }
  const current = toPoint(currentX, bill)
  const at = points.findIndex((p) => p.x >= currentX)
  if (at === -1) points.push(current)
  else if (points[at]!.x === currentX) points[at] = current
  else points.splice(at, 0, current)
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
