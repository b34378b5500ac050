import { describe, expect, it } from 'vitest'
import { calculationSteps, costByRequests, estimate, estimateTotal, validateInput, type EstimateInput } from '../../src/engine/index'

// AWS's example (Lambda pricing page, 2026): 1M claims a month, each a 30 s
// step, a 7-day wait and a 2 s step: 2 invocations and 32 s of compute per
// execution; arm64, 1 GB; 8 KB payload + 3 x 32 KB checkpoints = 104 KB;
// 4 operations (start, 2 steps, wait); 14 days' retention; free tier on.
const example: EstimateInput = {
  sheet: 'aws-current',
  region: 'us-east-1',
  freeTier: true,
  functions: [
    {
      name: 'claims',
      memoryMb: 1024,
      durationMs: 16_000,
      requests: 2_000_000,
      architecture: 'arm64',
      durableExecutions: 1_000_000,
      durableOperationsPerExecution: 4,
      durableKbWrittenPerExecution: 104,
      durableRunningDays: 7,
      durableRetentionDays: 14,
    },
  ],
}

describe('durable functions', () => {
  it("bill AWS's example to the cent: $421.34 + $0.20 + $32.00 + $26.00 + $10.92 = $490.46", () => {
    const bill = estimate(example)
    const byKind = Object.fromEntries(bill.lines.map((l) => [l.kind, l]))
    // 4,000,000 operations x $0.000008 = $32.00
    expect(byKind['durable-operations']).toMatchObject({ quantity: '4000000', quantityUnit: 'operations', cents: 3200 })
    // 1,000,000 x 104 KB = 104,000,000 KB = 104 GB (decimal) x $0.25 = $26.00
    expect(byKind['durable-written']).toMatchObject({ quantity: '104', quantityUnit: 'GB', cents: 2600 })
    // 104 GB x (7 + 14) / 30 = 72.8 GB-months x $0.15 = $10.92
    expect(byKind['durable-retained']).toMatchObject({ quantity: '72.8', quantityUnit: 'GB-months', exactUsd: '10.92', cents: 1092 })
    // 2,000,000 x 16 s x 1 GB = 32,000,000 GB-s - 400,000 free = 31,600,000 x $0.0000133334 = $421.33544
    expect(byKind.compute).toMatchObject({ quantity: '31600000', cents: 42134 })
    expect(byKind.requests).toMatchObject({ quantity: '1000000', cents: 20 })
    expect(bill.totalUsd).toBe('490.46')
    expect(estimateTotal(example).totalCents).toBe(49046)
  })

  it('show each measure in the steps', () => {
    const text = calculationSteps(estimate(example)).text
    expect(text).toContain('1,000,000 executions x 4 operations each = 4,000,000 operations')
    expect(text).toContain('1,000,000 executions x 104 KB / 1,000,000 KB in a GB')
    expect(text).toContain('(7 days running + 14 days kept after) / 30 days in a month = 72.8 GB-months')
  })

  it('keep fractions exact: 3 executions x 1.5 KB for 0.5 days + 1 day kept = 0.00000015 GB-months', () => {
    const bill = estimate({
      sheet: 'aws-current',
      functions: [
        {
          memoryMb: 128,
          durationMs: 1,
          requests: 3,
          durableExecutions: 3,
          durableKbWrittenPerExecution: 1.5,
          durableRunningDays: 0.5,
          durableRetentionDays: 1,
        },
      ],
    })
    const byKind = Object.fromEntries(bill.lines.map((l) => [l.kind, l.quantity]))
    // 4.5 KB = 0.0000045 GB; x 1.5 days / 30 = 0.000000225 GB-months
    expect(byKind['durable-written']).toBe('0.0000045')
    expect(byKind['durable-retained']).toBe('0.000000225')
  })

  it('are off at 0 executions, whatever else is set, and on the classic sheet', () => {
    const off = estimate({ ...example, functions: [{ ...example.functions[0]!, durableExecutions: 0 }] })
    expect(off.lines.some((l) => l.kind.startsWith('durable'))).toBe(false)
    const classic = estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 1024, durationMs: 1000, requests: 1, durableExecutions: 5 }] })
    expect(classic.lines.map((l) => l.kind)).toEqual(['requests', 'compute'])
  })

  it('are a part of their own on the charts', () => {
    expect(costByRequests(example).current.durableCents).toBe(3200 + 2600 + 1092)
  })

  it.each([
    ['durableRetentionDays', 0, 'Durable retention must be between 1 and 90 days'],
    ['durableRetentionDays', 91, 'Durable retention must be between 1 and 90 days'],
    ['durableRetentionDays', 14.5, 'Durable retention must be a whole number of days'],
    ['durableOperationsPerExecution', 0.5, 'Durable operations per execution must be between 1 and'],
    ['durableRunningDays', 367, 'Days a durable execution runs must be between 0 and 366 days'],
    ['durableExecutions', -1, 'Durable executions must be between 0 and'],
  ] as const)('refuse %s = %s, naming the field and the range', (key, value, message) => {
    const problems = validateInput({ ...example, functions: [{ ...example.functions[0]!, [key]: value }] })
    expect(problems).toEqual([{ path: `functions.0.${key}`, message: expect.stringContaining(message) }])
  })
})

describe('durable functions, refused where they cannot be', () => {
  it('cannot outnumber the requests: each execution is at least one invocation', () => {
    const problems = validateInput({ sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 100, requests: 999, durableExecutions: 1000 }] })
    expect(problems).toEqual([
      {
        path: 'functions.0.durableExecutions',
        message: expect.stringContaining("Durable executions cannot outnumber the function's requests"),
      },
    ])
    // 1,000 a month exactly is allowed; per day, 33 x 365 / 12 = 1,003.75 a month is too.
    expect(validateInput({ sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 100, requests: 1000, durableExecutions: 1000 }] })).toEqual(
      [],
    )
    expect(
      validateInput({ sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 100, requests: 33, per: 'day', durableExecutions: 1000 }] }),
    ).toEqual([])
  })

  it('are not on Lambda@Edge', () => {
    const fn = { memoryMb: 512, durationMs: 100, requests: 1e6, edge: true, durableExecutions: 1000 }
    expect(validateInput({ sheet: 'aws-current', functions: [fn] })).toContainEqual({
      path: 'functions.0.durableExecutions',
      message: expect.stringContaining('Durable executions cannot be used with Lambda@Edge'),
    })
    expect(() => estimate({ sheet: 'aws-current', functions: [fn] })).toThrow(/Lambda@Edge/)
  })
})

describe('keys the estimate does not have', () => {
  it('are named with the nearest known one, so a typo never prices a different bill', () => {
    const input = { sheet: 'aws-current', freetier: false, savingsPlan: 12, functions: [{ memoryMb: 512, durationMs: 100, requests: 1 }] }
    expect(validateInput(input)).toEqual([
      {
        path: 'freetier',
        message: 'Unknown field "freetier" on the estimate: did you mean "freeTier"? As written it would be ignored and a different bill priced.',
      },
      {
        path: 'savingsPlan',
        message:
          'Unknown field "savingsPlan" on the estimate: did you mean "savingsPlanPercent"? As written it would be ignored and a different bill priced.',
      },
    ])
    expect(() => estimate(input as never)).toThrow(/freetier/)
  })

  it('an account field on a function says where it belongs', () => {
    expect(
      validateInput({ sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 100, requests: 1, savingsPlanPercent: 12 } as never] }),
    ).toEqual([
      {
        path: 'functions.0.savingsPlanPercent',
        message: expect.stringContaining("savingsPlanPercent is the estimate's own field, for the whole account"),
      },
    ])
  })
})
