import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareBills,
  defaultMonthlyRequests,
  estimateRangeFromReports,
  parseInsights,
  parseReports,
  usageStats,
  type PriceSheetId,
  type ReportSample,
} from '../../src/engine/index'
import {
  decodeUsageLink,
  encodeUsageLink,
  importedDate,
  linkedFunctions,
  MAX_USAGE_LINK_CHARS,
  prepareUsageLink,
  type LinkedFunction,
  type UsageLinkSource,
  withMonthlyRequests,
} from '../../src/state/usage-link'

/** One generated invocation: Duration and INIT in 10 µs steps (REPORT lines print 2 decimals). */
interface Call {
  fn: number
  memoryMb: number
  durationCs: number
  initCs: number | null
  usedMb: number
  atMs: number
}

const call = fc.record({
  fn: fc.integer({ min: 0, max: 2 }),
  memoryMb: fc.constantFrom(128, 256, 1024),
  // mostly short calls, some across many 100 ms steps (so the histogram must be merged to fit)
  durationCs: fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 3_000_000 })),
  initCs: fc.option(fc.integer({ min: 5_000, max: 90_000 }), { freq: 6 }),
  usedMb: fc.integer({ min: 40, max: 120 }),
  gapMs: fc.integer({ min: 0, max: 5_000 }),
})

const log = fc.array(call, { minLength: 1, maxLength: 300 }).map((list) => {
  let t = Date.UTC(2026, 0, 5, 8, 0, 0)
  return list.map(({ gapMs, ...c }): Call => ({ ...c, atMs: (t += gapMs) }))
})

const two = (cs: number) => `${Math.floor(cs / 100)}.${String(cs % 100).padStart(2, '0')}`
const billedOf = (c: Call) => Math.ceil((c.durationCs + (c.initCs ?? 0)) / 100)

function rawLog(calls: Call[]): string {
  return calls
    .map(
      (c, i) =>
        `${new Date(c.atMs).toISOString()}\tREPORT RequestId: ${i.toString(16).padStart(8, '0')}-xmpl\tDuration: ${two(c.durationCs)} ms\tBilled Duration: ${billedOf(c)} ms\tMemory Size: ${c.memoryMb} MB\tMax Memory Used: ${c.usedMb} MB${
          c.initCs === null ? '' : `\tInit Duration: ${two(c.initCs)} ms`
        }`,
    )
    .join('\n')
}

/** The shipped query's export of the same calls, one row per exact Billed Duration. */
function insightsCsv(calls: Call[]): string {
  const rows = new Map<string, { fn: string; m: number; cold: number; b: number; n: number; sum: number; dur: number; init: number; used: number }>()
  for (const c of calls) {
    const fn = `/aws/lambda/fn-${c.fn}`
    const key = `${fn}|${c.memoryMb}|${c.initCs === null ? 0 : 1}|${billedOf(c)}`
    let r = rows.get(key)
    if (!r) rows.set(key, (r = { fn, m: c.memoryMb, cold: c.initCs === null ? 0 : 1, b: billedOf(c), n: 0, sum: 0, dur: 0, init: 0, used: 0 }))
    r.n++
    r.sum += billedOf(c)
    r.dur += c.durationCs
    r.init += c.initCs ?? 0
    r.used = Math.max(r.used, c.usedMb)
  }
  const lines = ['function,memoryMb,cold,billedMs,bucketMs,invocations,billedMsSum,durationMsSum,initMsSum,maxMemoryUsedMb']
  for (const r of rows.values()) lines.push([r.fn, r.m, r.cold, r.b, 1, r.n, r.sum, two(r.dur), r.cold ? two(r.init) : '', r.used].join(','))
  return lines.join('\n')
}

function rawSource(calls: Call[]): UsageLinkSource {
  const sample = parseReports(rawLog(calls))
  return { source: 'report.log', sample, stats: usageStats(sample) }
}

function insightsSource(calls: Call[]): UsageLinkSource {
  const parsed = parseInsights(insightsCsv(calls))
  const functions = parsed.functions.map((f) => ({ name: f.name, sample: f.sample, stats: usageStats(f.sample) }))
  return { source: 'logs-insights-results.csv', sample: functions[0]!.sample, stats: functions[0]!.stats, functions }
}

