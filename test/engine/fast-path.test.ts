import { describe, expect, it } from 'vitest'
import { doubleBill, type FastBill } from '../../src/engine/estimate-total'
import {
  estimate,
  estimateTotal,
  validateInput,
  type Estimate,
  type EstimateInput,
  type EstimateTotal,
  type FunctionInput,
} from '../../src/engine/index'

/** Lines with exact cents as text (bills past 2^53 cents too): from the full bill's dollars. */
const exactShape = (e: Estimate) => ({
  total: e.totalUsd.replace('.', '').replace(/^0+(?=\d)/, ''),
  lines: e.lines.map((l) => [l.kind, l.architecture, l.tier, l.usd.replace('.', '').replace(/^0+(?=\d)/, '')]),
})
/** The total and each line's cents (exact below 2^53 cents): what `estimateTotal` gives. */
const totalShape = (e: EstimateTotal) => ({
  total: e.totalCents,
  lines: e.lines.map((l) => [l.kind, l.architecture, l.tier, l.cents]),
})
const fastShape = (b: FastBill) => ({
  total: String(b.totalCents),
  lines: b.lines.map((l) => [l.kind, l.architecture, l.tier, String(l.cents)]),
})

/** A small seeded generator (mulberry32), so 100,000 inputs cost little to make and a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!
  /** Log-uniform whole numbers across magnitudes, sometimes with decimals. */
  const magnitude = (maxExp: number, places: number) => {
    const x = Math.floor(10 ** (next() * maxExp))
    return next() < 0.3 ? Math.round(x * next() * 10 ** places) / 10 ** places : x
  }
  return { next, int, pick, magnitude }
}

function randomInput(r: ReturnType<typeof rng>): EstimateInput {
  const sheet = r.pick(['aws-2016', 'aws-current'] as const)
  const count = r.next() < 0.8 ? 1 : r.int(2, 3)
  const functions: FunctionInput[] = []
  for (let i = 0; i < count; i++) {
    const fn: FunctionInput = {
      memoryMb: sheet === 'aws-2016' ? 128 + 64 * r.int(0, 45) : r.int(128, 10_240),
      durationMs: Math.max(0.001, r.magnitude(5.9, 3)),
      requests: r.magnitude(r.pick([6, 9, 12]), 1),
      per: r.pick(['second', 'minute', 'hour', 'day', 'month', 'month', 'month'] as const),
    }
    if (sheet === 'aws-current') {
      fn.architecture = r.pick(['x86_64', 'arm64'] as const)
      if (r.next() < 0.3) fn.ephemeralStorageMb = r.int(512, 10_240)
    }
    // The 2026 inputs, on either sheet (the classic one ignores them).
    if (r.next() < 0.5) fn.coldStartPercent = r.pick([0, 1, 0.5, 2.5, 33.333, r.int(0, 100)])
    if (r.next() < 0.5) fn.initDurationMs = r.pick([0, 100.77, r.int(0, 10_000), r.int(0, 10_000_000) / 1000])
    if (r.next() < 0.3) {
      fn.provisionedConcurrency = r.int(0, 5000)
      // Hours as typed, and as minutes / 60 (50 minutes is 0.8333333333333334 h).
      fn.provisionedHours = r.pick([730, 8, 24, 0.1, r.int(0, 744), r.int(0, 7440) / 10, r.int(0, 44_640) / 60])
      if (r.next() < 0.5) fn.provisionedSharePercent = r.pick([100, 50, 12.5, r.int(0, 100)])
    }
    if (r.next() < 0.3) {
      fn.snapStart = r.pick(['off', 'java', 'priced'] as const)
      fn.snapStartVersions = r.int(1, 4)
      fn.snapStartCacheHours = r.pick([744, 730, 1, 2.5, r.int(0, 744)])
      // SnapStart allows neither provisioned concurrency nor storage above 512 MB (on the sheet that bills it).
      if (sheet === 'aws-current' && fn.snapStart !== 'off') {
        delete fn.provisionedConcurrency
        delete fn.ephemeralStorageMb
      }
    }
    if (r.next() < 0.3) fn.streamedMbPerRequest = r.pick([7, 6, 0.5, r.int(0, 20_000) / 100])
    if (r.next() < 0.15 && fn.architecture !== 'arm64' && !fn.provisionedConcurrency) {
      // Lambda@Edge: no sized storage, no streaming, at most 30 s.
      fn.edge = true
      delete fn.ephemeralStorageMb
      if (sheet === 'aws-current') {
        delete fn.streamedMbPerRequest
        fn.durationMs = Math.min(fn.durationMs, 30_000)
      }
    }
    functions.push(fn)
  }
  const region = sheet === 'aws-current' ? r.pick(['us-east-1', 'eu-central-2', 'ap-southeast-5', 'ap-northeast-3', 'sa-east-1']) : 'us-east-1'
  const input: EstimateInput = { sheet, region, freeTier: r.next() < 0.5, functions }
  // A Compute Savings Plan now and then: 12 % keeps the doubles path, 17 % and 5.5 % do not.
  if (sheet === 'aws-current' && r.next() < 0.1) input.savingsPlanPercent = r.pick([12, 17, 5.5])
  return input
}

