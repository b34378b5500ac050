import {
  CURRENT_ONLY_FIELDS,
  FIELD_CONFLICTS,
  FUNCTION_FIELDS,
  functionField,
  MAX_EDGE_DURATION_MS,
  MAX_FUNCTIONS,
  MAX_NAME_LENGTH,
  MAX_REQUESTS_PER_MONTH,
} from './fields'
import { PRICE_SHEET_IDS, PRICE_SHEETS } from './sheets/registry'
import type { PriceSheetData } from './sheets/sheet-data'
import { rememberLast } from './remember-last'
import type { EstimateInput, FunctionInput } from './types'
import { approxPerMonth, ESTIMATE_KEYS, fieldBit, isObject, readFields, unsetFunction } from './validate'

// The fast path's quick acceptance of plainly valid input: one pass that says
// yes for the common case, and otherwise leaves the decision to validateInput.

const isNumber = (x: unknown): x is number => typeof x === 'number'
const wholeInRange = (x: unknown, min: number, max: number): boolean =>
  x === undefined || (typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max)

/** What the quick check needs of a region: whether it prices storage above the included 512 MB, and arm64. */
interface QuickRegion {
  storagePriced: boolean
  arm64: boolean
}

/** What the quick check needs of a sheet, looked up once: its regions by id (undefined for one the sheet does not have). */
interface QuickSheet {
  data: PriceSheetData
  region: (region: string) => QuickRegion | undefined
}

const QUICK_SHEETS = new Map<string, QuickSheet>(
  PRICE_SHEET_IDS.map((id) => {
    const data = PRICE_SHEETS[id]
    const arm64 = data.architectures.includes('arm64')
    const regions = new Map<string, QuickRegion>(
      Object.entries(data.regions).map(([rid, r]) => [
        rid,
        { storagePriced: r.storageUsdPerGbSecond !== null, arm64: arm64 && r.compute.arm64 !== undefined },
      ]),
    )
    return [id, { data, region: rememberLast((rid: string) => regions.get(rid)) }]
  }),
)

/** The quick check's view of a sheet, the last one asked for remembered. */
const quickSheet = rememberLast((id: string) => QUICK_SHEETS.get(id))

// The fields only the current sheet bills, checked by their entries in the
// fields table, as flat arrays read in one loop.
const NUMBER = 0
const WHOLE = 1
const BOOLEAN = 2
const CHOICE = 3
const OTHER = 4
const EXTRA_KEYS: readonly string[] = CURRENT_ONLY_FIELDS.map((f) => f.key)
const EXTRA_BITS: readonly number[] = CURRENT_ONLY_FIELDS.map((f) => fieldBit(FUNCTION_FIELDS.indexOf(f)))
const EXTRA_KINDS: readonly number[] = CURRENT_ONLY_FIELDS.map((f) =>
  f.type === 'number' ? NUMBER : f.type === 'whole' ? WHOLE : f.type === 'boolean' ? BOOLEAN : f.type === 'choice' ? CHOICE : OTHER,
)
const EXTRA_MIN: readonly number[] = CURRENT_ONLY_FIELDS.map((f) => f.min ?? -Infinity)
const EXTRA_MAX: readonly number[] = CURRENT_ONLY_FIELDS.map((f) => f.max ?? Infinity)
const EXTRA_CHOICES: readonly (readonly unknown[])[] = CURRENT_ONLY_FIELDS.map((f) =>
  (f.choices ?? f.oneOf ?? []).map((c) => (typeof c === 'number' ? c : c.value)),
)
const EXTRA_ONE_OF: readonly boolean[] = CURRENT_ONLY_FIELDS.map((f) => f.oneOf !== undefined)
/** Any current-only field seen. */
const EXTRA_SEEN = EXTRA_BITS.reduce((a, b) => a | b, 0)
const ESTIMATE_KEY_SET: ReadonlySet<string> = new Set(ESTIMATE_KEYS)

