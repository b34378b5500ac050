import { groupThousands, parseNumber, toDecimalString } from './decimal'
import {
  functionField,
  HOURS_IN_LONGEST_MONTH,
  HOURS_PER_MONTH,
  MAX_FUNCTIONS,
  MAX_INIT_MS,
  MAX_NAME_LENGTH,
  MAX_PROVISIONED_CONCURRENCY,
  MAX_REQUESTS_PER_MONTH,
  MAX_STREAMED_MB,
} from './fields'
import { isRequestUnit, REQUEST_UNIT_FACTORS, REQUEST_UNIT_LABELS, REQUEST_UNITS, requestsPerMonth } from './requests'
import { isPriceSheetId, PRICE_SHEET_IDS, PRICE_SHEETS } from './sheets/registry'
import type { PriceSheetData } from './sheets/sheet-data'
import { characterCount, quoteText } from './text'
import type { Architecture, EstimateInput, FunctionInput, InputProblem, RequestUnit } from './types'

// series.ts reads the request limit from here; the limits are written in fields.ts.
export { MAX_REQUESTS_PER_MONTH }

const COLD_START = functionField('coldStartPercent')
const PROVISIONED_SHARE = functionField('provisionedSharePercent')

const ARCHITECTURES: readonly Architecture[] = ['x86_64', 'arm64']
const SNAP_START_MODES: readonly string[] = ['off', 'java', 'priced']

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

function checkMemory(given: unknown, sheet: PriceSheetData, path: string, out: InputProblem[]): void {
  const { minMb, maxMb, stepMb } = sheet.memory
  if (typeof given === 'number' && Number.isInteger(given) && given >= minMb && given <= maxMb && (given - minMb) % stepMb === 0) return
  const allowed = `Allowed on ${sheetPhrase(sheet)}: ${formatPlainNumber(minMb)} to ${formatPlainNumber(maxMb)} MB${stepMb > 1 ? ` in steps of ${stepMb} MB` : ''}.`
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
      message: `Memory must be between ${formatPlainNumber(minMb)} and ${formatPlainNumber(maxMb)} MB on ${sheetPhrase(sheet)}; got ${shown} MB.`,
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
  if (typeof value !== 'string' || !(ARCHITECTURES as readonly string[]).includes(value)) {
    out.push({ path, message: `Architecture must be x86_64 or arm64; got ${describeValue(value)}.` })
  } else if (!sheet.architectures.includes(value as Architecture)) {
    out.push({
      path,
      message: `Architecture ${value} is not on ${sheetPhrase(sheet)}, which offers ${sheet.architectures.join(' and ')} only. Switch to the current sheet for ${value}.`,
    })
  }
}

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

