import { describe, expect, it } from 'vitest'
import { createReportParser, parseReports } from '../../../src/engine/index'
import { countWork } from './work'

// What users paste by accident or on purpose, as issue 18 found it: each case
// must end in a clear problem naming its line, never in a throw, a hang or a
// silently changed bill.

const report = (durationMs: string, billedMs: number, memoryMb = 128, extra = '') =>
  `REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95\tDuration: ${durationMs} ms\tBilled Duration: ${billedMs} ms\tMemory Size: ${memoryMb} MB\tMax Memory Used: 56 MB${extra}`

const INSIGHTS_HEADER = '@timestamp,@duration,@billedDuration,@memorySize,@maxMemoryUsed,@initDuration'
const insightsRow = (timestamp: string, durationMs: number) => `${timestamp},${durationMs},${durationMs},1.28E8,7.9E7,`

/** Every timestamp a page will format must be one a Date holds. */
function expectFormattable(span: { firstMs: number; lastMs: number } | null): void {
  expect(span).not.toBeNull()
  expect(() => new Date(span!.firstMs).toISOString()).not.toThrow()
  expect(() => new Date(span!.lastMs).toISOString()).not.toThrow()
}

describe('timestamps past what a Date holds', () => {
  it('a Logs Insights CSV row stamped 9999999999999999 is a problem on its line; the other rows count', () => {
    const text = [
      INSIGHTS_HEADER,
      insightsRow('2023-03-04 07:38:52.235', 12),
      insightsRow('9999999999999999', 13),
      insightsRow('2023-03-04 07:40:02.100', 14),
    ].join('\n')
    const s = parseReports(text)
    expect(s.invocations).toBe(2)
    expect([...s.durationUs]).toEqual([12_000, 14_000])
    expect(s.problems).toEqual([{ line: 3, message: expect.stringMatching(/^Timestamp 9999999999999999 is past the year 9999/) }])
    // 2023-03-04 07:38:52.235 UTC to 07:40:02.100 UTC
    expect(s.timeSpan).toEqual({ firstMs: Date.UTC(2023, 2, 4, 7, 38, 52, 235), lastMs: Date.UTC(2023, 2, 4, 7, 40, 2, 100) })
    expectFormattable(s.timeSpan)
  })

  it('a Logs Insights JSON record and a filter-log-events event stamped 9999999999999999 are problems on their lines', () => {
    const insights = [
      '[',
      '  { "@timestamp": "2023-03-04 07:38:52.235", "@duration": "1394.6", "@billedDuration": "1395", "@memorySize": "1.28E8", "@maxMemoryUsed": "7.9E7" },',
      '  { "@timestamp": "9999999999999999", "@duration": "2.05", "@billedDuration": "3", "@memorySize": "1.28E8", "@maxMemoryUsed": "7.6E7" }',
      ']',
    ].join('\n')
    const a = parseReports(insights)
    expect(a.invocations).toBe(1)
    expect(a.problems).toEqual([{ line: 3, message: expect.stringMatching(/^Timestamp 9999999999999999 is past the year 9999/) }])
    expectFormattable(a.timeSpan)

    const events = [
      '{ "events": [',
      `  { "timestamp": 1754298902134, "message": "${report('15.74', 16)}\\n" },`,
      `  { "timestamp": 9999999999999999, "message": "${report('2.75', 3)}\\n" }`,
      '] }',
    ].join('\n')
    const b = parseReports(events)
    expect(b.invocations).toBe(1)
    expect(b.problems).toEqual([{ line: 3, message: expect.stringMatching(/^Timestamp 9999999999999999 is past the year 9999/) }])
    expect(b.timeSpan).toEqual({ firstMs: 1754298902134, lastMs: 1754298902134 })
  })

  it('a platform.report record whose "time" names no real day is a problem on its line', () => {
    const record = (time: string, ms: number) =>
      `{"time":"${time}","type":"platform.report","record":{"requestId":"r","metrics":{"durationMs":${ms},"billedDurationMs":${ms},"memorySizeMB":128,"maxMemoryUsedMB":60}}}`
    const s = parseReports(
      [record('2022-10-12T00:00:15.064Z', 5), record('2022-02-30T00:00:15.064Z', 6), record('2022-10-12T00:01:15.064Z', 7)].join('\n'),
    )
    expect([...s.billedDurationMs]).toEqual([5, 7])
    expect(s.problems).toEqual([
      { line: 2, message: 'Timestamp 2022-02-30T00:00:15.064Z names a day that does not exist: February 2022 has 28 days' },
    ])
    expect(s.timeSpan).toEqual({ firstMs: Date.UTC(2022, 9, 12, 0, 0, 15, 64), lastMs: Date.UTC(2022, 9, 12, 0, 1, 15, 64) })
  })
})

