import { computeBill, lineShares, type Bill, type LineBill } from './bill'
import { centsToUsdString, groupThousands, parseNumber, toDecimalString, type Ratio } from './decimal'
import type { FastBill } from './estimate'
import { lineOfCode } from './line-code'
import { METER_INDEX, METERS } from './meters'
import { rememberLast } from './remember-last'
import { PRICE_SHEET_IDS, PRICE_SHEETS } from './sheets/registry'
import type {
  Architecture,
  CalculationSteps,
  BillLine,
  Estimate,
  EstimateInput,
  FreeTierUsage,
  FunctionUsage,
  LineKind,
  PriceSheetId,
  PriceSheetInfo,
  QuantityUnit,
} from './types'
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
  const base = METERS[METER_INDEX.get(line.meter)!]!.label
  if (line.tier === undefined || tierCount <= 1) return base
  const from = line.tierFrom ?? 0n
  const to = line.tierTo ?? null
  if (from === 0n && to !== null) return `${base}, first ${billions(to)} GB-s`
  if (to === null) return `${base}, over ${billions(from)} GB-s`
  return `${base}, next ${billions(to - from)} GB-s (to ${billions(to)})`
}

/** A line's amount before rounding, USD: quantity x price, x what a Savings Plan leaves to pay where one applies. */
export function lineExactUsd(l: LineBill): Ratio {
  const n = l.quantity.n * l.unitPrice.n
  const d = l.quantity.d * l.unitPrice.d
  return l.discount ? { n: n * l.discount.n, d: d * l.discount.d } : { n, d }
}

function tierCountOf(bill: Bill, line: LineBill): number {
  if (line.tier === undefined) return 1
  const p = METERS[METER_INDEX.get(line.meter)!]!.price(bill.sheet, bill.region)
  return Array.isArray(p) ? p.length : 1
}

/**
 * One bill line. The kind and cents are computed with the bill; the rest is
 * built on first read, since most callers (the total, charts) never read it.
 */
class LineView implements BillLine {
  readonly kind: LineKind
  readonly architecture?: Architecture
  readonly tier?: number
  readonly quantityUnit: QuantityUnit
  readonly cents: number
  readonly #owner: EstimateView
  readonly #index: number
  readonly #centsExact: bigint | null

  constructor(owner: EstimateView, index: number, meter: number, tier: number | undefined, cents: number, exact: bigint | null) {
    const spec = METERS[meter]!
    this.kind = spec.kind
    if (spec.architecture) this.architecture = spec.architecture
    if (tier !== undefined) this.tier = tier
    this.quantityUnit = spec.unit
    this.cents = cents
    this.#owner = owner
    this.#index = index
    this.#centsExact = exact
  }

