import fc from 'fast-check'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { estimate, type EstimateInput } from '../../src/engine/index'
import { calculationMarkdown, estimateCsv, estimateJson, type ExportSource } from '../../src/state/export'

// The lines of the services beside Lambda in the exports, to the cent, on a case worked by hand.
// Prices: us-east-1, ../shared/docs/pricing.md section 10 (AWS Price List for CloudWatch, API Gateway,
// Elastic Load Balancing and data transfer) and the Lambda pricing page; units KB = 1,024 bytes, GB = 2^30 bytes.
// No free tier, so no allowance of any service applies.
//
// "api": 128 MB, 100 ms, 10,000,000 requests a month; JSON logs (819 bytes of Lambda's own lines) + 205 bytes of
// its own = 1,024 bytes an invocation, kept 12 months; an HTTP API with 600 KB requests; 100 KB responses.
// "web": 256 MB, 50 ms, 7,300,000 requests a month (10,000 an hour) behind an ALB; 1,024 KB responses.
//
// Requests: 17,300,000 x $0.0000002 = $3.46.
// Compute: 10,000,000 x 0.1 s x 0.125 GB + 7,300,000 x 0.05 s x 0.25 GB = 125,000 + 91,250 = 216,250 GB-s
//   x $0.0000166667 = $3.604173875 -> $3.60.
// Logs ingested: 10,000,000 x 1,024 bytes = 10,240,000,000 bytes = 10^7 / 2^20 = 9.5367431640625 GB (all in the
//   first 10 TB tier) x $0.50 = $4.76837158203125 -> $4.77.
// Logs stored: 9.5367431640625 GB x 0.15 (compressed) x 12 months = 17.1661376953125 GB-months x $0.03
//   = $0.514984130859375 -> $0.51.
// HTTP API: each 600 KB request is ceil(600 / 512) = 2 units of 512 KB: 20,000,000 units (under the 300M tier)
//   x $1.00 per million = $20.00.
// ALB hours: 730 x $0.0225 = $16.425 -> $16.43 (half-up).
// ALB LCUs: an average hour has 10,000 requests = 2.78 new connections a second / 25 = 0.11 LCU, and
//   10,000 x 1,024 KB = 9.765625 GB processed / 0.4 GB = 24.4140625 LCU: the bytes set it. 24.4140625 x 730 hours
//   = 17,822.265625 LCU-hours x $0.008 = $142.578125 -> $142.58.
// Data out: 10,000,000 x 100 KB = 953.67431640625 GB + 7,300,000 x 1,024 KB = 7,128.90625 GB = 8,082.58056640625 GB
//   (under the first 10,240 GB) x $0.09 = $727.4322509765625 -> $727.43.
// Total: 3.46 + 3.60 + 4.77 + 0.51 + 20.00 + 16.43 + 142.58 + 727.43 = $918.78.
// Shares: api 10/17.3 of requests ($2.00), 125,000/216,250 of compute ($2.08), the logs ($5.28), the HTTP API
//   ($20.00), 953.67.../8,082.58... of data out ($85.83): $115.19; web the rest: $1.46 + $1.52 + $16.43 + $142.58
//   + $641.60 = $803.59.
// Subtotals by service, as the page's bill groups the lines, each with its part of the $918.78 (91,878 cents) to a
// tenth of a per cent, half-up:
//   AWS Lambda: 3.46 + 3.60 = $7.06; 706 / 91,878 = 0.768 % -> 0.8 %.
//   CloudWatch Logs: 4.77 + 0.51 = $5.28; 528 / 91,878 = 0.575 % -> 0.6 %.
//   API Gateway / ALB: 20.00 + 16.43 + 142.58 = $179.01; 17,901 / 91,878 = 19.483 % -> 19.5 %.
//   Data transfer out: $727.43; 72,743 / 91,878 = 79.173 % -> 79.2 %.
//   7.06 + 5.28 + 179.01 + 727.43 = $918.78, the total, as are the functions' 115.19 + 803.59. (The rounded
//   shares add up to 100.1 %: each is rounded on its own.)
const INPUT: EstimateInput = {
  sheet: 'aws-current',
  freeTier: false,
  functions: [
    {
      name: 'api',
      memoryMb: 128,
      durationMs: 100,
      requests: 10_000_000,
      logFormat: 'json',
      appLogBytesPerInvocation: 205,
      logRetentionMonths: 12,
      frontDoor: 'http-api',
      requestKb: 600,
      responseKb: 100,
    },
    { name: 'web', memoryMb: 256, durationMs: 50, requests: 7_300_000, frontDoor: 'alb', responseKb: 1024 },
  ],
}
const LINK = 'https://calc.example/?v=2&p=current'
const source = (): ExportSource => ({ estimate: estimate(INPUT), input: INPUT, link: LINK })

