// The message protocol between a docs page (embed.js) and the calculator in its
// iframe, and the element's attribute -> URL key table. Imports only the
// engine's table of fields (pure data, no dependencies): both the loader (no
// React) and the app's iframe bridge build on it.
import { ACCOUNT_FIELDS, FUNCTION_FIELDS, type FieldChoice, type FieldSpec } from '../engine/fields'

/** The namespace every message carries; anything else on the channel is ignored. */
export const NS = 'lambda-cost-calculator'
/** The protocol version; a message of another version is ignored. */
export const VERSION = 1
/** The tallest height (CSS px) a widget may ask for. */
export const MAX_HEIGHT = 20000
/** The longest query string a message may carry. */
export const MAX_QUERY = 4096
/**
 * The longest attribute value the widget reads, in characters (UTF-16 code
 * units, as the calculator's links count them): the same limit as a link's
 * values. A longer value is left out and reported, never sent.
 */
export const MAX_VALUE_LENGTH = 100
/** The most problems a change message carries. */
export const MAX_PROBLEMS = 40
/** The longest problem message a change message carries. */
export const MAX_PROBLEM_MESSAGE = 1000
/**
 * The query key (beside the inputs' keys) by which the loader tells the widget
 * which attributes it left out as too long: `over=memory.5000,duration.120`
 * (each attribute with its length).
 */
export const OVER_KEY = 'over'
/**
 * The attribute the widget sets on its <html> once its content is rendered:
 * the bridge reports no size before, so the host never sees a half-built widget.
 */
export const READY_ATTRIBUTE = 'data-widget-ready'

/** The widget's colour theme. */
export type Theme = 'light' | 'dark' | 'auto'

interface Envelope {
  ns: typeof NS
  v: typeof VERSION
  /** The widget id the loader gave the iframe (its `wid` URL parameter). */
  wid: string
}

/** iframe -> host: the widget's content is `height` CSS px tall. */
export interface ResizeMessage extends Envelope {
  type: 'resize'
  height: number
}

/**
 * Something the widget could not use, in the element's own terms: the
 * attribute (e.g. `memory`; the link's key where no attribute matches, such as
 * `fns`; empty for a link that could not be read at all) and a sentence that
 * names the attribute, the value and what is allowed.
 */
export interface AttributeProblem {
  attribute: string
  message: string
}

/** iframe -> host: the inputs changed; totals are null while the inputs are invalid. */
export interface ChangeMessage extends Envelope {
  type: 'change'
  query: string
  /**
   * The bill in cents, or null: while the inputs are invalid, and for a valid
   * bill of 2^53 cents or more, which a number cannot hold exactly (then see totalUsd).
   */
  totalCents: number | null
  /** The bill in dollars, exact at any size (e.g. `"18.74"`); null only while the inputs are invalid. */
  totalUsd: string | null
  /** What the widget could not use of its attributes, and typed values too long to pass on in `query`. */
  problems: AttributeProblem[]
}

/** host -> iframe: show these inputs (a URL query, without `?`), and optionally this theme. */
export interface SetMessage extends Envelope {
  type: 'set'
  query: string
  theme?: Theme
}

/** A message the iframe sends to its host page. */
export type WidgetMessage = ResizeMessage | ChangeMessage
/** A message the host page sends to the iframe. */
export type HostMessage = SetMessage

/** Whether `value` is a widget id: 1 to 64 letters, digits, `_` or `-`. */
export function isWid(value: unknown): value is string {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value)
}

/** Whether `value` is a theme name. */
export function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark' || value === 'auto'
}

/** Whether `value` is exactly an http(s) origin such as `https://docs.example:8443` (no path, no trailing slash). */
export function isOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 256 || !/^https?:\/\//.test(value)) return false
  try {
    return new URL(value).origin === value
  } catch {
    return false
  }
}

/** Whether `value` is a query string of bounded length made of printable ASCII (as URL encoding produces). */
export function isQuery(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_QUERY && /^[\x21-\x7e]*$/.test(value)
}

const isCents = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const isUsd = (v: unknown): v is string => typeof v === 'string' && v.length <= 64 && /^\d+(\.\d+)?$/.test(v)

/** Whole cents as exact dollars with two places: 1874 -> "18.74", 5 -> "0.05". */
function centsAsUsd(cents: number): string {
  const digits = String(cents).padStart(3, '0')
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}

