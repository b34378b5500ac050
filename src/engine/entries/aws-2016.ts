/**
 * `lambda-cost-engine/aws-2016`: the engine bound to the classic 2016 price
 * sheet (100 ms rounding, $0.20 per million requests, $0.00001667 per GB-s,
 * x86_64 only), small enough for a documentation page.
 *
 * The classic bill has two lines, requests and compute, and this entry prices
 * them directly from the sheet's data, without the current sheet's tables of
 * fields and meters that the main entry's engine reads. It takes the fields the
 * classic sheet bills and refuses the others. Where both entries take an input,
 * they give the same estimate, total and problems: a property test
 * (test/engine/entry-aws-2016.test.ts) checks it on generated inputs, so this
 * is also an independent check of the main engine on the classic sheet.
 */
import {
  checkAccount,
  checkArchitecturePriced,
  checkCoreFields,
  describeValue,
  eachFunction,
  functionList,
  InvalidInputError,
  isObject,
  notAnEstimate,
} from '../checks'
import { billedDurationMs, MB_MS_PER_GB_SECOND } from '../billed-duration'
import { addRatio, centsToUsdString, parseDecimalString, parseNumber, roundHalfUp, subRatio, toDecimalString, ZERO, type Ratio } from '../decimal'
import { CORE_FUNCTION_FIELDS, nearestName } from '../fields-core'
import { requestsPerMonth } from '../requests'
import { SHARE_RULE, splitCents } from '../shares'
import { AWS_2016 } from '../sheets/aws-2016'
import { infoOfSheet } from '../sheets/sheet-data'
import type { Architecture, BillLine, Estimate, EstimateInput, EstimateTotal, FunctionInput, FunctionUsage, InputProblem } from '../types'

export type {
  Architecture,
  BillLine,
  Estimate,
  EstimateTotal,
  FreeTierUsage,
  FunctionUsage,
  InputProblem,
  LineKind,
  LineTotal,
  PriceSheetInfo,
  QuantityUnit,
  RequestUnit,
} from '../types'
export { InvalidInputError }

/** The one sheet this entry prices. */
export const SHEET = 'aws-2016'

/** The function fields the classic sheet bills: the only ones this entry takes. */
const FIELD_KEYS: readonly string[] = CORE_FUNCTION_FIELDS.map((f) => f.key)

/**
 * One function on the classic sheet: the fields it bills.
 *
 * @example const fn: ClassicFunctionInput = { memoryMb: 512, durationMs: 1000, requests: 3_000_000 }
 */
export type ClassicFunctionInput = Pick<
  FunctionInput,
  'name' | 'memoryMb' | 'durationMs' | 'requests' | 'per' | 'architecture' | 'ephemeralStorageMb'
>

/**
 * An estimate input on the classic sheet: as the main entry's `EstimateInput`,
 * with `sheet` optional (it can only be `'aws-2016'`) and each function's
 * fields those the classic sheet bills.
 *
 * @example const input: ClassicEstimateInput = { functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }
 */
export type ClassicEstimateInput = Omit<EstimateInput, 'sheet' | 'functions'> & { sheet?: typeof SHEET; functions: ClassicFunctionInput[] }

const SHEETS = { [SHEET]: AWS_2016 }
const info = infoOfSheet(AWS_2016)

/** A function field of the main entry's that this entry does not take, or a misspelt one. */
function notTakenMessage(key: string, index: number): string {
  const near = nearestName(key, FIELD_KEYS)
  const guess = near ? ` Did you mean "${near}"?` : ''
  return `Function ${index + 1}'s field ${describeValue(key)} is not one lambda-cost-engine/aws-2016 takes: it takes the fields the classic sheet bills, ${FIELD_KEYS.join(', ')}.${guess} The current sheet's fields (cold starts, Lambda@Edge and the rest) are priced by lambda-cost-engine; as written this one would be ignored and a different bill priced.`
}

