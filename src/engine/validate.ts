import { checkCombinations } from './combinations'
import { groupThousands, parseNumber, toDecimalString } from './decimal'
import {
  ACCOUNT_FIELDS,
  CURRENT_ONLY_FIELDS,
  FUNCTION_FIELD_BY_KEY,
  nearestName,
  fieldAllows,
  FUNCTION_FIELDS,
  functionField,
  MAX_FUNCTIONS,
  MAX_REQUESTS_PER_MONTH,
  nearestFieldKey,
  type FieldSpec,
} from './fields'
import { isRequestUnit, REQUEST_UNIT_FACTORS, REQUEST_UNIT_LABELS, REQUEST_UNITS, requestsPerMonth } from './requests'
import { isPriceSheetId, PRICE_SHEET_IDS, PRICE_SHEETS } from './sheets/registry'
import type { PriceSheetData } from './sheets/sheet-data'
import { characterCount, orList, quoteText } from './text'
import type { Architecture, EstimateInput, FunctionInput, InputProblem } from './types'

// series.ts reads the request limit from here; the limits are written in fields.ts.
export { MAX_REQUESTS_PER_MONTH }

const NAME = functionField('name')
const ARCHITECTURES: readonly string[] = functionField('architecture').choices!.map((c) => c.value)
const PROVISIONED_CONCURRENCY = functionField('provisionedConcurrency')
const PROVISIONED_HOURS = functionField('provisionedHours')
const PROVISIONED_SHARE = functionField('provisionedSharePercent')

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

const SAVINGS_PLAN = ACCOUNT_FIELDS.find((f) => f.key === 'savingsPlanPercent')!

/**
 * The estimate's own fields: the account's and the list of functions.
 *
 * @example ESTIMATE_KEYS // ['sheet', 'region', 'freeTier', 'savingsPlanPercent', 'functions']
 */
export const ESTIMATE_KEYS: readonly string[] = [...ACCOUNT_FIELDS.map((f) => f.key), 'functions']

