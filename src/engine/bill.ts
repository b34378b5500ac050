import { BIGINT } from './arithmetic'
import { compiledSheet, type CompiledPerType, type CompiledPrice, type CompiledRegion, type CompiledSheet, type CompiledTier } from './compiled-sheet'
import { addRatio, lcm, parseNumber, reduceRatio, subRatio, ZERO, type Ratio } from './decimal'
import { METER_INDEX, METERS, sharesFixedCost, type FreePool, type MeterId } from './meters'
import { meterPrices, MeterTotals, priceMeters, type Discount, type MeterPrice } from './price-meters'
import { requestsPerMonth } from './requests'
import { splitCents } from './shares'
import type { Architecture, EstimateInput, LineKind, QuantityUnit } from './types'
import { addUsage, emptyUsage, measureFunction, reduceUsage, typeKey, type FunctionMeasure, type MeterUsage, type TypeUse } from './measure'

/**
 * The bill in exact numbers, before anything is turned into text: the
 * functions' usage, how the free tier fell, and the lines.
 */
export interface Bill {
  sheet: CompiledSheet
  region: CompiledRegion
  freeTier: boolean
  /** API Gateway's free tier for new accounts applies (absent: no). */
  apiFree?: boolean
  /** The Compute Savings Plan's discount, %; 0 for none. */
  savingsPlanPercent: Ratio
  functions: FunctionMeasure[]
  /** The account's usage: the functions' meters summed. */
  usage: MeterUsage
  totalRequests: Ratio
  freeRequestsUsed: Ratio
  billableRequests: Ratio
  /** Architectures in use on demand, in the order the free tier covers them. */
  architectures: ArchitectureBill[]
  freeStreamUsed: Ratio
  billableStream: Ratio
  /** CloudWatch Logs GB the free tier covered, both classes. */
  freeLogsUsed: Ratio
  lines: LineBill[]
  totalCents: bigint
}

export interface ArchitectureBill {
  architecture: Architecture
  gbs: Ratio
  freeUsed: Ratio
  billable: Ratio
}

export interface LineBill {
  kind: LineKind
  /** The meter the line prices: a function's share is in proportion to its use of it. */
  meter: MeterId
  architecture?: Architecture
  tier?: number
  /** Tier bounds in GB-s, for labels; undefined outside compute. */
  tierFrom?: bigint
  tierTo?: bigint | null
  quantity: Ratio
  quantityUnit: QuantityUnit
  unitPrice: Ratio
  unitPriceText: string
  estimatedPrice: boolean
  /** What a Compute Savings Plan leaves to pay of the line, (100 - percent) / 100; absent where none applies. */
  discount?: Ratio
  /** A line per instance type: its type, and the key (type and price paid) the functions' shares are taken by. */
  instanceType?: string
  typeKey?: string
  cents: bigint
}

/** Monthly requests of every function, over one shared denominator. */
function monthlyRequests(input: EstimateInput): Ratio[] {
  const monthly: Ratio[] = []
  let den = 1n
  for (const fn of input.functions) {
    const r = requestsPerMonth(fn.requests, fn.per ?? 'month')
    monthly.push(r)
    if (r.d !== den && den % r.d !== 0n) den = lcm(den, r.d)
  }
  return monthly.map((r) => (r.d === den ? r : { n: r.n * (den / r.d), d: den }))
}

/** Which architectures have on-demand compute lines: those of any function not on Lambda@Edge nor on Managed Instances. */
export function architecturesInUse(functions: FunctionMeasure[]): Record<Architecture, boolean> {
  const inUse = { x86_64: false, arm64: false }
  for (const f of functions) if (!f.edge && !f.managed) inUse[f.architecture] = true
  return inUse
}

/**
 * Computes the bill for a valid input. Callers validate first: this trusts
 * its input's ranges and types.
 */
