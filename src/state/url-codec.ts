/**
 * The shareable link: calculator inputs <-> a short, readable query string.
 *
 * Version 2 is written; versions 1 and 2 are read. Only what differs from the
 * version's defaults is written, except `v` and `p`, which a version 2 link
 * always carries. The keys: `v` (format version: `2`, missing means 1),
 * `preset` (a preset, applied first; other keys override it), the account's
 * `p` (price sheet: `2016`, `current`), `rg` (region) and `ft` (free tier: `1`,
 * `0`), `fns` (the number of functions, written when not 1), and one key per
 * function field: its `urlKey` in `FUNCTION_FIELDS` (engine/fields.ts), in that
 * table's order. A number is written canonically (requests as `3e6` where
 * shorter), a choice as its `code`, a yes/no as `1` or `0`, text as it is. The
 * README's "Shareable links" section lists every key with its values.
 *
 * The function keys without a number describe the first function; function N
 * (N >= 2) uses the same keys with N appended (`m2`, `cs3`, ...). `fns=3` makes
 * three functions even when some of them are all defaults; without `fns` the
 * count is the highest N used (or the preset's count, if larger).
 *
 * **Versions.** A link keeps the meaning it had when it was shared: one with no
 * `v` (or `v=1`) and no `p` is on the classic 2016 sheet, the default of
 * version 1; version 2 made the current sheet the default and always writes
 * `p`. The function defaults are the same in both, and the keys of the
 * current-only fields (`cs`, `it`, ...) are read in either. A page opened with
 * no key of the estimate at all is a new page, on version 2's defaults (see
 * `decodeAddress`).
 *
 * Pure: no DOM, no `window`; the caller reads and writes the address bar.
 */
import { COMPARE_URL_KEYS, FUNCTION_FIELDS, type FieldSpec } from '../engine/fields'
import {
  characterCount,
  firstCharacters,
  orList,
  PRICE_SHEETS,
  quoteText,
  stripUnsafeCharacters,
  validateInput,
  type EstimateInput,
  type PriceSheetId,
} from '../engine/index'
import { PRESETS, presetInputs } from './presets'
import { addExtras, parseNumberText, toEstimateInput } from './selectors'
import {
  defaultInputs,
  extraDefaults,
  isNumberSpec,
  MAX_FORM_FUNCTIONS,
  newFunctionId,
  type CalculatorInputs,
  type ExtraNumberField,
  type FunctionDraft,
} from './store'

/** A key of a link that could not be used: it fell back to its default. */
export interface UrlProblem {
  /** The query key, e.g. `m2`; `preset` when a preset's own value no longer fits. */
  key: string
  /** The value given, plain text, shortened to at most 40 characters plus `…`. */
  value: string
  /** Names the key, the value and what is allowed, e.g. `m=4096: Memory must be ...`. */
  message: string
  /** The value was cut to fit (a name past its limit) rather than dropped: the rest of it was used. */
  shortened?: true
}

/** What a link holds: the inputs to show, and what could not be used. */
export interface DecodeResult {
  /** Always valid: every field the engine would reject fell back to its default. */
  inputs: CalculatorInputs
  problems: UrlProblem[]
  /** The preset the link applied (`?preset=`), or null. */
  presetId: string | null
  /** The link says it has a newer format (`v` above 2): what could be read was applied. */
  futureVersion: boolean
  /** The format version the link was read as: 1 for no `v` (or `v=1`), 2 for `v=2` and anything newer. */
  version: LinkVersion
}

/** The link format versions this codec reads. */
export type LinkVersion = 1 | 2

/** The link format version this codec writes (and the newest it reads). */
export const URL_FORMAT_VERSION = 2

/**
 * What a link leaves out means, per format version: the sheet and account
 * defaults, and each function's. Written out here, not taken from the store, so
 * that a link keeps its meaning whatever the app's starting values become.
 */
