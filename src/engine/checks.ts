import { groupThousands, toDecimalString } from './decimal'
import { ACCOUNT_FIELDS, CORE_FUNCTION_FIELDS, fieldAllows, MAX_FUNCTIONS, MAX_REQUESTS_PER_MONTH, nearestName, type FieldSpec } from './fields-core'
import { isRequestUnit, REQUEST_UNIT_FACTORS, REQUEST_UNIT_LABELS, REQUEST_UNITS, requestsPerMonth } from './requests'
import type { PriceSheetData } from './sheets/sheet-data'
import { characterCount, orList, quoteText } from './text'
import type { Architecture, InputProblem } from './types'

// The checks of an estimate input that do not depend on the current sheet's
// fields: each value against its field's entry and the sheet, the account's
// fields, the list of functions. validate.ts adds the current sheet's fields
// and their combinations; the classic sheet's entry (entries/aws-2016.ts) uses
// these alone, so the two give the same problems where both take an input.

const NAME = CORE_FUNCTION_FIELDS.find((f) => f.key === 'name')!
const ARCHITECTURES: readonly string[] = CORE_FUNCTION_FIELDS.find((f) => f.key === 'architecture')!.choices!.map((c) => c.value)
const SAVINGS_PLAN = ACCOUNT_FIELDS.find((f) => f.key === 'savingsPlanPercent')!

/**
 * The estimate's own fields: the account's and the list of functions.
 *
 * @example ESTIMATE_KEYS // ['sheet', 'region', 'freeTier', 'savingsPlanPercent', 'apiGatewayFreeTier', 'functions']
 */
export const ESTIMATE_KEYS: readonly string[] = [...ACCOUNT_FIELDS.map((f) => f.key), 'functions']

/** The name users know a sheet by, for messages: "the classic 2016 sheet". */
export function sheetPhrase(sheet: PriceSheetData): string {
  return sheet.id === 'aws-2016' ? 'the classic 2016 sheet' : 'the current sheet'
}

/**
 * A number as users write it: with thousands separators below 10^21, in
 * scientific form "m × 10^e" beyond (and below 10^-6), never "1e+21".
 *
 * @example formatPlainNumber(4096) // "4,096"
 * @example formatPlainNumber(1e21) // "1 × 10^21"
 * @example formatPlainNumber(-2.5e-7) // "-2.5 × 10^-7"
 */
export function formatPlainNumber(value: number): string {
  const text = String(value)
  const e = text.indexOf('e')
  if (e === -1) return groupThousands(text)
  const exponent = text.slice(e + 1).replace(/^\+/, '')
  return `${text.slice(0, e)} \u00d7 10^${exponent}`
}

/** Any value, shortened and made printable, for quoting in a message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') {
    // Never print NaN or Infinity at a user: say what they mean.
    if (Number.isNaN(value)) return 'a value that is not a number'
    if (value === Infinity) return 'a number too large to work with'
    if (value === -Infinity) return 'a number too small to work with'
    return formatPlainNumber(value)
  }
  if (typeof value === 'string') return quoteText(value)
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  return String(value)
}

const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

/**
 * Text that reads as a number a double cannot hold: so close to 0 that it reads
 * as 0 (`1e-400`) or so large that it reads as Infinity (`1e309`). `text` is
 * the value as typed (trimmed, unsafe characters removed); `standIn` is a number
 * on the same side of every limit (the largest double for a huge one).
 */
interface TypedBeyondDoubles {
  text: string
  tiny: boolean
  standIn: number
}

function beyondDoubles(value: unknown): TypedBeyondDoubles | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (!NUMERIC_TEXT.test(text)) return null
  const n = Number(text)
  const negative = text.startsWith('-')
  if (n === 0 && /[1-9]/.test(text.replace(/e.*$/i, ''))) return { text, tiny: true, standIn: negative ? -Number.MIN_VALUE : Number.MIN_VALUE }
  if (!Number.isFinite(n)) return { text, tiny: false, standIn: negative ? -Number.MAX_VALUE : Number.MAX_VALUE }
  return null
}

/** The sentence for a number typed so close to 0 that no double holds it. */
function tooClose(field: string, typed: TypedBeyondDoubles, unit: string, allowed: string): string {
  return `${field} is too close to 0 to work with; got ${typed.text}${unit}. ${allowed}`
}

