import { describe, expect, it } from 'vitest'
import { calculationSteps, estimate, estimateTotal, validateInput, type EstimateInput, type FunctionInput } from '../../src/engine/index'

// AWS's example (Lambda pricing page, 2026): 10M requests, 1,024 MB x86_64, 2 s,
// 200,000 environments created (2 % of the invocations), free tier off.
const example: EstimateInput = {
  sheet: 'aws-current',
  freeTier: false,
  functions: [{ name: 'saas-api', memoryMb: 1024, durationMs: 2000, requests: 10_000_000, coldStartPercent: 2, tenantIsolation: true }],
}

describe('tenant isolation', () => {
  it("bills AWS's example at the published rate: 200,000 environments x 1 GB x $0.000166667 = $33.3334, so $33.33; $368.66 in all", () => {
    const bill = estimate(example)
    const line = bill.lines.find((l) => l.kind === 'tenant-isolation')!
    expect(line).toMatchObject({
      label: 'Tenant isolation environments (x86_64)',
      architecture: 'x86_64',
      quantity: '200000',
      quantityUnit: 'GB',
      unitPriceUsd: '0.000166667',
      exactUsd: '33.3334',
      cents: 3333,
    })
    expect(bill.totalCents).toBe(36866)
    expect(estimateTotal(example).totalCents).toBe(36866)
  })

  it("explains AWS's $368.74 in the steps: the page rounds the rate to $0.000167", () => {
    const text = calculationSteps(estimate(example)).text
    expect(text).toContain('Tenant isolation')
    expect(text).toContain('200,000 GB of environments created')
    expect(text).toContain('$368.74')
    expect(text).toContain('$368.66')
  })

  it('bills arm64 at $0.000133333: 1,000 cold starts of 2,048 MB = 2,000 GB, $0.266666, so $0.27', () => {
    const bill = estimate({
      sheet: 'aws-current',
      functions: [{ memoryMb: 2048, durationMs: 10, requests: 100_000, coldStartPercent: 1, architecture: 'arm64', tenantIsolation: true }],
    })
    expect(bill.lines.find((l) => l.kind === 'tenant-isolation')).toMatchObject({ architecture: 'arm64', quantity: '2000', cents: 27 })
  })

  it('bills nothing without cold starts, and nothing on the classic sheet, which ignores it', () => {
    const warm = estimate({ ...example, functions: [{ ...example.functions[0]!, coldStartPercent: 0 }] })
    expect(warm.lines.some((l) => l.kind === 'tenant-isolation')).toBe(false)
    const classic = estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 1024, durationMs: 2000, requests: 1, tenantIsolation: true }] })
    expect(classic.lines.map((l) => l.kind)).toEqual(['requests', 'compute'])
    expect(classic.assumptions.join(' ')).toContain('ignores tenant isolation')
  })

  it.each([
    ['SnapStart', { snapStart: 'java' }, /Tenant isolation cannot be used with SnapStart/],
    ['provisioned concurrency', { provisionedConcurrency: 5 }, /Tenant isolation cannot be used with Provisioned concurrency/],
    ['Lambda@Edge', { edge: true }, /Tenant isolation cannot be used with Lambda@Edge/],
  ] as const)('is refused with %s, naming the rule', (_name, other, message) => {
    const fn: FunctionInput = { memoryMb: 1024, durationMs: 100, requests: 1000, tenantIsolation: true, ...(other as Partial<FunctionInput>) }
    const problems = validateInput({ sheet: 'aws-current', functions: [fn] })
    expect(problems).toContainEqual({ path: 'functions.0.tenantIsolation', message: expect.stringMatching(message) })
    expect(() => estimate({ sheet: 'aws-current', functions: [fn] })).toThrow(message)
  })

  it('is a yes or no', () => {
    expect(
      validateInput({ sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 1, requests: 1, tenantIsolation: 'yes' as never }] }),
    ).toEqual([{ path: 'functions.0.tenantIsolation', message: expect.stringContaining('Tenant isolation must be') }])
  })
})
