import { describe, expect, it } from 'vitest'
import { coldStartsOfDraft as estimateColdStarts } from '../../src/state/cold-start'
import { estimateColdStarts as estimateColdStartsOfNumbers } from '../../src/engine/index'
import { defaultFunction } from '../../src/state/store'

// Expected values worked by hand from the stated model: N = max(1, ceil(rps x s)),
// λ = rps / N, share = 1 - (1 - e^(-300 λ)) x (1 - min(1, 1 / (7,200 λ))), two significant digits.
describe('the cold-start estimate', () => {
  it('3M a month at 1 s: 1.14 requests a second keep 2 environments busy; each replaced every 2 h: 0.024 %', () => {
    // λ = 1.141553 / 2 = 0.570776 a second; e^(-171) ≈ 0; 1 / (7,200 x 0.570776) = 0.000243 -> 0.0243 %
    const estimate = estimateColdStarts(defaultFunction())
    expect(estimate).toMatchObject({ percent: 0.024, percentText: '0.024', environments: 2 })
    expect(estimate!.requestsPerSecond).toBeCloseTo(1.141553, 5)
  })

  it('50 a second at 250 ms: 13 environments, 0.0036 %', () => {
    // 12.5 busy -> 13; λ = 50 / 13 = 3.846; 1 / (7,200 x 3.846) = 0.0000361
    expect(estimateColdStarts(defaultFunction({ requests: '50', per: 'second', durationMs: '250' }))).toMatchObject({
      percentText: '0.0036',
      environments: 13,
    })
  })

  it('1,000 a month at 100 ms: most requests find their environment reclaimed: 93 %', () => {
    // λ = 0.000380518; idle: e^(-0.114155) = 0.892121; replaced: 1 / 2.739726 = 0.365; 1 - 0.107879 x 0.635 = 0.9315
    expect(estimateColdStarts(defaultFunction({ requests: '1000', durationMs: '100' }))?.percentText).toBe('93')
  })

  it('a heavy load: 1,000 a second at 100 ms, 100 environments, 0.0014 %', () => {
    expect(estimateColdStarts(defaultFunction({ requests: '1000', per: 'second', durationMs: '100' }))).toMatchObject({
      percentText: '0.0014',
      environments: 100,
    })
  })

  it('counts only the on-demand requests: provisioned environments never start cold', () => {
    // Half of 3M served by 5 environments: 1.5M on demand, 0.57 a second, 1 environment: the same 0.024 %
    const half = estimateColdStarts(defaultFunction({ provisionedConcurrency: '5', provisionedSharePercent: '50' }))
    expect(half).toMatchObject({ percentText: '0.024', environments: 1 })
    expect(half!.requestsPerSecond).toBeCloseTo(0.570776, 5)
    // All of them served by provisioned environments (share empty: 100 %): nothing on demand.
    expect(estimateColdStarts(defaultFunction({ provisionedConcurrency: '5' }))).toBeNull()
  })

  it('gives nothing for a workload that is not valid or runs nothing', () => {
    expect(estimateColdStarts(defaultFunction({ requests: 'abc' }))).toBeNull()
    expect(estimateColdStarts(defaultFunction({ requests: '0' }))).toBeNull()
    expect(estimateColdStarts(defaultFunction({ requests: '-5' }))).toBeNull()
    expect(estimateColdStarts(defaultFunction({ durationMs: '0' }))).toBeNull()
    expect(estimateColdStarts(defaultFunction({ durationMs: '1e400' }))).toBeNull()
    expect(estimateColdStarts(defaultFunction({ provisionedConcurrency: 'x' }))).toBeNull()
  })

  it('always gives a value the cold-start field accepts', () => {
    for (const requests of ['1', '10', '1000', '1e6', '1e9', '1e12']) {
      for (const durationMs of ['1', '100', '900000']) {
        const e = estimateColdStarts(defaultFunction({ requests, durationMs }))!
        expect(e.percent).toBeGreaterThan(0)
        expect(e.percent).toBeLessThanOrEqual(100)
        expect(Number(e.percentText)).toBe(e.percent)
      }
    }
  })
})

describe('the engine’s cold-start estimate, from numbers', () => {
  it('gives the same figure as the form for the same workload, and null for what runs nothing on demand', () => {
    expect(estimateColdStartsOfNumbers({ requests: 3_000_000, durationMs: 1000 })?.percentText).toBe('0.024')
    expect(estimateColdStartsOfNumbers({ requests: 0, durationMs: 1000 })).toBeNull()
    expect(estimateColdStartsOfNumbers({ requests: 1000, durationMs: 100, provisionedConcurrency: 2 })).toBeNull()
    expect(estimateColdStartsOfNumbers({ requests: Number.NaN, durationMs: 100 })).toBeNull()
  })
})
