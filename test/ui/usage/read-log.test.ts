import { Blob as NodeBlob } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { readLog, sniffEncoding } from '../../../src/ui/usage/read-log'

const report = (durationMs: string, billedMs: number, memoryMb = 128) =>
  `REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95\tDuration: ${durationMs} ms\tBilled Duration: ${billedMs} ms\tMemory Size: ${memoryMb} MB\tMax Memory Used: 56 MB\t`
const LOG = `START RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95 Version: $LATEST\r\n${report('15.74', 16)}\r\n${report('2.75', 3, 256)}\r\n`

/** The file as Windows PowerShell 5's `>` writes it: UTF-16LE with a byte order mark (FF FE). */
function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2)
  if (bom) out.set([0xff, 0xfe])
  for (let i = 0; i < text.length; i++) {
    out[(bom ? 2 : 0) + i * 2] = text.charCodeAt(i) & 0xff
    out[(bom ? 2 : 0) + i * 2 + 1] = text.charCodeAt(i) >> 8
  }
  return out
}

function utf16be(text: string): Uint8Array {
  const le = utf16le(text)
  const out = new Uint8Array(le.length)
  for (let i = 0; i < le.length; i += 2) ((out[i] = le[i + 1]!), (out[i + 1] = le[i]!))
  return out
}

const file = (bytes: Uint8Array | string, name = 'report.log') => ({ file: new NodeBlob([bytes]) as unknown as Blob, name })
const noProgress = () => {}

describe('reading a log file in any encoding a shell writes', () => {
  it('reads a UTF-16LE log with a byte order mark (Windows PowerShell 5) as the UTF-8 one', async () => {
    const log = await readLog(file(utf16le(LOG)), noProgress)
    expect(log!.sample.invocations).toBe(2)
    expect([...log!.sample.billedDurationMs]).toEqual([16, 3])
    expect(log!.problem).toBeUndefined()
    expect(log!.encoding).toBe('UTF-16LE (its byte order mark says UTF-16LE)')
    const utf8 = await readLog(file(LOG), noProgress)
    expect([...utf8!.sample.durationUs]).toEqual([...log!.sample.durationUs])
    expect(utf8!.encoding).toBeUndefined()
  })

  it('reads UTF-16BE with a mark, and UTF-16LE without one (every other byte NUL)', async () => {
    expect(sniffEncoding(utf16be(LOG)).encoding).toBe('utf-16be')
    expect((await readLog(file(utf16be(LOG)), noProgress))!.sample.invocations).toBe(2)
    const bare = await readLog(file(utf16le(LOG, false)), noProgress)
    expect(bare!.sample.invocations).toBe(2)
    expect(bare!.encoding).toBe('UTF-16LE (every other byte is NUL, as in UTF-16LE without a byte order mark)')
    // UTF-8 with its mark stays UTF-8
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x52, 0, 0x45, 0]))).toEqual({ encoding: 'utf-8', how: '' })
  })
})

describe('when nothing can be billed, the panel says why and where', () => {
  it('names the first reports that cannot be read, with their lines', async () => {
    const text = ['START RequestId: a', report('10.00', 10, 64), 'END RequestId: a', report('4000000.00', 4_000_000)].join('\n')
    const log = await readLog({ text }, noProgress)
    expect(log!.problem).toBe(
      'No invocation could be read from pasted text: 2 reports in its 4 lines cannot be read (line 2: Memory Size 64 MB is not a Lambda memory size (128 to 10,240 MB); line 4: Duration 4000000 ms is longer than an invocation can run (at most 900,000 ms, 15 minutes)).',
    )
  })

  it('says a file is not text, from the line where its NUL bytes start', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('line one\nline two\n'), 0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])
    const log = await readLog(file(bytes, 'picture.png'), noProgress)
    expect(log!.problem).toBe(
      'No REPORT lines were found in picture.png: it does not look like text (NUL or undecodable bytes from line 3). Export the log as text (UTF-8 or UTF-16), then import it again.',
    )
  })

  it('quotes the start of a text with no reports, and says an empty file is empty', async () => {
    const log = await readLog({ text: '\n\nhello world\nsecond' }, noProgress)
    expect(log!.problem).toMatch(
      /^No REPORT lines were found in pasted text: none of its 4 lines is a "REPORT RequestId:" line, .* \(line 1 starts "hello world"\)/,
    )
    expect((await readLog(file(''), noProgress))!.problem).toBe('report.log is empty: there is nothing to read.')
  })

  it('asks a file with no reports for the right lines, without telling its reader to paste them', async () => {
    const log = await readLog(file('hello world\nsecond\n', 'notes.log'), noProgress)
    expect(log!.problem).toMatch(
      /\. Import the lines that start with "REPORT RequestId:", JSON platform\.report records, or a Logs Insights export\.$/,
    )
    expect(log!.problem).not.toMatch(/Paste/)
  })

  it('more than 50 memory sizes: says one estimate holds 50 and what to do', async () => {
    const sizes = Array.from({ length: 51 }, (_, i) => 128 + i * 64)
    const log = await readLog({ text: sizes.map((m) => report('10.00', 10, m)).join('\n') }, noProgress)
    expect(log!.sample.invocations).toBe(51)
    expect(log!.problem).toBe(
      'pasted text holds invocations at 51 memory sizes, and one estimate holds at most 50 (one function each). Import the log of one function at a time (export each log group on its own), or keep only the lines of the memory sizes to compare.',
    )
    const fifty = await readLog(
      {
        text: sizes
          .slice(0, 50)
          .map((m) => report('10.00', 10, m))
          .join('\n'),
      },
      noProgress,
    )
    expect(fifty!.problem).toBeUndefined()
  })
})
