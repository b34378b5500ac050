import { computeBill, lineShares, type Bill, type LineBill } from './bill'
import { addRatio, centsToUsdString, groupThousands, parseNumber, toDecimalString, ZERO, type Ratio } from './decimal'
import type { FastBill } from './estimate-total'
import { FREE_GBS_METERS, METER_INDEX, METERS, ON_DEMAND_DURATION_METERS, PART_OF_KIND } from './meters'
import { rememberLast } from './remember-last'
import { SHARE_RULE } from './shares'
import { PRICE_SHEET_IDS, PRICE_SHEETS } from './sheets/registry'
import { infoOfSheet } from './sheets/sheet-data'
import type {
  Architecture,
  CalculationSteps,
  BillLine,
  Estimate,
  EstimateTotal,
  LineTotal,
  EstimateInput,
  FreeTierUsage,
  FunctionUsage,
  PriceSheetId,
  PriceSheetInfo,
  QuantityUnit,
} from './types'
import type { ImportedUsage } from './usage/types'
import { copyInput, InvalidInputError, validateInput } from './validate'

/** Billion-scale tier bounds in words: 6000000000n -> "6 billion". */
function billions(gbs: bigint): string {
  return `${groupThousands(toDecimalString(gbs, 1_000_000_000n, 6))} billion`
}

/** The label of a bill line, in AWS's words, e.g. "Compute (x86_64), next 9 billion GB-s" or "Provisioned Concurrency (arm64)". */
export function lineLabel(line: LineBill, tierCount: number): string {
  const plan = line.discount ? `, Savings Plan: ${toDecimalString(line.discount.n * 100n, line.discount.d, 6)} % paid` : ''
  return `${bracketLabel(line, tierCount)}${plan}`
}

/** A line's label with its bracket, where its meter has several. */
function bracketLabel(line: LineBill, tierCount: number): string {
  const label = METERS[METER_INDEX.get(line.meter)!]!.label
  const base = line.instanceType === undefined ? label : `${label} (${line.instanceType})`
  if (line.tier === undefined || tierCount <= 1) return base
  const from = line.tierFrom ?? 0n
  const to = line.tierTo ?? null
  // GB-s in billions; other units as counted (10,240 GB, 333,000,000 requests).
  const unit = METERS[METER_INDEX.get(line.meter)!]!.unit
  const amount = unit === 'GB-s' ? billions : (x: bigint) => groupThousands(x.toString())
  const u = unit === 'GB-s' ? 'GB-s' : unit
  if (from === 0n && to !== null) return `${base}, first ${amount(to)} ${u}`
  if (to === null) return `${base}, over ${amount(from)} ${u}`
  return `${base}, next ${amount(to - from)} ${u} (to ${amount(to)})`
}

/** A line's amount before rounding, USD: quantity x price, x what a Savings Plan leaves to pay where one applies. */
export function lineExactUsd(l: LineBill): Ratio {
  const n = l.quantity.n * l.unitPrice.n
  const d = l.quantity.d * l.unitPrice.d
  return l.discount ? { n: n * l.discount.n, d: d * l.discount.d } : { n, d }
}

/** How many price brackets a line's meter has where the bill is priced. */
export function tierCountOf(bill: Bill, line: LineBill): number {
  if (line.tier === undefined) return 1
  const p = METERS[METER_INDEX.get(line.meter)!]!.price(bill.sheet, bill.region)
  return Array.isArray(p) ? p.length : 1
}

/** One bill line, in full. */
function lineOf(bill: Bill, line: LineBill): BillLine {
  const spec = METERS[METER_INDEX.get(line.meter)!]!
  const exact = lineExactUsd(line)
  const out: BillLine = {
    kind: spec.kind,
    label: lineLabel(line, tierCountOf(bill, line)),
    quantity: toDecimalString(line.quantity.n, line.quantity.d),
    quantityUnit: spec.unit,
    unitPriceUsd: line.unitPriceText,
    exactUsd: toDecimalString(exact.n, exact.d),
    cents: Number(line.cents),
    usd: centsToUsdString(line.cents),
    estimatedPrice: line.estimatedPrice,
  }
  if (spec.architecture) out.architecture = spec.architecture
  if (line.tier !== undefined) out.tier = line.tier
  if (line.instanceType !== undefined) out.instanceType = line.instanceType
  return out
}

const SHEET_INFOS = new Map<PriceSheetId, PriceSheetInfo>(PRICE_SHEET_IDS.map((id) => [id, infoOfSheet(PRICE_SHEETS[id])]))

/** The last sheet asked for remembered: consecutive estimates mostly share it. */
const sheetInfoOf = rememberLast((id: PriceSheetId) => SHEET_INFOS.get(id)!)

/**
 * Where a sheet's prices come from, for showing beside any figure computed with it.
 *
 * @example priceSheetInfo('aws-2016').granularityMs // 100 (ms)
 */
export function priceSheetInfo(id: PriceSheetId): PriceSheetInfo {
  return sheetInfoOf(id)
}

const DEFAULT_REGIONS = Object.fromEntries(PRICE_SHEET_IDS.map((id) => [id, PRICE_SHEETS[id].defaultRegion])) as Record<PriceSheetId, string>

