import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { calculationSteps, estimate, estimateFromReports, InvalidInputError, parseReports } from '../../../src/engine/index'

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/usage', name), 'utf8')

/** A decimal string as an exact fraction, independently of the engine. */
function exact(text: string): { n: bigint; d: bigint } {
  const [i = '0', f = ''] = text.split('.')
  return { n: BigInt(i + f), d: 10n ** BigInt(f.length) }
}
const same = (a: string, b: { n: bigint; d: bigint }) => {
  const x = exact(a)
  return x.n * b.d === b.n * x.d
}

const report = (durationMs: string, memoryMb = 128, init?: string) =>
  `REPORT RequestId: r Duration: ${durationMs} ms Billed Duration: 1 ms Memory Size: ${memoryMb} MB Max Memory Used: 60 MB` +
  (init === undefined ? '' : ` Init Duration: ${init} ms`)

describe('estimateFromReports: AWS documented REPORT lines', () => {
  // init-billing.log: 15.74 ms + 130.49 ms INIT at 128 MB (billed 147 ms), 250.06 ms + 100.77 ms INIT at 1,024 MB (351 ms).
  const sample = parseReports(fixture('init-billing.log'))

  it('bills ceil(duration + INIT) to 1 ms on the current sheet, scaled to 20 million requests', () => {
    const bill = estimateFromReports(sample, { sheet: 'aws-current', freeTier: false, monthlyRequests: 20_000_000 })
    // each logged invocation stands for 10,000,000 requests:
    // 10M x 0.147 s x 0.125 GB = 183,750 GB-s; 10M x 0.351 s x 1 GB = 3,510,000 GB-s
    expect(bill.totals.gbSeconds).toBe('3693750')
    expect(bill.totals.requestsPerMonth).toBe('20000000')
    // 3,693,750 GB-s x $0.0000166667 = $61.5626... -> $61.56; 20M x $0.20 / M = $4.00
    expect(bill.lines.map((l) => [l.kind, l.usd])).toEqual([
      ['requests', '4.00'],
      ['compute', '61.56'],
    ])
    expect(bill.totalUsd).toBe('65.56')
    expect(bill.functions.map((f) => [f.memoryMb, f.gbSeconds])).toEqual([
      [128, '183750'],
      [1024, '3510000'],
    ])
  })

  it('bills ceil100(duration) with INIT unbilled on the classic sheet', () => {
    const bill = estimateFromReports(sample, { sheet: 'aws-2016', freeTier: false, monthlyRequests: 20_000_000 })
    // 15.74 -> 100 ms, 250.06 -> 300 ms: 10M x 0.1 x 0.125 + 10M x 0.3 x 1 = 3,125,000 GB-s x $0.00001667 = $52.09375 -> $52.09
    expect(bill.totals.gbSeconds).toBe('3125000')
    expect(bill.totalUsd).toBe('56.09')
  })

  it('takes the log as the month without a volume', () => {
    const bill = estimateFromReports(sample, { sheet: 'aws-current' })
    expect(bill.totals.requestsPerMonth).toBe('2')
    // 0.147 x 0.125 + 0.351 x 1 = 0.369375 GB-s, all inside the free tier
    expect(bill.totals.gbSeconds).toBe('0.369375')
    expect(bill.totalCents).toBe(0)
  })

  it('says in the steps when the logged Billed Duration differs from today\u2019s rules', () => {
    // 2022 JSON record: 693.92 ms + 397.68 ms INIT, logged as 694 ms (INIT was not billed then); today 1,092 ms
    const json = parseReports(fixture('platform-report.jsonl'))
    const bill = estimateFromReports(json, { sheet: 'aws-current' })
    expect(calculationSteps(bill).text).toMatch(/logged Billed Duration differs on 1 of 2 invocations/)
    // 1,092 + 18 ms at 128 MB = 1,110 ms x 0.125 GB = 0.13875 GB-s
    expect(bill.totals.gbSeconds).toBe('0.13875')
    expect(calculationSteps(bill).text).not.toMatch(/NaN|undefined|Infinity/)
    const today = parseReports(fixture('init-billing.log'))
    expect(calculationSteps(estimateFromReports(today, { sheet: 'aws-current' })).text).not.toMatch(/differs/)
  })

  it('adds SnapStart\u2019s billed restore duration as logged', () => {
    const snap = parseReports(fixture('snapstart.log'))
    const bill = estimateFromReports(snap, { sheet: 'aws-current' })
    expect(calculationSteps(bill).text).toMatch(/Billed Restore Duration is added/)
  })
})