describe('dates that do not exist are problems, not shifted', () => {
  it('year 0000 and 31 February name their lines; 29 February of a leap year is read', () => {
    const s = parseReports(
      [
        `2024-02-29T10:00:00.000Z ${report('10.00', 10)}`,
        `0000-01-01T00:00:00.000Z ${report('11.00', 11)}`,
        `2026-02-31T10:00:00.000Z ${report('12.00', 12)}`,
        `2100-02-29T10:00:00.000Z ${report('13.00', 13)}`, // 2100 is not a leap year (divisible by 100, not by 400)
        `2026-13-01T10:00:00.000Z ${report('14.00', 14)}`,
        `2024-03-01T10:00:00.000Z ${report('15.00', 15)}`,
      ].join('\n'),
    )
    expect(s.invocations).toBe(2)
    expect([...s.billedDurationMs]).toEqual([10, 15])
    expect(s.problems.map((p) => p.line)).toEqual([2, 3, 4, 5])
    expect(s.problems[0]!.message).toBe('Timestamp 0000-01-01T00:00:00.000Z is before 1970: a Lambda log is dated 1970 to 9999')
    expect(s.problems[1]!.message).toBe('Timestamp 2026-02-31T10:00:00.000Z names a day that does not exist: February 2026 has 28 days')
    expect(s.problems[2]!.message).toBe('Timestamp 2100-02-29T10:00:00.000Z names a day that does not exist: February 2100 has 28 days')
    expect(s.problems[3]!.message).toMatch(/^Timestamp 2026-13-01T10:00:00.000Z has month 13/)
    // 2024-02-29T10:00Z to 2024-03-01T10:00Z: one day, not 1900 or 2 March
    expect(s.timeSpan).toEqual({ firstMs: Date.UTC(2024, 1, 29, 10), lastMs: Date.UTC(2024, 2, 1, 10) })
  })

  it('a log starting in year 0 keeps the span of its real dates (it used to bill $0.00 a month over 2,000 years)', () => {
    const s = parseReports(
      [`0000-06-01 00:00:00 ${report('10.00', 10)}`, `2026-06-01 00:00:00 ${report('10.00', 10)}`, `2026-06-01 01:00:00 ${report('10.00', 10)}`].join(
        '\n',
      ),
    )
    expect(s.timeSpan).toEqual({ firstMs: Date.UTC(2026, 5, 1, 0), lastMs: Date.UTC(2026, 5, 1, 1) })
    expect(s.problems).toEqual([{ line: 1, message: 'Timestamp 0000-06-01 00:00:00 is before 1970: a Lambda log is dated 1970 to 9999' }])
  })
})

describe('invocations Lambda cannot run are problems with their line', () => {
  it('one 4,000,000 ms invocation among nine 10 ms ones is named, not billed', () => {
    const lines = Array.from({ length: 10 }, (_, i) => (i === 6 ? report('4000000.00', 4_000_000) : report('10.00', 10)))
    const s = parseReports(lines.join('\n'))
    expect(s.invocations).toBe(9)
    expect(s.problems).toEqual([{ line: 7, message: 'Duration 4000000 ms is longer than an invocation can run (at most 900,000 ms, 15 minutes)' }])
  })

  it('memory must be 128 to 10,240 MB; Billed Duration at most 900,000 ms plus the line’s INIT', () => {
    const s = parseReports(
      [
        report('10.00', 10, 128),
        report('10.00', 10, 64),
        report('10.00', 10, 10_240),
        report('10.00', 10, 10_241),
        report('900000.00', 900_000),
        report('900000.01', 900_001),
        report('899000.00', 950_000),
        // cold: 895,000 + 9,500.5 ms INIT = 904,500.5, billed 904,501 ms (rounded up once)
        report('895000.00', 904_501, 128, '\tInit Duration: 9500.50 ms'),
      ].join('\n'),
    )
    expect(s.invocations).toBe(4)
    expect([...s.memoryMb]).toEqual([128, 10_240, 128, 128])
    expect(s.problems).toEqual([
      { line: 2, message: 'Memory Size 64 MB is not a Lambda memory size (128 to 10,240 MB)' },
      { line: 4, message: 'Memory Size 10241 MB is not a Lambda memory size (128 to 10,240 MB)' },
      { line: 6, message: 'Duration 900000.01 ms is longer than an invocation can run (at most 900,000 ms, 15 minutes)' },
      { line: 7, message: 'Billed Duration 950000 ms is longer than an invocation can run (at most 900,000 ms)' },
    ])
  })

  it('the limits hold for JSON records and Logs Insights rows too', () => {
    const json = `{"time":"2022-10-12T00:00:15.064Z","type":"platform.report","record":{"requestId":"r","metrics":{"durationMs":4000000,"billedDurationMs":4000000,"memorySizeMB":128,"maxMemoryUsedMB":60}}}`
    expect(parseReports(json).problems).toEqual([
      { line: 1, message: 'Duration 4000000 ms is longer than an invocation can run (at most 900,000 ms, 15 minutes)' },
    ])
    const csv = [INSIGHTS_HEADER, '2023-03-04 07:38:52.235,12,12,6.4E7,5E7,'].join('\n')
    expect(parseReports(csv).problems).toEqual([{ line: 2, message: 'Memory Size 64 MB is not a Lambda memory size (128 to 10,240 MB)' }])
  })
})

