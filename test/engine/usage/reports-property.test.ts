import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createReportParser, type ReportSample } from '../../../src/engine/index'
import { countWork } from './work'

// Generated mixtures of valid invocation reports, garbage and truncated
// reports, split into chunks anywhere: the parser never throws, does work in
// proportion to the text, and counts each valid invocation exactly once.

/** One invocation as the generator writes it, and as the parser must read it back. */
interface Invocation {
  durationUs: number
  billedMs: number
  memoryMb: number
}

type Piece = { kind: 'valid'; text: string; inv: Invocation } | { kind: 'noise'; text: string }

const MEMORY = [128, 256, 512, 1024, 1769, 3008, 10_240]

const invocation = fc
  .record({
    durationUs: fc.integer({ min: 0, max: 900_000_000 }),
    memoryMb: fc.constantFrom(...MEMORY),
    extraMs: fc.integer({ min: 0, max: 99 }),
  })
  .map(({ durationUs, memoryMb, extraMs }) => ({
    durationUs: Math.floor(durationUs / 10) * 10,
    // at least the duration rounded up (100 ms granularity in old logs bills more), never past 900,000 ms
    billedMs: Math.min(900_000, Math.ceil(durationUs / 1000) + extraMs),
    memoryMb,
  }))

const ms = (us: number) => `${Math.floor(us / 1000)}.${String((us % 1000) / 10).padStart(2, '0')}`
const timestamp = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString())

const textReport = fc.tuple(invocation, fc.constantFrom('\t', ' '), fc.option(timestamp), fc.boolean()).map(([inv, sep, ts, cold]) => ({
  inv,
  text:
    `${ts ? `${ts} ` : ''}REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95${sep}Duration: ${ms(inv.durationUs)} ms${sep}Billed Duration: ${inv.billedMs} ms${sep}` +
    `Memory Size: ${inv.memoryMb} MB${sep}Max Memory Used: 56 MB${cold ? `${sep}Init Duration: 0.00 ms` : ''}${sep}`,
  // where a cut leaves a report that must not be read: before the "MB" of Memory Size
  cutBefore: (t: string) => t.indexOf(' MB', t.indexOf('Memory Size:')),
}))

const jsonReport = fc.tuple(invocation, timestamp).map(([inv, ts]) => ({
  inv,
  text: `{"time":"${ts}","type":"platform.report","record":{"requestId":"r","metrics":{"durationMs":${ms(inv.durationUs)},"billedDurationMs":${inv.billedMs},"memorySizeMB":${inv.memoryMb},"maxMemoryUsedMB":60}}}`,
  cutBefore: (t: string) => t.indexOf('"memorySizeMB":') + '"memorySizeMB":'.length + String(inv.memoryMb).length - 1,
}))

/** Characters that drive the parser's modes (quotes, braces, escapes, colons), with letters and digits. */
const NOISE_CHARS = [...'abcDRMB09 \t\r"{}[]:,.\\-@%'.split(''), 'REPORT RequestId: ', 'Duration: ', ' ms', '"metrics":']
const noiseLine = fc
  .array(fc.constantFrom(...NOISE_CHARS), { maxLength: 30 })
  .map((parts) => parts.join(''))
  // '@' at a line's start makes a Logs Insights CSV header: what follows is then read as its rows
  .filter((t) => !t.slice(0, 3).includes('@') && !t.includes('\n'))

/** A fragment repeated into one long line: the inputs that made the old scans quadratic ("REPORT RequestId: x " 3,000 times). */
const longNoiseLine = fc
  .tuple(
    fc.constantFrom('REPORT RequestId: x ', 'REPORT RequestId: ', '"a" @message REPORT RequestId: x ', '"a":"', '{"x":', 'Duration: ', '\\"'),
    fc.integer({ min: 1, max: 3_000 }),
  )
  .map(([fragment, n]) => fragment.repeat(n))

function pieces(report: fc.Arbitrary<{ inv: Invocation; text: string; cutBefore: (t: string) => number }>): fc.Arbitrary<Piece[]> {
  const valid = report.map((r): Piece => ({ kind: 'valid', text: r.text, inv: r.inv }))
  const truncated = fc.tuple(report, fc.double({ min: 0, max: 1, noNaN: true })).map(([r, f]): Piece => {
    const cut = Math.floor(f * r.cutBefore(r.text))
    return { kind: 'noise', text: r.text.slice(0, cut) }
  })
  const noise = noiseLine.map((text): Piece => ({ kind: 'noise', text }))
  const long = longNoiseLine.map((text): Piece => ({ kind: 'noise', text }))
  return fc.array(
    fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: truncated, weight: 4 }, { arbitrary: noise, weight: 4 }, { arbitrary: long, weight: 1 }),
    { maxLength: 40 },
  )
}

