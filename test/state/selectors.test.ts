import { describe, expect, it } from 'vitest'
import { createSelectors, parseNumberText } from '../../src/state/selectors'
import { createCalculatorStore, defaultFunction } from '../../src/state/store'

describe('reading typed numbers', () => {
  it.each([
    ['3000000', 3_000_000],
    ['3e6', 3_000_000],
    [' 3,000,000 ', 3_000_000],
    ['1 500', 1500],
    ['10_000', 10_000],
    ['1,000.5', 1000.5],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['-5', -5],
    ['0e5', 0],
    ['-0.000', -0],
    ['1e-300', 1e-300],
    // No-break spaces group digits in many locales: accepted, not refused with a message that looks like the input.
    ['1\u00a0000\u00a0000', 1_000_000],
    ['2\u202f500', 2500],
  ])('%j is the number %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value)
  })

  it.each([
    ['0,5', 'a decimal comma is not silently read as 5'],
    ['2,5', 'nor is this 25'],
    ['12,34,567', 'groups must be three digits'],
    ['1 5', 'nor is a stray space'],
    ['1\u00a05', 'nor a stray no-break space'],
    ['1\u00a0000 000', 'nor mixed separators'],
    ['27.0000000000000001', 'more digits than a number keeps: it would bill 27 ms, not 28'],
    ['12345678901234567', '17 significant digits'],
    ['abc', 'not a number'],
    ['', 'empty'],
    ['0x10', 'hex is not a decimal'],
    ['1e400', 'too large for a number: the engine quotes it'],
    [' -1e309 ', 'too large the other way'],
    ['1e-400', 'so small a number reads it as 0: the engine quotes it, not 0'],
    ['-2.5e-999', 'tiny and negative'],
  ])('%j stays text (%s)', (text) => {
    expect(parseNumberText(text)).toBe(text.trim())
  })
})

describe('selectors', () => {
  it('a new store starts on today’s prices: 512 MB, 1 s, 3M requests a month on the current sheet', () => {
    const store = createCalculatorStore()
    expect(store.getState().sheet).toBe('aws-current')
    const result = createSelectors().selectEstimate(store.getState())
    // 1,500,000 GB-s - 400,000 = 1,100,000 x 0.0000166667 = 18.33337 -> $18.33; 2M requests x $0.20 per million = $0.40
    expect(result.status === 'ok' && result.estimate.totalUsd).toBe('18.73')
  })

  it('derive the estimate and keep the same object while the inputs are the same', () => {
    const store = createCalculatorStore({ sheet: 'aws-2016' })
    const { selectEstimate } = createSelectors()
    const first = selectEstimate(store.getState())
    expect(first.status === 'ok' && first.estimate.totalCents).toBe(1874)
    store.getState().setRegion('us-east-1')
    expect(selectEstimate(store.getState())).toBe(first)
    store.getState().setFreeTier(false)
    expect(selectEstimate(store.getState())).not.toBe(first)
  })

  it('place each engine problem on its function and field', () => {
    const store = createCalculatorStore({ functions: [defaultFunction(), defaultFunction({ durationMs: '0,5' })] })
    const { selectForm, selectEstimate } = createSelectors()
    const second = store.getState().functions[1]!.id
    const form = selectForm(store.getState())
    expect(form.errors).toEqual({
      [`${second}.durationMs`]: 'Duration must be a number of ms; got "0,5". Allowed: above 0 and up to 900,000 ms (15 minutes).',
    })
    expect(selectEstimate(store.getState())).toMatchObject({ status: 'invalid', problems: [{ field: 'durationMs', functionNumber: 2 }] })
  })

  it('leave arm64 and storage out on the classic sheet, where those fields are off', () => {
    const store = createCalculatorStore({ sheet: 'aws-2016', functions: [defaultFunction({ architecture: 'arm64', ephemeralStorageMb: '2048' })] })
    const { selectEstimate } = createSelectors()
    const result = selectEstimate(store.getState())
    expect(result.status).toBe('ok')
    store.getState().setSheet('aws-current')
    // 1,500,000 - 400,000 = 1,100,000 x 0.0000133334 = 14.66674 -> $14.67; storage 1.5 GB x 3,000,000 s x 0.0000000309 = 0.139 -> $0.14; requests $0.40
    const current = selectEstimate(store.getState())
    expect(current.status === 'ok' && current.estimate.totalUsd).toBe('15.21')
  })
})

describe('names reach the engine without bidi controls or invisible characters', () => {
  it('strips them, keeping the name', () => {
    const store = createCalculatorStore()
    const id = store.getState().functions[0]!.id
    store.getState().updateFunction(id, { name: '\u202aabc\u202c\u200b' })
    const result = createSelectors().selectForm(store.getState())
    expect(result.input.functions[0]!.name).toBe('abc')
    // What was typed stays in the field, untouched.
    expect(store.getState().functions[0]!.name).toBe('\u202aabc\u202c\u200b')
  })
})
