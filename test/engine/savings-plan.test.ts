import { describe, expect, it } from 'vitest'
import { calculationSteps, compareWithSheet, estimate, estimateTotal, validateInput, type EstimateInput } from '../../src/engine/index'

// Every figure below is worked out by hand from AWS's published prices: a
// Compute Savings Plan leaves (100 - p) / 100 of each eligible line's exact
// amount, after the free tier and the brackets, rounded half-up once.

const oneGb = (savingsPlanPercent: number, freeTier = false): EstimateInput => ({
  sheet: 'aws-current',
  freeTier,
  savingsPlanPercent,
  functions: [{ memoryMb: 1024, durationMs: 1000, requests: 10_000_000 }],
})

describe('Compute Savings Plans', () => {
  it('12 %: 10,000,000 GB-s x $0.0000166667 = $166.667, x 0.88 = $146.66696, so $146.67; requests stay $2.00', () => {
    const bill = estimate(oneGb(12))
    expect(bill.lines.map((l) => [l.kind, l.cents])).toEqual([
      ['requests', 200],
      ['compute', 14667],
    ])
    expect(bill.lines[1]!.exactUsd).toBe('146.66696')
    expect(bill.totalCents).toBe(14867)
    expect(estimateTotal(oneGb(12)).totalCents).toBe(14867)
  })

  it('17 % (the all-upfront rate): $166.667 x 0.83 = $138.33361, so $138.33', () => {
    expect(estimate(oneGb(17)).lines[1]!.cents).toBe(13833)
    expect(estimateTotal(oneGb(17)).lines[1]!.cents).toBe(13833)
  })

  it('a decimal percentage: 12.5 % leaves $166.667 x 0.875 = $145.8336...25, so $145.83', () => {
    expect(estimate(oneGb(12.5)).lines[1]!.cents).toBe(14583)
  })

  it('applies after the free tier: 1,100,000 billable GB-s x $0.0000166667 x 0.88 = $16.1333656, so $16.13', () => {
    const bill = estimate({
      sheet: 'aws-current',
      savingsPlanPercent: 12,
      functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }],
    })
    expect(bill.lines.map((l) => l.cents)).toEqual([40, 1613])
  })

  it('discounts provisioned concurrency and its duration, never storage or Lambda@Edge', () => {
    const input: EstimateInput = {
      sheet: 'aws-current',
      freeTier: false,
      savingsPlanPercent: 12,
      functions: [
        // 1 environment x 1 GB x 2,628,000 s = 2,628,000 GB-s x $0.0000041667 = $10.9500876, x 0.88 = $9.636077088: $9.64.
        // 1,000,000 served x 0.1 s x 1 GB = 100,000 GB-s x $0.0000097222 = $0.97222, x 0.88 = $0.8555536: $0.86.
        { memoryMb: 1024, durationMs: 100, requests: 1_000_000, provisionedConcurrency: 1, ephemeralStorageMb: 1536 },
        // 1,000,000 x 0.1 s x 1 GB = 100,000 GB-s x $0.00005001 = $5.001: $5.00, not discounted.
        { memoryMb: 1024, durationMs: 100, requests: 1_000_000, edge: true },
      ],
    }
    const byKind = Object.fromEntries(estimate(input).lines.map((l) => [l.kind, l.cents]))
    expect(byKind['provisioned-concurrency']).toBe(964)
    expect(byKind['provisioned-duration']).toBe(86)
    expect(byKind['edge-duration']).toBe(500)
    // Storage: 1 GB above 512 MB x 100,000 s = 100,000 GB-s x $0.0000000309 = $0.00309: $0.00 either way;
    // requests: 1,000,000 x $0.0000002 = $0.20, not discounted.
    expect(byKind.requests).toBe(20)
  })

  it('says in the steps what it covers and the hourly commitment it implies: $146.67 / 730 h', () => {
    const text = calculationSteps(estimate(oneGb(12))).text
    expect(text).toContain('Compute Savings Plan')
    expect(text).toContain('x 88 % (the Savings Plan leaves the rest)')
    expect(text).toContain('= 146.67 USD a month / 730 hours = 0.2009178082 USD an hour')
  })

  it('is refused above 17 %, below 0 and on the classic sheet, naming the field and what is allowed', () => {
    expect(validateInput(oneGb(17.5))).toEqual([
      { path: 'savingsPlanPercent', message: expect.stringMatching(/^Compute Savings Plan must be between 0 and 17 %.*got 17\.5 %\.$/) },
    ])
    expect(validateInput(oneGb(-1))[0]!.path).toBe('savingsPlanPercent')
    expect(validateInput({ ...oneGb(12), sheet: 'aws-2016', functions: [{ memoryMb: 1024, durationMs: 1000, requests: 1 }] })).toEqual([
      { path: 'savingsPlanPercent', message: expect.stringContaining('not on the classic 2016 sheet') },
    ])
  })

  it('0 % is the bill without a plan', () => {
    expect(estimate(oneGb(0)).totalCents).toBe(estimate({ ...oneGb(0), savingsPlanPercent: undefined }).totalCents)
  })

  it('says on each line it covers what the plan leaves to pay', () => {
    const [requests, compute] = estimate(oneGb(12)).lines
    expect(requests!.label).toBe('Requests')
    expect(compute!.label).toBe('Compute (x86_64), first 6 billion GB-s, Savings Plan: 88 % paid')
  })

  it('is left out, and says so, when the same workload is priced under the classic sheet, which had none', () => {
    const c = compareWithSheet(oneGb(12), 'aws-2016')
    expect(c.available).toBe(true)
    if (!c.available) return
    expect(c.adjustments).toContain('Priced without the 12 % Compute Savings Plan: Savings Plans began in 2019.')
    // 10,000,000 GB-s x $0.00001667 = $166.70, + $2.00 of requests
    expect(c.estimate.totalCents).toBe(16870)
  })
})

describe('what the estimate reports of its inputs', () => {
  it('the plan as an exact decimal, and a cold invocation’s billed duration even with no cold starts', () => {
    const bill = estimate({
      sheet: 'aws-current',
      savingsPlanPercent: 1e-7,
      functions: [{ memoryMb: 128, durationMs: 100, requests: 1, initDurationMs: 500.5 }],
    })
    expect(bill.savingsPlanPercent).toBe('0.0000001')
    // ceil(100 + 500.5) = 601 ms
    expect(bill.functions[0]!.billedColdMs).toBe(601)
  })
})
