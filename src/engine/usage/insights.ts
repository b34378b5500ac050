/**
 * Logs Insights histogram import: the result of a `stats` query that groups
 * REPORT lines by function, memory size, cold or warm and billed duration,
 * exported as CSV or JSON, read into one aggregated sample per function.
 * Every parser here is a single forward pass over the text (linear in it).
 */
import type { AggregatedRow, BilledUsageSummary, MemoryUsage, ReportFormat, ReportProblem, ReportSample } from './types'

/**
 * The per-invocation columns of a sample read from rows, not lines: empty (its
 * invocations are counted in its rows). Fresh arrays each call, since a sample's
 * buffers may be transferred to another thread.
 *
 * @example noInvocationColumns().durationUs.length // 0
 */
export function noInvocationColumns(): Pick<
  ReportSample,
  'durationUs' | 'billedDurationMs' | 'memoryMb' | 'maxMemoryUsedMb' | 'cold' | 'initDurationUs' | 'restoreDurationUs' | 'billedRestoreMs'
> {
  return {
    durationUs: new Uint32Array(0),
    billedDurationMs: new Uint32Array(0),
    memoryMb: new Uint16Array(0),
    maxMemoryUsedMb: new Uint16Array(0),
    cold: new Uint8Array(0),
    initDurationUs: new Uint32Array(0),
    restoreDurationUs: new Uint32Array(0),
    billedRestoreMs: new Uint32Array(0),
  }
}

/**
 * Rows Logs Insights returns at most (`limit` up to 100,000; 10,000 by default).
 *
 * @example parseInsights(moreRowsThanThat).problems.at(-1)?.message // 'More than 100,000 rows: ...'
 */
export const MAX_INSIGHTS_ROWS = 100_000

/** Largest Billed Duration of one invocation, ms: the 900 s timeout plus a 10 s INIT. */
const MAX_BILLED_MS = 910_000
const MIN_MEMORY_MB = 128
const MAX_MEMORY_MB = 10_240
/** Problems kept in the result (all are counted). */
const MAX_PROBLEMS = 1000

/** The columns of the interchange format, by header name. */
const COLUMNS = [
  'function',
  'memoryMb',
  'cold',
  'billedMs',
  'bucketMs',
  'invocations',
  'billedMsSum',
  'durationMsSum',
  'initMsSum',
  'maxMemoryUsedMb',
  'firstMs',
  'lastMs',
] as const
type Column = (typeof COLUMNS)[number]
const OPTIONAL = new Set<Column>(['bucketMs', 'firstMs', 'lastMs'])
const REQUIRED = COLUMNS.filter((c) => !OPTIONAL.has(c))
const COLUMN_OF = new Map<string, Column>(COLUMNS.map((c) => [c.toLowerCase(), c]))

/**
 * The Logs Insights query for functions that log REPORT lines as text (the
 * default log format): one row per function, memory size, cold or warm and
 * exact Billed Duration. `@memorySize` and `@maxMemoryUsed` are decimal bytes.
 *
 * @example INSIGHTS_QUERY_TEXT.split('\n')[0] // 'filter @type = "REPORT"'
 */
export const INSIGHTS_QUERY_TEXT = `filter @type = "REPORT"
| fields @log as function, @memorySize / 1000000 as memoryMb,
         ispresent(@initDuration) as cold, @billedDuration as billedMs
| stats count(*) as invocations,
        sum(@billedDuration) as billedMsSum,
        sum(@duration) as durationMsSum,
        sum(@initDuration) as initMsSum,
        max(@maxMemoryUsed / 1000000) as maxMemoryUsedMb,
        min(@timestamp) as firstMs,
        max(@timestamp) as lastMs
  by function, memoryMb, cold, billedMs
| sort function asc, memoryMb asc, cold asc, billedMs asc
| limit 10000`

/**
 * The text-format query with Billed Duration in 10 ms buckets (1-10, 11-20,
 * ... ms), for a result that would pass Logs Insights' row limit: each row
 * keeps the exact `sum(@billedDuration)` and no bucket crosses a 100 ms step,
 * so both sheets stay exact (the classic sheet as far as warm rows go).
 *
 * @example INSIGHTS_QUERY_TEXT_BUCKETS.includes('floor((@billedDuration - 1) / 10) * 10 + 1 as billedMs') // true
 */
