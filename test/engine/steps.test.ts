import { describe, expect, it } from 'vitest'
import { calculationSteps, estimate, type EstimateInput } from '../../src/engine/index'

// The AWS Pricing Calculator's "Show calculations" for 1 request a minute,
// 2,000 ms, 128 MB, x86, no free tier (transcript in the pricing notes).
const transcriptInput = {
  sheet: 'aws-current' as const,
  freeTier: false,
  functions: [{ memoryMb: 128, durationMs: 2000, requests: 1, per: 'minute' as const }],
}

describe('show calculations', () => {
  it('walks through the same figures as the AWS Pricing Calculator transcript', () => {
    const text = calculationSteps(estimate(transcriptInput)).text
    expect(text).toContain('1 per minute x (60 minutes in an hour x 730 hours in a month) = 43,800 per month')
    expect(text).toContain('128 MB x 0.0009765625 GB in a MB = 0.125 GB')
    expect(text).toContain('512 MB x 0.0009765625 GB in a MB = 0.5 GB')
    expect(text).toContain('43,800 requests x 2,000 ms x 0.001 ms to sec conversion factor = 87,600 total compute (seconds)')
    expect(text).toContain('0.125 GB x 87,600 seconds = 10,950 total compute (GB-s)')
    expect(text).toContain('10,950 GB-s x 0.0000166667 USD = 0.182500365 USD, rounded to 0.18 USD')
    expect(text).toContain('43,800 requests x 0.0000002 USD = 0.00876 USD, rounded to 0.01 USD')
    expect(text).toContain('0.01 USD + 0.18 USD = 0.19 USD')
  })

  it('shows the free tier with Max(x, 0), as AWS does', () => {
    const text = calculationSteps(
      estimate({ sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 4, requests: 1_000_000, per: 'hour' }] }),
    ).text
    expect(text).toContain('365,000 GB-s - 400,000 free tier GB-s = -35,000 GB-s')
    expect(text).toContain('Max (-35,000 GB-s, 0) = 0 total billable GB-s')
    expect(text).toContain('730,000,000 requests - 1,000,000 free tier requests = 729,000,000 requests')
  })

  it('names the shared free tier order as an assumption when both architectures are used', () => {
    const bill = estimate({
      sheet: 'aws-current',
      functions: [
        { name: 'api', memoryMb: 1024, durationMs: 100, requests: 1_000_000 },
        { name: 'worker', memoryMb: 1024, durationMs: 100, requests: 1_000_000, architecture: 'arm64' },
      ],
    })
    const assumptions = calculationSteps(bill).sections.find((s) => s.title === 'Assumptions')
    expect(assumptions?.lines[0]).toMatchObject({ note: 'assumption' })
    expect(assumptions?.lines[0]?.text).toMatch(/x86_64 usage first, then arm64/)
    expect(calculationSteps(bill).text).toContain('worker: Billed duration: 100 ms')
  })

  it('names the caveats of the region that apply to the estimate, and only those', () => {
    const osaka = estimate({ sheet: 'aws-current', region: 'ap-northeast-3', functions: [{ memoryMb: 128, durationMs: 10, requests: 1 }] })
    expect(osaka.assumptions.join(' ')).toMatch(/ap-northeast-3 are contested/)
    // arm64 provisioned concurrency is not used: its caveat is not named.
    expect(osaka.assumptions.join(' ')).not.toMatch(/arm64 provisioned/)
    const capeTown = estimate({ sheet: 'aws-current', region: 'af-south-1', functions: [{ memoryMb: 128, durationMs: 10, requests: 1 }] })
    expect(capeTown.assumptions).toContain(
      'In af-south-1, whose base rate differs from us-east-1\u2019s, the price brackets above the first are assumed equal to the first (our sources publish no others), which probably overcharges usage above 6 billion x86_64 or 7.5 billion arm64 GB-s a month.',
    )
    const virginia = estimate({ sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 10, requests: 1 }] })
    expect(virginia.assumptions).toEqual([])
  })

  it('shows provisioned concurrency: 5-minute rounding, GB-s, and utilisation against the break-even', () => {
    const bill = estimate({
      sheet: 'aws-current',
      freeTier: false,
      functions: [{ memoryMb: 4096, durationMs: 280, requests: 2_000_000, provisionedConcurrency: 7, provisionedHours: 24 }],
    })
    const text = calculationSteps(bill).text
    expect(text).toContain('24 hours x 60 minutes / 5 minutes = 288 periods, rounded up to 288 x 300 seconds = 86,400 seconds')
    expect(text).toContain('7 provisioned environments x 4 GB x 86,400 seconds = 2,419,200 GB-s of provisioned concurrency (x86_64)')
    // 560,000 s of work / 604,800 s enabled = 92.59 %; on demand 2,240,000 x 0.0000166667 = 37.333408
    // against 10.08008064 + 21.777728 = 31.85780864: saves 5.47559936
    expect(text).toContain('busy 92.6 % of the time (break-even about 60 %): provisioned concurrency saves 5.48 USD')
  })

  it('says when on demand would be cheaper than lightly used provisioned environments', () => {
    // 100 environments x 8 h serving 500,000 x 0.1 s = 50,000 s of 2,880,000: 1.7 %
    const bill = estimate({
      sheet: 'aws-current',
      functions: [{ memoryMb: 1536, durationMs: 100, requests: 500_000, provisionedConcurrency: 100, provisionedHours: 8 }],
    })
    // on demand 75,000 GB-s x 0.0000166667 = 1.2500025; PC 18.000144 + 0.729165 = 18.729309: 17.4793065 less
    expect(calculationSteps(bill).text).toContain('busy 1.7 % of the time (break-even about 60 %): on demand would cost 17.48 USD less')
    expect(bill.assumptions.join(' ')).toMatch(/never provisioned concurrency or its duration/)
  })

  it('shows cold and warm invocations and their billed durations', () => {
    const text = calculationSteps(
      estimate({
        sheet: 'aws-current',
        freeTier: false,
        functions: [{ memoryMb: 1024, durationMs: 15.74, requests: 1_000_000, coldStartPercent: 1, initDurationMs: 130.49 }],
      }),
    ).text
    expect(text).toContain('1,000,000 requests x 1 % = 10,000 cold invocations; 1,000,000 - 10,000 = 990,000 warm invocations')
    // 15.74 + 130.49 = 146.23 -> 147 ms (AWS REPORT example)
    expect(text).toContain('15.74 ms + 130.49 ms INIT = 146.23 ms, summed first and rounded up once to the next 1 ms = 147 ms')
    // 990,000 x 16 + 10,000 x 147 = 15,840,000 + 1,470,000 = 17,310,000 ms
    expect(text).toContain('990,000 warm requests x 16 ms + 10,000 cold requests x 147 ms = 17,310,000 ms')
  })

  it('every estimate says which price sheet it used', () => {
    const bill = estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 128, durationMs: 10, requests: 1 }] })
    expect(bill.sheet).toMatchObject({ id: 'aws-2016', granularityMs: 100, effectiveDate: expect.any(String), checkedDate: expect.any(String) })
    expect(bill.sheet.sources.length).toBeGreaterThan(0)
  })
})

