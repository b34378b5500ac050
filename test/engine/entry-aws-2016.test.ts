// The classic-sheet entry (lambda-cost-engine/aws-2016) against the main entry:
// the same bill, to the cent and line by line, and the same problems.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as classic from '../../src/engine/entries/aws-2016'
import { estimate, estimateTotal, InvalidInputError, validateInput, type EstimateInput } from '../../src/engine/index'
import { classicFunction } from './helpers'

/** What a call gives: its value, or the problems it throws. */
function outcome<T>(run: () => T): { value: T } | { problems: unknown } {
  try {
    return { value: run() }
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e
    return { problems: e.problems }
  }
}

/** A classic-sheet function as users enter it, now and then with a value the sheet refuses or ignores. */
const someFunction = fc.oneof(
  { weight: 4, arbitrary: classicFunction },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        memoryMb: fc.oneof(
          fc.integer({ min: 0, max: 45 }).map((k) => 128 + 64 * k),
          fc.constantFrom(100, 500, 4096, 10_240),
        ),
        durationMs: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(0, -5, 1_000_000)),
        requests: fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.constant(-1)),
        per: fc.constantFrom('second', 'hour', 'day', 'month', 'fortnight'),
        architecture: fc.constantFrom('x86_64', 'arm64'),
        ephemeralStorageMb: fc.constantFrom(512, 1024),
        coldStartPercent: fc.constantFrom(0, 5, 500),
        logFormat: fc.constantFrom('off', 'json', 'xml'),
      },
      { requiredKeys: ['memoryMb', 'durationMs', 'requests'] },
    ),
  },
)

/** An input naming the classic sheet: what both entries take. */
type ClassicInput = EstimateInput & { sheet: 'aws-2016' }

const classicInput: fc.Arbitrary<ClassicInput> = fc.record(
  {
    sheet: fc.constant('aws-2016' as const),
    region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-northeast-1', 'eu-south-2', 'mars-1'),
    freeTier: fc.boolean(),
    savingsPlanPercent: fc.constantFrom(0, 10),
    functions: fc.array(someFunction, { minLength: 1, maxLength: 3 }) as fc.Arbitrary<EstimateInput['functions']>,
  },
  { requiredKeys: ['sheet', 'functions'] },
)

describe('lambda-cost-engine/aws-2016', () => {
  // AWS Lambda pricing page, classic era (test/fixtures/published-examples.json):
  // example 1, 512 MB, 3M requests of 1 s: (3M - 1M free) x $0.20/M = $0.40; 1,500,000 GB-s
  // - 400,000 free = 1,100,000 x $0.00001667 = $18.337 -> $18.34; $18.74 in all.
  // Example 2, 128 MB, 30M requests of 200 ms: 29M x $0.20/M = $5.80; 750,000 GB-s - 400,000
  // = 350,000 x $0.00001667 = $5.8345 -> $5.83; $11.63 in all.
  it.each([
    [512, 1000, 3_000_000, 40, 1834, 1874],
    [128, 200, 30_000_000, 580, 583, 1163],
  ])(
    'prices AWS’s classic example (%i MB, %i ms, %i requests, free tier): %i + %i = %i cents',
    (memoryMb, durationMs, requests, req, compute, total) => {
      const input = { freeTier: true, functions: [{ memoryMb, durationMs, requests }] }
      const bill = classic.estimate(input)
      expect(bill.lines.map((l) => [l.kind, l.cents])).toEqual([
        ['requests', req],
        ['compute', compute],
      ])
      expect(bill.totalCents).toBe(total)
      expect(classic.estimateTotal(input).totalCents).toBe(total)
      expect(bill.sheet.id).toBe('aws-2016')
    },
  )

  it('gives the main entry’s estimate, total and problems on generated classic inputs', () => {
    fc.assert(
      fc.property(classicInput, (input) => {
        expect(outcome(() => classic.estimate(input))).toEqual(outcome(() => estimate(input)))
        expect(outcome(() => classic.estimateTotal(input))).toEqual(outcome(() => estimateTotal(input)))
        expect(classic.validateInput(input)).toEqual(validateInput(input))
        // Leaving the sheet out is the same as naming it.
        const { sheet: _sheet, ...unnamed } = input
        expect(outcome(() => classic.estimateTotal(unnamed))).toEqual(outcome(() => estimateTotal(input)))
      }),
      { numRuns: 300 },
    )
  })

  it('refuses what the classic sheet cannot price with the main entry’s problem: arm64, a region, storage above 512 MB, a Savings Plan', () => {
    const fn = { memoryMb: 512, durationMs: 1000, requests: 3_000_000 }
    const cases: ClassicInput[] = [
      { sheet: 'aws-2016', functions: [{ ...fn, architecture: 'arm64' }] },
      { sheet: 'aws-2016', region: 'eu-south-2', functions: [fn] },
      { sheet: 'aws-2016', functions: [{ ...fn, ephemeralStorageMb: 1024 }] },
      { sheet: 'aws-2016', savingsPlanPercent: 10, functions: [fn] },
      { sheet: 'aws-2016', functions: [{ ...fn, coldStartPercent: 500 }] },
    ]
    const paths = ['functions.0.architecture', 'region', 'functions.0.ephemeralStorageMb', 'savingsPlanPercent', 'functions.0.coldStartPercent']
    cases.forEach((input, i) => {
      const mine = outcome(() => classic.estimate(input))
      expect(mine).toEqual(outcome(() => estimate(input)))
      expect((mine as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual([paths[i]])
    })
    // The messages say what is allowed, e.g. arm64:
    expect(classic.validateInput(cases[0]!)[0]!.message).toBe(
      'Architecture arm64 is not on the classic 2016 sheet, which offers x86_64 only. Switch to the current sheet for arm64.',
    )
  })

  it('refuses another sheet with a problem at sheet, naming the entry that prices it', () => {
    const input = { sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 1000, requests: 1 }] } as unknown as classic.ClassicEstimateInput
    const problems = [
      {
        path: 'sheet',
        message:
          'lambda-cost-engine/aws-2016 prices the classic 2016 sheet only; got sheet "aws-current". Leave sheet out or set it to "aws-2016"; the current sheet is priced by lambda-cost-engine.',
      },
    ]
    expect(outcome(() => classic.estimate(input))).toEqual({ problems })
    expect(outcome(() => classic.estimateTotal(input))).toEqual({ problems })
    expect(classic.validateInput(input)).toEqual(problems)
    // Not an object at all: the main entry's problem.
    expect(classic.validateInput(42)).toEqual(validateInput(42))
  })
})
