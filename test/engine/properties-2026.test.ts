import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeBill, lineShares } from '../../src/engine/bill'
import { calculationSteps, estimate, validateInput, type EstimateInput, type FunctionInput } from '../../src/engine/index'
import { durationMs } from './helpers'

const runs = { numRuns: 500 }

const currentFn: fc.Arbitrary<FunctionInput> = fc.record({
  memoryMb: fc.integer({ min: 128, max: 10_240 }),
  durationMs,
  requests: fc.integer({ min: 0, max: 1e10 }),
  architecture: fc.constantFrom('x86_64' as const, 'arm64' as const),
  ephemeralStorageMb: fc.integer({ min: 512, max: 10_240 }),
})

/** A function with any of the 2026 options; PC large enough to fit is not guaranteed, so callers filter. */
const fn2026: fc.Arbitrary<FunctionInput> = fc
  .record({
    base: currentFn,
    coldStartPercent: fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
    initDurationMs: fc.integer({ min: 0, max: 10_000_000 }).map((x) => x / 1000),
    provisionedConcurrency: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
    provisionedSharePercent: fc.integer({ min: 0, max: 100 }),
    snapStart: fc.constantFrom('off' as const, 'java' as const, 'priced' as const),
    edge: fc.boolean(),
    streamedMbPerRequest: fc.integer({ min: 0, max: 2000 }).map((x) => x / 100),
  })
  .map(({ base, ...extra }): FunctionInput => {
    // What AWS does not allow together: Lambda@Edge runs x86_64 for at most 30 s, with no provisioned
    // concurrency, sized storage or streaming; SnapStart has no provisioned concurrency or sized storage.
    if (extra.edge) {
      const durationMs = Math.min(base.durationMs, 30_000)
      return { ...base, ...extra, durationMs, architecture: 'x86_64', ephemeralStorageMb: 512, provisionedConcurrency: 0, streamedMbPerRequest: 0 }
    }
    if (extra.snapStart !== 'off') return { ...base, ...extra, ephemeralStorageMb: 512, provisionedConcurrency: 0 }
    return { ...base, ...extra }
  })

describe('the 2026 bill: invariants', () => {
  it('cold starts never lower a bill', () => {
    fc.assert(
      fc.property(
        currentFn,
        fc.boolean(),
        fc.integer({ min: 1, max: 100_000 }).map((x) => x / 1000),
        fc.integer({ min: 0, max: 10_000 }),
        (fn, freeTier, percent, initMs) => {
          const warm = estimate({ sheet: 'aws-current', freeTier, functions: [fn] }).totalCents
          const cold = estimate({
            sheet: 'aws-current',
            freeTier,
            functions: [{ ...fn, coldStartPercent: percent, initDurationMs: initMs }],
          }).totalCents
          expect(cold).toBeGreaterThanOrEqual(warm)
        },
      ),
      runs,
    )
  })

  it('provisioned concurrency busy 100 % of the time costs less than on demand, busy 50 % more', () => {
    // Whole-ms durations that divide a month of environment time exactly; volumes
    // below the first price bracket. PC + PC duration per environment-GB-s:
    // x86 0.0000041667 + 0.0000097222 = 0.0000138889 < 0.0000166667 on demand;
    // at 50 %: 0.0000041667 + 0.0000048611 > 0.0000083333 (arm64 likewise).
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 128, max: 4096 }),
        fc.constantFrom(100, 200, 250, 500, 1000),
        fc.constantFrom('x86_64' as const, 'arm64' as const),
        (environments, memoryMb, ms, architecture) => {
          const full = (environments * 730 * 3600 * 1000) / ms
          for (const [requests, cheaper] of [
            [full, true],
            [full / 2, false],
          ] as const) {
            const fn = { memoryMb, durationMs: ms, requests, architecture }
            const onDemand = estimate({ sheet: 'aws-current', freeTier: false, functions: [fn] }).totalCents
            const provisioned = estimate({
              sheet: 'aws-current',
              freeTier: false,
              functions: [{ ...fn, provisionedConcurrency: environments }],
            }).totalCents
            if (cheaper) expect(provisioned).toBeLessThan(onDemand)
            else expect(provisioned).toBeGreaterThan(onDemand)
          }
        },
      ),
      runs,
    )
  })

  it('per-function shares sum exactly to each line and to the total', () => {
    fc.assert(
      fc.property(
        fc.array(fn2026, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom('us-east-1', 'eu-central-2', 'sa-east-1'),
        (functions, freeTier, region) => {
          const input: EstimateInput = { sheet: 'aws-current', region, freeTier, functions }
          fc.pre(validateInput(input).length === 0)
          const bill = estimate(input)
          expect(bill.functions.reduce((s, f) => s + f.cents, 0)).toBe(bill.totalCents)
          for (const f of bill.functions) expect(f.usd).toBe((f.cents / 100).toFixed(2))
          const exact = computeBill(input)
          lineShares(exact).forEach((shares, i) => {
            expect(shares.reduce((a, b) => a + b, 0n)).toBe(exact.lines[i]!.cents)
            for (const s of shares) expect(s).toBeGreaterThanOrEqual(0n)
          })
        },
      ),
      { numRuns: 500, maxSkipsPerRun: 100 },
    )
  })

  it('Lambda@Edge never uses the free tier', () => {
    fc.assert(
      fc.property(currentFn, fc.integer({ min: 0, max: 100 }), (fn, cold) => {
        const edgeFn = {
          ...fn,
          durationMs: Math.min(fn.durationMs, 30_000),
          architecture: 'x86_64' as const,
          ephemeralStorageMb: 512,
          edge: true,
          coldStartPercent: cold,
          initDurationMs: 200,
        }
        const edgeLines = (freeTier: boolean) =>
          estimate({ sheet: 'aws-current', freeTier, functions: [edgeFn] })
            .lines.filter((l) => l.kind.startsWith('edge-'))
            .map((l) => [l.kind, l.quantity, l.cents])
        expect(edgeLines(true)).toEqual(edgeLines(false))
        const bill = estimate({ sheet: 'aws-current', functions: [edgeFn] })
        expect(bill.freeTier.requestsUsed).toBe('0')
        expect(bill.freeTier.gbSecondsUsed).toBe('0')
        // Edge requests: every one billed at $0.60 per million.
        const requests = bill.lines.find((l) => l.kind === 'edge-requests')
        if (fn.requests > 0) expect(requests?.quantity).toBe(String(fn.requests))
      }),
      runs,
    )
  })

  it('the classic sheet ignores the 2026 inputs and says so', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 1, max: 1e9 }), (k, requests) => {
        const fn = { memoryMb: 128 + 64 * k, durationMs: 250, requests }
        const plain = estimate({ sheet: 'aws-2016', functions: [fn] })
        const withExtras = estimate({
          sheet: 'aws-2016',
          functions: [{ ...fn, coldStartPercent: 5, initDurationMs: 800, provisionedConcurrency: 3, snapStart: 'priced', streamedMbPerRequest: 9 }],
        })
        expect(withExtras.totalCents).toBe(plain.totalCents)
        expect(calculationSteps(withExtras).text).toMatch(
          /The classic 2016 sheet ignores cold starts, INIT duration, provisioned concurrency, SnapStart, response streaming/,
        )
      }),
      { numRuns: 100 },
    )
  })
})