describe('each meter explains itself, from the meter table', () => {
  // 1 GB x 2 GB storage for 1,000,000 requests of 1,000 ms: 1.5 GB billable x 1,000,000 s = 1,500,000 GB-s.
  const input = {
    sheet: 'aws-current' as const,
    freeTier: false,
    functions: [
      { name: 'big-disk', memoryMb: 1024, durationMs: 1000, requests: 1_000_000, ephemeralStorageMb: 2048 },
      { name: 'java', memoryMb: 512, durationMs: 100, requests: 1000, snapStart: 'java' as const, coldStartPercent: 2, initDurationMs: 300 },
    ],
  }
  const steps = calculationSteps(estimate(input))
  const section = (title: string) => steps.sections.find((s) => s.title === title)?.lines.map((l) => l.text) ?? []

  it('explains storage only for the function that pays for it', () => {
    expect(section('Ephemeral storage')).toEqual([
      'big-disk: 2 GB - 0.5 GB (no additional charge) = 1.5 GB billable ephemeral storage x 1,000,000 seconds (INIT and provisioned invocations included) = 1,500,000 GB-s',
    ])
  })

  it('says that SnapStart for Java bills its restore as duration, in the compute it belongs to', () => {
    expect(section('Compute')).toContain(
      'java: SnapStart for Java: no cache or restore charge; the restore time is billed as duration on cold invocations.',
    )
    expect(section('SnapStart')).toEqual([])
  })

  it('prices the lines in the bill’s order, each with its label', () => {
    const charges = section('Charges')
    // 1,001,000 requests x $0.0000002 = $0.2002
    expect(charges[0]).toBe('Requests: 1,001,000 requests x 0.0000002 USD = 0.2002 USD, rounded to 0.20 USD (monthly request charges)')
    // 1,000,000 s x 1 GB + 980 x 0.1 s x 0.5 GB + 20 x 0.4 s x 0.5 GB = 1,000,053 GB-s
    expect(charges[1]).toBe('Price for: 1,000,053 GB-s (x86_64)')
    // 1,500,000 GB-s x $0.0000000309 = $0.04635
    expect(charges.at(-1)).toBe(
      'Ephemeral storage above 512 MB: 1,500,000 GB-s x 0.0000000309 USD = 0.04635 USD, rounded to 0.05 USD (monthly ephemeral storage charges)',
    )
  })

  it('gives each function its share, naming only the lines it has a part of', () => {
    // java: 1,000 of 1,001,000 requests' $0.20 rounds to $0.00; 53 of 1,000,053 GB-s of $16.67 is $0.00088: nothing.
    expect(section('Per function')[1]).toBe('java: 0.00 USD')
  })
})

