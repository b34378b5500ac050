import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareWithSheet, estimate, validateInput, type EstimateInput, type FunctionInput } from '../../src/engine/index'
import { durationMs } from './helpers'

const current = (fn: Partial<FunctionInput>, account: Partial<EstimateInput> = {}): EstimateInput => ({
  sheet: 'aws-current',
  ...account,
  functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6, ...fn }],
})

describe('the same workload under the other sheet', () => {
  it('classic example 1 under 1 ms billing', () => {
    const c = compareWithSheet({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6 }] }, 'aws-current')
    // 1,100,000 GB-s x 0.0000166667 = 18.33337 -> 18.33; requests 0.40
    expect(c.available && c.estimate.totalCents).toBe(1873)
    expect(c.available && c.adjustments).toEqual([])
  })

  it('adapts what the classic sheet cannot express but the workload can do without, and says so in plain sentences', () => {
    const c = compareWithSheet(
      {
        sheet: 'aws-current',
        region: 'ap-east-1',
        savingsPlanPercent: 12,
        functions: [{ memoryMb: 1000, durationMs: 50.5, requests: 1e7, architecture: 'arm64' }],
      },
      'aws-2016',
    )
    expect(c.available).toBe(true)
    if (!c.available) return
    expect(c.input.functions[0]).toMatchObject({ memoryMb: 1024, architecture: 'x86_64' })
    expect(c.input.savingsPlanPercent).toBeUndefined()
    expect(c.adjustments).toEqual([
      '1,000 MB of memory is priced as 1,024 MB: the 2016 sheet sold memory in 64 MB steps.',
      'Priced on x86_64: the 2016 sheet had no arm64.',
      'Priced in us-east-1: ap-east-1 is not on the 2016 sheet.',
      'Priced without the 12 % Compute Savings Plan: Savings Plans began in 2019.',
    ])
    // 1e7 x 0.1 s x 1 GB = 1,000,000 GB-s - 400,000 = 600,000 x 0.00001667 = 10.002; 9M requests = 1.80
    expect(c.estimate.totalCents).toBe(1000 + 180)
  })

  it('names the function in each sentence when there are several', () => {
    const c = compareWithSheet(
      {
        sheet: 'aws-current',
        functions: [
          { name: 'api', memoryMb: 512, durationMs: 10, requests: 1, architecture: 'arm64' },
          { memoryMb: 200, durationMs: 10, requests: 1 },
        ],
      },
      'aws-2016',
    )
    expect(c.available && c.adjustments).toEqual([
      'api: priced on x86_64: the 2016 sheet had no arm64.',
      'Function 2: 200 MB of memory is priced as 256 MB: the 2016 sheet sold memory in 64 MB steps.',
    ])
  })

  it('is unavailable for memory the classic sheet never offered', () => {
    const c = compareWithSheet({ sheet: 'aws-current', functions: [{ memoryMb: 4096, durationMs: 10, requests: 1 }] }, 'aws-2016')
    expect(c).toMatchObject({ available: false, reason: expect.stringContaining('4,096 MB') })
    expect(!c.available && c.missing).toBeUndefined()
  })
})