export const INSIGHTS_QUERY_TEXT_BUCKETS = `filter @type = "REPORT"
| fields @log as function, @memorySize / 1000000 as memoryMb,
         ispresent(@initDuration) as cold,
         floor((@billedDuration - 1) / 10) * 10 + 1 as billedMs,
         @billedDuration * 0 + 10 as bucketMs
| stats count(*) as invocations,
        sum(@billedDuration) as billedMsSum,
        sum(@duration) as durationMsSum,
        sum(@initDuration) as initMsSum,
        max(@maxMemoryUsed / 1000000) as maxMemoryUsedMb,
        min(@timestamp) as firstMs,
        max(@timestamp) as lastMs
  by function, memoryMb, cold, billedMs, bucketMs
| sort function asc, memoryMb asc, cold asc, billedMs asc
| limit 10000`

/**
 * The same query for functions that log in JSON format (`platform.report` records; memory already in MB).
 *
 * @example INSIGHTS_QUERY_JSON.startsWith('filter type = "platform.report"') // true
 */
export const INSIGHTS_QUERY_JSON = `filter type = "platform.report"
| fields @log as function, record.metrics.memorySizeMB as memoryMb,
         ispresent(record.metrics.initDurationMs) as cold,
         record.metrics.billedDurationMs as billedMs
| stats count(*) as invocations,
        sum(record.metrics.billedDurationMs) as billedMsSum,
        sum(record.metrics.durationMs) as durationMsSum,
        sum(record.metrics.initDurationMs) as initMsSum,
        max(record.metrics.maxMemoryUsedMB) as maxMemoryUsedMb,
        min(@timestamp) as firstMs,
        max(@timestamp) as lastMs
  by function, memoryMb, cold, billedMs
| sort function asc, memoryMb asc, cold asc, billedMs asc
| limit 10000`

/**
 * What `parseInsights` read: one aggregated sample per distinct `function`
 * value (in order of first appearance), and every row it could not read.
 *
 * @example parseInsights(csv).functions[0] // { name: '123456789012:/aws/lambda/orders', sample: { invocations: 1200, ... } }
 */
export interface InsightsImport {
  functions: { name: string; sample: ReportSample }[]
  problems: ReportProblem[]
  /** All problems, including those past the first 1,000 kept in `problems`. */
  problemCount: number
  format: 'csv' | 'json' | null
}

/**
 * Options of `parseInsights`.
 *
 * @example const work = { steps: 0 }; parseInsights(text, { work }); work.steps // at most 4 x text.length
 */
export interface InsightsParseOptions {
  /** Counts characters examined (`steps`): the work is linear in the text. */
  work?: { steps: number }
}

/** Plain digits: a whole number read as a double exactly (below 2^53). */
const PLAIN_WHOLE = /^\d{1,15}$/
/** Plain ms with at most 3 decimals: whole µs. */
const PLAIN_MS = /^(\d{1,15})(?:\.(\d{1,3}))?$/

/** An exact decimal: value = int / 10^scale. */
interface Decimal {
  int: bigint
  scale: number
}

/** Reads a non-negative decimal (digits, optional fraction, optional exponent), exactly; null when it is not one. */
export function readDecimal(text: string): Decimal | null {
  const s = text.trim()
  const m = /^\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/.exec(s)
  if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) return null
  const digits = (m[1] ?? '') + (m[2] ?? '')
  let scale = (m[2] ?? '').length - (m[3] ? Number(m[3]) : 0)
  let int = BigInt(digits === '' ? '0' : digits)
  if (scale < 0) {
    int *= 10n ** BigInt(-scale)
    scale = 0
  }
  return { int, scale }
}

/** The decimal as a whole number, or null when it has a fraction. */
function wholeOf(d: Decimal): bigint | null {
  const p = 10n ** BigInt(d.scale)
  return d.int % p === 0n ? d.int / p : null
}

/** The decimal (ms) in whole microseconds, half-up. */
function microsOf(d: Decimal): bigint {
  if (d.scale <= 3) return d.int * 10n ** BigInt(3 - d.scale)
  const p = 10n ** BigInt(d.scale - 3)
  return (d.int + p / 2n) / p
}

const groupDigits = (n: number | bigint) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** Epoch ms of a timestamp as Logs Insights prints it (epoch ms, or `YYYY-MM-DD HH:MM:SS[.sss]` in UTC, ISO with `T`/`Z` too); null when invalid. */
function timestampMs(text: string): number | null {
  const s = text.trim()
  if (/^\d{1,15}$/.test(s)) {
    const ms = Number(s)
    return ms <= 253_402_300_799_999 ? ms : null
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z?$/.exec(s)
  if (!m) return null
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number]
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return null
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  if (d > days) return null
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
  return Date.UTC(y, mo - 1, d, h, mi, se, ms)
}

