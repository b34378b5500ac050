import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ceilSumBounds, parseInsights } from '../../../src/engine/index'

const HEADER = 'function,memoryMb,cold,billedMs,invocations,billedMsSum,durationMsSum,initMsSum,maxMemoryUsedMb'

/** A valid row: its fields, from values that fit together (sum within n x [billedMs, billedMs]). */
const validRow = fc
  .record({
    fn: fc.constantFrom('/aws/lambda/a', '/aws/lambda/b', '123456789012:/aws/lambda/c'),
    memoryMb: fc.constantFrom(128, 512, 1769, 10240),
    cold: fc.boolean(),
    billedMs: fc.integer({ min: 1, max: 900_000 }),
    invocations: fc.integer({ min: 1, max: 1_000_000 }),
    quoted: fc.boolean(),
  })
  .map((r) => ({
    invocations: r.invocations,
    fields: [
      r.quoted ? `"${r.fn}"` : r.fn,
      String(r.memoryMb),
      r.cold ? '1' : '0',
      String(r.billedMs),
      String(r.invocations),
      String(r.invocations * r.billedMs),
      String(r.invocations * (r.billedMs - 1)),
      r.cold ? '1.5' : '',
      '64',
    ],
  }))

/** Garbage: anything on one line but blank (blank lines are skipped without a problem). */
const garbage = fc
  .string({ unit: fc.constantFrom('a', '"', ',', '{', '}', ' ', '1', '.', 'E', '\\', ':', '\r'), maxLength: 40 })
  .filter((s) => s.trim() !== '')

type Item = { kind: 'valid'; invocations: number; text: string } | { kind: 'bad'; text: string }

const csvItem: fc.Arbitrary<Item> = fc.oneof(
  validRow.map((r): Item => ({ kind: 'valid', invocations: r.invocations, text: r.fields.join(',') })),
  garbage.map((text): Item => ({ kind: 'bad', text })),
  // a valid row cut before its last comma: fewer fields than the header
  fc.tuple(validRow, fc.nat()).map(([r, k]): Item => {
    const line = r.fields.join(',')
    const cut = k % (line.lastIndexOf(',') + 1)
    return { kind: 'bad', text: line.slice(0, cut) }
  }),
)

