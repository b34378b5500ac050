import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateInput } from '../../src/engine/index'
import { plainValidInput } from '../../src/engine/quick-check'

/** Values at and around a field's edges: mostly valid ones (undefined included), now and then one that is not. */
const edgy = (valid: unknown[], invalid: unknown[], optional = true) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...(optional ? [undefined, ...valid] : valid)), weight: 15 },
    { arbitrary: fc.constantFrom(...invalid), weight: 1 },
  )
const fnArb = fc.record({
  name: edgy(['api', 'x'.repeat(64), '\u{1F44D}'.repeat(33)], ['x'.repeat(65), 42]),
  memoryMb: edgy([128, 192, 3008, 10_240, 1769], [127, 129, 500, 3072, 10_241, 512.5, '512', Number.NaN], false),
  // 30,000 ms: the most Lambda@Edge allows.
  durationMs: edgy([0.001, 1, 27.55, 30_000, 30_000.5, 900_000], [0, -0, 900_000.1, Infinity, '5'], false),
  requests: edgy([0, 1, 3e6, 1e15, 380_517_503, 0.5], [-1, 1.000001e15, 380_517_504, Number.NaN, '1'], false),
  per: edgy(['second', 'day', 'month'], ['week']),
  architecture: edgy(['x86_64', 'arm64'], ['riscv']),
  ephemeralStorageMb: edgy([512, 513, 10_240], [511, 10_241, 600.5]),
  coldStartPercent: edgy([0, 0.25, 100], [100.5, -1]),
  initDurationMs: edgy([0, 10_000], [10_001]),
  provisionedConcurrency: edgy([0, 1, 7], [2.5, -1, 1_000_001]),
  provisionedHours: edgy([0, 24, 744], [745]),
  provisionedSharePercent: edgy([0, 50, 100], [101]),
  snapStart: edgy(['off', 'java', 'priced'], ['python']),
  snapStartVersions: edgy([1, 3], [0, 1.5]),
  snapStartCacheHours: edgy([0, 2, 744], [745]),
  edge: edgy([true, false], ['yes']),
  streamedMbPerRequest: edgy([0, 6.5, 200], [201]),
  // A key that is no field: misspelt, or not one at all (undefined is the same as leaving it out).
  memoryMB: edgy([], [512, undefined]),
  durableExecution: edgy([], [true]),
})
const inputArb = fc.record({
  sheet: edgy(['aws-2016', 'aws-current'], ['aws-2030'], false),
  region: edgy(['us-east-1', 'af-south-1'], ['mars-1']),
  freeTier: edgy([true, false], ['yes']),
  functions: fc.array(fnArb, { minLength: 0, maxLength: 3 }),
})

describe('the quick acceptance of plainly valid input', () => {
  it('never accepts an input validateInput refuses, and accepts most valid ones', () => {
    let valid = 0
    let quick = 0
    fc.assert(
      fc.property(inputArb, (input) => {
        const accepted = plainValidInput(input) !== null
        const problems = validateInput(input)
        if (problems.length === 0) valid++
        if (accepted) quick++
        if (accepted) expect(problems).toEqual([])
      }),
      { numRuns: 20_000, seed: 9 },
    )
    expect(quick).toBeGreaterThan(valid / 2)
  })

  it('never accepts a combination AWS does not allow, and accepts the allowed ones', () => {
    // The current sheet, with Lambda@Edge and SnapStart often on and the other inputs at their limits.
    const comboFn = fc.record({
      memoryMb: fc.constantFrom(128, 1024),
      durationMs: fc.constantFrom(1, 29_999.5, 30_000, 30_000.001, 60_000),
      requests: fc.constantFrom(0, 1000, 3e6),
      architecture: fc.constantFrom(undefined, 'x86_64', 'arm64'),
      ephemeralStorageMb: fc.constantFrom(undefined, 512, 513, 10_240),
      provisionedConcurrency: fc.constantFrom(undefined, 0, 1, 100),
      snapStart: fc.constantFrom(undefined, 'off', 'java', 'priced'),
      edge: fc.constantFrom(undefined, false, true, true),
      streamedMbPerRequest: fc.constantFrom(undefined, 0, 0.001, 7, 200),
    })
    let valid = 0
    let quick = 0
    fc.assert(
      fc.property(fc.array(comboFn, { minLength: 1, maxLength: 2 }), fc.constantFrom('us-east-1', 'eu-central-2'), (functions, region) => {
        const input = { sheet: 'aws-current', region, functions }
        const problems = validateInput(input)
        const accepted = plainValidInput(input) !== null
        if (problems.length === 0) valid++
        if (accepted) quick++
        if (accepted) expect(problems).toEqual([])
      }),
      { numRuns: 5000, seed: 2026 },
    )
    expect(valid).toBeGreaterThan(500)
    expect(quick).toBeGreaterThan(valid * 0.9)
  })

  it('hands every combination AWS does not allow to validateInput, which names it', () => {
    const on = (fn: Record<string, unknown>) => ({ sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 100, requests: 1000, ...fn }] })
    for (const [fn, path] of [
      [{ edge: true, architecture: 'arm64' }, 'edge'],
      [{ edge: true, provisionedConcurrency: 1 }, 'provisionedConcurrency'],
      [{ edge: true, ephemeralStorageMb: 513 }, 'ephemeralStorageMb'],
      [{ edge: true, streamedMbPerRequest: 0.5 }, 'streamedMbPerRequest'],
      [{ edge: true, durationMs: 30_000.001 }, 'durationMs'],
      [{ snapStart: 'java', provisionedConcurrency: 1 }, 'provisionedConcurrency'],
      [{ snapStart: 'priced', provisionedConcurrency: 1 }, 'provisionedConcurrency'],
      [{ snapStart: 'java', ephemeralStorageMb: 513 }, 'ephemeralStorageMb'],
      [{ memoryMB: 1024 }, 'memoryMB'],
    ] as const) {
      expect(plainValidInput(on(fn)), JSON.stringify(fn)).toBeNull()
      expect(validateInput(on(fn)).map((p) => p.path)).toEqual([`functions.0.${path}`])
    }
  })

  it('copies every function into a shape of its own: later changes by the caller do not reach it', () => {
    const fn = { memoryMb: 512, durationMs: 100, requests: 5 }
    const copy = plainValidInput({ sheet: 'aws-2016', functions: [fn] })!
    fn.memoryMb = 1024
    expect(copy.functions[0]!.memoryMb).toBe(512)
  })

  it('reads what for...in visits, the same way when validating and when pricing', () => {
    // Hidden (non-enumerable) fields are not part of the input: neither checked nor priced.
    const fn = { memoryMb: 512, durationMs: 100, requests: 5 }
    Object.defineProperty(fn, 'coldStartPercent', { value: 500, enumerable: false })
    const input = { sheet: 'aws-current' as const, functions: [fn] }
    expect(validateInput(input)).toEqual([])
    expect(plainValidInput(input)!.functions[0]!.coldStartPercent).toBeUndefined()
    // Inherited enumerable fields are read, and checked, like own ones.
    const inherited = Object.create({ coldStartPercent: 500 }) as Record<string, unknown>
    Object.assign(inherited, { memoryMb: 512, durationMs: 100, requests: 5 })
    const withInherited = { sheet: 'aws-current' as const, functions: [inherited] }
    expect(plainValidInput(withInherited)).toBeNull()
    expect(validateInput(withInherited).map((p) => p.path)).toEqual(['functions.0.coldStartPercent'])
  })
})
