import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  costByMemory,
  costByRequests,
  costPoint,
  estimate,
  InvalidInputError,
  validateInput,
  type CostPoint,
  type EstimateInput,
  type FunctionInput,
} from '../../src/engine/index'

const example1: EstimateInput = { sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }

describe('cost vs requests', () => {
  it('is log-spaced across several decades around the current volume, marking the current bill', () => {
    const s = costByRequests(example1)
    expect(s.current).toEqual({
      x: 3_000_000,
      requestsCents: 40,
      computeCents: 1834,
      storageCents: 0,
      provisionedCents: 0,
      snapStartCents: 0,
      edgeCents: 0,
      streamingCents: 0,
      tenantIsolationCents: 0,
      durableCents: 0,
      managedInstancesCents: 0,
      logsCents: 0,
      apiCents: 0,
      dataOutCents: 0,
      totalCents: 1874,
    })
    expect(s.points).toContainEqual(s.current)
    expect(s.points[0]!.x).toBeLessThanOrEqual(3_000)
    expect(s.points.at(-1)!.x).toBeGreaterThanOrEqual(3_000_000_000)
    const xs = s.points.map((p) => p.x)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
  })

  it('each point is the exact bill for that volume', () => {
    const s = costByRequests(example1, { points: 50 })
    for (const p of s.points.filter((_, i) => i % 7 === 0)) {
      const bill = estimate({ ...example1, functions: [{ ...example1.functions[0]!, requests: p.x }] })
      expect(p.totalCents).toBe(bill.totalCents)
      expect(p.requestsCents + p.computeCents + p.storageCents).toBe(p.totalCents)
    }
  })

  it('each point equals the estimate at that volume, with the 2026 lines too (200 random functions)', () => {
    const fnArb: fc.Arbitrary<FunctionInput> = fc.record({
      memoryMb: fc.integer({ min: 128, max: 10_240 }),
      durationMs: fc.integer({ min: 1, max: 900_000_00 }).map((x) => x / 100),
      requests: fc.integer({ min: 0, max: 1e10 }),
      architecture: fc.constantFrom('x86_64' as const, 'arm64' as const),
      ephemeralStorageMb: fc.constantFrom(512, 2048, 10_240),
      coldStartPercent: fc.constantFrom(0, 0.25, 1, 33.333),
      initDurationMs: fc.constantFrom(0, 250.5, 1000),
      provisionedConcurrency: fc.constantFrom(0, 0, 10_000),
      provisionedSharePercent: fc.constantFrom(100, 12.5),
      snapStart: fc.constantFrom('off' as const, 'priced' as const),
      streamedMbPerRequest: fc.constantFrom(0, 6.5, 50),
    })
    const group: Record<string, Exclude<keyof CostPoint, 'x' | 'exactCents'>> = {
      requests: 'requestsCents',
      compute: 'computeCents',
      'ephemeral-storage': 'storageCents',
      'provisioned-concurrency': 'provisionedCents',
      'provisioned-duration': 'provisionedCents',
      'snapstart-cache': 'snapStartCents',
      'snapstart-restore': 'snapStartCents',
      'edge-requests': 'edgeCents',
      'edge-duration': 'edgeCents',
      'response-streaming': 'streamingCents',
    }
    fc.assert(
      fc.property(fnArb, fc.boolean(), fc.constantFrom('us-east-1', 'eu-central-2', 'ap-east-1'), fc.boolean(), (fn, freeTier, region, edge) => {
        const f: FunctionInput = edge ? { ...fn, edge: true, architecture: 'x86_64', provisionedConcurrency: 0, ephemeralStorageMb: 512 } : fn
        const input: EstimateInput = { sheet: 'aws-current', region, freeTier, functions: [f] }
        if (validateInput(input).length > 0) return
        const s = costByRequests(input, { points: 30, minRequests: 1, maxRequests: 1e13 })
        for (const p of s.points) {
          const at = { ...input, functions: [{ ...f, requests: p.x }] }
          if (validateInput(at).length > 0) continue // provisioned environments too few for this volume
          const bill = estimate(at)
          const want: CostPoint = {
            x: p.x,
            requestsCents: 0,
            computeCents: 0,
            storageCents: 0,
            provisionedCents: 0,
            snapStartCents: 0,
            edgeCents: 0,
            streamingCents: 0,
            tenantIsolationCents: 0,
            durableCents: 0,
            managedInstancesCents: 0,
            logsCents: 0,
            apiCents: 0,
            dataOutCents: 0,
            totalCents: bill.totalCents,
          }
          for (const l of bill.lines) want[group[l.kind]!] += l.cents
          expect(p).toEqual(want)
        }
      }),
      { numRuns: 200, seed: 2026 },
    )
  })

  it('puts a point exactly on the free-tier knees: 1M requests and 400,000 GB-s', () => {
    const s = costByRequests(example1)
    // 0.5 GB x 1 s: 400,000 GB-s is 800,000 requests
    const knee = s.points.find((p) => p.x === 800_000)
    expect(knee?.computeCents).toBe(0)
    const next = s.points[s.points.indexOf(knee!) + 1]!
    expect(next.computeCents).toBeGreaterThan(0)
    expect(s.points.find((p) => p.x === 1_000_000)?.requestsCents).toBe(0)
  })

  it('scales every function in proportion when there are several', () => {
    const input: EstimateInput = {
      sheet: 'aws-current',
      freeTier: false,
      functions: [
        { memoryMb: 1024, durationMs: 1000, requests: 1_000_000 },
        { memoryMb: 2048, durationMs: 1000, requests: 3_000_000, architecture: 'arm64' },
      ],
    }
    const s = costByRequests(input, { points: 2, minRequests: 8_000, maxRequests: 8_000_000 })
    // 8,000,000 total requests: 2M x 1 GB-s x86 and 6M x 2 GB-s arm64
    const at8m = s.points.find((p) => p.x === 8_000_000)!
    const direct = estimate({
      ...input,
      functions: [
        { ...input.functions[0]!, requests: 2_000_000 },
        { ...input.functions[1]!, requests: 6_000_000 },
      ],
    })
    expect(at8m.totalCents).toBe(direct.totalCents)
  })

  it('rejects an invalid input with the engine\u2019s problems', () => {
    expect(() => costByRequests({ sheet: 'aws-2016', functions: [] })).toThrow(InvalidInputError)
  })
})

