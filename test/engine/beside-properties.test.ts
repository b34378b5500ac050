import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { estimate, estimateTotal, METERS, validateInput, type EstimateInput, type FunctionInput } from '../../src/engine/index'

// What comes with a function (CloudWatch Logs, the API in front, data out) only adds to a
// bill: turned on it never lowers it nor changes Lambda's own lines, and off it is exactly
// the Lambda-only bill.

const lambda: fc.Arbitrary<FunctionInput> = fc.record({
  memoryMb: fc.integer({ min: 128, max: 10_240 }),
  durationMs: fc.integer({ min: 1, max: 900_000_000 }).map((x) => x / 1000),
  requests: fc.integer({ min: 0, max: 1e11 }),
  architecture: fc.constantFrom('x86_64' as const, 'arm64' as const),
  coldStartPercent: fc.integer({ min: 0, max: 100 }),
})

const companions = fc.record(
  {
    logFormat: fc.constantFrom('text' as const, 'json' as const),
    appLogBytesPerInvocation: fc.integer({ min: 0, max: 400_000 }).map((x) => x / 4),
    logClass: fc.constantFrom('standard' as const, 'infrequent-access' as const),
    logRetentionMonths: fc.integer({ min: 0, max: 120 }),
    frontDoor: fc.constantFrom('function-url' as const, 'http-api' as const, 'rest-api' as const, 'websocket' as const, 'alb' as const),
    requestKb: fc.integer({ min: 0, max: 40_960 }).map((x) => x / 4),
    connectionMinutes: fc.integer({ min: 0, max: 1e12 }),
    responseKb: fc.integer({ min: 0, max: 40_960 }).map((x) => x / 4),
  },
  { requiredKeys: [] },
)

const account = fc.record({
  region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-northeast-1', 'us-west-2'),
  freeTier: fc.boolean(),
  apiGatewayFreeTier: fc.boolean(),
})

const lambdaKinds = (bill: ReturnType<typeof estimate>) =>
  bill.lines.filter((l) => !/^(logs|api|alb|data-out)/.test(l.kind)).map((l) => [l.kind, l.tier, l.cents])

describe('beside Lambda', () => {
  it('keeps the meters within the 32 bits that mark them in use', () => {
    expect(METERS.length).toBeLessThanOrEqual(32)
  })

  it('adding companions never lowers a bill and leaves Lambda’s own lines as they were; the shares sum to the total', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(lambda, companions), { minLength: 1, maxLength: 3 }), account, (fns, acc) => {
        const base: EstimateInput = { sheet: 'aws-current', ...acc, functions: fns.map(([f]) => f) }
        const withAll: EstimateInput = { ...base, functions: fns.map(([f, c]) => ({ ...f, ...c })) }
        if (validateInput(withAll).length > 0) return
        const before = estimate(base)
        const after = estimate(withAll)
        expect(after.totalCents).toBeGreaterThanOrEqual(before.totalCents)
        expect(lambdaKinds(after)).toEqual(lambdaKinds(before))
        expect(after.functions.reduce((s, f) => s + f.cents, 0)).toBe(after.totalCents)
        expect(estimateTotal(withAll).totalCents).toBe(after.totalCents)
      }),
      { numRuns: 150, seed: 17 },
    )
  })

  it('adding one more function with companions never lowers the bill', () => {
    fc.assert(
      fc.property(lambda, companions, companions, account, (f, c1, c2, acc) => {
        const one: EstimateInput = { sheet: 'aws-current', ...acc, functions: [{ ...f, ...c1 }] }
        const two: EstimateInput = {
          ...one,
          functions: [
            { ...f, ...c1 },
            { ...f, ...c2, name: 'b' },
          ],
        }
        if (validateInput(two).length > 0) return
        expect(estimate(two).totalCents).toBeGreaterThanOrEqual(estimate(one).totalCents)
      }),
      { numRuns: 100, seed: 18 },
    )
  })

  it('off means exactly the Lambda-only bill, whatever the other companion fields hold', () => {
    fc.assert(
      fc.property(lambda, companions, account, (f, c, acc) => {
        const off = { ...c, logFormat: 'off' as const, frontDoor: 'none' as const, responseKb: 0 }
        const plain: EstimateInput = { sheet: 'aws-current', ...acc, functions: [f] }
        const input: EstimateInput = { ...plain, functions: [{ ...f, ...off }] }
        expect(estimate(input).lines).toEqual(estimate(plain).lines)
        expect(estimateTotal(input).totalCents).toBe(estimate(plain).totalCents)
      }),
      { numRuns: 150, seed: 19 },
    )
  })
})