describe('every parser is linear in its input', () => {
  /** A Logs Insights CSV whose second line opens a quote that never closes, then `rows` good rows. */
  function unclosedQuoteCsv(rows: number): string {
    const lines = [INSIGHTS_HEADER, '"2023-03-04 07:38:52.235,12,12,1.28E8,7.9E7,']
    for (let i = 0; i < rows; i++) lines.push(insightsRow(`2023-03-04 07:${String(40 + (i % 20)).padStart(2, '0')}:02.100`, 10 + (i % 7)))
    return lines.join('\n')
  }

  it('a CSV with an unclosed quote is reported at that quote’s line, and the rows after it are read, in work linear in the text', () => {
    const perChar = (rows: number) => {
      const text = unclosedQuoteCsv(rows)
      const { result, work } = countWork(() => parseReports(text))
      expect(result.problems).toEqual([{ line: 2, message: expect.stringMatching(/^Logs Insights row with an unclosed quote/) }])
      expect(result.invocations).toBe(rows)
      return work / text.length
    }
    const small = perChar(2_000)
    const large = perChar(8_000)
    // Re-splitting every later line made the work per character grow with the
    // rows (about 2,000 per character at 2,000 rows); linear work does not.
    expect(small).toBeLessThan(20)
    expect(large).toBeLessThan(small * 1.2)
  })

  it('progress moves while the unclosed quote’s row is open: each chunk costs work in proportion to its size', () => {
    const text = unclosedQuoteCsv(20_000)
    const parser = createReportParser()
    const chunk = 16_384
    let worst = 0
    for (let at = 0; at < text.length; at += chunk) {
      const piece = text.slice(at, at + chunk)
      const { work } = countWork(() => parser.push(piece))
      worst = Math.max(worst, work / piece.length)
    }
    expect(parser.charsProcessed).toBe(text.length)
    expect(worst).toBeLessThan(20)
    const s = parser.finish()
    expect(s.problems[0]!.line).toBe(2)
    expect(s.invocations).toBe(20_000)
  })

  it('a quote still open after 1 MB (past any log event, 256 KB) is given up while reading: the rows after it count before the end', () => {
    const text = unclosedQuoteCsv(30_000) // about 1.3 MB
    const parser = createReportParser()
    for (let at = 0; at < text.length; at += 65_536) parser.push(text.slice(at, at + 65_536))
    // 1,048,576 characters of open field are about 23,000 rows: those are read again, the rest as they come
    expect(parser.invocations).toBeGreaterThan(20_000)
    expect(parser.invocations).toBeLessThan(30_000)
    const s = parser.finish()
    expect(s.invocations).toBe(30_000)
    expect(s.problems).toEqual([
      {
        line: 2,
        message: expect.stringMatching(/^Logs Insights row with an unclosed quote: the quoted field that starts on this line does not end/),
      },
    ])
  })

  it('an 8 MB line of "REPORT RequestId: x " repeated is read in work linear in its length', () => {
    const unit = 'REPORT RequestId: x '
    const text = unit.repeat(Math.ceil(8_000_000 / unit.length))
    const { result, work } = countWork(() => parseReports(text, { maxProblems: 3 }))
    expect(result.invocations).toBe(0)
    expect(result.problemCount).toBe(text.length / unit.length)
    expect(result.problems[0]).toEqual({ line: 1, message: 'REPORT line without Duration' })
    // Each mark used to search to the end of the text for "Duration: " (about 4 MB each, 400,000 times).
    expect(work / text.length).toBeLessThan(20)
  })

  it.each([
    '"a" @message REPORT RequestId: x ', // an Insights key sought backwards from every mark, once
    '{"@message": "REPORT RequestId: x ',
    '"a":"',
    '{"metrics":{"durationMs":',
    '"\\"',
  ])('one long line of %j repeated is read in work linear in its length', (unit) => {
    const perChar = (n: number) => {
      const text = unit.repeat(n)
      expect(() => parseReports(text)).not.toThrow()
      return countWork(() => parseReports(text)).work / text.length
    }
    const small = perChar(2_000)
    expect(small).toBeLessThan(20)
    expect(perChar(8_000)).toBeLessThan(small * 1.2)
  })

  it('a real Duration a long request id away is still found within 100 characters', () => {
    const id = 'x'.repeat(90)
    expect(
      parseReports(`REPORT RequestId: ${id} Duration: 2.00 ms Billed Duration: 2 ms Memory Size: 128 MB Max Memory Used: 50 MB`).invocations,
    ).toBe(1)
  })
})
