import { BIGINT } from './arithmetic'
import { compiledSheet, type CompiledRegion, type CompiledSheet } from './compiled-sheet'
import { estimate, priceSheetInfo } from './estimate'
import { setIgnoredFields } from './fields'
import { COST_PARTS, measureFunction, METERS, serviceOfPart, SERVICES, type CostPart, type MeterSpec } from './meters'
import { requestsPerMonth } from './requests'
import { orList } from './text'
import { formatPlainNumber } from './validate'
import { PRICE_SHEETS } from './sheets/registry'
import type { PriceSheetData } from './sheets/sheet-data'
import type { Estimate, EstimateInput, FunctionInput, PriceSheetId } from './types'
import { validateInput } from './validate'

/**
 * The same workload priced under another sheet, with what had to change to fit it.
 * Unavailable when it cannot be priced there: `missing` then names what the
 * workload uses that the other sheet has no price for ("not comparable"), or,
 * where it is absent, `reason` says what else stands in the way.
 *
 * @example const c = compareWithSheet(input, 'aws-current'); if (c.available) c.estimate.totalCents
 */
export type Comparison =
  | { sheet: PriceSheetId; available: true; estimate: Estimate; input: EstimateInput; adjustments: string[] }
  | { sheet: PriceSheetId; available: false; reason: string; missing?: string[] }

/** A sheet in a sentence about what it had: "the 2016 sheet", "today\u2019s sheet". */
function sheetWord(sheet: PriceSheetData): string {
  return sheet.extraMeters ? 'today\u2019s sheet' : `the ${sheet.effectiveDate.slice(0, 4)} sheet`
}