// The pairs of fields the table says AWS does not allow together.
const CONFLICT_A: readonly string[] = FIELD_CONFLICTS.map(([a]) => a.key)
const CONFLICT_B: readonly string[] = FIELD_CONFLICTS.map(([, b]) => b.key)
const CONFLICT_A_DEFAULT: readonly unknown[] = FIELD_CONFLICTS.map(([a]) => a.default)
/** Both fields' `fieldBit`s: a pair whose fields are not both among those seen needs no look. */
const CONFLICT_BITS: readonly number[] = FIELD_CONFLICTS.map(([a, b]) => fieldBit(FUNCTION_FIELDS.indexOf(a)) | fieldBit(FUNCTION_FIELDS.indexOf(b)))
const CONFLICT_B_DEFAULT: readonly unknown[] = FIELD_CONFLICTS.map(([, b]) => b.default)
const PROVISIONED_HOURS = functionField('provisionedHours').default as number
const PROVISIONED_SHARE = functionField('provisionedSharePercent').default as number

/** True when every current-only field `fn` has (bits `seen`) is plainly allowed by its table entry. */
function plainExtras(fn: Record<string, unknown>, seen: number): boolean {
  for (let i = 0; i < EXTRA_KEYS.length; i++) {
    if ((seen & EXTRA_BITS[i]!) === 0) continue
    const v = fn[EXTRA_KEYS[i]!]
    if (v === undefined) continue
    switch (EXTRA_KINDS[i]) {
      case NUMBER:
        if (!(typeof v === 'number' && v >= EXTRA_MIN[i]! && v <= EXTRA_MAX[i]!)) return false
        break
      case WHOLE:
        if (!(typeof v === 'number' && Number.isInteger(v) && v >= EXTRA_MIN[i]! && v <= EXTRA_MAX[i]!)) return false
        if (EXTRA_ONE_OF[i] && !EXTRA_CHOICES[i]!.includes(v)) return false
        break
      case BOOLEAN:
        if (typeof v !== 'boolean') return false
        break
      case CHOICE:
        if (!EXTRA_CHOICES[i]!.includes(v)) return false
        break
      default:
        return false
    }
  }
  return true
}

/**
 * True when a fixed-shape function (fields `seen`, as `readFields` gives them)
 * is plainly valid; false means "ask validateInput" (it may still be valid).
 */
