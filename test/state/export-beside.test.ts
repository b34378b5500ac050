import { describe, expect, it } from 'vitest'
import { estimate, type EstimateInput } from '../../src/engine/index'
import { calculationMarkdown, estimateCsv, type ExportSource } from '../../src/state/export'

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
      '| CloudWatch Logs ingested (Standard), first 10,240 GB | 9.5367431640625 GB | $0.50 | $4.77 |',
      '| CloudWatch Logs stored | 17.1661376953125 GB-months | $0.03 | $0.51 |',
      '| HTTP API requests (512 KB units), first 300,000,000 requests | 20,000,000 requests | $0.000001 | $20.00 |',
      '| ALB hours | 730 hours | $0.0225 | $16.43 |',
      '| ALB LCU-hours (bytes) | 17,822.265625 LCU-hours | $0.008 | $142.58 |',
      '| Data out to the internet, first 10,240 GB | 8,082.58056640625 GB | $0.09 | $727.43 |',
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
})