describe('the charges step through what is billed', () => {
  const charges = (input: EstimateInput) =>
    calculationSteps(estimate(input))
      .sections.find((s) => s.title === 'Charges')!
      .lines.map((l) => l.text)
  const total = (input: EstimateInput) => calculationSteps(estimate(input)).sections.find((s) => s.title === 'Total')!.lines[0]!.text
  // A step that prices nothing: "Price for: 0 GB", "0 requests x ...".
  const pricesNothing = /Price for: 0 |: 0 [A-Za-z-]+ x /

  it('says a line wholly inside the free tier is free, on the current and the classic sheet', () => {
    // Free tier: 1,000,000 requests and 400,000 GB-s a month (AWS Lambda pricing page).
    // Current: 1,000 x 10 ms x 0.125 GB = 1.25 GB-s; classic bills 100 ms: 1,000 x 0.1 s x 0.125 GB = 12.5 GB-s.
    const fn = { memoryMb: 128, durationMs: 10, requests: 1000 }
    expect(charges({ sheet: 'aws-current', functions: [fn] })).toEqual([
      'Requests: 1,000 requests, all within the free tier: 0.00 USD (free)',
      'Compute (x86_64): 1.25 GB-s, all within the free tier: 0.00 USD (free)',
    ])
    expect(charges({ sheet: 'aws-2016', functions: [fn] })).toEqual([
      'Requests: 1,000 requests, all within the free tier: 0.00 USD (free)',
      'Compute (x86_64): 12.5 GB-s, all within the free tier: 0.00 USD (free)',
    ])
  })

  it('prices the architecture the free tier leaves, and says the other is free, for several functions', () => {
    // x86_64: 1.25 GB-s, covered first; arm64: 5,000,000 x 0.1 s x 1 GB = 500,000 GB-s - (400,000 - 1.25) = 100,001.25 GB-s
    // at 0.0000133334 USD = 1.3333566668 USD; requests 5,001,000 - 1,000,000 = 4,001,000 x 0.0000002 = 0.8002 USD.
    const input: EstimateInput = {
      sheet: 'aws-current',
      functions: [
        { name: 'small', memoryMb: 128, durationMs: 10, requests: 1000 },
        { name: 'big', memoryMb: 1024, durationMs: 100, requests: 5_000_000, architecture: 'arm64' },
      ],
    }
    expect(charges(input)).toEqual([
      'Requests: 4,001,000 requests x 0.0000002 USD = 0.8002 USD, rounded to 0.80 USD (monthly request charges)',
      'Compute (x86_64): 1.25 GB-s, all within the free tier: 0.00 USD (free)',
      'Price for: 100,001.25 GB-s (arm64)',
      'Compute (arm64), first 7.5 billion GB-s: 100,001.25 GB-s x 0.0000133334 USD = 1.3333566668 USD, rounded to 1.33 USD',
    ])
    expect(total(input)).toBe('0.80 USD + 0.00 USD + 1.33 USD = 2.13 USD')
  })

  it('says the services beside Lambda are free inside their allowances', () => {
    // 1,000 x 264 bytes of text logs = 264,000 bytes / 2^30 = 0.00024587 GB (0.000246… to 6 places), inside CloudWatch Logs' 5 GB;
    // 1,000 HTTP API calls inside API Gateway's 1,000,000 of the first 12 months.
    const lines = charges({
      sheet: 'aws-current',
      apiGatewayFreeTier: true,
      functions: [{ memoryMb: 128, durationMs: 10, requests: 1000, logFormat: 'text', frontDoor: 'http-api' }],
    })
    expect(lines).toContain('CloudWatch Logs ingested (Standard): 0.000246… GB, all within the free tier: 0.00 USD (free)')
    expect(lines).toContain('HTTP API requests (512 KB units): 1,000 requests, all within the free tier: 0.00 USD (free)')
    expect(lines.filter((l) => pricesNothing.test(l))).toEqual([])
  })

  it('a Savings Plan over compute the free tier covers names no 0.00 USD spend', () => {
    // 1,000 x 10 ms x 0.125 GB = 1.25 GB-s, inside the 400,000 GB-s free tier: nothing eligible is billed.
    const steps = calculationSteps(
      estimate({ sheet: 'aws-current', savingsPlanPercent: 10, functions: [{ memoryMb: 128, durationMs: 10, requests: 1000 }] }),
    )
    const plan = steps.sections.find((s) => s.title === 'Compute Savings Plan')!.lines.map((l) => l.text)
    expect(plan[2]).toBe('No eligible usage is billed here (none, or all within the free tier), so the plan changes nothing.')
  })

  it('has no step for a meter nothing uses, and says when nothing is billed', () => {
    const input: EstimateInput = { sheet: 'aws-current', freeTier: false, functions: [{ memoryMb: 128, durationMs: 10, requests: 0 }] }
    expect(charges(input)).toEqual(['Nothing here is used, so nothing is charged.'])
    expect(total(input)).toBe('Nothing is used, so nothing is billed: 0.00 USD')
  })

  it('never prices 0 and sums to the bill, on both sheets, with and without the services beside Lambda', () => {
    const extras: Partial<EstimateInput['functions'][number]>[] = [
      {},
      { logFormat: 'json', logClass: 'infrequent-access' },
      { frontDoor: 'websocket', connectionMinutes: 10 },
      { frontDoor: 'alb', responseKb: 10 },
      { streamedMbPerRequest: 8 },
      { edge: true },
    ]
    for (const sheet of ['aws-current', 'aws-2016'] as const)
      for (const freeTier of [true, false])
        for (const requests of [0, 1000, 5_000_000])
          for (const extra of extras) {
            if (sheet === 'aws-2016' && Object.keys(extra).length > 0) continue
            const input: EstimateInput = {
              sheet,
              freeTier,
              apiGatewayFreeTier: freeTier,
              functions: [
                { memoryMb: 128, durationMs: 10, requests, ...extra },
                { memoryMb: 2048, durationMs: 100, requests: 1000, architecture: sheet === 'aws-current' ? 'arm64' : 'x86_64' },
              ],
            }
            const e = estimate(input)
            const lines = charges(input)
            expect(
              lines.filter((l) => pricesNothing.test(l)),
              JSON.stringify(input),
            ).toEqual([])
            // The total's terms add up to the bill's total.
            const [terms, sum] = total(input).split(' = ')
            const cents = terms!.split(' + ').reduce((a, t) => a + Math.round(Number(t.replace(' USD', '')) * 100), 0)
            expect(`${(cents / 100).toFixed(2)} USD`).toBe(sum)
            expect(sum).toBe(`${e.totalUsd} USD`)
          }
  })
})