type RawValue = string | number | boolean | null

interface Parsed {
  rows: (AggregatedRow & { function: string; firstMs: number | null; lastMs: number | null })[]
  problems: ReportProblem[]
  problemCount: number
}

function addProblem(p: Parsed, line: number, message: string): void {
  p.problemCount++
  if (p.problems.length < MAX_PROBLEMS) p.problems.push({ line, message })
}

/** The row at `line` is one past what Logs Insights returns: it and those after it are left out, and said so. */
function tooManyRows(p: Parsed, line: number): void {
  addProblem(
    p,
    line,
    `More than ${groupDigits(MAX_INSIGHTS_ROWS)} rows: Logs Insights returns at most that many; this row and those after it are not counted.`,
  )
}

/** Reads one row's values (by column); the row, or the reason it cannot be read. */
function readRow(get: (c: Column) => RawValue | undefined, line: number): Parsed['rows'][number] | string {
  const text = (c: Column): string => {
    const v = get(c)
    return v === undefined || v === null ? '' : String(v)
  }
  const show = (c: Column) => {
    const v = text(c).trim()
    return v.length > 40 ? `"${v.slice(0, 40)}..."` : `"${v}"`
  }
  const whole = (c: Column, min: number, max: number, what: string): number | string => {
    const t = text(c)
    // plain digits (what exports hold) skip the exact decimal reader
    if (PLAIN_WHOLE.test(t)) {
      const v = Number(t)
      if (v >= min && v <= max) return v
    }
    const d = readDecimal(t)
    const w = d ? wholeOf(d) : null
    if (w === null || w < BigInt(min) || w > BigInt(max))
      return `${c} is ${show(c)}: ${what} must be a whole number from ${groupDigits(min)} to ${groupDigits(max)}`
    return Number(w)
  }
  const fn = text('function').trim()
  if (fn === '') return 'function is empty: each row needs the function (log group) it counts'
  const memText = text('memoryMb')
  const memDec = PLAIN_WHOLE.test(memText) ? null : readDecimal(memText)
  if (memDec && wholeOf(memDec) === null)
    return `memoryMb is ${show('memoryMb')}, not a whole number of MB: divide @memorySize by 1,000,000 (decimal bytes), not 1,048,576`
  const memoryMb = whole('memoryMb', MIN_MEMORY_MB, MAX_MEMORY_MB, 'memory (MB)')
  if (typeof memoryMb === 'string') return memoryMb
  const coldText = text('cold').trim().toLowerCase()
  const cold = coldText === '1' || coldText === 'true' ? true : coldText === '0' || coldText === 'false' ? false : null
  if (cold === null) return `cold is ${show('cold')}: use 1 for cold starts and 0 for warm invocations`
  const billedMs = whole('billedMs', 0, MAX_BILLED_MS, 'billed duration (ms)')
  if (typeof billedMs === 'string') return billedMs
  const bucketMs = text('bucketMs').trim() === '' ? 1 : whole('bucketMs', 1, MAX_BILLED_MS, 'the bucket width (ms)')
  if (typeof bucketMs === 'string') return bucketMs
  const invocations = whole('invocations', 1, Number.MAX_SAFE_INTEGER, 'invocations')
  if (typeof invocations === 'string') return invocations
  const sumText = text('billedMsSum')
  const sumDec = PLAIN_WHOLE.test(sumText) ? null : readDecimal(sumText)
  const billedMsSum = PLAIN_WHOLE.test(sumText) ? BigInt(sumText) : sumDec ? wholeOf(sumDec) : null
  if (billedMsSum === null) return `billedMsSum is ${show('billedMsSum')}: it must be the whole sum of Billed Duration in ms`
  const n = BigInt(invocations)
  const low = n * BigInt(billedMs)
  const high = n * BigInt(billedMs + bucketMs - 1)
  if (billedMsSum < low || billedMsSum > high)
    return `billedMsSum ${groupDigits(billedMsSum)} ms does not fit ${groupDigits(invocations)} invocation${invocations === 1 ? '' : 's'} billed ${
      bucketMs === 1 ? `${groupDigits(billedMs)} ms each` : `from ${groupDigits(billedMs)} to ${groupDigits(billedMs + bucketMs - 1)} ms each`
    } (${groupDigits(low)}${high === low ? '' : ` to ${groupDigits(high)}`} ms)`
  const decimalOr0 = (c: Column, what: string): bigint | string => {
    const t = text(c)
    const plain = PLAIN_MS.exec(t)
    if (plain) return BigInt(plain[1]! + (plain[2] ?? '').padEnd(3, '0'))
    if (t.trim() === '') return 0n
    const d = readDecimal(t)
    return d ? microsOf(d) : `${c} is ${show(c)}: ${what} must be a number of ms, 0 or more`
  }
  if (text('durationMsSum').trim() === '') return 'durationMsSum is empty: it must be the sum of Duration in ms'
  const durationUs = decimalOr0('durationMsSum', 'the sum of Duration')
  if (typeof durationUs === 'string') return durationUs
  if (durationUs > billedMsSum * 1000n + n * 1000n)
    return `durationMsSum ${show('durationMsSum')} is more than the billed ${groupDigits(billedMsSum)} ms: Duration is never more than Billed Duration`
  const initUs = decimalOr0('initMsSum', 'the sum of Init Duration')
  if (typeof initUs === 'string') return initUs
  if (!cold && initUs > 0n) return `initMsSum is ${show('initMsSum')} on a warm row (cold 0): only cold starts have an Init Duration`
  let maxMemoryUsedMb = 0
  if (text('maxMemoryUsedMb').trim() !== '') {
    const d = readDecimal(text('maxMemoryUsedMb'))
    if (!d) return `maxMemoryUsedMb is ${show('maxMemoryUsedMb')}: it must be a number of MB, 0 or more`
    const p = 10n ** BigInt(d.scale)
    const up = (d.int + p - 1n) / p
    if (up > BigInt(MAX_MEMORY_MB)) return `maxMemoryUsedMb is ${show('maxMemoryUsedMb')}: Lambda gives at most 10,240 MB`
    maxMemoryUsedMb = Number(up)
  }
  const stamp = (c: Column): number | null | string => {
    if (text(c).trim() === '') return null
    const ms = timestampMs(text(c))
    return ms === null ? `${c} is ${show(c)}: a timestamp must be epoch ms or "YYYY-MM-DD HH:MM:SS.sss" (UTC), a real date from 1970 to 9999` : ms
  }
  const firstMs = stamp('firstMs')
  if (typeof firstMs === 'string') return firstMs
  const lastMs = stamp('lastMs')
  if (typeof lastMs === 'string') return lastMs
  if (firstMs !== null && lastMs !== null && lastMs < firstMs) return `lastMs ${show('lastMs')} is before firstMs ${show('firstMs')}`
  return {
    function: fn,
    memoryMb,
    cold,
    billedMs,
    bucketMs,
    invocations,
    billedMsSum,
    durationUs,
    initUs,
    maxMemoryUsedMb,
    firstMs,
    lastMs,
    line,
  }
}

