import { estimate, priceSheetInfo } from './estimate'
import { setIgnoredFields } from './fields'
import { formatPlainNumber, sheetPhrase } from './validate'
import { PRICE_SHEETS } from './sheets/registry'
import type { Estimate, EstimateInput, FunctionInput, PriceSheetId } from './types'
import { validateInput } from './validate'

/**
 * The same workload priced under another sheet, with what had to change to fit it.
 *
 * @example const c = compareWithSheet(input, 'aws-current'); if (c.available) c.estimate.totalCents
 */
export type Comparison =
  | { sheet: PriceSheetId; available: true; estimate: Estimate; input: EstimateInput; adjustments: string[] }
  | { sheet: PriceSheetId; available: false; reason: string }

/**
 * Prices `input`'s workload under `target`, adapting what the target sheet
 * cannot express (arm64 on the classic sheet becomes x86_64, memory rounds up to
 * the classic 64 MB step, ephemeral storage becomes the classic fixed 512 MB)
 * and saying so in `adjustments`. Unavailable when the workload cannot exist
 * there at all (memory above the classic 3,008 MB) or the input is invalid.
 *
 * @example
 * compareWithSheet({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6 }] }, 'aws-current')
 * // { available: true, estimate: { totalCents: 1873, ... }, adjustments: [] }
 */
export function compareWithSheet(input: EstimateInput, target: PriceSheetId): Comparison {
  if (validateInput(input).length > 0) {
    return { sheet: target, available: false, reason: 'The inputs have problems to fix first.' }
  }
  const sheet = PRICE_SHEETS[target]
  const label = priceSheetInfo(target).label
  const adjustments: string[] = []
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
        `${who}memory rounded up from ${formatPlainNumber(fn.memoryMb)} MB to ${formatPlainNumber(next.memoryMb)} MB, the next size ${label} offers.`,
      )
    }
    const arch = fn.architecture ?? 'x86_64'
    if (!sheet.architectures.includes(arch)) {
      next.architecture = sheet.architectures[0]
      adjustments.push(`${who}${arch} priced as ${sheet.architectures[0]}, which ${label} offers.`)
    }
    const storage = fn.ephemeralStorageMb ?? sheet.ephemeralStorage.includedMb
    if (storage > sheet.ephemeralStorage.maxMb) {
      next.ephemeralStorageMb = sheet.ephemeralStorage.maxMb
      adjustments.push(`${who}ephemeral storage is a fixed ${formatPlainNumber(sheet.ephemeralStorage.maxMb)} MB on ${label}.`)
    }
    if (!sheet.extraMeters) {
      // Each field by its shorter name, once: INIT duration is part of "cold starts" here.
      const set = [...new Set(setIgnoredFields(fn).map((f) => f.ignoredBrieflyAs ?? f.ignoredAs!))]
      if (set.length > 0) adjustments.push(`${who}${set.join(', ')} not billed: ${label} ignores them.`)
    }
    functions.push(next)
  }
  let region = input.region
  if (region !== undefined && !Object.prototype.hasOwnProperty.call(sheet.regions, region)) {
    adjustments.push(`${region} is not on ${label}; priced at ${sheet.defaultRegion}.`)
    region = sheet.defaultRegion
  }
  const adapted: EstimateInput = { ...input, sheet: target, functions }
  if (!sheet.extraMeters && (input.savingsPlanPercent ?? 0) !== 0) {
    delete adapted.savingsPlanPercent
    adjustments.push(`No Compute Savings Plan: ${sheetPhrase(sheet)} had none (they began in 2019).`)
  }
  if (region !== undefined) adapted.region = region
  const problems = validateInput(adapted)
  if (problems.length > 0) {
    return { sheet: target, available: false, reason: `Under ${label}: ${problems[0]!.message}` }
  }
  return { sheet: target, available: true, estimate: estimate(adapted), input: adapted, adjustments }
}
