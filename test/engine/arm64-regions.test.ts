import { describe, expect, it, vi } from 'vitest'
import type { PriceSheetData } from '../../src/engine/sheets/sheet-data'

// A region priced for x86_64 only (as me-central-1 will be), added to the
// current sheet before the engine loads: the quick check reads its regions once.
vi.mock('../../src/engine/sheets/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/sheets/registry')>()
  const current = real.PRICE_SHEETS['aws-current']
  const east = current.regions['us-east-1']!
  const withX86Only: PriceSheetData = {
    ...current,
    regions: { ...current.regions, 'xx-test-1': { ...east, name: 'Test (x86_64 only)', compute: { x86_64: east.compute.x86_64 } } },
  }
  return { ...real, PRICE_SHEETS: { ...real.PRICE_SHEETS, 'aws-current': withX86Only } }
})

const { estimate, InvalidInputError, validateInput } = await import('../../src/engine/index')
const { plainValidInput } = await import('../../src/engine/quick-check')

const input = (architecture: string) => ({
  sheet: 'aws-current',
  region: 'xx-test-1',
  functions: [{ memoryMb: 512, durationMs: 100, requests: 1000, architecture }],
})

describe('a region without an arm64 price', () => {
  it('refuses arm64 there, in validateInput and in the quick check, and prices x86_64', () => {
    expect(validateInput(input('arm64'))).toEqual([
      {
        path: 'functions.0.architecture',
        message: 'Architecture arm64 has no price in xx-test-1 on the current sheet: only x86_64 is priced there. Choose x86_64 or another region.',
      },
    ])
    expect(plainValidInput(input('arm64'))).toBeNull()
    expect(() => estimate(input('arm64') as never)).toThrow(InvalidInputError)
    expect(validateInput(input('x86_64'))).toEqual([])
    expect(plainValidInput(input('x86_64'))).not.toBeNull()
    expect(estimate(input('x86_64') as never).totalCents).toBeGreaterThanOrEqual(0)
  })

  it('still takes arm64 in the regions that price it', () => {
    const east = { ...input('arm64'), region: 'us-east-1' }
    expect(validateInput(east)).toEqual([])
    expect(plainValidInput(east)).not.toBeNull()
  })
})