/** Maps a header's names to columns; the missing required columns, or null when all are there. */
function mapHeader(names: string[]): { index: Map<Column, number>; missing: Column[] } {
  const index = new Map<Column, number>()
  names.forEach((name, i) => {
    const c = COLUMN_OF.get(name.trim().toLowerCase())
    if (c && !index.has(c)) index.set(c, i)
  })
  return { index, missing: REQUIRED.filter((c) => !index.has(c)) }
}

function missingText(missing: Column[]): string {
  return `The header has no ${missing.join(', ')} column${missing.length === 1 ? '' : 's'}: an import needs ${REQUIRED.join(', ')} (bucketMs, firstMs and lastMs are optional). Run the query shown in the panel and export its result.`
}

/**
 * Splits one CSV line into fields: quoted fields with "" for a quote are
 * allowed; a quote left open at the end of the line makes the line
 * unreadable (a field never runs into the next line, so one stray quote
 * cannot swallow the rows after it).
 */
function splitCsvLine(s: string, work: { steps: number }): string[] | null {
  const out: string[] = []
  const end = s.length
  let i = 0
  for (;;) {
    if (i < end && s.charCodeAt(i) === 34) {
      let value = ''
      let from = ++i
      for (;;) {
        const q = s.indexOf('"', i)
        if (q < 0) {
          work.steps += end - i
          return null
        }
        work.steps += q - i + 1
        if (q + 1 < end && s.charCodeAt(q + 1) === 34) {
          value += s.slice(from, q + 1)
          i = from = q + 2
          continue
        }
        value += s.slice(from, q)
        i = q + 1
        break
      }
      // after a closing quote: spaces, then a comma or the end
      while (i < end && s.charCodeAt(i) === 32) {
        i++
        work.steps++
      }
      out.push(value)
      if (i >= end) return out
      if (s.charCodeAt(i) !== 44) return null
      i++
      continue
    }
    let c = s.indexOf(',', i)
    if (c < 0) c = end
    work.steps += c - i + 1
    out.push(s.slice(i, c))
    if (c >= end) return out
    i = c + 1
  }
}

