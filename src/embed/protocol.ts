// The message protocol between a docs page (embed.js) and the calculator in its
// iframe, and the element's attribute -> URL key table. Imports nothing: both
// the loader (no React) and the app's iframe bridge build on it.

/** The namespace every message carries; anything else on the channel is ignored. */
export const NS = 'lambda-cost-calculator'
/** The protocol version; a message of another version is ignored. */
export const VERSION = 1
/** The tallest height (CSS px) a widget may ask for. */
export const MAX_HEIGHT = 20000
/** The longest query string a message may carry. */
export const MAX_QUERY = 4096

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

/** iframe -> host: the inputs changed; totals are null while the inputs are invalid. */
export interface ChangeMessage extends Envelope {
  type: 'change'
  query: string
  /** Null while the inputs are invalid, or when the bill exceeds 2^53 cents (then see totalUsd). */
  totalCents: number | null
  totalUsd: string | null
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
    const totals = (c === null && (u === null || isUsd(u))) || (isCents(c) && isUsd(u))
    return isQuery(query) && totals ? { ...base, type: 'change', query, totalCents: c as number | null, totalUsd: u as string | null } : null
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

/** One element attribute: its URL key, and readable aliases mapped to the app's values. */
export interface AttributeSpec {
  key: string
  aliases?: Record<string, string>
}

/**
 * The `<lambda-cost-calculator>` attributes and the app's URL key of each.
 * Values pass through as written (the app validates them), except that an
 * alias (matched trimmed and case-insensitively) becomes the app's short value.
 */
export const ATTRIBUTES: Record<string, AttributeSpec> = {
  sheet: { key: 'p', aliases: { 'aws-2016': '2016', 'aws-current': 'current' } },
  region: { key: 'rg' },
  'free-tier': { key: 'ft', aliases: { true: '1', false: '0' } },
  memory: { key: 'm' },
  duration: { key: 'd' },
  requests: { key: 'r' },
  unit: {
    key: 'u',
    aliases: { second: 's', minute: 'min', hour: 'h', day: 'd', month: 'mo', 'million-per-month': 'mpm' },
  },
  architecture: { key: 'a', aliases: { x86_64: 'x86', arm64: 'arm' } },
  storage: { key: 'e' },
  preset: { key: 'preset' },
  theme: { key: 'theme' },
}

/** The boolean attribute that asks for the compact layout (URL `compact=1`). */
export const COMPACT_ATTRIBUTE = 'compact'

/**
 * The URL query (without `?`) for an element's attributes, read through `get`
 * (e.g. `(name) => el.getAttribute(name)`). Empty and missing attributes are left out.
 *
 * @example attributesToQuery((n) => ({ sheet: 'aws-2016', memory: '512' })[n] ?? null) // "p=2016&m=512"
 */
export function attributesToQuery(get: (name: string) => string | null): string {
  const parts: string[] = []
  for (const [name, { key, aliases }] of Object.entries(ATTRIBUTES)) {
    const raw = get(name)
    if (raw === null || raw.trim() === '') continue
    const word = raw.trim().toLowerCase()
    const value = aliases && Object.hasOwn(aliases, word) ? aliases[word]! : raw
    parts.push(`${key}=${encodeURIComponent(value)}`)
  }
  const compact = get(COMPACT_ATTRIBUTE)
  if (compact !== null && compact.trim().toLowerCase() !== 'false') parts.push('compact=1')
  return parts.join('&')
}
