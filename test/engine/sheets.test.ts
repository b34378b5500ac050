import { describe, expect, it } from 'vitest'
import { exactEstimate, PRICE_SHEETS } from '../../src/engine/index'
import { scaled } from './helpers'

/** Every string field whose name says it is a price in USD, with where it is, anywhere under `value`. */
function pricesIn(value: unknown, path: string): [string, string][] {
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, v]): [string, string][] =>
    typeof v === 'string' && /usd/i.test(key) ? [[`${path}.${key}`, v]] : pricesIn(v, `${path}.${key}`),
  )
}

const ALL_PRICES = Object.values(PRICE_SHEETS).flatMap((sheet) => pricesIn(sheet, sheet.id))
const current = PRICE_SHEETS['aws-current']

describe('the price sheets', () => {
  it('find the prices to check: requests, storage, brackets, provisioned and the extra meters of every sheet', () => {
    const paths = ALL_PRICES.map(([path]) => path)
    expect(paths).toContain('aws-2016.regions.us-east-1.usdPerRequest')
    expect(paths).toContain('aws-current.regions.eu-west-1.storageUsdPerGbSecond')
    expect(paths).toContain('aws-current.regions.us-east-1.compute.arm64.2.usdPerGbSecond')
    expect(paths).toContain('aws-current.regions.sa-east-1.provisioned.arm64.durationUsdPerGbSecond')
    expect(paths).toContain('aws-current.extraMeters.snapStart.restoreUsdPerGb')
    expect(paths).toContain('aws-current.extraMeters.streaming.usdPerGib')
  })

  it('hold no price with more than 10 decimal places, the precision AWS publishes Lambda prices in', () => {
    for (const [path, price] of ALL_PRICES) {
      expect(price, path).toMatch(/^\d+(\.\d{1,10})?$/)
    }
  })

  it('derive arm64 provisioned prices outside us-east-1 as x86_64 x 0.8, rounded half-up to 10 decimals', () => {
    // By hand: us-east-2 0.0000041667 x 0.8 = 0.00000333336 -> 0.0000033334 (a Price List
    // record gives the same), 0.0000097222 x 0.8 = 0.00000777776 -> 0.0000077778;
    // eu-west-1 0.0000046460 x 0.8 = 0.0000037168 exactly, 0.0000108407 x 0.8 = 0.00000867256 -> 0.0000086726;
    // me-south-1 0.0000051108 x 0.8 = 0.00000408864 -> 0.0000040886, 0.0000119251 x 0.8 = 0.00000954008 -> 0.0000095401.
    expect(current.regions['us-east-2']!.provisioned!.arm64).toEqual({
      usdPerGbSecond: '0.0000033334',
      durationUsdPerGbSecond: '0.0000077778',
      estimated: true,
    })
    expect(current.regions['eu-west-1']!.provisioned!.arm64).toMatchObject({ usdPerGbSecond: '0.0000037168', durationUsdPerGbSecond: '0.0000086726' })
    expect(current.regions['me-south-1']!.provisioned!.arm64).toMatchObject({
      usdPerGbSecond: '0.0000040886',
      durationUsdPerGbSecond: '0.0000095401',
    })
  })

  it('keep every derived arm64 provisioned price within half a unit of the 10th decimal of x86_64 x 0.8', () => {
    // x86_64 prices have 10 places, so x 0.8 has at most 11 and its 11th digit is even:
    // never a tie, and the rounded price is strictly within 0.5 x 10^-10 of it.
    for (const [id, r] of Object.entries(current.regions)) {
      const arm = r.provisioned?.arm64
      if (!arm?.estimated) continue
      const x86 = r.provisioned!.x86_64!
      for (const key of ['usdPerGbSecond', 'durationUsdPerGbSecond'] as const) {
        const gap = scaled(arm[key], 11) * 10n - scaled(x86[key], 11) * 8n // in 10^-12 USD
        expect(gap < 50n && gap > -50n, `${id} ${key}: ${arm[key]} vs ${x86[key]} x 0.8`).toBe(true)
      }
    }
  })

  it('bill arm64 provisioned concurrency in us-east-2 at the rounded price', () => {
    const bill = exactEstimate({
      sheet: 'aws-current',
      region: 'us-east-2',
      freeTier: false,
      functions: [
        { memoryMb: 10_240, durationMs: 1000, requests: 1_000_000, architecture: 'arm64', provisionedConcurrency: 100, provisionedHours: 730 },
      ],
    })
    // 100 environments x 10 GB x 730 h x 3,600 s = 2,628,000,000 GB-s x 0.0000033334 = 8,760.1752
    // (the unrounded 0.00000333336 gave 8,760.07008: $8,760.07).
    expect(bill.lines.find((l) => l.kind === 'provisioned-concurrency')).toMatchObject({
      unitPriceUsd: '0.0000033334',
      exactUsd: '8760.1752',
      cents: 876018,
    })
    // 1,000,000 x 1 s x 10 GB = 10,000,000 GB-s x 0.0000077778 = 77.778
    expect(bill.lines.find((l) => l.kind === 'provisioned-duration')).toMatchObject({ unitPriceUsd: '0.0000077778', exactUsd: '77.778', cents: 7778 })
    expect(bill.assumptions.join(' ')).toContain('the region\u2019s x86_64 prices x 0.8, rounded half-up to 10 decimals.')
  })
})
