import {
  checkAccount,
  checkCoreFields,
  checkField,
  eachFunction,
  ESTIMATE_KEYS,
  describeValue,
  formatPlainNumber,
  functionList,
  InvalidInputError,
  isObject,
  notAnEstimate,
} from './checks'
import { checkCombinations } from './combinations'
import { groupThousands, parseNumber, toDecimalString } from './decimal'
import {
  CURRENT_ONLY_FIELDS,
  FUNCTION_FIELD_BY_KEY,
  fieldAllows,
  FUNCTION_FIELDS,
  functionField,
  MAX_REQUESTS_PER_MONTH,
  nearestFieldKey,
} from './fields'
import { isRequestUnit, requestsPerMonth } from './requests'
import { PRICE_SHEETS } from './sheets/registry'
import type { PriceSheetData } from './sheets/sheet-data'
import { orList } from './text'
import type { EstimateInput, FunctionInput, InputProblem } from './types'

// The checks every sheet shares are in checks.ts (the classic sheet's entry reads
// them alone); validation of the current sheet's fields is here. Those read from
// here before are still read from here.
export { approxPerMonth, describeValue, ESTIMATE_KEYS, formatPlainNumber, InvalidInputError, isObject, sheetPhrase } from './checks'
// series.ts reads the request limit from here; the limits are written in fields-core.ts.
export { MAX_REQUESTS_PER_MONTH }

const PROVISIONED_CONCURRENCY = functionField('provisionedConcurrency')
const PROVISIONED_HOURS = functionField('provisionedHours')
const PROVISIONED_SHARE = functionField('provisionedSharePercent')

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
  if (!isObject(input)) return [notAnEstimate(input)]
  const out: InputProblem[] = []
  const { sheet, region } = checkAccount(input, PRICE_SHEETS, (key) => FUNCTION_FIELD_BY_KEY.has(key), out)
  const functions = functionList(input, out)
  if (functions === null) return out
  eachFunction(functions, out, (given, i, base) => {
    const fn = unsetFunction()
    const seen = readFields(given, fn)
    if (seen < 0) for (const key of unknownKeysOf(given)) out.push({ path: `${base}.${key}`, message: unknownFieldMessage(key, i) })
    checkCoreFields(fn, sheet, region, base, out, fn.compute === 'managed-instances')
    if ((seen & CURRENT_ONLY_SEEN) !== 0) checkExtras(fn, sheet, base, out)
    if (sheet) checkCombinations(fn, sheet, region, base, out)
  })
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
