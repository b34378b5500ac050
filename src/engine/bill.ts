import { compiledSheet, type CompiledPrice, type CompiledRegion, type CompiledSheet } from './billing'
import { compareRatio, lcm, minRatio, reduceRatio, roundHalfUp, subRatio, ZERO, type Ratio } from './decimal'
import { requestsPerMonth } from './requests'
import type { Architecture, EstimateInput, LineKind, QuantityUnit } from './types'
import { addUsage, emptyUsage, measureFunction, reduceUsage, type FunctionMeasure, type MeterId, type MeterUsage } from './usage'

/**
 * The bill in exact numbers, before anything is turned into text: the
 * functions' usage, how the free tier fell, and the lines.
 */
export interface Bill {
  sheet: CompiledSheet
  region: CompiledRegion
  freeTier: boolean
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
  cents: bigint
}

/** Architectures in the order the shared free tier covers them: the dearer one first. */
export const FREE_TIER_ORDER: readonly Architecture[] = ['x86_64', 'arm64']

function lineCents(q: Ratio, price: Ratio): bigint {
  return roundHalfUp(q.n * price.n * 100n, q.d * price.d)
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

/** Which architectures have on-demand compute lines: those of any function not on Lambda@Edge. */
export function architecturesInUse(functions: FunctionMeasure[]): Record<Architecture, boolean> {
  const inUse = { x86_64: false, arm64: false }
  for (const f of functions) if (!f.edge) inUse[f.architecture] = true
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
  const priced = priceUsage(sheet, region, freeTier, usage, architecturesInUse(functions))
  return { sheet, region, freeTier, functions, usage, ...priced }
}

/** What pricing an account's usage gives: the bill lines and how the free tier fell. */
export type PricedUsage = Pick<
  Bill,
  'totalRequests' | 'freeRequestsUsed' | 'billableRequests' | 'architectures' | 'freeStreamUsed' | 'billableStream' | 'lines' | 'totalCents'
>

const PC_METERS: Record<Architecture, { pc: MeterId; duration: MeterId }> = {
  x86_64: { pc: 'pcX86Gbs', duration: 'pcDurationX86Gbs' },
  arm64: { pc: 'pcArmGbs', duration: 'pcDurationArmGbs' },
}

/**
 * Prices one account's monthly usage. The free tier applies once for the
 * account: its requests cover every regional request, its GB-s on-demand
 * compute (x86_64 first, then arm64), never provisioned concurrency, its
 * duration, SnapStart or Lambda@Edge; streaming has its own 100 GiB. Then each
 * architecture's graduated brackets, storage and the other meters. Each line is
 * rounded half-up to the cent and the total is the sum of the rounded lines.
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
): PricedUsage {
  const lines: LineBill[] = []
  let totalCents = 0n
  const push = (line: Omit<LineBill, 'cents' | 'estimatedPrice'> & { estimatedPrice?: boolean }): void => {
    const cents = lineCents(line.quantity, line.unitPrice)
    totalCents += cents
    const full = line as LineBill
    if (full.estimatedPrice === undefined) full.estimatedPrice = false
    full.cents = cents
    lines.push(full)
  }
  const pushPrice = (kind: LineKind, meter: MeterId, quantity: Ratio, unit: QuantityUnit, p: CompiledPrice, architecture?: Architecture): void => {
    const line: Omit<LineBill, 'cents'> = {
      kind,
      meter,
      quantity,
      quantityUnit: unit,
      unitPrice: p.usd,
      unitPriceText: p.text,
      estimatedPrice: p.estimated,
    }
    if (architecture) line.architecture = architecture
    push(line)
  }

  const totalRequests = usage.requests
  const freeRequestsUsed = freeTier ? minRatio(totalRequests, { n: sheet.freeRequests, d: 1n }) : ZERO
  const billableRequests = subRatio(totalRequests, freeRequestsUsed)
  push({
    kind: 'requests',
    meter: 'requests',
    quantity: billableRequests,
    quantityUnit: 'requests',
    unitPrice: region.usdPerRequest,
    unitPriceText: region.data.usdPerRequest,
  })

  let freeGbsLeft: Ratio = freeTier ? { n: sheet.freeGbSeconds, d: 1n } : ZERO
  const architectures: ArchitectureBill[] = []
  for (const architecture of FREE_TIER_ORDER) {
    if (!inUse[architecture]) continue
    const meter: MeterId = architecture === 'x86_64' ? 'x86Gbs' : 'armGbs'
    const gbs = usage[meter]
    const freeUsed = minRatio(gbs, freeGbsLeft)
    freeGbsLeft = subRatio(freeGbsLeft, freeUsed)
    const billable = reduceRatio(subRatio(gbs, freeUsed))
    architectures.push({ architecture, gbs, freeUsed, billable })
    const tiers = region.compute[architecture]!
    let from = 0n
    for (let t = 0; t < tiers.length; t++) {
      const tier = tiers[t]!
      const to = tier.upToGbSeconds
      const above = subRatio(billable, { n: from, d: 1n })
      if (t > 0 && above.n <= 0n) break
      const quantity = above.n <= 0n ? ZERO : to === null || compareRatio(billable, { n: to, d: 1n }) <= 0 ? above : { n: to - from, d: 1n }
      push({
        kind: 'compute',
        meter,
        architecture,
        tier: t + 1,
        tierFrom: from,
        tierTo: to,
        quantity,
        quantityUnit: 'GB-s',
        unitPrice: tier.usdPerGbSecond,
        unitPriceText: tier.usdPerGbSecondText,
      })
      if (to === null) break
      from = to
    }
  }

  if (usage.storageGbs.n > 0n && region.storageUsdPerGbSecond) {
    push({
      kind: 'ephemeral-storage',
      meter: 'storageGbs',
      quantity: usage.storageGbs,
      quantityUnit: 'GB-s',
      unitPrice: region.storageUsdPerGbSecond,
      unitPriceText: region.data.storageUsdPerGbSecond!,
    })
  }

  for (const architecture of FREE_TIER_ORDER) {
    const { pc, duration } = PC_METERS[architecture]
    const prices = region.provisioned[architecture]
    if (!prices) continue
    if (usage[pc].n > 0n) pushPrice('provisioned-concurrency', pc, usage[pc], 'GB-s', prices.concurrency, architecture)
    if (usage[duration].n > 0n) pushPrice('provisioned-duration', duration, usage[duration], 'GB-s', prices.duration, architecture)
  }

  const extra = sheet.extra
  let freeStreamUsed = ZERO
  let billableStream = ZERO
  if (extra) {
    if (usage.cacheGbs.n > 0n) pushPrice('snapstart-cache', 'cacheGbs', usage.cacheGbs, 'GB-s', extra.cache)
    if (usage.restoreGb.n > 0n) pushPrice('snapstart-restore', 'restoreGb', usage.restoreGb, 'GB', extra.restore)
    if (usage.edgeRequests.n > 0n) pushPrice('edge-requests', 'edgeRequests', usage.edgeRequests, 'requests', extra.edgeRequest)
    if (usage.edgeGbs.n > 0n) pushPrice('edge-duration', 'edgeGbs', usage.edgeGbs, 'GB-s', extra.edgeGbs)
    if (usage.streamGib.n > 0n) {
      freeStreamUsed = freeTier ? minRatio(usage.streamGib, { n: extra.freeStreamingGib, d: 1n }) : ZERO
      billableStream = subRatio(usage.streamGib, freeStreamUsed)
      pushPrice('response-streaming', 'streamGib', billableStream, 'GiB', extra.streaming)
    }
  }

  return { totalRequests, freeRequestsUsed, billableRequests, architectures, freeStreamUsed, billableStream, lines, totalCents }
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
        bill.functions.map((f) => f.meters[line.meter]),
      ),
    )
  return out
}

/** `cents` split over `weights` by largest remainder; equal weights if all are zero. */
export function splitCents(cents: bigint, weights: Ratio[]): bigint[] {
  const n = weights.length
  if (n === 1) return [cents]
  let den = 1n
  for (const w of weights) if (w.n !== 0n && den % w.d !== 0n) den = lcm(den, w.d)
  let ws = weights.map((w) => (w.n === 0n ? 0n : w.n * (den / w.d)))
  let sum = ws.reduce((a, b) => a + b, 0n)
  if (sum === 0n) {
    ws = weights.map(() => 1n)
    sum = BigInt(n)
  }
  const shares: bigint[] = []
  const remainders: { i: number; r: bigint }[] = []
  let given = 0n
  for (let i = 0; i < n; i++) {
    const exact = cents * ws[i]!
    const q = exact / sum
    shares.push(q)
    given += q
    remainders.push({ i, r: exact - q * sum })
  }
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (let k = 0; given < cents; k++, given++) shares[remainders[k]!.i]! += 1n
  return shares
}