function fnName(bill: Bill, i: number): string {
  const f = bill.functions[i]!
  return f.name || `function ${i + 1}`
}

/**
 * Choices the engine made where AWS publishes no rule, and doubts about the
 * prices used: only those that apply to this bill.
 */
export function assumptionsOf(bill: Bill): string[] {
  const out: string[] = []
  const region = bill.region
  const caveats = region.data.caveats ?? []
  if (bill.freeTier && bill.architectures.length > 1) {
    out.push(
      'The free tier\u2019s 400,000 GB-s cover x86_64 usage first, then arm64. AWS does not publish the order; this one gives the lower bill, since x86_64 costs more per GB-s.',
    )
  }
  if (caveats.includes('contested-prices')) {
    out.push(
      `Prices for ${region.id} are contested: older data gives $0.26 per million requests and $0.00002153 per GB-s, newer data $0.20 and $0.0000166667. The newer figures are used.`,
    )
  }
  if (caveats.includes('first-bracket-only') && bill.architectures.length > 0) {
    out.push(
      `In ${region.id}, whose base rate differs from us-east-1\u2019s, the price brackets above the first are assumed equal to the first (our sources publish no others), which probably overcharges usage above 6 billion x86_64 or 7.5 billion arm64 GB-s a month.`,
    )
  }
  // Each meter's own assumptions, once each, in the table's order.
  const seen = new Set<string>()
  for (const m of METERS) {
    const lines = bill.lines.filter((l) => l.meter === m.id)
    if (!m.assumptions || lines.length === 0) continue
    const context = { region: region.id, freeTier: bill.freeTier, estimatedPrice: lines.some((l) => l.estimatedPrice) }
    for (const text of m.assumptions(context)) seen.add(text)
  }
  const meterAssumptions = [...seen]
  const onePrice = [...new Set(bill.lines.map((l) => METERS[METER_INDEX.get(l.meter)!]!.onePrice).filter((name) => name !== undefined))]
  if (onePrice.length > 0 && region.id !== 'us-east-1') {
    out.push(
      `${onePrice.join(' and ')} ${onePrice.length > 1 ? 'have' : 'has'} one published price (us-east-1\u2019s); it is applied in ${region.id} too.`,
    )
  }
  out.push(...meterAssumptions)
  const ignored = bill.functions.filter((f) => f.ignored.length > 0)
  if (ignored.length > 0) {
    const what = [...new Set(ignored.flatMap((f) => f.ignored))].join(', ')
    const who = bill.functions.length > 1 ? ` (set on ${ignored.map((f) => fnName(bill, f.index)).join(', ')})` : ''
    out.push(`The classic 2016 sheet ignores ${what}${who}: they are not billed on it.`)
  }
  if (bill.functions.length > 1) {
    out.push(SHARE_RULE)
  }
  return out
}

function ratioText(r: Ratio, places = 20): string {
  return toDecimalString(r.n, r.d, places)
}

/** Each function's usage and share of the bill. */
function functionsOf(b: Bill, shares: bigint[][]): FunctionUsage[] {
  return b.functions.map((f, i) => {
    let cents = 0n
    for (const line of shares) cents += line[i]!
    const m = f.meters
    const gbs = ON_DEMAND_DURATION_METERS.reduce((sum, meter) => addRatio(sum, m[meter.id]), ZERO)
    const usage: FunctionUsage = {
      index: f.index,
      name: f.name,
      architecture: f.architecture,
      memoryMb: f.memoryMb,
      durationMs: f.durationMs,
      billedMs: f.billedMs,
      billedColdMs: f.billedColdMs,
      requestsPerMonth: ratioText(f.monthlyRequests),
      gbSeconds: ratioText(gbs),
      storageGbSeconds: ratioText(m.storageGbs),
      coldRequestsPerMonth: ratioText(f.cold),
      provisionedRequestsPerMonth: ratioText(f.served),
      edge: f.edge,
      cents: Number(cents),
      usd: centsToUsdString(cents),
    }
    // Its shares of compute and of each service beside Lambda, where it has any of the latter.
    let compute = 0n
    let logs = 0n
    let api = 0n
    let dataOut = 0n
    b.lines.forEach((line, l) => {
      const part = PART_OF_KIND[line.kind]
      const c = shares[l]![i]!
      if (part === 'compute') compute += c
      else if (part === 'logs') logs += c
      else if (part === 'api') api += c
      else if (part === 'dataOut') dataOut += c
    })
    if (logs + api + dataOut > 0n)
      usage.beside = { computeCents: Number(compute), logsCents: Number(logs), apiCents: Number(api), dataOutCents: Number(dataOut) }
    if (f.managed) {
      usage.managedInstances = { instanceType: f.managed.instance.name, instanceHours: ratioText(f.managed.hours), sized: !f.managed.hoursGiven }
    }
    return usage
  })
}