/** Whether `v` is a valid problem list: at most MAX_PROBLEMS entries of a short attribute name and a printable message. */
function isProblems(v: unknown): v is AttributeProblem[] {
  return (
    Array.isArray(v) &&
    v.length <= MAX_PROBLEMS &&
    v.every(
      (p: unknown) =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as AttributeProblem).attribute === 'string' &&
        /^[\w-]{0,32}$/.test((p as AttributeProblem).attribute) &&
        typeof (p as AttributeProblem).message === 'string' &&
        (p as AttributeProblem).message.length >= 1 &&
        (p as AttributeProblem).message.length <= MAX_PROBLEM_MESSAGE &&
        // No control characters, no bidirectional overrides or isolates.
        !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test((p as AttributeProblem).message),
    )
  )
}

function envelope(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null
  const m = data as Record<string, unknown>
  return m.ns === NS && m.v === VERSION && isWid(m.wid) ? m : null
}

/**
 * The widget -> host message in `data`, rebuilt from its validated fields only,
 * or null when it is not a well-formed message of this protocol.
 */
export function parseWidgetMessage(data: unknown): WidgetMessage | null {
  const m = envelope(data)
  if (!m) return null
  const base = { ns: NS, v: VERSION, wid: m.wid as string } as const
  if (m.type === 'resize') {
    const h = m.height
    return typeof h === 'number' && Number.isFinite(h) && h >= 0 && h <= MAX_HEIGHT ? { ...base, type: 'resize', height: h } : null
  }
  if (m.type === 'change') {
    const { query, totalCents: c, totalUsd: u } = m
    // totalCents is null while the inputs are invalid, and also for a bill beyond
    // 2^53 cents, which a number cannot hold exactly; totalUsd is exact then.
    // Where both are given they must be the same amount.
    const totals = (c === null && (u === null || isUsd(u))) || (isCents(c) && isUsd(u) && u === centsAsUsd(c))
    // A widget of an earlier release sends no problems: none.
    const problems = m.problems === undefined ? [] : m.problems
    if (!isQuery(query) || !totals || !isProblems(problems)) return null
    return {
      ...base,
      type: 'change',
      query,
      totalCents: c as number | null,
      totalUsd: u as string | null,
      problems: problems.map(({ attribute, message }) => ({ attribute, message })),
    }
  }
  return null
}

/**
 * The host -> widget message in `data`, rebuilt from its validated fields only,
 * or null when it is not a well-formed message of this protocol.
 */
export function parseHostMessage(data: unknown): HostMessage | null {
  const m = envelope(data)
  if (!m || m.type !== 'set' || !isQuery(m.query) || (m.theme !== undefined && !isTheme(m.theme))) return null
  const msg: SetMessage = { ns: NS, v: VERSION, wid: m.wid as string, type: 'set', query: m.query }
  if (m.theme !== undefined) msg.theme = m.theme as Theme
  return msg
}

/** One element attribute: its URL key, and readable aliases mapped to the app's values (what it allows is `allowedValues`). */
export interface AttributeSpec {
  key: string
  aliases?: Record<string, string>
  /** A boolean attribute: present with no value (`<... edge>`) means `true`. */
  boolean?: boolean
}

/** "a, b or c". */
// The engine's orList (src/engine/text.ts), written out: importing that module would bring its
// grapheme segmenter into embed.js, which has no bytes to spare.
const orList = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : (items[0] ?? ''))

/**
 * What the attributes read of a field of the table, and all that embed.js
 * carries of it: the loader's build (vite.config.ts) replaces the table with
 * `loaderField` of each field, leaving out the texts the form and the messages use.
 */
export type LoaderField = Partial<Pick<FieldSpec, 'key' | 'type'>> &
  Pick<FieldSpec, 'urlKey' | 'attribute'> & {
    /** Each choice's value, and its code where that differs. */
    choices?: readonly (Pick<FieldChoice, 'value'> & Partial<Pick<FieldChoice, 'code'>>)[]
  }

/**
 * The most values a choice attribute lists for itself: one with more (the
 * instance types) passes its value through as written, embed.js stays small,
 * and the app names a value it does not know, with what is allowed.
 */
const MAX_ATTRIBUTE_CHOICES = 8

