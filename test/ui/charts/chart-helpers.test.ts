import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evenTicks, everyNth, formatAxisUsd, memoryTicks, niceCeil, onLogAxis, powersOfTen, sampleRows } from '../../../src/ui/charts/chart-helpers'

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 1, -1, 1e-400, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 2 ** 53 + 2),
)

describe('powersOfTen', () => {
  it('covers a range with the powers of ten inside it', () => {
    expect(powersOfTen(3, 2000)).toEqual([1, 10, 100, 1000])
    expect(powersOfTen(0.01, 5)).toEqual([0.01, 0.1, 1])
  })

  it('starts above zero when the range starts at zero: the loop that hung the page on ?r=0', () => {
    const ticks = powersOfTen(0, 10)
    expect(ticks.length).toBeGreaterThan(0)
    expect(ticks.every((t) => t > 0)).toBe(true)
    expect(ticks.at(-1)).toBe(10)
  })

  it('gives one tick for a one-point or reversed range', () => {
    expect(powersOfTen(100, 100)).toEqual([100])
    expect(powersOfTen(1000, 10)).toEqual([1000])
  })

  it('keeps the top of a huge range and at most 40 ticks', () => {
    const ticks = powersOfTen(1e-300, 1e300)
    expect(ticks).toHaveLength(40)
    expect(ticks.at(-1)).toBe(1e300)
  })

  it('is total: any two numbers give at most 40 finite, positive, ascending ticks', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (a, b) => {
        const ticks = powersOfTen(a, b)
        expect(ticks.length).toBeGreaterThan(0)
        expect(ticks.length).toBeLessThanOrEqual(40)
        for (let i = 0; i < ticks.length; i++) {
          expect(Number.isFinite(ticks[i]!) && ticks[i]! > 0).toBe(true)
          if (i > 0) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('memoryTicks', () => {
  it('marks the ends and round sizes between', () => {
    expect(memoryTicks(128, 3008)).toEqual([128, 1024, 2048, 3008])
    expect(memoryTicks(128, 10240)).toEqual([128, 2048, 4096, 6144, 8192, 10240])
  })

  it('gives one tick for one size, never a repeated one', () => {
    expect(memoryTicks(512, 512)).toEqual([512])
  })

  it('is total: distinct, ascending, finite, at most 40', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (a, b) => {
        const ticks = memoryTicks(a, b)
        expect(ticks.length).toBeGreaterThan(0)
        expect(ticks.length).toBeLessThanOrEqual(40)
        expect(ticks.every(Number.isFinite)).toBe(true)
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('table rows', () => {
  it('samples a curve at each decade, its ends and the current point, with x = 0 in it', () => {
    const rows = [0, 1, 3, 10, 40, 100, 1000, 5000].map((x) => ({ x }))
    expect(sampleRows(rows, 40).map((r) => r.x)).toEqual([0, 10, 40, 100, 1000, 5000])
    expect(sampleRows([], 0)).toEqual([])
    expect(sampleRows([{ x: 7 }], 7)).toEqual([{ x: 7 }])
  })

  it('keeps the last memory size in the table, as the chart does', () => {
    const sizes = []
    for (let m = 128; m <= 10240; m += 64) sizes.push({ x: m })
    const rows = everyNth(sizes, 12, 512)
    expect(rows.at(-1)?.x).toBe(10240)
    expect(rows.some((r) => r.x === 512)).toBe(true)
    expect(rows.length).toBeLessThanOrEqual(14)
  })
})

describe('axis values', () => {
  it('leaves zero off a log axis and lifts tiny charges onto its floor', () => {
    expect(onLogAxis(0, 0.01)).toBeNull()
    expect(onLogAxis(-0, 0.01)).toBeNull()
    expect(onLogAxis(NaN, 0.01)).toBeNull()
    expect(onLogAxis(0.002, 0.01)).toBe(0.01)
    expect(onLogAxis(5, 0.01)).toBe(5)
    expect(Number.isFinite(onLogAxis(Infinity, 0.01))).toBe(true)
  })

  it('fits a linear axis to everything drawn: a curve from $88 to $7,010 gets an axis to $8K, not one that stops at $350', () => {
    expect(evenTicks([88, 7010])).toEqual([0, 2000, 4000, 6000, 8000])
    expect(evenTicks([87.85])).toEqual([0, 25, 50, 75, 100])
    expect(evenTicks([0.3])).toEqual([0, 0.1, 0.2, 0.3])
    expect(evenTicks([12])).toEqual([0, 5, 10, 15])
    expect(evenTicks([0, 0])).toEqual([0, 1])
    expect(evenTicks([])).toEqual([0, 1])
    expect(evenTicks([NaN, Infinity, -5])).toEqual([0, 1])
  })

  it('is total: any values give 2 to 5 finite, evenly spaced ticks from 0 to at least the largest finite value', () => {
    fc.assert(
      fc.property(fc.array(anyNumber, { maxLength: 6 }), (values) => {
        const ticks = evenTicks(values)
        expect(ticks[0]).toBe(0)
        expect(ticks.length).toBeGreaterThanOrEqual(2)
        expect(ticks.length).toBeLessThanOrEqual(5)
        expect(ticks.every(Number.isFinite)).toBe(true)
        const step = ticks[1]! - ticks[0]!
        expect(step).toBeGreaterThan(0)
        for (let i = 1; i < ticks.length; i++) expect(Math.abs(ticks[i]! - ticks[i - 1]! - step)).toBeLessThanOrEqual(step * 1e-9)
        const max = Math.max(0, ...values.filter(Number.isFinite))
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max * (1 - 1e-9))
        // Not a needlessly tall axis: the data reach at least the second tick from the top.
        if (max >= 1e-300 && max <= 1e300) expect(max).toBeGreaterThan(ticks.at(-2)! * (1 - 1e-9))
      }),
      { numRuns: 2000 },
    )
  })

  it('labels ticks exactly, so no two read the same', () => {
    expect([0, 2500, 5000, 7500, 10000].map(formatAxisUsd)).toEqual(['$0', '$2.5K', '$5K', '$7.5K', '$10K'])
    expect([1_250_000, 0.25, 0.025, 12_500].map(formatAxisUsd)).toEqual(['$1.25M', '$0.25', '$0.025', '$12.5K'])
    expect(formatAxisUsd(NaN)).toBe('')
  })

  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeil(73)).toBe(100)
    expect(niceCeil(2.1)).toBe(2.5)
    expect(niceCeil(300)).toBe(500)
    expect(niceCeil(0.013)).toBe(0.02)
    expect(niceCeil(-5)).toBe(1)
  })
})
