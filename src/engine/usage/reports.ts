/**
 * Reading Lambda invocation reports from logs, by hand-written scanning
 * (indexOf / charCodeAt, no regular expression per line) so that a million
 * REPORT lines parse in about a second.
 *
 * Formats read, mixed freely in one input:
 * - REPORT text lines, as the CloudWatch console, `aws logs tail`,
 *   `aws logs filter-log-events` (text or JSON output, where the line is a
 *   JSON string with `\t` escapes) or `sam logs` print them, with or without a
 *   timestamp prefix, between START / END / application / XRAY lines;
 * - JSON log format records `{"type": "platform.report", "record": {"metrics": {...}}}`,
 *   one per line, pretty-printed over several lines, or embedded as an escaped
 *   JSON string in a `filter-log-events` message;
 * - CloudWatch Logs Insights exports, CSV or JSON, with `@duration`,
 *   `@billedDuration`, `@memorySize` and `@maxMemoryUsed` (both in bytes of
 *   10^6 per MB, as Insights reports them), `@initDuration`, `@timestamp`, or
 *   just `@message`.
 */
import type { ReportFormat, ReportProblem, ReportSample } from './types'

/**
 * Problems kept in `ReportSample.problems` unless the parser is told otherwise.
 *
 * @example parseReports(text).problems.length <= DEFAULT_MAX_PROBLEMS // true
 */
export const DEFAULT_MAX_PROBLEMS = 100

const MARK = 'REPORT RequestId:'
const MAX_UINT32 = 0xffff_ffff
const MAX_MEMORY_MB = 10_240
const MIN_MEMORY_MB = 128
/** Lambda's timeout is at most 15 minutes: no invocation runs longer. */
const MAX_DURATION_MS = 900_000
const MAX_DURATION_US = MAX_DURATION_MS * 1000