const LINK_DEFAULTS: Readonly<Record<LinkVersion, { sheet: PriceSheetId; region: string; freeTier: boolean }>> = {
  1: { sheet: 'aws-2016', region: 'us-east-1', freeTier: true },
  2: { sheet: 'aws-current', region: 'us-east-1', freeTier: true },
}
/**
 * A function's defaults in a link, the same in versions 1 and 2. The fields
 * the form shows first are written out; the current-only fields (which did
 * not exist in version 1) are unset: empty, or their default choice, or off.
 */
const LINK_FUNCTION_DEFAULTS: Readonly<Omit<FunctionDraft, 'id'>> = Object.freeze({
  name: '',
  memoryMb: '512',
  durationMs: '1000',
  requests: '3000000',
  per: 'month',
  architecture: 'x86_64',
  ephemeralStorageMb: '512',
  ...extraDefaults(),
})

/**
 * The inputs a link of `version` stands for when it says nothing else: version
 * 1 on the classic 2016 sheet, version 2 on the current one; one function of
 * 512 MB, 1 s, 3,000,000 requests a month, x86_64, 512 MB of storage.
 *
 * @example linkDefaults(1).sheet // 'aws-2016'
 */
export function linkDefaults(version: LinkVersion): CalculatorInputs {
  return { ...LINK_DEFAULTS[version], functions: [{ ...LINK_FUNCTION_DEFAULTS, id: newFunctionId() }] }
}

/** The longest value read from a link, characters; longer values are a problem. */
export const MAX_URL_VALUE_LENGTH = 100

/**
 * The most UTF-16 units of one link value the decoder looks at. A value this
 * long is far past every limit (a character is at most a few dozen units), so
 * anything longer is refused or cut from its length alone, before any work per
 * character: a pasted megabyte costs no more than a short value.
 */
export const MAX_SCANNED_VALUE_UNITS = 2000

/** `value`, or its first MAX_SCANNED_VALUE_UNITS units when it is longer. */
function scanned(value: string): string {
  return value.length > MAX_SCANNED_VALUE_UNITS ? value.slice(0, MAX_SCANNED_VALUE_UNITS) : value
}

/**
 * A value's length, characters, counted up to MAX_SCANNED_VALUE_UNITS: a
 * longer value counts as one more than that, without being looked at.
 */
export function boundedLength(value: string): number {
  return value.length > MAX_SCANNED_VALUE_UNITS ? MAX_SCANNED_VALUE_UNITS + 1 : characterCount(value)
}

/**
 * A `boundedLength` as a message says it: "150", "over 2,000".
 *
 * @example lengthText(2001) // 'over 2,000'
 */
export function lengthText(characters: number): string {
  return characters > MAX_SCANNED_VALUE_UNITS ? `over ${MAX_SCANNED_VALUE_UNITS.toLocaleString('en-US')}` : characters.toLocaleString('en-US')
}

const SHEET_CODES: Readonly<Record<PriceSheetId, string>> = { 'aws-2016': '2016', 'aws-current': 'current' }

/** A function field a link carries (every field of the form). */
export type Field = Exclude<keyof FunctionDraft, 'id'>
/** The fields typed as numbers: the form keeps their text, the link writes them canonically. */
type NumberField = 'memoryMb' | 'durationMs' | 'requests' | 'ephemeralStorageMb' | ExtraNumberField

/** Each function field's spec, in the order encode writes them (the table's). */
const FIELDS = FUNCTION_FIELDS as readonly FieldSpec<Field>[]
const NUMBER_FIELDS = FIELDS.filter(isNumberSpec).map((f) => f.key) as readonly NumberField[]

/** `m`, `m2`, `cs10`...; `m1` and `m02` are not keys (and so are ignored). */
const FUNCTION_KEY = new RegExp(`^(${FIELDS.map((f) => f.urlKey).join('|')})([2-9]|[1-9]\\d+)?$`)
/** The account keys of a link (with `preset`): a query holding none of these nor a function key is a new page. */
const ACCOUNT_KEYS: readonly string[] = ['v', 'preset', 'p', 'rg', 'ft', 'sp', 'fns']

