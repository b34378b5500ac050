/**
 * How fast parseReports reads REPORT logs on this machine: generates a log of
 * 1,000,000 REPORT lines (about 250 MB, with START / END / application lines
 * around them) in memory, parses it whole and in 4 MB chunks, and prints
 * lines/s, MB/s and memory use. Goal: 1,000,000 REPORT lines in under 2 s.
 * Then streams 10,000,000 lines (about 2.5 GB) through the reader a page's
 * Worker runs on a file, without holding the text: lines/s and peak memory.
 * Goal: under 600 MB.
 *
 * Run: npx tsx scripts/bench-reports.ts
 */
import { pathToFileURL } from 'node:url'
import { createReportParser, parseReports } from '../src/engine/usage/reports'
import { readLog } from '../src/ui/usage/read-log'

/**
 * A log of `reports` REPORT lines (2 decimals, 1 % cold) with their END lines, as the console prints them;
 * `from` continues a log already generated up to that line (its request ids and times follow on).
 */
export function generateReportLog(reports: number, from = 0): string {
  const parts: string[] = []
  let t = Date.UTC(2026, 0, 1) + 37 * from
  let second = -1
  let secondIso = ''
  let seed = 12345 + from
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  const hundredths = (x: number) => `${Math.floor(x / 100)}.${String(x % 100).padStart(2, '0')}`
  for (let i = from; i < from + reports; i++) {
    if (Math.floor(t / 1000) !== second) {
      second = Math.floor(t / 1000)
      secondIso = new Date(second * 1000).toISOString().slice(0, 19)
    }
    const stamp = `${secondIso}.${String(t % 1000).padStart(3, '0')}Z`
    t += 37
    const id = `${(0x10000000 + i).toString(16)}-xmpl-4697-b07a-ac58fc914c95`
    const durationHundredths = 100 + Math.floor(rand() * 30000)
    const cold = i % 100 === 0
    const initHundredths = 10000 + Math.floor(rand() * 20000)
    const billed = Math.ceil((durationHundredths + (cold ? initHundredths : 0)) / 100)
    let line = `${stamp}\tREPORT RequestId: ${id}\tDuration: ${hundredths(durationHundredths)} ms\tBilled Duration: ${billed} ms\tMemory Size: 1024 MB\tMax Memory Used: ${60 + (i % 40)} MB\t`
    if (cold) line += `Init Duration: ${hundredths(initHundredths)} ms\t`
    parts.push(`${stamp}\tEND RequestId: ${id}`, line)
  }
  return parts.join('\n') + '\n'
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1)

/** Runs the benchmark and prints its figures. */
export function benchReports(reports = 1_000_000): void {
  const started = Date.now()
  const text = generateReportLog(reports)
  const megabytes = text.length / 1e6
  console.log(
    `Generated ${reports.toLocaleString('en-US')} REPORT lines, ${megabytes.toFixed(1)} MB of text, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  const before = process.memoryUsage()

  parseReports(text.slice(0, 2_000_000)) // warm-up
  const times: number[] = []
  let invocations = 0
  for (let round = 0; round < 3; round++) {
    const t0 = process.hrtime.bigint()
    const sample = parseReports(text)
    times.push(Number(process.hrtime.bigint() - t0) / 1e9)
    invocations = sample.invocations
    if (sample.invocations !== reports || sample.problemCount !== 0)
      throw new Error(`read ${sample.invocations} invocations, ${sample.problemCount} problems`)
  }
  const best = Math.min(...times)
  const after = process.memoryUsage()
  console.log(
    `parseReports, whole text: ${(invocations / best).toLocaleString('en-US', { maximumFractionDigits: 0 })} REPORT lines/s, ` +
      `${(megabytes / best).toFixed(0)} MB/s, ${best.toFixed(2)} s for ${reports.toLocaleString('en-US')} lines (best of 3; goal < 2 s for 1,000,000)`,
  )

  // A Web Worker reads a file in slices and decodes them: the same path here.
  const bytes = Buffer.from(text, 'utf8')
  const chunkBytes = 4 << 20
  const t0 = process.hrtime.bigint()
  const decoder = new TextDecoder()
  const parser = createReportParser()
  for (let i = 0; i < bytes.length; i += chunkBytes) parser.push(decoder.decode(bytes.subarray(i, i + chunkBytes), { stream: true }))
  const chunked = parser.finish()
  const chunkedS = Number(process.hrtime.bigint() - t0) / 1e9
  console.log(
    `createReportParser, decoding and pushing 4 MB chunks: ${(megabytes / chunkedS).toFixed(0)} MB/s, ${chunkedS.toFixed(2)} s (${chunked.invocations.toLocaleString('en-US')} invocations)`,
  )
  console.log(
    `Memory: heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} MB, array buffers ${mb(before.arrayBuffers)} -> ${mb(after.arrayBuffers)} MB, RSS ${mb(after.rss)} MB ` +
      `(the text itself is ${mb(text.length)} MB; the sample's columns take ${mb(reports * 17)} MB, 17 bytes an invocation, and 8 more where SnapStart restores are logged)`,
  )
}

