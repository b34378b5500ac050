import { computeBill, type Bill, type LineBill } from './bill'
import { centsToUsdString, groupThousands, toDecimalString, type Ratio } from './decimal'
import { buildSteps } from './steps'
import { PRICE_SHEETS } from './sheets/registry'
import type {
  Architecture,
  BillLine,
  CalculationSteps,
  Estimate,
  EstimateInput,
  FreeTierUsage,
  FunctionUsage,
  LineKind,
  PriceSheetId,
  PriceSheetInfo,
} from './types'
import { InvalidInputError, validateInput } from './validate'

/** Billion-scale tier bounds in words: 6000000000n -> "6 billion". */
function billions(gbs: bigint): string {
  return `${groupThousands(toDecimalString(gbs, 1_000_000_000n, 6))} billion`
}

/** The label of a bill line, e.g. "Compute (x86_64), next 9 billion GB-s". */
export function lineLabel(line: LineBill, tierCount: number): string {
  if (line.kind === 'requests') return 'Requests'
  if (line.kind === 'ephemeral-storage') return 'Ephemeral storage above 512 MB'
  const base = `Compute (${line.architecture})`
  if (tierCount <= 1) return base
  const from = line.tierFrom ?? 0n
  const to = line.tierTo ?? null
  if (from === 0n && to !== null) return `${base}, first ${billions(to)} GB-s`
  if (to === null) return `${base}, over ${billions(from)} GB-s`
  return `${base}, next ${billions(to - from)} GB-s (to ${billions(to)})`
}

/**
 * One bill line. The cents are computed with the bill; the decimal strings are
 * built on first read, since most callers (the total, charts) never read them.
 */
class LineView implements BillLine {
  readonly kind: LineKind
  readonly architecture?: Architecture
  readonly tier?: number
  readonly quantityUnit: 'requests' | 'GB-s'
  readonly cents: number
  readonly #line: LineBill
  readonly #tierCount: number

  constructor(line: LineBill, tierCount: number) {
    this.kind = line.kind
    if (line.architecture) this.architecture = line.architecture
    if (line.tier !== undefined) this.tier = line.tier
    this.quantityUnit = line.kind === 'requests' ? 'requests' : 'GB-s'
    this.cents = Number(line.cents)
    this.#line = line
    this.#tierCount = tierCount
  }

