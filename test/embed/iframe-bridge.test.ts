import { describe, expect, it, vi } from 'vitest'
import { startIframeBridge, type BridgeSnapshot } from '../../src/embed/iframe-bridge'
import { MAX_QUERY } from '../../src/embed/protocol'

const HOST = 'https://docs.example'
const WID = 'w7abc'
const env = { ns: 'lambda-cost-calculator', v: 1, wid: WID }
const APP_URL = `https://calc.example/?embed=1&p=2016&wid=${WID}&host=${encodeURIComponent(HOST)}`

/** A stand-in for the store adapter the app passes. */
function fakeSource(first: BridgeSnapshot = { query: 'p=2016&m=512', totalCents: 1874, totalUsd: '18.74' }) {
  let snap = first
  const listeners = new Set<() => void>()
  return {
    listeners,
    subscribe: (listener: () => void) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    snapshot: () => snap,
    applyQuery: vi.fn(),
    setTheme: vi.fn(),
    emit(next: BridgeSnapshot) {
      snap = next
      listeners.forEach((l) => l())
    },
  }
}

/**
 * A framed window: its own events, a parent that records postMessage, a
 * detached <html> whose height the test sets, and (unless `resizeObserver` is
 * false, as in jsdom) a ResizeObserver stub the test can fire.
 */
function fakeWindow(url = APP_URL, { resizeObserver = true, framed = true } = {}) {
  const events = new EventTarget()
  const parent = { postMessage: vi.fn() }
  const html = document.createElement('html')
  let height = 480
  html.getBoundingClientRect = () => ({ height }) as DOMRect
  const observers: Array<{ fire: () => void; observed: Element[]; disconnected: boolean }> = []
  class FakeResizeObserver {
    state = { fire: () => this.callback([], this), observed: [] as Element[], disconnected: false }
    constructor(private callback: (entries: unknown[], o: unknown) => void) {
      observers.push(this.state)
    }
    observe(el: Element) {
      this.state.observed.push(el)
    }
    disconnect() {
      this.state.disconnected = true
    }
  }
  const win = {
    document: { URL: url, documentElement: html },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    ResizeObserver: resizeObserver ? FakeResizeObserver : undefined,
    MutationObserver: window.MutationObserver,
  } as Record<string, unknown>
  win.parent = framed ? parent : win
  return {
    win: win as unknown as Window & typeof globalThis,
    parent,
    html,
    observers,
    setHeight: (h: number) => void (height = h),
    receive: (data: unknown, { origin = HOST, source = parent as unknown }: { origin?: string; source?: unknown } = {}) =>
      events.dispatchEvent(new MessageEvent('message', { data, origin, source: source as Window })),
    resize: () => events.dispatchEvent(new Event('resize')),
  }
}

