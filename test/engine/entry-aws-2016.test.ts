// The classic-sheet entry (lambda-cost-engine/aws-2016) against the main entry:
// the same bill, to the cent and line by line, and the same problems, on every
// input both take. The entry prices the classic bill on its own, so this is
// also an independent check of the main engine on the classic sheet.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as classic from '../../src/engine/entries/aws-2016'
import { FUNCTION_FIELDS } from '../../src/engine/fields'
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

/** The classic sheet's regions, and some it does not price. */
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
]

/** A value a link, a form or a script may give any field: wrong types, beyond doubles, empty. */
const junk = fc.constantFrom<unknown>(null, '', 'abc', '1e400', '1e-400', Number.NaN, Infinity, -Infinity, [], {}, true)

/**
 * A function with the classic sheet's fields only, as users enter them: mostly
 * valid, with the edges (0, the least and the most allowed, just past each)
 * and now and then a value the sheet refuses.
 */
const someFunction: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 3, arbitrary: classicFunction as unknown as fc.Arbitrary<Record<string, unknown>> },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        name: fc.oneof(fc.string({ maxLength: 70 }), junk),
        memoryMb: fc.oneof(
          fc.integer({ min: 0, max: 45 }).map((k) => 128 + 64 * k),
          fc.constantFrom(128, 1536, 1600, 3008, 3072, 64, 100, 500, 129, 0, -128, 4096, 10_240),
          junk,
        ),
        durationMs: fc.oneof(
          fc.integer({ min: 1, max: 900_000_000 }).map((x) => x / 1000),
          fc.constantFrom(0.001, 1, 99.999, 100, 100.001, 899_999.999, 900_000, 900_000.001, 0, -5, 1e-9),
          junk,
        ),
        requests: fc.oneof(
          fc.integer({ min: 0, max: 1e9 }),
          fc.integer({ min: 0, max: 1e6 }).map((x) => x / 1000),
          fc.constantFrom(0, 1, 999_999, 1_000_000, 1_000_001, 1e15, 1e15 + 1, 380_517, 380_518, -1, 1e300),
          junk,
        ),
        per: fc.constantFrom<unknown>('second', 'minute', 'hour', 'day', 'month', 'million-per-month', 'fortnight', undefined),
        architecture: fc.constantFrom<unknown>('x86_64', 'arm64', 'sparc', undefined),
        ephemeralStorageMb: fc.constantFrom<unknown>(512, 513, 1024, 511, '512', undefined),
      },
      { requiredKeys: ['memoryMb', 'durationMs', 'requests'] },
    ),
  },
)

/** A function the classic sheet prices (now and then, requests a second too many for the monthly limit): edges included. */
const validFunction: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    name: fc.string({ maxLength: 64 }),
    memoryMb: fc.oneof(
      fc.integer({ min: 0, max: 45 }).map((k) => 128 + 64 * k),
      fc.constantFrom(128, 1536, 1600, 3008),
    ),
    durationMs: fc.oneof(
      fc.integer({ min: 1, max: 900_000_000 }).map((x) => x / 1000),
      fc.constantFrom(0.001, 1, 99.999, 100, 100.001, 899_999.999, 900_000, 1e-9),
    ),
    requests: fc.oneof(
      fc.integer({ min: 0, max: 1e9 }),
      fc.integer({ min: 0, max: 1e7 }).map((x) => x / 1000),
      fc.constantFrom(0, 1, 999_999, 1_000_000, 1_000_001, 380_517, 1e12),
    ),
    per: fc.constantFrom<unknown>('second', 'minute', 'hour', 'day', 'month', 'million-per-month', undefined),
    architecture: fc.constantFrom<unknown>('x86_64', undefined),
    ephemeralStorageMb: fc.constantFrom<unknown>(512, undefined),
  },
  { requiredKeys: ['memoryMb', 'durationMs', 'requests'] },
)

/** An input naming the classic sheet, with the fields it bills: what both entries take. */
type ClassicInput = EstimateInput & { sheet: 'aws-2016' }

/** Inputs of the classic sheet's fields, from `functions`, in its regions and now and then others. */
const classicInput = (functions: fc.Arbitrary<Record<string, unknown>>, regions: string[]) =>
  fc.record(
    {
      sheet: fc.constant('aws-2016' as const),
      region: fc.constantFrom(...regions),
      freeTier: fc.boolean(),
      savingsPlanPercent: fc.constant(0),
      apiGatewayFreeTier: fc.boolean(),
      functions: fc.array(functions, { minLength: 1, maxLength: 5 }),
    },
    { requiredKeys: ['sheet', 'functions'] },
  ) as unknown as fc.Arbitrary<ClassicInput>

/** Inputs anything may be wrong with: junk values, regions and account fields the sheet does not take. */
const anyClassicInput = fc.record(
  {
    sheet: fc.constant('aws-2016' as const),
    region: fc.constantFrom<unknown>(...REGIONS, 'eu-south-2', 'mars-1', 42),
    freeTier: fc.oneof(fc.boolean(), fc.constant<unknown>('yes')),
    savingsPlanPercent: fc.constantFrom<unknown>(0, 10, -1, '0'),
    apiGatewayFreeTier: fc.oneof(fc.boolean(), fc.constant<unknown>(1)),
    functions: fc.oneof(fc.array(someFunction, { minLength: 0, maxLength: 5 }), fc.constantFrom<unknown>(null, [], {}, 'x')),
  },
  { requiredKeys: ['sheet', 'functions'] },
) as fc.Arbitrary<ClassicInput>