/** Every region any sheet knows: the region is kept on the classic sheet, for switching back. */
const KNOWN_REGIONS: readonly string[] = [...new Set(Object.values(PRICE_SHEETS).flatMap((s) => Object.keys(s.regions)))]

/** The key for a function field: index 0 -> `m`, index 1 -> `m2`. */
function functionKey(letter: string, index: number): string {
  return index === 0 ? letter : `${letter}${index + 1}`
}

/** The code for a value in a code table, or undefined; safe for `__proto__` and friends. */
function fromCode<T extends string>(table: Readonly<Record<T, string>>, code: string): T | undefined {
  return (Object.keys(table) as T[]).find((k) => table[k] === code)
}

/** A value as shown in a problem: printable, at most 40 characters plus `…`, unquoted. */
function shown(value: string): string {
  return quote(value).slice(1, -1)
}

/** A value quoted as typed, for a message (its start, when it is long). */
function quote(value: string): string {
  return quoteText(scanned(value))
}

/**
 * What a link's value may be for a choice or yes/no field, for a problem:
 * `x86 or arm`, `off, java (free, for Java) or priced (Python and .NET)`, `1 (on) or 0 (off)`.
 */
function allowedInLink(spec: FieldSpec): string {
  if (spec.type === 'boolean') return '1 (on) or 0 (off)'
  const codes = (spec.choices ?? []).map((c) => (c.note ? `${c.code} (${c.note})` : c.code))
  // The request unit's codes are terse: spelt out after them.
  if (spec.key === 'per') return `one of ${codes.join(', ')} (per second, minute, hour, day, month, or millions a month)`
  return orList(codes)
}

/** A link's function defaults, without an id. */
function blankFunction(): Omit<FunctionDraft, 'id'> {
  return LINK_FUNCTION_DEFAULTS
}

/** A field's value as a link writes it: a choice's code, 1 or 0 for yes/no, canonical text for a number, text as it is. */
function linkValue(fn: Omit<FunctionDraft, 'id'>, spec: FieldSpec<Field>): string {
  const value = fn[spec.key]
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (spec.choices) return spec.choices.find((c) => c.value === value)?.code ?? value
  return isNumberSpec(spec) ? canonicalNumber(value) : value
}

/** A typed number as canonical text (`String(Number(...))`); other text as given. */
function canonicalNumber(text: string): string {
  const parsed = parseNumberText(text)
  return typeof parsed === 'number' && Number.isFinite(parsed) ? String(parsed) : text.trim()
}

/** A whole number with trailing zeros in exponent form when shorter and exact: 3000000 -> 3e6. */
function shortRequests(canonical: string): string {
  const m = /^([1-9]\d*?)(0+)$/.exec(canonical)
  if (!m) return canonical
  const short = `${m[1]}e${m[2]!.length}`
  return short.length < canonical.length && String(Number(short)) === canonical ? short : canonical
}

/**
 * The longest query string the codec writes, characters: with the page's
 * address in front, every link stays under the 2,000 characters that every
 * browser, server and chat client accepts.
 */
export const MAX_QUERY_LENGTH = 1800

/** A value the link leaves out, and why: the field keeps it, the link does not. */
export interface LinkOmission {
  /** 0-based function index, or null for an account field. */
  functionIndex: number | null
  field: Field
  key: string
  /** The value's length, characters, as `boundedLength` counts it. */
  characters: number
  /** `too-long`: over MAX_URL_VALUE_LENGTH, which no reader accepts; `link-full`: the link would pass MAX_QUERY_LENGTH. */
  reason: 'too-long' | 'link-full'
}

/** The query string, and what it leaves out. */
export interface EncodedLink {
  query: string
  omitted: LinkOmission[]
}

interface Pair {
  key: string
  value: string
  functionIndex: number | null
  field: Field | null
}

