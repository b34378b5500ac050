import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createReportParser, parseReports, summarizeBilledUsage, type ReportSample } from '../../../src/engine/index'

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/usage', name), 'utf8')
const CURRENT = { granularityMs: 1, billInit: true }
const CLASSIC = { granularityMs: 100, billInit: false }

/** The sample's invocations as plain rows, to compare with values read by hand from the logs. */
function rows(s: ReportSample) {
  return Array.from({ length: s.invocations }, (_, i) => ({
    durationUs: s.durationUs[i],
    billedMs: s.billedDurationMs[i],
    memoryMb: s.memoryMb[i],
    maxUsedMb: s.maxMemoryUsedMb[i],
    cold: s.cold[i] === 1,
    initUs: s.initDurationUs[i],
    restoreUs: s.restoreDurationUs[i],
    billedRestoreMs: s.billedRestoreMs[i],
  }))
}

const AWS_SAMPLE =
  'REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95 Duration: 15.74 ms Billed Duration: 147 ms Memory Size: 128 MB Max Memory Used: 56 MB Init Duration: 130.49 ms'

describe('many invocations', () => {
  it('keeps every invocation as the columns grow, and a SnapStart restore seen after 5,000 warm ones with its own figures', () => {
    const warm = (i: number) => `REPORT RequestId: w-${i} Duration: 10.00 ms Billed Duration: 10 ms Memory Size: 512 MB Max Memory Used: 60 MB`
    const lines = Array.from({ length: 5_000 }, (_, i) => warm(i))
    // The restore line of test/fixtures/usage/snapstart.log (line 2): 511.25 ms restore, 303 ms billed.
    lines.push(
      'REPORT RequestId: b771fecc-1b53-4faf-922d-1d74357b1676\tDuration: 306.34 ms\tBilled Duration: 610 ms\tMemory Size: 512 MB\tMax Memory Used: 155 MB\tRestore Duration: 511.25 ms\tBilled Restore Duration: 303 ms',
      warm(5_001),
    )
    const s = parseReports(lines.join('\n'))
    expect(s.invocations).toBe(5_002)
    const all = rows(s)
    expect(all[0]).toEqual({
      durationUs: 10_000,
      billedMs: 10,
      memoryMb: 512,
      maxUsedMb: 60,
      cold: false,
      initUs: 0,
      restoreUs: 0,
      billedRestoreMs: 0,
    })
    expect(all[4_999]).toEqual(all[0])
    expect(all[5_000]).toEqual({
      durationUs: 306_340,
      billedMs: 610,
      memoryMb: 512,
      maxUsedMb: 155,
      cold: true,
      initUs: 0,
      restoreUs: 511_250,
      billedRestoreMs: 303,
    })
    expect(all[5_001]).toEqual(all[0])
  })

  it('keeps each of 140,000 invocations in order across the column blocks (1,024 doubling to 65,536), read in odd-sized chunks', () => {
    // Invocation i: Duration i.25 ms (i x 1000 + 250 us), Billed Duration i + 1 ms, Max Memory Used i mod 1,000 MB;
    // one SnapStart restore, at invocation 131,000 (past the 130,048 of the doubling blocks), 7.5 ms restore, 8 ms billed.
    const n = 140_000
    const restoreAt = 131_000
    const lines: string[] = []
    for (let i = 0; i < n; i++) {
      const restore = i === restoreAt ? ' Restore Duration: 7.50 ms Billed Restore Duration: 8 ms' : ''
      lines.push(
        `REPORT RequestId: r-${i} Duration: ${i}.25 ms Billed Duration: ${i + 1} ms Memory Size: 256 MB Max Memory Used: ${i % 1000} MB${restore}`,
      )
    }
    const text = lines.join('\n')
    const parser = createReportParser()
    for (let at = 0; at < text.length; at += 65_521) parser.push(text.slice(at, at + 65_521))
    const s = parser.finish()
    expect(s.invocations).toBe(n)
    expect(s.coldStarts).toBe(1)
    const wrong: number[] = []
    for (let i = 0; i < n; i++) {
      const ok =
        s.durationUs[i] === i * 1000 + 250 &&
        s.billedDurationMs[i] === i + 1 &&
        s.memoryMb[i] === 256 &&
        s.maxMemoryUsedMb[i] === i % 1000 &&
        s.cold[i] === (i === restoreAt ? 1 : 0) &&
        s.initDurationUs[i] === 0 &&
        s.restoreDurationUs[i] === (i === restoreAt ? 7_500 : 0) &&
        s.billedRestoreMs[i] === (i === restoreAt ? 8 : 0)
      if (!ok) wrong.push(i)
    }
    expect(wrong).toEqual([])
    for (const column of [
      s.durationUs,
      s.billedDurationMs,
      s.memoryMb,
      s.maxMemoryUsedMb,
      s.cold,
      s.initDurationUs,
      s.restoreDurationUs,
      s.billedRestoreMs,
    ])
      expect(column.length).toBe(n)
    // finish() again gives the same sample
    expect(parser.finish().durationUs[n - 1]).toBe((n - 1) * 1000 + 250)
  })

  it('gives the same invocations whatever room a reader reserves, too little or enough, before or after a SnapStart restore', () => {
    // Invocation i: Duration i.50 ms, Billed Duration i + 1 ms, 512 MB; restores at invocations 100 and 90,000
    // (Restore Duration 2.25 ms, Billed Restore Duration 3 ms); Init Duration 1.00 ms on every 1,000th.
    const n = 100_000
    const lines: string[] = []
    for (let i = 0; i < n; i++) {
      const restore = i === 100 || i === 90_000 ? ' Restore Duration: 2.25 ms Billed Restore Duration: 3 ms' : ''
      const init = i % 1000 === 999 ? ' Init Duration: 1.00 ms' : ''
      lines.push(
        `REPORT RequestId: r-${i} Duration: ${i}.50 ms Billed Duration: ${i + 1} ms Memory Size: 512 MB Max Memory Used: 9 MB${init}${restore}`,
      )
    }
    const text = lines.join('\n')
    const read = (room: number | null) => {
      const parser = createReportParser()
      const cut = 30_011 // characters: about 280 invocations before the reservation
      parser.push(text.slice(0, cut))
      if (room !== null) parser.reserve(room)
      for (let at = cut; at < text.length; at += 1 << 20) parser.push(text.slice(at, at + (1 << 20)))
      return parser.finish()
    }
    for (const room of [null, 50_000, n, 250_000]) {
      const s = read(room)
      expect(s.invocations, `room ${room}`).toBe(n)
      expect(s.coldStarts).toBe(2 + 100)
      const wrong: number[] = []
      for (let i = 0; i < n; i++) {
        const restored = i === 100 || i === 90_000
        const ok =
          s.durationUs[i] === i * 1000 + 500 &&
          s.billedDurationMs[i] === i + 1 &&
          s.memoryMb[i] === 512 &&
          s.maxMemoryUsedMb[i] === 9 &&
          s.cold[i] === (restored || i % 1000 === 999 ? 1 : 0) &&
          s.initDurationUs[i] === (i % 1000 === 999 ? 1000 : 0) &&
          s.restoreDurationUs[i] === (restored ? 2_250 : 0) &&
          s.billedRestoreMs[i] === (restored ? 3 : 0)
        if (!ok) wrong.push(i)
      }
      expect(wrong, `room ${room}`).toEqual([])
      for (const column of [
        s.durationUs,
        s.billedDurationMs,
        s.memoryMb,
        s.maxMemoryUsedMb,
        s.cold,
        s.initDurationUs,
        s.restoreDurationUs,
        s.billedRestoreMs,
      ])
        expect(column.length).toBe(n)
    }
  })
})