function parseCsv(text: string, parsed: Parsed, work: { steps: number }): void {
  let lineNo = 0
  let header: Map<Column, number> | null = null
  let width = 0
  let at = 0
  while (at <= text.length) {
    let nl = text.indexOf('\n', at)
    if (nl < 0) nl = text.length
    work.steps += nl - at + 1
    let end = nl
    if (end > at && text.charCodeAt(end - 1) === 13) end--
    lineNo++
    const start = at
    at = nl + 1
    const line = text.slice(start, end)
    if (line.trim() === '') continue
    const fields = splitCsvLine(line, work)
    if (!header) {
      if (!fields) {
        addProblem(parsed, lineNo, 'The header line has a quote that is not closed on the line.')
        return
      }
      const h = mapHeader(fields)
      if (h.missing.length > 0) {
        addProblem(parsed, lineNo, missingText(h.missing))
        return
      }
      header = h.index
      width = fields.length
      continue
    }
    if (fields && fields.length !== width) {
      addProblem(
        parsed,
        lineNo,
        `The row has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${width}; it is not counted.`,
      )
      continue
    }
    if (!fields) {
      addProblem(parsed, lineNo, 'A quoted field is not closed on this line (a field must not run into the next line); the row is not counted.')
      continue
    }
    if (parsed.rows.length >= MAX_INSIGHTS_ROWS) return tooManyRows(parsed, lineNo)
    const index = header
    const row = readRow((c) => {
      const i = index.get(c)
      return i === undefined ? undefined : fields[i]
    }, lineNo)
    if (typeof row === 'string') addProblem(parsed, lineNo, `${row}; the row is not counted.`)
    else parsed.rows.push(row)
  }
}

/**
 * Reads a flat JSON object (string keys; string, number, boolean or null
 * values) at `i` (a '{'). Returns it and the index after it, or the index
 * where reading failed.
 */
function readFlatObject(
  s: string,
  i: number,
  work: { steps: number },
): { value: Map<string, RawValue>; next: number } | { failAt: number; why: string } {
  const value = new Map<string, RawValue>()
  const n = s.length
  const ws = () => {
    while (i < n) {
      const c = s.charCodeAt(i)
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break
      i++
      work.steps++
    }
  }
  const str = (): string | null => {
    // at '"'; a raw line break ends the attempt (JSON strings never hold one)
    let out = ''
    let from = ++i
    for (;;) {
      if (i >= n) return null
      const c = s.charCodeAt(i)
      work.steps++
      if (c === 34) {
        out += s.slice(from, i++)
        return out
      }
      if (c === 10 || c === 13) return null
      if (c === 92) {
        out += s.slice(from, i)
        const e = s[i + 1]
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (e !== undefined && e in map) {
          out += map[e]
          i += 2
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16))
          i += 6
        } else return null
        from = i
        continue
      }
      i++
    }
  }
  i++
  ws()
  if (s.charCodeAt(i) === 125) return { value, next: i + 1 }
  for (;;) {
    ws()
    if (s.charCodeAt(i) !== 34) return { failAt: i, why: 'a key in quotes was expected' }
    const key = str()
    if (key === null) return { failAt: i, why: 'a text value is not closed on its line' }
    ws()
    if (s.charCodeAt(i) !== 58) return { failAt: i, why: 'a ":" was expected after a key' }
    i++
    ws()
    let v: RawValue
    const c = s.charCodeAt(i)
    if (c === 34) {
      const t = str()
      if (t === null) return { failAt: i, why: 'a text value is not closed on its line' }
      v = t
    } else {
      const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 40))
      if (!m) return { failAt: i, why: 'a value must be text, a number, true, false or null' }
      work.steps += m[0].length
      i += m[0].length
      v = m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : m[0]
    }
    if (!value.has(key)) value.set(key, v)
    ws()
    const d = s.charCodeAt(i)
    if (d === 44) {
      i++
      continue
    }
    if (d === 125) return { value, next: i + 1 }
    return { failAt: i, why: i >= n ? 'the text ends inside the record' : 'a "," or "}" was expected' }
  }
}