export function computeBill(input: EstimateInput): Bill {
  const sheet = compiledSheet(input.sheet)
  const region = sheet.regions.get(input.region ?? sheet.data.defaultRegion)!
  const freeTier = input.freeTier ?? true
  const monthly = monthlyRequests(input)
  const functions = input.functions.map((fn, i) => measureFunction(fn, i, sheet, monthly[i]!))
  let usage = emptyUsage()
  for (const f of functions) usage = addUsage(usage, f.meters)
  usage = reduceUsage(usage)
  const savingsPlanPercent = parseNumber(input.savingsPlanPercent ?? 0)
  const byType = functions.flatMap((f) => f.byType)
  const used = functions.reduce((bits, f) => bits | f.used, 0)
  const apiFree = input.apiGatewayFreeTier === true
  const priced = priceUsage(sheet, region, freeTier, usage, architecturesInUse(functions), savingsPlanPercent, byType, used, apiFree)
  return { sheet, region, freeTier, apiFree, savingsPlanPercent, functions, usage, ...priced }
}

/** What pricing an account's usage gives: the bill lines and how the free tier fell. */
export type PricedUsage = Pick<
  Bill,
  | 'totalRequests'
  | 'freeRequestsUsed'
  | 'billableRequests'
  | 'architectures'
  | 'freeStreamUsed'
  | 'billableStream'
  | 'freeLogsUsed'
  | 'lines'
  | 'totalCents'
>

const exactPrices = new WeakMap<CompiledRegion, MeterPrice<bigint>[]>()

/** Every meter's price in `region` in BIGINT, computed once. */
export function exactMeterPrices(sheet: CompiledSheet, region: CompiledRegion): MeterPrice<bigint>[] {
  let prices = exactPrices.get(region)
  if (!prices) exactPrices.set(region, (prices = meterPrices(BIGINT, sheet, region, null)))
  return prices
}

/** What a Compute Savings Plan of `percent` % leaves to pay, (100 - percent) / 100; null for none. */
export function savingsPlanDiscount(percent: Ratio): Discount | null {
  if (percent.n === 0n) return null
  return { n: 100n * percent.d - percent.n, d: 100n * percent.d }
}

/** The free tier's allowances on `sheet`, or null where it is off. */
export function freeAllowance(sheet: CompiledSheet, freeTier: boolean, apiFree = false): Record<FreePool, bigint> | null {
  if (!freeTier && !apiFree) return null
  const on = (n: bigint | undefined, yes: boolean) => (yes ? (n ?? 0n) : 0n)
  const api = sheet.data.extraMeters?.besideLambda.apiGatewayFreeTier
  const apiOn = (n: string | undefined) => on(n === undefined ? 0n : BigInt(n), apiFree)
  return {
    requests: on(sheet.freeRequests, freeTier),
    gbSeconds: on(sheet.freeGbSeconds, freeTier),
    streaming: on(sheet.extra?.freeStreamingGib, freeTier),
    logs: on(sheet.extra?.freeLogsGb, freeTier),
    dataOut: on(sheet.extra?.freeDataOutGb, freeTier),
    apiRest: apiOn(api?.rest),
    apiHttp: apiOn(api?.http),
    apiWsMessages: apiOn(api?.wsMessages),
    apiWsMinutes: apiOn(api?.wsMinutes),
  }
}

const mixed = (w: bigint, f: bigint, u: bigint): Ratio => reduceRatio({ n: w * u + f, d: u })

/**
 * Prices one account's monthly usage by the rules every path shares
 * (`priceMeters`, in BIGINT): the free tier once for the account (its requests
 * cover every regional request, its GB-s on-demand compute, x86_64 first, then
 * arm64; streaming has its own 100 GiB), each architecture's graduated
 * brackets, then every other meter. Each line is rounded half-up to the cent
 * and the total is the sum of the rounded lines.
 *
 * A line appears when its meter is used (requests always; compute for every
 * architecture a function runs on demand).
 */