describe('the services beside Lambda in the exports', () => {
  it('CSV: a row per line with its exact quantity, unit price, exact amount and amount to the cent; the shares sum to the total', () => {
    const rows = estimateCsv(source()).split('\r\n')
    const bill = rows.filter((r) => r.startsWith('Bill line,') || r.startsWith('Total,'))
    expect(bill).toEqual([
      'Bill line,Requests,17300000,requests,0.0000002,3.46,3.46,',
      'Bill line,"Compute (x86_64), first 6 billion GB-s",216250,GB-s,0.0000166667,3.604173875,3.60,',
      'Bill line,"CloudWatch Logs ingested (Standard), first 10,240 GB",9.5367431640625,GB,0.50,4.76837158203125,4.77,',
      'Bill line,CloudWatch Logs stored,17.1661376953125,GB-months,0.03,0.514984130859375,0.51,',
      'Bill line,"HTTP API requests (512 KB units), first 300,000,000 requests",20000000,requests,0.000001,20,20.00,',
      'Bill line,ALB hours,730,hours,0.0225,16.425,16.43,',
      'Bill line,ALB LCU-hours (bytes),17822.265625,LCU-hours,0.008,142.578125,142.58,',
      'Bill line,"Data out to the internet, first 10,240 GB",8082.58056640625,GB,0.09,727.4322509765625,727.43,',
      'Total,Monthly total,,,,,918.78,Sum of the rounded lines',
    ])
    // Each service's lines, then its subtotal with its part of the total, in the page's order.
    expect(rows.filter((r) => /^(Bill line|Subtotal|Total),/.test(r)).map((r) => (r.startsWith('Bill line,') ? 'line' : r))).toEqual([
      'line',
      'line',
      'Subtotal,AWS Lambda,,,,,7.06,0.8 % of the bill',
      'line',
      'line',
      'Subtotal,CloudWatch Logs,,,,,5.28,0.6 % of the bill',
      'line',
      'line',
      'line',
      'Subtotal,API Gateway / ALB,,,,,179.01,19.5 % of the bill',
      'line',
      'Subtotal,Data transfer out,,,,,727.43,79.2 % of the bill',
      'Total,Monthly total,,,,,918.78,Sum of the rounded lines',
    ])
    const functions = rows.filter((r) => r.startsWith('Function,')).map((r) => r.split(',').slice(0, 7).join(','))
    expect(functions).toEqual(['Function,api,10000000,requests,,,115.19', 'Function,web,7300000,requests,,,803.59'])
  })

  it('Markdown: the bill table has the same lines, grouped figures, and the total', () => {
    const md = calculationMarkdown(source())
    const table = md.slice(md.indexOf('## Bill'), md.indexOf('## Functions')).trim().split('\n').slice(2)
    expect(table).toEqual([
      '| Line | Billable | Unit price | Amount |',
      '| :-- | --: | --: | --: |',
      '| Requests | 17,300,000 requests | $0.0000002 | $3.46 |',
      '| Compute (x86_64), first 6 billion GB-s | 216,250 GB-s | $0.0000166667 | $3.60 |',
      '| _AWS Lambda subtotal (0.8 % of the bill)_ |  |  | _$7.06_ |',
      '| CloudWatch Logs ingested (Standard), first 10,240 GB | 9.5367431640625 GB | $0.50 | $4.77 |',
      '| CloudWatch Logs stored | 17.1661376953125 GB-months | $0.03 | $0.51 |',
      '| _CloudWatch Logs subtotal (0.6 % of the bill)_ |  |  | _$5.28_ |',
      '| HTTP API requests (512 KB units), first 300,000,000 requests | 20,000,000 requests | $0.000001 | $20.00 |',
      '| ALB hours | 730 hours | $0.0225 | $16.43 |',
      '| ALB LCU-hours (bytes) | 17,822.265625 LCU-hours | $0.008 | $142.58 |',
      '| _API Gateway / ALB subtotal (19.5 % of the bill)_ |  |  | _$179.01_ |',
      '| Data out to the internet, first 10,240 GB | 8,082.58056640625 GB | $0.09 | $727.43 |',
      '| _Data transfer out subtotal (79.2 % of the bill)_ |  |  | _$727.43_ |',
      '| **Total** (sum of the rounded lines) |  |  | **$918.78** |',
    ])
    expect(md).toContain('- Monthly total: **$918.78**')
    expect(md).toMatch(/\| api \|[^\n]*\| \$115\.19 \|\n\| web \|[^\n]*\| \$803\.59 \|/)
  })

  it('a REST API and data out past the first tiers: each tier its own line, to the cent', () => {
    // 128 MB, 1 ms, 400,000,000 REST requests of 0 KB with 30 KB responses, no free tier.
    // REST: 333,000,000 x $3.50 per million = $1,165.50; the next 67,000,000 x $2.80 per million = $187.60.
    // Data out: 400,000,000 x 30 KB = 12,000,000,000 KB = 11,444.091796875 GB: 10,240 x $0.09 = $921.60,
    //   then 1,204.091796875 x $0.085 = $102.347802734375 -> $102.35.
    const input: EstimateInput = {
      sheet: 'aws-current',
      freeTier: false,
      functions: [{ memoryMb: 128, durationMs: 1, requests: 400_000_000, frontDoor: 'rest-api', responseKb: 30 }],
    }
    const rows = estimateCsv({ estimate: estimate(input), input, link: LINK }).split('\r\n')
    const beside = rows.filter((r) => /^Bill line,"?(REST|Data out)/.test(r)).map((r) => r.split(',').slice(-4).join(','))
    expect(beside).toEqual(['0.0000035,1165.5,1165.50,', '0.0000028,187.6,187.60,', '0.09,921.6,921.60,', '0.085,102.347802734375,102.35,'])
  })

  it('JSON: the same subtotals as data beside the lines, each naming its lines by place', () => {
    const parsed = JSON.parse(estimateJson(source(), new Date(Date.UTC(2026, 11, 5))))
    expect(parsed.estimate.totalUsd).toBe('918.78')
    expect(parsed.estimate.lines).toHaveLength(8)
    expect(parsed.estimate.serviceSubtotals).toEqual([
      { service: 'lambda', label: 'AWS Lambda', usd: '7.06', percent: '0.8', lineIndexes: [0, 1] },
      { service: 'logs', label: 'CloudWatch Logs', usd: '5.28', percent: '0.6', lineIndexes: [2, 3] },
      { service: 'api', label: 'API Gateway / ALB', usd: '179.01', percent: '19.5', lineIndexes: [4, 5, 6] },
      { service: 'dataOut', label: 'Data transfer out', usd: '727.43', percent: '79.2', lineIndexes: [7] },
    ])
  })

  it('Markdown: GitHub shows each subtotal row as a row of the bill table, in italics', () => {
    const html = micromark(calculationMarkdown(source()), { extensions: [gfm()], htmlExtensions: [gfmHtml()] })
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'))
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]))
    // A header, eight lines, four subtotals and the total, four cells each.
    expect(rows).toHaveLength(14)
    expect(rows.every((r) => r.length === 4)).toBe(true)
    expect(rows.filter((r) => r[0]!.includes('subtotal'))).toEqual([
      ['<em>AWS Lambda subtotal (0.8 % of the bill)</em>', '', '', '<em>$7.06</em>'],
      ['<em>CloudWatch Logs subtotal (0.6 % of the bill)</em>', '', '', '<em>$5.28</em>'],
      ['<em>API Gateway / ALB subtotal (19.5 % of the bill)</em>', '', '', '<em>$179.01</em>'],
      ['<em>Data transfer out subtotal (79.2 % of the bill)</em>', '', '', '<em>$727.43</em>'],
    ])
  })

  it('a service too small for a tenth of a per cent says "<0.1 %", and Lambda beside it rounds to 100.0 %', () => {
    // 10,240 MB (10 GB), 10 s, 1,000,000 requests a month with 1 KB responses, us-east-1, no free tier.
    // Requests: 1,000,000 x $0.0000002 = $0.20. Compute: 1,000,000 x 10 s x 10 GB = 100,000,000 GB-s
    //   x $0.0000166667 = $1,666.67. AWS Lambda: $1,666.87.
    // Data out: 1,000,000 KB = 0.95367431640625 GB x $0.09 = $0.0858306884765625 -> $0.09.
    // Total $1,666.96 (166,696 cents): Lambda 166,687 / 166,696 = 99.9946 % -> 100.0 %; data out 9 / 166,696
    //   = 0.0054 %, under 0.05 %: "<0.1", never "0.0" for something billed.
    const input: EstimateInput = {
      sheet: 'aws-current',
      freeTier: false,
      functions: [{ memoryMb: 10_240, durationMs: 10_000, requests: 1_000_000, responseKb: 1 }],
    }
    const src: ExportSource = { estimate: estimate(input), input, link: LINK }
    const rows = estimateCsv(src).split('\r\n')
    expect(rows.filter((r) => /^(Subtotal|Total),/.test(r))).toEqual([
      'Subtotal,AWS Lambda,,,,,1666.87,100.0 % of the bill',
      'Subtotal,Data transfer out,,,,,0.09,<0.1 % of the bill',
      'Total,Monthly total,,,,,1666.96,Sum of the rounded lines',
    ])
    const md = calculationMarkdown(src)
    expect(md).toContain('| _AWS Lambda subtotal (100.0 % of the bill)_ |  |  | _$1,666.87_ |')
    expect(md).toContain('| _Data transfer out subtotal (\\<0.1 % of the bill)_ |  |  | _$0.09_ |')
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })
    expect(html).toContain('<td align="left"><em>Data transfer out subtotal (&lt;0.1 % of the bill)</em></td>')
  })

  it('a bill of Lambda alone has no subtotal, as on the page; its JSON has the one service at 100.0 %', () => {
    // AWS's classic pricing example 1 (https://aws.amazon.com/lambda/pricing/, 2016): 512 MB, 3M requests of 1 s,
    // free tier on: requests $0.40 + compute $18.34 = $18.74, all Lambda's.
    const input: EstimateInput = { sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }
    const src: ExportSource = { estimate: estimate(input), input, link: LINK }
    const rows = estimateCsv(src).split('\r\n')
    expect(rows.filter((r) => /^(Bill line|Subtotal|Total),/.test(r)).map((r) => r.split(',')[0])).toEqual(['Bill line', 'Bill line', 'Total'])
    const md = calculationMarkdown(src)
    expect(md).not.toContain('subtotal')
    expect(md).toContain('| Compute (x86_64) | 1,100,000 GB-s | $0.00001667 | $18.34 |\n| **Total** (sum of the rounded lines) |  |  | **$18.74** |')
    expect(JSON.parse(estimateJson(src)).estimate.serviceSubtotals).toEqual([
      { service: 'lambda', label: 'AWS Lambda', usd: '18.74', percent: '100.0', lineIndexes: [0, 1] },
    ])
  })
})

