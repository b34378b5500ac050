import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { everyNth, fitTop, memoryTicks, niceCeil, onLogAxis, powersOfTen, sampleRows } from '../../../src/ui/charts/chart-helpers'

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

  it('fits a linear axis around the current bill: a $75 workload does not get a $6K axis', () => {
    expect(fitTop([1, 75, 6000], 75, 4)).toBe(500)
    expect(fitTop([1, 75, 200], 75, 4)).toBe(200)
    expect(fitTop([0, 0], 0, 4)).toBe(1)
    expect(fitTop([NaN, Infinity], NaN, 4)).toBe(1)
  })

  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeil(73)).toBe(100)
    expect(niceCeil(2.1)).toBe(2.5)
    expect(niceCeil(300)).toBe(500)
    expect(niceCeil(0.013)).toBe(0.02)
    expect(niceCeil(-5)).toBe(1)
  })
})
