import { describe, expect, it } from 'vitest'
import { centsOf, formatCentsExact, formatChange, percentChange } from '../../src/ui/money'

describe('exact money for comparisons', () => {
  it('reads dollar strings as whole cents', () => {
    expect(centsOf('18.74')).toBe(1874n)
    expect(centsOf('0.05')).toBe(5n)
    expect(centsOf('-0.40')).toBe(-40n)
    expect(centsOf('120')).toBe(12000n)
    expect(centsOf('90071992547409.93')).toBe(9007199254740993n)
  })

  it('formats amounts beyond 2^53 cents to the cent', () => {
    expect(formatCentsExact(9007199254740993n)).toBe('$90,071,992,547,409.93')
    expect(formatCentsExact(9007199254740992n)).toBe('$90,071,992,547,409.92')
  })

  it('signs a change', () => {
    expect(formatChange(123n)).toBe('+$1.23')
    expect(formatChange(-40n)).toBe('\u2212$0.40')
    expect(formatChange(0n)).toBe('no change')
  })

  it('says a change in per cent: arm64 $75.50 against x86_64 $87.85 is 14% less', () => {
    expect(percentChange(7550n, 8785n)).toBe('14% less')
    expect(percentChange(8785n, 7550n)).toBe('16% more')
    expect(percentChange(1001n, 1000n)).toBe('<1% more')
    expect(percentChange(1050n, 1000n)).toBe('5% more')
    expect(percentChange(1055n, 1000n)).toBe('5.5% more')
    expect(percentChange(5n, 5n)).toBe('the same')
    expect(percentChange(5n, 0n)).toBeNull()
  })
})