/** Parses text pushed in the chunks the cut points make. */
function parseInChunks(text: string, cuts: number[]): ReportSample {
  const parser = createReportParser({ maxProblems: 1000 })
  let at = 0
  for (const c of [...new Set(cuts.map((x) => Math.floor(x * text.length)))].sort((a, b) => a - b)) {
    parser.push(text.slice(at, c))
    at = c
  }
  parser.push(text.slice(at))
  return parser.finish()
}

const key = (i: Invocation) => `${i.durationUs}/${i.billedMs}/${i.memoryMb}`

function read(sample: ReportSample): string[] {
  const out: string[] = []
  for (let k = 0; k < sample.invocations; k++)
    out.push(key({ durationUs: sample.durationUs[k]!, billedMs: sample.billedDurationMs[k]!, memoryMb: sample.memoryMb[k]! }))
  return out.sort()
}

/** Work allowed per character of text, and a constant for the fixed costs of a parse. */
const WORK_PER_CHAR = 25
const WORK_FIXED = 2_000

function checkMixture(list: Piece[], crlf: boolean, cuts: number[]): void {
  const text = list.map((p) => p.text).join(crlf ? '\r\n' : '\n')
  const { result, work } = countWork(() => parseInChunks(text, cuts))
  expect(read(result)).toEqual(list.flatMap((p) => (p.kind === 'valid' ? [key(p.inv)] : [])).sort())
  expect(work).toBeLessThanOrEqual(WORK_PER_CHAR * text.length + WORK_FIXED)
  for (const p of result.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1)
    expect(p.line).toBeLessThanOrEqual(list.length)
  }
}

describe('the REPORT parser on generated mixtures', () => {
  it('text REPORT lines among garbage and truncations: no throw, linear work, each valid invocation once', () => {
    fc.assert(fc.property(pieces(textReport), fc.boolean(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), checkMixture), {
      numRuns: 300,
    })
  })

  it('JSON platform.report records among garbage and truncations, one a line', () => {
    fc.assert(fc.property(pieces(jsonReport), fc.boolean(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), checkMixture), {
      numRuns: 300,
    })
  })

  it('a Logs Insights CSV with valid rows, comma garbage, truncated rows and perhaps one quote that never closes', () => {
    const header = '@timestamp,@duration,@billedDuration,@memorySize,@maxMemoryUsed,@initDuration'
    const row = fc.tuple(invocation, timestamp).map(([inv, ts]) => ({
      inv,
      text: `${ts.replace('T', ' ').replace('Z', '')},${ms(inv.durationUs)},${inv.billedMs},${inv.memoryMb}000000,7.9E7,`,
      // before the comma that opens @memorySize: a row cut inside that field can still read as a
      // whole row of another size (10240000000 cut by one digit is 1,024 MB)
      cutBefore: (t: string) => t.lastIndexOf(',', t.indexOf(',7.9E7') - 1),
    }))
    // no quote in the garbage: a quote opens a field that may rightly run over the rows after it
    const garbage = noiseLine.map((t) => t.replace(/"/g, ''))
    const list = fc.array(
      fc.oneof(
        row.map((r): Piece => ({ kind: 'valid', text: r.text, inv: r.inv })),
        fc
          .tuple(row, fc.double({ min: 0, max: 1, noNaN: true }))
          .map(([r, f]): Piece => ({ kind: 'noise', text: r.text.slice(0, Math.floor(f * r.cutBefore(r.text))) })),
        garbage.map((text): Piece => ({ kind: 'noise', text })),
      ),
      { maxLength: 400 },
    )
    // A quote that opens a field and never closes: the rows after it are read on their own once the text ends.
    const unclosed = fc.option(fc.tuple(garbage, fc.double({ min: 0, max: 1, noNaN: true })))
    fc.assert(
      fc.property(list, unclosed, fc.boolean(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (rows, open, crlf, cuts) => {
        const all: Piece[] = [{ kind: 'noise', text: header }, ...rows]
        if (open) all.splice(1 + Math.floor(open[1] * rows.length), 0, { kind: 'noise', text: `"${open[0]}` })
        checkMixture(all, crlf, cuts)
      }),
      { numRuns: 60 },
    )
  })
})
