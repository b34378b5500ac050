import { describe, expect, it } from 'vitest'
import { averageRate, countOf, formatBillable, keepUnitsWhole, unitFor } from '../../src/ui/format'

describe('counts read as a person says them', () => {
  it('one is singular, everything else plural, zero included', () => {
    expect(countOf(1, 'requests')).toBe('1 request')
    expect(countOf('1', 'invocations')).toBe('1 invocation')
    expect(countOf(0, 'requests')).toBe('0 requests')
    expect(countOf(2, 'environments')).toBe('2 environments')
    expect(countOf('3000000', 'requests')).toBe('3,000,000 requests')
  })

  it('an average that is not whole is "about" the nearest whole number; below one, "less than 1"', () => {
    // 200 a day over a 730-hour month: 200 x 730 / 24 = 6,083.33...
    expect(countOf('6083.333333333333333333', 'requests')).toBe('about 6,083 requests')
    expect(countOf(1.4, 'requests')).toBe('about 1 request')
    expect(countOf(0.25, 'requests')).toBe('less than 1 request')
    // Past a double's precision, the decimals still say it is not whole.
    expect(countOf('1000000000000000000000.5', 'requests')).toBe('about 1,000,000,000,000,000,000,001 requests')
  })

  it("a bill line's quantity: whole requests and operations, GB-s to two places, singular for one", () => {
    expect(formatBillable('2000000', 'requests')).toBe('2,000,000 requests')
    expect(formatBillable('1', 'requests')).toBe('1 request')
    expect(formatBillable('0.4', 'requests')).toBe('less than 1 request')
    expect(formatBillable('1', 'operations')).toBe('1 operation')
    expect(formatBillable('1100000', 'GB-s')).toBe('1,100,000 GB-s')
    expect(formatBillable('3041.666666666666666667', 'GB-s')).toBe('3,041.67 GB-s')
    expect(formatBillable('1', 'GB-months')).toBe('1 GB-month')
    expect(formatBillable('1.5', 'GB-months')).toBe('1.5 GB-months')
    expect(unitFor(1, 'GiB')).toBe('GiB')
  })

  it('a monthly count as a rate, in the largest unit that gives at least one', () => {
    // 3,000,000 / (730 x 3,600 s) = 1.1415... a second
    expect(averageRate(3_000_000)).toBe('about 1.14 a second')
    // 500,000 / 2,628,000 x 60 = 11.415... a minute
    expect(averageRate(500_000)).toBe('about 11.4 a minute')
    // 730 a month is one an hour
    expect(averageRate(730, 'requests')).toBe('about 1 request an hour')
    // 1 a month: 24 / 730 = 0.033 a day
    expect(averageRate(1)).toBe('less than 1 a day')
    expect(averageRate(0)).toBeNull()
    expect(averageRate(Number.NaN)).toBeNull()
  })

  it('units never break at their hyphen: GB-s and GB-month(s) take a non-breaking hyphen, other hyphens stay', () => {
    expect(keepUnitsWhole('Compute (x86_64), first 6 billion GB-s')).toBe('Compute (x86_64), first 6 billion GB\u2011s')
    expect(keepUnitsWhole('0.15 per GB-month; 3 GB-months')).toBe('0.15 per GB\u2011month; 3 GB\u2011months')
    expect(keepUnitsWhole('us-east-1 GB-seconds x86-64')).toBe('us-east-1 GB-seconds x86-64')
  })
})
