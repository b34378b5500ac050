import { groupThousands, toDecimalString } from './decimal'
import { isRequestUnit, REQUEST_UNIT_LABELS, REQUESTS_PER_MONTH_PER_UNIT, REQUEST_UNITS, requestsPerMonth } from './requests'
import { isPriceSheetId, PRICE_SHEET_IDS, PRICE_SHEETS } from './sheets/registry'
import type { PriceSheetData } from './sheets/sheet-data'
import type { Architecture, InputProblem } from './types'

/**
 * The most requests a month the engine accepts for one function: 10^15.
 *
 * @example validateInput({ sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 1, requests: 2e15 }] }).length // 1
 */
export const MAX_REQUESTS_PER_MONTH = 1_000_000_000_000_000
/**
 * The most functions one estimate may hold.
 *
 * @example MAX_FUNCTIONS // 50
 */
export const MAX_FUNCTIONS = 50
/**
 * The longest function name, characters.
 *
 * @example MAX_NAME_LENGTH // 64
 */
export const MAX_NAME_LENGTH = 64

const ARCHITECTURES: readonly Architecture[] = ['x86_64', 'arm64']

/** The name users know a sheet by, for messages: "the classic 2016 sheet". */
export function sheetPhrase(sheet: PriceSheetData): string {
  return sheet.id === 'aws-2016' ? 'the classic 2016 sheet' : 'the current sheet'
}

