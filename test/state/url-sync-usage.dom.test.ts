import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCalculatorStore } from '../../src/state/store'
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

describe('URL sync and imported usage (u)', () => {
  it('keeps the u value the page was opened with through edits, after the estimate, and in the shared link', () => {
    window.history.replaceState(null, '', '/?v=2&p=current&u=1..a.k3x*.0....80-2s-0_a-1')
    const store = createCalculatorStore(readStartup().link.inputs)
    sync = startUrlSync(store)
    expect(sync.usage!()).toBe('&u=1..a.k3x*.0....80-2s-0_a-1')
    store.getState().setFreeTier(false)
    vi.runAllTimers()
    expect(window.location.search).toBe('?v=2&p=current&ft=0&u=1..a.k3x*.0....80-2s-0_a-1')
    expect(sync.shareUrl()).toBe(`${window.location.origin}/?v=2&p=current&ft=0&u=1..a.k3x*.0....80-2s-0_a-1`)
  })

  it('setting it rewrites the address at once; setting it empty takes it out; an old link has none', () => {
    window.history.replaceState(null, '', '/?v=2&p=current&m=1024')
    const store = createCalculatorStore(readStartup().link.inputs)
    sync = startUrlSync(store)
    expect(sync.usage!()).toBe('')
    sync.usage!('&u=1..b.0*.0....80-0-0_a-1')
    expect(window.location.search).toBe('?v=2&p=current&m=1024&u=1..b.0*.0....80-0-0_a-1')
    sync.usage!('')
    expect(window.location.search).toBe('?v=2&p=current&m=1024')
  })
})