/** Whole microseconds as ms with up to 3 decimals, exactly: 4000000000 → "4000000". */
function msText(us: number): string {
  const whole = Math.floor(us / 1000)
  const frac = us % 1000
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`
}

/**
 * Options of {@link createReportParser}.
 *
 * @example createReportParser({ maxProblems: 20 })
 */
export interface ReportParserOptions {
  /** Problems kept with their line and message (the rest are only counted). Default 100. */
  maxProblems?: number
}

/**
 * An incremental REPORT log parser: feed it the text in chunks of any size
 * (a line may be split anywhere between two chunks), then call `finish()`.
 * A Web Worker can post progress from `charsProcessed` between chunks and
 * cancel by simply dropping the parser.
 *
 * @example
 * const parser = createReportParser()
 * parser.push('REPORT RequestId: a Duration: 2.75 ms Billed Dur')
 * parser.push('ation: 117 ms Memory Size: 128 MB Max Memory Used: 56 MB Init Duration: 113.51 ms\n')
 * parser.finish().invocations // 1
 */
export interface ReportParser {
  /** Reads a chunk of text. Throws if called after `finish()`. */
  push(chunk: string): void
  /** Reads what is left (a last line without a newline) and returns the sample (called again, the same sample's columns). */
  finish(): ReportSample
  /** Characters (UTF-16 code units) pushed so far. */
  readonly charsProcessed: number
  /** Complete lines read so far. */
  readonly linesProcessed: number
  /** Invocations read so far. */
  readonly invocations: number
  /**
   * Makes room for about `invocations` in all, at once: a reader that knows
   * roughly how many are coming (a file's size over the bytes an invocation
   * took so far) spares the sample a copy at `finish()`. More invocations
   * than reserved are still all read. At most 2^27 are reserved.
   */
  reserve(invocations: number): void
}

/**
 * Reads every invocation report in `text` (see the module notes for the
 * formats). Non-report lines are skipped silently; a report that cannot be
 * read becomes a problem with its 1-based line number and is not counted.
 * Never throws on any string.
 *
 * @example
 * const s = parseReports('REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95 Duration: 15.74 ms Billed Duration: 147 ms Memory Size: 128 MB Max Memory Used: 56 MB Init Duration: 130.49 ms')
 * s.invocations // 1
 * s.coldStarts // 1
 * s.durationUs[0] // 15740 (15.74 ms)
 * s.billedDurationMs[0] // 147
 */
export function parseReports(text: string, options?: ReportParserOptions): ReportSample {
  const parser = createReportParser(options)
  parser.push(text)
  return parser.finish()
}

type Column = Uint32Array | Uint16Array | Uint8Array

/** The columns of a run of invocations (`restoreUs` and `billedRestoreMs` null until a restore is seen in it). */
interface Block {
  length: number
  durationUs: Uint32Array
  billedMs: Uint32Array
  memoryMb: Uint16Array
  maxUsedMb: Uint16Array
  cold: Uint8Array
  initUs: Uint32Array
  restoreUs: Uint32Array | null
  billedRestoreMs: Uint32Array | null
}

/** The most invocations in one block: 65,536, about 1.1 MB of columns. */
const MAX_BLOCK = 1 << 16
/** The most invocations `reserve()` makes room for at once: 2^27 (a 512 MB column of durations, never written past the last). */
const MAX_RESERVE = 1 << 27

function newBlock(capacity: number): Block {
  return {
    length: 0,
    durationUs: new Uint32Array(capacity),
    billedMs: new Uint32Array(capacity),
    memoryMb: new Uint16Array(capacity),
    maxUsedMb: new Uint16Array(capacity),
    cold: new Uint8Array(capacity),
    initUs: new Uint32Array(capacity),
    restoreUs: null,
    billedRestoreMs: null,
  }
}

/**
 * The columns of the invocations read so far: 17 bytes an invocation, and 8
 * more in a block where a SnapStart restore is seen. They fill blocks of at
 * most 65,536 invocations (from 1,024, doubling), never copied while the log
 * is read; `take()` joins one column at a time and lets go of its blocks as
 * it does, so ten million invocations (170 MB) never need more than one
 * column's size (40 MB) on top while the sample is made. A reader that knows
 * about how many invocations are coming (a file's size over the bytes an
 * invocation took so far) calls `reserve()`: one block of that size, whose
 * columns the sample then views without a copy (the pages past the last
 * invocation are never written, so the system never backs them).
 */
class Columns {
  length = 0
  /** Filled blocks, then the current one. */
  blocks: Block[] = []
  /** The block being filled. */
  cur: Block = newBlock(1024)
  /** Where `cur` starts. */
  base = 0
  capacity = 1024

  /** The index in `cur` of the next invocation, starting a block when `cur` is full. */
  next(): number {
    if (this.length - this.base === this.capacity) {
      this.cur.length = this.capacity
      this.blocks.push(this.cur)
      this.base = this.length
      this.capacity = Math.min(MAX_BLOCK, this.capacity * 2)
      this.cur = newBlock(this.capacity)
    }
    return this.length++ - this.base
  }

  /** Sets the restore figures of `cur`'s invocation k, making its restore columns at its first restore. */
  setRestore(k: number, restoreUs: number, billedRestoreMs: number): void {
    const b = this.cur
    if (restoreUs === 0 && billedRestoreMs === 0 && !b.restoreUs) return
    b.restoreUs ??= new Uint32Array(this.capacity)
    b.billedRestoreMs ??= new Uint32Array(this.capacity)
    b.restoreUs[k] = restoreUs
    b.billedRestoreMs[k] = billedRestoreMs
  }

  /**
   * Makes the current block room for `total` invocations in all, moving what
   * is read so far into it; no-op when that room is there already.
   */
  reserve(total: number): void {
    const room = this.capacity - (this.length - this.base)
    if (total <= this.length + room) return
    const big = newBlock(total)
    this.cur.length = this.length - this.base
    let at = 0
    for (const b of [...this.blocks, this.cur]) {
      const n = b.length
      big.durationUs.set(b.durationUs.subarray(0, n), at)
      big.billedMs.set(b.billedMs.subarray(0, n), at)
      big.memoryMb.set(b.memoryMb.subarray(0, n), at)
      big.maxUsedMb.set(b.maxUsedMb.subarray(0, n), at)
      big.cold.set(b.cold.subarray(0, n), at)
      big.initUs.set(b.initUs.subarray(0, n), at)
      if (b.restoreUs && b.billedRestoreMs) {
        big.restoreUs ??= new Uint32Array(total)
        big.billedRestoreMs ??= new Uint32Array(total)
        big.restoreUs.set(b.restoreUs.subarray(0, n), at)
        big.billedRestoreMs.set(b.billedRestoreMs.subarray(0, n), at)
      }
      at += n
    }
    this.blocks = []
    this.cur = big
    this.base = 0
    this.capacity = total
  }

  /** Closes the last block: after this, only `take()`. */
  close(): void {
    this.cur.length = this.length - this.base
    this.blocks.push(this.cur)
    this.cur = newBlock(0)
    this.base = this.length
    this.capacity = 0
  }

  /**
   * One column of every invocation, joined; the blocks' own arrays of that
   * column are let go (a second `take` of it gives zeros), so the joined
   * column is the only copy held. A single block's column is viewed, not
   * copied.
   */
  take<K extends 'durationUs' | 'billedMs' | 'memoryMb' | 'maxUsedMb' | 'cold' | 'initUs' | 'restoreUs' | 'billedRestoreMs'>(
    key: K,
    make: (n: number) => NonNullable<Block[K]>,
  ): NonNullable<Block[K]> {
    const only = this.blocks.length === 1 ? (this.blocks[0]![key] as NonNullable<Block[K]> | null) : null
    if (only) {
      ;(this.blocks[0] as unknown as Record<K, null>)[key] = null
      return only.subarray(0, this.length) as NonNullable<Block[K]>
    }
    const out = make(this.length)
    let at = 0
    for (const b of this.blocks) {
      const column = b[key] as Column | null
      if (column) (out as Column).set(column.length === b.length ? column : column.subarray(0, b.length), at)
      at += b.length
      ;(b as unknown as Record<K, null>)[key] = null
    }
    return out
  }
}

/** One invocation being read. -1 marks a field not seen. */
interface Rec {
  durationUs: number
  billedMs: number
  memoryMb: number
  maxUsedMb: number
  initUs: number
  restoreUs: number
  billedRestoreMs: number
  /** Epoch ms; NaN: none; BAD_TIME: a timestamp that names no real instant, `timeError` says why. */
  timeMs: number
  timeError: string
}

function emptyRec(): Rec {
  return { durationUs: -1, billedMs: -1, memoryMb: -1, maxUsedMb: -1, initUs: -1, restoreUs: -1, billedRestoreMs: -1, timeMs: NaN, timeError: '' }
}

function resetRec(r: Rec): void {
  r.durationUs = r.billedMs = r.memoryMb = r.maxUsedMb = r.initUs = r.restoreUs = r.billedRestoreMs = -1
  r.timeMs = NaN
  r.timeError = ''
}

/** A JSON `platform.report` record or Logs Insights row being read over one or more lines. */
interface KeyedRecord {
  kind: 'platform' | 'insights'
  line: number
  rec: Rec
  /** platform: inside `metrics`. */
  metricsOpen: boolean
  /** platform: the record's type is platform.report. */
  isReport: boolean
  /** insights: a REPORT line read from `@message`. */
  messageRec: Rec | null
  messageError: string | null
  seen: Set<string>
  error: string | null
}

// ---- scanning helpers -------------------------------------------------------

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Skips spaces, tabs, CRs and the JSON escapes \t \n \r. */
function skipSeparators(s: string, i: number, end: number): number {
  while (i < end) {
    const c = s.charCodeAt(i)
    if (c === 32 || c === 9 || c === 13) i++
    else if (c === 92 && i + 1 < end) {
      const e = s.charCodeAt(i + 1)
      if (e === 116 || e === 110 || e === 114) i += 2
      else break
    } else break
  }
  return i
}

let numEnd = 0

/**
 * Reads an unsigned decimal at i (digits, optional fraction, optional
 * exponent as Logs Insights prints 1.28E8) as an integer count of
 * 10^-places units, exactly. Sets `numEnd`. Returns -1 when there is no
 * number, -2 when it is not a whole number of units, -3 when it is too large.
 */
function readScaled(s: string, i: number, end: number, places: number): number {
  let m = 0
  let digits = 0
  let frac = 0
  let c = 0
  while (i < end && isDigit((c = s.charCodeAt(i)))) {
    m = m * 10 + (c - 48)
    digits++
    i++
  }
  if (i < end && c === 46) {
    i++
    while (i < end && isDigit((c = s.charCodeAt(i)))) {
      m = m * 10 + (c - 48)
      digits++
      frac++
      i++
    }
  }
  numEnd = i
  if (digits === 0) return -1
  if (m > Number.MAX_SAFE_INTEGER) return -3
  let p = places - frac
  if (i < end && (c === 101 || c === 69)) {
    let j = i + 1
    let sign = 1
    const sc = s.charCodeAt(j)
    if (sc === 43 || sc === 45) {
      if (sc === 45) sign = -1
      j++
    }
    const from = j
    let e = 0
    while (j < end && isDigit((c = s.charCodeAt(j)))) {
      e = e * 10 + (c - 48)
      j++
    }
    if (j === from || e > 40) return -1
    numEnd = j
    p += sign * e
  }
  for (; p > 0; p--) {
    m *= 10
    if (m > Number.MAX_SAFE_INTEGER) return -3
  }
  for (; p < 0; p++) {
    if (m % 10 !== 0) return -2
    m /= 10
  }
  return m
}

/** Reads a whole number of MB (a ".0" fraction is allowed). */
function readWhole(s: string, i: number, end: number): number {
  return readScaled(s, i, end, 0)
}

function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1
  return a * 10 + b
}

/**
 * The last instant a timestamp may name: 9999-12-31T23:59:59.999Z, the end of
 * the last year ISO 8601 writes with four digits (a `Date` holds up to
 * 8.64e15 ms; a page formatting anything later throws).
 *
 * @example MAX_TIMESTAMP_MS === Date.UTC(9999, 11, 31, 23, 59, 59, 999) // true
 */
export const MAX_TIMESTAMP_MS = 253_402_300_799_999

/** Returned by the timestamp readers for a value shaped like a timestamp that names no real instant; `timestampError` says why. */
const BAD_TIME = -1
let timestampError = ''

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468
}

function badTime(text: string, why: string): number {
  timestampError = `Timestamp ${text} ${why}`
  return BAD_TIME
}

// the last day parsed, to skip the calendar arithmetic on the next timestamp of the same day
let dayY = -1
let dayM = -1
let dayD = -1
let dayMs = 0

/**
 * Parses `YYYY-MM-DD[T ]HH:MM:SS[.fff...][Z|+hh:mm|+hhmm]` at i (UTC when no
 * zone) to epoch ms. NaN when the text does not have that shape; BAD_TIME
 * (with `timestampError`) when it has the shape but names no real instant
 * from 1970 to 9999: 31 February, month 13, hour 24, year 0000.
 */
export function parseIsoTimestampMs(s: string, i: number, end: number): number {
  if (i + 19 > end) return NaN
  const y = two(s, i) * 100 + two(s, i + 2)
  if (two(s, i) < 0 || two(s, i + 2) < 0 || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return NaN
  const mo = two(s, i + 5)
  const d = two(s, i + 8)
  const sep = s.charCodeAt(i + 10)
  if (sep !== 84 && sep !== 32) return NaN
  const h = two(s, i + 11)
  const mi = two(s, i + 14)
  const se = two(s, i + 17)
  if (s.charCodeAt(i + 13) !== 58 || s.charCodeAt(i + 16) !== 58) return NaN
  if (mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0) return NaN
  let j = i + 19
  let ms = 0
  if (j < end && (s.charCodeAt(j) === 46 || s.charCodeAt(j) === 44)) {
    j++
    let k = 0
    while (j < end && isDigit(s.charCodeAt(j))) {
      if (k < 3) ms = ms * 10 + (s.charCodeAt(j) - 48)
      k++
      j++
    }
    for (; k < 3; k++) ms *= 10
  }
  let offsetMin = 0
  if (j < end) {
    const z = s.charCodeAt(j)
    if (z === 43 || z === 45) {
      const oh = two(s, j + 1)
      const colon = s.charCodeAt(j + 3) === 58
      const om = colon ? two(s, j + 4) : two(s, j + 3)
      if (oh >= 0 && om >= 0) {
        offsetMin = (z === 43 ? 1 : -1) * (oh * 60 + om)
        j += colon ? 6 : 5
      }
    } else if (z === 90) j++
  }
  if (y !== dayY || mo !== dayM || d !== dayD) {
    const text = () => s.slice(i, j)
    if (mo < 1 || mo > 12) return badTime(text(), `has month ${String(mo).padStart(2, '0')}: months are 01 to 12`)
    if (d < 1 || d > daysInMonth(y, mo))
      return badTime(text(), `names a day that does not exist: ${MONTHS[mo - 1]} ${String(y).padStart(4, '0')} has ${daysInMonth(y, mo)} days`)
    if (y < 1970) return badTime(text(), `is before 1970: a Lambda log is dated 1970 to 9999`)
    dayY = y
    dayM = mo
    dayD = d
    dayMs = daysFromCivil(y, mo, d) * 86_400_000
  }
  if (h > 23 || mi > 59 || se > 60) return badTime(s.slice(i, j), 'is not a time of day (00:00:00 to 23:59:60)')
  const t = dayMs + ((h * 60 + mi - offsetMin) * 60 + se) * 1000 + ms
  if (t < 0 || t > MAX_TIMESTAMP_MS) return badTime(s.slice(i, j), 'is outside 1970 to 9999 once its time zone is applied')
  return t
}

/** A timestamp near the start of a line (ISO form), NaN when there is none, or BAD_TIME. */
function prefixTimestamp(s: string, start: number, end: number): number {
  const limit = Math.min(end - 19, start + 120)
  for (let k = start; k <= limit; k++) {
    if (s.charCodeAt(k + 4) === 45 && s.charCodeAt(k + 7) === 45 && isDigit(s.charCodeAt(k)) && (k === start || !isDigit(s.charCodeAt(k - 1)))) {
      const t = parseIsoTimestampMs(s, k, end)
      if (t === t) return t
    }
  }
  return NaN
}

/**
 * A timestamp value from a JSON or CSV field: epoch ms digits (11 or more) or
 * an ISO date; NaN when it is neither, BAD_TIME when it names no instant from
 * 1970 to 9999.
 */
function fieldTimestamp(v: string): number {
  const t = v.trim()
  if (t.length >= 11 && isDigit(t.charCodeAt(0))) {
    let k = 1
    while (k < t.length && isDigit(t.charCodeAt(k))) k++
    if (k === t.length) {
      const ms = Number(t)
      if (ms > MAX_TIMESTAMP_MS) return badTime(t, `is past the year 9999 as milliseconds since 1970 (at most ${MAX_TIMESTAMP_MS} is read)`)
      return ms
    }
  }
  return parseIsoTimestampMs(t, 0, t.length)
}

// The fields of a REPORT line, told apart by first letter and length.
const F_DURATION = 1
const F_BILLED = 2
const F_MEMORY = 3
const F_MAX_USED = 4
const F_INIT = 5
const F_RESTORE = 6
const F_BILLED_RESTORE = 7

let fieldEnd = 0

/** The REPORT field whose "Name:" starts at i (0: none), by its first letter; sets `fieldEnd` after the colon. */
function fieldAt(s: string, i: number): number {
  let f = 0
  let len = 0
  switch (s.charCodeAt(i)) {
    case 68: // D
      if (s.startsWith('Duration:', i)) ((f = F_DURATION), (len = 9))
      break
    case 66: // B
      if (s.startsWith('Billed Duration:', i)) ((f = F_BILLED), (len = 16))
      else if (s.startsWith('Billed Restore Duration:', i)) ((f = F_BILLED_RESTORE), (len = 24))
      break
    case 77: // M
      if (s.startsWith('Memory Size:', i)) ((f = F_MEMORY), (len = 12))
      else if (s.startsWith('Max Memory Used:', i)) ((f = F_MAX_USED), (len = 16))
      break
    case 73: // I
      if (s.startsWith('Init Duration:', i)) ((f = F_INIT), (len = 14))
      break
    case 82: // R
      if (s.startsWith('Restore Duration:', i)) ((f = F_RESTORE), (len = 17))
      break
  }
  fieldEnd = i + len
  return f
}

const FIELD_NAMES = [
  '',
  'Duration',
  'Billed Duration',
  'Memory Size',
  'Max Memory Used',
  'Init Duration',
  'Restore Duration',
  'Billed Restore Duration',
]

let reportEnd = 0

/**
 * Reads the fields of a REPORT line after its "REPORT RequestId:" mark into
 * `r`. Stops at the end of the line, at a closing quote, or at a field it does
 * not know (XRAY TraceId, ...). Sets `reportEnd`. Returns an error message or
 * null.
 */
function readReportFields(s: string, i: number, end: number, r: Rec): string | null {
  resetRec(r)
  reportEnd = i
  i = skipSeparators(s, i, end)
  // the request id: Duration is the first field after it, within 100 characters
  // (looked for there only, so a long line of bare marks is read in linear time)
  let d = -1
  for (let k = i + 1, last = Math.min(end - 10, i + 100); k <= last; k++) {
    if (s.charCodeAt(k) === 68 && s.startsWith('Duration: ', k)) {
      d = k
      break
    }
  }
  if (d > 0) i = d
  else
    while (i < end) {
      const c = s.charCodeAt(i)
      if (c === 32 || c === 9 || c === 92 || c === 34 || c === 13) break
      i++
    }
  for (;;) {
    i = skipSeparators(s, i, end)
    reportEnd = i
    if (i >= end || s.charCodeAt(i) === 34) break
    const f = fieldAt(s, i)
    if (f === 0) break
    let j = fieldEnd
    while (j < end && s.charCodeAt(j) === 32) j++
    const isMs = f !== F_MEMORY && f !== F_MAX_USED
    const exact = f === F_DURATION || f === F_INIT || f === F_RESTORE
    const v = exact ? readScaled(s, j, end, 3) : readWhole(s, j, end)
    const name = FIELD_NAMES[f]!
    if (v === -1) return `${name} is not a number`
    if (v === -2) return exact ? `${name} has more than 3 decimal places` : `${name} is not a whole number`
    if (v < 0 || v > MAX_UINT32) return `${name} is out of range`
    j = numEnd
    while (j < end && s.charCodeAt(j) === 32) j++
    const u0 = s.charCodeAt(j)
    const u1 = s.charCodeAt(j + 1)
    if (isMs ? !(u0 === 109 && u1 === 115) : !(u0 === 77 && u1 === 66)) return `${name} is not followed by ${isMs ? 'ms' : 'MB'}`
    i = j + 2
    switch (f) {
      case F_DURATION:
        r.durationUs = v
        break
      case F_BILLED:
        r.billedMs = v
        break
      case F_MEMORY:
        r.memoryMb = v
        break
      case F_MAX_USED:
        r.maxUsedMb = v
        break
      case F_INIT:
        r.initUs = v
        break
      case F_RESTORE:
        r.restoreUs = v
        break
      default:
        r.billedRestoreMs = v
    }
  }
  reportEnd = i
  return checkRec(r, 'REPORT line')
}

function setTime(r: Rec, t: number): void {
  r.timeMs = t
  r.timeError = t === BAD_TIME ? timestampError : ''
}

function checkRec(r: Rec, what: string): string | null {
  if (r.durationUs < 0) return `${what} without Duration`
  if (r.billedMs < 0) return `${what} without Billed Duration`
  if (r.memoryMb < 0) return `${what} without Memory Size`
  if (r.memoryMb < MIN_MEMORY_MB || r.memoryMb > MAX_MEMORY_MB)
    return `Memory Size ${r.memoryMb} MB is not a Lambda memory size (${MIN_MEMORY_MB} to 10,240 MB)`
  if (r.durationUs > MAX_DURATION_US)
    return `Duration ${msText(r.durationUs)} ms is longer than an invocation can run (at most 900,000 ms, 15 minutes)`
  // Billed Duration holds Duration and, on a cold start, Init Duration, rounded up once
  const initMs = r.initUs > 0 ? Math.ceil(r.initUs / 1000) : 0
  if (r.billedMs > MAX_DURATION_MS + initMs)
    return `Billed Duration ${r.billedMs} ms is longer than an invocation can run (at most 900,000 ms${initMs > 0 ? ` plus its ${msText(r.initUs)} ms Init Duration` : ''})`
  if (r.maxUsedMb > 0xffff) return `Max Memory Used ${r.maxUsedMb} MB is out of range`
  if (r.timeMs === BAD_TIME) return r.timeError
  return null
}

// ---- keyed records (JSON log format, Insights JSON) ---------------------------

const PLATFORM_METRICS = new Set(['durationMs', 'billedDurationMs', 'memorySizeMB', 'maxMemoryUsedMB', 'initDurationMs', 'restoreDurationMs'])
const PLATFORM_SIBLINGS = new Set(['spans', 'status', 'requestId', 'tracing', 'errorType'])
const INSIGHTS_KEYS = new Set(['@timestamp', '@duration', '@billedDuration', '@memorySize', '@maxMemoryUsed', '@initDuration', '@message'])

/** Insights memory is printed in bytes of 10^6 per MB (1.28E8 for 128 MB); 2^20 per MB is also accepted. */
function insightsMemoryMb(bytes: number): number {
  if (bytes % 1_000_000 === 0) return bytes / 1_000_000
  if (bytes % 1_048_576 === 0) return bytes / 1_048_576
  return -1
}

/**
 * Sets one field of a keyed record from its text value. Returns an error
 * message or null.
 */
function setKeyed(r: Rec, key: string, v: string): string | null {
  const isPlatform = key.charCodeAt(0) !== 64
  let field: number
  switch (key) {
    case 'durationMs':
    case '@duration':
      field = F_DURATION
      break
    case 'billedDurationMs':
    case '@billedDuration':
      field = F_BILLED
      break
    case 'memorySizeMB':
    case '@memorySize':
      field = F_MEMORY
      break
    case 'maxMemoryUsedMB':
    case '@maxMemoryUsed':
      field = F_MAX_USED
      break
    case 'initDurationMs':
    case '@initDuration':
      field = F_INIT
      break
    case 'restoreDurationMs':
      field = F_RESTORE
      break
    default:
      return null
  }
  const t = v.trim()
  if (t === '' || t === 'null') return null
  const exact = field === F_DURATION || field === F_INIT || field === F_RESTORE
  const raw = readScaled(t, 0, t.length, exact ? 3 : 0)
  if (numEnd !== t.length || raw === -1) return `${key} ${JSON.stringify(t)} is not a number`
  if (raw === -2) return exact ? `${key} ${t} has more than 3 decimal places` : `${key} ${t} is not a whole number`
  if (raw < 0) return `${key} ${t} is out of range`
  let value = raw
  if (!isPlatform && (field === F_MEMORY || field === F_MAX_USED)) {
    value = insightsMemoryMb(raw)
    if (value < 0) return `${key} ${t} is not a whole number of MB (Logs Insights gives bytes)`
  }
  if (value > MAX_UINT32) return `${key} ${t} is out of range`
  switch (field) {
    case F_DURATION:
      r.durationUs = value
      break
    case F_BILLED:
      r.billedMs = value
      break
    case F_MEMORY:
      r.memoryMb = value
      break
    case F_MAX_USED:
      r.maxUsedMb = value
      break
    case F_INIT:
      r.initUs = value
      break
    default:
      r.restoreUs = value
  }
  return null
}

/**
 * The most characters one Logs Insights row may span over several lines: a
 * log event is at most 256 KB, so a quoted field still open past this never
 * closes. Beyond it the row is abandoned and its lines are read again.
 */
const MAX_CSV_ROW_CHARS = 1 << 20

/** The index after the quote that closes a quoted CSV field whose text starts at i, or -1 when it does not close in `line`. */
function closeQuote(line: string, i: number): number {
  for (;;) {
    const q = line.indexOf('"', i)
    if (q < 0) return -1
    if (line.charCodeAt(q + 1) !== 34) return q + 1
    i = q + 2
  }
}

/**
 * Whether a quoted field is still open at the end of a CSV line, as
 * {@link splitCsv} reads it; `open`: the line starts inside a quoted field
 * left open by the lines before. Scans the line once.
 */
function csvOpenAfter(line: string, open: boolean): boolean {
  let i = 0
  for (;;) {
    if (open || line.charCodeAt(i) === 34) {
      const e = closeQuote(line, open ? 0 : i + 1)
      open = false
      if (e < 0) return true
      i = e
    }
    const c = line.indexOf(',', i)
    if (c < 0) return false
    i = c + 1
  }
}

/** Splits one CSV line; returns null when a quoted field is still open at the end. */
function splitCsv(line: string): string[] | null {
  const out: string[] = []
  let i = 0
  const n = line.length
  for (;;) {
    if (i < n && line.charCodeAt(i) === 34) {
      let v = ''
      i++
      for (;;) {
        const q = line.indexOf('"', i)
        if (q < 0) return null
        v += line.slice(i, q)
        if (line.charCodeAt(q + 1) === 34) {
          v += '"'
          i = q + 2
        } else {
          i = q + 1
          break
        }
      }
      out.push(v)
      // skip to the next comma
      const c = line.indexOf(',', i)
      if (c < 0) return out
      i = c + 1
    } else {
      const c = line.indexOf(',', i)
      if (c < 0) {
        out.push(line.slice(i))
        return out
      }
      out.push(line.slice(i, c))
      i = c + 1
    }
  }
}

// ---- the parser -------------------------------------------------------------

/**
 * Creates an incremental parser; see {@link ReportParser}.
 *
 * @example
 * const parser = createReportParser()
 * for (const chunk of chunks) { parser.push(chunk); postMessage({ done: parser.charsProcessed }) }
 * const sample = parser.finish()
 */
export function createReportParser(options: ReportParserOptions = {}): ReportParser {
  const maxProblems = Math.max(0, Math.floor(options.maxProblems ?? DEFAULT_MAX_PROBLEMS))
  const cols = new Columns()
  // the sample's columns, joined by the first finish()
  let joined: Pick<
    ReportSample,
    'durationUs' | 'billedDurationMs' | 'memoryMb' | 'maxMemoryUsedMb' | 'cold' | 'initDurationUs' | 'restoreDurationUs' | 'billedRestoreMs'
  > | null = null
  const problems: ReportProblem[] = []
  let problemCount = 0
  let lineNo = 0
  let chars = 0
  let carry = ''
  let finished = false
  let coldStarts = 0
  let firstMs = Infinity
  let lastMs = -Infinity
  let timestamped = 0
  const formats = new Set<ReportFormat>()
  const scratch = emptyRec()
  const maxUsedByMemory = new Int32Array(MAX_MEMORY_MB + 1).fill(-1)

  // JSON state
  let keyed: KeyedRecord | null = null
  let lastTimeMs = NaN
  let lastTimeError = ''
  let eventTimestampMs = NaN
  let eventTimestampError = ''
  // CSV state
  let csvColumns: Map<string, number> | null = null
  // the lines of a row whose quoted field goes on over a line end, kept until it closes
  let csvPending: string[] = []
  let csvPendingChars = 0
  let csvPendingLine = 0

  function problem(line: number, message: string): void {
    problemCount++
    if (problems.length < maxProblems) problems.push({ line, message })
  }

  function add(r: Rec, timeMs: number): void {
    const k = cols.next()
    const b = cols.cur
    b.durationUs[k] = r.durationUs
    b.billedMs[k] = r.billedMs
    b.memoryMb[k] = r.memoryMb
    const used = r.maxUsedMb < 0 ? 0 : r.maxUsedMb
    b.maxUsedMb[k] = used
    if (used > maxUsedByMemory[r.memoryMb]!) maxUsedByMemory[r.memoryMb] = used
    const isCold = r.initUs >= 0 || r.restoreUs >= 0
    b.cold[k] = isCold ? 1 : 0
    if (isCold) coldStarts++
    b.initUs[k] = r.initUs < 0 ? 0 : r.initUs
    cols.setRestore(k, r.restoreUs < 0 ? 0 : r.restoreUs, r.billedRestoreMs < 0 ? 0 : r.billedRestoreMs)
    if (timeMs === timeMs) {
      timestamped++
      if (timeMs < firstMs) firstMs = timeMs
      if (timeMs > lastMs) lastMs = timeMs
    }
  }

  function flushKeyed(): void {
    const k = keyed
    if (!k) return
    keyed = null
    if (k.kind === 'platform') {
      if (!k.isReport) return
      if (k.error) return problem(k.line, `platform.report record: ${k.error}`)
      const err = checkRec(k.rec, 'platform.report record')
      if (err) return problem(k.line, err)
      formats.add('json')
      return add(k.rec, k.rec.timeMs)
    }
    if (k.error) return problem(k.line, `Logs Insights row: ${k.error}`)
    if (k.rec.durationUs >= 0) {
      const err = checkRec(k.rec, 'Logs Insights row')
      if (err) return problem(k.line, err)
      formats.add('insights-json')
      return add(k.rec, k.rec.timeMs)
    }
    if (k.messageError) return problem(k.line, k.messageError)
    if (k.messageRec) {
      formats.add('insights-json')
      if (k.rec.timeMs === BAD_TIME) return problem(k.line, k.rec.timeError)
      return add(k.messageRec, k.rec.timeMs)
    }
  }

  function newKeyed(kind: KeyedRecord['kind'], line: number): KeyedRecord {
    return { kind, line, rec: emptyRec(), metricsOpen: false, isReport: false, messageRec: null, messageError: null, seen: new Set(), error: null }
  }

  /** Handles one `"key": value` of JSON input. */
  function onKey(key: string, value: string, line: number): void {
    if (key.charCodeAt(0) === 64) {
      if (!INSIGHTS_KEYS.has(key)) return
      if (keyed && (keyed.kind !== 'insights' || keyed.seen.has(key))) flushKeyed()
      if (!keyed) keyed = newKeyed('insights', line)
      keyed.seen.add(key)
      if (key === '@timestamp') setTime(keyed.rec, fieldTimestamp(value))
      else if (key !== '@message') {
        const err = setKeyed(keyed.rec, key, value)
        if (err && !keyed.error) keyed.error = err
      }
      return
    }
    switch (key) {
      case 'time': {
        if (keyed && keyed.kind === 'platform' && keyed.rec.durationUs >= 0) flushKeyed()
        lastTimeMs = fieldTimestamp(value)
        lastTimeError = timestampError
        return
      }
      case 'type': {
        flushKeyed()
        keyed = newKeyed('platform', line)
        keyed.isReport = value === 'platform.report'
        if (lastTimeMs === lastTimeMs) {
          keyed.rec.timeMs = lastTimeMs
          keyed.rec.timeError = lastTimeError
        } else {
          keyed.rec.timeMs = eventTimestampMs
          keyed.rec.timeError = eventTimestampError
        }
        lastTimeMs = NaN
        eventTimestampMs = NaN
        return
      }
      case 'timestamp': {
        const t = value.trim()
        if (/^\d{11,}$/.test(t)) {
          eventTimestampMs = fieldTimestamp(t)
          eventTimestampError = timestampError
        }
        return
      }
      case 'metrics':
        if (keyed && keyed.kind === 'platform') keyed.metricsOpen = true
        return
      default:
        if (!keyed || keyed.kind !== 'platform') return
        if (PLATFORM_SIBLINGS.has(key)) keyed.metricsOpen = false
        else if (keyed.metricsOpen && keyed.isReport && PLATFORM_METRICS.has(key) && !keyed.seen.has(key)) {
          keyed.seen.add(key)
          const err = setKeyed(keyed.rec, key, value)
          if (err && !keyed.error) keyed.error = err
        }
    }
  }

  /** Reads `"key": value` pairs (plain or backslash-escaped quotes) in s[from, to). */
  function scanKeys(s: string, from: number, to: number, line: number): void {
    let p = from
    while (p < to) {
      const q = s.indexOf('"', p)
      if (q < 0 || q >= to) {
        closeBraces(s, p, to)
        return
      }
      closeBraces(s, p, q)
      const keyStart = q + 1
      const r = s.indexOf('"', keyStart)
      if (r < 0 || r >= to) return
      const keyEnd = s.charCodeAt(r - 1) === 92 ? r - 1 : r
      let t = r + 1
      while (t < to && (s.charCodeAt(t) === 32 || s.charCodeAt(t) === 9)) t++
      if (s.charCodeAt(t) !== 58) {
        // a string value or text: go on after it
        p = r + 1
        continue
      }
      const key = s.slice(keyStart, keyEnd)
      t++
      while (t < to && (s.charCodeAt(t) === 32 || s.charCodeAt(t) === 9)) t++
      let c = s.charCodeAt(t)
      let valueEnd: number
      let value: string
      if (c === 34 || (c === 92 && s.charCodeAt(t + 1) === 34)) {
        const vStart = t + (c === 34 ? 1 : 2)
        if (s.charCodeAt(vStart) === 123 || (s.charCodeAt(vStart) === 92 && s.charCodeAt(vStart + 1) === 123)) {
          // a string holding JSON (a log message in JSON format): read inside it
          p = vStart
          continue
        }
        // the string ends at the next quote of the same escaping level
        let e = vStart
        for (;;) {
          const z = s.indexOf('"', e)
          if (z < 0 || z >= to) {
            e = to
            break
          }
          const zEscaped = s.charCodeAt(z - 1) === 92
          if (zEscaped === (c === 92)) {
            e = zEscaped ? z - 1 : z
            break
          }
          e = z + 1
        }
        value = s.slice(vStart, e)
        valueEnd = e + (c === 92 ? 2 : 1)
      } else if (c === 123 || c === 91) {
        // an object or array: its keys come next
        onKey(key, '', line)
        p = t + 1
        continue
      } else {
        let e = t
        while (e < to) {
          c = s.charCodeAt(e)
          if (c === 44 || c === 125 || c === 93 || c === 32 || c === 92 || c === 13 || c === 9) break
          e++
        }
        value = s.slice(t, e)
        valueEnd = e
      }
      onKey(key, value, line)
      p = valueEnd
    }
  }

  /** A closing brace ends the metrics object of a platform record, or an Insights row. */
  function closeBraces(s: string, from: number, to: number): void {
    if (!keyed) return
    let b = from
    while (b < to && s.charCodeAt(b) !== 125) b++
    if (b >= to) return
    if (keyed.kind === 'insights') flushKeyed()
    else keyed.metricsOpen = false
  }

  function csvHeader(s: string, start: number, end: number): boolean {
    let i = start
    if (s.charCodeAt(i) === 0xfeff) i++
    if (s.charCodeAt(i) === 34) i++
    if (s.charCodeAt(i) !== 64) return false
    const fields = splitCsv(
      s
        .slice(start, end)
        .replace(/^\uFEFF/, '')
        .replace(/\r$/, ''),
    )
    if (!fields || fields.length < 2) return false
    const map = new Map<string, number>()
    fields.forEach((f, k) => map.set(f.trim(), k))
    if (!map.has('@duration') && !map.has('@message')) {
      problem(lineNo, 'This Logs Insights table has neither an @duration nor an @message column, so its rows cannot be read as invocations')
    }
    csvColumns = map
    return true
  }

  /**
   * A quote that never closes (by the end of the text, or within a log event's
   * size): the row where it opens is a problem, and the lines after it are
   * read again as rows of their own, once each.
   */
  function abandonCsvRow(): void {
    const lines = csvPending
    const first = csvPendingLine
    csvPending = []
    problem(
      first,
      `Logs Insights row with an unclosed quote: the quoted field that starts on this line does not end${lines.length > 1 ? ` (the ${lines.length - 1} lines after it are read as rows of their own)` : ''}`,
    )
    for (let k = 1; k < lines.length; k++) {
      const text = lines[k]!
      if (text.trim() === '') continue
      if (csvOpenAfter(text, false)) problem(first + k, 'Logs Insights row with an unclosed quote')
      else csvRow(text, first + k)
    }
  }

  function csvRow(text: string, line: number): void {
    const cols = csvColumns!
    const fields = splitCsv(text)
    if (!fields) return problem(line, 'Logs Insights row with an unclosed quote')
    const get = (name: string): string | undefined => {
      const k = cols.get(name)
      return k === undefined ? undefined : fields[k]
    }
    const duration = get('@duration')
    if (duration !== undefined && duration.trim() !== '') {
      resetRec(scratch)
      for (const key of ['@duration', '@billedDuration', '@memorySize', '@maxMemoryUsed', '@initDuration']) {
        const v = get(key)
        if (v === undefined) continue
        const err = setKeyed(scratch, key, v)
        if (err) return problem(line, `Logs Insights row: ${err}`)
      }
      const err = checkRec(scratch, 'Logs Insights row')
      if (err) return problem(line, err)
      const ts = get('@timestamp')
      const t = ts === undefined ? NaN : fieldTimestamp(ts)
      if (t === BAD_TIME) return problem(line, timestampError)
      formats.add('insights-csv')
      return add(scratch, t)
    }
    const message = get('@message')
    if (message !== undefined) {
      const m = message.indexOf(MARK)
      if (m < 0) return
      const err = readReportFields(message, m + MARK.length, message.length, scratch)
      if (err) return problem(line, err)
      const ts = get('@timestamp')
      const t = ts === undefined ? NaN : fieldTimestamp(ts)
      if (t === BAD_TIME) return problem(line, timestampError)
      formats.add('insights-csv')
      add(scratch, t)
    }
  }

  /** Reads the REPORT occurrences of a line (several when JSON is minified), and the JSON keys around them. */
  function reportLine(s: string, start: number, end: number, mark: number): void {
    let segStart = start
    let first = true
    while (mark < end) {
      // JSON keys before the mark (an event's "timestamp", an Insights row's other fields)
      const quote = nextQuoteFrom(s, segStart)
      let inInsights = false
      if (quote < mark) {
        // an Insights row's "@message" key just before the mark: its other keys end there
        // (found in the 16 characters before the mark, never searched for further back)
        const from = Math.max(segStart, mark - 16)
        const at = s.slice(from, mark).lastIndexOf('@message')
        let keysEnd = mark
        if (at >= 0) {
          inInsights = true
          keysEnd = from + at
          if (keysEnd > segStart && s.charCodeAt(keysEnd - 1) === 34) keysEnd--
        }
        scanKeys(s, segStart, keysEnd, lineNo)
      }
      const err = readReportFields(s, mark + MARK.length, end, scratch)
      if (inInsights) {
        if (keyed && (keyed.kind !== 'insights' || keyed.seen.has('@message'))) flushKeyed()
        if (!keyed) keyed = newKeyed('insights', lineNo)
        keyed.seen.add('@message')
        if (err) keyed.messageError = err
        else keyed.messageRec = { ...scratch }
      } else if (err) {
        problem(lineNo, err)
      } else {
        let t = NaN
        let timeError = ''
        if (first) {
          t = prefixTimestamp(s, start, mark)
          timeError = timestampError
        }
        if (t !== t && eventTimestampMs === eventTimestampMs) {
          t = eventTimestampMs
          timeError = eventTimestampError
        }
        eventTimestampMs = NaN
        if (t === BAD_TIME) problem(lineNo, timeError)
        else {
          formats.add('text')
          add(scratch, t)
        }
      }
      first = false
      segStart = reportEnd > mark ? reportEnd : mark + MARK.length
      // step over the quote that closes a JSON string holding the line
      if (s.charCodeAt(segStart) === 34) segStart++
      else if (s.charCodeAt(segStart) === 92 && s.charCodeAt(segStart + 1) === 34) segStart += 2
      mark = nextMarkFrom(s, segStart)
    }
    if (nextQuoteFrom(s, segStart) < end) scanKeys(s, segStart, end, lineNo)
    else closeBraces(s, segStart, end)
  }

  // Next occurrences at or after a position, cached while lines of one string are
  // read in order, so that each indexOf scans the text once (s.length: none).
  let cacheMark = -1
  let cacheQuote = -1
  let cacheAt = -1

  function nextMarkFrom(s: string, i: number): number {
    if (cacheMark < i) {
      const k = s.indexOf(MARK, i)
      cacheMark = k < 0 ? s.length : k
    }
    return cacheMark
  }
  function nextQuoteFrom(s: string, i: number): number {
    if (cacheQuote < i) {
      const k = s.indexOf('"', i)
      cacheQuote = k < 0 ? s.length : k
    }
    return cacheQuote
  }
  function nextAtFrom(s: string, i: number): number {
    if (cacheAt < i) {
      const k = s.indexOf('@', i)
      cacheAt = k < 0 ? s.length : k
    }
    return cacheAt
  }

  function processRange(s: string, start: number, end: number, fresh: boolean): void {
    lineNo++
    if (fresh) cacheMark = cacheQuote = cacheAt = -1
    if (csvColumns) {
      let text = s.slice(start, end)
      if (text.endsWith('\r')) text = text.slice(0, -1)
      if (csvPending.length > 0) {
        // only the new line is scanned: the quote state carries over
        csvPending.push(text)
        csvPendingChars += text.length + 1
        if (csvOpenAfter(text, true)) {
          if (csvPendingChars > MAX_CSV_ROW_CHARS) abandonCsvRow()
          return
        }
        const row = csvPending.join('\n')
        csvPending = []
        return csvRow(row, csvPendingLine)
      }
      if (csvOpenAfter(text, false)) {
        csvPending = [text]
        csvPendingChars = text.length
        csvPendingLine = lineNo
        return
      }
      if (text.trim() === '') return
      return csvRow(text, lineNo)
    }
    const mark = nextMarkFrom(s, start)
    if (mark < end) return reportLine(s, start, end, mark)
    if (nextAtFrom(s, start) <= start + 2 && csvHeader(s, start, end)) return
    if (nextQuoteFrom(s, start) < end) scanKeys(s, start, end, lineNo)
    else closeBraces(s, start, end)
  }

  function processString(s: string, from: number): number {
    let pos = from
    let fresh = true
    for (;;) {
      const nl = s.indexOf('\n', pos)
      if (nl < 0) return pos
      processRange(s, pos, nl, fresh)
      fresh = false
      pos = nl + 1
    }
  }

  return {
    push(chunk: string): void {
      if (finished) throw new Error('push() after finish(): create a new parser for new input')
      chars += chunk.length
      let from = 0
      if (carry) {
        const nl = chunk.indexOf('\n')
        if (nl < 0) {
          carry += chunk
          return
        }
        const line = carry + chunk.slice(0, nl)
        carry = ''
        processRange(line, 0, line.length, true)
        from = nl + 1
      }
      const rest = processString(chunk, from)
      carry = rest < chunk.length ? chunk.slice(rest) : ''
    },
    finish(): ReportSample {
      if (!finished) {
        finished = true
        if (carry) processRange(carry, 0, carry.length, true)
        carry = ''
        if (csvPending.length > 0) abandonCsvRow()
        flushKeyed()
        cols.close()
        const u32 = (n: number) => new Uint32Array(n)
        joined = {
          durationUs: cols.take('durationUs', u32),
          billedDurationMs: cols.take('billedMs', u32),
          memoryMb: cols.take('memoryMb', (n) => new Uint16Array(n)),
          maxMemoryUsedMb: cols.take('maxUsedMb', (n) => new Uint16Array(n)),
          cold: cols.take('cold', (n) => new Uint8Array(n)),
          initDurationUs: cols.take('initUs', u32),
          restoreDurationUs: cols.take('restoreUs', u32),
          billedRestoreMs: cols.take('billedRestoreMs', u32),
        }
      }
      const n = cols.length
      const c = joined!
      const memorySizesMb: number[] = []
      const maxMemoryUsedByMemoryMb: number[] = []
      for (let m = 0; m <= MAX_MEMORY_MB; m++) {
        if (maxUsedByMemory[m]! >= 0) {
          memorySizesMb.push(m)
          maxMemoryUsedByMemoryMb.push(maxUsedByMemory[m]!)
        }
      }
      return {
        invocations: n,
        coldStarts,
        ...c,
        memorySizesMb,
        maxMemoryUsedByMemoryMb,
        timeSpan: timestamped > 0 ? { firstMs, lastMs } : null,
        timestampedInvocations: timestamped,
        formats: (['text', 'json', 'insights-csv', 'insights-json'] as const).filter((f) => formats.has(f)),
        problems: [...problems],
        problemCount,
        lines: lineNo,
      }
    },
    get charsProcessed() {
      return chars
    },
    get linesProcessed() {
      return lineNo
    },
    get invocations() {
      return cols.length
    },
    reserve(invocations: number): void {
      if (finished || !(invocations > 0)) return
      cols.reserve(Math.min(MAX_RESERVE, Math.ceil(invocations)))
    },
  }
}