/** The 2026 inputs of one function: each value's type and range, then the combinations that make no sense. */
function checkExtras(fn: Record<string, unknown>, sheet: PriceSheetData | undefined, base: string, out: InputProblem[]): void {
  checkRange(fn.coldStartPercent, 'Cold-start share', '%', COLD_START.min!, COLD_START.max!, `${base}.coldStartPercent`, out)
  checkRange(fn.initDurationMs, 'INIT duration', 'ms', 0, MAX_INIT_MS, `${base}.initDurationMs`, out, ' (INIT is capped at 10 seconds)')
  const okPc = checkWhole(
    fn.provisionedConcurrency,
    'Provisioned concurrency',
    'environments',
    0,
    MAX_PROVISIONED_CONCURRENCY,
    `${base}.provisionedConcurrency`,
    out,
  )
  const okHours = checkRange(fn.provisionedHours, 'Provisioned hours', 'hours a month', 0, HOURS_IN_LONGEST_MONTH, `${base}.provisionedHours`, out)
  const okShare = checkRange(
    fn.provisionedSharePercent,
    'Share served by provisioned concurrency',
    '%',
    PROVISIONED_SHARE.min!,
    PROVISIONED_SHARE.max!,
    `${base}.provisionedSharePercent`,
    out,
  )
  if (fn.snapStart !== undefined && (typeof fn.snapStart !== 'string' || !SNAP_START_MODES.includes(fn.snapStart))) {
    out.push({ path: `${base}.snapStart`, message: `SnapStart must be off, java or priced; got ${describeValue(fn.snapStart)}.` })
  }
  checkWhole(fn.snapStartVersions, 'SnapStart versions', 'versions', 1, MAX_PROVISIONED_CONCURRENCY, `${base}.snapStartVersions`, out)
  checkRange(
    fn.snapStartCacheHours,
    'SnapStart cache hours',
    'hours a month',
    0,
    HOURS_IN_LONGEST_MONTH,
    `${base}.snapStartCacheHours`,
    out,
    ' (at least 3 are billed)',
  )
  if (fn.edge !== undefined && typeof fn.edge !== 'boolean') {
    out.push({ path: `${base}.edge`, message: `Lambda@Edge must be true or false; got ${describeValue(fn.edge)}.` })
  }
  const s = fn.streamedMbPerRequest
  if (s !== undefined && !(typeof s === 'number' && s >= 0 && s <= MAX_STREAMED_MB)) {
    const path = `${base}.streamedMbPerRequest`
    const allowed = `Allowed: 0 or more MB per request (at most ${formatPlainNumber(MAX_STREAMED_MB)}).`
    const typed = beyondDoubles(s)
    const value = typed ? typed.standIn : s
    if (typed?.tiny) out.push({ path, message: tooClose('Streamed MB per request', typed, ' MB', allowed) })
    else if (typeof value !== 'number' || Number.isNaN(value))
      out.push({ path, message: notANumber('Streamed MB per request', 'a number of MB', value, allowed) })
    else
      out.push({
        path,
        message: `Streamed MB per request must be between 0 and ${formatPlainNumber(MAX_STREAMED_MB)} MB; got ${typed ? `${typed.text} MB` : `${describeValue(value)}${Number.isFinite(value) ? ' MB' : ''}`}.`,
      })
  }
  // Combinations: only where the sheet bills these inputs (the classic sheet ignores them).
  if (!sheet?.extraMeters) return
  const edge = fn.edge === true
  if (edge && fn.architecture === 'arm64') {
    out.push({ path: `${base}.edge`, message: 'Lambda@Edge runs on x86_64 only; this function is arm64. Choose x86_64 or turn Lambda@Edge off.' })
  }
  const pc = typeof fn.provisionedConcurrency === 'number' && okPc ? fn.provisionedConcurrency : 0
  if (edge && pc > 0) {
    out.push({
      path: `${base}.provisionedConcurrency`,
      message: `Provisioned concurrency is not available on Lambda@Edge; got ${formatPlainNumber(pc)} environments on a Lambda@Edge function. Set it to 0 or turn Lambda@Edge off.`,
    })
  }
  if (edge && typeof fn.ephemeralStorageMb === 'number' && fn.ephemeralStorageMb > sheet.ephemeralStorage.includedMb) {
    out.push({
      path: `${base}.ephemeralStorageMb`,
      message: `Lambda@Edge has no ephemeral storage above ${formatPlainNumber(sheet.ephemeralStorage.includedMb)} MB; got ${formatPlainNumber(fn.ephemeralStorageMb)} MB on a Lambda@Edge function. Set it to ${formatPlainNumber(sheet.ephemeralStorage.includedMb)} MB or turn Lambda@Edge off.`,
    })
  }
  if (pc > 0 && !edge && okHours && okShare) checkProvisionedFit(fn, pc, base, out)
}

/** Served requests x duration (s) must fit in concurrency x hours x 3,600 environment-seconds. */
function checkProvisionedFit(fn: Record<string, unknown>, pc: number, base: string, out: InputProblem[]): void {
  const { durationMs, requests, per } = fn
  if (typeof durationMs !== 'number' || !(durationMs > 0) || !Number.isFinite(durationMs)) return
  if (typeof requests !== 'number' || !(requests >= 0) || !Number.isFinite(requests)) return
  if (per !== undefined && !isRequestUnit(per)) return
  const hours = (fn.provisionedHours as number | undefined) ?? HOURS_PER_MONTH
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
    const fn = readFunction(given) as unknown as Record<string, unknown>
    if (fn.name !== undefined && (typeof fn.name !== 'string' || characterCount(fn.name, MAX_NAME_LENGTH) > MAX_NAME_LENGTH)) {
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
    if (HAS_EXTRA(fn)) checkExtras(fn, sheet, base, out)
  }
  return out
}

