import { describe, expect, it } from 'vitest'
import { estimate, validateInput } from '../../src/engine/index'
import { PRESETS, presetInputs } from '../../src/state/presets'
import { toEstimateInput } from '../../src/state/selectors'
import type { CalculatorInputs } from '../../src/state/store'
import { decode, encode } from '../../src/state/url-codec'

function withoutIds(inputs: CalculatorInputs) {
  return { ...inputs, functions: inputs.functions.map(({ id: _id, ...rest }) => rest) }
}

function totalCents(id: string): number {
  return estimate(toEstimateInput(presetInputs(id)!)).totalCents
}

const ids = PRESETS.map((p) => p.id)

describe('presets', () => {
  it('has at least eight, with unique kebab-case ids, a title and a one-line description', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(8)
    expect(new Set(ids).size).toBe(ids.length)
    for (const preset of PRESETS) {
      expect(preset.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(preset.title.trim()).not.toBe('')
      expect(preset.description.trim()).not.toBe('')
      expect(preset.description).not.toMatch(/[\r\n]/)
    }
  })

  it('includes the workloads the app links to', () => {
    expect(ids).toEqual(
      expect.arrayContaining([
        'classic-example-1',
        'classic-example-2',
        'mobile-backend',
        'rest-api',
        'nightly-batch',
        'image-thumbnailer',
        'stream-processor',
        'ml-inference',
        'tiny-high-volume',
      ]),
    )
  })

  it.each(ids)('%s decodes from preset=<id> with no problems and gives a valid estimate', (id) => {
    const result = decode(`preset=${id}`)
    expect(result.problems).toEqual([])
    expect(result.presetId).toBe(id)
    expect(withoutIds(result.inputs)).toEqual(withoutIds(presetInputs(id)!))
    expect(validateInput(toEstimateInput(result.inputs))).toEqual([])
    expect(Number.isSafeInteger(estimate(toEstimateInput(result.inputs)).totalCents)).toBe(true)
  })

  it.each(ids)('%s holds canonical numbers and round-trips through a full link', (id) => {
    const inputs = presetInputs(id)!
    for (const fn of inputs.functions) {
      for (const text of [fn.memoryMb, fn.durationMs, fn.requests, fn.ephemeralStorageMb]) expect(String(Number(text))).toBe(text)
    }
    const result = decode(encode(inputs))
    expect(result.problems).toEqual([])
    expect(withoutIds(result.inputs)).toEqual(withoutIds(inputs))
  })

  it('the three published examples give their published totals', () => {
    // AWS Lambda pricing page: classic examples 1 and 2, and the current "mobile application backend".
    expect(totalCents('classic-example-1')).toBe(18_74)
    expect(totalCents('classic-example-2')).toBe(11_63)
    expect(totalCents('mobile-backend')).toBe(2_73)
  })

  it('the published examples hold the published inputs', () => {
    expect(withoutIds(presetInputs('classic-example-2')!)).toMatchObject({
      sheet: 'aws-2016',
      freeTier: true,
      functions: [{ memoryMb: '128', durationMs: '200', requests: '30000000', per: 'month' }],
    })
    expect(withoutIds(presetInputs('mobile-backend')!)).toMatchObject({
      sheet: 'aws-current',
      region: 'us-east-1',
      freeTier: true,
      functions: [{ memoryMb: '1536', durationMs: '120', requests: '3000000', per: 'month', architecture: 'x86_64' }],
    })
  })

  it('tiny-high-volume: the requests dominate the bill', () => {
    const bill = estimate(toEstimateInput(presetInputs('tiny-high-volume')!))
    const cents = (kind: string) => bill.lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.cents, 0)
    // 2,000 a second x 2,628,000 seconds in a 730-hour month = 5,256,000,000 requests;
    // less the free million, 5,255,000,000 x $0.20 per million = $1,051.00.
    expect(cents('requests')).toBe(1_051_00)
    expect(cents('requests')).toBeGreaterThan(10 * cents('compute'))
  })

  it('ml-inference uses large memory and ephemeral storage on the current sheet', () => {
    const inputs = presetInputs('ml-inference')!
    expect(inputs.sheet).toBe('aws-current')
    expect(Number(inputs.functions[0]!.memoryMb)).toBeGreaterThanOrEqual(4096)
    expect(Number(inputs.functions[0]!.ephemeralStorageMb)).toBeGreaterThan(512)
  })

  it('gives fresh ids on each call, and null for an unknown id', () => {
    const a = presetInputs('rest-api')!
    const b = presetInputs('rest-api')!
    expect(a.functions[0]!.id).not.toBe(b.functions[0]!.id)
    a.functions[0]!.name = 'changed'
    expect(presetInputs('rest-api')!.functions[0]!.name).toBe('api-handler')
    expect(presetInputs('nope')).toBeNull()
    expect(presetInputs('__proto__')).toBeNull()
    expect(presetInputs('toString')).toBeNull()
  })
})
