import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  calculationSteps,
  compareBills,
  defaultMonthlyRequests,
  estimateFromReports,
  estimateRangeFromReports,
  INSIGHTS_QUERY_JSON,
  INSIGHTS_QUERY_TEXT,
  INSIGHTS_QUERY_TEXT_BUCKETS,
  isInsightsExport,
  parseInsights,
  rightSize,
  usageStats,
} from '../../../src/engine/index'

const fixture = (name: string) => readFileSync(resolve(__dirname, '../../fixtures/usage', name), 'utf8')
const HEADER = 'function,memoryMb,cold,billedMs,invocations,billedMsSum,durationMsSum,initMsSum,maxMemoryUsedMb'

describe('parseInsights: the export layout of insights-stats.csv and .json', () => {
  for (const name of ['insights-stats.csv', 'insights-stats.json']) {
    it(`reads ${name}: two functions, their invocations, cold starts, memory and span`, () => {
      const text = fixture(name)
      expect(isInsightsExport(text)).toBe(true)
      const r = parseInsights(text)
      expect(r.problems).toEqual([])
      expect(r.format).toBe(name.endsWith('.csv') ? 'csv' : 'json')
      expect(r.functions.map((f) => f.name)).toEqual(['123456789012:/aws/lambda/orders', '123456789012:/aws/lambda/thumbnails'])
      const [orders, thumbs] = r.functions.map((f) => f.sample)
      if (!orders || !thumbs) throw new Error('two functions expected')
      // orders: 2 + 1 + 1 invocations, the last one cold
      expect([orders.invocations, orders.coldStarts, orders.memorySizesMb, orders.maxMemoryUsedByMemoryMb]).toEqual([4, 1, [128], [81]])
      expect(orders.timeSpan).toEqual({ firstMs: Date.UTC(2023, 2, 4, 7, 38, 52, 235), lastMs: Date.UTC(2023, 2, 4, 7, 45, 0, 0) })
      // 4 invocations in 367.765 s -> 4 x 2,628,000 s / 367.765 s = 28,583.47 a 730-hour month
      expect(defaultMonthlyRequests(orders)).toBe(28_583)
      expect([thumbs.invocations, thumbs.coldStarts, thumbs.memorySizesMb, thumbs.maxMemoryUsedByMemoryMb]).toEqual([6, 0, [1024], [512]])
    })
  }

  it('bills orders on the current sheet from billedMsSum, INIT not added again', () => {
    const orders = parseInsights(fixture('insights-stats.csv')).functions[0]!.sample
    const bill = estimateFromReports(orders, { sheet: 'aws-current', freeTier: false, monthlyRequests: 100_000_000 })
    // 6 + 871 + 1,395 = 2,272 ms for 4 invocations; each stands for 25,000,000 requests:
    // 2,272 ms x 25M = 56,800,000 s x 0.125 GB = 7,100,000 GB-s x $0.0000166667 = $118.33357 -> $118.33
    // 100M requests x $0.20 / M = $20.00 (AWS Lambda pricing page, us-east-1)
    expect(bill.totals.gbSeconds).toBe('7100000')
    expect(bill.lines.map((l) => [l.kind, l.usd])).toEqual([
      ['requests', '20.00'],
      ['compute', '118.33'],
    ])
    expect(bill.totalUsd).toBe('138.33')
  })

  it('re-rounds 1 ms rows to 100 ms on the classic sheet, exactly', () => {
    const orders = parseInsights(fixture('insights-stats.csv')).functions[0]!.sample
    const range = estimateRangeFromReports(orders, { sheet: 'aws-2016', freeTier: false, monthlyRequests: 100_000_000 })
    // warm 3 ms x 2 -> 200 ms; 871 -> 900; the cold one ran 966.4 ms (INIT unbilled) -> 1,000: 2,100 ms
    // 2,100 x 25M ms = 52,500,000 s x 0.125 GB = 6,562,500 GB-s x $0.00001667 = $109.396875 -> $109.40; + $20.00
    expect(range.exact).toBe(true)
    expect(range.reason).toBeNull()
    expect(range.lower.totals.gbSeconds).toBe('6562500')
    expect(range.lower.totalUsd).toBe('129.40')
  })

  it('reads E notation and quoted names exactly (thumbnails: 600 + 4,002 ms at 1,024 MB)', () => {
    const thumbs = parseInsights(fixture('insights-stats.csv')).functions[1]!.sample
    const current = estimateFromReports(thumbs, { sheet: 'aws-current', freeTier: false, monthlyRequests: 6_000_000 })
    // 4,602 ms x 1,000,000 = 4,602,000 s x 1 GB x $0.0000166667 = $76.7001534 -> $76.70; 6M x $0.20 / M = $1.20
    expect(current.totals.gbSeconds).toBe('4602000')
    expect(current.totalUsd).toBe('77.90')
    const classic = estimateRangeFromReports(thumbs, { sheet: 'aws-2016', freeTier: false, monthlyRequests: 6_000_000 })
    // 4 x 200 + 2 x 2,100 = 5,000 ms -> 5,000,000 GB-s x $0.00001667 = $83.35; + $1.20
    expect(classic.exact).toBe(true)
    expect(classic.lower.totalUsd).toBe('84.55')
  })

  it('shows the cold-start, histogram and right-sizing figures from the rows', () => {
    const orders = parseInsights(fixture('insights-stats.csv')).functions[0]!.sample
    const stats = usageStats(orders)
    // mean Duration (4.1 + 870.2 + 966.4) / 4 = 460.175 -> 460.18 ms; mean INIT 428.6 ms over 1 cold start
    expect(stats.durationMs.mean).toBe(460.18)
    expect(stats.initMs).toEqual({ mean: 428.6, p50: null, max: null })
    // Billed Durations 3, 3, 871, 1,395: median 3, largest 1,395
    expect([stats.durationMs.p50, stats.durationMs.max]).toEqual([3, 1395])
    expect(stats.histogram.bins.reduce((s, b) => s + b.count, 0)).toBe(4)
    // 81 MB used at most: 20 % headroom -> 97.2 MB -> the sheet's smallest, 128 MB, already in use
    const sizing = rightSize(orders, { sheet: 'aws-current', freeTier: false, monthlyRequests: 100_000_000 })
    expect(sizing?.suggestedMb).toBe(128)
    expect(sizing?.ifDurationHeld?.totalUsd).toBe('138.33')
    const cmp = compareBills(orders, { sheet: 'aws-current', freeTier: false, monthlyRequests: 100_000_000 })
    expect(cmp.perInvocation.totalUsd).toBe('138.33')
  })
})