describe('REPORT text lines', () => {
  it('reads AWS\u2019s documented sample exactly and bills it 147 ms (15.74 + 130.49, rounded once)', () => {
    const s = parseReports(AWS_SAMPLE)
    expect(rows(s)).toEqual([
      { durationUs: 15_740, billedMs: 147, memoryMb: 128, maxUsedMb: 56, cold: true, initUs: 130_490, restoreUs: 0, billedRestoreMs: 0 },
    ])
    expect(s.coldStarts).toBe(1)
    expect(s.problems).toEqual([])
    expect(summarizeBilledUsage(s, CURRENT).billedMs).toBe(147n)
    // classic sheet: ceil100(15.74) = 100, INIT not billed
    expect(summarizeBilledUsage(s, CLASSIC).billedMs).toBe(100n)
  })

  it('reads the Python guide\u2019s log between START, INFO, END and XRAY lines: 2.75 + 113.51 -> 117 ms', () => {
    const s = parseReports(fixture('python-docs.log'))
    expect(s.invocations).toBe(1)
    expect(s.lines).toBe(8)
    expect(rows(s)[0]).toMatchObject({ durationUs: 2_750, billedMs: 117, memoryMb: 128, maxUsedMb: 56, initUs: 113_510 })
    expect(summarizeBilledUsage(s, CURRENT)).toMatchObject({ billedMs: 117n, billedDiffers: 0 })
    expect(s.timeSpan).toBeNull()
  })

  it('reads console lines with a timestamp prefix and runs of spaces: 250.06 + 100.77 -> 351 ms', () => {
    const s = parseReports(fixture('init-billing.log'))
    expect(rows(s)).toEqual([
      { durationUs: 15_740, billedMs: 147, memoryMb: 128, maxUsedMb: 56, cold: true, initUs: 130_490, restoreUs: 0, billedRestoreMs: 0 },
      { durationUs: 250_060, billedMs: 351, memoryMb: 1024, maxUsedMb: 350, cold: true, initUs: 100_770, restoreUs: 0, billedRestoreMs: 0 },
    ])
    expect(s.timeSpan).toEqual({ firstMs: Date.UTC(2025, 7, 4, 9, 15, 2, 134), lastMs: Date.UTC(2025, 7, 4, 10, 15, 2, 751) })
    expect(s.memorySizesMb).toEqual([128, 1024])
    expect(s.maxMemoryUsedByMemoryMb).toEqual([56, 350])
    const current = summarizeBilledUsage(s, CURRENT)
    expect(current.byMemory.map((m) => m.billedMs)).toEqual([147n, 351n])
    expect(current.billedDiffers).toBe(0)
    // before August 2025 the same line billed 251 ms: the classic rules give ceil100(250.06) = 300
    expect(summarizeBilledUsage(s, CLASSIC).byMemory.map((m) => m.billedMs)).toEqual([100n, 300n])
  })

  it('reads SnapStart restores: Restore Duration is cold, Billed Restore Duration is billed with the duration', () => {
    const s = parseReports(fixture('snapstart.log'))
    expect(rows(s)).toEqual([
      { durationUs: 306_340, billedMs: 610, memoryMb: 3009, maxUsedMb: 155, cold: true, initUs: 0, restoreUs: 511_250, billedRestoreMs: 303 },
      { durationUs: 2_338_660, billedMs: 2521, memoryMb: 3009, maxUsedMb: 173, cold: true, initUs: 0, restoreUs: 398_970, billedRestoreMs: 182 },
    ])
    // 307 + 303 = 610 and 2339 + 182 = 2521, as logged
    expect(summarizeBilledUsage(s, CURRENT)).toMatchObject({ billedMs: 3131n, billedDiffers: 0, coldInvocations: 2 })
    // sam logs prints microseconds after the seconds; milliseconds are kept
    expect(s.timeSpan).toEqual({ firstMs: Date.UTC(2023, 6, 5, 10, 16, 34, 686), lastMs: Date.UTC(2023, 6, 5, 10, 16, 44, 25) })
  })

  it('rounds each invocation up to 1 ms or 100 ms (the pricing notes\u2019 examples)', () => {
    const line = (d: string) => `REPORT RequestId: x Duration: ${d} ms Billed Duration: 1 ms Memory Size: 128 MB Max Memory Used: 20 MB`
    const billed = (d: string, rules: typeof CURRENT) => summarizeBilledUsage(parseReports(line(d)), rules).billedMs
    expect(billed('871.20', CLASSIC)).toBe(900n)
    expect(billed('27.40', CLASSIC)).toBe(100n)
    expect(billed('27.55', CURRENT)).toBe(28n)
    expect(billed('100.00', CLASSIC)).toBe(100n)
    expect(billed('100.01', CLASSIC)).toBe(200n)
    expect(billed('0.01', CURRENT)).toBe(1n)
    expect(billed('0.01', CLASSIC)).toBe(100n)
    expect(billed('5.00', CURRENT)).toBe(5n)
  })

  it('tells per-invocation billing from billing the average: 50 ms and 150 ms bill 300 ms, not 200 ms', () => {
    const text = ['50.00', '150.00']
      .map((d) => `REPORT RequestId: x Duration: ${d} ms Billed Duration: 100 ms Memory Size: 128 MB Max Memory Used: 20 MB`)
      .join('\n')
    const s = summarizeBilledUsage(parseReports(text), CLASSIC)
    expect(s.billedMs).toBe(300n)
    expect(s.billedMsFromAverage).toBe(200n)
  })

  it('averages cold starts the way a calculator of averages would: warm x ceil(mean) + cold x ceil(mean + mean INIT)', () => {
    const text = [
      'REPORT RequestId: a Duration: 10.50 ms Billed Duration: 11 ms Memory Size: 256 MB Max Memory Used: 20 MB',
      'REPORT RequestId: b Duration: 20.25 ms Billed Duration: 21 ms Memory Size: 256 MB Max Memory Used: 20 MB',
      'REPORT RequestId: c Duration: 30.00 ms Billed Duration: 131 ms Memory Size: 256 MB Max Memory Used: 20 MB Init Duration: 100.10 ms',
    ].join('\n')
    const m = summarizeBilledUsage(parseReports(text), CURRENT).byMemory[0]!
    // per invocation: 11 + 21 + ceil(130.10) = 11 + 21 + 131 = 163
    expect(m.billedMs).toBe(163n)
    // mean duration 60.75 / 3 = 20.25 -> 21; cold: 20.25 + 100.10 = 120.35 -> 121; 2 x 21 + 121 = 163
    expect(m.billedMsFromAverage).toBe(163n)
    expect(m).toMatchObject({ invocations: 3, coldInvocations: 1, durationUs: 60_750n, initDurationUs: 100_100n, loggedBilledMs: 163n })
  })

  it('counts lines whose logged Billed Duration differs from today\u2019s rule', () => {
    // logged before August 2025: INIT not in Billed Duration (251), today 351
    const s = parseReports(
      'REPORT RequestId: xxxxx   Duration: 250.06 ms   Billed Duration: 251 ms   Memory Size: 1024 MB   Max Memory Used: 350 MB   Init Duration: 100.77 ms',
    )
    const current = summarizeBilledUsage(s, CURRENT)
    expect(current).toMatchObject({ billedMs: 351n, billedDiffers: 1 })
    expect(current.byMemory[0]!.loggedBilledMs).toBe(251n)
  })
})