function roundTrip(source: UsageLinkSource, budget: number) {
  const encoded = encodeUsageLink(prepareUsageLink(source, Date.UTC(2026, 11, 5, 9, 30)), budget)
  if (!encoded) return null
  const decoded = decodeUsageLink(encoded.value)
  if (!('data' in decoded)) throw new Error(decoded.problem.message)
  return { encoded, data: decoded.data, functions: linkedFunctions(decoded.data) }
}

const sampleFor = (f: LinkedFunction, sheet: PriceSheetId): ReportSample => (sheet === 'aws-2016' && f.classicSample) || f.sample

describe('imported usage in a link (iu=)', () => {
  it('bills the same to the cent on both sheets when the form says exact, within its bounds when not, and always fits the budget', () => {
    fc.assert(
      fc.property(log, fc.boolean(), fc.integer({ min: 150, max: 1800 }), fc.boolean(), (calls, insights, budget, freeTier) => {
        const source = insights ? insightsSource(calls) : rawSource(calls)
        const trip = roundTrip(source, budget)
        if (!trip) return
        expect(trip.encoded.value.length).toBeLessThanOrEqual(budget)
        const originals = source.functions ?? [{ name: '', sample: source.sample, stats: source.stats }]
        expect(trip.functions.map((f) => f.name)).toEqual(originals.map((f) => f.name))
        originals.forEach((original, i) => {
          const linked = trip.functions[i]!
          expect([linked.sample.invocations, linked.sample.coldStarts]).toEqual([original.sample.invocations, original.sample.coldStarts])
          // the panel starts at the same monthly volume: same count, same time span
          expect(defaultMonthlyRequests(linked.sample)).toBe(defaultMonthlyRequests(original.sample))
          const monthlyRequests = defaultMonthlyRequests(original.sample) * 997
          for (const sheet of ['aws-current', 'aws-2016'] as const) {
            const choice = { sheet, freeTier, monthlyRequests }
            const before = estimateRangeFromReports(original.sample, choice)
            const after = estimateRangeFromReports(sampleFor(linked, sheet), choice)
            if (sheet === 'aws-current' || !trip.encoded.approximate) {
              expect([after.lower.totalUsd, after.upper.totalUsd]).toEqual([before.lower.totalUsd, before.upper.totalUsd])
              // the bill from the average is the same too: the exact sums of Duration and INIT are kept
              expect(compareBills(sampleFor(linked, sheet), choice).fromAverage.totalUsd).toBe(
                compareBills(original.sample, choice).fromAverage.totalUsd,
              )
            } else {
              expect(after.lower.totalCents).toBeLessThanOrEqual(before.lower.totalCents)
              expect(after.upper.totalCents).toBeGreaterThanOrEqual(before.upper.totalCents)
            }
          }
          // what the panel shows beside the bill, as it was shown, unless the link had to leave it out
          expect(linked.statsRedrawn).toBe(trip.encoded.statsDropped)
          if (!trip.encoded.statsDropped) expect(linked.stats).toEqual({ ...original.stats, timeSpan: original.sample.timeSpan })
        })
      }),
      { numRuns: 60 },
    )
  })

  it('AWS’s sample REPORT line: 15.74 ms + 130.49 ms INIT at 128 MB bills $0.51 a million on the current sheet and $0.41 on the classic one', () => {
    // Hand-worked, free tier off, 1,000,000 requests (AWS Lambda docs' REPORT example):
    // current: ceil(15.74 + 130.49) = 147 ms; 147,000 s x 0.125 GB = 18,375 GB-s x $0.0000166667 = $0.306250... -> $0.31; requests $0.20 -> $0.51
    // classic: ceil100(15.74) = 100 ms; 100,000 s x 0.125 GB = 12,500 GB-s x $0.00001667 = $0.208375 -> $0.21; requests $0.20 -> $0.41
    const sample = parseReports(
      'REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95 Duration: 15.74 ms Billed Duration: 147 ms Memory Size: 128 MB Max Memory Used: 56 MB Init Duration: 130.49 ms',
    )
    const trip = roundTrip({ source: 'pasted text', sample, stats: usageStats(sample) }, 1800)!
    expect(trip.encoded.approximate).toBe(false)
    expect(importedDate(trip.data)).toBe('2026-12-05')
    expect(trip.data.source).toBe('pasted text')
    const [f] = trip.functions
    const bill = (sheet: PriceSheetId) => estimateRangeFromReports(sampleFor(f!, sheet), { sheet, freeTier: false, monthlyRequests: 1_000_000 })
    expect(bill('aws-current').lower.totalUsd).toBe('0.51')
    expect(bill('aws-2016')).toMatchObject({ exact: true, lower: { totalUsd: '0.41' } })
    expect(f!.stats.coldStarts).toBe(1)
    // the requests a month typed in the panel travel with it
    const withVolume = encodeUsageLink(withMonthlyRequests(trip.data, { '': 1_000_000 }), 1800)!
    const reread = decodeUsageLink(withVolume.value)
    expect('data' in reread && linkedFunctions(reread.data)[0]!.monthlyRequests).toBe(1_000_000)
    expect(f!.monthlyRequests).toBeNull()
  })

  it('keeps both sheets exact by merging within 100 ms steps before anything else', () => {
    // 2,000 warm calls of 1 to 2,000 ms: 2,000 distinct billed durations cannot fit one by one
    const lines = Array.from(
      { length: 2000 },
      (_, i) => `REPORT RequestId: r${i} Duration: ${i + 0.5} ms Billed Duration: ${i + 1} ms Memory Size: 512 MB Max Memory Used: 80 MB`,
    )
    const sample = parseReports(lines.join('\n'))
    const trip = roundTrip({ source: 'big.log', sample, stats: usageStats(sample) }, 1500)!
    expect(trip.encoded.value.length).toBeLessThanOrEqual(1500)
    expect(trip.encoded.approximate).toBe(false)
    for (const sheet of ['aws-current', 'aws-2016'] as const) {
      const choice = { sheet, freeTier: false, monthlyRequests: 5e8 }
      expect(estimateRangeFromReports(sampleFor(trip.functions[0]!, sheet), choice).lower.totalUsd).toBe(
        estimateRangeFromReports(sample, choice).lower.totalUsd,
      )
    }
  })

  it('says when no form fits: too many functions for the budget', () => {
    const calls: Call[] = Array.from({ length: 90 }, (_, i) => ({ fn: i, memoryMb: 128, durationCs: 1000 + i, initCs: null, usedMb: 60, atMs: 0 }))
    const csv = insightsCsv(calls).replace(/fn-(\d+)/g, 'a-rather-long-function-name-$1')
    const parsed = parseInsights(csv)
    const functions = parsed.functions.map((f) => ({ name: f.name, sample: f.sample, stats: usageStats(f.sample) }))
    const data = prepareUsageLink({ source: 'x.csv', sample: functions[0]!.sample, stats: functions[0]!.stats, functions }, 0)
    expect(encodeUsageLink(data, 1800)).toBeNull()
  })

  describe('hostile values are named problems, never a crash', () => {
    const good = roundTrip(rawSource([{ fn: 0, memoryMb: 128, durationCs: 1234, initCs: 20000, usedMb: 50, atMs: 0 }]), 1800)!.encoded.value
    const cases: [string, unknown, RegExp][] = [
      ['truncated', good.slice(0, good.length - 5), /^iu=.*cannot be read/],
      ['cut after the heading', good.split('*')[0], /holds no function/],
      ['a newer version', `9${good.slice(1)}`, /newer version \(9\)/],
      ['no version', `x${good.slice(1)}`, /does not start with a version/],
      ['a huge count', good.replace(/_([0-9a-z]+)-1-/, '_$1-zzzzzzzzzzzzz-'), /count of invocations .* more than/],
      ['a negative number', good.replace(/\*\.0\./, '*.-1.'), /cannot be read/],
      ['non-numeric', good.replace(/\*\.0\./, '*.x!.'), /not a whole number/],
      ['1.5 MB', 'a'.repeat(1_500_000), /over 1,000,000 characters/],
      ['not a string', 42, /cannot be read/],
      ['empty', '', /does not start with a version/],
      ['__proto__', '1..__proto__.0*', /cannot be read/],
    ]
    it.each(cases)('%s', (_, value, message) => {
      const result = decodeUsageLink(value)
      expect('problem' in result).toBe(true)
      if ('problem' in result) {
        expect(result.problem.message).toMatch(message)
        expect(result.problem.message.length).toBeLessThan(400)
      }
    })
    it('the good value reads', () => {
      expect('data' in decodeUsageLink(good)).toBe(true)
      expect(good.length).toBeLessThan(MAX_USAGE_LINK_CHARS)
    })
  })
})