describe('parseInsights: buckets wider than 1 ms', () => {
  // 10 warm invocations billed 100-109 ms, 1,045 ms in all: at least 5 of them above 100 ms (45 ms over 9 ms each at most)
  const text = `${HEADER},bucketMs\n/aws/lambda/f,128,0,100,10,1045,1040,,60,10\n`

  it('bills the exact sum on the current sheet', () => {
    const s = parseInsights(text).functions[0]!.sample
    const bill = estimateFromReports(s, { sheet: 'aws-current', freeTier: false })
    // 1,045 ms x 0.125 GB / 1,000 = 0.130625 GB-s
    expect(bill.totals.gbSeconds).toBe('0.130625')
  })

  it('gives the classic sheet as bounds, with the reason', () => {
    const s = parseInsights(text).functions[0]!.sample
    const range = estimateRangeFromReports(s, { sheet: 'aws-2016', freeTier: false, monthlyRequests: 1_000_000_000 })
    // least: 5 at 100 ms and 5 at 101-109 ms -> 5 x 100 + 5 x 200 = 1,500 ms; most: all ten at 101+ ms (1,010 <= 1,045) -> 2,000 ms
    // x 100,000,000 requests each, 0.125 GB: 18,750,000 and 25,000,000 GB-s x $0.00001667 = $312.5625 -> $312.56 and $416.75
    expect(range.exact).toBe(false)
    expect(range.lower.totals.gbSeconds).toBe('18750000')
    expect(range.upper.totals.gbSeconds).toBe('25000000')
    // + 1,000M requests x $0.20 / M = $200.00
    expect([range.lower.totalUsd, range.upper.totalUsd]).toEqual(['512.56', '616.75'])
    expect(range.reason).toMatch(/crosses a 100 ms billing step/)
    expect(calculationSteps(range.lower).text).toMatch(/bill at least 1,500 ms and at most 2,000 ms/)
    expect(calculationSteps(range.upper).text).toMatch(/bill at most 2,000 ms/)
  })

  it('is exact on the classic sheet when every bucket lies within one 100 ms step', () => {
    const aligned = `${HEADER},bucketMs\n/aws/lambda/f,128,0,101,10,1045,1040,,60,10\n`
    const range = estimateRangeFromReports(parseInsights(aligned).functions[0]!.sample, { sheet: 'aws-2016', freeTier: false })
    expect(range.exact).toBe(true)
    // 10 x 200 ms x 0.125 GB = 0.25 GB-s
    expect(range.lower.totals.gbSeconds).toBe('0.25')
  })
})

