import { describe, expect, it } from 'vitest'
import { calculationSteps, estimate, estimateTotal, validateInput, type EstimateInput, type FunctionInput } from '../../src/engine/index'

// The API in front of a function and data out (pricing-next.md 5; AWS Price List for API
// Gateway, us-east-1, effective 2025-07-01): REST $3.50 / $2.80 / $2.38 / $1.51 per million
// at 333M / 1B / 20B; HTTP $1.00 per million to 300M, then $0.90, in 512 KB units; WebSocket
// $1.00 per million messages (32 KB units) to 1B, then $0.80, connection minutes $0.25 per
// million; free tier for new accounts 1M REST, 1M HTTP, 1M messages, 750,000 minutes. ALB
// $0.0225 an hour, $0.008 per LCU-hour (25 new connections a second or 0.4 GB an hour for
// Lambda targets). Data out $0.09 / $0.085 / $0.07 / $0.05 per GB at 10 / 50 / 150 TB after
// 100 GB free. KB = 1,024 bytes, GB = 2^30 bytes.

const input = (functions: FunctionInput[], extra: Partial<EstimateInput> = {}): EstimateInput => ({
  sheet: 'aws-current',
  region: 'us-east-1',
  freeTier: false,
  functions,
  ...extra,
})
const fn = (f: Partial<FunctionInput>): FunctionInput => ({ memoryMb: 128, durationMs: 1, requests: 1_000_000, ...f })
const centsOf = (bill: ReturnType<typeof estimate>, kind: string) => bill.lines.filter((l) => l.kind === kind).map((l) => l.cents)