function parseJson(text: string, parsed: Parsed, work: { steps: number }): void {
  // line numbers of positions, counted forward only
  let lineAt = 0
  let lineNo = 1
  const lineOf = (pos: number) => {
    while (lineAt < pos) {
      const nl = text.indexOf('\n', lineAt)
      if (nl < 0 || nl >= pos) {
        work.steps += pos - lineAt
        lineAt = pos
        break
      }
      work.steps += nl + 1 - lineAt
      lineNo++
      lineAt = nl + 1
    }
    return lineNo
  }
  let i = text.indexOf('[')
  if (i < 0) return
  i++
  for (;;) {
    const open = text.indexOf('{', i)
    if (open < 0) return
    work.steps += open - i + 1
    const line = lineOf(open)
    const r = readFlatObject(text, open, work)
    if ('failAt' in r) {
      addProblem(
        parsed,
        line,
        `The record starting here cannot be read (${r.why}, line ${groupDigits(lineOf(Math.min(r.failAt, text.length)))}); it is not counted.`,
      )
      // continue after the point of failure, at the next line when a text value broke off
      const nl = r.why.startsWith('a text value') ? text.indexOf('\n', r.failAt) : r.failAt
      if (nl !== r.failAt) work.steps += (nl < 0 ? text.length : nl) - r.failAt
      i = nl !== r.failAt ? (nl < 0 ? text.length : nl + 1) : Math.max(r.failAt, open + 1)
      continue
    }
    i = r.next
    // Logs Insights leaves a field out of a JSON record where the row has no value (a warm row's initMsSum)
    const core = mapHeader([...r.value.keys()]).missing.filter((c) => c !== 'initMsSum' && c !== 'maxMemoryUsedMb')
    if (core.length > 0) {
      addProblem(parsed, line, missingText(core).replace('The header has', 'This record has') + ' It is not counted.')
      continue
    }
    if (parsed.rows.length >= MAX_INSIGHTS_ROWS) return tooManyRows(parsed, line)
    const byColumn = new Map<Column, RawValue>()
    for (const [k, v] of r.value) {
      const c = COLUMN_OF.get(k.trim().toLowerCase())
      if (c && !byColumn.has(c)) byColumn.set(c, v)
    }
    const row = readRow((c) => byColumn.get(c), line)
    if (typeof row === 'string') addProblem(parsed, line, `${row}; the row is not counted.`)
    else parsed.rows.push(row)
  }
}

/**
 * Whether text looks like a Logs Insights histogram export (its header or first record names the import's columns).
 *
 * @example isInsightsExport('function,memoryMb,cold,billedMs,invocations,billedMsSum,...') // true
 * @example isInsightsExport('REPORT RequestId: ...') // false
 */
export function isInsightsExport(head: string): boolean {
  const start = head.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('[')) return /"billedMsSum"\s*:/i.test(start.slice(0, 4096))
  const nl = start.indexOf('\n')
  const first = (nl < 0 ? start : start.slice(0, nl)).toLowerCase()
  return /(^|[,"])billedmssum([,"\r]|$)/.test(first) && /(^|[,"])function([,"]|$)/.test(first)
}

/**
 * Reads a Logs Insights histogram export: CSV with a header row (CRLF line
 * ends and quoted fields allowed) or a JSON array of objects (values as
 * strings or numbers), with the columns `function`, `memoryMb`, `cold`,
 * `billedMs`, `bucketMs` (optional, default 1), `invocations`,
 * `billedMsSum`, `durationMsSum`, `initMsSum`, `maxMemoryUsedMb`, and
 * optionally `firstMs` and `lastMs` (the time span), by name in any order.
 *
 * Each distinct `function` becomes one sample that `estimateFromReports`
 * bills like a `parseReports` sample. A row that cannot be read is left out
 * entirely and named by its 1-based line (the header is line 1).
 * One forward pass: linear in the text.
 *
 * @example
 * const { functions } = parseInsights('function,memoryMb,cold,billedMs,invocations,billedMsSum,durationMsSum,initMsSum,maxMemoryUsedMb\n/aws/lambda/orders,128,0,12,3,36,34.5,,70')
 * functions[0].sample.invocations // 3
 */