describe('estimateFromReports: rounding per invocation', () => {
  it('rounds each invocation to 1 ms on the current sheet and 100 ms on the classic one', () => {
    const s = parseReports([report('0.01'), report('100.01'), report('99.99')].join('\n'))
    // current: 1 + 101 + 100 = 202 ms; classic: 100 + 200 + 100 = 400 ms; at 0.125 GB
    expect(estimateFromReports(s, { sheet: 'aws-current' }).totals.gbSeconds).toBe('0.02525')
    expect(estimateFromReports(s, { sheet: 'aws-2016' }).totals.gbSeconds).toBe('0.05')
  })

  it('the issue\u2019s bimodal workload: $91.47 per invocation against $81.68 from the average (classic sheet, 128 MB, 200M requests)', () => {
    // 200 invocations: 100 of 1-3 ms, 53 of 95-100 ms, 47 of 100.01-105 ms.
    const cs = (x: number) => `${Math.floor(x / 100)}.${String(x % 100).padStart(2, '0')}`
    const fast = Array.from({ length: 100 }, (_, i) => 100 + Math.round((200 * i) / 99))
    const slowLow = Array.from({ length: 53 }, (_, j) => 9500 + Math.round((500 * j) / 52))
    const slowHigh = Array.from({ length: 47 }, (_, j) => 10001 + Math.round((499 * j) / 46))
    const all = [...fast, ...slowLow, ...slowHigh]
    expect(Math.min(...fast)).toBe(100)
    expect(Math.max(...fast)).toBe(300)
    expect(Math.max(...slowLow)).toBe(10000)
    expect(Math.min(...slowHigh)).toBe(10001)
    const sample = parseReports(all.map((x) => report(cs(x))).join('\n'))
    const opts = { sheet: 'aws-2016', freeTier: false, monthlyRequests: 200_000_000 } as const
    // By hand: 153 x 100 ms + 47 x 200 ms = 24,700 ms over 200 = 123.5 ms each;
    // 200M x 0.1235 s x 0.125 GB = 3,087,500 GB-s x $0.00001667 = $51.468625 -> $51.47; requests 200M x $0.20/M = $40.00
    const perInvocation = estimateFromReports(sample, opts)
    expect(perInvocation.totals.gbSeconds).toBe('3087500')
    expect(perInvocation.totalUsd).toBe('91.47')
    // From the average: the mean (about 51 ms) bills 100 ms: 2,500,000 GB-s x $0.00001667 = $41.675 -> $41.68
    const meanMs = all.reduce((a, b) => a + b, 0) / all.length / 100
    expect(meanMs).toBeGreaterThan(50)
    expect(meanMs).toBeLessThan(52)
    const fromAverage = estimate({ sheet: 'aws-2016', freeTier: false, functions: [{ memoryMb: 128, durationMs: meanMs, requests: 200_000_000 }] })
    expect(fromAverage.totalUsd).toBe('81.68')
    expect(calculationSteps(perInvocation).text).toMatch(/billing the average duration instead would give 20,000 ms/)
  })
})

describe('estimateFromReports: scaling and the same bill as estimate()', () => {
  it('scales to a volume that is not a multiple of the sample, exactly', () => {
    const s = parseReports([report('10.00'), report('20.00'), report('30.00')].join('\n'))
    // 60 ms over 3 invocations -> 1,000,000 requests: 20,000,000 ms x 0.125 GB / 1,000 = 2,500 GB-s
    const bill = estimateFromReports(s, { sheet: 'aws-current', monthlyRequests: 1_000_000 })
    expect(bill.totals.gbSeconds).toBe('2500')
    expect(bill.totals.requestsPerMonth).toBe('1000000')
  })

  it('gives estimate()\u2019s lines, free tier and total when every invocation is alike', () => {
    const s = parseReports(Array(4).fill(report('812.00', 1024)).join('\n'))
    for (const sheet of ['aws-2016', 'aws-current'] as const) {
      for (const freeTier of [true, false]) {
        const imported = estimateFromReports(s, { sheet, freeTier, monthlyRequests: 7_000_000_000 })
        const typed = estimate({ sheet, freeTier, functions: [{ memoryMb: 1024, durationMs: 812, requests: 7_000_000_000 }] })
        expect(imported.lines.map((l) => [l.label, l.quantity, l.usd])).toEqual(typed.lines.map((l) => [l.label, l.quantity, l.usd]))
        expect(imported.totalCents).toBe(typed.totalCents)
        expect(imported.freeTier).toEqual(typed.freeTier)
      }
    }
  })

  it('prices cold starts as estimate() does with the same share and INIT', () => {
    // 3 warm of 50 ms, 1 cold of 50 ms + 200 ms INIT: 25 % cold
    const s = parseReports([report('50.00'), report('50.00'), report('50.00'), report('50.00', 128, '200.00')].join('\n'))
    const imported = estimateFromReports(s, { sheet: 'aws-current', monthlyRequests: 40_000_000 })
    const typed = estimate({
      sheet: 'aws-current',
      functions: [{ memoryMb: 128, durationMs: 50, requests: 40_000_000, coldStartPercent: 25, initDurationMs: 200 }],
    })
    expect(imported.totalUsd).toBe(typed.totalUsd)
    expect(imported.totals.gbSeconds).toBe(typed.totals.gbSeconds)
    expect(imported.functions[0]!.coldRequestsPerMonth).toBe('10000000')
  })
})

