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
import { PRICE_SHEET_IDS, PRICE_SHEETS } from './sheets/registry'
import type { PriceSheetData } from './sheets/sheet-data'
import { rememberLast } from './remember-last'
import type { EstimateInput, FunctionInput } from './types'
import { approxPerMonth, isObject, readFunction } from './validate'

// The fast path's quick acceptance of plainly valid input: one pass that says
// yes for the common case, and otherwise leaves the decision to validateInput.

const isNumber = (x: unknown): x is number => typeof x === 'number'
const inRange = (x: unknown, min: number, max: number): boolean => x === undefined || (typeof x === 'number' && x >= min && x <= max)
const wholeInRange = (x: unknown, min: number, max: number): boolean =>
  x === undefined || (typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max)

/** What the quick check needs of a sheet, looked up once: a region's id maps to whether it prices extra storage. */
interface QuickSheet {
  data: PriceSheetData
  /** Whether a region prices storage above the included 512 MB; undefined for a region the sheet does not have. */
  storagePriced: (region: string) => boolean | undefined
  arm64: boolean
}

const QUICK_SHEETS = new Map<string, QuickSheet>(
  PRICE_SHEET_IDS.map((id) => {
    const data = PRICE_SHEETS[id]
    const priced = new Map(Object.entries(data.regions).map(([rid, r]) => [rid, r.storageUsdPerGbSecond !== null]))
    return [id, { data, storagePriced: rememberLast((rid: string) => priced.get(rid)), arm64: data.architectures.includes('arm64') }]
  }),
)

/** The quick check's view of a sheet, the last one asked for remembered. */
const quickSheet = rememberLast((id: string) => QUICK_SHEETS.get(id))

/** The most a percentage field allows (the cold-start share's maximum, as every share's). */
const PERCENT = functionField('coldStartPercent').max!
const SHARE_DEFAULT = functionField('provisionedSharePercent').default as number

/** True when a fixed-shape function is plainly valid; false means "ask validateInput" (it may still be valid). */
function plainFunction(fn: FunctionInput, quick: QuickSheet, storagePriced: boolean): boolean {
  const { memoryMb, durationMs, requests, per, architecture, ephemeralStorageMb: storage, name } = fn
  const sheet = quick.data
  const memory = sheet.memory
  if (!(isNumber(memoryMb) && Number.isInteger(memoryMb) && memoryMb >= memory.minMb && memoryMb <= memory.maxMb)) return false
  if (memory.stepMb !== 1 && (memoryMb - memory.minMb) % memory.stepMb !== 0) return false
  if (!(isNumber(durationMs) && durationMs > 0 && durationMs <= sheet.maxDurationMs)) return false
  const perMonth = approxPerMonth(per)
  if (!(isNumber(requests) && requests >= 0 && requests * perMonth < MAX_REQUESTS_PER_MONTH * 0.999999)) return false
  if (architecture !== undefined && architecture !== 'x86_64' && !(architecture === 'arm64' && quick.arm64)) return false
  // UTF-16 units never undercount characters: 64 units or fewer is 64 characters or fewer.
  if (name !== undefined && !(typeof name === 'string' && name.length <= MAX_NAME_LENGTH)) return false
  const st = sheet.ephemeralStorage
  if (storage !== undefined) {
    if (!wholeInRange(storage, st.minMb, st.maxMb)) return false
    if (storage > st.includedMb && !storagePriced) return false
  }
  if (
    fn.coldStartPercent === undefined &&
    fn.initDurationMs === undefined &&
    fn.provisionedConcurrency === undefined &&
    fn.provisionedHours === undefined &&
    fn.provisionedSharePercent === undefined &&
    fn.snapStart === undefined &&
    fn.snapStartVersions === undefined &&
    fn.snapStartCacheHours === undefined &&
    fn.edge === undefined &&
    fn.streamedMbPerRequest === undefined
  )
    return true
  if (!inRange(fn.coldStartPercent, 0, PERCENT) || !inRange(fn.initDurationMs, 0, MAX_INIT_MS)) return false
  if (!wholeInRange(fn.provisionedConcurrency, 0, MAX_PROVISIONED_CONCURRENCY)) return false
  if (!inRange(fn.provisionedHours, 0, HOURS_IN_LONGEST_MONTH) || !inRange(fn.provisionedSharePercent, 0, PERCENT)) return false
  if (fn.snapStart !== undefined && fn.snapStart !== 'off' && fn.snapStart !== 'java' && fn.snapStart !== 'priced') return false
  if (!wholeInRange(fn.snapStartVersions, 1, MAX_PROVISIONED_CONCURRENCY) || !inRange(fn.snapStartCacheHours, 0, HOURS_IN_LONGEST_MONTH)) return false
  if (fn.edge !== undefined && typeof fn.edge !== 'boolean') return false
  if (!inRange(fn.streamedMbPerRequest, 0, MAX_STREAMED_MB)) return false
  if (!sheet.extraMeters) return true
  const pc = fn.provisionedConcurrency ?? 0
  if (fn.edge === true) return architecture !== 'arm64' && pc === 0 && (storage === undefined || storage <= st.includedMb)
  if (pc === 0) return true
  // Provisioned requests clearly fit the environments (the exact check decides near the limit).
  const need = requests * (perMonth * ((fn.provisionedSharePercent ?? SHARE_DEFAULT) / 100) * (durationMs / 1000))
  return need < pc * (fn.provisionedHours ?? HOURS_PER_MONTH) * 3600 * 0.999999
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
  const storagePriced = quick.storagePriced(regionGiven ?? quick.data.defaultRegion)
  if (storagePriced === undefined) return null
  const freeTier = input.freeTier
  if (freeTier !== undefined && typeof freeTier !== 'boolean') return null
  const functions = input.functions
  if (!Array.isArray(functions) || functions.length === 0 || functions.length > MAX_FUNCTIONS) return null
  const copy = new Array<FunctionInput>(functions.length)
  for (let i = 0; i < functions.length; i++) {
    const fn: unknown = functions[i]
    if (!isObject(fn)) return null
    const own = readFunction(fn)
    if (!plainFunction(own, quick, storagePriced)) return null
    copy[i] = own
  }
  return { sheet: sheetId as EstimateInput['sheet'], region: regionGiven, freeTier: freeTier as boolean | undefined, functions: copy }
}