export function parseInsights(text: string, options: InsightsParseOptions = {}): InsightsImport {
  const work = options.work ?? { steps: 0 }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const parsed: Parsed = { rows: [], problems: [], problemCount: 0 }
  const first = /\S/.exec(body.slice(0, 4096))
  const format: InsightsImport['format'] = first === null ? null : first[0] === '[' ? 'json' : 'csv'
  if (format === 'json') parseJson(body, parsed, work)
  else if (format === 'csv') parseCsv(body, parsed, work)
  const byName = new Map<string, Parsed['rows']>()
  for (const r of parsed.rows) {
    let list = byName.get(r.function)
    if (!list) byName.set(r.function, (list = []))
    list.push(r)
  }
  const formats: ReportFormat[] = format === 'json' ? ['insights-stats-json'] : ['insights-stats-csv']
  const functions = [...byName].map(([name, rows]) => ({ name, sample: sampleOfRows(rows, formats) }))
  parsed.problems.sort((a, b) => a.line - b.line)
  return { functions, problems: parsed.problems, problemCount: parsed.problemCount, format }
}

/** An aggregated sample of rows (one function's). */
export function sampleOfRows(
  rows: (AggregatedRow & { firstMs?: number | null; lastMs?: number | null })[],
  formats: ReportFormat[] = [],
): ReportSample {
  let invocations = 0
  let coldStarts = 0
  let firstMs = Infinity
  let lastMs = -Infinity
  let timestamped = 0
  const maxUsed = new Map<number, number>()
  for (const r of rows) {
    invocations += r.invocations
    if (r.cold) coldStarts += r.invocations
    maxUsed.set(r.memoryMb, Math.max(maxUsed.get(r.memoryMb) ?? 0, r.maxMemoryUsedMb))
    if (r.firstMs != null && r.lastMs != null) {
      timestamped += r.invocations
      firstMs = Math.min(firstMs, r.firstMs)
      lastMs = Math.max(lastMs, r.lastMs)
    }
  }
  const sizes = [...maxUsed.keys()].sort((a, b) => a - b)
  const plain: AggregatedRow[] = rows.map((r) => ({
    memoryMb: r.memoryMb,
    cold: r.cold,
    billedMs: r.billedMs,
    bucketMs: r.bucketMs,
    invocations: r.invocations,
    billedMsSum: r.billedMsSum,
    durationUs: r.durationUs,
    initUs: r.initUs,
    maxMemoryUsedMb: r.maxMemoryUsedMb,
    line: r.line,
  }))
  return {
    invocations,
    coldStarts,
    ...noInvocationColumns(),
    memorySizesMb: sizes,
    maxMemoryUsedByMemoryMb: sizes.map((m) => maxUsed.get(m)!),
    timeSpan: timestamped > 0 ? { firstMs, lastMs } : null,
    timestampedInvocations: timestamped,
    formats,
    problems: [],
    problemCount: 0,
    lines: rows.length,
    aggregate: { rows: plain },
  }
}

/**
 * The smallest and largest sum of ceil_G(x) over `n` integers x in
 * [lo, hi] that sum to exactly `sum` (G the granule, all in one unit).
 * Levels are the multiples of G; raising one value by a level costs G and
 * widens what the values can add up to by G, except into the top level
 * (by what is left of it): the fewest raises that reach `sum` give the
 * minimum, the fewest lowerings from the top give the maximum.
 *
 * @example ceilSumBounds(2n, 50n, 250n, 300n, 100n) // { min: 300n, max: 400n }: 200 + 100 bills 200 + 100 ms, 150 + 150 bills 200 + 200
 */
export function ceilSumBounds(n: bigint, lo: bigint, hi: bigint, sum: bigint, G: bigint): { min: bigint; max: bigint } {
  const ceilG = (x: bigint) => ((x + G - 1n) / G) * G
  if (sum < n * lo) sum = n * lo
  if (sum > n * hi) sum = n * hi
  const c0 = ceilG(lo)
  const cTop = ceilG(hi)
  if (c0 === cTop || n === 0n) return { min: n * c0, max: n * c0 }
  const levels = (cTop - c0) / G
  const full = n * (levels - 1n)
  const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b
  // minimum: start at c0 (each value at most min(hi, c0) = c0), raise until the values can reach `sum`
  const deficit = sum - n * c0
  let minRaises: bigint
  if (deficit <= 0n) minRaises = 0n
  else if (deficit <= full * G) minRaises = ceilDiv(deficit, G)
  else minRaises = full + ceilDiv(deficit - full * G, hi - (cTop - G))
  // maximum: start at the top (each value at least max(lo, cTop - G + 1)), lower until they can come down to `sum`
  const excess = n * (cTop - G + 1n > lo ? cTop - G + 1n : lo) - sum
  const partial = c0 + 1n - lo
  let maxLowerings: bigint
  if (excess <= 0n) maxLowerings = 0n
  else if (excess <= full * G) maxLowerings = ceilDiv(excess, G)
  else maxLowerings = full + ceilDiv(excess - full * G, partial)
  return { min: n * c0 + G * minRaises, max: n * cTop - G * maxLowerings }
}