describe('the integer fast path', () => {
  it('gives the same lines and cents as the bigint path on 100,000 random inputs', () => {
    const r = rng(20_260_801)
    let compared = 0
    let fast = 0
    for (let i = 0; i < 100_000; i++) {
      const input = randomInput(r)
      if (validateInput(input).length > 0) continue
      compared++
      const full = estimate(input)
      const exact = JSON.stringify(exactShape(full))
      // The doubles path prices the inputs it can keep exact; estimateTotal() hands the rest to the bigint bill.
      const double = doubleBill(input)
      if (double) {
        fast++
        const got = JSON.stringify(fastShape(double))
        if (got !== exact) expect({ input, double: got }).toEqual({ input, double: exact })
      }
      const got = JSON.stringify(totalShape(estimateTotal(input)))
      const want = JSON.stringify(totalShape(full))
      if (got !== want) expect({ input, got }).toEqual({ input, got: want })
    }
    // The comparison means something only if the doubles path handled most of them (8 in 9 here, against 4 in 10 before mixed numbers).
    expect(fast / compared).toBeGreaterThan(0.8)
    // Provisioned concurrency that does not fit is invalid; most inputs are valid.
    expect(compared).toBeGreaterThan(90_000)
  })

  it('agrees at the edges: 2^53 neighbourhoods, per-day volumes, fractional percentages', () => {
    const cases = [
      { memoryMb: 10_240, durationMs: 900_000, requests: 1e15 },
      { memoryMb: 10_240, durationMs: 900_000, requests: 977 },
      { memoryMb: 128, durationMs: 0.001, requests: 13, per: 'day' as const },
      { memoryMb: 1769, durationMs: 27.55, requests: 123_457, coldStartPercent: 33.333, initDurationMs: 0.45 },
      { memoryMb: 3008, durationMs: 100.7, requests: 9_999_999, coldStartPercent: 0.5, initDurationMs: 0.3 },
      // Past 2^53 cents on one line: the bigint bill keeps the cents exact.
      { memoryMb: 10_240, durationMs: 900_000, requests: 1e15, coldStartPercent: 0.000001, initDurationMs: 9999.999 },
      {
        memoryMb: 7001,
        durationMs: 0.001,
        requests: 999_999.999999,
        per: 'day' as const,
        provisionedConcurrency: 1_000_000,
        provisionedSharePercent: 0.5,
      },
    ]
    for (const fn of cases) {
      for (const freeTier of [true, false]) {
        const input = { sheet: 'aws-current' as const, freeTier, functions: [fn] }
        const full = estimate(input)
        const want = exactShape(full)
        expect(totalShape(estimateTotal(input))).toEqual(totalShape(full))
        const double = doubleBill(input)
        if (double) expect(fastShape(double)).toEqual(want)
      }
    }
  })

  it('keeps exact in doubles what used to need bigint: products past 2^53, fractional volumes and served shares, decimal cold-start sums', () => {
    const cases: FunctionInput[] = [
      // 13 a day is 395.41666... a month; 2.5 an hour is 1,825.
      { memoryMb: 128, durationMs: 0.001, requests: 13, per: 'day' },
      { memoryMb: 1769, durationMs: 27.55, requests: 2.5, per: 'hour', coldStartPercent: 1, initDurationMs: 250 },
      {
        memoryMb: 512,
        durationMs: 80,
        requests: 1_000_001,
        per: 'day',
        provisionedConcurrency: 40,
        provisionedSharePercent: 30,
        streamedMbPerRequest: 7.5,
      },
      // 2,628,000 requests x 400 (a 0.25 % cold share) x 2,693 ms x 8,149 MB passes 2^53.
      { memoryMb: 8149, durationMs: 2693, requests: 1, per: 'second', coldStartPercent: 0.25, initDurationMs: 1950.77 },
      { memoryMb: 10_240, durationMs: 8402.61, requests: 896_424_644, ephemeralStorageMb: 10_240 },
      // 80 % of 35,852 requests is 28,681.6 served.
      {
        memoryMb: 2838,
        durationMs: 16.8,
        requests: 35_852,
        provisionedConcurrency: 15,
        provisionedSharePercent: 80,
        coldStartPercent: 2,
        initDurationMs: 300,
      },
      {
        memoryMb: 3000,
        durationMs: 99.9,
        requests: 7,
        provisionedConcurrency: 1,
        provisionedSharePercent: 37,
        coldStartPercent: 0.25,
        initDurationMs: 1,
      },
      // 1.5 + 50.5 ms is exactly 52 ms: billed 52, not 53.
      { memoryMb: 8964, durationMs: 1.5, requests: 183_314, coldStartPercent: 0.5, initDurationMs: 50.5, ephemeralStorageMb: 8115 },
      {
        memoryMb: 1024,
        durationMs: 0.1,
        requests: 1_000_000,
        coldStartPercent: 10,
        initDurationMs: 0.9,
        snapStart: 'priced',
        snapStartCacheHours: 2.5,
      },
    ]
    for (const fn of cases) {
      for (const freeTier of [true, false]) {
        const input: EstimateInput = { sheet: 'aws-current', freeTier, functions: [fn] }
        const double = doubleBill(input)
        expect(double, JSON.stringify(fn)).not.toBeNull()
        expect(fastShape(double!)).toEqual(exactShape(estimate(input)))
      }
    }
  })

  it('bills provisioned time from the hours as typed: 50 minutes (0.8333333333333334 h) is 11 five-minute periods', () => {
    // 0.8333333333333334 x 12 rounds to exactly 10 in doubles; the typed decimal is just above 10.
    const fiftyMinutes: EstimateInput = {
      sheet: 'aws-current',
      functions: [{ memoryMb: 1024, durationMs: 100, requests: 0, provisionedConcurrency: 100, provisionedHours: 50 / 60 }],
    }
    // 100 environments x 1 GB x 11 x 300 s = 330,000 GB-s at $0.0000041667: $1.375011, 138 cents.
    expect(estimate(fiftyMinutes).lines.find((l) => l.kind === 'provisioned-concurrency')!.cents).toBe(138)
    for (let minutes = 1; minutes <= 44_640; minutes += 7) {
      for (const share of [100, 12.5]) {
        const input: EstimateInput = {
          sheet: 'aws-current',
          functions: [
            {
              memoryMb: 3000,
              durationMs: 0.5,
              requests: 3,
              provisionedConcurrency: 7,
              provisionedHours: minutes / 60,
              provisionedSharePercent: share,
            },
          ],
        }
        const want = totalShape(estimate(input))
        expect(totalShape(estimateTotal(input)), `${minutes} minutes, ${share} %`).toEqual(want)
      }
    }
  })
})
