import { describe, expect, it } from 'vitest'
import { estimate, type EstimateInput } from '../../../src/engine/index'
import { chartDetails } from '../../../src/ui/export/chart-details'

const DAY = new Date(2026, 10, 27, 23, 30)
const texts = (input: EstimateInput) => chartDetails(estimate(input), DAY).map((d) => d.text)

describe('chartDetails', () => {
  it('the classic example 1: the sheet and free tier, the function, the total and the day, no region or architecture', () => {
    const lines = texts({ sheet: 'aws-2016', functions: [{ name: 'api', memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] })
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^Classic \(2016\)/)
    expect(lines[0]).toContain('free tier included')
    expect(lines[0]).not.toContain('us-east-1')
    expect(lines[1]).toBe('api: 512 MB, 1,000 ms, 3,000,000 requests a month')
    expect(lines[2]).toBe('Monthly total: $18.74 (exported 2026-11-27)')
    expect(chartDetails(estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 1 }] }), DAY).at(-1)!.strong).toBe(
      true,
    )
  })

  it('the current sheet: the region, no free tier, a Savings Plan, requests per second as a month, the architecture and Lambda@Edge', () => {
    const lines = texts({
      sheet: 'aws-current',
      region: 'eu-west-1',
      freeTier: false,
      savingsPlanPercent: 12,
      functions: [
        { memoryMb: 128, durationMs: 250, requests: 50, per: 'second', architecture: 'arm64' },
        { memoryMb: 128, durationMs: 5, requests: 1000, edge: true },
      ],
    })
    expect(lines[0]).toContain('eu-west-1')
    expect(lines[0]).toContain('no free tier')
    expect(lines[0]).toContain('Savings Plan 12 %')
    // 50 a second over a 730-hour month: 50 x 3,600 x 730.
    expect(lines[1]).toBe('Function 1: 128 MB, 250 ms, 131,400,000 requests a month, arm64')
    expect(lines[2]).toBe('Function 2: 128 MB, 5 ms, 1,000 requests a month, Lambda@Edge')
  })

  it('names three functions and counts the rest; a name\u2019s hidden characters are not drawn', () => {
    const fn = (name: string) => ({ name, memoryMb: 256, durationMs: 10, requests: 100 })
    const lines = texts({ sheet: 'aws-current', functions: [fn('a\u202Eb'), fn('two'), fn('three'), fn('four'), fn('five')] })
    expect(lines.slice(1, -1)).toEqual([
      'ab: 256 MB, 10 ms, 100 requests a month, x86_64',
      'two: 256 MB, 10 ms, 100 requests a month, x86_64',
      'three: 256 MB, 10 ms, 100 requests a month, x86_64',
      'and 2 more functions',
    ])
    expect(lines.join(' ')).not.toMatch(/NaN|undefined/)
  })
})