/**
 * The sentence for a value that is not a number: text that reads as a number
 * but has more digits than a number keeps exactly gets its own explanation.
 */
function notANumber(field: string, what: string, value: unknown, allowed: string): string {
  if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) {
    return `${field} has more digits than can be kept exactly (at most 15 significant digits); got ${describeValue(value)}. ${allowed}`
  }
  return `${field} must be ${what}; got ${describeValue(value)}. ${allowed}`
}

/** True for a non-null object that is not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkMemory(given: unknown, sheet: PriceSheetData, path: string, out: InputProblem[], managed = false): void {
  const rules = managed ? sheet.extraMeters?.managedInstances : undefined
  const { minMb, maxMb, stepMb } = rules ? { minMb: rules.minMemoryMb, maxMb: rules.maxMemoryMb, stepMb: 1 } : sheet.memory
  if (typeof given === 'number' && Number.isInteger(given) && given >= minMb && given <= maxMb && (given - minMb) % stepMb === 0) return
  const where = rules ? 'a Lambda Managed Instances function' : sheetPhrase(sheet)
  const allowed = `Allowed on ${where}: ${formatPlainNumber(minMb)} to ${formatPlainNumber(maxMb)} MB${stepMb > 1 ? ` in steps of ${stepMb} MB` : ''}.`
  const typed = beyondDoubles(given)
  if (typed?.tiny) {
    out.push({ path, message: tooClose('Memory', typed, ' MB', allowed) })
    return
  }
  const value = typed ? typed.standIn : given
  const shown = typed ? typed.text : typeof value === 'number' ? formatPlainNumber(value) : ''
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber('Memory', 'a number of MB', value, allowed) })
  } else if (!Number.isFinite(value) || !Number.isInteger(value)) {
    out.push({ path, message: `Memory must be a whole number of MB; got ${describeValue(value)} MB. ${allowed}` })
  } else if (value < minMb || value > maxMb) {
    out.push({
      path,
      message: `Memory must be between ${formatPlainNumber(minMb)} and ${formatPlainNumber(maxMb)} MB on ${where}; got ${shown} MB.`,
    })
  } else if ((value - minMb) % stepMb !== 0) {
    const below = value - ((value - minMb) % stepMb)
    out.push({
      path,
      message: `Memory must be a multiple of ${stepMb} MB on ${sheetPhrase(sheet)}; got ${shown} MB. Nearest allowed: ${formatPlainNumber(below)} or ${formatPlainNumber(below + stepMb)} MB.`,
    })
  }
}

function checkDuration(given: unknown, sheet: PriceSheetData, path: string, out: InputProblem[]): void {
  if (typeof given === 'number' && given > 0 && given <= sheet.maxDurationMs) return
  const max = formatPlainNumber(sheet.maxDurationMs)
  const allowed = `Allowed: above 0 and up to ${max} ms (${sheet.maxDurationMs / 60_000} minutes).`
  const typed = beyondDoubles(given)
  if (typed?.tiny) {
    out.push({ path, message: tooClose('Duration', typed, ' ms', allowed) })
    return
  }
  const value = typed ? typed.standIn : given
  const shown = typed ? typed.text : typeof value === 'number' ? formatPlainNumber(value) : ''
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber('Duration', 'a number of ms', value, allowed) })
  } else if (!Number.isFinite(value)) {
    out.push({ path, message: `Duration must be a finite number of ms; got ${describeValue(value)}. ${allowed}` })
  } else if (value <= 0) {
    out.push({ path, message: `Duration must be above 0 ms; got ${shown} ms. ${allowed}` })
  } else if (value > sheet.maxDurationMs) {
    out.push({
      path,
      message: `Duration must be at most ${max} ms (the ${sheet.maxDurationMs / 60_000}-minute limit); got ${shown} ms.`,
    })
  }
}

function checkRequests(given: unknown, per: unknown, path: string, out: InputProblem[]): void {
  if (typeof given === 'number' && given >= 0 && (per === undefined || isRequestUnit(per))) {
    // Clearly inside the limit: no need for the exact comparison below.
    if (given * approxPerMonth(per) < MAX_REQUESTS_PER_MONTH * 0.999999) return
  }
  const allowed = `Allowed: 0 up to ${formatPlainNumber(MAX_REQUESTS_PER_MONTH)} (10^15) a month.`
  const typed = beyondDoubles(given)
  const unit = per === undefined || isRequestUnit(per) ? (per ?? 'month') : null
  if (typed?.tiny) {
    out.push({ path, message: tooClose('Requests', typed, unit ? ` ${REQUEST_UNIT_LABELS[unit]}` : '', allowed) })
    return
  }
  if (typed) {
    const label = unit ? ` ${REQUEST_UNIT_LABELS[unit]}` : ''
    out.push({
      path,
      message:
        typed.standIn < 0
          ? `Requests must be 0 or more; got ${typed.text}. ${allowed}`
          : `Requests must come to at most ${formatPlainNumber(MAX_REQUESTS_PER_MONTH)} (10^15) a month; got ${typed.text}${label}.`,
    })
    return
  }
  const value = given
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber('Requests', 'a number', value, allowed) })
  } else if (!Number.isFinite(value)) {
    out.push({ path, message: `Requests must be a finite number; got ${describeValue(value)}. ${allowed}` })
  } else if (value < 0) {
    out.push({ path, message: `Requests must be 0 or more; got ${formatPlainNumber(value)}. ${allowed}` })
  } else if (unit) {
    const monthly = requestsPerMonth(value, unit)
    if (monthly.n > BigInt(MAX_REQUESTS_PER_MONTH) * monthly.d) {
      const converted = unit === 'month' ? '' : ` (${groupThousands(toDecimalString(monthly.n, monthly.d, 0))} a month)`
      out.push({
        path,
        message: `Requests must come to at most ${formatPlainNumber(MAX_REQUESTS_PER_MONTH)} (10^15) a month; got ${formatPlainNumber(value)} ${REQUEST_UNIT_LABELS[unit]}${converted}.`,
      })
    }
  }
}

function checkStorage(given: unknown, sheet: PriceSheetData, region: string | undefined, path: string, out: InputProblem[]): void {
  if (given === undefined) return
  const { minMb, maxMb, includedMb } = sheet.ephemeralStorage
  const typed = beyondDoubles(given)
  if (minMb === maxMb) {
    if (given !== minMb) {
      const shown = typed ? `${typed.text} MB` : `${describeValue(given)}${typeof given === 'number' && Number.isFinite(given) ? ' MB' : ''}`
      out.push({
        path,
        message: `Ephemeral storage is fixed at ${formatPlainNumber(minMb)} MB on ${sheetPhrase(sheet)}; got ${shown}. Switch to the current sheet to size it.`,
      })
    }
    return
  }
  const allowed = `Allowed: ${formatPlainNumber(minMb)} to ${formatPlainNumber(maxMb)} MB.`
  if (typed?.tiny) {
    out.push({ path, message: tooClose('Ephemeral storage', typed, ' MB', allowed) })
    return
  }
  const value = typed ? typed.standIn : given
  const shown = typed ? typed.text : typeof value === 'number' ? formatPlainNumber(value) : ''
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber('Ephemeral storage', 'a number of MB', value, allowed) })
  } else if (!Number.isFinite(value) || !Number.isInteger(value)) {
    out.push({ path, message: `Ephemeral storage must be a whole number of MB; got ${describeValue(value)} MB. ${allowed}` })
  } else if (value < minMb || value > maxMb) {
    out.push({
      path,
      message: `Ephemeral storage must be between ${formatPlainNumber(minMb)} and ${formatPlainNumber(maxMb)} MB; got ${shown} MB.`,
    })
  } else if (value > includedMb && region !== undefined && sheet.regions[region]?.storageUsdPerGbSecond === null) {
    out.push({
      path,
      message: `Ephemeral storage above ${formatPlainNumber(includedMb)} MB cannot be priced in ${region}: its storage price is not in this price sheet; got ${shown} MB. Allowed there: ${formatPlainNumber(includedMb)} MB, or choose another region.`,
    })
  }
}

function checkArchitecture(value: unknown, sheet: PriceSheetData, path: string, out: InputProblem[]): void {
  if (value === undefined) return
  if (typeof value !== 'string' || !ARCHITECTURES.includes(value)) {
    out.push({ path, message: `Architecture must be ${orList(ARCHITECTURES)}; got ${describeValue(value)}.` })
  } else if (!sheet.architectures.includes(value as Architecture)) {
    out.push({
      path,
      message: `Architecture ${value} is not on ${sheetPhrase(sheet)}, which offers ${sheet.architectures.join(' and ')} only. Switch to the current sheet for ${value}.`,
    })
  }
}

/** A number in [min, max] (fractions allowed), or a problem naming the field, the value and the range. */
export function checkRange(
  given: unknown,
  field: string,
  unit: string,
  min: number,
  max: number,
  path: string,
  out: InputProblem[],
  note = '',
): boolean {
  if (given === undefined) return true
  if (typeof given === 'number' && given >= min && given <= max) return true
  const u = unit === '%' ? ' %' : unit ? ` ${unit}` : ''
  const allowed = `Allowed: ${formatPlainNumber(min)} to ${formatPlainNumber(max)}${u}${note}.`
  const typed = beyondDoubles(given)
  if (typed?.tiny) {
    out.push({ path, message: tooClose(field, typed, u, allowed) })
    return false
  }
  const value = typed ? typed.standIn : given
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber(field, unit === '%' ? 'a percentage' : `a number${unit ? ` of ${unit}` : ''}`, value, allowed) })
  } else {
    const shown = typed ? `${typed.text}${u}` : `${describeValue(value)}${Number.isFinite(value) ? u : ''}`
    out.push({
      path,
      message: `${field} must be between ${formatPlainNumber(min)} and ${formatPlainNumber(max)}${u}${note}; got ${shown}.`,
    })
  }
  return false
}