describe('malformed lines', () => {
  it('are problems with their line number, never counted, never fatal; other lines are skipped silently', () => {
    const text = [
      'START RequestId: a Version: $LATEST', // 1
      'REPORT RequestId: a Duration: 12.5.1 ms Billed Duration: 13 ms Memory Size: 128 MB Max Memory Used: 20 MB', // 2
      'REPORT RequestId: b Duration: 12.50 ms Memory Size: 128 MB Max Memory Used: 20 MB', // 3
      'REPORT RequestId: c Duration: 12.50 ms Billed Duration: 13 ms Memory Size: 99999 MB Max Memory Used: 20 MB', // 4
      'REPORT RequestId: d Duration: 1.2345 ms Billed Duration: 2 ms Memory Size: 128 MB', // 5
      'just some text with Duration: 5 ms in it', // 6
      'REPORT RequestId: e Duration: 12.50 ms Billed Duration: 13 ms Memory Size: 128 MB Max Memory Used: 20 MB', // 7
      'REPORT RequestId: f Duration: abc ms Billed Duration: 13 ms Memory Size: 128 MB', // 8
    ].join('\n')
    const s = parseReports(text)
    expect(s.invocations).toBe(1)
    expect(s.durationUs[0]).toBe(12_500)
    expect(s.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 8])
    expect(s.problems[1]!.message).toMatch(/Billed Duration/)
    expect(s.problems[2]!.message).toMatch(/Memory Size 99999 MB/)
    expect(s.problems[3]!.message).toMatch(/more than 3 decimal places/)
    expect(s.problems[4]!.message).toMatch(/Duration is not a number/)
    expect(s.problemCount).toBe(5)
  })

  it('keeps the first problems and counts the rest', () => {
    const bad = 'REPORT RequestId: x Duration: 1 ms'
    const s = parseReports(Array(250).fill(bad).join('\n'))
    expect(s.problems).toHaveLength(100)
    expect(s.problemCount).toBe(250)
    expect(s.problems[99]!.line).toBe(100)
    expect(parseReports(Array(5).fill(bad).join('\n'), { maxProblems: 2 }).problems).toHaveLength(2)
  })

  it('never throws and never counts a report from text that has none', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const s = parseReports(text)
        expect(s.invocations).toBe(0)
        expect(s.problemCount).toBe(0)
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(AWS_SAMPLE, '"', '{', '}', '@', '\\t', 'REPORT RequestId:', ' ms', '\n', 'Duration: ', '"type": "platform.report"'),
          { maxLength: 40 },
        ),
        (parts) => {
          expect(() => parseReports(parts.join(''))).not.toThrow()
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('JSON log format', () => {
  it('reads platform.report records and ignores runtimeDone metrics and application JSON', () => {
    const s = parseReports(fixture('platform-report.jsonl'))
    expect(rows(s)).toEqual([
      { durationUs: 693_920, billedMs: 694, memoryMb: 128, maxUsedMb: 84, cold: true, initUs: 397_680, restoreUs: 0, billedRestoreMs: 0 },
      { durationUs: 17_493, billedMs: 18, memoryMb: 128, maxUsedMb: 75, cold: false, initUs: 0, restoreUs: 0, billedRestoreMs: 0 },
    ])
    expect(s.formats).toEqual(['json'])
    expect(s.timeSpan).toEqual({ firstMs: Date.UTC(2022, 9, 12, 0, 1, 15), lastMs: Date.UTC(2022, 9, 12, 0, 2, 15) })
    // logged in 2022 without INIT; today: ceil(693.92 + 397.68) = 1092, and ceil(17.493) = 18
    expect(summarizeBilledUsage(s, CURRENT)).toMatchObject({ billedMs: 1110n, billedDiffers: 1 })
  })

  it('reads a pretty-printed record, ignoring the durations of its spans', () => {
    const s = parseReports(fixture('platform-report-pretty.json'))
    expect(rows(s)).toEqual([
      { durationUs: 101_510, billedMs: 300, memoryMb: 512, maxUsedMb: 33, cold: true, initUs: 116_670, restoreUs: 0, billedRestoreMs: 0 },
    ])
    expect(s.timeSpan).toEqual({ firstMs: Date.UTC(2020, 7, 20, 12, 31, 32, 123), lastMs: Date.UTC(2020, 7, 20, 12, 31, 32, 123) })
  })

  it('reports a platform.report record without a duration', () => {
    const s = parseReports(
      '{"time":"2022-10-12T00:01:15.000Z","type":"platform.report","record":{"metrics":{"billedDurationMs":694,"memorySizeMB":128}}}',
    )
    expect(s.invocations).toBe(0)
    expect(s.problems).toEqual([{ line: 1, message: 'platform.report record without Duration' }])
  })
})

describe('aws logs filter-log-events output', () => {
  it('reads REPORT lines and JSON records embedded as escaped message strings, with the events\u2019 timestamps', () => {
    const s = parseReports(fixture('filter-log-events.json'))
    expect(rows(s)).toEqual([
      { durationUs: 15_740, billedMs: 147, memoryMb: 128, maxUsedMb: 56, cold: true, initUs: 130_490, restoreUs: 0, billedRestoreMs: 0 },
      { durationUs: 250_060, billedMs: 351, memoryMb: 1024, maxUsedMb: 350, cold: true, initUs: 100_770, restoreUs: 0, billedRestoreMs: 0 },
    ])
    expect(s.timeSpan).toEqual({ firstMs: 1754298902134, lastMs: Date.UTC(2025, 7, 4, 10, 15, 2, 751) })
    expect(s.problems).toEqual([])
  })

  it('reads the text output, where the message sits between tab-separated fields', () => {
    const text =
      'EVENTS\t38442112836000519406093215462498461062208118462580277249\t1754298907087\t2025/08/04/[$LATEST]3a3b\tREPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95\tDuration: 15.74 ms\tBilled Duration: 147 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\tInit Duration: 130.49 ms\t\n\t1754298902134\n'
    const s = parseReports(text)
    expect(rows(s)).toEqual([
      { durationUs: 15_740, billedMs: 147, memoryMb: 128, maxUsedMb: 56, cold: true, initUs: 130_490, restoreUs: 0, billedRestoreMs: 0 },
    ])
  })

  it('reads minified JSON with several events on one line', () => {
    const event = (id: string, d: string) =>
      `{"logStreamName":"s","timestamp":1754298902134,"message":"REPORT RequestId: ${id}\\tDuration: ${d} ms\\tBilled Duration: 4 ms\\tMemory Size: 512 MB\\tMax Memory Used: 70 MB\\t\\n","eventId":"${id}"}`
    const s = parseReports(`{"events":[${event('a', '3.10')},${event('b', '3.20')},${event('c', '3.30')}]}`)
    expect(Array.from(s.durationUs)).toEqual([3100, 3200, 3300])
    expect(s.timestampedInvocations).toBe(3)
  })
})

describe('CloudWatch Logs Insights exports', () => {
  // Insights gives memory in bytes of 10^6 per MB: 1.28E8 is 128 MB, 7.9E7 is 79 MB.
  const expected = [
    { durationUs: 1_394_600, billedMs: 1395, memoryMb: 128, maxUsedMb: 79, cold: true, initUs: 428_600, restoreUs: 0, billedRestoreMs: 0 },
    { durationUs: 2_050, billedMs: 3, memoryMb: 128, maxUsedMb: 76, cold: false, initUs: 0, restoreUs: 0, billedRestoreMs: 0 },
    { durationUs: 870_200, billedMs: 871, memoryMb: 128, maxUsedMb: 81, cold: false, initUs: 0, restoreUs: 0, billedRestoreMs: 0 },
  ]
  const span = { firstMs: Date.UTC(2023, 2, 4, 7, 38, 52, 235), lastMs: Date.UTC(2023, 2, 4, 7, 41, 12, 0) }

  it('reads a CSV export (CRLF line ends), memory in bytes', () => {
    const s = parseReports(fixture('insights.csv'))
    expect(rows(s)).toEqual(expected)
    expect(s.timeSpan).toEqual(span)
    expect(s.formats).toEqual(['insights-csv'])
    // 1395 + 3 + 871 ms, and with today's INIT rule ceil(1394.6 + 428.6) = 1824 for the first
    expect(summarizeBilledUsage(s, CURRENT)).toMatchObject({ billedMs: 2698n, billedDiffers: 1 })
  })

  it('reads a JSON export, falling back to @message when a row has no @duration', () => {
    const s = parseReports(fixture('insights.json'))
    expect(rows(s)).toEqual(expected)
    expect(s.timeSpan).toEqual(span)
  })

  it('reads a CSV export of @timestamp and @message only, with quoted messages', () => {
    const text =
      '@timestamp,@message\n2023-03-04 07:38:52.235,"REPORT RequestId: 0fc7\tDuration: 2.05 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 76 MB\t\n"\n2023-03-04 07:38:53.000,START RequestId: x Version: 1\n'
    const s = parseReports(text)
    expect(rows(s)).toEqual([expected[1]])
    expect(s.timeSpan).toEqual({ firstMs: Date.UTC(2023, 2, 4, 7, 38, 52, 235), lastMs: Date.UTC(2023, 2, 4, 7, 38, 52, 235) })
  })

  it('reports a row whose memory is not a whole number of MB', () => {
    const s = parseReports('@duration,@billedDuration,@memorySize\n12.5,13,1.2345E8\n')
    expect(s.invocations).toBe(0)
    expect(s.problems).toHaveLength(1)
    expect(s.problems[0]!.line).toBe(2)
    expect(s.problems[0]!.message).toMatch(/@memorySize 1.2345E8 is not a whole number of MB/)
  })
})

describe('the streaming parser', () => {
  const mixed = [
    fixture('python-docs.log'),
    fixture('init-billing.log'),
    fixture('snapstart.log'),
    fixture('platform-report.jsonl'),
    fixture('filter-log-events.json'),
  ].join('\nREPORT RequestId: bad Duration: 1 ms\n')

  it('gives the same sample wherever the text is cut into chunks', () => {
    const whole = parseReports(mixed)
    expect(whole.invocations).toBe(9)
    expect(whole.problemCount).toBe(4)
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: mixed.length }), { maxLength: 12 }), (cuts) => {
        const parser = createReportParser()
        let from = 0
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          parser.push(mixed.slice(from, cut))
          from = cut
        }
        parser.push(mixed.slice(from))
        expect(parser.charsProcessed).toBe(mixed.length)
        expect(parser.finish()).toEqual(whole)
      }),
      { numRuns: 300 },
    )
  })

  it('gives the same sample one character at a time', () => {
    const text = fixture('insights.csv') + fixture('insights.json')
    const parser = createReportParser()
    for (const ch of text) parser.push(ch)
    expect(parser.finish()).toEqual(parseReports(text))
  })

  it('tells progress and refuses input after finish()', () => {
    const parser = createReportParser()
    parser.push(`${AWS_SAMPLE}\n${AWS_SAMPLE}`)
    expect(parser.linesProcessed).toBe(1)
    expect(parser.invocations).toBe(1)
    expect(parser.finish().invocations).toBe(2)
    expect(() => parser.push('x')).toThrow(/after finish/)
  })
})
