import { describe, expect, it } from 'vitest'
import {
  calculationSteps,
  costByMemory,
  costByRequests,
  estimate,
  estimateTotal,
  PRICE_SHEETS,
  validateInput,
  type EstimateInput,
} from '../../src/engine/index'
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
    const bill = estimate({
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

describe('me-central-1 (Middle East (UAE)): x86_64 only', () => {
  const uae = current.regions['me-central-1']!

  it('has the sourced prices and no arm64 or storage price', () => {
    expect(uae.name).toBe('Middle East (UAE)')
    expect(uae.usdPerRequest).toBe('0.00000025')
    expect(uae.compute).toEqual({ x86_64: [{ upToGbSeconds: null, usdPerGbSecond: '0.0000206667' }] })
    expect(uae.provisioned).toEqual({ x86_64: { usdPerGbSecond: '0.0000051108', durationUsdPerGbSecond: '0.0000119251', estimated: false } })
    expect(uae.storageUsdPerGbSecond).toBeNull()
    expect(uae.caveats).toEqual(['first-bracket-only'])
  })

  it('refuses ephemeral storage above 512 MB there', () => {
    const input: EstimateInput = {
      sheet: 'aws-current',
      region: 'me-central-1',
      functions: [{ memoryMb: 128, durationMs: 10, requests: 1, ephemeralStorageMb: 513 }],
    }
    expect(validateInput(input).map((p) => p.path)).toEqual(['functions.0.ephemeralStorageMb'])
  })

  // One on-demand function and one served by a provisioned environment, free tier off.
  const input: EstimateInput = {
    sheet: 'aws-current',
    region: 'me-central-1',
    freeTier: false,
    functions: [
      { name: 'api', memoryMb: 1024, durationMs: 100, requests: 10_000_000 },
      { name: 'warm', memoryMb: 2048, durationMs: 100, requests: 1_000_000, provisionedConcurrency: 1, provisionedHours: 730 },
    ],
  }
  // By hand: requests 11,000,000 x 0.00000025 = 2.75;
  // compute 10,000,000 x 0.1 s x 1 GB = 1,000,000 GB-s x 0.0000206667 = 20.6667 -> 20.67;
  // provisioned concurrency 1 x 2 GB x 730 h x 3,600 s = 5,256,000 GB-s x 0.0000051108 = 26.8623648 -> 26.86;
  // provisioned duration 1,000,000 x 0.1 s x 2 GB = 200,000 GB-s x 0.0000119251 = 2.38502 -> 2.39.
  const expected = [
    { kind: 'requests', exactUsd: '2.75', cents: 275 },
    { kind: 'compute', architecture: 'x86_64', unitPriceUsd: '0.0000206667', exactUsd: '20.6667', cents: 2067 },
    { kind: 'provisioned-concurrency', architecture: 'x86_64', unitPriceUsd: '0.0000051108', exactUsd: '26.8623648', cents: 2686 },
    { kind: 'provisioned-duration', architecture: 'x86_64', unitPriceUsd: '0.0000119251', exactUsd: '2.38502', cents: 239 },
  ]

  it('bills x86_64 there, fast and exact, to the cent', () => {
    expect(validateInput(input)).toEqual([])
    const bill = estimate(input)
    expect(bill.lines).toMatchObject(expected)
    expect(bill.lines).toHaveLength(4)
    expect(bill.totalCents).toBe(275 + 2067 + 2686 + 239)
    const total = estimateTotal(input)
    expect(total.lines.map((l) => [l.kind, l.cents])).toEqual(expected.map((l) => [l.kind, l.cents]))
    expect(total.totalCents).toBe(275 + 2067 + 2686 + 239)
  })

  it('writes the steps and the charts without an arm64 price', () => {
    const steps = calculationSteps(estimate(input))
    expect(steps.text).toContain('me-central-1')
    expect(costByRequests(input).current.totalCents).toBe(5267)
    expect(costByMemory(input).points.find((p) => p.x === 1024)?.totalCents).toBe(5267)
  })

  it('prices the meters with one price everywhere there too', () => {
    const many: EstimateInput = {
      sheet: 'aws-current',
      region: 'me-central-1',
      functions: [
        { memoryMb: 512, durationMs: 250, requests: 3e6, coldStartPercent: 5, initDurationMs: 400, snapStart: 'priced', streamedMbPerRequest: 10 },
        { memoryMb: 128, durationMs: 5, requests: 1e6, edge: true },
      ],
    }
    expect(validateInput(many)).toEqual([])
    const fast = estimateTotal(many)
    const exact = estimate(many)
    expect(fast.lines.map((l) => [l.kind, l.cents])).toEqual(exact.lines.map((l) => [l.kind, l.cents]))
    expect(exact.lines.map((l) => l.kind)).toEqual(
      expect.arrayContaining(['snapstart-cache', 'snapstart-restore', 'edge-requests', 'edge-duration', 'response-streaming']),
    )
    expect(calculationSteps(exact).sections.length).toBeGreaterThan(0)
    expect(costByRequests(many).current.totalCents).toBe(exact.totalCents)
    expect(costByMemory(many).current.totalCents).toBe(exact.totalCents)
  })
})