/** Every problem, and the input as checked: the functions hold the fields this entry takes, copied. */
function check(input: unknown): { problems: InputProblem[]; own: EstimateInput | null } {
  if (!isObject(input)) return { problems: [notAnEstimate(input)], own: null }
  const sheet = input.sheet
  if (sheet !== undefined && sheet !== SHEET) {
    const message = `lambda-cost-engine/aws-2016 prices the classic 2016 sheet only; got sheet ${JSON.stringify(sheet) ?? String(sheet)}. Leave sheet out or set it to "aws-2016"; the current sheet is priced by lambda-cost-engine.`
    return { problems: [{ path: 'sheet', message }], own: null }
  }
  const out: InputProblem[] = []
  const { region } = checkAccount({ ...input, sheet: SHEET }, SHEETS, (key) => FIELD_KEYS.includes(key), out)
  const functions = functionList(input, out)
  if (functions === null) return { problems: out, own: null }
  const copies: FunctionInput[] = []
  eachFunction(functions, out, (given, i, base) => {
    const fn: Record<string, unknown> = {}
    for (const key in given) {
      if (FIELD_KEYS.includes(key)) fn[key] = given[key]
      else if (given[key] !== undefined) out.push({ path: `${base}.${key}`, message: notTakenMessage(key, i) })
    }
    checkCoreFields(fn, AWS_2016, region, base, out)
    checkArchitecturePriced(fn.architecture, AWS_2016, region, base, out)
    copies.push(fn as unknown as FunctionInput)
  })
  if (out.length > 0) return { problems: out, own: null }
  const own: EstimateInput = {
    sheet: SHEET,
    region: input.region as string | undefined,
    freeTier: input.freeTier as boolean | undefined,
    functions: copies,
  }
  if (input.savingsPlanPercent !== undefined) own.savingsPlanPercent = input.savingsPlanPercent as number
  if (input.apiGatewayFreeTier !== undefined) own.apiGatewayFreeTier = input.apiGatewayFreeTier as boolean
  return { problems: [], own }
}

/** The checked input, or `InvalidInputError` with every problem. */
function checked(input: unknown): EstimateInput {
  const { problems, own } = check(input)
  if (!own) throw new InvalidInputError(problems)
  return own
}

/**
 * Every problem with a classic-sheet input, all at once; `[]` when it is valid.
 * The main entry's problems for `sheet: 'aws-2016'`, and one for each field of
 * a function this entry does not take.
 *
 * @example validateInput({ functions: [{ memoryMb: 4096, durationMs: 1000, requests: 1 }] })[0].path // 'functions.0.memoryMb'
 */
export function validateInput(input: unknown): InputProblem[] {
  return check(input).problems
}

/** A line of the classic bill: what is billed after the free tier, at one price. */
interface Line {
  kind: 'requests' | 'compute'
  /** Each function's use, before the free tier: its weight in the line's shares. */
  use: Ratio[]
  quantity: Ratio
  price: Ratio
  priceText: string
  exact: Ratio
  cents: bigint
}

/** The classic bill of a checked input: its lines, the free tier used, each function's figures. */
function bill(input: EstimateInput) {
  const sheet = AWS_2016
  const region = sheet.regions[input.region ?? sheet.defaultRegion]!
  const free = input.freeTier ?? true
  const requests: Ratio[] = []
  const gbSeconds: Ratio[] = []
  const billedMs: number[] = []
  for (const fn of input.functions) {
    const monthly = requestsPerMonth(fn.requests, fn.per ?? 'month')
    const billed = billedDurationMs(fn.durationMs, sheet.granularityMs)
    requests.push(monthly)
    billedMs.push(billed)
    // GB-s = requests x billed ms x MB / (1,024 MB a GB x 1,000 ms a second)
    gbSeconds.push({ n: monthly.n * BigInt(billed) * BigInt(fn.memoryMb), d: monthly.d * MB_MS_PER_GB_SECOND })
  }
  const line = (kind: Line['kind'], use: Ratio[], allowance: string, priceText: string) => {
    const all = use.reduce(addRatio, ZERO)
    const cap = free ? parseDecimalString(allowance) : ZERO
    const freeUsed = all.n * cap.d <= cap.n * all.d ? all : cap
    const quantity = subRatio(all, freeUsed)
    const price = parseDecimalString(priceText)
    const exact = { n: quantity.n * price.n, d: quantity.d * price.d }
    const l: Line = { kind, use, quantity, price, priceText, exact, cents: roundHalfUp(exact.n * 100n, exact.d) }
    return { line: l, all, freeUsed }
  }
  // The classic sheet has one compute price in every region, for x86_64.
  const compute = region.compute.x86_64![0]!
  return {
    requests: line('requests', requests, sheet.freeTier.requests, region.usdPerRequest),
    compute: line('compute', gbSeconds, sheet.freeTier.gbSeconds, compute.usdPerGbSecond),
    free,
    billedMs,
  }
}

const text = (r: Ratio, places = 20) => toDecimalString(r.n, r.d, places)

