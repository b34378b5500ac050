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
    // Past 2,000 units a value is not counted: 2,001 stands for "over 2,000".
    expect(omitted).toEqual([{ functionIndex: 0, field: 'durationMs', key: 'd', characters: 2001, reason: 'too-long' }])
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

describe('a huge value in a link is refused from its length alone', () => {
  // 1.5 million characters: a pasted file, or a link made to hang the page.
  const huge = '7'.repeat(1_500_000)

  it('a huge number is a problem that says it is over 2,000 characters; the rest of the link applies', () => {
    const { inputs, problems } = decode(`v=2&m=${huge}&d=250`)
    expect(inputs.functions[0]!.memoryMb).toBe('512')
    expect(inputs.functions[0]!.durationMs).toBe('250')
    const problem = problems.find((p) => p.key === 'm')!
    expect(problem.message).toBe(`m=${'7'.repeat(40)}\u2026: The value is over 2,000 characters long; at most 100 are read.`)
  })

  it('a huge name keeps its first 64 characters and says the name was over 2,000', () => {
    const { inputs, problems } = decode(`v=2&n=${'\u{1F680}'.repeat(750_000)}`)
    expect(inputs.functions[0]!.name).toBe('\u{1F680}'.repeat(64))
    expect(problems.find((p) => p.key === 'n')!.message).toMatch(/Names are at most 64 characters: the first 64 of its over 2,000 were kept\.$/)
  })

  it('a name just past the scanned length is still counted exactly when it is not', () => {
    const { problems } = decode(`v=2&n=${'x'.repeat(2000)}`)
    expect(problems.find((p) => p.key === 'n')!.message).toMatch(/the first 64 of its 2,000 were kept\.$/)
  })

  it('a huge value typed in a field is left out of the link, counted as over 2,000 characters', () => {
    const { omitted } = encodeLink(inputs([{ durationMs: huge }]))
    expect(omitted).toEqual([{ functionIndex: 0, field: 'durationMs', key: 'd', characters: 2001, reason: 'too-long' }])
  })
})