/**
 * A field of the table with only what its attribute reads.
 *
 * @example loaderField(FUNCTION_FIELDS[1]!) // { urlKey: 'm', attribute: 'memory' }
 */
export function loaderField({ key, type, urlKey, attribute, choices }: LoaderField): LoaderField {
  // Only what an attribute reads: the name (which has none) by its key, yes/no by its type.
  const field: LoaderField = { urlKey, attribute }
  if (key === 'name') field.key = key
  if (type === 'boolean') field.type = type
  if (choices && choices.length <= MAX_ATTRIBUTE_CHOICES)
    field.choices = choices.map(({ value, code }) => (code === value ? { value } : { value, code }))
  return field
}

/**
 * A function field's attribute: its link key; for a choice, each value and
 * each code (lower case) as an alias of the code, and what is allowed; for a
 * yes/no field, `true` and `false` for 1 and 0.
 */
function fieldAttribute(spec: LoaderField): AttributeSpec {
  if (spec.type === 'boolean') return { key: spec.urlKey, aliases: { true: '1', false: '0' }, boolean: true }
  if (!spec.choices || spec.choices.length > MAX_ATTRIBUTE_CHOICES) return { key: spec.urlKey }
  return {
    key: spec.urlKey,
    aliases: Object.fromEntries(spec.choices.flatMap(({ value, code = value }) => [value, code].map((alias) => [alias.toLowerCase(), code]))),
  }
}

/**
 * What an attribute with a fixed set of values allows, for telling a page that
 * gave another one; undefined for the others. No yes/no field has one: besides
 * a bad value, the app may refuse a good one in combination (Lambda@Edge on
 * arm64). The app's side only (the loader never explains a value).
 *
 * @example allowedValues('architecture') // 'x86_64 or arm64 (also x86, arm)'
 */
export function allowedValues(attribute: string): string | undefined {
  if (attribute === 'sheet') return '2016 or current (also aws-2016, aws-current)'
  if (attribute === 'free-tier') return 'true or false'
  const choices = (FUNCTION_FIELDS as readonly FieldSpec[]).find((f) => f.attribute === attribute && f.type !== 'boolean')?.choices
  if (!choices || choices.length > MAX_ATTRIBUTE_CHOICES) return undefined
  return choices.some((c) => c.code !== c.value)
    ? `${orList(choices.map((c) => c.value))} (also ${choices.map((c) => c.code).join(', ')})`
    : orList(choices.map((c) => (c.note ? `${c.value} (${c.note})` : c.value)))
}

/**
 * The attributes of a table of fields, in its order: the account's set the
 * estimate's, a function field's the first function's. The widget shows no
 * name field, and has never taken a name.
 */
export function attributesOf(fields: readonly LoaderField[]): Record<string, AttributeSpec> {
  return Object.fromEntries(fields.filter((f) => f.key !== 'name').map((f) => [f.attribute, fieldAttribute(f)]))
}

/**
 * The `<lambda-cost-calculator>` attributes and the app's URL key of each: one
 * per account field, then one per function field (each its `attribute` in
 * engine/fields.ts), then the preset and the theme.
 * Values pass through as written (the app validates them), except that an
 * alias (matched trimmed and case-insensitively) becomes the app's short value.
 */
export const ATTRIBUTES: Record<string, AttributeSpec> = {
  ...attributesOf(ACCOUNT_FIELDS),
  ...attributesOf(FUNCTION_FIELDS),
  preset: { key: 'preset' },
  theme: { key: 'theme' },
}

/** The boolean attribute that asks for the compact layout (URL `compact=1`). */
export const COMPACT_ATTRIBUTE = 'compact'

/** The attribute whose URL key is `key` (`m` -> `memory`), or null (`fns`, `m2`: no attribute sets them). */
export function attributeForKey(key: string): string | null {
  for (const [name, spec] of Object.entries(ATTRIBUTES)) if (spec.key === key) return name
  return null
}

const grouped = (n: number) => n.toLocaleString('en-US')

/**
 * The problem for an attribute value left out as too long: `length` characters
 * where at most MAX_VALUE_LENGTH are read, or (`together`) a value that did fit
 * but made the attributes as a whole longer than a message carries.
 */