/** A whole number in [min, max], or a problem naming the field, the value and the range. */
function checkWhole(given: unknown, field: string, what: string, min: number, max: number, path: string, out: InputProblem[]): boolean {
  if (given === undefined) return true
  if (typeof given === 'number' && Number.isInteger(given) && given >= min && given <= max) return true
  const allowed = `Allowed: a whole number from ${formatPlainNumber(min)} to ${formatPlainNumber(max)}.`
  const typed = beyondDoubles(given)
  if (typed?.tiny) {
    out.push({ path, message: tooClose(field, typed, '', allowed) })
    return false
  }
  const value = typed ? typed.standIn : given
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber(field, `a whole number of ${what}`, value, allowed) })
  } else if (!Number.isFinite(value) || !Number.isInteger(value)) {
    out.push({ path, message: `${field} must be a whole number of ${what}; got ${describeValue(value)}. ${allowed}` })
  } else {
    out.push({
      path,
      message: `${field} must be between ${formatPlainNumber(min)} and ${formatPlainNumber(max)} ${what}; got ${typed ? typed.text : formatPlainNumber(value)}.`,
    })
  }
  return false
}

/**
 * One field checked by its entry in the fields table (type, range, choices,
 * length); true when its value is allowed. Says what is wrong otherwise.
 */