function plainFunction(fn: FunctionInput, seen: number, quick: QuickSheet, region: QuickRegion): boolean {
  const { memoryMb, durationMs, requests, per, architecture, ephemeralStorageMb: storage, name } = fn
  const sheet = quick.data
  const memory = sheet.memory
  if (!(isNumber(memoryMb) && Number.isInteger(memoryMb) && memoryMb >= memory.minMb && memoryMb <= memory.maxMb)) return false
  if (memory.stepMb !== 1 && (memoryMb - memory.minMb) % memory.stepMb !== 0) return false
  if (!(isNumber(durationMs) && durationMs > 0 && durationMs <= sheet.maxDurationMs)) return false
  const perMonth = approxPerMonth(per)
  if (!(isNumber(requests) && requests >= 0 && requests * perMonth < MAX_REQUESTS_PER_MONTH * 0.999999)) return false
  // arm64 only where the sheet and the region price it.
  if (architecture !== undefined && architecture !== 'x86_64' && !(architecture === 'arm64' && region.arm64)) return false
  // UTF-16 units never undercount characters: 64 units or fewer is 64 characters or fewer.
  if (name !== undefined && !(typeof name === 'string' && name.length <= MAX_NAME_LENGTH)) return false
  const st = sheet.ephemeralStorage
  if (storage !== undefined) {
    if (!wholeInRange(storage, st.minMb, st.maxMb)) return false
    if (storage > st.includedMb && !region.storagePriced) return false
  }
  if ((seen & EXTRA_SEEN) === 0) return true
  const fnFields = fn as unknown as Record<string, unknown>
  if (!plainExtras(fnFields, seen)) return false
  if (!sheet.extraMeters) return true
  // Managed Instances (sized, priced per instance type and region) and function URLs (not in every region) are validateInput's to check.
  if (fn.compute === 'managed-instances' || fn.frontDoor === 'function-url') return false
  // The combinations AWS does not allow (combinations.ts says why), all refused here.
  // Durable executions clearly within the requests (validateInput decides near the limit).
  const executions = fn.durableExecutions
  if (executions !== undefined && executions > 0) {
    // Per month both are numbers as typed, compared exactly; per another unit, clearly within.
    if (!(per === undefined || per === 'month' ? requests >= executions : requests * perMonth > executions * 1.000001)) return false
  }
  for (let i = 0; i < CONFLICT_A.length; i++) {
    const bits = CONFLICT_BITS[i]!
    if ((seen & bits) !== bits) continue
    const a = fnFields[CONFLICT_A[i]!]
    const b = fnFields[CONFLICT_B[i]!]
    if (a !== undefined && a !== CONFLICT_A_DEFAULT[i] && b !== undefined && b !== CONFLICT_B_DEFAULT[i]) return false
  }
  const pc = fn.provisionedConcurrency ?? 0
  const sized = storage !== undefined && storage > st.includedMb
  if (fn.edge === true) {
    return architecture !== 'arm64' && pc === 0 && !sized && !(fn.streamedMbPerRequest! > 0) && durationMs <= MAX_EDGE_DURATION_MS
  }
  if (fn.snapStart !== undefined && fn.snapStart !== 'off' && (pc !== 0 || sized)) return false
  if (pc === 0) return true
  // Provisioned requests clearly fit the environments (the exact check decides near the limit).
  const need = requests * (perMonth * ((fn.provisionedSharePercent ?? PROVISIONED_SHARE) / 100) * (durationMs / 1000))
  return need < pc * (fn.provisionedHours ?? PROVISIONED_HOURS) * 3600 * 0.999999
}

/**
 * The input as `copyInput` gives it when every value is plainly valid, checked
 * in one quick pass; null when anything needs a closer look, and then
 * `validateInput` decides (it may still accept the input). Never accepts what
 * `validateInput` refuses.
 *
 * @example plainValidInput({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 1 }] }) !== null // true
 */
export function plainValidInput(input: unknown): EstimateInput | null {
  if (!isObject(input)) return null
  const sheetId = input.sheet
  const quick = typeof sheetId === 'string' ? quickSheet(sheetId) : undefined
  if (!quick) return null
  const regionGiven = input.region
  if (regionGiven !== undefined && typeof regionGiven !== 'string') return null
  const region = quick.region(regionGiven ?? quick.data.defaultRegion)
  if (region === undefined) return null
  const freeTier = input.freeTier
  if (freeTier !== undefined && typeof freeTier !== 'boolean') return null
  const plan = input.savingsPlanPercent
  // A Savings Plan, or API Gateway's free tier, is rare: validateInput checks it.
  if (plan !== undefined || input.apiGatewayFreeTier !== undefined) return null
  // A key the estimate does not have is a problem validateInput names.
  for (const key in input) if (!ESTIMATE_KEY_SET.has(key)) return null
  const functions = input.functions
  if (!Array.isArray(functions) || functions.length === 0 || functions.length > MAX_FUNCTIONS) return null
  const copy = new Array<FunctionInput>(functions.length)
  for (let i = 0; i < functions.length; i++) {
    const fn: unknown = functions[i]
    if (!isObject(fn)) return null
    const own = unsetFunction()
    const seen = readFields(fn, own)
    // A key that is no field (seen < 0) is a problem validateInput names.
    if (seen < 0 || !plainFunction(own as unknown as FunctionInput, seen, quick, region)) return null
    copy[i] = own as unknown as FunctionInput
  }
  return { sheet: sheetId as EstimateInput['sheet'], region: regionGiven, freeTier: freeTier as boolean | undefined, functions: copy }
}