export function tooLongProblem(attribute: string, length: number, together = false): AttributeProblem {
  const what = `${attribute}: the value is ${grouped(length)} character${length === 1 ? '' : 's'} long`
  return {
    attribute,
    message: together
      ? `${what}; with the other attributes it exceeds the ${grouped(MAX_QUERY)} characters the widget reads, so it was left out.`
      : `${what}; the widget reads at most ${MAX_VALUE_LENGTH}, so it was left out.`,
  }
}

/**
 * `value` with any lone surrogate (half of a split emoji) replaced by U+FFFD, so it can be URL-encoded.
 * Pairs are matched first and kept: no lookbehind, which Safari before 16.4 cannot parse
 * (embed.js's build target, EMBED_TARGET in scripts/embed-build.ts, is older).
 */
function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (unit) => (unit.length === 2 ? unit : '\ufffd'))
}

/** `Object.hasOwn`, which Safari before 15.4 lacks. */
const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key)

/**
 * The URL query (without `?`) for an element's attributes, read through `get`
 * (e.g. `(name) => el.getAttribute(name)`). Empty and missing attributes are
 * left out, except that a boolean attribute (`edge`) present with no value means true.
 * No `v` is written: the app reads the attributes with the link format
 * version 1's defaults, so an element without `sheet` keeps the classic 2016
 * sheet it always showed.
 * A value over MAX_VALUE_LENGTH characters is left out too, and so are the
 * longest values if together they would exceed MAX_QUERY: the query then ends
 * with `over=name.length,...` (OVER_KEY), so the widget can say so.
 *
 * @example attributesToQuery((n) => ({ sheet: 'aws-2016', memory: '512' })[n] ?? null) // "p=2016&m=512"
 * @example attributesToQuery((n) => ({ memory: '9'.repeat(500) })[n] ?? null) // "over=memory.500"
 */
export function attributesToQuery(get: (name: string) => string | null): string {
  const parts: { name: string; length: number; text: string }[] = []
  const over: string[] = []
  for (const [name, { key, aliases, boolean }] of Object.entries(ATTRIBUTES)) {
    const given = get(name)
    const raw = boolean && given !== null && given.trim() === '' ? 'true' : given
    if (raw === null || raw.trim() === '') continue
    if (raw.length > MAX_VALUE_LENGTH) {
      over.push(`${name}.${raw.length}`)
      continue
    }
    const word = raw.trim().toLowerCase()
    const value = aliases && hasOwn(aliases, word) ? aliases[word]! : raw
    parts.push({ name, length: raw.length, text: `${key}=${encodeURIComponent(wellFormed(value))}` })
  }
  const compact = get(COMPACT_ATTRIBUTE)
  const tail = compact !== null && compact.trim().toLowerCase() !== 'false' ? ['compact=1'] : []
  const build = () => [...parts.map((p) => p.text), ...(over.length ? [`${OVER_KEY}=${over.join(',')}`] : []), ...tail].join('&')
  // Values of up to MAX_VALUE_LENGTH characters can still add up to more than a
  // message carries (non-ASCII text triples or more when encoded): leave out the longest.
  let query = build()
  while (query.length > MAX_QUERY && parts.length > 0) {
    const longest = parts.reduce((a, b) => (b.text.length > a.text.length ? b : a))
    parts.splice(parts.indexOf(longest), 1)
    over.push(`${longest.name}.${longest.length}`)
    query = build()
  }
  return query
}

/**
 * The attributes the loader left out as too long, read from a query's OVER_KEY
 * (see attributesToQuery), as problems. Anything malformed in it is ignored.
 *
 * @example readOverLong('m=512&over=duration.250')[0]?.attribute // "duration"
 */
export function readOverLong(query: string): AttributeProblem[] {
  const text = new URLSearchParams(query).get(OVER_KEY)
  if (!text) return []
  const seen = new Set<string>()
  const problems: AttributeProblem[] = []
  for (const item of text.split(',').slice(0, Object.keys(ATTRIBUTES).length)) {
    const m = /^([a-z-]{1,32})\.(\d{1,9})$/.exec(item)
    if (!m || !hasOwn(ATTRIBUTES, m[1]!) || seen.has(m[1]!)) continue
    seen.add(m[1]!)
    const length = Number(m[2])
    problems.push(tooLongProblem(m[1]!, length, length <= MAX_VALUE_LENGTH))
  }
  return problems
}