describe('startIframeBridge', () => {
  it('posts the starting height and inputs to the parent, at the host origin only', () => {
    const f = fakeWindow()
    startIframeBridge(fakeSource(), f.win)
    expect(f.parent.postMessage.mock.calls).toEqual([
      [{ ...env, type: 'resize', height: 480 }, HOST],
      [{ ...env, type: 'change', query: 'p=2016&m=512', totalCents: 1874, totalUsd: '18.74' }, HOST],
    ])
    expect(f.observers[0]!.observed).toEqual([f.html])
  })

  it('reports the height rounded up, once per new height', () => {
    const f = fakeWindow()
    startIframeBridge(fakeSource(), f.win)
    f.parent.postMessage.mockClear()
    f.observers[0]!.fire() // same height: nothing
    f.setHeight(612.2)
    f.observers[0]!.fire()
    f.observers[0]!.fire()
    f.setHeight(99_999)
    f.observers[0]!.fire()
    expect(f.parent.postMessage.mock.calls).toEqual([
      [{ ...env, type: 'resize', height: 613 }, HOST],
      [{ ...env, type: 'resize', height: 20000 }, HOST],
    ])
  })

  it('reports each change of inputs or totals once', () => {
    const f = fakeWindow()
    const source = fakeSource()
    startIframeBridge(source, f.win)
    f.parent.postMessage.mockClear()
    source.emit({ query: 'p=2016&m=512', totalCents: 1874, totalUsd: '18.74' }) // unchanged
    source.emit({ query: 'p=2016&m=abc', totalCents: null, totalUsd: null })
    source.emit({ query: 'p=2016&m=abc', totalCents: null, totalUsd: null })
    source.emit({ query: 'p=2016&m=1024', totalCents: 3874, totalUsd: '38.74' })
    expect(f.parent.postMessage.mock.calls).toEqual([
      [{ ...env, type: 'change', query: 'p=2016&m=abc', totalCents: null, totalUsd: null }, HOST],
      [{ ...env, type: 'change', query: 'p=2016&m=1024', totalCents: 3874, totalUsd: '38.74' }, HOST],
    ])
  })

  it('does not post a change the host would reject', () => {
    const f = fakeWindow()
    const source = fakeSource()
    startIframeBridge(source, f.win)
    f.parent.postMessage.mockClear()
    source.emit({ query: `n=${'x'.repeat(MAX_QUERY)}`, totalCents: 1, totalUsd: '0.01' })
    expect(f.parent.postMessage).not.toHaveBeenCalled()
  })

  it('applies a valid set message from the parent at the host origin', () => {
    const f = fakeWindow()
    const source = fakeSource()
    startIframeBridge(source, f.win)
    f.receive({ ...env, type: 'set', query: 'p=current&a=arm', theme: 'dark' })
    expect(source.applyQuery).toHaveBeenCalledExactlyOnceWith('p=current&a=arm')
    expect(source.setTheme).toHaveBeenCalledExactlyOnceWith('dark')
    f.receive({ ...env, type: 'set', query: 'm=256' })
    expect(source.applyQuery).toHaveBeenLastCalledWith('m=256')
    expect(source.setTheme).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['not from window.parent', { ...env, type: 'set', query: 'm=1' }, { source: { postMessage() {} } }],
    ['from no window', { ...env, type: 'set', query: 'm=1' }, { source: null }],
    ['from another origin', { ...env, type: 'set', query: 'm=1' }, { origin: 'https://evil.example' }],
    ['for another widget', { ...env, wid: 'w8other', type: 'set', query: 'm=1' }, {}],
    ['of a foreign namespace', { ...env, ns: 'x', type: 'set', query: 'm=1' }, {}],
    ['malformed', { ...env, type: 'set', query: 'm=1', theme: 'sepia' }, {}],
    ['of a widget type', { ...env, type: 'resize', height: 10 }, {}],
    ['not an object', 'set m=1', {}],
  ])('ignores a message %s', (_, data, from) => {
    const f = fakeWindow()
    const source = fakeSource()
    startIframeBridge(source, f.win)
    f.receive(data, from)
    expect(source.applyQuery).not.toHaveBeenCalled()
    expect(source.setTheme).not.toHaveBeenCalled()
  })

  it('without a host parameter posts nothing, but still applies set from the parent', () => {
    const f = fakeWindow(`https://calc.example/?embed=1&wid=${WID}`)
    const source = fakeSource()
    startIframeBridge(source, f.win)
    source.emit({ query: 'm=2', totalCents: 2, totalUsd: '0.02' })
    expect(f.parent.postMessage).not.toHaveBeenCalled()
    expect(f.observers).toHaveLength(0)
    f.receive({ ...env, type: 'set', query: 'm=3' }, { origin: 'https://any.example' })
    expect(source.applyQuery).toHaveBeenCalledWith('m=3')
  })

  it.each([
    ['a host that is not an origin', `https://calc.example/?embed=1&wid=${WID}&host=${encodeURIComponent('https://docs.example/page')}`, {}],
    ['a wildcard host', `https://calc.example/?embed=1&wid=${WID}&host=*`, {}],
    ['no widget id', `https://calc.example/?embed=1&host=${encodeURIComponent(HOST)}`, {}],
    ['no parent (not framed)', APP_URL, { framed: false }],
  ])('does nothing with %s', (_, url, options) => {
    const f = fakeWindow(url, options)
    const source = fakeSource()
    startIframeBridge(source, f.win)
    source.emit({ query: 'm=2', totalCents: 2, totalUsd: '0.02' })
    f.receive({ ...env, type: 'set', query: 'm=3' }, { source: f.win.parent })
    expect(f.parent.postMessage).not.toHaveBeenCalled()
    expect(source.applyQuery).not.toHaveBeenCalled()
    expect(source.listeners.size).toBe(0)
  })

  it('without ResizeObserver, re-measures on DOM changes and window resizes', async () => {
    const f = fakeWindow(APP_URL, { resizeObserver: false })
    startIframeBridge(fakeSource(), f.win)
    f.parent.postMessage.mockClear()
    f.setHeight(700)
    f.html.append(document.createElement('div'))
    await new Promise((r) => setTimeout(r)) // mutation records are delivered as a microtask
    f.setHeight(650)
    f.resize()
    expect(f.parent.postMessage.mock.calls).toEqual([
      [{ ...env, type: 'resize', height: 700 }, HOST],
      [{ ...env, type: 'resize', height: 650 }, HOST],
    ])
  })

  it('stop() unsubscribes, disconnects the observer and ignores further messages', () => {
    const f = fakeWindow()
    const source = fakeSource()
    const stop = startIframeBridge(source, f.win)
    stop()
    f.parent.postMessage.mockClear()
    expect(source.listeners.size).toBe(0)
    expect(f.observers[0]!.disconnected).toBe(true)
    source.emit({ query: 'm=9', totalCents: 9, totalUsd: '0.09' })
    f.receive({ ...env, type: 'set', query: 'm=3' })
    expect(f.parent.postMessage).not.toHaveBeenCalled()
    expect(source.applyQuery).not.toHaveBeenCalled()
  })
})