export function priceUsage(
  sheet: CompiledSheet,
  region: CompiledRegion,
  freeTier: boolean,
  usage: MeterUsage,
  inUse: Record<Architecture, boolean>,
  savingsPlanPercent: Ratio = ZERO,
  byType: readonly TypeUse[] = [],
  used = 0,
  apiFree = false,
): PricedUsage {
  const discount = savingsPlanDiscount(savingsPlanPercent)
  const totals = new MeterTotals(BIGINT)
  METERS.forEach((m, i) => {
    const q = usage[m.id]
    if (q.n !== 0n && !m.perType) totals.addMixed(i, q.n / q.d, q.n % q.d, q.d)
    if ((m.kind === 'compute' && inUse[m.architecture!]) || (used & (1 << i)) !== 0) totals.use(i)
  })
  for (const t of byType) totals.addPerType(METER_INDEX.get(t.meter)!, t.type, t.price, t.quantity.n, 1n, t.quantity.d)
  const lines: LineBill[] = []
  const freeUsed = new Map<number, Ratio>()
  const prices = discount ? meterPrices(BIGINT, sheet, region, discount) : exactMeterPrices(sheet, region)
  const totalCents = priceMeters(BIGINT, totals, prices, freeAllowance(sheet, freeTier, apiFree), {
    line(i, tier, from, to, w, f, u, cents, perType) {
      const spec = METERS[i]!
      const p = spec.price(sheet, region)!
      const unitPrice = perType
        ? (perType.price ?? (p as CompiledPerType).perType.get(perType.type)!)
        : Array.isArray(p)
          ? (p as CompiledTier[])[tier - 1]!
          : (p as CompiledPrice)
      const line: LineBill = {
        kind: spec.kind,
        meter: spec.id,
        quantity: mixed(w, f, u),
        quantityUnit: spec.unit,
        unitPrice: 'usd' in unitPrice ? unitPrice.usd : unitPrice.usdPerGbSecond,
        unitPriceText: 'usd' in unitPrice ? unitPrice.text : unitPrice.usdPerGbSecondText,
        estimatedPrice: 'estimated' in unitPrice ? unitPrice.estimated === true : false,
        cents,
      }
      if (spec.architecture) line.architecture = spec.architecture
      if (perType) {
        line.instanceType = perType.type
        line.typeKey = typeKey(perType.type, perType.price)
      }
      if (discount && spec.savingsPlan) line.discount = { n: discount.n, d: discount.d }
      if (tier > 0) {
        line.tier = tier
        line.tierFrom = from
        line.tierTo = to
      }
      lines.push(line)
    },
    free(i, w, f, u) {
      freeUsed.set(i, mixed(w, f, u))
    },
  })
  const usedOf = (id: MeterId) => freeUsed.get(METER_INDEX.get(id)!) ?? ZERO
  const architectures: ArchitectureBill[] = []
  for (const m of METERS) {
    if (m.kind !== 'compute' || !inUse[m.architecture!]) continue
    const gbs = usage[m.id]
    const used = usedOf(m.id)
    architectures.push({ architecture: m.architecture!, gbs, freeUsed: used, billable: reduceRatio(subRatio(gbs, used)) })
  }
  const totalRequests = usage.requests
  const freeRequestsUsed = usedOf('requests')
  const freeStreamUsed = usedOf('streamGib')
  return {
    totalRequests,
    freeRequestsUsed,
    billableRequests: subRatio(totalRequests, freeRequestsUsed),
    architectures,
    freeStreamUsed,
    billableStream: subRatio(usage.streamGib, freeStreamUsed),
    freeLogsUsed: addRatio(usedOf('logsStandardGb'), usedOf('logsIaGb')),
    lines,
    totalCents,
  }
}

/**
 * Each function's share of each line, whole cents: the line's cents split in
 * proportion to the functions' use of its meter (before the free tier, so the
 * free tier and the price brackets are shared in proportion to use), by
 * largest remainder with ties to the earlier function. The shares of a line
 * sum to the line; a function's total is the sum of its shares.
 */
export function lineShares(bill: Pick<Bill, 'functions' | 'lines'>): bigint[][] {
  const out: bigint[][] = []
  for (const line of bill.lines)
    out.push(
      splitCents(
        line.cents,
        bill.functions.map((f) =>
          line.typeKey === undefined
            ? f.meters[line.meter]
            : (f.byType.find((t) => t.meter === line.meter && typeKey(t.type, t.price) === line.typeKey)?.quantity ?? ZERO),
        ),
        bill.functions.map((f) => sharesFixedCost(line.meter, f.input)),
      ),
    )
  return out
}
