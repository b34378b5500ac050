import { describe, expect, it } from 'vitest'
import { parseReports } from '../../../src/engine/index'
import { defaultMonthlyRequests } from '../../../src/engine/index'
import { cheapestAndFastest, measuredCurve, modelledCurve, type MemoryPoint } from '../../../src/ui/usage/memory-curve'

const point = (x: number, totalCents: number, durationMs: number) => ({ x, totalCents, durationMs }) as MemoryPoint

describe('the memory curve', () => {
  it('prices each measured size for the whole month, requests and free tier included', () => {
    const input = { sheet: 'aws-2016' as const, functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }
    const { points, skipped } = measuredCurve(input, {
      points: [
        { memoryMb: 128, durationMs: 2000 },
        { memoryMb: 1000, durationMs: 600 },
        { memoryMb: 1024, durationMs: 400, costUsd: 0.0000067 },
      ],
    })
    // 128 MB, 2 s: 750,000 GB-s - 400,000 = 350,000 x $0.00001667 = $5.83, + $0.40 of requests
    // 1,024 MB, 0.4 s: 1,200,000 GB-s - 400,000 = 800,000 x $0.00001667 = $13.34, + $0.40
    expect(points.map((p) => [p.x, p.totalCents, p.requestsCents])).toEqual([
      [128, 623, 40],
      [1024, 1374, 40],
    ])
    expect(points[1]!.reportedUsd).toBe(0.0000067)
    // 1,000 MB is not a multiple of 64: the classic sheet does not allow it
    expect(skipped.map((s) => s.memoryMb)).toEqual([1000])
    expect(skipped[0]!.reason).toMatch(/multiple of 64/)
  })

  it('models duration from the CPU-bound share: 100 % CPU-bound halves the time when memory doubles', () => {
    const input = { sheet: 'aws-current' as const, freeTier: false, functions: [{ memoryMb: 256, durationMs: 1000, requests: 1_000_000 }] }
    const pts = modelledCurve(input, [256, 512], { cpuBoundPercent: 100, multiThreaded: false })
    expect(pts.map((p) => p.durationMs)).toEqual([1000, 500])
    // the same GB-s at both sizes: 1M x 0.25 GB x 1 s = 250,000 GB-s = 1M x 0.5 GB x 0.5 s
    expect(pts[0]!.totalCents).toBe(pts[1]!.totalCents)
    const fixed = modelledCurve(input, [256, 512], { cpuBoundPercent: 0, multiThreaded: false })
    expect(fixed.map((p) => p.durationMs)).toEqual([1000, 1000])
  })

  it('marks the cheapest, and the fastest within 10 % of it', () => {
    const marks = cheapestAndFastest([point(128, 1000, 900), point(256, 1100, 400), point(512, 1101, 200), point(1024, 2000, 100)])
    expect(marks!.cheapest.x).toBe(128)
    // 1,100 cents is exactly 10 % above 1,000; 1,101 is not
    expect(marks!.fastest.x).toBe(256)
    expect(cheapestAndFastest([])).toBeNull()
    const one = cheapestAndFastest([point(128, 0, 5)])!
    expect(one.cheapest).toBe(one.fastest)
  })

  it('defaults the volume to the log\u2019s rate over a 730-hour month, or its count without timestamps', () => {
    const two = parseReports(
      [
        '2025-08-04T09:15:02.000Z\tREPORT RequestId: a Duration: 1.00 ms Billed Duration: 1 ms Memory Size: 128 MB Max Memory Used: 56 MB',
        '2025-08-04T10:15:02.000Z\tREPORT RequestId: b Duration: 1.00 ms Billed Duration: 1 ms Memory Size: 128 MB Max Memory Used: 56 MB',
      ].join('\n'),
    )
    // 2 invocations an hour apart: 2 x 730 = 1,460 a month
    expect(defaultMonthlyRequests(two)).toBe(1460)
    expect(defaultMonthlyRequests({ invocations: 7, timeSpan: null })).toBe(7)
    expect(defaultMonthlyRequests({ invocations: 1, timeSpan: { firstMs: 5, lastMs: 5 } })).toBe(1)
  })
})
