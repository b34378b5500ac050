import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultMonthlyRequests, estimateFromReports, estimateRangeFromReports, parseInsights, parseReports } from '../../../src/engine/index'

/** One generated invocation: Duration and INIT in 10 µs steps (REPORT lines print 2 decimals). */
interface Call {
  fn: number
  memoryMb: number
  durationCs: number
  initCs: number | null
  usedMb: number
  atMs: number
}

const call: fc.Arbitrary<Omit<Call, 'atMs'> & { gapMs: number }> = fc.record({
  fn: fc.integer({ min: 0, max: 2 }),
  memoryMb: fc.constantFrom(128, 256, 1024),
  // mostly short calls, some across several 100 ms steps
  durationCs: fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 300_000 })),
  initCs: fc.option(fc.integer({ min: 5_000, max: 90_000 }), { freq: 8 }),
  usedMb: fc.integer({ min: 40, max: 120 }),
  gapMs: fc.integer({ min: 0, max: 5_000 }),
})

const two = (cs: number) => `${Math.floor(cs / 100)}.${String(cs % 100).padStart(2, '0')}`
/** Billed Duration as Lambda logs it since August 2025: Duration + INIT, rounded up to 1 ms. */
const billedOf = (c: Call) => Math.ceil((c.durationCs + (c.initCs ?? 0)) / 100)
const insightsTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '')

/** The REPORT lines of one function, as the console copies them. */
function rawLog(calls: Call[]): string {
  return calls
    .map(
      (c, i) =>
        `${new Date(c.atMs).toISOString()}\tREPORT RequestId: ${i.toString(16).padStart(8, '0')}-xmpl-4697-b07a-ac58fc914c95\tDuration: ${two(c.durationCs)} ms\tBilled Duration: ${billedOf(c)} ms\tMemory Size: ${c.memoryMb} MB\tMax Memory Used: ${c.usedMb} MB${
          c.initCs === null ? '' : `\tInit Duration: ${two(c.initCs)} ms`
        }\t`,
    )
    .join('\n')
}

/** What the shipped query returns for the same invocations: stats by function, memory, cold and billed duration (bucket width W). */
function insightsCsv(calls: Call[], bucketMs: number, aligned: boolean): string {
  const rows = new Map<
    string,
    {
      fn: string
      memoryMb: number
      cold: number
      billedMs: number
      n: number
      billed: number
      durCs: number
      initCs: number
      used: number
      first: number
      last: number
    }
  >()
  for (const c of calls) {
    const fn = `123456789012:/aws/lambda/fn-${c.fn}`
    // floor(b / W) * W, or the bucketed query's floor((b - 1) / W) * W + 1 (buckets within one 100 ms step)
    const billedMs = aligned ? Math.floor((billedOf(c) - 1) / bucketMs) * bucketMs + 1 : Math.floor(billedOf(c) / bucketMs) * bucketMs
    const key = `${fn}|${c.memoryMb}|${c.initCs === null ? 0 : 1}|${billedMs}`
    let r = rows.get(key)
    if (!r)
      rows.set(
        key,
        (r = {
          fn,
          memoryMb: c.memoryMb,
          cold: c.initCs === null ? 0 : 1,
          billedMs,
          n: 0,
          billed: 0,
          durCs: 0,
          initCs: 0,
          used: 0,
          first: Infinity,
          last: -Infinity,
        }),
      )
    r.n++
    r.billed += billedOf(c)
    r.durCs += c.durationCs
    r.initCs += c.initCs ?? 0
    r.used = Math.max(r.used, c.usedMb)
    r.first = Math.min(r.first, c.atMs)
    r.last = Math.max(r.last, c.atMs)
  }
  const lines = ['function,memoryMb,cold,billedMs,bucketMs,invocations,billedMsSum,durationMsSum,initMsSum,maxMemoryUsedMb,firstMs,lastMs']
  for (const r of rows.values())
    lines.push(
      [
        r.fn,
        r.memoryMb,
        r.cold,
        r.billedMs,
        bucketMs,
        r.n,
        r.billed,
        two(r.durCs),
        r.cold ? two(r.initCs) : '',
        r.used,
        insightsTime(r.first),
        insightsTime(r.last),
      ].join(','),
    )
  return lines.join('\r\n')
}

const log = fc.array(call, { minLength: 1, maxLength: 150 }).map((list) => {
  let t = Date.UTC(2026, 0, 5, 8, 0, 0)
  return list.map(({ gapMs, ...c }): Call => ({ ...c, atMs: (t += gapMs) }))
})

describe('one generated log, imported as REPORT lines and as its Logs Insights export', () => {
  it('bills every function the same to the cent (current sheet), and within the stated bounds on the classic sheet', () => {
    fc.assert(
      fc.property(log, fc.constantFrom(1, 10, 100), fc.boolean(), fc.boolean(), (calls, bucketMs, aligned, freeTier) => {
        const insights = parseInsights(insightsCsv(calls, bucketMs, aligned))
        expect(insights.problems).toEqual([])
        for (const { name, sample } of insights.functions) {
          const fnCalls = calls.filter((c) => `123456789012:/aws/lambda/fn-${c.fn}` === name)
          const raw = parseReports(rawLog(fnCalls))
          expect(raw.problems).toEqual([])
          expect([sample.invocations, sample.coldStarts]).toEqual([raw.invocations, raw.coldStarts])
          // scaled to a month from the same time span, as the panel starts
          expect(defaultMonthlyRequests(sample)).toBe(defaultMonthlyRequests(raw))
          const monthlyRequests = defaultMonthlyRequests(raw) * 1000
          const current = { sheet: 'aws-current' as const, freeTier, monthlyRequests }
          expect(estimateFromReports(sample, current).totalUsd).toBe(estimateFromReports(raw, current).totalUsd)
          const classic = { sheet: 'aws-2016' as const, freeTier, monthlyRequests }
          const fromRaw = estimateFromReports(raw, classic).totalCents
          const range = estimateRangeFromReports(sample, classic)
          expect(range.lower.totalCents).toBeLessThanOrEqual(fromRaw)
          expect(range.upper.totalCents).toBeGreaterThanOrEqual(fromRaw)
          // 1 ms rows of warm calls, and single cold calls, re-round exactly
          // (and so do buckets that keep within one 100 ms step)
          const exactRows = (bucketMs === 1 || aligned) && sample.aggregate!.rows.every((r) => !r.cold || r.invocations === 1)
          if (exactRows) expect(range.exact && range.lower.totalCents === fromRaw).toBe(true)
        }
      }),
      { numRuns: 60 },
    )
  })
})