/**
 * A log too big to hold as text, read by the code a page's Worker runs on a
 * file (readLog: File.stream() bytes through a streaming TextDecoder into the
 * parser, the room reserved from the file's size, then the usage summary).
 * The "file" is generated as it is read, in slices of about 63 KB of UTF-8,
 * none kept; its size is counted first by generating it once, as a file's
 * size is known before it is read. Prints REPORT lines a second (reading,
 * not generating) and the process's peak resident memory (getrusage's
 * maximum, not a sample): what the import holds is the sample, 17 bytes an
 * invocation, not the text.
 */
export async function benchStreamedReports(reports = 10_000_000): Promise<void> {
  // 256 lines (about 63 KB) at a time: text V8 collects young, so the generator leaves no large garbage of its own
  const slice = 256
  const encoder = new TextEncoder()
  let size = 0
  for (let from = 0; from < reports; from += slice) size += generateReportLog(Math.min(slice, reports - from), from).length // ASCII: a byte a character
  let from = 0
  let generating = 0n
  const stream = () =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        if (from >= reports) return controller.close()
        const t0 = process.hrtime.bigint()
        const bytes = encoder.encode(generateReportLog(Math.min(slice, reports - from), from))
        from += slice
        generating += process.hrtime.bigint() - t0
        controller.enqueue(bytes)
      },
    })
  const file = { size, stream } as unknown as Blob
  const t0 = process.hrtime.bigint()
  const log = await readLog({ file, name: 'generated.log' }, () => {})
  const seconds = Number(process.hrtime.bigint() - t0 - generating) / 1e9
  const sample = log?.sample
  if (!log || log.problem || !sample || sample.invocations !== reports || sample.problemCount !== 0 || sample.coldStarts !== Math.ceil(reports / 100))
    throw new Error(`read ${sample?.invocations} invocations, ${sample?.coldStarts} cold, ${sample?.problemCount} problems: ${log?.problem}`)
  // ru_maxrss: the most the process ever held resident, in KB (Linux)
  const peakRss = process.resourceUsage().maxRSS * 1024
  console.log(
    `Streamed: ${reports.toLocaleString('en-US')} REPORT lines (${(size / 1e9).toFixed(2)} GB, never held whole) read as a Worker reads a file at ` +
      `${(reports / seconds).toLocaleString('en-US', { maximumFractionDigits: 0 })} lines/s (${seconds.toFixed(1)} s, ${mb(size / seconds)} MB/s, with the usage summary); ` +
      `peak RSS ${mb(peakRss)} MB (goal: under 600 MB)`,
  )
}

// `tsx scripts/bench-reports.ts` runs both; `-- streamed` the streamed one alone (npm run bench runs it
// in a process of its own, as a page reads a file in a Worker: the 1,000,000-line text is not in its heap).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] !== 'streamed') benchReports()
  await benchStreamedReports()
}
