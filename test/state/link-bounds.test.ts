import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCalculatorStore, defaultFunction, type CalculatorInputs } from '../../src/state/store'
import { decode, encodeLink, MAX_QUERY_LENGTH, MAX_URL_VALUE_LENGTH } from '../../src/state/url-codec'

function inputs(functions: Partial<ReturnType<typeof defaultFunction>>[], top: Partial<CalculatorInputs> = {}): CalculatorInputs {
  return { sheet: 'aws-current', region: 'us-east-1', freeTier: true, functions: functions.map((f) => defaultFunction(f)), ...top }
}

describe('the link is bounded', () => {
  it('leaves out a value longer than the decoder reads, and says which', () => {
    const typed = '9'.repeat(20_000)
    const { query, omitted } = encodeLink(inputs([{ durationMs: typed, memoryMb: '1024' }]))
    expect(query).toBe('v=2&p=current&m=1024')
    expect(omitted).toEqual([{ functionIndex: 0, field: 'durationMs', key: 'd', characters: 20_000, reason: 'too-long' }])
  })

  it('writes a value of exactly the longest length the decoder reads', () => {
    const name = 'n'.repeat(MAX_URL_VALUE_LENGTH)
    const { query, omitted } = encodeLink(inputs([{ name }]))
    expect(omitted).toEqual([])
    expect(decode(query).problems.some((p) => p.key === 'n' && /characters long/.test(p.message))).toBe(false)
  })

  it('keeps ten functions with long emoji names under 2,000 characters, dropping names first', () => {
    const name = '\u{1F680}'.repeat(64)
    const functions = Array.from({ length: 10 }, (_, i) => ({
      name,
      memoryMb: String(128 + i),
      durationMs: '250.5',
      requests: '7e9',
      per: 'day' as const,
    }))
    const { query, omitted } = encodeLink(inputs(functions))
    expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(omitted.length).toBeGreaterThan(0)
    expect(omitted.every((o) => o.field === 'name' && o.reason === 'link-full')).toBe(true)
    // Everything that was not dropped reads back.
    const back = decode(query).inputs.functions
    expect(back).toHaveLength(10)
    back.forEach((f, i) => {
      expect(f.memoryMb).toBe(String(128 + i))
      expect(f.durationMs).toBe('250.5')
      expect(f.per).toBe('day')
    })
  })

  it('never writes a query over the limit, whatever is typed', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 300 })
    const fn = fc.record({ name: text, memoryMb: text, durationMs: text, requests: text, ephemeralStorageMb: text })
    fc.assert(
      fc.property(fc.array(fn, { minLength: 1, maxLength: 10 }), (fns) => {
        const { query } = encodeLink(inputs(fns))
        expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
      }),
      { numRuns: 300 },
    )
  })

  it('a store with a 20,000-character duration still makes a short link', () => {
    const store = createCalculatorStore()
    const id = store.getState().functions[0]!.id
    store.getState().updateFunction(id, { durationMs: '1'.repeat(20_000) })
    expect(encodeLink(store.getState()).query.length).toBeLessThan(100)
  })
})
