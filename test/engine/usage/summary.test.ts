import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { billedGbSeconds, parseReports, scaleBilledUsage, scaledGbSeconds, summarizeBilledUsage } from '../../../src/engine/index'

/** One invocation as a REPORT line; durations in hundredths of a ms, as the console prints them. */
const invocation = fc.record({
  durationCs: fc.integer({ min: 0, max: 90_000_000 }),
  initCs: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
  memoryMb: fc.constantFrom(128, 129, 512, 1769, 3008, 10_240),
})
type Invocation = typeof invocation extends fc.Arbitrary<infer T> ? T : never

const ms = (cs: number) => `${Math.floor(cs / 100)}.${String(cs % 100).padStart(2, '0')}`
const line = (x: Invocation) =>
  `REPORT RequestId: r Duration: ${ms(x.durationCs)} ms Billed Duration: 1 ms Memory Size: ${x.memoryMb} MB Max Memory Used: 60 MB` +
  (x.initCs === undefined ? '' : ` Init Duration: ${ms(x.initCs)} ms`)
const rules = fc.constantFrom({ granularityMs: 1, billInit: true }, { granularityMs: 100, billInit: false }, { granularityMs: 1, billInit: false })
const runs = { numRuns: 300 }

describe('billed usage from a sample', () => {
  it('never bills an invocation less than its duration (plus INIT when billed), nor a full granule more', () => {
    fc.assert(
      fc.property(invocation, rules, (x, r) => {
        const billedMs = summarizeBilledUsage(parseReports(line(x)), r).billedMs
        const usedCs = BigInt(x.durationCs + (r.billInit ? (x.initCs ?? 0) : 0))
        expect(billedMs * 100n).toBeGreaterThanOrEqual(usedCs)
        expect(billedMs * 100n - usedCs).toBeLessThan(BigInt(r.granularityMs) * 100n)
        expect(billedMs % BigInt(r.granularityMs)).toBe(0n)
      }),
      runs,
    )
  })

  it('billing the average is off by less than one granule per invocation, either way, with warm invocations', () => {
    fc.assert(
      fc.property(fc.array(invocation, { minLength: 1, maxLength: 30 }), rules, (xs, r) => {
        const warm = xs.map((x) => ({ ...x, initCs: undefined }))
        const s = summarizeBilledUsage(parseReports(warm.map(line).join('\n')), r)
        // sum(x) <= sum(ceil x) < sum(x) + n g, and sum(x) <= n ceil(mean) < sum(x) + n g
        for (const m of s.byMemory) {
          const ng = BigInt(m.invocations) * BigInt(r.granularityMs)
          expect(m.billedMs + ng).toBeGreaterThan(m.billedMsFromAverage)
          expect(m.billedMsFromAverage + ng).toBeGreaterThan(m.billedMs)
          expect(m.billedMsFromAverage * 1000n).toBeGreaterThanOrEqual(m.durationUs)
        }
        expect(s.invocations).toBe(xs.length)
      }),
      runs,
    )
  })

  it('scaling a sample k times multiplies its GB-s by k exactly, by repetition and by scaleBilledUsage', () => {
    fc.assert(
      fc.property(fc.array(invocation, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 7 }), rules, (xs, k, r) => {
        const text = xs.map(line).join('\n')
        const once = summarizeBilledUsage(parseReports(text), r)
        const repeated = summarizeBilledUsage(parseReports(Array(k).fill(text).join('\n')), r)
        const g1 = billedGbSeconds(once)
        const gk = billedGbSeconds(repeated)
        expect(gk.n * g1.d).toBe(BigInt(k) * g1.n * gk.d)
        expect(repeated.coldInvocations).toBe(k * once.coldInvocations)
        const scaled = scaledGbSeconds(scaleBilledUsage(once, { n: BigInt(k), d: 1n }))
        expect(scaled.n * g1.d).toBe(BigInt(k) * g1.n * scaled.d)
      }),
      runs,
    )
  })

  it('scales to a monthly volume with a fractional factor exactly', () => {
    // one invocation: 147 ms x 128 MB / 1,024,000 = 0.018375 GB-s
    const s = summarizeBilledUsage(
      parseReports(
        'REPORT RequestId: a Duration: 15.74 ms Billed Duration: 147 ms Memory Size: 128 MB Max Memory Used: 56 MB Init Duration: 130.49 ms',
      ),
      { granularityMs: 1, billInit: true },
    )
    const one = billedGbSeconds(s)
    expect(one.n * 1_000_000n).toBe(18_375n * one.d)
    // 3,000,000 requests a month: 55,125 GB-s
    const month = scaledGbSeconds(scaleBilledUsage(s, { n: 3_000_000n, d: 1n }))
    expect(month.n).toBe(55_125n * month.d)
    // a per-day rate of 1/3 of an invocation: 0.006125 GB-s
    const third = scaledGbSeconds(scaleBilledUsage(s, { n: 1n, d: 3n }))
    expect(third.n * 1_000_000n).toBe(6_125n * third.d)
  })

  it('refuses a granularity that is not a whole number of ms', () => {
    expect(() => summarizeBilledUsage(parseReports(''), { granularityMs: 0.5, billInit: true })).toThrow(
      /granularityMs must be a whole number of ms from 1 to 1000, not 0.5/,
    )
  })

  it('sums an empty sample to zero', () => {
    expect(summarizeBilledUsage(parseReports('no reports here'), { granularityMs: 1, billInit: true })).toMatchObject({
      invocations: 0,
      billedMs: 0n,
      billedMsFromAverage: 0n,
      byMemory: [],
    })
  })
})