export function checkField(spec: FieldSpec, given: unknown, path: string, out: InputProblem[]): boolean {
  switch (spec.type) {
    case 'number':
      return checkRange(given, spec.name, spec.unit ?? '', spec.min ?? -Infinity, spec.max ?? Infinity, path, out, spec.rangeNote)
    case 'whole':
      if (!checkWhole(given, spec.name, spec.counts ?? spec.unit ?? 'units', spec.min ?? -Infinity, spec.max ?? Infinity, path, out)) return false
      if (spec.oneOf === undefined || given === undefined || spec.oneOf.includes(given as number)) return true
      out.push({ path, message: `${spec.name} must be ${orList(spec.oneOf.map(String))} ${spec.counts ?? ''}; got ${describeValue(given)}.` })
      return false
    case 'boolean':
      if (given === undefined || typeof given === 'boolean') return true
      out.push({ path, message: `${spec.name} must be true or false; got ${describeValue(given)}.` })
      return false
    case 'choice': {
      const values = (spec.choices ?? []).map((c) => c.value)
      if (given === undefined || values.includes(given as string)) return true
      out.push({ path, message: `${spec.name} must be ${orList(values)}; got ${describeValue(given)}.` })
      return false
    }
    case 'text':
      if (given === undefined || (typeof given === 'string' && (spec.max === undefined || characterCount(given, spec.max) <= spec.max))) return true
      out.push({
        path,
        message: `${spec.name} must be text${spec.max === undefined ? '' : ` of at most ${spec.max} characters`}; got ${describeValue(given)}.`,
      })
      return false
  }
}