/**
 * The query string for `inputs`, without a leading `?`: a version 2 link.
 * Keys come in a fixed order (`v p rg ft fns`, then each function's keys in
 * the order of `FUNCTION_FIELDS`: `n m d r u a e cs it ...`). `v=2` and the sheet are
 * always written; other values only where they differ from the defaults.
 * Numbers are written canonically; text that is not a number is written as it
 * is, so a link of a half-typed form reports it. On the classic sheet `a` and
 * `e` are not written: they do not apply there. The 2026 keys are written on
 * either sheet, as the form keeps them (the classic sheet ignores them).
 *
 * The link is bounded: a value longer than `MAX_URL_VALUE_LENGTH` is left out
 * (decode would refuse it), and if the query would pass `MAX_QUERY_LENGTH` the
 * longest values are left out until it fits. `omitted` lists each, so the form
 * can say so beside the field.
 *
 * @example encodeLink(presetInputs('mobile-backend')!).query // 'v=2&p=current&m=1536&d=120'
 */
export function encodeLink(inputs: CalculatorInputs): EncodedLink {
  const defaults = blankFunction()
  const account = LINK_DEFAULTS[URL_FORMAT_VERSION]
  const pairs: Pair[] = []
  const put = (key: string, value: string) => pairs.push({ key, value, functionIndex: null, field: null })
  const classic = inputs.sheet === 'aws-2016'
  put('v', String(URL_FORMAT_VERSION))
  put('p', SHEET_CODES[inputs.sheet] ?? String(inputs.sheet))
  if (inputs.region !== account.region) put('rg', inputs.region)
  if (inputs.freeTier !== account.freeTier) put('ft', inputs.freeTier ? '1' : '0')
  const plan = (inputs.savingsPlanPercent ?? '').trim()
  if (plan !== '' && plan.length <= MAX_URL_VALUE_LENGTH) put('sp', plan)
  if (inputs.apiGatewayFreeTier) put('af', '1')
  if (inputs.functions.length !== 1) put('fns', String(inputs.functions.length))
  // The comparison's settings as typed (a value over MAX_URL_VALUE_LENGTH is left out below, as any is).
  for (const key of COMPARE_URL_KEYS) {
    const value = inputs.compare?.[key]?.trim()
    if (value) put(key, value)
  }
  inputs.functions.forEach((fn, index) => {
    for (const spec of FIELDS) {
      const field = spec.key
      if (classic && (field === 'architecture' || field === 'ephemeralStorageMb')) continue
      const value = linkValue(fn, spec)
      if (value === linkValue(defaults, spec)) continue
      pairs.push({ key: functionKey(spec.urlKey, index), value: field === 'requests' ? shortRequests(value) : value, functionIndex: index, field })
    }
  })

  const omitted: LinkOmission[] = []
  const omit = (pair: Pair, reason: LinkOmission['reason']) => {
    if (pair.field)
      omitted.push({ functionIndex: pair.functionIndex, field: pair.field, key: pair.key, characters: boundedLength(pair.value), reason })
  }
  let kept = pairs.filter((pair) => {
    if (characterCount(pair.value, MAX_URL_VALUE_LENGTH) <= MAX_URL_VALUE_LENGTH) return true
    omit(pair, 'too-long')
    return false
  })
  const queryOf = (list: Pair[]) => new URLSearchParams(list.map((p) => [p.key, p.value])).toString()
  let query = queryOf(kept)
  if (query.length > MAX_QUERY_LENGTH) {
    // Only function fields are ever dropped: the account keys are a few characters.
    const longestFirst = kept.filter((p) => p.field).sort((a, b) => queryOf([b]).length - queryOf([a]).length)
    const dropped = new Set<Pair>()
    let length = query.length
    for (const pair of longestFirst) {
      if (length <= MAX_QUERY_LENGTH) break
      dropped.add(pair)
      length -= queryOf([pair]).length + 1
      omit(pair, 'link-full')
    }
    kept = kept.filter((p) => !dropped.has(p))
    query = queryOf(kept)
  }
  return { query, omitted }
}