describe('cost vs memory', () => {
  it('covers the classic sheet\u2019s 46 sizes with the current memory marked', () => {
    const s = costByMemory(example1)
    expect(s.points.map((p) => p.x)).toEqual(Array.from({ length: 46 }, (_, k) => 128 + 64 * k))
    expect(s.current).toMatchObject({ x: 512, totalCents: 1874 })
  })

  it('covers the current sheet up to 10,240 MB and includes an off-grid current size', () => {
    const s = costByMemory({ sheet: 'aws-current', functions: [{ memoryMb: 1000, durationMs: 100, requests: 1e7 }] })
    expect(s.points[0]!.x).toBe(128)
    expect(s.points.at(-1)!.x).toBe(10_240)
    expect(s.current.x).toBe(1000)
    expect(s.current.totalCents).toBe(estimate({ sheet: 'aws-current', functions: [{ memoryMb: 1000, durationMs: 100, requests: 1e7 }] }).totalCents)
  })
})

describe('costPoint', () => {
  it('splits an estimate into the parts the charts draw: the classic example 1, $0.40 + $18.34', () => {
    const p = costPoint(512, estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }))
    expect(p).toMatchObject({ x: 512, requestsCents: 40, computeCents: 1834, storageCents: 0, provisionedCents: 0, totalCents: 1874 })
  })
})

describe('points past 2^53 cents', () => {
  // 10^15 requests of 900 s at 10,240 MB: about $1.2 x 10^14 a month, past 2^53 cents.
  const huge: EstimateInput = { sheet: 'aws-current', functions: [{ memoryMb: 10_240, durationMs: 900_000, requests: 1e15 }] }
  const cents = (usd: string) => BigInt(usd.replace('.', ''))

  it('carry their figures exactly, matching the bill to the cent', () => {
    const bill = estimate(huge)
    expect(cents(bill.totalUsd) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true)
    for (const series of [costByRequests(huge, { points: 20 }), costByMemory(huge)]) {
      const exact = series.current.exactCents
      expect(exact?.total).toBe(cents(bill.totalUsd))
      const parts = exact!.requests + exact!.compute + exact!.storage + exact!.provisioned + exact!.snapStart + exact!.edge + exact!.streaming
      expect(parts).toBe(exact!.total)
    }
    expect(costPoint(1e15, bill).exactCents?.total).toBe(cents(bill.totalUsd))
  })

  it('leave ordinary points as they are', () => {
    expect(costByRequests(example1).current.exactCents).toBeUndefined()
  })
})