/** True when a function sets any of the 2026 inputs (the common case skips their checks). */
function HAS_EXTRA(fn: Record<string, unknown>): boolean {
  return (
    fn.coldStartPercent !== undefined ||
    fn.initDurationMs !== undefined ||
    fn.provisionedConcurrency !== undefined ||
    fn.provisionedHours !== undefined ||
    fn.provisionedSharePercent !== undefined ||
    fn.snapStart !== undefined ||
    fn.snapStartVersions !== undefined ||
    fn.snapStartCacheHours !== undefined ||
    fn.edge !== undefined ||
    fn.streamedMbPerRequest !== undefined
  )
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

/**
 * A function input read once into one fixed shape (every field present), so
 * the engine's later reads of it stay monomorphic. Only its enumerable
 * properties are read, by `for...in`: on inputs of many shapes that is several
 * times cheaper than reading all 17 fields by name. Validation reads this copy
 * too, so what is checked is what is priced.
 */
export function readFunction(fn: object): FunctionInput {
  const from = fn as Record<string, unknown>
  const o: Record<keyof FunctionInput, unknown> = {
    name: undefined,
    memoryMb: undefined,
    durationMs: undefined,
    requests: undefined,
    per: undefined,
    architecture: undefined,
    ephemeralStorageMb: undefined,
    coldStartPercent: undefined,
    initDurationMs: undefined,
    provisionedConcurrency: undefined,
    provisionedHours: undefined,
    provisionedSharePercent: undefined,
    snapStart: undefined,
    snapStartVersions: undefined,
    snapStartCacheHours: undefined,
    edge: undefined,
    streamedMbPerRequest: undefined,
  }
  // One case per field: a named store each, and `from[key]` reads through for...in's own fast path.
  for (const key in from) {
    switch (key) {
      case 'name':
        o.name = from[key]
        break
      case 'memoryMb':
        o.memoryMb = from[key]
        break
      case 'durationMs':
        o.durationMs = from[key]
        break
      case 'requests':
        o.requests = from[key]
        break
      case 'per':
        o.per = from[key]
        break
      case 'architecture':
        o.architecture = from[key]
        break
      case 'ephemeralStorageMb':
        o.ephemeralStorageMb = from[key]
        break
      case 'coldStartPercent':
        o.coldStartPercent = from[key]
        break
      case 'initDurationMs':
        o.initDurationMs = from[key]
        break
      case 'provisionedConcurrency':
        o.provisionedConcurrency = from[key]
        break
      case 'provisionedHours':
        o.provisionedHours = from[key]
        break
      case 'provisionedSharePercent':
        o.provisionedSharePercent = from[key]
        break
      case 'snapStart':
        o.snapStart = from[key]
        break
      case 'snapStartVersions':
        o.snapStartVersions = from[key]
        break
      case 'snapStartCacheHours':
        o.snapStartCacheHours = from[key]
        break
      case 'edge':
        o.edge = from[key]
        break
      case 'streamedMbPerRequest':
        o.streamedMbPerRequest = from[key]
        break
    }
  }
  return o as unknown as FunctionInput
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
  return { sheet: input.sheet, region: input.region, freeTier: input.freeTier, functions: copy }
}

/** Requests a month for one request per unit, as a double: only for quick accepts far inside the limit. NaN for anything not a unit (NaN fails every check). */
export function approxPerMonth(per: unknown): number {
  const factor = REQUEST_UNIT_FACTORS.get(per === undefined ? 'month' : (per as string))
  return factor ? factor[0] / factor[1] : NaN
}