/** A number in [min, max] (fractions allowed), or a problem naming the field, the value and the range. */
function checkRange(given: unknown, field: string, unit: string, min: number, max: number, path: string, out: InputProblem[], note = ''): boolean {
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
function checkField(spec: FieldSpec, given: unknown, path: string, out: InputProblem[]): boolean {
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
 * The inputs only the current sheet bills, each by its entry in the fields
 * table; then whether provisioned environments can serve their requests.
 * (Which of them AWS allows together is `checkCombinations`.)
 */
function checkExtras(fn: Record<string, unknown>, sheet: PriceSheetData | undefined, base: string, out: InputProblem[]): void {
  for (const spec of CURRENT_ONLY_FIELDS) {
    const value = fn[spec.key]
    if (!fieldAllows(spec, value)) checkField(spec, value, `${base}.${spec.key}`, out)
  }
  // Only where the sheet bills these inputs (the classic sheet ignores them); Lambda@Edge
  // and SnapStart allow no provisioned concurrency at all (checkCombinations says so).
  if (!sheet?.extraMeters || fn.edge === true || (fn.snapStart !== undefined && fn.snapStart !== 'off')) return
  const pc = fn.provisionedConcurrency
  if (typeof pc !== 'number' || !(pc > 0) || !fieldAllows(PROVISIONED_CONCURRENCY, pc)) return
  if (fieldAllows(PROVISIONED_HOURS, fn.provisionedHours) && fieldAllows(PROVISIONED_SHARE, fn.provisionedSharePercent)) {
    checkProvisionedFit(fn, pc, base, out)
  }
}

/** Served requests x duration (s) must fit in concurrency x hours x 3,600 environment-seconds. */
function checkProvisionedFit(fn: Record<string, unknown>, pc: number, base: string, out: InputProblem[]): void {
  const { durationMs, requests, per } = fn
  if (typeof durationMs !== 'number' || !(durationMs > 0) || !Number.isFinite(durationMs)) return
  if (typeof requests !== 'number' || !(requests >= 0) || !Number.isFinite(requests)) return
  if (per !== undefined && !isRequestUnit(per)) return
  const hours = (fn.provisionedHours as number | undefined) ?? (PROVISIONED_HOURS.default as number)
  const share = (fn.provisionedSharePercent as number | undefined) ?? (PROVISIONED_SHARE.default as number)
  const monthly = requestsPerMonth(requests, per ?? 'month')
  // Quick accept far from the limit, in doubles; exact otherwise.
  const approxNeed = (Number(monthly.n) / Number(monthly.d)) * (share / 100) * (durationMs / 1000)
  const approxHave = pc * hours * 3600
  if (approxNeed < approxHave * 0.999999) return
  const s = parseNumber(share)
  const d = parseNumber(durationMs)
  const h = parseNumber(hours)
  // need = monthly x s/100 x d/1000 seconds; have = pc x h x 3600 seconds
  const needN = monthly.n * s.n * d.n
  const needD = monthly.d * s.d * d.d * 100_000n
  const haveN = BigInt(pc) * h.n * 3600n
  const haveD = h.d
  if (needN * haveD <= haveN * needD) return
  const served = { n: monthly.n * s.n, d: monthly.d * s.d * 100n }
  const needSeconds = toDecimalString(needN, needD, 0)
  let advice: string
  if (h.n === 0n) {
    advice = 'Set the hours above 0, or the share served by provisioned concurrency to 0 %.'
  } else {
    // environments needed = ceil(need / (h x 3600))
    const envN = needN * h.d
    const envD = needD * h.n * 3600n
    const envs = (envN + envD - 1n) / envD
    advice = `That volume needs at least ${groupThousands(envs.toString())} environments for ${formatPlainNumber(hours)} hours, or fewer requests served by them.`
  }
  out.push({
    path: `${base}.provisionedConcurrency`,
    message: `${formatPlainNumber(pc)} provisioned environments for ${formatPlainNumber(hours)} hours give ${groupThousands(toDecimalString(haveN, haveD, 0))} environment-seconds, but the ${groupThousands(toDecimalString(served.n, served.d, 2))} requests they serve at ${formatPlainNumber(durationMs)} ms need ${groupThousands(needSeconds)}. ${advice}`,
  })
}

/**
 * Every problem with an estimate input, all at once; `[]` when it is valid.
 * Each problem names the field (`path`, e.g. `functions.0.memoryMb`), the value
 * given and what is allowed. Never throws, whatever it is given.
 *
 * @example
 * validateInput({ sheet: 'aws-2016', functions: [{ memoryMb: 500, durationMs: 100, requests: 1 }] })
 * // [{ path: 'functions.0.memoryMb', message: 'Memory must be a multiple of 64 MB on the classic 2016 sheet; got 500 MB. Nearest allowed: 448 or 512 MB.' }]
 */
export function validateInput(input: unknown): InputProblem[] {
  const out: InputProblem[] = []
  if (!isObject(input)) {
    return [{ path: '', message: `The estimate input must be an object with a price sheet and functions; got ${describeValue(input)}.` }]
  }
  const sheetId = input.sheet
  if (!isPriceSheetId(sheetId)) {
    out.push({ path: 'sheet', message: `Price sheet ${describeValue(sheetId)} is not known. Allowed: ${PRICE_SHEET_IDS.join(', ')}.` })
  }
  const sheet = isPriceSheetId(sheetId) ? PRICE_SHEETS[sheetId] : undefined
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
        : FUNCTION_FIELD_BY_KEY.has(key)
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
  const functions = input.functions
  if (!Array.isArray(functions)) {
    out.push({ path: 'functions', message: `Functions must be a list of one or more functions; got ${describeValue(functions)}.` })
    return out
  }
  if (functions.length === 0) {
    out.push({ path: 'functions', message: 'At least one function is needed; got none.' })
  } else if (functions.length > MAX_FUNCTIONS) {
    out.push({ path: 'functions', message: `At most ${MAX_FUNCTIONS} functions fit in one estimate; got ${functions.length}.` })
    return out
  }
  // By index, not forEach: a sparse list's holes are functions too, and invalid ones.
  for (let i = 0; i < functions.length; i++) {
    const given: unknown = functions[i]
    const base = `functions.${i}`
    if (!isObject(given)) {
      out.push({ path: base, message: `Function ${i + 1} must be an object with memory, duration and requests; got ${describeValue(given)}.` })
      continue
    }
    const fn = unsetFunction()
    const seen = readFields(given, fn)
    if (seen < 0) for (const key of unknownKeysOf(given)) out.push({ path: `${base}.${key}`, message: unknownFieldMessage(key, i) })
    if (!fieldAllows(NAME, fn.name)) checkField(NAME, fn.name, `${base}.name`, out)
    if (fn.per !== undefined && !isRequestUnit(fn.per)) {
      out.push({ path: `${base}.per`, message: `Request unit must be one of ${REQUEST_UNITS.join(', ')}; got ${describeValue(fn.per)}.` })
    }
    if (sheet) {
      checkMemory(fn.memoryMb, sheet, `${base}.memoryMb`, out, fn.compute === 'managed-instances')
      checkDuration(fn.durationMs, sheet, `${base}.durationMs`, out)
      checkArchitecture(fn.architecture, sheet, `${base}.architecture`, out)
      checkStorage(fn.ephemeralStorageMb, sheet, region, `${base}.ephemeralStorageMb`, out)
    }
    checkRequests(fn.requests, fn.per, `${base}.requests`, out)
    if ((seen & CURRENT_ONLY_SEEN) !== 0) checkExtras(fn, sheet, base, out)
    if (sheet) checkCombinations(fn, sheet, region, base, out)
  }
  return out
}

/**
 * The fields a misspelt key may have meant: the nearest by spelling, else those
 * it begins (`coldStart` for `coldStartPercent`).
 */
function fieldsLike(key: string): string[] {
  const near = nearestFieldKey(key)
  if (near) return [near]
  const given = key.toLowerCase()
  return given.length < 3 ? [] : FUNCTION_FIELDS.filter((f) => f.key.toLowerCase().startsWith(given)).map((f) => f.key)
}

/** A key on function `index` (from 0) that is no function field: the field it may mean, or every field there is. */
function unknownFieldMessage(key: string, index: number): string {
  const like = fieldsLike(key).map((k) => `"${k}"`)
  const start = `Unknown field ${describeValue(key)} on function ${index + 1}`
  if (ESTIMATE_KEYS.includes(key))
    return `${start}: ${key} is the estimate's own field, for the whole account: set it beside sheet and region, not on a function.`
  return like.length > 0
    ? `${start}: did you mean ${like.length > 1 ? `one of ${orList(like)}` : like[0]}? As written it would be ignored and a different bill priced.`
    : `${start}: no function field has that name or one like it, so it would be ignored and a different bill priced. The fields a function takes are those of FunctionInput: ${FUNCTION_FIELDS.map((f) => f.key).join(', ')}.`
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

/** The function fields' names, in table order. */
const FIELD_KEYS: readonly string[] = FUNCTION_FIELDS.map((f) => f.key)
const FIELD_COUNT = FIELD_KEYS.length

/** Every function field, unset, in table order: each read function starts as a copy of it. */
const UNSET: Readonly<Record<string, unknown>> = Object.fromEntries(FIELD_KEYS.map((key) => [key, undefined]))

/**
 * The position of field `key` in the table; the field count when `key` is no
 * field. The names for...in gives are interned, so each comparison is a pointer
 * comparison, and the common fields come first: no slower than a Map here.
 */
function fieldIndex(key: string): number {
  let index = 0
  while (index < FIELD_COUNT && FIELD_KEYS[index] !== key) index++
  return index
}

/**
 * Stores `value` as the field at `index`. Each case stores one field name, so
 * V8 compiles it as a plain property store; one store for every name
 * (`into[key] = value`) takes V8's slow path for stores of many names, which
 * cost about 9 % of estimateTotal() on varied inputs. Fields after the 32nd share
 * that slower store.
 */
function storeField(into: Record<string, unknown>, index: number, value: unknown): void {
  // prettier-ignore
  switch (index) {
    case 0: into[FIELD_KEYS[0]!] = value; return
    case 1: into[FIELD_KEYS[1]!] = value; return
    case 2: into[FIELD_KEYS[2]!] = value; return
    case 3: into[FIELD_KEYS[3]!] = value; return
    case 4: into[FIELD_KEYS[4]!] = value; return
    case 5: into[FIELD_KEYS[5]!] = value; return
    case 6: into[FIELD_KEYS[6]!] = value; return
    case 7: into[FIELD_KEYS[7]!] = value; return
    case 8: into[FIELD_KEYS[8]!] = value; return
    case 9: into[FIELD_KEYS[9]!] = value; return
    case 10: into[FIELD_KEYS[10]!] = value; return
    case 11: into[FIELD_KEYS[11]!] = value; return
    case 12: into[FIELD_KEYS[12]!] = value; return
    case 13: into[FIELD_KEYS[13]!] = value; return
    case 14: into[FIELD_KEYS[14]!] = value; return
    case 15: into[FIELD_KEYS[15]!] = value; return
    case 16: into[FIELD_KEYS[16]!] = value; return
    case 17: into[FIELD_KEYS[17]!] = value; return
    case 18: into[FIELD_KEYS[18]!] = value; return
    case 19: into[FIELD_KEYS[19]!] = value; return
    case 20: into[FIELD_KEYS[20]!] = value; return
    case 21: into[FIELD_KEYS[21]!] = value; return
    case 22: into[FIELD_KEYS[22]!] = value; return
    case 23: into[FIELD_KEYS[23]!] = value; return
    case 24: into[FIELD_KEYS[24]!] = value; return
    case 25: into[FIELD_KEYS[25]!] = value; return
    case 26: into[FIELD_KEYS[26]!] = value; return
    case 27: into[FIELD_KEYS[27]!] = value; return
    case 28: into[FIELD_KEYS[28]!] = value; return
    case 29: into[FIELD_KEYS[29]!] = value; return
    case 30: into[FIELD_KEYS[30]!] = value; return
    case 31: into[FIELD_KEYS[31]!] = value; return
    default: into[FIELD_KEYS[index]!] = value
  }
}

/**
 * The bit `readFields` sets for the field at `index` in the table: a bit of its
 * own for the first 30 fields, one shared bit for any after them.
 *
 * @example fieldBit(0) // 1
 */
export function fieldBit(index: number): number {
  return 1 << Math.min(index, 30)
}

/** The `fieldBit`s of the fields only the current sheet bills. */
const CURRENT_ONLY_SEEN = CURRENT_ONLY_FIELDS.reduce((bits, f) => bits | fieldBit(FIELD_KEYS.indexOf(f.key)), 0)

/** Set in `readFields`'s answer (making it negative) when the input has a key that is no field. */
export const UNKNOWN_KEY = 1 << 31

/**
 * A new function with every field present and unset, in the fixed shape
 * `readFields` fills.
 *
 * @example unsetFunction().memoryMb // undefined
 */
export function unsetFunction(): Record<string, unknown> {
  return { ...UNSET }
}

/**
 * Copies `from`'s fields into `into` (made by `unsetFunction`): the fields
 * seen, as `fieldBit`s, with `UNKNOWN_KEY` set when `from` has a key that is no
 * field and a value (a key set to undefined is the same as no key).
 */
export function readFields(from: object, into: Record<string, unknown>): number {
  const given = from as Record<string, unknown>
  let seen = 0
  for (const key in given) {
    const index = fieldIndex(key)
    if (index < FIELD_COUNT) {
      // given[key] inside for...in is read through V8's fast path for it.
      storeField(into, index, given[key])
      seen |= fieldBit(index)
    } else if (given[key] !== undefined) {
      seen |= UNKNOWN_KEY
    }
  }
  return seen
}

/**
 * A function input read once into one fixed shape (every field of the fields
 * table present, in its order), so the engine's later reads of it stay
 * monomorphic. Only its enumerable properties are read, by `for...in`.
 * Validation reads this copy too, so what is checked is what is priced. Keys
 * that are no field are left out of the copy; those with a value are added to
 * `unknownKeys` when it is given.
 *
 * @example readFunction({ memoryMb: 512, durationMs: 1, requests: 1 }).edge // undefined
 */
export function readFunction(fn: object, unknownKeys?: string[]): FunctionInput {
  const o = unsetFunction()
  if (readFields(fn, o) < 0 && unknownKeys) unknownKeys.push(...unknownKeysOf(fn))
  return o as unknown as FunctionInput
}

/** The keys of `fn` that are no field, with a value (as `readFields` counts them). */
function unknownKeysOf(fn: object): string[] {
  const given = fn as Record<string, unknown>
  const out: string[] = []
  for (const key in given) if (fieldIndex(key) === FIELD_COUNT && given[key] !== undefined) out.push(key)
  return out
}

/**
 * A copy of a valid input that later changes by the caller cannot reach, every
 * function in one fixed shape (unset fields present as `undefined`).
 *
 * @example copyInput({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 1 }] }).functions[0].per // undefined
 */
export function copyInput(input: EstimateInput): EstimateInput {
  const functions = input.functions
  const copy = new Array<FunctionInput>(functions.length)
  for (let i = 0; i < functions.length; i++) copy[i] = readFunction(functions[i]!)
  const out: EstimateInput = { sheet: input.sheet, region: input.region, freeTier: input.freeTier, functions: copy }
  if (input.savingsPlanPercent !== undefined) out.savingsPlanPercent = input.savingsPlanPercent
  if (input.apiGatewayFreeTier !== undefined) out.apiGatewayFreeTier = input.apiGatewayFreeTier
  return out
}

/** Requests a month for one request per unit, as a double: only for quick accepts far inside the limit. NaN for anything not a unit (NaN fails every check). */
export function approxPerMonth(per: unknown): number {
  const factor = REQUEST_UNIT_FACTORS.get(per === undefined ? 'month' : (per as string))
  return factor ? factor[0] / factor[1] : NaN
}