/** The same outcome from both entries: estimate, total and problems; leaving the sheet out is the same as naming it. */
function sameAsMainEntry(input: ClassicInput): void {
  const mine = outcome(() => classic.estimate(input as classic.ClassicEstimateInput))
  expect(mine).toEqual(outcome(() => estimate(input)))
  expect(outcome(() => classic.estimateTotal(input as classic.ClassicEstimateInput))).toEqual(outcome(() => estimateTotal(input)))
  expect(classic.validateInput(input)).toEqual(validateInput(input))
  const { sheet: _sheet, ...unnamed } = input
  expect(outcome(() => classic.estimateTotal(unnamed as classic.ClassicEstimateInput))).toEqual(outcome(() => estimateTotal(input)))
}

/** Only the current sheet's function fields: the main entry checks and ignores them on the classic sheet; this entry refuses them. */
const CURRENT_FIELDS = FUNCTION_FIELDS.filter((f) => f.sheets === 'current')

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

  it('gives the main entry’s estimate and total, to the cent and line by line, on generated inputs the classic sheet prices', () => {
    let priced = 0
    fc.assert(
      fc.property(classicInput(validFunction, REGIONS), (input) => {
        sameAsMainEntry(input)
        if (validateInput(input).length === 0) priced++
      }),
      { numRuns: 1000 },
    )
    // Nearly all are bills, not problems (a few ask for more than 10^15 requests a month).
    expect(priced).toBeGreaterThan(800)
  })

  it('gives the main entry’s problems, all at once, on generated inputs with anything wrong', () => {
    fc.assert(fc.property(anyClassicInput, sameAsMainEntry), { numRuns: 1000 })
  })

  it('refuses what the classic sheet cannot price with the main entry’s problem: arm64, a region, storage above 512 MB, a Savings Plan', () => {
    const fn = { memoryMb: 512, durationMs: 1000, requests: 3_000_000 }
    const cases: ClassicInput[] = [
      { sheet: 'aws-2016', functions: [{ ...fn, architecture: 'arm64' }] },
      { sheet: 'aws-2016', region: 'eu-south-2', functions: [fn] },
      { sheet: 'aws-2016', functions: [{ ...fn, ephemeralStorageMb: 1024 }] },
      { sheet: 'aws-2016', savingsPlanPercent: 10, functions: [fn] },
    ]
    const paths = ['functions.0.architecture', 'region', 'functions.0.ephemeralStorageMb', 'savingsPlanPercent']
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

  it('refuses each of the current sheet’s fields, even at its default, naming it and the entry that prices it; never a bill', () => {
    const fn = { memoryMb: 512, durationMs: 1000, requests: 3_000_000 }
    expect(CURRENT_FIELDS.length).toBeGreaterThan(20)
    for (const field of CURRENT_FIELDS) {
      const value = field.default ?? field.min ?? field.choices?.[0]?.value ?? true
      const input = { functions: [fn, { ...fn, [field.key]: value }] }
      const problems = classic.validateInput(input)
      expect(
        problems.map((p) => p.path),
        field.key,
      ).toEqual([`functions.1.${field.key}`])
      expect(problems[0]!.message).toContain(`Function 2's field "${field.key}" is not one lambda-cost-engine/aws-2016 takes`)
      expect(problems[0]!.message).toContain('priced by lambda-cost-engine')
      expect(outcome(() => classic.estimate(input as classic.ClassicEstimateInput))).toEqual({ problems })
      expect(outcome(() => classic.estimateTotal(input as classic.ClassicEstimateInput))).toEqual({ problems })
    }
    // Left undefined, a field is not given, as in the main entry.
    expect(classic.estimateTotal({ functions: [{ ...fn, edge: undefined } as classic.ClassicFunctionInput] }).totalCents).toBe(1874)
  })

  it('takes every field the fields table says every sheet bills, at its default', () => {
    const fn = { memoryMb: 512, durationMs: 1000, requests: 3_000_000 }
    const shared = FUNCTION_FIELDS.filter((f) => f.sheets === 'all')
    expect(shared.map((f) => f.key)).toEqual(['name', 'memoryMb', 'durationMs', 'requests', 'per', 'architecture', 'ephemeralStorageMb'])
    for (const field of shared.filter((f) => f.default !== undefined)) {
      expect(classic.validateInput({ functions: [{ ...fn, [field.key]: field.default }] }), field.key).toEqual([])
    }
  })

  it('names the field a misspelt key may mean', () => {
    const [problem] = classic.validateInput({ functions: [{ memoryMB: 512, durationMs: 1000, requests: 1 }] })
    expect(problem).toEqual({ path: 'functions.0.memoryMB', message: expect.stringContaining('Did you mean "memoryMb"?') })
    // memoryMb itself is then missing, with the main entry's problem.
    expect(classic.validateInput({ functions: [{ memoryMB: 512, durationMs: 1000, requests: 1 }] })[1]!.path).toBe('functions.0.memoryMb')
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
