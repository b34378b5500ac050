import { DOUBLES } from './arithmetic-doubles'
import { computeBill, freeAllowance, savingsPlanDiscount } from './bill'
import { compiledSheet, type CompiledRegion, type CompiledSheet } from './compiled-sheet'
import { estimateOf, estimateTotalOf, totalOfEstimate } from './estimate'
import { measureFunction, METER_ARCHITECTURES, METER_KINDS, monthlyRequestsIn, type FreePool } from './meters'
import { meterPrices, MeterTotals, priceMeters, type MeterPrice, type PricedLineSink } from './price-meters'
import { rememberLast } from './remember-last'
import type { EstimateInput, EstimateTotal, LineTotal } from './types'
import { plainValidInput } from './quick-check'
import { copyInput, InvalidInputError, validateInput } from './validate'

// The fast path: the public `estimateTotal()`, and the bill in doubles it runs. It is
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
  /** Each line's kind, architecture, bracket and cents. */
  lines: LineTotal[]
  /** Below 2^52. */
  totalCents: number
}

/** The totals the doubles path prices: below 2^52 cents. */
const LIMIT = 2 ** 52

/** One set of meter totals for every call: reset, never reallocated. */
const totals = new MeterTotals(DOUBLES)

/** A region's meter prices in doubles, the last region asked for remembered. */
const pricesIn = new WeakMap<CompiledRegion, MeterPrice<number>[]>()
function doublesPrices(sheet: CompiledSheet, region: CompiledRegion): MeterPrice<number>[] {
  let prices = pricesIn.get(region)
  if (!prices) pricesIn.set(region, (prices = meterPrices(DOUBLES, sheet, region, null)))
  return prices
}

/** A sheet compiled for the fast path, with its free allowances as numbers and its last region remembered. */
interface FastSheet {
  sheet: CompiledSheet
  /** A region and its meter prices in doubles. */
  region: (id: string) => { region: CompiledRegion; prices: MeterPrice<number>[] }
  /** The allowances by [API Gateway free tier][free tier]: null where neither is on. */
  free: (Record<FreePool, number> | null)[][]
}

const fastSheets = new Map<string, FastSheet>()

const numbers = (free: Record<FreePool, bigint> | null) =>
  free && (Object.fromEntries(Object.entries(free).map(([pool, n]) => [pool, Number(n)])) as Record<FreePool, number>)

/** A sheet and its regions, each built once, the last one asked for remembered. */
const sheetOf = rememberLast((id: EstimateInput['sheet']): FastSheet => {
  let s = fastSheets.get(id)
  if (!s) {
    const sheet = compiledSheet(id)
    s = {
      sheet,
      region: rememberLast((rid: string) => {
        const region = sheet.regions.get(rid)!
        return { region, prices: doublesPrices(sheet, region) }
      }),
      free: [false, true].map((apiFree) => [false, true].map((on) => numbers(freeAllowance(sheet, on, apiFree)))),
    }
    fastSheets.set(id, s)
  }
  return s
})

/** The lines of the call in progress. */
let lines: LineTotal[] = []
const sink: PricedLineSink<number> = {
  line(i, tier, _from, _to, _w, _f, _u, cents, byType) {
    // One shape for every line (absent architecture, bracket and instance type are undefined), so reading them stays fast.
    lines.push({
      kind: METER_KINDS[i]!,
      architecture: METER_ARCHITECTURES[i],
      tier: tier === 0 ? undefined : tier,
      instanceType: byType?.type,
      cents,
    })
  },
  free() {},
}

/**
 * The lines and cents of a valid input by the same rules as the exact bill,
 * run in DOUBLES; null where some figure would not stay exact below 2^52 (the
 * caller then runs them in BIGINT).
 */
export function doubleBill(input: EstimateInput): FastBill | null {
  const A = DOUBLES
  A.reset()
  const s = sheetOf(input.sheet)
  const sheet = s.sheet
  const at = s.region(input.region ?? sheet.data.defaultRegion)
  totals.clear()
  const functions = input.functions
  for (let i = 0; i < functions.length; i++) {
    const fn = functions[i]!
    if (!monthlyRequestsIn(A, fn)) return null
    if (measureFunction(A, fn, sheet, A.q, A.r, totals) === null) return null
  }
  lines = []
  const plan = input.savingsPlanPercent ?? 0
  let prices = at.prices
  if (plan !== 0) {
    // A discount is rare: its prices are worked out for the call.
    if (!A.decimal(plan)) return null
    const percent = { n: BigInt(A.q), d: BigInt(A.r) }
    prices = meterPrices(A, sheet, at.region, savingsPlanDiscount(percent))
  }
  const total = priceMeters(A, totals, prices, s.free[input.apiGatewayFreeTier === true ? 1 : 0]![(input.freeTier ?? true) ? 1 : 0]!, sink)
  if (A.failed || !(total < LIMIT)) return null
  return { lines, totalCents: total }
}

/**
 * The monthly bill's total and each line's cents, exact to the cent, as
 * `estimate` gives them, at a small part of the cost: for the many estimates
 * of a loop, a chart or each keystroke. Plain data; `estimate(total.input)`
 * gives the rest (labels, quantities, shares, assumptions). Throws
 * `InvalidInputError` carrying every problem rather than return a wrong number.
 *
 * @example
 * const bill = estimateTotal({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] })
 * bill.totalCents // 1874, i.e. $18.74: requests $0.40 + compute $18.34
 */
export function estimateTotal(input: EstimateInput): EstimateTotal {
  let own = plainValidInput(input)
  if (own === null) {
    const problems = validateInput(input)
    if (problems.length > 0) throw new InvalidInputError(problems)
    own = copyInput(input)
  }
  // In doubles where provably exact (nearly every input); otherwise the full bill in bigint.
  const fast = doubleBill(own)
  return fast ? estimateTotalOf(own, fast) : totalOfEstimate(estimateOf(own, computeBill(own)))
}
