import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCalculatorStore, defaultFunction } from '../../src/state/store'
import { presetInputs } from '../../src/state/presets'
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

describe('URL sync', () => {
  it('reads the link, the embed mode and the theme at start-up', () => {
    window.history.replaceState(null, '', '/?embed=1&theme=dark&compact=1&p=2016&m=128&d=200&r=3e7')
    const startup = readStartup()
    expect(startup).toMatchObject({ embed: true, theme: 'dark', compact: true })
    expect(startup.link.inputs.functions[0]).toMatchObject({ memoryMb: '128', durationMs: '200', requests: '30000000' })
    expect(startup.link.problems).toEqual([])
  })

  it('a new page starts on the current sheet; a link without v or p keeps the classic sheet', () => {
    window.history.replaceState(null, '', '/')
    expect(readStartup().link.inputs.sheet).toBe('aws-current')
    window.history.replaceState(null, '', '/?utm_source=newsletter')
    expect(readStartup().link.inputs.sheet).toBe('aws-current')
    window.history.replaceState(null, '', '/?m=256')
    expect(readStartup().link.inputs.sheet).toBe('aws-2016')
    window.history.replaceState(null, '', '/?embed=1&wid=w1')
    expect(readStartup().link.inputs.sheet).toBe('aws-2016')
    window.history.replaceState(null, '', '/?v=2&m=256')
    expect(readStartup().link.inputs.sheet).toBe('aws-current')
  })

  it('Back to the bare address restores a new page, on the current sheet', () => {
    const store = createCalculatorStore({ sheet: 'aws-2016' })
    sync = startUrlSync(store)
    window.history.replaceState(null, '', '/')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(store.getState().sheet).toBe('aws-current')
  })

  it('writes edits with replaceState once typing pauses, not per keystroke', () => {
    const store = createCalculatorStore()
    sync = startUrlSync(store, { debounceMs: 300 })
    const replace = vi.spyOn(window.history, 'replaceState')
    const push = vi.spyOn(window.history, 'pushState')
    const id = store.getState().functions[0]!.id
    for (const text of ['1', '10', '102', '1024']) store.getState().updateFunction(id, { memoryMb: text })
    expect(replace).not.toHaveBeenCalled()
    vi.advanceTimersByTime(300)
    expect(replace).toHaveBeenCalledTimes(1)
    expect(window.location.search).toBe('?v=2&p=current&m=1024')
    expect(push).not.toHaveBeenCalled()
  })

  it('keeps the page\u2019s own keys (embed, theme, wid, host) when it rewrites the address', () => {
    window.history.replaceState(null, '', '/?embed=1&wid=w1&host=https%3A%2F%2Fdocs.example&m=256')
    const store = createCalculatorStore(readStartup().link.inputs)
    sync = startUrlSync(store)
    store.getState().setFreeTier(false)
    vi.runAllTimers()
    const params = new URLSearchParams(window.location.search)
    expect(Object.fromEntries(params)).toEqual({ v: '2', p: '2016', ft: '0', m: '256', embed: '1', wid: 'w1', host: 'https://docs.example' })
  })

  it('navigate pushes an entry; Back restores the previous inputs and reports the link', () => {
    const store = createCalculatorStore({ functions: [defaultFunction({ memoryMb: '1024' })] })
    const reports: unknown[] = []
    sync = startUrlSync(store, { onLinkRead: (link) => reports.push(link.problems) })
    window.history.replaceState(null, '', '/?m=1024')
    const push = vi.spyOn(window.history, 'pushState')
    sync.navigate(presetInputs('classic-example-2')!)
    expect(push).toHaveBeenCalledTimes(1)
    expect(window.location.search).toBe('?v=2&p=2016&m=128&d=200&r=3e7')
    window.history.replaceState(null, '', '/?m=1024&zz=9&d=0')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(store.getState().functions[0]!.memoryMb).toBe('1024')
    expect(reports).toHaveLength(1)
    expect(JSON.stringify(reports[0])).toContain('d=0')
  })

  it('shares a link to the full calculator without the page\u2019s own keys', () => {
    window.history.replaceState(null, '', '/?embed=1&wid=w1&m=256')
    const store = createCalculatorStore(readStartup().link.inputs)
    sync = startUrlSync(store)
    expect(sync.shareUrl()).toBe(`${window.location.origin}/?v=2&p=2016&m=256`)
    expect(sync.appUrl()).toBe(`${window.location.origin}/`)
  })
})