describe('parseInsights: rows that cannot be read', () => {
  it('names each bad row by its line and counts the rest', () => {
    const text = [
      HEADER,
      '/aws/lambda/a,128,0,10,2,20,19,,50',
      '/aws/lambda/a,122.0703125,0,10,2,20,19,,50',
      '/aws/lambda/a,128,0,10,2,25,19,,50',
      '/aws/lambda/a,128,maybe,10,2,20,19,,50',
      '"/aws/lambda/a,128,0,10,2,20,19,,50',
      '/aws/lambda/a,128,0,10,3,30,29,,50',
    ].join('\r\n')
    const r = parseInsights(text)
    expect(r.functions[0]!.sample.invocations).toBe(5)
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5, 6])
    expect(r.problems[0]!.message).toMatch(/divide @memorySize by 1,000,000/)
    expect(r.problems[1]!.message).toMatch(/billedMsSum 25 ms does not fit 2 invocations billed 10 ms each/)
    expect(r.problems[2]!.message).toMatch(/cold is "maybe"/)
    expect(r.problems[3]!.message).toMatch(/quoted field is not closed/)
  })

  it('says which columns are missing', () => {
    const r = parseInsights('function,memoryMb,invocations\n/aws/lambda/a,128,3')
    expect(r.functions).toEqual([])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.line).toBe(1)
    expect(r.problems[0]!.message).toMatch(/no cold, billedMs, billedMsSum, durationMsSum, initMsSum, maxMemoryUsedMb columns/)
  })

  it('names a truncated JSON record by the line it starts on', () => {
    const r = parseInsights(fixture('insights-stats.json').slice(0, 700))
    expect(r.functions[0]!.sample.invocations).toBe(2)
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.line).toBe(14)
  })

  it('refuses out-of-range timestamps and invocations longer than Lambda runs', () => {
    const text = `${HEADER},firstMs,lastMs\n/aws/lambda/a,128,0,10,1,10,9,,50,9999999999999999,\n/aws/lambda/a,128,0,950000,1,950000,949999,,50,,\n/aws/lambda/a,128,0,10,1,10,9,,50,2023-02-31 00:00:00.000,`
    const r = parseInsights(text)
    expect(r.functions).toEqual([])
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4])
    expect(r.problems[1]!.message).toMatch(/billedMs is "950000": billed duration \(ms\) must be a whole number from 0 to 910,000/)
  })
})

describe('the shipped queries', () => {
  const readme = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8')
  /** The columns a Logs Insights query returns: its `by` fields, then its `stats` aliases. */
  const columnsOf = (query: string) => {
    const stats = /\| stats ([\s\S]*?)\n\s*by ([^\n]*)/.exec(query)!
    const aliases = [...stats[1]!.matchAll(/ as (\w+)/g)].map((m) => m[1]!)
    return [...stats[2]!.split(',').map((s) => s.trim()), ...aliases].sort()
  }

  it.each([
    ['text', INSIGHTS_QUERY_TEXT, 'insights-stats.csv', []],
    ['JSON', INSIGHTS_QUERY_JSON, 'insights-stats.json', []],
    ['bucketed text', INSIGHTS_QUERY_TEXT_BUCKETS, 'insights-stats.csv', ['bucketMs']],
  ])('the %s-format query is in the README word for word, and returns the columns of its fixture', (_, query, file, extra) => {
    expect(readme).toContain(query)
    const text = fixture(file)
    const header = file.endsWith('.csv') ? text.split('\r\n')[0]!.split(',') : [...new Set([...text.matchAll(/"(\w+)":/g)].map((m) => m[1]!))]
    expect(columnsOf(query)).toEqual([...header, ...extra].sort())
  })

  it('divides memory by 1,000,000 (decimal bytes) in the text-format query', () => {
    expect(INSIGHTS_QUERY_TEXT).toContain('@memorySize / 1000000 as memoryMb')
    expect(INSIGHTS_QUERY_TEXT).toContain('max(@maxMemoryUsed / 1000000) as maxMemoryUsedMb')
    expect(INSIGHTS_QUERY_TEXT).not.toMatch(/1048576|1024 \* 1024/)
  })
})

describe('parseInsights: a cold start logged before INIT was billed', () => {
  it('bills it as logged on the current sheet and says INIT is left out', () => {
    // AWS's REPORT example as logged before August 2025: Duration 15.74 ms, Init Duration 130.49 ms, Billed Duration 16 ms
    const text = `${HEADER}\n/aws/lambda/f,128,1,16,1,16,15.74,130.49,56\n/aws/lambda/f,128,0,20,1,20,19.5,,56`
    const s = parseInsights(text).functions[0]!.sample
    const bill = estimateFromReports(s, { sheet: 'aws-current', freeTier: false })
    // 16 + 20 = 36 ms x 0.125 GB / 1,000 = 0.0045 GB-s: billed from billedMsSum, INIT not added
    expect(bill.totals.gbSeconds).toBe('0.0045')
    expect(bill.imported?.summary.byMemory[0]!.loggedWithoutInit).toBe(1)
    expect(calculationSteps(bill).text).toMatch(
      /1 cold invocation was logged without INIT in Billed Duration \(before 1 August 2025\): billed as logged/,
    )
  })
})