/**
 * Thrown by `estimate` when its input is invalid; carries every problem.
 *
 * @example
 * try { estimate(input) } catch (e) { if (e instanceof InvalidInputError) showProblems(e.problems) }
 */
export class InvalidInputError extends Error {
  readonly problems: InputProblem[]

  constructor(problems: InputProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
    this.name = 'InvalidInputError'
    this.problems = problems
  }
}

/** Requests a month for one request per unit, as a double: only for quick accepts far inside the limit. NaN for anything not a unit (NaN fails every check). */
export function approxPerMonth(per: unknown): number {
  const factor = REQUEST_UNIT_FACTORS.get(per === undefined ? 'month' : (per as string))
  return factor ? factor[0] / factor[1] : NaN
}

/** The problem with an estimate input that is not an object. */
export function notAnEstimate(input: unknown): InputProblem {
  return { path: '', message: `The estimate input must be an object with a price sheet and functions; got ${describeValue(input)}.` }
}

/** The problem with a function that is not an object. */
function notAFunction(index: number, given: unknown): InputProblem {
  return {
    path: `functions.${index}`,
    message: `Function ${index + 1} must be an object with memory, duration and requests; got ${describeValue(given)}.`,
  }
}

/**
 * The account's fields of an estimate input checked (its sheet among `sheets`,
 * region, free tiers, Savings Plan) and its keys that are no field named:
 * with the sheet and region the functions are checked against (undefined where
 * they are not known). `isFunctionField` tells a function's field set on the
 * estimate by mistake.
 */
export function checkAccount(
  input: Record<string, unknown>,
  sheets: Readonly<Record<string, PriceSheetData>>,
  isFunctionField: (key: string) => boolean,
  out: InputProblem[],
): { sheet: PriceSheetData | undefined; region: string | undefined } {
  const sheetId = input.sheet
  const known = typeof sheetId === 'string' && Object.prototype.hasOwnProperty.call(sheets, sheetId)
  if (!known) {
    out.push({ path: 'sheet', message: `Price sheet ${describeValue(sheetId)} is not known. Allowed: ${Object.keys(sheets).join(', ')}.` })
  }
  const sheet = known ? sheets[sheetId] : undefined
  let region: string | undefined
  if (input.region !== undefined) {
    if (typeof input.region !== 'string' || (sheet && !Object.prototype.hasOwnProperty.call(sheet.regions, input.region))) {
      const allowed = sheet ? ` Allowed on ${sheetPhrase(sheet)}: ${Object.keys(sheet.regions).join(', ')}.` : ''
      out.push({ path: 'region', message: `Region ${describeValue(input.region)} is not known.${allowed}` })
    } else {
      region = input.region
    }
  } else if (sheet) {
    region = sheet.defaultRegion
  }
  if (input.freeTier !== undefined && typeof input.freeTier !== 'boolean') {
    out.push({ path: 'freeTier', message: `Include free tier must be true or false; got ${describeValue(input.freeTier)}.` })
  }
  if (input.apiGatewayFreeTier !== undefined && typeof input.apiGatewayFreeTier !== 'boolean') {
    out.push({ path: 'apiGatewayFreeTier', message: `API Gateway free tier must be true or false; got ${describeValue(input.apiGatewayFreeTier)}.` })
  }
  for (const key in input) {
    if (ESTIMATE_KEYS.includes(key) || input[key] === undefined) continue
    const near = (key.length >= 3 && ESTIMATE_KEYS.find((k) => k.toLowerCase().startsWith(key.toLowerCase()))) || nearestName(key, ESTIMATE_KEYS)
    out.push({
      path: key,
      message: near
        ? `Unknown field ${describeValue(key)} on the estimate: did you mean "${near}"? As written it would be ignored and a different bill priced.`
        : isFunctionField(key)
          ? `Unknown field ${describeValue(key)} on the estimate: ${key} is a function's field; set it on each function in functions.`
          : `Unknown field ${describeValue(key)} on the estimate: the estimate takes ${ESTIMATE_KEYS.join(', ')}; as written it would be ignored and a different bill priced.`,
    })
  }
  if (input.savingsPlanPercent !== undefined) {
    const plan = SAVINGS_PLAN
    if (checkRange(input.savingsPlanPercent, plan.name, plan.unit!, plan.min!, plan.max!, 'savingsPlanPercent', out, plan.rangeNote)) {
      if (sheet && !sheet.extraMeters && input.savingsPlanPercent !== 0) {
        out.push({
          path: 'savingsPlanPercent',
          message: `A Compute Savings Plan is not on ${sheetPhrase(sheet)}: Savings Plans began in 2019; got ${describeValue(input.savingsPlanPercent)} %. Set it to 0 or switch to the current sheet.`,
        })
      }
    }
  }
  return { sheet, region }
}

