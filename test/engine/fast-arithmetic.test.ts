import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineCentsInDoubles, mulDivModInDoubles } from '../../src/engine/arithmetic-doubles'

const LIMIT = 2 ** 52

/** Whole numbers spread over every magnitude up to `max`, with the edges (1, max, powers of two) often. */
const wholeUpTo = (max: number) =>
  fc.oneof(
    fc.constantFrom(1, 2, max, max - 1, 2 ** 26, 2 ** 26 + 1, 2 ** 51, 2 ** 51 - 1).filter((x) => x >= 1 && x <= max),
    fc.integer({ min: 0, max: 52 }).chain((e) => fc.double({ min: 1, max: Math.min(max, 2 ** e), noNaN: true }).map(Math.floor)),
  )

describe('exact arithmetic in doubles', () => {
  it('mulDivMod gives floor(a b / u) and a b mod u exactly, or hands over to bigint', () => {
    let exactCount = 0
    fc.assert(
      fc.property(wholeUpTo(LIMIT - 1), wholeUpTo(LIMIT - 1), wholeUpTo(LIMIT - 1), (a, b, u) => {
        const got = mulDivModInDoubles(a, b, u)
        const n = BigInt(a) * BigInt(b)
        const q = n / BigInt(u)
        // Handing over is allowed only where the quotient itself reaches 2^52, or the remainder's product would.
        if (got === null) {
          expect(q >= BigInt(LIMIT) || (BigInt(a) % BigInt(u)) * BigInt(b) >= BigInt(LIMIT)).toBe(true)
          return
        }
        exactCount++
        expect([BigInt(got[0]), BigInt(got[1])]).toEqual([q, n % BigInt(u)])
      }),
      { numRuns: 20_000 },
    )
    expect(exactCount).toBeGreaterThan(5_000)
  })

  it('lineCents rounds w + f / u units at any price half-up to the cent, exactly', () => {
    let exactCount = 0
    fc.assert(
      fc.property(
        wholeUpTo(LIMIT - 1),
        wholeUpTo(2 ** 40),
        fc.nat({ max: 2 ** 40 }),
        // Prices like the sheets': a few significant digits over a power of ten, sometimes any fraction.
        fc.oneof(
          fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 2, max: 12 })).map(([n, k]) => ({ n: BigInt(n), d: 10n ** BigInt(k) })),
          fc.tuple(fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 1, max: 2 ** 30 })).map(([n, d]) => ({ n: BigInt(n), d: BigInt(d) })),
        ),
        (w, u, fRaw, usd) => {
          const f = fRaw % u
          const got = lineCentsInDoubles(w, f, u, usd)
          // cents = (w u + f) / u x usd x 100, half-up.
          const num = (BigInt(w) * BigInt(u) + BigInt(f)) * usd.n * 100n
          const den = BigInt(u) * usd.d
          const want = (2n * num + den) / (2n * den)
          if (got === null) return
          exactCount++
          expect(BigInt(got)).toBe(want)
        },
      ),
      { numRuns: 20_000 },
    )
    expect(exactCount).toBeGreaterThan(5_000)
  })

  it('rounds exact half cents up and just-below-half down', () => {
    // 1 unit at $0.005 is half a cent: 1 cent. 999,999 / 1,000,000 units of it: 0.4999995 cents, 0.
    expect(lineCentsInDoubles(1, 0, 1, { n: 5n, d: 1000n })).toBe(1)
    expect(lineCentsInDoubles(0, 999_999, 1_000_000, { n: 5n, d: 1000n })).toBe(0)
    // 2^51 + 1/3 units at 1 cent each: 2^51 cents.
    expect(lineCentsInDoubles(2 ** 51, 1, 3, { n: 1n, d: 100n })).toBe(2 ** 51)
    expect(lineCentsInDoubles(2 ** 51, 2, 4, { n: 1n, d: 100n })).toBe(2 ** 51 + 1)
  })
})