/**
 * The query string for `inputs`: `encodeLink(inputs).query`.
 *
 * @example encode(presetInputs('mobile-backend')!) // 'v=2&p=current&m=1536&d=120'
 */
export function encode(inputs: CalculatorInputs): string {
  return encodeLink(inputs).query
}

/** Where a field's value came from, when a key set it. */
interface KeySource {
  key: string
  raw: string
}

/** The state of one decode: the candidate inputs, where each field came from, the problems. */
class Decoder {
  readonly params = new Map<string, string>()
  readonly order = new Map<string, number>()
  readonly problems: UrlProblem[] = []
  /** Fields set by a key, by engine path: `functions.1.memoryMb` -> `{ key: 'm2', raw }`. */
  readonly setBy = new Map<string, KeySource>()
  futureVersion = false
  version: LinkVersion = 1
  presetId: string | null = null
  base: CalculatorInputs = linkDefaults(1)
  inputs: CalculatorInputs = linkDefaults(1)

  constructor(query: string) {
    const text = query.startsWith('?') ? query.slice(1) : query
    for (const [key, value] of new URLSearchParams(text)) {
      // Repeated keys: the first one wins.
      if (this.params.has(key)) continue
      this.params.set(key, value)
      this.order.set(key, this.order.size)
    }
  }

  report(key: string, raw: string, message: string, shortened = false): void {
    const value = shown(raw)
    this.problems.push({ key, value, message: `${key}=${value}: ${message}`, ...(shortened ? { shortened: true as const } : {}) })
  }

  /** A key's value, or undefined when absent or too long (a problem). */
  take(key: string): string | undefined {
    const raw = this.params.get(key)
    // A unit is at most a character: a value this short needs no counting.
    if (raw === undefined || raw.length <= MAX_URL_VALUE_LENGTH) return raw
    if (raw.length <= MAX_SCANNED_VALUE_UNITS && characterCount(raw, MAX_URL_VALUE_LENGTH) <= MAX_URL_VALUE_LENGTH) return raw
    this.report(key, raw, `The value is ${lengthText(boundedLength(raw))} characters long; at most ${MAX_URL_VALUE_LENGTH} are read.`)
    return undefined
  }

  readVersion(): void {
    const raw = this.take('v')
    if (raw === undefined) return
    if (/^\d+$/.test(raw) && Number(raw) >= 1) {
      this.futureVersion = Number(raw) > URL_FORMAT_VERSION
      // A newer version is read with the newest defaults this calculator knows.
      this.version = Number(raw) >= 2 ? 2 : 1
      this.base = linkDefaults(this.version)
    } else {
      this.report(
        'v',
        raw,
        `The link format version must be a whole number, 1 or more (this calculator reads versions 1 and ${URL_FORMAT_VERSION}); got ${quote(raw)}.`,
      )
    }
  }

  readPreset(): void {
    const raw = this.take('preset')
    if (raw === undefined) return
    const inputs = presetInputs(raw)
    if (inputs) {
      this.presetId = raw
      this.base = inputs
    } else {
      this.report('preset', raw, `Preset ${quote(raw)} is not known. Allowed: ${PRESETS.map((p) => p.id).join(', ')}.`)
    }
  }

