import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCalculatorStore } from '../../src/state/store'
import { decode } from '../../src/state/url-codec'
import { readStartup, startUrlSync, type UrlSync } from '../../src/state/url-sync'

let sync: UrlSync | undefined

beforeEach(() => {
  vi.useFakeTimers()
  window.history.replaceState(null, '', '/')
})
afterEach(() => {
  sync?.stop()
  vi.useRealTimers()
})

describe('URL sync and imported usage (iu)', () => {
  it('keeps the iu value the page was opened with through edits, after the estimate, and in the shared link', () => {
    window.history.replaceState(null, '', '/?v=2&p=current&iu=1..a.k3x*.0....80-2s-0_a-1')
    const store = createCalculatorStore(readStartup().link.inputs)
    sync = startUrlSync(store)
    expect(sync.usage!()).toBe('&iu=1..a.k3x*.0....80-2s-0_a-1')
    // its own key: the estimate's reader neither uses it nor reports it (u is the request unit)
    expect(decode(window.location.search).problems).toEqual([])
    store.getState().setFreeTier(false)
    vi.runAllTimers()
    expect(window.location.search).toBe('?v=2&p=current&ft=0&iu=1..a.k3x*.0....80-2s-0_a-1')
    expect(sync.shareUrl()).toBe(`${window.location.origin}/?v=2&p=current&ft=0&iu=1..a.k3x*.0....80-2s-0_a-1`)
  })

  it('a new import goes in the shared link, not in the address (no request the page makes carries it); empty takes it out', () => {
    window.history.replaceState(null, '', '/?v=2&p=current&m=1024')
    const store = createCalculatorStore(readStartup().link.inputs)
    sync = startUrlSync(store)
    expect(sync.usage!()).toBe('')
    sync.usage!('&iu=1..b.0*.0....80-0-0_a-1')
    expect(sync.shareUrl()).toBe(`${window.location.origin}/?v=2&p=current&m=1024&iu=1..b.0*.0....80-0-0_a-1`)
    expect(window.location.search).toBe('?v=2&p=current&m=1024')
    sync.usage!('')
    expect(sync.shareUrl()).toBe(`${window.location.origin}/?v=2&p=current&m=1024`)
  })

  it('the address drops what it was opened with once that changes', () => {
    window.history.replaceState(null, '', '/?v=2&p=current&iu=1..a.k3x*.0....80-2s-0_a-1')
    const store = createCalculatorStore(readStartup().link.inputs)
    sync = startUrlSync(store)
    sync.usage!('')
    expect(window.location.search).toBe('?v=2&p=current')
  })

  it('a Savings Plan or API Gateway\u2019s free tier alone rewrites the address too (every input the link writes)', () => {
    const store = createCalculatorStore()
    sync = startUrlSync(store)
    store.getState().setSavingsPlanPercent('12')
    vi.runAllTimers()
    expect(window.location.search).toBe('?v=2&p=current&sp=12')
    store.getState().setApiGatewayFreeTier(true)
    vi.runAllTimers()
    expect(window.location.search).toBe('?v=2&p=current&sp=12&af=1')
  })
})