function freeTierOf(b: Bill): FreeTierUsage {
  const byArch: Record<Architecture, string> = { x86_64: '0', arm64: '0' }
  let used: Ratio = { n: 0n, d: 1n }
  for (const a of b.architectures) {
    byArch[a.architecture] = ratioText(a.freeUsed)
    used = { n: used.n * a.freeUsed.d + a.freeUsed.n * used.d, d: used.d * a.freeUsed.d }
  }
  return {
    included: b.freeTier,
    requestsAllowance: b.sheet.data.freeTier.requests,
    gbSecondsAllowance: b.sheet.data.freeTier.gbSeconds,
    requestsUsed: ratioText(b.freeRequestsUsed),
    gbSecondsUsed: ratioText(used),
    gbSecondsUsedByArchitecture: byArch,
    streamingGibUsed: ratioText(b.freeStreamUsed),
    logsGbUsed: ratioText(b.freeLogsUsed),
  }
}

/** Every request of the bill: regional, Lambda@Edge and Managed Instances. */
function allRequests(b: Bill): Ratio {
  const u = b.usage
  return addRatio(addRatio(u.requests, u.edgeRequests), u.managedRequests)
}

function totalsOf(b: Bill): Estimate['totals'] {
  const u = b.usage
  const gbs = FREE_GBS_METERS.reduce((sum, meter) => addRatio(sum, u[meter.id]), ZERO)
  return {
    requestsPerMonth: ratioText(allRequests(b)),
    gbSeconds: ratioText(gbs),
    storageGbSeconds: ratioText(u.storageGbs),
  }
}

/** The bill before any rounding, USD, as an exact ratio: the sum of the lines' exact amounts. */
function exactTotal(b: Bill): Ratio {
  let n = 0n
  let d = 1n
  for (const l of b.lines) {
    const { n: ln, d: ld } = lineExactUsd(l)
    n = n * ld + ln * d
    d *= ld
  }
  return { n, d }
}

// Unit costs divide the exact amounts, not the rounded total: at small
// volumes the rounded total can be $0.00 while a million requests are not free.
function costPer(b: Bill, requests: bigint, places: number): string | null {
  const r = allRequests(b)
  if (r.n === 0n) return null
  const exact = exactTotal(b)
  return toDecimalString(exact.n * r.d * requests, exact.d * r.n, places)
}

/**
 * The estimate of a priced bill: plain data, built in full (`structuredClone`
 * and JSON keep all of it). Internal: for `estimate()` and `estimateFromReports()`.
 */
export function estimateOf(input: EstimateInput, bill: Bill, imported?: ImportedUsage): Estimate {
  const p = parseNumber(input.savingsPlanPercent ?? 0)
  const e: Estimate = {
    input,
    sheet: priceSheetInfo(input.sheet),
    region: bill.region.id,
    totalCents: Number(bill.totalCents),
    totalUsd: centsToUsdString(bill.totalCents),
    lines: bill.lines.map((l) => lineOf(bill, l)),
    functions: functionsOf(bill, lineShares(bill)),
    freeTier: freeTierOf(bill),
    savingsPlanPercent: toDecimalString(p.n, p.d),
    apiGatewayFreeTier: input.apiGatewayFreeTier === true,
    totals: totalsOf(bill),
    assumptions: assumptionsOf(bill),
    costPerRequestUsd: costPer(bill, 1n, 12),
    costPerMillionRequestsUsd: costPer(bill, 1_000_000n, 6),
  }
  if (imported) e.imported = imported
  return e
}

/**
 * The total and each line's cents, as the fast path prices them (see
 * `estimateTotal`): plain data. Internal: for `estimateTotal()` in estimate.ts.
 */
export function estimateTotalOf(input: EstimateInput, fast: FastBill): EstimateTotal {
  return {
    input,
    sheet: priceSheetInfo(input.sheet),
    region: input.region ?? DEFAULT_REGIONS[input.sheet],
    totalCents: fast.totalCents,
    lines: fast.lines,
  }
}

/** The total and lines' cents of an estimate priced in full (the fast path's fallback). */
export function totalOfEstimate(e: Estimate): EstimateTotal {
  return {
    input: e.input,
    sheet: e.sheet,
    region: e.region,
    totalCents: e.totalCents,
    lines: e.lines.map(({ kind, architecture, tier, instanceType, cents }): LineTotal => ({ kind, architecture, tier, instanceType, cents })),
  }
}

/**
 * The monthly bill for one account's functions under a price sheet, exact to
 * the cent, in full: each line at full precision, rounded half-up to the cent;
 * the total is the sum of the rounded lines; with each line's quantity and
 * price, each function's share, the free tier used and the assumptions made.
 * Plain data. Throws `InvalidInputError` carrying every problem rather than
 * return a wrong number. Where only the total and the lines' cents are needed
 * (many estimates in a loop), `estimateTotal` is an order of magnitude faster.
 *
 * @example
 * const bill = estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] })
 * bill.totalCents // 1874, i.e. $18.74: requests $0.40 + compute $18.34
 * bill.lines[1].label // 'Compute (x86_64)'
 */
export function estimate(input: EstimateInput): Estimate {
  const problems = validateInput(input)
  if (problems.length > 0) throw new InvalidInputError(problems)
  const own = copyInput(input)
  return estimateOf(own, computeBill(own))
}
