import { describe, expect, it } from 'vitest'
import { estimate, monthlyRequestsText } from '../../src/engine/index'

describe('exact arithmetic', () => {
  it('10^12 requests a month at 10,240 MB and 900 s is exact to the cent', () => {
    const bill = estimate({
      sheet: 'aws-current',
      freeTier: false,
      functions: [{ memoryMb: 10_240, durationMs: 900_000, requests: 1e12 }],
    })
    // GB-s = 10^12 x 900 s x 10 GB = 9 x 10^15
    // tier 1: 6e9 x 0.0000166667 = 100,000.20; tier 2: 9e9 x 0.000015 = 135,000;
    // tier 3: (9e15 - 15e9) x 0.0000133334 = 119,999,400,002,000 x 0.000000001 ... computed by hand below
    const tier3Gbs = 9_000_000_000_000_000n - 15_000_000_000n // 8,999,985,000,000,000
    const tier3Cents = (tier3Gbs * 133334n) / 100_000_000n // price 0.0000133334 = 133334e-10 USD; cents = x 1e-8
    expect((tier3Gbs * 133334n) % 100_000_000n).toBe(0n) // it terminates at whole cents
    expect(bill.lines.map((l) => l.cents)).toEqual([20_000_000, 10_000_020, 13_500_000, Number(tier3Cents)])
    expect(bill.totalCents).toBe(20_000_000 + 10_000_020 + 13_500_000 + Number(tier3Cents))
    expect(bill.totals.gbSeconds).toBe('9000000000000000')
  })

  it('a bill larger than 2^53 cents is still exact in totalUsd', () => {
    const bill = estimate({
      sheet: 'aws-current',
      freeTier: false,
      functions: [
        { memoryMb: 10_240, durationMs: 900_000, requests: 1e15 },
        { memoryMb: 10_240, durationMs: 900_000, requests: 1e15 },
      ],
    })
    // 2 x 10^15 x 900 x 10 = 1.8e19 GB-s, mostly at 0.0000133334
    const gbs = 18_000_000_000_000_000_000n
    const computeCents = 10_000_020n + 13_500_000n + ((gbs - 15_000_000_000n) * 133334n) / 100_000_000n
    const requestsCents = (2n * 10n ** 15n * 2n) / 100_000n
    expect(bill.totalUsd).toBe(`${(computeCents + requestsCents) / 100n}.${String((computeCents + requestsCents) % 100n).padStart(2, '0')}`)
    // Each line's dollars are exact too, and they add up to the total.
    const lineCents = bill.lines.reduce((sum, l) => sum + BigInt(l.usd.replace('.', '')), 0n)
    expect(lineCents).toBe(computeCents + requestsCents)
  })

  it('0.1 + 0.2 style drift cannot happen: 27.55 ms bills 28 ms, 0.3 per second is 788,400 a month', () => {
    expect(monthlyRequestsText(0.3, 'second')).toBe('788400')
    const bill = estimate({ sheet: 'aws-current', freeTier: false, functions: [{ memoryMb: 1024, durationMs: 27.55, requests: 0.1, per: 'second' }] })
    // 262,800 requests x 0.028 s x 1 GB = 7,358.4 GB-s
    expect(bill.functions[0]).toMatchObject({ billedMs: 28, requestsPerMonth: '262800', gbSeconds: '7358.4' })
  })

  it('per-day rates stay exact: 1 a day is 730/24 = 30.41666... a month', () => {
    const bill = estimate({ sheet: 'aws-current', freeTier: false, functions: [{ memoryMb: 128, durationMs: 1, requests: 24, per: 'day' }] })
    expect(bill.totals.requestsPerMonth).toBe('730')
    expect(monthlyRequestsText(1, 'day')).toBe('30.416667')
    // 12 a day is exactly 365 a month
    expect(estimate({ sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 1, requests: 12, per: 'day' }] }).totals.requestsPerMonth).toBe(
      '365',
    )
  })

  it('converts every request unit with a 730-hour month', () => {
    expect(monthlyRequestsText(1, 'second')).toBe('2628000')
    expect(monthlyRequestsText(1, 'minute')).toBe('43800')
    expect(monthlyRequestsText(1, 'hour')).toBe('730')
    expect(monthlyRequestsText(1, 'month')).toBe('1')
    expect(monthlyRequestsText(2.5, 'million-per-month')).toBe('2500000')
  })
})
