/**
 * The shareable link: calculator inputs <-> a short, readable query string.
 *
 * Version 1. Only what differs from `defaultInputs()` is written. Keys:
 *
 * | key      | meaning                                       | values                            |
 * |----------|-----------------------------------------------|-----------------------------------|
 * | `v`      | format version                                | `1` (missing means 1)             |
 * | `preset` | a preset, applied first; other keys override it | a preset id                     |
 * | `p`      | price sheet                                   | `2016`, `current`                 |
 * | `rg`     | region                                        | e.g. `eu-west-1`                  |
 * | `ft`     | include the free tier                         | `1`, `0`                          |
 * | `fns`    | number of functions, written when not 1       | `1` to `MAX_FORM_FUNCTIONS`       |
 * | `n`      | name                                          | text, at most 64 characters       |
 * | `m`      | memory, MB                                    | number                            |
 * | `d`      | duration, ms                                  | number, fractions allowed         |
 * | `r`      | requests per unit                             | number, `3000000` or `3e6`        |
 * | `u`      | request unit                                  | `s`, `min`, `h`, `d`, `mo`, `mpm` |
 * | `a`      | architecture                                  | `x86`, `arm`                      |
 * | `e`      | ephemeral storage, MB                         | number                            |
 *
 * `n` to `e` describe the first function; function N (N >= 2) uses the same
 * keys with N appended (`m2`, `n3`, ...). `fns=3` makes three functions even
 * when some of them are all defaults; without `fns` the count is the highest N
 * used (or the preset's count, if larger).
 *
 * Pure: no DOM, no `window`; the caller reads and writes the address bar.
 */
import {
  characterCount,
  PRICE_SHEETS,
  quoteText,
  stripUnsafeCharacters,
  validateInput,
  type Architecture,
  type EstimateInput,
  type PriceSheetId,
  type RequestUnit,
} from '../engine/index'
import { PRESETS, presetInputs } from './presets'
import { parseNumberText, toEstimateInput } from './selectors'
import { defaultFunction, defaultInputs, MAX_FORM_FUNCTIONS, type CalculatorInputs, type FunctionDraft } from './store'

/** A key of a link that could not be used: it fell back to its default. */
export interface UrlProblem {
  /** The query key, e.g. `m2`; `preset` when a preset's own value no longer fits. */
  key: string
  /** The value given, plain text, shortened to at most 40 characters plus `…`. */
  value: string
  /** Names the key, the value and what is allowed, e.g. `m=4096: Memory must be ...`. */
  message: string
}

/** What a link holds: the inputs to show, and what could not be used. */
export interface DecodeResult {
  /** Always valid: every field the engine would reject fell back to its default. */
  inputs: CalculatorInputs
  problems: UrlProblem[]
  /** The preset the link applied (`?preset=`), or null. */
  presetId: string | null
  /** The link says it has a newer format (`v` above 1): what could be read was applied. */
  futureVersion: boolean
}

/** The link format version this codec writes and reads. */
export const URL_FORMAT_VERSION = 1

/** The longest value read from a link, characters; longer values are a problem. */
export const MAX_URL_VALUE_LENGTH = 100

const SHEET_CODES: Readonly<Record<PriceSheetId, string>> = { 'aws-2016': '2016', 'aws-current': 'current' }
const UNIT_CODES: Readonly<Record<RequestUnit, string>> = {
  second: 's',
  minute: 'min',
  hour: 'h',
  day: 'd',
  month: 'mo',
  'million-per-month': 'mpm',
}
const ARCHITECTURE_CODES: Readonly<Record<Architecture, string>> = { x86_64: 'x86', arm64: 'arm' }

type NumberField = 'memoryMb' | 'durationMs' | 'requests' | 'ephemeralStorageMb'
export type Field = 'name' | NumberField | 'per' | 'architecture'