/** A CSV record's fields (RFC 4180 quoting), written here apart from the code under test. */
function csvFields(record: string): string[] {
  const out: string[] = []
  for (const m of record.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
    const f = m[1]!
    out.push(f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f)
  }
  return out
}

/** Whole cents of "1666.87" (two places), exactly. */
const cents = (usd: string): bigint => BigInt(usd.replace('.', ''))

describe('the subtotals by service on any bill', () => {
  const fn = fc.record(
    {
      name: fc.constantFrom('api', 'a|b', '_x_', '@team'),
      memoryMb: fc.constantFrom(128, 512, 1769, 10_240),
      durationMs: fc.integer({ min: 1, max: 5000 }),
      requests: fc.integer({ min: 0, max: 50_000_000 }),
      architecture: fc.constantFrom('x86_64', 'arm64'),
      logFormat: fc.constantFrom('off', 'text', 'json'),
      frontDoor: fc.constantFrom('none', 'function-url', 'http-api', 'rest-api', 'alb'),
      responseKb: fc.integer({ min: 0, max: 2048 }),
    },
    { requiredKeys: ['memoryMb', 'durationMs', 'requests'] },
  )
  const input = fc.record({
    sheet: fc.constant('aws-current' as const),
    freeTier: fc.boolean(),
    functions: fc.array(fn, { minLength: 1, maxLength: 3 }),
  }) as fc.Arbitrary<EstimateInput>

  it("follow each service's lines, add up to the total to the cent as the functions' shares do, and match the Markdown", () => {
    fc.assert(
      fc.property(input, (inp) => {
        const e = estimate(inp)
        const src: ExportSource = { estimate: e, input: inp, link: LINK }
        const records = estimateCsv(src).split('\r\n').map(csvFields)
        const bill = records.filter((r) => r[0] === 'Bill line' || r[0] === 'Subtotal')
        // Every line, in the bill's order; each subtotal the sum of the lines since the one before.
        expect(bill.filter((r) => r[0] === 'Bill line').map((r) => r[1])).toEqual(e.lines.map((l) => l.label))
        const subtotals = bill.filter((r) => r[0] === 'Subtotal')
        let since = 0n
        for (const r of bill) {
          if (r[0] === 'Bill line') since += cents(r[6]!)
          else (expect(cents(r[6]!)).toBe(since), (since = 0n))
        }
        const total = cents(records.find((r) => r[0] === 'Total')![6]!)
        const functions = records.filter((r) => r[0] === 'Function').map((r) => cents(r[6]!))
        expect(functions.reduce((a, b) => a + b, 0n)).toBe(total)
        if (subtotals.length === 0) {
          // Lambda alone: no subtotal, as on the page.
          expect(e.lines.every((l) => !/^(CloudWatch|HTTP API|REST API|Function URL|ALB|Data out)/.test(l.label))).toBe(true)
        } else {
          expect(subtotals.length).toBeGreaterThan(1)
          expect(subtotals[0]![1]).toBe('AWS Lambda')
          expect(subtotals.reduce((sum, r) => sum + cents(r[6]!), 0n)).toBe(total)
          expect(bill.at(-1)![0]).toBe('Subtotal')
        }
        const md = calculationMarkdown(src)
        const mdSubtotals = [...md.matchAll(/^\| _(.+) subtotal \((.+) % of the bill\)_ \|  \|  \| _\$([\d,.]+)_ \|$/gm)].map((m) => [
          m[1],
          m[2]!.replace('\\<', '<'),
          m[3]!.replace(/,/g, ''),
        ])
        expect(mdSubtotals).toEqual(subtotals.map((r) => [r[1], r[7]!.replace(' % of the bill', ''), r[6]]))
      }),
      { numRuns: 60 },
    )
  })
})