/**
 * The estimate's functions, or null (with the problem said) where there is no
 * list to read: not a list, or longer than an estimate holds. An empty list is
 * a problem too, and given back.
 */
export function functionList(input: Record<string, unknown>, out: InputProblem[]): readonly unknown[] | null {
  const functions = input.functions
  if (!Array.isArray(functions)) {
    out.push({ path: 'functions', message: `Functions must be a list of one or more functions; got ${describeValue(functions)}.` })
    return null
  }
  if (functions.length === 0) {
    out.push({ path: 'functions', message: 'At least one function is needed; got none.' })
  } else if (functions.length > MAX_FUNCTIONS) {
    out.push({ path: 'functions', message: `At most ${MAX_FUNCTIONS} functions fit in one estimate; got ${functions.length}.` })
    return null
  }
  return functions
}

/**
 * Calls `check` for each function that is an object, with its path
 * (`functions.0`); any other is a problem. By index, not forEach: a sparse
 * list's holes are functions too, and invalid ones.
 */
export function eachFunction(
  functions: readonly unknown[],
  out: InputProblem[],
  check: (given: Record<string, unknown>, index: number, base: string) => void,
): void {
  for (let i = 0; i < functions.length; i++) {
    const given: unknown = functions[i]
    if (isObject(given)) check(given, i, `functions.${i}`)
    else out.push(notAFunction(i, given))
  }
}

/**
 * The fields every sheet bills, on one function read from the input: name,
 * request unit, memory, duration, architecture and storage (against `sheet`,
 * where it is known) and requests. `managed`: a Managed Instances function,
 * whose memory has its own range.
 */
export function checkCoreFields(
  fn: Record<string, unknown>,
  sheet: PriceSheetData | undefined,
  region: string | undefined,
  base: string,
  out: InputProblem[],
  managed = false,
): void {
  if (!fieldAllows(NAME, fn.name)) checkField(NAME, fn.name, `${base}.name`, out)
  if (fn.per !== undefined && !isRequestUnit(fn.per)) {
    out.push({ path: `${base}.per`, message: `Request unit must be one of ${REQUEST_UNITS.join(', ')}; got ${describeValue(fn.per)}.` })
  }
  if (sheet) {
    checkMemory(fn.memoryMb, sheet, `${base}.memoryMb`, out, managed)
    checkDuration(fn.durationMs, sheet, `${base}.durationMs`, out)
    checkArchitecture(fn.architecture, sheet, `${base}.architecture`, out)
    checkStorage(fn.ephemeralStorageMb, sheet, region, `${base}.ephemeralStorageMb`, out)
  }
  checkRequests(fn.requests, fn.per, `${base}.requests`, out)
}

/** An architecture the sheet offers but prices nowhere in `region`: a problem, not a bill. */
export function checkArchitecturePriced(
  architecture: unknown,
  sheet: PriceSheetData,
  region: string | undefined,
  base: string,
  out: InputProblem[],
): void {
  if (
    region !== undefined &&
    typeof architecture === 'string' &&
    sheet.architectures.includes(architecture as Architecture) &&
    sheet.regions[region] !== undefined &&
    sheet.regions[region]!.compute[architecture as Architecture] === undefined
  ) {
    const priced = sheet.architectures.filter((a) => sheet.regions[region]!.compute[a] !== undefined)
    out.push({
      path: `${base}.architecture`,
      message: `Architecture ${architecture} has no price in ${region} on ${sheetPhrase(sheet)}: only ${priced.join(' and ')} is priced there. Choose ${priced[0] ?? 'another architecture'} or another region.`,
    })
  }
}