describe('estimateFromReports: bad input', () => {
  it('names the problem: no invocations, a memory size the sheet does not allow, a negative volume', () => {
    const problems = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidInputError)
        return (e as InvalidInputError).problems.map((p) => p.path)
      }
      throw new Error('no error')
    }
    expect(problems(() => estimateFromReports(parseReports('START RequestId: x'), { sheet: 'aws-current' }))).toEqual(['sample'])
    expect(problems(() => estimateFromReports(parseReports(report('5.00', 4000)), { sheet: 'aws-2016' }))).toEqual(['sample.memorySizesMb'])
    expect(problems(() => estimateFromReports(parseReports(report('5.00')), { sheet: 'aws-current', monthlyRequests: -1 }))).toEqual([
      'monthlyRequests',
    ])
    expect(problems(() => estimateFromReports(parseReports(report('5.00')), { sheet: 'aws-2016', architecture: 'arm64' }))).toEqual(['architecture'])
    expect(problems(() => estimateFromReports(parseReports(report('5.00')), { sheet: 'aws-current', region: 'mars-1' }))).toEqual(['region'])
  })
})

describe('estimateFromReports: properties', () => {
  const inv = fc.record({
    durationCs: fc.integer({ min: 0, max: 5_000_000 }),
    initCs: fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: undefined }),
    memoryMb: fc.constantFrom(128, 512, 1024, 3008),
  })
  const cs = (x: number) => `${Math.floor(x / 100)}.${String(x % 100).padStart(2, '0')}`
  const text = (xs: { durationCs: number; initCs?: number; memoryMb: number }[]) =>
    xs.map((x) => report(cs(x.durationCs), x.memoryMb, x.initCs === undefined ? undefined : cs(x.initCs))).join('\n')
  const sheets = fc.constantFrom('aws-2016' as const, 'aws-current' as const)

  it('per-invocation billing is never below the logged duration (plus INIT where billed)', () => {
    fc.assert(
      fc.property(fc.array(inv, { minLength: 1, maxLength: 25 }), sheets, (xs, sheet) => {
        const bill = estimateFromReports(parseReports(text(xs)), { sheet })
        // used GB-s = sum (duration [+ init]) x MB / 1024 / 1000, in hundredths of a ms
        let usedN = 0n
        for (const x of xs) usedN += BigInt(x.durationCs + (sheet === 'aws-current' ? (x.initCs ?? 0) : 0)) * BigInt(x.memoryMb)
        const used = { n: usedN, d: 100n * 1_024_000n }
        const billed = exact(bill.totals.gbSeconds)
        expect(billed.n * used.d).toBeGreaterThanOrEqual(used.n * billed.d)
      }),
      { numRuns: 200 },
    )
  })

  it('scaling the volume by k multiplies the GB-s by k exactly', () => {
    fc.assert(
      fc.property(fc.array(inv, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 1_000_000 }), sheets, (xs, k, sheet) => {
        const s = parseReports(text(xs))
        const once = exact(estimateFromReports(s, { sheet }).totals.gbSeconds)
        const scaled = estimateFromReports(s, { sheet, monthlyRequests: k * xs.length }).totals.gbSeconds
        expect(same(scaled, { n: once.n * BigInt(k), d: once.d })).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
