import { describe, expect, it } from 'vitest'
import { estimate, parseReports, usageStats, type EstimateInput } from '../../src/engine/index'
import { calculationMarkdown, estimateCsv, estimateJson, type ExportSource } from '../../src/state/export'
import { encodeUsageLink, importedUsageExport, prepareUsageLink, withMonthlyRequests } from '../../src/state/usage-link'

// Three invocations at 128 MB: one cold (15.74 ms + 130.49 ms INIT -> 147 ms billed), warm 102.30 -> 103 ms and 250.01 -> 251 ms.
const LOG = [
  '2026-12-01T10:00:00.000Z REPORT RequestId: a Duration: 15.74 ms Billed Duration: 147 ms Memory Size: 128 MB Max Memory Used: 56 MB Init Duration: 130.49 ms',
  '2026-12-01T10:00:01.000Z REPORT RequestId: b Duration: 102.30 ms Billed Duration: 103 ms Memory Size: 128 MB Max Memory Used: 58 MB',
  '2026-12-01T10:00:02.000Z REPORT RequestId: c Duration: 250.01 ms Billed Duration: 251 ms Memory Size: 128 MB Max Memory Used: 61 MB',
].join('\n')
const INPUT: EstimateInput = { sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 100, requests: 1000 }] }

function source(): ExportSource {
  const sample = parseReports(LOG)
  const data = withMonthlyRequests(prepareUsageLink({ source: 'report.log', sample, stats: usageStats(sample) }, Date.UTC(2026, 11, 5)), {
    '': 30_000_000,
  })
  return { estimate: estimate(INPUT), input: INPUT, link: 'https://calc.example/?v=2', importedUsage: importedUsageExport(data) }
}

describe('exports carry the imported usage in full', () => {
  it('JSON: every row of billed durations with its exact sums, the source, the date and the volume', () => {
    const json = JSON.parse(estimateJson(source(), new Date(Date.UTC(2026, 11, 5))))
    expect(json.importedUsage).toEqual({
      source: 'report.log',
      importedOn: '2026-12-05',
      fromInsights: false,
      approximate: false,
      functions: [
        {
          name: '',
          monthlyRequests: 30_000_000,
          invocations: 3,
          coldStarts: 1,
          firstInvocation: '2026-12-01T10:00:00.000Z',
          lastInvocation: '2026-12-01T10:00:02.000Z',
          memorySizes: [
            {
              memoryMb: 128,
              maxMemoryUsedMb: 61,
              // 102.30 + 250.01 ms of warm Duration
              warmDurationUs: '352310',
              // the cold start re-rounded on the classic sheet: ceil100(15.74) = 100 ms
              classicColdBilledMs: '100',
              rows: [
                { cold: false, billedMs: 103, bucketMs: 1, invocations: 1, billedMsSum: '103' },
                { cold: false, billedMs: 251, bucketMs: 1, invocations: 1, billedMsSum: '251' },
                { cold: true, billedMs: 147, bucketMs: 1, invocations: 1, billedMsSum: '147', durationUs: '15740', initUs: '130490' },
              ],
            },
          ],
        },
      ],
    })
  })

  it('CSV and Markdown: a row per billed duration, after the estimate', () => {
    const csv = estimateCsv(source())
    expect(csv).toContain('Imported usage,Source,,,,,,"report.log, imported 2026-12-05"\r\n')
    expect(csv).toContain(
      'Imported usage,"128 MB, cold, billed 147 ms",1,invocations,,,,billed ms sum 147; Duration sum 15740 us; INIT sum 130490 us\r\n',
    )
    const md = calculationMarkdown(source())
    expect(md).toContain('## Imported usage')
    expect(md).toContain('| 128 MB | warm | 251 ms | 1 | 251 |')
  })

  it('holds every row even where the link cannot: 3,000 distinct billed durations', () => {
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `REPORT RequestId: r${i} Duration: ${i + 0.5} ms Billed Duration: ${i + 1} ms Memory Size: 512 MB Max Memory Used: 80 MB`,
    )
    const sample = parseReports(lines.join('\n'))
    const data = prepareUsageLink({ source: 'big.log', sample, stats: usageStats(sample) }, 0)
    expect(encodeUsageLink(data, 1800)!.value.length).toBeLessThanOrEqual(1800)
    expect(importedUsageExport(data).functions[0]!.memorySizes[0]!.rows).toHaveLength(3000)
  })
})
