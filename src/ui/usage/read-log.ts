import { createReportParser, usageStats, type ReportSample } from '../../engine/index'
import type { ImportedLog } from './usage-view'

/** Characters parsed between progress reports (and, off the worker, between yields to the page). */
const CHUNK_CHARS = 1 << 20

/** A log to read: a file the user chose or dropped, or pasted text. */
export type LogSource = { file: Blob; name: string } | { text: string }

/** Progress of a read, in the source's own units (bytes of a file, characters of text). */
export interface ReadProgress {
  done: number
  total: number
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
  if ('text' in source) {
    const text = source.text
    for (let at = 0; at < text.length; at += CHUNK_CHARS) {
      parser.push(text.slice(at, at + CHUNK_CHARS))
      onProgress({ done: Math.min(text.length, at + CHUNK_CHARS), total: text.length })
      await pause()
      if (isCancelled()) return null
    }
    return done(parser.finish(), 'pasted text', text.length)
  }
  const total = source.file.size
  const decoder = new TextDecoder()
  let done_ = 0
  let pending = ''
  const reader = source.file.stream().getReader()
  for (;;) {
    const { value, done: end } = await reader.read()
    if (end) break
    done_ += value.byteLength
    pending += decoder.decode(value, { stream: true })
    if (pending.length >= CHUNK_CHARS) {
      parser.push(pending)
      pending = ''
      onProgress({ done: done_, total })
      await pause()
      if (isCancelled()) {
        await reader.cancel()
        return null
      }
    }
  }
  parser.push(pending + decoder.decode())
  onProgress({ done: total, total })
  return done(parser.finish(), source.name, parser.charsProcessed)
}

function done(sample: ReportSample, source: string, chars: number): ImportedLog {
  return { sample, stats: usageStats(sample), source, chars }
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