describe('parseInsights: generated mixtures of rows, garbage and truncations', () => {
  it('CSV: never throws, counts every valid row once, names every bad line, and works linearly', () => {
    fc.assert(
      fc.property(fc.array(csvItem, { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), (items, eol) => {
        const kept = items.filter((x) => x.text.trim() !== '')
        const text = [HEADER, ...kept.map((x) => x.text)].join(eol)
        const work = { steps: 0 }
        const r = parseInsights(text, { work })
        const expected = kept.reduce((s, x) => s + (x.kind === 'valid' ? x.invocations : 0), 0)
        expect(r.functions.reduce((s, f) => s + f.sample.invocations, 0)).toBe(expected)
        const badLines = kept.flatMap((x, i) => (x.kind === 'bad' ? [i + 2] : []))
        expect(r.problems.map((p) => p.line)).toEqual(badLines)
        expect(work.steps).toBeLessThanOrEqual(4 * (text.length + 1))
      }),
      { numRuns: 300 },
    )
  })

  it('JSON: never throws, counts every valid record once, and works linearly', () => {
    const keys = ['function', 'memoryMb', 'cold', 'billedMs', 'invocations', 'billedMsSum', 'durationMsSum', 'initMsSum', 'maxMemoryUsedMb']
    const jsonItem: fc.Arbitrary<Item> = fc.oneof(
      fc.tuple(validRow, fc.boolean()).map(([r, asNumbers]): Item => {
        const pairs = r.fields.map((v, i) => {
          const value = v.replace(/"/g, '')
          return `"${keys[i]}": ${asNumbers && i > 0 && value !== '' ? value : JSON.stringify(value)}`
        })
        return { kind: 'valid', invocations: r.invocations, text: `{${pairs.join(', ')}}` }
      }),
      garbage.map((text): Item => ({ kind: 'bad', text })),
      fc.tuple(validRow, fc.nat()).map(([r, k]): Item => {
        const obj = `{${r.fields.map((v, i) => `"${keys[i]}": ${JSON.stringify(v.replace(/"/g, ''))}`).join(', ')}}`
        return { kind: 'bad', text: obj.slice(0, 1 + (k % (obj.length - 1))) }
      }),
    )
    fc.assert(
      fc.property(fc.array(jsonItem, { maxLength: 60 }), (items) => {
        const text = `[\n${items.map((x) => x.text).join(',\n')}\n]`
        const work = { steps: 0 }
        const r = parseInsights(text, { work })
        const expected = items.reduce((s, x) => s + (x.kind === 'valid' ? x.invocations : 0), 0)
        expect(r.functions.reduce((s, f) => s + f.sample.invocations, 0)).toBe(expected)
        // every problem is on a line that holds something other than a valid record
        const lineKinds = ['', ...items.map((x) => x.kind), '']
        for (const p of r.problems) expect(lineKinds[p.line - 1]).toBe('bad')
        expect(work.steps).toBeLessThanOrEqual(4 * (text.length + 1))
      }),
      { numRuns: 300 },
    )
  })

  it('a quote left open on one line does not swallow the lines after it (named at its own line)', () => {
    const row = '/aws/lambda/a,128,0,10,1,10,9,,50'
    const lines = [HEADER, '"/aws/lambda/a,128,0,10,1,10,9,,50']
    for (let i = 0; i < 20_000; i++) lines.push(row)
    const text = lines.join('\n')
    const work = { steps: 0 }
    const r = parseInsights(text, { work })
    expect(r.functions[0]!.sample.invocations).toBe(20_000)
    expect(r.problems).toEqual([{ line: 2, message: expect.stringMatching(/quoted field is not closed/) }])
    expect(work.steps).toBeLessThanOrEqual(4 * (text.length + 1))
  })
})

/** The least and most of sum ceil_G(x) over all ways to pick n integers in [lo, hi] summing to `sum`, by trying them all. */
function brute(n: number, lo: number, hi: number, sum: number, G: number): { min: number; max: number } | null {
  let min = Infinity
  let max = -Infinity
  const walk = (k: number, from: number, left: number, cost: number) => {
    if (k === 0) {
      if (left === 0) {
        min = Math.min(min, cost)
        max = Math.max(max, cost)
      }
      return
    }
    for (let x = from; x <= hi; x++) if (x <= left) walk(k - 1, x, left - x, cost + Math.ceil(x / G) * G)
  }
  walk(n, lo, sum, 0)
  return min === Infinity ? null : { min, max }
}

describe('ceilSumBounds: the bounds of re-rounding a bucket', () => {
  it('equals the least and most found by trying every split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 1, max: 10 }),
        fc.nat(),
        (n, lo, width, G, k) => {
          const hi = lo + width
          const sum = n * lo + (k % (n * width + 1))
          const b = brute(n, lo, hi, sum, G)!
          const got = ceilSumBounds(BigInt(n), BigInt(lo), BigInt(hi), BigInt(sum), BigInt(G))
          expect({ min: Number(got.min), max: Number(got.max) }).toEqual(b)
        },
      ),
      { numRuns: 400 },
    )
  })
})

describe('parseInsights: the row limit', () => {
  it('reads up to 100,000 rows and names the first row past them', () => {
    const row = '/aws/lambda/a,128,0,10,1,10,9,,50'
    const text = [HEADER, ...Array.from({ length: 100_001 }, () => row)].join('\n')
    const r = parseInsights(text)
    expect(r.functions[0]!.sample.invocations).toBe(100_000)
    expect(r.problems).toEqual([{ line: 100_002, message: expect.stringMatching(/^More than 100,000 rows/) }])
  })
})