  readAccount(): void {
    const { base } = this
    this.inputs = { sheet: base.sheet, region: base.region, freeTier: base.freeTier, functions: [] }
    const sheet = this.take('p')
    if (sheet !== undefined) {
      const id = fromCode(SHEET_CODES, sheet)
      if (id) this.inputs.sheet = id
      else this.report('p', sheet, `Price sheet must be 2016 (the classic sheet) or current; got ${quote(sheet)}.`)
    }
    const region = this.take('rg')
    if (region !== undefined) {
      if (KNOWN_REGIONS.includes(region)) this.inputs.region = region
      else this.report('rg', region, `Region ${quote(region)} is not known. Allowed: ${KNOWN_REGIONS.join(', ')}.`)
    }
    const freeTier = this.take('ft')
    if (freeTier !== undefined) {
      if (freeTier === '1' || freeTier === '0') this.inputs.freeTier = freeTier === '1'
      else this.report('ft', freeTier, `Include free tier must be 1 (yes) or 0 (no); got ${quote(freeTier)}.`)
    }
    // The plan's range is the engine's to check (see settle), like every number's.
    const plan = this.take('sp')
    if (plan !== undefined && plan.trim() !== '') {
      this.inputs.savingsPlanPercent = plan.trim()
      this.setBy.set('savingsPlanPercent', { key: 'sp', raw: plan })
    }
    const apiFree = this.take('af')
    if (apiFree !== undefined) {
      if (apiFree === '1' || apiFree === '0') this.inputs.apiGatewayFreeTier = apiFree === '1'
      else this.report('af', apiFree, `API Gateway free tier must be 1 (yes) or 0 (no); got ${quote(apiFree)}.`)
    }
    // The comparison's settings, kept as given: the comparison checks them, and names any that do not fit.
    for (const key of COMPARE_URL_KEYS) {
      const raw = this.take(key)?.trim()
      if (raw) (this.inputs.compare ??= {})[key] = stripUnsafeCharacters(raw)
    }
  }

  /** How many functions: `fns`, else the highest function number used, else the base's count. */
  readCount(): number {
    const indexes = [...this.params.keys()].flatMap((key) => {
      const m = FUNCTION_KEY.exec(key)
      return m ? [{ key, index: m[2] ? Number(m[2]) : 1 }] : []
    })
    let count: number | undefined
    const fns = this.take('fns')
    if (fns !== undefined) {
      if (/^\d+$/.test(fns) && Number(fns) >= 1 && Number(fns) <= MAX_FORM_FUNCTIONS) count = Number(fns)
      else this.report('fns', fns, `The number of functions must be a whole number from 1 to ${MAX_FORM_FUNCTIONS}; got ${quote(fns)}.`)
    }
    const counted = count !== undefined
    count ??= Math.max(this.base.functions.length, ...indexes.map((k) => k.index).filter((i) => i <= MAX_FORM_FUNCTIONS))
    for (const { key, index } of indexes) {
      if (index <= count) continue
      const raw = this.params.get(key)!
      if (counted) this.report(key, raw, `There is no function ${index}: fns=${count} makes ${count} function${count === 1 ? '' : 's'}.`)
      else this.report(key, raw, `At most ${MAX_FORM_FUNCTIONS} functions fit in a link; this key is for function ${index}.`)
    }
    return count
  }

  readFunction(index: number): FunctionDraft {
    const draft = { ...(this.base.functions[index] ?? { ...blankFunction(), id: newFunctionId() }) }
    for (const spec of FIELDS) {
      const field = spec.key
      const key = functionKey(spec.urlKey, index)
      // Text (a name) of any length is read and cut to its limit: a long name never costs the rest of the link.
      const raw = spec.type === 'text' ? this.params.get(key) : this.take(key)
      if (raw === undefined) continue
      const value = this.readValue(spec, key, raw)
      if (value === undefined) continue
      setField(draft, field, value as FunctionDraft[Field])
      this.setBy.set(`functions.${index}.${field}`, { key, raw })
    }
    return draft
  }

  /** A key's value as the draft keeps it, or undefined (and a problem) when the field does not allow it. */
  readValue(spec: FieldSpec<Field>, key: string, raw: string): string | boolean | undefined {
    if (spec.type === 'text') return this.readText(spec, key, raw)
    if (spec.type !== 'boolean' && !spec.choices) return raw
    const value = spec.choices ? spec.choices.find((c) => c.code === raw)?.value : raw === '1' ? true : raw === '0' ? false : undefined
    if (value === undefined) this.report(key, raw, `${spec.name} must be ${allowedInLink(spec)}; got ${quote(raw)}.`)
    return value
  }

