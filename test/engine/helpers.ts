import fc from 'fast-check'
import type { EstimateInput, FunctionInput } from '../../src/engine/index'

/** A plain decimal string as an integer count of 10^-places units; exact. */
export function scaled(decimal: string, places = 20): bigint {
  const negative = decimal.startsWith('-')
  const [whole = '0', frac = ''] = decimal.replace('-', '').split('.')
  if (frac.length > places) throw new Error(`more than ${places} places: ${decimal}`)
  const value = BigInt(whole + frac.padEnd(places, '0'))
  return negative ? -value : value
}

/** Durations as decimals with up to 3 places, like a user would type. */
export const durationMs = fc.integer({ min: 1, max: 900_000_000 }).map((x) => x / 1000)

export const classicFunction: fc.Arbitrary<FunctionInput> = fc.record({
  memoryMb: fc.integer({ min: 0, max: 45 }).map((k) => 128 + 64 * k),
  durationMs,
  requests: fc.integer({ min: 0, max: 1e12 }),
})

export const currentFunction: fc.Arbitrary<FunctionInput> = fc.record({
  memoryMb: fc.integer({ min: 128, max: 10_240 }),
  durationMs,
  requests: fc.integer({ min: 0, max: 1e12 }),
  architecture: fc.constantFrom('x86_64' as const, 'arm64' as const),
  ephemeralStorageMb: fc.integer({ min: 512, max: 10_240 }),
})

export const anyInput: fc.Arbitrary<EstimateInput> = fc.oneof(
  fc.record({
    sheet: fc.constant('aws-2016' as const),
    freeTier: fc.boolean(),
    functions: fc.array(classicFunction, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    sheet: fc.constant('aws-current' as const),
    region: fc.constantFrom('us-east-1', 'eu-central-1', 'ap-northeast-1'),
    freeTier: fc.boolean(),
    functions: fc.array(currentFunction, { minLength: 1, maxLength: 4 }),
  }),
)
