import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billedDurationMs, estimate, type EstimateInput } from '../../src/engine/index'
import { anyInput, classicFunction, currentFunction, durationMs, scaled } from './helpers'

const runs = { numRuns: 1000 }

function computeExactUsd(input: EstimateInput): bigint {
  return estimate(input)
    .lines.filter((l) => l.kind === 'compute')
    .reduce((sum, l) => sum + scaled(l.exactUsd), 0n)
}

describe('invariants of every bill', () => {
  it('no line is negative, and the total is the sum of the lines\u2019 cents', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const bill = estimate(input)
        for (const line of bill.lines) {
          expect(line.cents).toBeGreaterThanOrEqual(0)
          expect(scaled(line.exactUsd)).toBeGreaterThanOrEqual(0n)
          // cents is exactUsd rounded half-up
          const exact = scaled(line.exactUsd)
          const unit = 10n ** 18n
          expect(BigInt(line.cents)).toBe((exact + unit / 2n) / unit)
        }
        expect(bill.totalCents).toBe(bill.lines.reduce((s, l) => s + l.cents, 0))
      }),
      runs,
    )
  })

  it('cost never decreases when requests, memory or duration grow', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('aws-2016' as const, 'aws-current' as const),
        fc.boolean(),
        classicFunction,
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 100_000_000 }).map((x) => x / 1000),
        (sheet, freeTier, fn, moreRequests, moreMemorySteps, moreMs) => {
          const base = estimate({ sheet, freeTier, functions: [fn] }).totalCents
          const grow = (patch: Partial<typeof fn>) => estimate({ sheet, freeTier, functions: [{ ...fn, ...patch }] }).totalCents
          expect(grow({ requests: fn.requests + moreRequests })).toBeGreaterThanOrEqual(base)
          expect(grow({ memoryMb: Math.min(3008, fn.memoryMb + 64 * moreMemorySteps) })).toBeGreaterThanOrEqual(base)
          expect(grow({ durationMs: Math.min(900_000, fn.durationMs + moreMs) })).toBeGreaterThanOrEqual(base)
        },
      ),
      runs,
    )
  })

  it('billed duration is at least the duration and less than duration + granularity', () => {
    fc.assert(
      fc.property(durationMs, fc.constantFrom(1, 100), (ms, granularity) => {
        const billed = billedDurationMs(ms, granularity)
        expect(billed % granularity).toBe(0)
        expect(billed).toBeGreaterThanOrEqual(ms)
        expect(billed).toBeLessThan(ms + granularity)
      }),
      runs,
    )
  })

  it('usage inside the free tier costs nothing but what the free tier does not cover (storage)', () => {
    fc.assert(
      fc.property(fc.array(currentFunction, { minLength: 1, maxLength: 3 }), (functions) => {
        const small = functions.map((f) => ({ ...f, requests: f.requests % 300_000 }))
        const gbsTimes1024000 = small.reduce(
          (s, f) => s + BigInt(f.requests) * BigInt(Math.ceil(f.durationMs)) /* 1 ms billing */ * BigInt(f.memoryMb),
          0n,
        )
        fc.pre(gbsTimes1024000 <= 400_000n * 1_024_000n)
        const bill = estimate({ sheet: 'aws-current', functions: small })
        for (const line of bill.lines) {
          if (line.kind !== 'ephemeral-storage') expect(line.cents).toBe(0)
        }
      }),
      { numRuns: 1000, maxSkipsPerRun: 1000 },
    )
  })

  it('a workload split into two functions costs the same as one function with the combined usage', () => {
    fc.assert(
      fc.property(anyInput, fc.integer({ min: 0, max: 1e12 }), (input, otherRequests) => {
        const fn = input.functions[0]!
        const split = estimate({ ...input, functions: [fn, { ...fn, requests: otherRequests }] })
        const joined = estimate({ ...input, functions: [{ ...fn, requests: fn.requests + otherRequests }] })
        expect(split.totalCents).toBe(joined.totalCents)
        expect(split.lines.map((l) => l.exactUsd)).toEqual(joined.lines.map((l) => l.exactUsd))
      }),
      runs,
    )
  })

  it('tier pricing has no jump at a bracket boundary', () => {
    // 1,024 MB x 1,000 ms: one request is exactly one GB-s.
    const brackets = [
      { architecture: 'x86_64' as const, boundary: 6_000_000_000, below: '0.0000166667', above: '0.0000150000' },
      { architecture: 'x86_64' as const, boundary: 15_000_000_000, below: '0.0000150000', above: '0.0000133334' },
      { architecture: 'arm64' as const, boundary: 7_500_000_000, below: '0.0000133334', above: '0.0000120001' },
      { architecture: 'arm64' as const, boundary: 18_750_000_000, below: '0.0000120001', above: '0.0000106667' },
    ]
    fc.assert(
      fc.property(fc.constantFrom(...brackets), fc.integer({ min: -5000, max: 5000 }), (b, offset) => {
        const at = (requests: number) =>
          computeExactUsd({
            sheet: 'aws-current',
            freeTier: false,
            functions: [{ memoryMb: 1024, durationMs: 1000, requests, architecture: b.architecture }],
          })
        const r = b.boundary + offset
        const step = at(r + 1) - at(r)
        expect(step).toBe(scaled(r + 1 <= b.boundary ? b.below : b.above))
      }),
      runs,
    )
  })

  it('x86_64 and arm64 share one free tier', () => {
    fc.assert(
      fc.property(currentFunction, currentFunction, (a, b) => {
        const x86 = { ...a, architecture: 'x86_64' as const }
        const arm = { ...b, architecture: 'arm64' as const }
        const bill = estimate({ sheet: 'aws-current', functions: [x86, arm] })
        const total = scaled(bill.totals.gbSeconds)
        const allowance = scaled('400000')
        const used = scaled(bill.freeTier.gbSecondsUsedByArchitecture.x86_64) + scaled(bill.freeTier.gbSecondsUsedByArchitecture.arm64)
        expect(used).toBe(total < allowance ? total : allowance)
        expect(scaled(bill.freeTier.gbSecondsUsed)).toBe(used)
      }),
      runs,
    )
  })
})