/**
 * The billed usage of aggregated rows under one sheet's rules, per memory
 * size, exactly (bounds where the rows do not say enough):
 * - every invocation's billed duration is ceil_g of its logged Billed
 *   Duration when INIT is billed (g = 1: exactly `billedMsSum`), and of its
 *   Duration when INIT is not (warm rows: the logged Billed Duration again);
 * - rows of 1 ms buckets re-round exactly; wider buckets across a billing
 *   step, and cold rows where INIT is not billed (their Durations are known
 *   only as a sum), give the smallest and largest totals the rows allow,
 *   taking every Duration to be more than 0 ms.
 *
 * @example summarizeRows(parseInsights(csv).functions[0].sample.aggregate.rows, 100, false).byMemory[0].billedMsUpper // set where only bounds are known
 */
export function summarizeRows(rows: readonly AggregatedRow[], granularityMs: number, billInit: boolean): BilledUsageSummary {
  const g = BigInt(granularityMs)
  type Acc = { invocations: number; cold: number; low: bigint; high: bigint; logged: bigint; durationUs: bigint; initUs: bigint; noInit: number }
  const accs = new Map<number, Acc>()
  for (const r of rows) {
    let a = accs.get(r.memoryMb)
    if (!a) accs.set(r.memoryMb, (a = { invocations: 0, cold: 0, low: 0n, high: 0n, logged: 0n, durationUs: 0n, initUs: 0n, noInit: 0 }))
    const n = BigInt(r.invocations)
    a.invocations += r.invocations
    if (r.cold) a.cold += r.invocations
    a.logged += r.billedMsSum
    a.durationUs += r.durationUs
    a.initUs += r.initUs
    // Billed Duration >= Duration + INIT once INIT is billed: a sum below that was logged before August 2025
    if (r.cold && r.billedMsSum * 1000n < r.durationUs + r.initUs) a.noInit += r.invocations
    let b: { min: bigint; max: bigint }
    if (billInit || !r.cold) b = ceilSumBounds(n, BigInt(r.billedMs), BigInt(r.billedMs + r.bucketMs - 1), r.billedMsSum, g)
    else {
      // Durations in µs, each above 0 and at most the row's largest Billed Duration
      const us = ceilSumBounds(n, 1n, BigInt(r.billedMs + r.bucketMs - 1) * 1000n, r.durationUs < n ? n : r.durationUs, g * 1000n)
      b = { min: us.min / 1000n, max: us.max / 1000n }
    }
    a.low += b.min
    a.high += b.max
  }
  const byMemory: MemoryUsage[] = []
  const G = g * 1000n
  const ceilDiv = (x: bigint, d: bigint) => (x + d - 1n) / d
  for (const m of [...accs.keys()].sort((x, y) => x - y)) {
    const a = accs.get(m)!
    const inv = BigInt(a.invocations)
    const coldN = BigInt(a.cold)
    const meanBilled = ceilDiv(a.durationUs, inv * G) * g
    const fromAverage =
      billInit && coldN > 0n
        ? (inv - coldN) * meanBilled + coldN * ceilDiv(a.durationUs * coldN + a.initUs * inv, inv * coldN * G) * g
        : inv * meanBilled
    const u: MemoryUsage = {
      memoryMb: m,
      invocations: a.invocations,
      coldInvocations: a.cold,
      billedMs: a.low,
      billedMsFromAverage: fromAverage,
      loggedBilledMs: a.logged,
      billedDiffers: 0,
      durationUs: a.durationUs,
      initDurationUs: a.initUs,
      billedRestoreMs: 0n,
    }
    if (a.high !== a.low) u.billedMsUpper = a.high
    if (billInit && a.noInit > 0) u.loggedWithoutInit = a.noInit
    byMemory.push(u)
  }
  return {
    granularityMs,
    billInit,
    byMemory,
    invocations: byMemory.reduce((s, x) => s + x.invocations, 0),
    coldInvocations: byMemory.reduce((s, x) => s + x.coldInvocations, 0),
    billedMs: byMemory.reduce((s, x) => s + x.billedMs, 0n),
    billedMsFromAverage: byMemory.reduce((s, x) => s + x.billedMsFromAverage, 0n),
    billedDiffers: 0,
    fromRows: rows.length,
  }
}
