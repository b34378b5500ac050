import { describe, expect, it } from 'vitest'
import { validateInput } from '../../src/engine/index'
import { toEstimateInput } from '../../src/state/selectors'
import { createCalculatorStore, defaultFunction, fitName, inputsOf } from '../../src/state/store'
import { encode } from '../../src/state/url-codec'

const x = (n: number) => 'x'.repeat(n)

describe('function names never block the bill', () => {
  it('a name typed past 64 characters is kept to its first 64', () => {
    const store = createCalculatorStore()
    const id = store.getState().functions[0]!.id
    store.getState().updateFunction(id, { name: x(64) + 'overflow' })
    expect(store.getState().functions[0]!.name).toBe(x(64))
    expect(validateInput(toEstimateInput(inputsOf(store.getState())))).toEqual([])
  })

  it('a copy of a long name stays within the limit and still says it is a copy', () => {
    const store = createCalculatorStore()
    const id = store.getState().functions[0]!.id
    store.getState().updateFunction(id, { name: x(62) })
    store.getState().duplicateFunction(id)
    const copy = store.getState().functions[1]!.name
    expect(copy).toBe(x(59) + ' copy')
    expect(validateInput(toEstimateInput(inputsOf(store.getState())))).toEqual([])
    store.getState().updateFunction(id, { name: 'api' })
    store.getState().duplicateFunction(id)
    expect(store.getState().functions[1]!.name).toBe('api copy')
  })

  it('inputs set at once (a link, a preset, the widget) have their names fitted too', () => {
    const store = createCalculatorStore({ functions: [defaultFunction({ name: x(80) })] })
    expect(store.getState().functions[0]!.name).toBe(x(64))
    store.getState().replaceInputs({ sheet: 'aws-current', region: 'us-east-1', freeTier: true, functions: [defaultFunction({ name: x(100) })] })
    expect(store.getState().functions[0]!.name).toBe(x(64))
  })

  it('fitName counts characters as people do: an emoji with its skin tone is one', () => {
    const thumb = '\u{1F44D}\u{1F3FD}'
    expect(fitName(thumb.repeat(65))).toBe(thumb.repeat(64))
    expect(fitName('e\u0301'.repeat(64))).toBe('e\u0301'.repeat(64))
  })
})

describe('an added function', () => {
  it('is unnamed, so the link carries no name for it', () => {
    const store = createCalculatorStore()
    store.getState().addFunction()
    expect(store.getState().functions.map((f) => f.name)).toEqual(['', ''])
    expect(encode(inputsOf(store.getState()))).toBe('v=2&p=current&fns=2')
  })
})
