import { createReportParser, MAX_FUNCTIONS, usageStats, type ReportParser, type ReportSample } from '../../engine/index'
import { formatNumber } from '../format'
import type { ImportedLog } from './usage-view'

/** Characters (bytes of a file) parsed between progress reports (and, off the worker, between yields to the page). */
const CHUNK_CHARS = 1 << 20

/**
 * Bytes of a file decoded and parsed at a time: each piece's text (64 KB)
 * stays among the objects V8 collects young (up to 128 KB), so a big file's
 * text never piles up as large objects waiting for a full collection.
 */
const PIECE_BYTES = 1 << 16

/** A log to read: a file the user chose or dropped, or pasted (or dropped) text. */
export type LogSource = { file: Blob; name: string } | { text: string; name?: string }

/** Progress of a read, in the source's own units (bytes of a file, characters of text). */
export interface ReadProgress {
  done: number
  total: number
}

/** What was seen of the text while reading it, to say why nothing could be read. */
interface Seen {
  /** The first line that is not blank, cut to 60 characters. */
  firstLine: string | null
  /** 1-based line of the first NUL or undecodable byte (U+FFFD), or 0. */
  binaryLine: number
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be'

/**
 * The encoding of a file from its first bytes: a byte order mark names it;
 * without one, text whose every other byte is NUL is UTF-16 (what Windows
 * PowerShell 5's `>` writes has a mark; some tools leave it out).
 */
export function sniffEncoding(head: Uint8Array): { encoding: Encoding; how: string } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', how: 'its byte order mark says UTF-16LE' }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', how: 'its byte order mark says UTF-16BE' }
  const n = Math.min(head.length, 1024) & ~1
  if (n >= 4 && (head[0] !== 0xef || head[1] !== 0xbb)) {
    let evenZero = 0
    let oddZero = 0
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZero++
      if (head[i + 1] === 0) oddZero++
    }
    const pairs = n / 2
    if (oddZero >= pairs * 0.9 && evenZero === 0)
      return { encoding: 'utf-16le', how: 'every other byte is NUL, as in UTF-16LE without a byte order mark' }
    if (evenZero >= pairs * 0.9 && oddZero === 0)
      return { encoding: 'utf-16be', how: 'every other byte is NUL, as in UTF-16BE without a byte order mark' }
  }
  return { encoding: 'utf-8', how: '' }
}

/**
 * Reads a log in chunks with the engine's incremental parser, reporting
 * progress between chunks; `pause` lets the caller yield (off the worker).
 * Returns what the panel shows. Throws only if the file cannot be read.
 */
export async function readLog(
  source: LogSource,
  onProgress: (p: ReadProgress) => void,
  pause: () => Promise<void> = () => Promise.resolve(),
  isCancelled: () => boolean = () => false,
): Promise<ImportedLog | null> {
  const parser = createReportParser()
  const seen: Seen = { firstLine: null, binaryLine: 0 }
  const push = (text: string) => {
    look(text, parser.linesProcessed, seen)
    parser.push(text)
  }
  if ('text' in source) {
    const text = source.text
    let reserved = 0
    for (let at = 0; at < text.length; at += CHUNK_CHARS) {
      push(text.slice(at, at + CHUNK_CHARS))
      reserved = reserve(parser, Math.min(text.length, at + CHUNK_CHARS), text.length, reserved)
      onProgress({ done: Math.min(text.length, at + CHUNK_CHARS), total: text.length })
      await pause()
      if (isCancelled()) return null
    }
    return done(parser.finish(), source.name ?? 'pasted text', text.length, seen, null)
  }
  const total = source.file.size
  let decoder: TextDecoder | null = null
  let encoding: ReturnType<typeof sniffEncoding> | null = null
  let done_ = 0
  let sinceProgress = 0
  let reserved = 0
  const reader = source.file.stream().getReader()
  for (;;) {
    const { value, done: end } = await reader.read()
    if (end) break
    if (!decoder) {
      encoding = sniffEncoding(value)
      decoder = new TextDecoder(encoding.encoding)
    }
    done_ += value.byteLength
    sinceProgress += value.byteLength
    for (let at = 0; at < value.byteLength; at += PIECE_BYTES) {
      const text = decoder.decode(value.subarray(at, at + PIECE_BYTES), { stream: true })
      if (text !== '') push(text)
    }
    if (sinceProgress >= CHUNK_CHARS) {
      sinceProgress = 0
      reserved = reserve(parser, done_, total, reserved)
      onProgress({ done: done_, total })
      await pause()
      if (isCancelled()) {
        await reader.cancel()
        return null
      }
    }
  }
  const rest = decoder ? decoder.decode() : ''
  if (rest !== '') push(rest)
  onProgress({ done: total, total })
  const named = encoding && encoding.encoding !== 'utf-8' ? `${encoding.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} (${encoding.how})` : null
  return done(parser.finish(), source.name, parser.charsProcessed, seen, named)
}