/** "a", "a and b", "a, b and c". */
function both(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/**
 * A label's first word in lower case, unless it is a name ("Lambda@Edge",
 * "SnapStart", "Managed Instances"): "Provisioned concurrency" -> "provisioned concurrency".
 */
function inSentence(label: string): string {
  const [first, second] = label.split(' ')
  const name = second !== undefined && /^[A-Z]/.test(second)
  return !name && /^[A-Z][a-z]*$/.test(first!) ? label[0]!.toLowerCase() + label.slice(1) : label
}

/** A sentence from an optional "name: " and its text: "Priced ..." alone, "api: priced ..." after a name. */
function sentence(who: string, text: string): string {
  return who ? `${who}${text}` : text[0]!.toUpperCase() + text.slice(1)
}

/** How many meters each chart part has: a part of one meter is named by its line label, which says what is billed. */
const METERS_IN_PART = new Map<CostPart, number>()
for (const m of METERS) METERS_IN_PART.set(m.part, (METERS_IN_PART.get(m.part) ?? 0) + 1)

/** What a meter stands for in "the classic 2016 sheet had no ...": its part's name, or its own label where its part has no other meter. */
function thingBilled(m: MeterSpec): string {
  const label = METERS_IN_PART.get(m.part) === 1 ? m.label : COST_PARTS.find((p) => p.id === m.part)!.label
  return inSentence(label)
}

/** The meters a valid function is billed on under its own sheet: each one its rules measure it on, by index in METERS. */
function metersUsed(fn: FunctionInput, sheet: CompiledSheet): Set<number> {
  const used = new Set<number>()
  const monthly = requestsPerMonth(fn.requests, fn.per ?? 'month')
  BIGINT.reset()
  const add = (i: number) => used.add(i)
  measureFunction(BIGINT, fn, sheet, monthly.n, monthly.d, { add, use: add, addPerType: add })
  return used
}

/** True where `sheet` has a price for meter `m` in `region`. */
function prices(m: MeterSpec, sheet: CompiledSheet, region: CompiledRegion): boolean {
  const p = m.price(sheet, region)
  return p !== null && p !== undefined && (!Array.isArray(p) || p.length > 0)
}

/**
 * What the workload is billed for under its own sheet that `target` cannot
 * price in `region`, each named once, in the meters' order. A meter priced on
 * another architecture the target offers is not missing: the function moves
 * there (arm64 compute on the classic sheet is priced on x86_64).
 */
function missingOn(input: EstimateInput, target: PriceSheetData, region: string): { features: string[]; services: string[] } {
  const own = compiledSheet(input.sheet)
  const other = compiledSheet(target.id)
  const otherRegion = other.regions.get(region)!
  const missing = new Set<number>()
  for (const fn of input.functions) {
    for (const i of metersUsed(fn, own)) {
      const m = METERS[i]!
      if (prices(m, other, otherRegion)) continue
      const moved = METERS.some(
        (n) =>
          n.kind === m.kind &&
          n.architecture !== undefined &&
          n.architecture !== m.architecture &&
          target.architectures.includes(n.architecture) &&
          prices(n, other, otherRegion),
      )
      if (!moved) missing.add(i)
    }
  }
  const sorted = [...missing].sort((a, b) => a - b).map((i) => METERS[i]!)
  const lambda = sorted.filter((m) => serviceOfPart(m.part) === 'lambda')
  const others = new Set(sorted.filter((m) => serviceOfPart(m.part) !== 'lambda').map((m) => serviceOfPart(m.part)))
  return {
    features: [...new Set(lambda.map(thingBilled))],
    services: SERVICES.filter((s) => others.has(s.id)).map((s) => inSentence(s.label)),
  }
}

/**
 * A note where a function's memory is a size `sheet` offers that came after
 * its prices took effect (3,008 MB on the classic 2016 sheet arrived in
 * November 2017).
 */
function laterMemoryNote(sheet: PriceSheetData, who: string, memoryMb: number): string | null {
  const later = sheet.memoryAddedLater
  if (!later || memoryMb <= later.aboveMb) return null
  return sentence(
    who,
    `in 2016 Lambda offered at most ${formatPlainNumber(later.aboveMb)} MB of memory: ${formatPlainNumber(memoryMb)} MB came with the ${formatPlainNumber(sheet.memory.maxMb)} MB limit of ${later.when}, at the same rate per GB-s.`,
  )
}

/** The ignored fields that set cold starts and their INIT (the classic sheet bills a cold invocation as a warm one). */
const COLD_START_KEYS: ReadonlySet<string> = new Set(['coldStartPercent', 'initDurationMs'])

/**
 * Prices `input`'s workload under `target`, adapting what the target sheet
 * cannot express but the workload can do without (arm64 on the classic sheet
 * becomes x86_64, memory rounds up to the classic 64 MB step, the INIT of cold
 * starts is not billed) and saying so in `adjustments`, in plain sentences.
 *
 * Not comparable (unavailable, with `missing`) where the workload is billed
 * for something the target has no price for: on the classic sheet, Lambda@Edge,
 * provisioned concurrency, priced SnapStart, response streaming beyond the free
 * 6 MB, ephemeral storage above 512 MB, tenant isolation and durable functions.
 * Which ones is read from the meters table: each meter the function is billed
 * on whose price the target sheet lacks. Unavailable too where the workload
 * cannot exist there (memory above the classic 3,008 MB) or the input is invalid.
 *
 * @example
 * compareWithSheet({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6 }] }, 'aws-current')
 * // { available: true, estimate: { totalCents: 1873, ... }, adjustments: [] }
 * @example
 * compareWithSheet({ sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 5, requests: 3e6, edge: true }] }, 'aws-2016')
 * // { available: false, missing: ['Lambda@Edge'], reason: 'not comparable: the 2016 sheet had no Lambda@Edge.' }
 */
export function compareWithSheet(input: EstimateInput, target: PriceSheetId): Comparison {
  if (validateInput(input).length > 0) {
    return { sheet: target, available: false, reason: 'The inputs have problems to fix first.' }
  }
  const sheet = PRICE_SHEETS[target]
  const own = PRICE_SHEETS[input.sheet]
  const label = priceSheetInfo(target).label
  const phrase = sheetWord(sheet)
  const adjustments: string[] = []

  let region = input.region
  let regionNote: string | null = null
  if (region !== undefined && !Object.prototype.hasOwnProperty.call(sheet.regions, region)) {
    regionNote = `Priced in ${sheet.defaultRegion}: ${region} is not on ${phrase}.`
    region = sheet.defaultRegion
  }

  // A Lambda feature the other sheet lacks, or a service beside Lambda it does not price
  // (the classic sheet prices Lambda alone, though CloudWatch Logs and API Gateway were billed in 2016 too).
  const { features, services } = missingOn(input, sheet, region ?? sheet.defaultRegion)
  if (features.length + services.length > 0) {
    const why = [
      ...(features.length > 0 ? [`${phrase} had no ${orList(features)}`] : []),
      ...(services.length > 0 ? [`${features.length > 0 ? 'it' : phrase} prices Lambda alone, not ${orList(services)}`] : []),
    ].join(', and ')
    return { sheet: target, available: false, missing: [...features, ...services], reason: `not comparable: ${why}.` }
  }

  const functions: FunctionInput[] = []
  for (const [i, fn] of input.functions.entries()) {
    const who = input.functions.length > 1 ? `${fn.name || `Function ${i + 1}`}: ` : ''
    const next: FunctionInput = { ...fn }
    const { minMb, maxMb, stepMb } = sheet.memory
    if (fn.memoryMb > maxMb) {
      return {
        sheet: target,
        available: false,
        reason: `${who}${formatPlainNumber(fn.memoryMb)} MB of memory is above the ${formatPlainNumber(maxMb)} MB limit of ${label}.`,
      }
    }
    const offStep = (fn.memoryMb - minMb) % stepMb
    if (offStep !== 0) {
      next.memoryMb = fn.memoryMb - offStep + stepMb
      adjustments.push(
        sentence(
          who,
          `${formatPlainNumber(fn.memoryMb)} MB of memory is priced as ${formatPlainNumber(next.memoryMb)} MB: ${phrase} sold memory in ${formatPlainNumber(stepMb)} MB steps.`,
        ),
      )
    }
    const laterNote = laterMemoryNote(sheet, who, next.memoryMb) ?? laterMemoryNote(own, who, fn.memoryMb)
    if (laterNote) adjustments.push(laterNote)
    const arch = fn.architecture ?? 'x86_64'
    if (!sheet.architectures.includes(arch)) {
      next.architecture = sheet.architectures[0]
      adjustments.push(sentence(who, `priced on ${next.architecture}: ${phrase} had no ${arch}.`))
    }
    if (!sheet.extraMeters) {
      // What is left of the 2026 inputs bills nothing the target cannot price (that would be missing, above).
      const set = setIgnoredFields(fn)
      if (set.some((f) => COLD_START_KEYS.has(f.key))) {
        adjustments.push(sentence(who, `cold starts are billed as warm ones: ${phrase} did not bill INIT (it has been billed since 1 August 2025).`))
      }
      const rest = set.filter((f) => !COLD_START_KEYS.has(f.key))
      const features = [...new Set(rest.filter((f) => f.group !== 'beside').map((f) => f.ignoredAs!))]
      const beside = [...new Set(rest.filter((f) => f.group === 'beside').map((f) => f.ignoredAs!))]
      if (features.length > 0) {
        adjustments.push(
          sentence(
            who,
            `${both(features)} left out: ${phrase} did not have ${features.length > 1 ? 'them, and they add' : 'it, and it adds'} nothing to this bill.`,
          ),
        )
      }
      if (beside.length > 0) {
        adjustments.push(
          sentence(
            who,
            `${both(beside)} left out: ${phrase} prices Lambda alone, and ${beside.length > 1 ? 'they add' : 'it adds'} nothing to this bill.`,
          ),
        )
      }
    }
    functions.push(next)
  }
  if (regionNote) adjustments.push(regionNote)
  const adapted: EstimateInput = { ...input, sheet: target, functions }
  if (!sheet.extraMeters && (input.savingsPlanPercent ?? 0) !== 0) {
    delete adapted.savingsPlanPercent
    adjustments.push(`Priced without the ${formatPlainNumber(input.savingsPlanPercent!)} % Compute Savings Plan: Savings Plans began in 2019.`)
  }
  if (region !== undefined) adapted.region = region
  const problems = validateInput(adapted)
  if (problems.length > 0) {
    return { sheet: target, available: false, reason: `Under ${label}: ${problems[0]!.message}` }
  }
  return { sheet: target, available: true, estimate: estimate(adapted), input: adapted, adjustments }
}