  get #line(): LineBill {
    return this.#owner.fullBill().lines[this.#index]!
  }
  get label(): string {
    return lineLabel(this.#line, tierCountOf(this.#owner.fullBill(), this.#line))
  }
  get quantity(): string {
    return toDecimalString(this.#line.quantity.n, this.#line.quantity.d)
  }
  get unitPriceUsd(): string {
    return this.#line.unitPriceText
  }
  get estimatedPrice(): boolean {
    return this.#line.estimatedPrice
  }
  get exactUsd(): string {
    const e = lineExactUsd(this.#line)
    return toDecimalString(e.n, e.d)
  }
  get usd(): string {
    return centsToUsdString(this.#centsExact ?? BigInt(this.cents))
  }

  toJSON(): BillLine {
    const { kind, architecture, tier, label, quantity, quantityUnit, unitPriceUsd, exactUsd, cents, usd, estimatedPrice } = this
    return { kind, architecture, tier, label, quantity, quantityUnit, unitPriceUsd, exactUsd, cents, usd, estimatedPrice }
  }
}

const SHEET_INFOS = new Map<PriceSheetId, PriceSheetInfo>(
  PRICE_SHEET_IDS.map((id) => {
    const s = PRICE_SHEETS[id]
    const info: PriceSheetInfo = {
      id: s.id,
      label: s.label,
      effectiveDate: s.effectiveDate,
      checkedDate: s.checkedDate,
      sources: s.sources,
      granularityMs: s.granularityMs,
    }
    return [id, Object.freeze(info)]
  }),
)

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
  const has = (kind: LineKind) => bill.lines.some((l) => l.kind === kind)
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
  if (bill.lines.some((l) => (l.kind === 'provisioned-concurrency' || l.kind === 'provisioned-duration') && l.estimatedPrice)) {
    out.push(
      `arm64 provisioned concurrency prices for ${region.id} are estimated: AWS publishes them for us-east-1 only, so they are the region\u2019s x86_64 prices x 0.8, rounded half-up to 10 decimals.`,
    )
  }
  if (bill.freeTier && (has('provisioned-concurrency') || has('provisioned-duration'))) {
    out.push(
      'The free tier covers all regional requests and on-demand GB-s (cold-start INIT and provisioned spill-over included), never provisioned concurrency or its duration. AWS says the free tier does not apply to functions with provisioned concurrency, yet its own example deducts it from the on-demand part; this follows the example.',
    )
  }
  const onePrice = [...new Set(bill.lines.map((l) => METERS[METER_INDEX.get(l.meter)!]!.onePrice).filter((name) => name !== undefined))]
  if (onePrice.length > 0 && region.id !== 'us-east-1') {
    out.push(
      `${onePrice.join(' and ')} ${onePrice.length > 1 ? 'have' : 'has'} one published price (us-east-1\u2019s); it is applied in ${region.id} too.`,
    )
  }
  if (has('edge-requests') || has('edge-duration')) {
    out.push(
      'Lambda@Edge is priced at its one published price ($0.60 per million requests, $0.00005001 per GB-s) whatever the region, with no free tier.',
    )
  }
  if (has('response-streaming')) {
    out.push(
      'Response streaming is priced from the average MB per request: requests that stream less than 6 MB do not lend their free part to larger ones, so a bill with uneven responses can be higher.',
    )
  }
  const ignored = bill.functions.filter((f) => f.ignored.length > 0)
  if (ignored.length > 0) {
    const what = [...new Set(ignored.flatMap((f) => f.ignored))].join(', ')
    const who = bill.functions.length > 1 ? ` (set on ${ignored.map((f) => fnName(bill, f.index)).join(', ')})` : ''
    out.push(`The classic 2016 sheet ignores ${what}${who}: they are not billed on it.`)
  }
  if (bill.functions.length > 1) {
    out.push(
      'Each function\u2019s share of a line is in proportion to its use of that line before the free tier (so the free tier and the price brackets are shared in proportion to use), in whole cents by largest remainder.',
    )
  }
  return out
}

function ratioText(r: Ratio, places = 20): string {
  return toDecimalString(r.n, r.d, places)
}

/** The parts of a bill the calculation steps are written from. */
export interface StepsSource {
  bill: Bill
  labelOf: (line: LineBill) => string
  assumptions: string[]
  shares: bigint[][]
  /** Rewrites the built steps (an estimate of imported usage explains its own compute). */
  edit?: (steps: CalculationSteps) => CalculationSteps
}

/** The estimate's own steps source, when `estimate` came from this engine. */
export function stepsSourceOf(estimate: Estimate): StepsSource | null {
  return estimate instanceof EstimateView ? estimate.stepsSource() : null
}

/** The estimate as the engine returns it; internal (for `estimate()` in estimate.ts). */
export class EstimateView implements Estimate {
  readonly sheet: PriceSheetInfo
  readonly region: string
  readonly totalCents: number
  readonly #input: EstimateInput
  readonly #fast: FastBill | null
  #lines: BillLine[] | undefined
  #bill: Bill | undefined
  readonly #totalExact: bigint | null
  #shares: bigint[][] | undefined

  constructor(input: EstimateInput, bill: Bill | undefined, fast: FastBill | null) {
    this.#input = input
    this.#bill = bill
    const info = priceSheetInfo(input.sheet)
    this.sheet = info
    this.region = input.region ?? DEFAULT_REGIONS[input.sheet]
    this.#fast = fast
    this.totalCents = fast ? fast.totalCents : Number(bill!.totalCents)
    this.#totalExact = fast ? null : bill!.totalCents
  }

  /** The lines, as objects on first read (their cents are already computed, exactly). */
  get lines(): BillLine[] {
    if (this.#lines) return this.#lines
    const lines: BillLine[] = []
    const fast = this.#fast
    if (fast) {
      for (let i = 0; i < fast.lines.length / 2; i++) {
        const { meter, tier } = lineOfCode(fast.lines[2 * i]!)
        lines.push(new LineView(this, i, meter, tier, fast.lines[2 * i + 1]!, null))
      }
    } else {
      const b = this.#bill!
      for (let i = 0; i < b.lines.length; i++) {
        const l = b.lines[i]!
        lines.push(new LineView(this, i, METER_INDEX.get(l.meter)!, l.tier, Number(l.cents), l.cents))
      }
    }
    return (this.#lines = lines)
  }

  /** The bill in exact numbers; computed on first need when the fast path gave the cents. */
  fullBill(): Bill {
    return (this.#bill ??= computeBill(this.#input))
  }

  get totalUsd(): string {
    return centsToUsdString(this.#totalExact ?? BigInt(this.totalCents))
  }

  get functions(): FunctionUsage[] {
    const b = this.fullBill()
    this.#shares ??= lineShares(b)
    const shares = this.#shares
    return b.functions.map((f, i) => {
      let cents = 0n
      for (const line of shares) cents += line[i]!
      const m = f.meters
      const gbs = m.x86Gbs.n !== 0n ? m.x86Gbs : m.armGbs.n !== 0n ? m.armGbs : m.edgeGbs
      return {
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
    })
  }

  get freeTier(): FreeTierUsage {
    const b = this.fullBill()
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
    }
  }

  get totals(): Estimate['totals'] {
    const b = this.fullBill()
    const u = b.usage
    const gbs = { n: u.x86Gbs.n * u.armGbs.d + u.armGbs.n * u.x86Gbs.d, d: u.x86Gbs.d * u.armGbs.d }
    let requests: Ratio = u.requests
    requests = { n: requests.n * u.edgeRequests.d + u.edgeRequests.n * requests.d, d: requests.d * u.edgeRequests.d }
    return {
      requestsPerMonth: ratioText(requests),
      gbSeconds: ratioText(gbs),
      storageGbSeconds: ratioText(u.storageGbs),
    }
  }

  get savingsPlanPercent(): string {
    const p = parseNumber(this.#input.savingsPlanPercent ?? 0)
    return toDecimalString(p.n, p.d)
  }

  get assumptions(): string[] {
    return assumptionsOf(this.fullBill())
  }

  /** The bill before any rounding, USD, as an exact ratio: the sum of the lines' exact amounts. */
  #exactTotal(): Ratio {
    let n = 0n
    let d = 1n
    for (const l of this.fullBill().lines) {
      const { n: ln, d: ld } = lineExactUsd(l)
      n = n * ld + ln * d
      d *= ld
    }
    return { n, d }
  }

  #allRequests(): Ratio {
    const u = this.fullBill().usage
    return { n: u.requests.n * u.edgeRequests.d + u.edgeRequests.n * u.requests.d, d: u.requests.d * u.edgeRequests.d }
  }

  // Unit costs divide the exact amounts, not the rounded total: at small
  // volumes the rounded total can be $0.00 while a million requests are not free.
  get costPerRequestUsd(): string | null {
    const r = this.#allRequests()
    if (r.n === 0n) return null
    const exact = this.#exactTotal()
    return toDecimalString(exact.n * r.d, exact.d * r.n, 12)
  }

  get costPerMillionRequestsUsd(): string | null {
    const r = this.#allRequests()
    if (r.n === 0n) return null
    const exact = this.#exactTotal()
    return toDecimalString(exact.n * r.d * 1_000_000n, exact.d * r.n, 6)
  }

  /**
   * What "Show calculations" is built from. Internal: for `calculationSteps`,
   * which lives in its own module so the steps' code loads only when shown.
   */
  stepsSource(): StepsSource {
    const b = this.fullBill()
    this.#shares ??= lineShares(b)
    return { bill: b, labelOf: (line) => lineLabel(line, tierCountOf(b, line)), assumptions: assumptionsOf(b), shares: this.#shares }
  }

  toJSON(): Estimate {
    return {
      sheet: this.sheet,
      region: this.region,
      totalCents: this.totalCents,
      totalUsd: this.totalUsd,
      lines: this.lines,
      functions: this.functions,
      freeTier: this.freeTier,
      savingsPlanPercent: this.savingsPlanPercent,
      totals: this.totals,
      assumptions: this.assumptions,
      costPerRequestUsd: this.costPerRequestUsd,
      costPerMillionRequestsUsd: this.costPerMillionRequestsUsd,
    }
  }
}

/**
 * The bill through the exact `bigint` path only, skipping the fast path. Same
 * result as `estimate` for every valid input. For tests that compare the two,
 * and for callers that read every line's details anyway (the calculator shows
 * each line's quantity and price): there the fast path is only extra work, and
 * extra code to load before the first total.
 *
 * @example exactEstimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }).totalCents // 1874
 */
export function exactEstimate(input: EstimateInput): Estimate {
  const problems = validateInput(input)
  if (problems.length > 0) throw new InvalidInputError(problems)
  const own = copyInput(input)
  return new EstimateView(own, computeBill(own), null)
}

/** An estimate whose steps are edited once built (imported usage explains its own compute). */
class EditedStepsView extends EstimateView {
  readonly #edit: (steps: CalculationSteps) => CalculationSteps

  constructor(input: EstimateInput, bill: Bill, edit: (steps: CalculationSteps) => CalculationSteps) {
    super(input, bill, null)
    this.#edit = edit
  }

  override stepsSource(): StepsSource {
    return { ...super.stepsSource(), edit: this.#edit }
  }
}

/**
 * An estimate over a bill whose usage was measured elsewhere (imported REPORT
 * logs): the same lines, free tier, shares and steps as `estimate`, with
 * `editSteps` applied to the steps when they are first read. The caller
 * builds `bill` with `priceUsage`, so the prices are the engine's own.
 *
 * @example estimateOfBill({ sheet: 'aws-current', functions }, bill, (s) => s).totalCents === Number(bill.totalCents) // true
 */
export function estimateOfBill(input: EstimateInput, bill: Bill, editSteps?: (steps: CalculationSteps) => CalculationSteps): Estimate {
  const own = copyInput(input)
  return editSteps ? new EditedStepsView(own, bill, editSteps) : new EstimateView(own, bill, null)
}