describe('the API in front', () => {
  it('REST: 333M requests are all first bracket ($1,165.50); one million more at $2.80', () => {
    expect(centsOf(estimate(input([fn({ requests: 333_000_000, frontDoor: 'rest-api' })])), 'api-rest')).toEqual([116_550])
    expect(centsOf(estimate(input([fn({ requests: 334_000_000, frontDoor: 'rest-api' })])), 'api-rest')).toEqual([116_550, 280])
  })

  it('HTTP: 512 KB units count toward the 300M bracket; the brackets are the account’s', () => {
    // 600 KB = 2 units: 150M requests = 300M units, $300.00; 151M = 302M units: + 2M x $0.90 = $1.80.
    expect(centsOf(estimate(input([fn({ requests: 150_000_000, frontDoor: 'http-api', requestKb: 600 })])), 'api-http')).toEqual([30_000])
    expect(centsOf(estimate(input([fn({ requests: 151_000_000, frontDoor: 'http-api', requestKb: 600 })])), 'api-http')).toEqual([30_000, 180])
    // Two functions of 200M requests (1 unit each): 300M x $1.00 + 100M x $0.90 = $390.00, $195.00 of it each.
    const two = estimate(
      input([fn({ requests: 200_000_000, frontDoor: 'http-api' }), fn({ requests: 200_000_000, frontDoor: 'http-api', requestKb: 512 })]),
    )
    expect(centsOf(two, 'api-http')).toEqual([30_000, 9_000])
    expect(two.functions[0]!.cents + two.functions[1]!.cents).toBe(two.totalCents)
    // Equal use of every line: equal shares, an odd cent of a line to the first.
    expect(two.functions[0]!.cents - two.functions[1]!.cents).toBeGreaterThanOrEqual(0)
    expect(two.functions[0]!.cents - two.functions[1]!.cents).toBeLessThanOrEqual(two.lines.length)
  })

  it('WebSocket: 32 KB messages and connection minutes, with the free tier of a new account', () => {
    // 1M requests of 33 KB = 2M messages: $2.00; 10M connection minutes: $2.50.
    const ws = fn({ frontDoor: 'websocket', requestKb: 33, connectionMinutes: 10_000_000 })
    const bill = estimate(input([ws]))
    expect(centsOf(bill, 'api-websocket-messages')).toEqual([200])
    expect(centsOf(bill, 'api-websocket-minutes')).toEqual([250])
    expect(bill.assumptions.join(' ')).toContain('WebSocket messages sent back to clients are not counted.')
    // Free tier: 1M messages free, $1.00; 750,000 minutes free, 9,250,000 x $0.00000025 = $2.3125 -> $2.31.
    const free = estimate(input([ws], { apiGatewayFreeTier: true }))
    expect(centsOf(free, 'api-websocket-messages')).toEqual([100])
    expect(centsOf(free, 'api-websocket-minutes')).toEqual([231])
    // It leaves Lambda's own free tier as it is (off here).
    expect(free.lines.filter((l) => !l.kind.startsWith('api')).map((l) => l.cents)).toEqual(
      bill.lines.filter((l) => !l.kind.startsWith('api')).map((l) => l.cents),
    )
  })

  it('ALB: one load balancer for the region, its LCUs from the larger dimension, shared by the functions behind it', () => {
    // 60M + 30M requests of 1 KB in and out: 90M / 90,000 = 1,000 LCU-hours of new connections (bytes: 171.66... GB x 2.5 = 429.15...):
    // 1,000 x $0.008 = $8.00; 730 hours x $0.0225 = $16.425 -> $16.43, once for both, split 2 : 1 by requests (10.95... and 5.47...).
    const a = fn({ requests: 60_000_000, frontDoor: 'alb', requestKb: 1, responseKb: 1 })
    const b = fn({ requests: 30_000_000, frontDoor: 'alb', requestKb: 1, responseKb: 1 })
    const bill = estimate(input([a, b]))
    expect(centsOf(bill, 'alb-hours')).toEqual([1643])
    expect(bill.lines.find((l) => l.kind === 'alb-hours')!.quantity).toBe('730')
    expect(bill.lines.filter((l) => l.kind === 'alb-lcu').map((l) => [l.label, l.cents])).toEqual([['ALB LCU-hours (connections)', 800]])
    expect(bill.functions[0]!.cents + bill.functions[1]!.cents).toBe(bill.totalCents)
    // 9M requests of 50 + 50 KB: 858.30... GB x 2.5 = 2,145.76... LCU-hours (connections: 100): x $0.008 = $17.166... -> $17.17.
    const heavy = estimate(input([fn({ requests: 9_000_000, frontDoor: 'alb', requestKb: 50, responseKb: 50 })]))
    expect(heavy.lines.filter((l) => l.kind === 'alb-lcu').map((l) => [l.label, l.cents])).toEqual([['ALB LCU-hours (bytes)', 1717]])
    // No requests: the load balancer still runs all month.
    expect(centsOf(estimate(input([fn({ requests: 0, frontDoor: 'alb' })])), 'alb-hours')).toEqual([1643])
  })

  it('an idle load balancer is paid for by the functions behind it, not by the others in the account', () => {
    // No request reaches the ALB, so its $16.43 cannot be split by requests: it falls on the ALB
    // functions alone, equally (the odd cent to the first), never on the REST function or the one
    // without a front door. REST: 1M x $3.50/M = $3.50; requests 2M x $0.20/M = $0.40, $0.20 each.
    const bill = estimate(
      input([
        fn({ requests: 0, frontDoor: 'alb' }),
        fn({ requests: 1_000_000, frontDoor: 'rest-api' }),
        fn({ requests: 0, frontDoor: 'alb' }),
        fn({ requests: 1_000_000 }),
      ]),
    )
    expect(centsOf(bill, 'alb-hours')).toEqual([1643])
    expect(bill.functions.map((f) => f.cents)).toEqual([822, 350 + 20, 821, 20])
  })

  it('a function URL bills nothing more; it is a problem where it is not available and with tenant isolation', () => {
    const plain = fn({})
    expect(estimate(input([{ ...plain, frontDoor: 'function-url', requestKb: 10 }])).lines).toEqual(estimate(input([plain])).lines)
    expect(validateInput(input([{ ...plain, frontDoor: 'function-url' }], { region: 'me-central-1' }))).toEqual([
      {
        path: 'functions.0.frontDoor',
        message:
          'Function URLs are not available in me-central-1; got function-url. Choose an API Gateway API or a load balancer, or another region.',
      },
    ])
    expect(validateInput(input([{ ...plain, frontDoor: 'function-url', tenantIsolation: true }]))[0]!.message).toContain(
      'A function URL cannot invoke a function with tenant isolation',
    )
    expect(validateInput(input([{ ...plain, frontDoor: 'grpc' as never }]))[0]!.message).toBe(
      'Front door must be none, function-url, http-api, rest-api, websocket or alb; got "grpc".',
    )
    expect(validateInput({ ...input([plain]), apiGatewayFreeTier: 'yes' } as never)).toEqual([
      { path: 'apiGatewayFreeTier', message: 'API Gateway free tier must be true or false; got "yes".' },
    ])
  })

  it('off (none) prices nothing, whatever the sizes and minutes say; the fast path gives the exact lines', () => {
    const plain = fn({ memoryMb: 1024, durationMs: 87.5, requests: 12_345_678 })
    expect(estimate(input([{ ...plain, frontDoor: 'none', requestKb: 40, connectionMinutes: 99 }])).lines).toEqual(estimate(input([plain])).lines)
    for (const door of ['http-api', 'rest-api', 'websocket', 'alb'] as const) {
      for (const apiGatewayFreeTier of [false, true]) {
        const i = input(
          [
            { ...plain, frontDoor: door, requestKb: 40.5, responseKb: 3, connectionMinutes: 1234 },
            { ...plain, frontDoor: door },
          ],
          {
            freeTier: true,
            apiGatewayFreeTier,
          },
        )
        const exact = estimate(i)
        expect(estimateTotal(i).lines).toEqual(exact.lines.map((l) => expect.objectContaining({ kind: l.kind, cents: l.cents })))
      }
    }
  })
})

describe('data out', () => {
  it('100 GB a month free for the account, then $0.09 per GB', () => {
    // 10M responses of 100 KB = 953.67... GB; 853.67... x $0.09 = $76.83.
    const bill = estimate(input([fn({ requests: 10_000_000, responseKb: 100 })], { freeTier: true }))
    expect(centsOf(bill, 'data-out')).toEqual([7683])
    expect(calculationSteps(bill).text).toContain('10,000,000 responses x 100 KB / 1,048,576 KB in a GB = 953.674316… GB out to the internet')
  })

  it('the 10 TB bracket counts the GB after the free 100', () => {
    // 2^20 responses x 10,240 KB = 10,240 GB: $921.60 without the free tier; 10,140 GB with it, $912.60.
    const ten = fn({ requests: 1_048_576, responseKb: 10_240 })
    expect(centsOf(estimate(input([ten])), 'data-out')).toEqual([92_160])
    expect(centsOf(estimate(input([ten], { freeTier: true })), 'data-out')).toEqual([91_260])
    // 10,440 GB, 10,340 after the free 100: 10,240 x $0.09 + 100 x $0.085 = $921.60 + $8.50.
    expect(centsOf(estimate(input([{ ...ten, responseKb: 10_440 }], { freeTier: true })), 'data-out')).toEqual([92_160, 850])
  })
})