  /** Text without unsafe characters, cut to the field's limit with a notice that says so. */
  readText(spec: FieldSpec<Field>, key: string, raw: string): string {
    // Past what is scanned, only the start can be kept: the rest is never looked at.
    const text = stripUnsafeCharacters(scanned(raw))
    const max = spec.max
    // Every text field has a limit (a name's is 64): one without would be kept as scanned.
    if (max === undefined) return text
    if (raw.length <= MAX_SCANNED_VALUE_UNITS && characterCount(text, max) <= max) return text
    const count = lengthText(raw.length > MAX_SCANNED_VALUE_UNITS ? boundedLength(raw) : characterCount(text))
    this.report(key, raw, `${spec.name}s are at most ${max} characters: the first ${max} of its ${count} were kept.`, true)
    return firstCharacters(text, max)
  }

  /**
   * The engine input to check: what the app would estimate, plus, on the classic
   * sheet, `a`/`e` given by a key (the engine says they are not on that sheet)
   * and the 2026 fields (the engine checks their values; the sheet ignores them).
   */
  checkInput(): EstimateInput {
    const input = toEstimateInput(this.inputs)
    if (this.inputs.sheet === 'aws-2016') {
      input.functions.forEach((fn, i) => {
        const draft = this.inputs.functions[i]!
        if (this.setBy.has(`functions.${i}.architecture`)) fn.architecture = draft.architecture
        if (this.setBy.has(`functions.${i}.ephemeralStorageMb`)) fn.ephemeralStorageMb = parseNumberText(draft.ephemeralStorageMb) as number
        addExtras(fn, draft)
      })
    }
    return input
  }

  /**
   * Runs the engine's checks and puts every rejected field back: a key's value
   * falls back to the preset's (or the default), a preset's value that no longer
   * fits (say, 10,240 MB after `p=2016`) falls back to the default.
   */
  settle(): void {
    this.settlePasses()
    // A Managed Instances function whose own inputs cannot all be kept (no instance type
    // left, memory below 2,048 MB, a region without a price) runs on Lambda instead, and says why.
    const left = validateInput(this.checkInput())
    if (left.length === 0) return
    const compute = FIELDS.find((f) => f.key === 'compute')!
    for (const problem of left) {
      const m = /^functions\.(\d+)\./.exec(problem.path)
      const draft = m ? this.inputs.functions[Number(m[1])] : undefined
      if (!draft || draft.compute === compute.default) continue
      const index = Number(m![1])
      const source = this.setBy.get(`functions.${index}.compute`)
      this.report(source?.key ?? functionKey(compute.urlKey, index), source?.raw ?? draft.compute, `${problem.message} Priced on Lambda instead.`)
      this.setBy.delete(`functions.${index}.compute`)
      draft.compute = compute.default as FunctionDraft['compute']
    }
    this.settlePasses()
  }

  /** Puts back, up to three times, every field the engine rejects. */
  settlePasses(): void {
    const defaults = blankFunction()
    for (let pass = 0; pass < 3; pass++) {
      const found = validateInput(this.checkInput())
      if (found.length === 0) return
      for (const problem of found) {
        if (problem.path === 'savingsPlanPercent') {
          const source = this.setBy.get(problem.path)
          if (source) this.report(source.key, source.raw, problem.message)
          this.setBy.delete(problem.path)
          delete this.inputs.savingsPlanPercent
          continue
        }
        const m = /^functions\.(\d+)\.(\w+)$/.exec(problem.path)
        const index = Number(m?.[1])
        const draft = this.inputs.functions[index]
        if (!m || !draft || !(m[2]! in defaults)) continue
        const field = m[2] as Field
        const source = this.setBy.get(problem.path)
        const base = this.base.functions[index] ?? defaults
        if (source) {
          this.report(source.key, source.raw, problem.message)
          this.setBy.delete(problem.path)
          setField(draft, field, base[field])
        } else {
          if (this.presetId !== null && base[field] !== defaults[field]) {
            this.report('preset', this.presetId, `Function ${index + 1}: ${problem.message}`)
          }
          setField(draft, field, defaults[field])
        }
      }
    }
  }