/** A number as users write it, with thousands separators: 4096 -> "4,096". */
export function formatPlainNumber(value: number): string {
  const text = String(value)
  return /e/i.test(text) ? text : groupThousands(text)
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
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}\u2026` : value
    return JSON.stringify(shown)
  }
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  return String(value)
}

const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkMemory(value: unknown, sheet: PriceSheetData, path: string, out: InputProblem[]): void {
  const { minMb, maxMb, stepMb } = sheet.memory
  if (typeof value === 'number' && Number.isInteger(value) && value >= minMb && value <= maxMb && (value - minMb) % stepMb === 0) return
  const allowed = `Allowed on ${sheetPhrase(sheet)}: ${formatPlainNumber(minMb)} to ${formatPlainNumber(maxMb)} MB${stepMb > 1 ? ` in steps of ${stepMb} MB` : ''}.`
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber('Memory', 'a number of MB', value, allowed) })
  } else if (!Number.isFinite(value) || !Number.isInteger(value)) {
    out.push({ path, message: `Memory must be a whole number of MB; got ${describeValue(value)} MB. ${allowed}` })
  } else if (value < minMb || value > maxMb) {
    out.push({
      path,
      message: `Memory must be between ${formatPlainNumber(minMb)} and ${formatPlainNumber(maxMb)} MB on ${sheetPhrase(sheet)}; got ${formatPlainNumber(value)} MB.`,
    })
  } else if ((value - minMb) % stepMb !== 0) {
    const below = value - ((value - minMb) % stepMb)
    out.push({
      path,
      message: `Memory must be a multiple of ${stepMb} MB on ${sheetPhrase(sheet)}; got ${formatPlainNumber(value)} MB. Nearest allowed: ${formatPlainNumber(below)} or ${formatPlainNumber(below + stepMb)} MB.`,
    })
  }
}

function checkDuration(value: unknown, sheet: PriceSheetData, path: string, out: InputProblem[]): void {
  if (typeof value === 'number' && value > 0 && value <= sheet.maxDurationMs) return
  const max = formatPlainNumber(sheet.maxDurationMs)
  const allowed = `Allowed: above 0 and up to ${max} ms (${sheet.maxDurationMs / 60_000} minutes).`
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber('Duration', 'a number of ms', value, allowed) })
  } else if (!Number.isFinite(value)) {
    out.push({ path, message: `Duration must be a finite number of ms; got ${describeValue(value)}. ${allowed}` })
  } else if (value <= 0) {
    out.push({ path, message: `Duration must be above 0 ms; got ${formatPlainNumber(value)} ms. ${allowed}` })
  } else if (value > sheet.maxDurationMs) {
    out.push({
      path,
      message: `Duration must be at most ${max} ms (the ${sheet.maxDurationMs / 60_000}-minute limit); got ${formatPlainNumber(value)} ms.`,
    })
  }
}

function checkRequests(value: unknown, per: unknown, path: string, out: InputProblem[]): void {
  if (typeof value === 'number' && value >= 0 && (per === undefined || isRequestUnit(per))) {
    // Clearly inside the limit: no need for the exact comparison below.
    const factor = REQUESTS_PER_MONTH_PER_UNIT[per ?? 'month']
    if ((value * Number(factor.n)) / Number(factor.d) < MAX_REQUESTS_PER_MONTH * 0.999999) return
  }
  const allowed = `Allowed: 0 up to ${formatPlainNumber(MAX_REQUESTS_PER_MONTH)} (10^15) a month.`
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber('Requests', 'a number', value, allowed) })
  } else if (!Number.isFinite(value)) {
    out.push({ path, message: `Requests must be a finite number; got ${describeValue(value)}. ${allowed}` })
  } else if (value < 0) {
    out.push({ path, message: `Requests must be 0 or more; got ${formatPlainNumber(value)}. ${allowed}` })
  } else if (per === undefined || isRequestUnit(per)) {
    const unit = per ?? 'month'
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

function checkStorage(value: unknown, sheet: PriceSheetData, region: string | undefined, path: string, out: InputProblem[]): void {
  if (value === undefined) return
  const { minMb, maxMb, includedMb } = sheet.ephemeralStorage
  if (minMb === maxMb) {
    if (value !== minMb) {
      out.push({
        path,
        message: `Ephemeral storage is fixed at ${formatPlainNumber(minMb)} MB on ${sheetPhrase(sheet)}; got ${describeValue(value)}${typeof value === 'number' ? ' MB' : ''}. Switch to the current sheet to size it.`,
      })
    }
    return
  }
  const allowed = `Allowed: ${formatPlainNumber(minMb)} to ${formatPlainNumber(maxMb)} MB.`
  if (typeof value !== 'number' || Number.isNaN(value)) {
    out.push({ path, message: notANumber('Ephemeral storage', 'a number of MB', value, allowed) })
  } else if (!Number.isFinite(value) || !Number.isInteger(value)) {
    out.push({ path, message: `Ephemeral storage must be a whole number of MB; got ${describeValue(value)} MB. ${allowed}` })
  } else if (value < minMb || value > maxMb) {
    out.push({
      path,
      message: `Ephemeral storage must be between ${formatPlainNumber(minMb)} and ${formatPlainNumber(maxMb)} MB; got ${formatPlainNumber(value)} MB.`,
    })
  } else if (value > includedMb && region !== undefined && sheet.regions[region]?.storageUsdPerGbSecond === null) {
    out.push({
      path,
      message: `Ephemeral storage above ${formatPlainNumber(includedMb)} MB cannot be priced in ${region}: its storage price is not in this price sheet; got ${formatPlainNumber(value)} MB. Allowed there: ${formatPlainNumber(includedMb)} MB, or choose another region.`,
    })
  }
}

function checkArchitecture(value: unknown, sheet: PriceSheetData, path: string, out: InputProblem[]): void {
  if (value === undefined) return
  if (typeof value !== 'string' || !(ARCHITECTURES as readonly string[]).includes(value)) {
    out.push({ path, message: `Architecture must be x86_64 or arm64; got ${describeValue(value)}.` })
  } else if (!sheet.architectures.includes(value as Architecture)) {
    out.push({
      path,
      message: `Architecture ${value} is not on ${sheetPhrase(sheet)}, which offers ${sheet.architectures.join(' and ')} only. Switch to the current sheet for ${value}.`,
    })
  }
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
    const fn: unknown = functions[i]
    const base = `functions.${i}`
    if (!isObject(fn)) {
      out.push({ path: base, message: `Function ${i + 1} must be an object with memory, duration and requests; got ${describeValue(fn)}.` })
      continue
    }
    if (fn.name !== undefined && (typeof fn.name !== 'string' || fn.name.length > MAX_NAME_LENGTH)) {
      out.push({ path: `${base}.name`, message: `Name must be text of at most ${MAX_NAME_LENGTH} characters; got ${describeValue(fn.name)}.` })
    }
    if (fn.per !== undefined && !isRequestUnit(fn.per)) {
      out.push({ path: `${base}.per`, message: `Request unit must be one of ${REQUEST_UNITS.join(', ')}; got ${describeValue(fn.per)}.` })
    }
    if (sheet) {
      checkMemory(fn.memoryMb, sheet, `${base}.memoryMb`, out)
      checkDuration(fn.durationMs, sheet, `${base}.durationMs`, out)
      checkArchitecture(fn.architecture, sheet, `${base}.architecture`, out)
      checkStorage(fn.ephemeralStorageMb, sheet, region, `${base}.ephemeralStorageMb`, out)
    }
    checkRequests(fn.requests, fn.per, `${base}.requests`, out)
  }
  return out
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