  get label(): string {
    return lineLabel(this.#line, this.#tierCount)
  }
  get quantity(): string {
    return toDecimalString(this.#line.quantity, this.#line.den)
  }
  get unitPriceUsd(): string {
    return this.#line.unitPriceText
  }
  get exactUsd(): string {
    const l = this.#line
    return toDecimalString(l.quantity * l.unitPrice.n, l.den * l.unitPrice.d)
  }
  get usd(): string {
    return centsToUsdString(this.#line.cents)
  }

  toJSON(): BillLine {
    const { kind, architecture, tier, label, quantity, quantityUnit, unitPriceUsd, exactUsd, cents, usd } = this
    return { kind, architecture, tier, label, quantity, quantityUnit, unitPriceUsd, exactUsd, cents, usd }
  }
}

const sheetInfos = new Map<PriceSheetId, PriceSheetInfo>()

/**
 * Where a sheet's prices come from, for showing beside any figure computed with it.
 *
 * @example priceSheetInfo('aws-2016').granularityMs // 100 (ms)
 */
export function priceSheetInfo(id: PriceSheetId): PriceSheetInfo {
  let info = sheetInfos.get(id)
  if (!info) {
    const s = PRICE_SHEETS[id]
    info = Object.freeze({
      id: s.id,
      label: s.label,
      effectiveDate: s.effectiveDate,
      checkedDate: s.checkedDate,
      sources: s.sources,
      granularityMs: s.granularityMs,
    })
    sheetInfos.set(id, info)
  }
  return info
}

/** Choices the engine made where AWS publishes no rule, and unverified prices. */
function assumptionsOf(bill: Bill): string[] {
  const out: string[] = []
  if (bill.freeTier && bill.architectures.length > 1) {
    out.push(
      'The free tier\u2019s 400,000 GB-s cover x86_64 usage first, then arm64. AWS does not publish the order; this one gives the lower bill, since x86_64 costs more per GB-s.',
    )
  }
  if (!bill.region.data.verified) {
    out.push(
      `Prices for ${bill.region.id} are unverified: published sources disagree. Only the first price bracket is known there, so it is applied to all usage.`,
    )
  }
  return out
}

class EstimateView implements Estimate {
  readonly sheet: PriceSheetInfo
  readonly region: string
  readonly totalCents: number
  readonly lines: BillLine[]
  readonly #bill: Bill
  #steps: CalculationSteps | undefined

  constructor(bill: Bill) {
    this.#bill = bill
    this.sheet = priceSheetInfo(bill.sheet.data.id)
    this.region = bill.region.id
    this.totalCents = Number(bill.totalCents)
    const lines: BillLine[] = []
    for (const line of bill.lines) {
      const tierCount = line.architecture ? bill.region.compute[line.architecture]!.length : 1
      lines.push(new LineView(line, tierCount))
    }
    this.lines = lines
  }

  get totalUsd(): string {
    return centsToUsdString(this.#bill.totalCents)
  }

  get functions(): FunctionUsage[] {
    const b = this.#bill
    return b.functions.map((f) => ({
      index: f.index,
      name: f.name,
      architecture: f.architecture,
      memoryMb: f.memoryMb,
      durationMs: f.durationMs,
      billedMs: f.billedMs,
      requestsPerMonth: toDecimalString(f.monthlyRequests, b.requestDen),
      gbSeconds: toDecimalString(f.gbs, b.gbsDen),
      storageGbSeconds: toDecimalString(f.storageGbs, b.gbsDen),
    }))
  }

  get freeTier(): FreeTierUsage {
    const b = this.#bill
    const byArch: Record<Architecture, string> = { x86_64: '0', arm64: '0' }
    let used = 0n
    for (const a of b.architectures) {
      byArch[a.architecture] = toDecimalString(a.freeUsed, b.gbsDen)
      used += a.freeUsed
    }
    return {
      included: b.freeTier,
      requestsAllowance: b.sheet.data.freeTier.requests,
      gbSecondsAllowance: b.sheet.data.freeTier.gbSeconds,
      requestsUsed: toDecimalString(b.freeRequestsUsed, b.requestDen),
      gbSecondsUsed: toDecimalString(used, b.gbsDen),
      gbSecondsUsedByArchitecture: byArch,
    }
  }

  get totals(): Estimate['totals'] {
    const b = this.#bill
    let gbs = 0n
    for (const a of b.architectures) gbs += a.gbs
    return {
      requestsPerMonth: toDecimalString(b.totalRequests, b.requestDen),
      gbSeconds: toDecimalString(gbs, b.gbsDen),
      storageGbSeconds: toDecimalString(b.totalStorageGbs, b.gbsDen),
    }
  }

  get assumptions(): string[] {
    return assumptionsOf(this.#bill)
  }

  /** The bill before any rounding, USD, as an exact ratio: the sum of the lines' exact amounts. */
  #exactTotal(): Ratio {
    let n = 0n
    let d = 1n
    for (const l of this.#bill.lines) {
      const ln = l.quantity * l.unitPrice.n
      const ld = l.den * l.unitPrice.d
      n = n * ld + ln * d
      d *= ld
    }
    return { n, d }
  }

  // Unit costs divide the exact amounts, not the rounded total: at small
  // volumes the rounded total can be $0.00 while a million requests are not free.
  get costPerRequestUsd(): string | null {
    const b = this.#bill
    if (b.totalRequests === 0n) return null
    const exact = this.#exactTotal()
    return toDecimalString(exact.n * b.requestDen, exact.d * b.totalRequests, 12)
  }

  get costPerMillionRequestsUsd(): string | null {
    const b = this.#bill
    if (b.totalRequests === 0n) return null
    const exact = this.#exactTotal()
    return toDecimalString(exact.n * b.requestDen * 1_000_000n, exact.d * b.totalRequests, 6)
  }

  get steps(): CalculationSteps {
    this.#steps ??= buildSteps(
      this.#bill,
      (line) => lineLabel(line, line.architecture ? this.#bill.region.compute[line.architecture]!.length : 1),
      assumptionsOf(this.#bill),
    )
    return this.#steps
  }

  toJSON(): Omit<Estimate, 'steps'> & { steps: CalculationSteps } {
    return {
      sheet: this.sheet,
      region: this.region,
      totalCents: this.totalCents,
      totalUsd: this.totalUsd,
      lines: this.lines,
      functions: this.functions,
      freeTier: this.freeTier,
      totals: this.totals,
      assumptions: this.assumptions,
      costPerRequestUsd: this.costPerRequestUsd,
      costPerMillionRequestsUsd: this.costPerMillionRequestsUsd,
      steps: this.steps,
    }
  }
}

/**
 * The monthly bill for one account's functions under a price sheet, exact to
 * the cent: each line at full precision, rounded half-up to the cent; the total
 * is the sum of the rounded lines. Throws `InvalidInputError` carrying every
 * problem rather than return a wrong number.
 *
 * @example
 * const bill = estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] })
 * bill.totalCents // 1874, i.e. $18.74: requests $0.40 + compute $18.34
 */
export function estimate(input: EstimateInput): Estimate {
  const problems = validateInput(input)
  if (problems.length > 0) throw new InvalidInputError(problems)
  return new EstimateView(computeBill(input))
}
