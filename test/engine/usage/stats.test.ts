import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { durationHistogram, histogramBinMs, parseReports, usageStats } from '../../../src/engine/index'

const report = (durationMs: string, init?: string, maxUsedMb = 60) =>
  `REPORT RequestId: r Duration: ${durationMs} ms Billed Duration: 1 ms Memory Size: 256 MB Max Memory Used: ${maxUsedMb} MB` +
  (init === undefined ? '' : ` Init Duration: ${init} ms`)

describe('usage statistics', () => {
  it('bins durations so that 100 ms billing edges are bin edges, and an edge value falls in the upper bin', () => {
    const s = parseReports([report('99.99'), report('100.00'), report('100.01'), report('250.00')].join('\n'))
    const h = durationHistogram(s, 40)
    // 250 ms in at most 40 bins: 10 ms bins (5 ms would need 51)
    expect(h.binMs).toBe(10)
    expect(h.bins).toHaveLength(26)
    expect(h.bins[9]).toEqual({ fromMs: 90, toMs: 100, count: 1 })
    expect(h.bins[10]).toEqual({ fromMs: 100, toMs: 110, count: 2 })
    expect(h.bins[25]).toEqual({ fromMs: 250, toMs: 260, count: 1 })
    expect(h.bins.reduce((a, b) => a + b.count, 0)).toBe(4)
  })

  it('chooses 1, 2 or 5 x a power of ten, and handles an empty sample', () => {
    expect(histogramBinMs(1000, 40)).toBe(50)
    expect(histogramBinMs(3, 40)).toBe(0.1)
    expect(histogramBinMs(0, 40)).toBe(0.01)
    expect(histogramBinMs(Number.NaN, 40)).toBe(0.01)
    expect(durationHistogram(parseReports('')).bins).toEqual([])
  })

  it('reports percentiles, cold starts, INIT and the largest memory used', () => {
    const lines = [report('1.00', undefined, 70), report('2.00'), report('3.00'), report('4.00', '120.00', 90), report('10.00', '80.00')]
    const st = usageStats(parseReports(lines.join('\n')))
    expect(st.invocations).toBe(5)
    expect(st.coldStarts).toBe(2)
    expect(st.durationMs).toEqual({ mean: 4, p50: 3, p90: 10, p99: 10, max: 10 })
    expect(st.initMs).toEqual({ mean: 100, p50: 80, max: 120 })
    expect(st.maxMemoryUsedMb).toBe(90)
    expect(st.memorySizesMb).toEqual([256])
  })

  it('gives the nearest-rank percentiles of a sorted list, for spread, clustered and tied durations', () => {
    // Nearest rank: the p-th percentile of n sorted values is the value at position ceil(p / 100 x n) (1-based).
    const hundredths = fc.oneof(
      fc.integer({ min: 0, max: 90_000_000 }),
      fc.integer({ min: 1_500_000, max: 1_500_040 }), // 0.4 ms apart: one counting bucket when the largest is long
      fc.constant(12_345),
    )
    fc.assert(
      fc.property(fc.array(hundredths, { minLength: 1, maxLength: 300 }), (values) => {
        const text = values.map((h) => report(`${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`)).join('\n')
        const sorted = [...values].sort((a, b) => a - b)
        const at = (p: number) => sorted[Math.ceil((p / 100) * sorted.length) - 1]! / 100
        const d = usageStats(parseReports(text)).durationMs
        expect([d.p50, d.p90, d.p99, d.max]).toEqual([at(50), at(90), at(99), sorted.at(-1)! / 100])
      }),
      { numRuns: 200 },
    )
  })

  it('reads the time span of AWS\u2019s documented lines', () => {
    const text = readFileSync(resolve(__dirname, '../../fixtures/usage/init-billing.log'), 'utf8')
    const st = usageStats(parseReports(text))
    expect(st.timeSpan).toEqual({ firstMs: Date.UTC(2025, 7, 4, 9, 15, 2, 134), lastMs: Date.UTC(2025, 7, 4, 10, 15, 2, 751) })
    expect(st.initMs).toEqual({ mean: 115.63, p50: 100.77, max: 130.49 })
  })
})