/**
 * Makes the parser room for the invocations the rest of the file (or text)
 * will hold at the rate seen so far, plus a tenth, so a big log's columns are written
 * once and never copied (see `ReportParser.reserve`); again when the rate
 * seen so far outgrows the room. Returns the room made.
 */
function reserve(parser: ReportParser, done: number, total: number, reserved: number): number {
  if (parser.invocations === 0 || done >= total) return reserved
  const projected = (parser.invocations / done) * total
  if (projected * 1.02 <= reserved) return reserved
  const room = Math.ceil(projected * 1.1) + 1024
  parser.reserve(room)
  return room
}

/** Notes the first line and the first NUL or undecodable character of a chunk about to be parsed. */
function look(text: string, linesBefore: number, seen: Seen): void {
  if (seen.firstLine === null) {
    const m = /[^\s\uFEFF][^\n]*/.exec(text.slice(0, 4096))
    if (m) seen.firstLine = m[0].slice(0, 60).trimEnd()
  }
  if (seen.binaryLine === 0) {
    const bad = text.search(/[\0\uFFFD]/)
    if (bad >= 0) {
      let line = linesBefore + 1
      for (let k = text.indexOf('\n'); k >= 0 && k < bad; k = text.indexOf('\n', k + 1)) line++
      seen.binaryLine = line
    }
  }
}

function done(sample: ReportSample, source: string, chars: number, seen: Seen, encoding: string | null): ImportedLog {
  const log: ImportedLog = { sample, stats: usageStats(sample), source, chars }
  const problem = importProblem(log, seen, encoding)
  if (problem) log.problem = problem
  if (encoding) log.encoding = encoding
  return log
}

/**
 * Why an import cannot be billed, said with where to look and what to do:
 * nothing could be read (and why), or more memory sizes than one estimate
 * holds. Null when the log bills.
 */
function importProblem(log: ImportedLog, seen: Seen, encoding: string | null): string | null {
  const { sample, source } = log
  const read = encoding ? ` (read as ${encoding})` : ''
  if (sample.invocations === 0) {
    if (log.chars === 0 || seen.firstLine === null) return `${source} is empty${read}: there is nothing to read.`
    const lines = `${formatNumber(sample.lines)} ${sample.lines === 1 ? 'line' : 'lines'}`
    if (sample.problemCount > 0) {
      const first = sample.problems
        .slice(0, 3)
        .map((p) => `line ${formatNumber(p.line)}: ${p.message}`)
        .join('; ')
      const n = sample.problemCount
      return `No invocation could be read from ${source}${read}: ${formatNumber(n)} ${n === 1 ? 'report' : 'reports'} in its ${lines} cannot be read (${first}${n > 3 ? '; …' : ''}).`
    }
    if (seen.binaryLine > 0)
      return `No REPORT lines were found in ${source}${read}: it does not look like text (NUL or undecodable bytes from line ${formatNumber(seen.binaryLine)}). Export the log as text (UTF-8 or UTF-16), then import it again.`
    return `No REPORT lines were found in ${source}${read}: none of its ${lines} is a "REPORT RequestId:" line, a JSON platform.report record or a Logs Insights export row (line 1 starts ${JSON.stringify(seen.firstLine)}). Import the lines that start with "REPORT RequestId:", JSON platform.report records, or a Logs Insights export.`
  }
  const sizes = sample.memorySizesMb.length
  if (sizes > MAX_FUNCTIONS)
    return `${source} holds invocations at ${formatNumber(sizes)} memory sizes, and one estimate holds at most ${MAX_FUNCTIONS} (one function each). Import the log of one function at a time (export each log group on its own), or keep only the lines of the memory sizes to compare.`
  return null
}

/** The typed arrays' buffers of a sample, to transfer rather than copy from a worker. */
export function transferables(sample: ReportSample): ArrayBuffer[] {
  const arrays = [
    sample.durationUs,
    sample.billedDurationMs,
    sample.memoryMb,
    sample.maxMemoryUsedMb,
    sample.cold,
    sample.initDurationUs,
    sample.restoreDurationUs,
    sample.billedRestoreMs,
  ]
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]
}
