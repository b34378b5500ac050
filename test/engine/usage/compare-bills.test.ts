import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { averageWorkloads, compareBills, defaultMonthlyRequests, parseReports } from '../../../src/engine/index'

// init-billing.log: 15.74 ms + 130.49 ms INIT at 128 MB, 250.06 ms + 100.77 ms INIT at 1,024 MB.
const sample = parseReports(readFileSync(resolve(__dirname, '../../fixtures/usage', 'init-billing.log'), 'utf8'))

describe('a log beside the averages a calculator takes', () => {
  it('averages each memory size exactly: durations to 0.01 ms, the cold share in %', () => {
    expect(averageWorkloads(sample)).toEqual([
      { memoryMb: 128, invocations: 1, meanDurationMs: 15.74, coldPercent: 100, meanInitMs: 130.49 },
      { memoryMb: 1024, invocations: 1, meanDurationMs: 250.06, coldPercent: 100, meanInitMs: 100.77 },
    ])
  })

  it('bills the averages as a calculator would, splitting the volume over the memory sizes', () => {
    const c = compareBills(sample, { sheet: 'aws-current', freeTier: false, monthlyRequests: 20_000_000 })
    expect(c.fromAverage.functions.map((f) => f.requestsPerMonth)).toEqual(['10000000', '10000000'])
    // Every invocation is cold, so ceil(15.74 + 130.49) = 147 ms and ceil(250.06 + 100.77) = 351 ms either way:
    // the averages bill the same $65.56 as the invocations (see from-reports.test.ts).
    expect(c.perInvocation.totalUsd).toBe('65.56')
    expect(c.fromAverage.totalUsd).toBe('65.56')
    expect(c.differenceCents).toBe(0)
    expect(c.differencePercent).toBe(0)
  })

  it("takes the log's own count as the month when its lines have no time span", () => {
    expect(defaultMonthlyRequests({ invocations: 2, timeSpan: null })).toBe(2)
    // 2 invocations an hour apart: 2 x 730 = 1,460 a month.
    expect(defaultMonthlyRequests({ invocations: 2, timeSpan: { firstMs: 0, lastMs: 3_600_000 } })).toBe(1460)
  })
})