describe('not comparable: what the 2016 sheet had no price for', () => {
  // Each case by hand: the thing the current bill charges for, and whether the 2016 sheet had it.
  it.each([
    ['a Lambda@Edge function', { edge: true }, 'Lambda@Edge'],
    ['provisioned concurrency', { provisionedConcurrency: 2 }, 'provisioned concurrency'],
    [
      'provisioned concurrency on arm64 (no arm64 and no PC in 2016)',
      { provisionedConcurrency: 2, architecture: 'arm64' },
      'provisioned concurrency',
    ],
    [
      'provisioned concurrency serving nothing (its environments are still billed)',
      { provisionedConcurrency: 1, provisionedSharePercent: 0 },
      'provisioned concurrency',
    ],
    ['response streaming beyond the free 6 MB', { streamedMbPerRequest: 7 }, 'response streaming'],
    ['SnapStart for Python or .NET (cache and restores)', { snapStart: 'priced', coldStartPercent: 1, initDurationMs: 300 }, 'SnapStart'],
    ['SnapStart for Python or .NET with no restore (the cache alone)', { snapStart: 'priced' }, 'SnapStart'],
    ['tenant isolation creating environments', { tenantIsolation: true, coldStartPercent: 2 }, 'tenant isolation'],
    ['durable functions', { durableExecutions: 1000 }, 'durable functions'],
    ['ephemeral storage above 512 MB', { ephemeralStorageMb: 2048 }, 'ephemeral storage above 512 MB'],
  ] as const)('%s', (_what, fn, thing) => {
    const c = compareWithSheet(current(fn as Partial<FunctionInput>), 'aws-2016')
    expect(c).toEqual({ sheet: 'aws-2016', available: false, missing: [thing], reason: `not comparable: the 2016 sheet had no ${thing}.` })
  })

  it('names each missing thing once, in the bill’s order, over all the functions', () => {
    const c = compareWithSheet(
      {
        sheet: 'aws-current',
        functions: [
          { memoryMb: 128, durationMs: 5, requests: 1e6, edge: true },
          { memoryMb: 512, durationMs: 100, requests: 1e6, provisionedConcurrency: 1, streamedMbPerRequest: 10 },
          { memoryMb: 128, durationMs: 5, requests: 1e6, edge: true },
        ],
      },
      'aws-2016',
    )
    expect(!c.available && c.reason).toBe('not comparable: the 2016 sheet had no provisioned concurrency, Lambda@Edge or response streaming.')
  })

  it('comes before the memory limit: a 4,096 MB Edge function is not comparable for its Edge', () => {
    const c = compareWithSheet(current({ memoryMb: 4096, edge: true }), 'aws-2016')
    expect(!c.available && c.missing).toEqual(['Lambda@Edge'])
  })

  it('stays comparable for what the 2016 sheet could price the same work without', () => {
    // arm64 compute moves to x86_64; INIT was not billed; Java SnapStart, streaming within the free 6 MB and
    // tenant isolation with no cold starts bill nothing; a Savings Plan is the account's discount, not the workload.
    for (const fn of [
      { architecture: 'arm64' },
      { coldStartPercent: 5, initDurationMs: 400 },
      { snapStart: 'java', coldStartPercent: 1, initDurationMs: 100 },
      { streamedMbPerRequest: 6 },
      { tenantIsolation: true },
    ] as Partial<FunctionInput>[]) {
      expect(compareWithSheet(current(fn), 'aws-2016').available, JSON.stringify(fn)).toBe(true)
    }
    expect(compareWithSheet(current({}, { savingsPlanPercent: 17 }), 'aws-2016').available).toBe(true)
  })

  it('bills the INIT of cold starts on one side only, and says so', () => {
    const c = compareWithSheet(current({ coldStartPercent: 10, initDurationMs: 500 }), 'aws-2016')
    expect(c.available && c.adjustments).toEqual([
      'Cold starts are billed as warm ones: the 2016 sheet did not bill INIT (it has been billed since 1 August 2025).',
    ])
    // As with no cold starts: 3M x 1 s x 0.5 GB = 1,500,000 - 400,000 = 1,100,000 x 0.00001667 = 18.337 -> 18.34, + 0.40
    expect(c.available && c.estimate.totalCents).toBe(1874)
  })

  it('is never an issue the other way: today’s sheet prices everything the 2016 one did', () => {
    const c = compareWithSheet(
      { sheet: 'aws-2016', region: 'eu-west-1', functions: [{ memoryMb: 3008, durationMs: 900, requests: 5e6 }] },
      'aws-current',
    )
    expect(c.available).toBe(true)
  })

  it('agrees, on random workloads, with the lines of the current bill: not comparable exactly when one is neither requests nor compute', () => {
    const fn = fc
      .record({
        memoryMb: fc.integer({ min: 128, max: 3008 }),
        durationMs: durationMs.filter((d) => d <= 30_000),
        requests: fc.integer({ min: 0, max: 1e9 }),
        architecture: fc.constantFrom('x86_64' as const, 'arm64' as const),
        ephemeralStorageMb: fc.constantFrom(512, 512, 1024),
        coldStartPercent: fc.constantFrom(0, 0, 1, 50),
        initDurationMs: fc.constantFrom(0, 250),
        provisionedConcurrency: fc.constantFrom(0, 0, 0, 1_000_000),
        snapStart: fc.constantFrom('off' as const, 'off' as const, 'java' as const, 'priced' as const),
        edge: fc.constantFrom(false, false, true),
        streamedMbPerRequest: fc.constantFrom(0, 3, 6, 8),
        tenantIsolation: fc.constantFrom(false, false, true),
        durableExecutions: fc.constantFrom(0, 0, 1),
      })
      .map((f): FunctionInput => ({ ...f, requests: Math.max(f.requests, f.durableExecutions) }))
    let notComparable = 0
    let comparable = 0
    fc.assert(
      fc.property(fc.array(fn, { minLength: 1, maxLength: 3 }), (functions) => {
        const input: EstimateInput = { sheet: 'aws-current', functions }
        fc.pre(validateInput(input).length === 0)
        const others = estimate(input).lines.filter((l) => l.kind !== 'requests' && l.kind !== 'compute')
        const c = compareWithSheet(input, 'aws-2016')
        if (others.length > 0) {
          notComparable++
          expect(c.available).toBe(false)
          expect(!c.available && c.missing!.length).toBeGreaterThan(0)
        } else {
          comparable++
          expect(c.available).toBe(true)
        }
      }),
      { numRuns: 400, seed: 19 },
    )
    // Both sides were tried.
    expect(notComparable).toBeGreaterThan(20)
    expect(comparable).toBeGreaterThan(20)
  })
})

describe('memory above 1,536 MB on the classic sheet', () => {
  const NOTE = (mb: string) =>
    `In 2016 Lambda offered at most 1,536 MB of memory: ${mb} MB came with the 3,008 MB limit of November 2017, at the same rate per GB-s.`

  it('is priced as before (old links keep their meaning), and the comparison says when it came', () => {
    expect(validateInput({ sheet: 'aws-2016', functions: [{ memoryMb: 3008, durationMs: 100, requests: 1 }] })).toEqual([])
    const fromClassic = compareWithSheet({ sheet: 'aws-2016', functions: [{ memoryMb: 2048, durationMs: 100, requests: 1 }] }, 'aws-current')
    expect(fromClassic.available && fromClassic.adjustments).toEqual([NOTE('2,048')])
    // 1,600 MB is a classic size (128 + 23 x 64), above 1,536.
    const toClassic = compareWithSheet(current({ memoryMb: 1600 }), 'aws-2016')
    expect(toClassic.available && toClassic.adjustments).toEqual([NOTE('1,600')])
  })

  it('says nothing at 1,536 MB or below, nor for a size that only rounds up to 1,536 MB', () => {
    for (const memoryMb of [128, 1536, 1500]) {
      const c = compareWithSheet(current({ memoryMb }), 'aws-2016')
      expect(c.available && c.adjustments.filter((a) => a.includes('2016 Lambda offered')), String(memoryMb)).toEqual([])
    }
  })
})