/** Each function field's key letter, in the order encode writes them. */
const FIELD_LETTERS: readonly (readonly [Field, string])[] = [
  ['name', 'n'],
  ['memoryMb', 'm'],
  ['durationMs', 'd'],
  ['requests', 'r'],
  ['per', 'u'],
  ['architecture', 'a'],
  ['ephemeralStorageMb', 'e'],
]
const NUMBER_FIELDS: readonly NumberField[] = ['memoryMb', 'durationMs', 'requests', 'ephemeralStorageMb']

/** `m`, `m2`, `m10`...; `m1` and `m02` are not keys (and so are ignored). */
const FUNCTION_KEY = /^([nmdruae])([2-9]|[1-9]\d+)?$/

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
  return quoteText(value).slice(1, -1)
}

/** A value quoted as typed, for a message. */
function quote(value: string): string {
  return quoteText(value)
}

function listCodes(table: Readonly<Record<string, string>>): string {
  return Object.values(table).join(', ')
}

let blank: Omit<FunctionDraft, 'id'> | undefined
/** `defaultFunction()` without an id, made once so encode uses no ids. */
function blankFunction(): Omit<FunctionDraft, 'id'> {
  if (!blank) {
    const { id: _id, ...rest } = defaultFunction()
    blank = rest
  }
  return blank
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
  /** The value's length, characters. */
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
 * The query string for `inputs`, without a leading `?`; `''` for the defaults.
 * Keys come in a fixed order (`p rg ft fns`, then each function's `n m d r u a e`)
 * and only values that differ from the defaults are written. Numbers are written
 * canonically; text that is not a number is written as it is, so a link of a
 * half-typed form reports it. On the classic sheet `a` and `e` are not written:
 * they do not apply there.
 *
 * The link is bounded: a value longer than `MAX_URL_VALUE_LENGTH` is left out
 * (decode would refuse it), and if the query would pass `MAX_QUERY_LENGTH` the
 * longest values are left out until it fits. `omitted` lists each, so the form
 * can say so beside the field.
 *
 * @example encodeLink(presetInputs('mobile-backend')!).query // 'p=current&m=1536&d=120'
 */
export function encodeLink(inputs: CalculatorInputs): EncodedLink {
  const defaults = blankFunction()
  const pairs: Pair[] = []
  const account = (key: string, value: string) => pairs.push({ key, value, functionIndex: null, field: null })
  const classic = inputs.sheet === 'aws-2016'
  if (inputs.sheet !== 'aws-2016') account('p', SHEET_CODES[inputs.sheet] ?? String(inputs.sheet))
  if (inputs.region !== 'us-east-1') account('rg', inputs.region)
  if (!inputs.freeTier) account('ft', '0')
  if (inputs.functions.length !== 1) account('fns', String(inputs.functions.length))
  inputs.functions.forEach((fn, index) => {
    for (const [field, letter] of FIELD_LETTERS) {
      if (classic && (field === 'architecture' || field === 'ephemeralStorageMb')) continue
      let value: string
      if (field === 'per') value = UNIT_CODES[fn.per] ?? String(fn.per)
      else if (field === 'architecture') value = ARCHITECTURE_CODES[fn.architecture] ?? String(fn.architecture)
      else if (field === 'name') value = fn.name
      else value = canonicalNumber(fn[field])
      const defaultValue =
        field === 'per' ? UNIT_CODES[defaults.per] : field === 'architecture' ? ARCHITECTURE_CODES[defaults.architecture] : defaults[field]
      if (value === defaultValue) continue
      pairs.push({ key: functionKey(letter, index), value: field === 'requests' ? shortRequests(value) : value, functionIndex: index, field })
    }
  })

  const omitted: LinkOmission[] = []
  const omit = (pair: Pair, reason: LinkOmission['reason']) => {
    if (pair.field)
      omitted.push({ functionIndex: pair.functionIndex, field: pair.field, key: pair.key, characters: characterCount(pair.value), reason })
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
 * @example encode(presetInputs('mobile-backend')!) // 'p=current&m=1536&d=120'
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
  presetId: string | null = null
  base: CalculatorInputs = defaultInputs()
  inputs: CalculatorInputs = defaultInputs()

  constructor(query: string) {
    const text = query.startsWith('?') ? query.slice(1) : query
    for (const [key, value] of new URLSearchParams(text)) {
      // Repeated keys: the first one wins.
      if (this.params.has(key)) continue
      this.params.set(key, value)
      this.order.set(key, this.order.size)
    }
  }

  report(key: string, raw: string, message: string): void {
    const value = shown(raw)
    this.problems.push({ key, value, message: `${key}=${value}: ${message}` })
  }

  /** A key's value, or undefined when absent or too long (a problem). */
  take(key: string): string | undefined {
    const raw = this.params.get(key)
    if (raw === undefined || characterCount(raw, MAX_URL_VALUE_LENGTH) <= MAX_URL_VALUE_LENGTH) return raw
    this.report(key, raw, `The value is ${characterCount(raw).toLocaleString('en-US')} characters long; at most ${MAX_URL_VALUE_LENGTH} are read.`)
    return undefined
  }

  readVersion(): void {
    const raw = this.take('v')
    if (raw === undefined) return
    if (/^\d+$/.test(raw) && Number(raw) >= 1) {
      this.futureVersion = Number(raw) > URL_FORMAT_VERSION
    } else {
      this.report(
        'v',
        raw,
        `The link format version must be a whole number, 1 or more (this calculator reads version ${URL_FORMAT_VERSION}); got ${quote(raw)}.`,
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
    const draft = { ...(this.base.functions[index] ?? defaultFunction()) }
    for (const [field, letter] of FIELD_LETTERS) {
      const key = functionKey(letter, index)
      const raw = this.take(key)
      if (raw === undefined) continue
      if (field === 'per') {
        const unit = fromCode(UNIT_CODES, raw)
        if (!unit) {
          this.report(
            key,
            raw,
            `Request unit must be one of ${listCodes(UNIT_CODES)} (per second, minute, hour, day, month, or millions a month); got ${quote(raw)}.`,
          )
          continue
        }
        draft.per = unit
      } else if (field === 'architecture') {
        const architecture = fromCode(ARCHITECTURE_CODES, raw)
        if (!architecture) {
          this.report(key, raw, `Architecture must be x86 or arm; got ${quote(raw)}.`)
          continue
        }
        draft.architecture = architecture
      } else if (field === 'name') {
        draft.name = stripUnsafeCharacters(raw)
      } else {
        draft[field] = raw
      }
      this.setBy.set(`functions.${index}.${field}`, { key, raw })
    }
    return draft
  }

  /** The engine input to check: what the app would estimate, plus `a`/`e` given on the classic sheet. */
  checkInput(): EstimateInput {
    const input = toEstimateInput(this.inputs)
    if (this.inputs.sheet === 'aws-2016') {
      input.functions.forEach((fn, i) => {
        const draft = this.inputs.functions[i]!
        if (this.setBy.has(`functions.${i}.architecture`)) fn.architecture = draft.architecture
        if (this.setBy.has(`functions.${i}.ephemeralStorageMb`)) fn.ephemeralStorageMb = parseNumberText(draft.ephemeralStorageMb) as number
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
    const defaults = blankFunction()
    for (let pass = 0; pass < 3; pass++) {
      const found = validateInput(this.checkInput())
      if (found.length === 0) return
      for (const problem of found) {
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

function setField(draft: FunctionDraft, field: Field, value: string): void {
  ;(draft as unknown as Record<Field, string>)[field] = value
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
    return { inputs, problems: decoder.sortedProblems(), presetId: decoder.presetId, futureVersion: decoder.futureVersion }
  } catch {
    return {
      inputs: defaultInputs(),
      problems: [{ key: '', value: '', message: 'This link could not be read; the calculator starts from its defaults.' }],
      presetId: null,
      futureVersion: false,
    }
  }
}