/**
 * The monthly bill on the classic sheet, exact to the cent, in full (lines,
 * shares, free tier used, assumptions): the main entry's estimate for
 * `sheet: 'aws-2016'`. Throws `InvalidInputError` carrying every problem.
 *
 * @example
 * estimate({ functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }).totalCents // 1874 ($0.40 requests + $18.34 compute)
 */
export function estimate(input: ClassicEstimateInput): Estimate {
  const own = checked(input)
  const b = bill(own)
  const lines = [b.requests.line, b.compute.line]
  const total = b.requests.line.cents + b.compute.line.cents
  const shares = lines.map((l) => splitCents(l.cents, l.use))
  const billLines = lines.map((l): BillLine => {
    const out: BillLine = {
      kind: l.kind,
      label: l.kind === 'requests' ? 'Requests' : 'Compute (x86_64)',
      quantity: text(l.quantity),
      quantityUnit: l.kind === 'requests' ? 'requests' : 'GB-s',
      unitPriceUsd: l.priceText,
      exactUsd: text(l.exact),
      cents: Number(l.cents),
      usd: centsToUsdString(l.cents),
      estimatedPrice: false,
    }
    if (l.kind === 'compute') {
      out.architecture = 'x86_64'
      out.tier = 1
    }
    return out
  })
  const functions = own.functions.map((fn, i): FunctionUsage => {
    const cents = shares[0]![i]! + shares[1]![i]!
    return {
      index: i,
      name: fn.name ?? '',
      architecture: (fn.architecture ?? 'x86_64') as Architecture,
      memoryMb: fn.memoryMb,
      durationMs: fn.durationMs,
      billedMs: b.billedMs[i]!,
      billedColdMs: b.billedMs[i]!,
      requestsPerMonth: text(b.requests.line.use[i]!),
      gbSeconds: text(b.compute.line.use[i]!),
      storageGbSeconds: '0',
      coldRequestsPerMonth: '0',
      provisionedRequestsPerMonth: '0',
      edge: false,
      cents: Number(cents),
      usd: centsToUsdString(cents),
    }
  })
  const allRequests = b.requests.all
  // Unit costs divide the exact amounts, not the rounded total.
  const exact = addRatio(b.requests.line.exact, b.compute.line.exact)
  const costPer = (requests: bigint, places: number) =>
    allRequests.n === 0n ? null : toDecimalString(exact.n * allRequests.d * requests, exact.d * allRequests.n, places)
  const plan = parseNumber(own.savingsPlanPercent ?? 0)
  return {
    input: own,
    sheet: info,
    region: own.region ?? AWS_2016.defaultRegion,
    totalCents: Number(total),
    totalUsd: centsToUsdString(total),
    lines: billLines,
    functions,
    freeTier: {
      included: b.free,
      requestsAllowance: AWS_2016.freeTier.requests,
      gbSecondsAllowance: AWS_2016.freeTier.gbSeconds,
      requestsUsed: text(b.free ? b.requests.freeUsed : ZERO),
      gbSecondsUsed: text(b.free ? b.compute.freeUsed : ZERO),
      gbSecondsUsedByArchitecture: { x86_64: text(b.free ? b.compute.freeUsed : ZERO), arm64: '0' },
      streamingGibUsed: '0',
      logsGbUsed: '0',
    },
    savingsPlanPercent: toDecimalString(plan.n, plan.d),
    apiGatewayFreeTier: own.apiGatewayFreeTier === true,
    totals: { requestsPerMonth: text(allRequests), gbSeconds: text(b.compute.all), storageGbSeconds: '0' },
    assumptions: own.functions.length > 1 ? [SHARE_RULE] : [],
    costPerRequestUsd: costPer(1n, 12),
    costPerMillionRequestsUsd: costPer(1_000_000n, 6),
  }
}

/**
 * The monthly bill's total and each line's cents on the classic sheet, as
 * `estimate` gives them. Throws `InvalidInputError` carrying every problem.
 *
 * @example
 * estimateTotal({ functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }).totalCents // 1874
 */
export function estimateTotal(input: ClassicEstimateInput): EstimateTotal {
  const own = checked(input)
  const b = bill(own)
  const requests = b.requests.line.cents
  const compute = b.compute.line.cents
  return {
    input: own,
    sheet: info,
    region: own.region ?? AWS_2016.defaultRegion,
    totalCents: Number(requests + compute),
    lines: [
      { kind: 'requests', architecture: undefined, tier: undefined, instanceType: undefined, cents: Number(requests) },
      { kind: 'compute', architecture: 'x86_64', tier: 1, instanceType: undefined, cents: Number(compute) },
    ],
  }
}