  /** Canonical number text; the classic sheet keeps x86_64 and 512 MB. */
  finish(): CalculatorInputs {
    const classic = this.inputs.sheet === 'aws-2016'
    for (const fn of this.inputs.functions) {
      for (const field of NUMBER_FIELDS) fn[field] = canonicalNumber(fn[field])
      if (classic) {
        fn.architecture = 'x86_64'
        fn.ephemeralStorageMb = '512'
      }
    }
    return this.inputs
  }

  /** Problems in the order their keys appear in the link. */
  sortedProblems(): UrlProblem[] {
    const at = (p: UrlProblem) => this.order.get(p.key) ?? Number.MAX_SAFE_INTEGER
    return [...this.problems].sort((a, b) => at(a) - at(b))
  }
}

function setField<F extends Field>(draft: FunctionDraft, field: F, value: FunctionDraft[F]): void {
  draft[field] = value
}

/**
 * Reads a link's query string (with or without `?`). Never throws: every key
 * that cannot be used falls back to its default (or the preset's value) and
 * yields a problem naming the key, the value and what is allowed; unknown keys
 * are ignored; repeated keys keep the first. The inputs returned always pass
 * `validateInput(toEstimateInput(inputs))`, with numbers as canonical text.
 *
 * @example decode('?p=2016&m=512&d=1000&r=3e6').inputs.functions[0]?.requests // '3000000'
 */
export function decode(query: string): DecodeResult {
  try {
    const decoder = new Decoder(typeof query === 'string' ? query : '')
    decoder.readVersion()
    decoder.readPreset()
    decoder.readAccount()
    const count = decoder.readCount()
    for (let i = 0; i < count; i++) decoder.inputs.functions.push(decoder.readFunction(i))
    decoder.settle()
    const inputs = decoder.finish()
    // Belt and braces: a link must never leave the page with inputs the engine rejects.
    if (validateInput(toEstimateInput(inputs)).length > 0) throw new Error('unsettled link')
    return {
      inputs,
      problems: decoder.sortedProblems(),
      presetId: decoder.presetId,
      futureVersion: decoder.futureVersion,
      version: decoder.version,
    }
  } catch {
    return {
      inputs: defaultInputs(),
      problems: [{ key: '', value: '', message: 'This link could not be read; the calculator starts from its defaults.' }],
      presetId: null,
      futureVersion: false,
      version: URL_FORMAT_VERSION,
    }
  }
}

/** Whether a query holds any key of the estimate: a version, a preset, an account key or a function key. */
export function hasLinkKeys(query: string): boolean {
  const text = typeof query === 'string' ? (query.startsWith('?') ? query.slice(1) : query) : ''
  for (const key of new URLSearchParams(text).keys()) {
    if (ACCOUNT_KEYS.includes(key) || FUNCTION_KEY.test(key)) return true
  }
  return false
}

/**
 * Reads the page's own address (its query, with the page keys such as `embed`).
 * A full page with no key of the estimate (`/`, or `/?utm_source=...`) is a new
 * page: today's prices, `defaultInputs()`. Anything else is a link, read by
 * `decode` (no `v` means version 1, the classic sheet). The docs widget's view
 * (`embed=1`) is always read as a link: a widget or an iframe snippet keeps the
 * classic sheet it showed before version 2 unless it names a sheet.
 *
 * @example decodeAddress('').inputs.sheet // 'aws-current'
 * @example decodeAddress('?m=1024').inputs.sheet // 'aws-2016'
 */
export function decodeAddress(query: string): DecodeResult {
  const text = typeof query === 'string' ? query : ''
  const embed = new URLSearchParams(text.startsWith('?') ? text.slice(1) : text).get('embed') === '1'
  if (embed || hasLinkKeys(text)) return decode(text)
  return { inputs: defaultInputs(), problems: [], presetId: null, futureVersion: false, version: URL_FORMAT_VERSION }
}
