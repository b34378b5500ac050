import { describe, expect, it } from 'vitest'
import { COMPARE_FIELDS } from '../../src/engine/index'
import { COMPARE_URL_KEYS } from '../../src/engine/fields'
import { createCalculatorStore, inputsOf } from '../../src/state/store'
import { decode, encode } from '../../src/state/url-codec'

describe('the ways-to-run-it comparison in a link', () => {
  it('the link keys are the comparison fields\u2019 own keys, in the table\u2019s order', () => {
    expect([...COMPARE_URL_KEYS]).toEqual(COMPARE_FIELDS.map((f) => f.urlKey))
  })

  it('a link carries the comparison\u2019s settings and reads them back as given', () => {
    const query = 'v=2&p=current&m=1024&d=200&cmp=1&xv=1&xg=2&xa=arm&xi=t4g.small&xc=4'
    const { inputs, problems } = decode(query)
    expect(problems).toEqual([])
    expect(inputs.compare).toEqual({ cmp: '1', xv: '1', xg: '2', xa: 'arm', xi: 't4g.small', xc: '4' })
    // Written after the account keys, before the function's.
    expect(encode(inputs)).toBe('v=2&p=current&cmp=1&xv=1&xg=2&xa=arm&xi=t4g.small&xc=4&m=1024&d=200')
  })

  it('settings changed in the store reach the link; an emptied one leaves it', () => {
    const store = createCalculatorStore()
    const setCompare = (compare: Record<string, string>) => store.getState().replaceInputs({ ...inputsOf(store.getState()), compare })
    setCompare({ cmp: '1', xc: '8' })
    expect(encode(inputsOf(store.getState()))).toContain('cmp=1&xc=8')
    setCompare({ cmp: '1', xc: '' })
    expect(encode(inputsOf(store.getState()))).not.toContain('xc=')
    // A link without them opens without them.
    store.getState().replaceInputs(decode('v=2&p=current').inputs)
    expect(encode(inputsOf(store.getState()))).toBe('v=2&p=current')
  })

  it('a value the comparison cannot use is kept for it to name, and never changes the bill', () => {
    const { inputs, problems } = decode('v=2&p=current&xa=sparc&xg=lots')
    expect(problems).toEqual([])
    expect(inputs.compare).toEqual({ xa: 'sparc', xg: 'lots' })
    expect(decode('v=2&p=current').inputs.functions[0]!.memoryMb).toBe(inputs.functions[0]!.memoryMb)
  })
})
