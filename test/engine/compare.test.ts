import { describe, expect, it } from 'vitest'
import { compareWithSheet } from '../../src/engine/index'

describe('the same workload under the other sheet', () => {
  it('classic example 1 under 1 ms billing', () => {
    const c = compareWithSheet({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6 }] }, 'aws-current')
    // 1,100,000 GB-s x 0.0000166667 = 18.33337 -> 18.33; requests 0.40
    expect(c.available && c.estimate.totalCents).toBe(1873)
  })

  it('adapts what the classic sheet cannot express, and says so', () => {
    const c = compareWithSheet(
      {
        sheet: 'aws-current',
        region: 'ap-east-1',
        functions: [{ memoryMb: 1000, durationMs: 50.5, requests: 1e7, architecture: 'arm64', ephemeralStorageMb: 2048 }],
      },
      'aws-2016',
    )
    expect(c.available).toBe(true)
    if (!c.available) return
    expect(c.input.functions[0]).toMatchObject({ memoryMb: 1024, architecture: 'x86_64', ephemeralStorageMb: 512 })
    expect(c.adjustments).toHaveLength(4)
    // 1e7 x 0.1 s x 1 GB = 1,000,000 GB-s - 400,000 = 600,000 x 0.00001667 = 10.002; 9M requests = 1.80
    expect(c.estimate.totalCents).toBe(1000 + 180)
  })

  it('is unavailable for memory the classic sheet never offered', () => {
    const c = compareWithSheet({ sheet: 'aws-current', functions: [{ memoryMb: 4096, durationMs: 10, requests: 1 }] }, 'aws-2016')
    expect(c).toMatchObject({ available: false, reason: expect.stringContaining('4,096 MB') })
  })
})
