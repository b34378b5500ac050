import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeLinkProblem, describeOmissions, leftOutByHost, startIframeBridge, type BridgeSnapshot } from '../../src/embed/iframe-bridge'
import { READY_ATTRIBUTE } from '../../src/embed/protocol'
import { defaultFunction } from '../../src/state/store'
import { decode, encodeLink, MAX_QUERY_LENGTH } from '../../src/state/url-codec'

const HOST = 'https://docs.example'
const WID = 'w7abc'
const env = { ns: 'lambda-cost-calculator', v: 1, wid: WID }
const APP_URL = `https://calc.example/?embed=1&p=2016&wid=${WID}&host=${encodeURIComponent(HOST)}`

/** A stand-in for the store adapter the app passes. */
function fakeSource(first: BridgeSnapshot = { query: 'p=2016&m=512', omitted: [], totalCents: 1874, totalUsd: '18.74' }) {
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
 * detached <html> whose height the test sets (marked rendered unless `ready` is
 * false), animation frames the test runs, and (unless `resizeObserver` is
 * false, as in jsdom) a ResizeObserver stub the test can fire.
 */
function fakeWindow(url = APP_URL, { resizeObserver = true, framed = true, ready = true, animationFrames = true } = {}) {
  const events = new EventTarget()
  const parent = { postMessage: vi.fn() }
  const html = document.createElement('html')
  if (ready) html.setAttribute(READY_ATTRIBUTE, '')
  let frames: Array<() => void> = []
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
    requestAnimationFrame: animationFrames ? (callback: () => void) => frames.push(callback) : undefined,
    cancelAnimationFrame: animationFrames ? () => {} : undefined,
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
    /** Runs the animation frame callbacks queued so far. */
    runFrame: () => {
      const queued = frames
      frames = []
      queued.forEach((callback) => callback())
    },
  }
}

/** Lets MutationObserver records (delivered as a microtask) and pending promises settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve))

afterEach(() => {
  vi.useRealTimers()
  leftOutByHost.set([])
})

describe('startIframeBridge', () => {
  it('posts the starting height and inputs to the parent, at the host origin only', () => {
    const f = fakeWindow()
    startIframeBridge(fakeSource(), f.win)
    expect(f.parent.postMessage.mock.calls).toEqual([
      [{ ...env, type: 'resize', height: 480 }, HOST],
      [{ ...env, type: 'change', query: 'p=2016&m=512', totalCents: 1874, totalUsd: '18.74', problems: [] }, HOST],
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
    source.emit({ query: 'p=2016&m=512', omitted: [], totalCents: 1874, totalUsd: '18.74' }) // unchanged
    source.emit({ query: 'p=2016&m=abc', omitted: [], totalCents: null, totalUsd: null })
    source.emit({ query: 'p=2016&m=abc', omitted: [], totalCents: null, totalUsd: null })
    source.emit({ query: 'p=2016&m=1024', omitted: [], totalCents: 3874, totalUsd: '38.74' })
    expect(f.parent.postMessage.mock.calls).toEqual([
      [{ ...env, type: 'change', query: 'p=2016&m=abc', totalCents: null, totalUsd: null, problems: [] }, HOST],
      [{ ...env, type: 'change', query: 'p=2016&m=1024', totalCents: 3874, totalUsd: '38.74', problems: [] }, HOST],
    ])
  })

  it('reports a value typed too long to pass on, leaving it out of the query, rather than going silent', () => {
    const f = fakeWindow()
    const source = fakeSource()
    startIframeBridge(source, f.win)
    f.parent.postMessage.mockClear()
    source.emit({ query: 'p=2016', omitted: [{ key: 'd', characters: 20_000, reason: 'too-long' }], totalCents: null, totalUsd: null })
    source.emit({ query: 'm=256', omitted: [{ key: 'n', characters: 4096, reason: 'too-long' }], totalCents: null, totalUsd: null })
    expect(f.parent.postMessage.mock.calls).toEqual([
      [
        {
          ...env,
          type: 'change',
          query: 'p=2016',
          totalCents: null,
          totalUsd: null,
          problems: [
            {
              attribute: 'duration',
              message: 'duration: the value typed is over 2,000 characters long; the widget passes on at most 100 to this page.',
            },
          ],
        },
        HOST,
      ],
      [
        {
          ...env,
          type: 'change',
          query: 'm=256',
          totalCents: null,
          totalUsd: null,
          problems: [{ attribute: 'n', message: 'n: the value typed is over 2,000 characters long; the widget passes on at most 100 to this page.' }],
        },
        HOST,
      ],
    ])
  })

  it('reports a bill beyond 2^53 cents with its exact dollars', () => {
    const f = fakeWindow()
    const source = fakeSource()
    startIframeBridge(source, f.win)
    f.parent.postMessage.mockClear()
    source.emit({ query: 'p=current&m=10240', omitted: [], totalCents: null, totalUsd: '120001200010002.20' })
    expect(f.parent.postMessage).toHaveBeenCalledExactlyOnceWith(
      { ...env, type: 'change', query: 'p=current&m=10240', totalCents: null, totalUsd: '120001200010002.20', problems: [] },
      HOST,
    )
  })

  it('applies a valid set message from the parent at the host origin', () => {
    const f = fakeWindow()
    const source = fakeSource()
    startIframeBridge(source, f.win)
    f.receive({ ...env, type: 'set', query: 'p=current&a=arm', theme: 'dark' })
    f.runFrame()
    expect(source.applyQuery).toHaveBeenCalledExactlyOnceWith('p=current&a=arm')
    expect(source.setTheme).toHaveBeenCalledExactlyOnceWith('dark')
    f.receive({ ...env, type: 'set', query: 'm=256' })
    f.runFrame()
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
    f.runFrame()
    expect(source.applyQuery).not.toHaveBeenCalled()
    expect(source.setTheme).not.toHaveBeenCalled()
  })

  it('without a host parameter posts nothing, but still applies set from the parent', () => {
    const f = fakeWindow(`https://calc.example/?embed=1&wid=${WID}`)
    const source = fakeSource()
    startIframeBridge(source, f.win)
    source.emit({ query: 'm=2', omitted: [], totalCents: 2, totalUsd: '0.02' })
    expect(f.parent.postMessage).not.toHaveBeenCalled()
    expect(f.observers).toHaveLength(0)
    f.receive({ ...env, type: 'set', query: 'm=3' }, { origin: 'https://any.example' })
    f.runFrame()
    expect(source.applyQuery).toHaveBeenCalledWith('m=3')
  })

  it('with a host page of no origin (host=null, a sandboxed page) posts to its parent at any origin, and takes set from it at the null origin only', () => {
    const f = fakeWindow(`https://calc.example/?embed=1&p=2016&wid=${WID}&host=null`)
    const source = fakeSource()
    startIframeBridge(source, f.win)
    expect(f.parent.postMessage.mock.calls).toEqual([
      [{ ...env, type: 'resize', height: 480 }, '*'],
      [{ ...env, type: 'change', query: 'p=2016&m=512', totalCents: 1874, totalUsd: '18.74', problems: [] }, '*'],
    ])
    f.receive({ ...env, type: 'set', query: 'm=3' }, { origin: 'https://docs.example' })
    f.receive({ ...env, type: 'set', query: 'm=4' }, { origin: 'null', source: { postMessage() {} } })
    f.runFrame()
    expect(source.applyQuery).not.toHaveBeenCalled()
    f.receive({ ...env, type: 'set', query: 'm=5' }, { origin: 'null' })
    f.runFrame()
    expect(source.applyQuery).toHaveBeenCalledExactlyOnceWith('m=5')
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
    source.emit({ query: 'm=2', omitted: [], totalCents: 2, totalUsd: '0.02' })
    f.receive({ ...env, type: 'set', query: 'm=3' }, { source: f.win.parent })
    f.runFrame()
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

  it('posts nothing until the widget marks itself rendered, then its size and inputs once', async () => {
    const f = fakeWindow(APP_URL, { ready: false })
    startIframeBridge(fakeSource(), f.win)
    f.setHeight(0) // the lazy layout has not rendered yet
    f.observers[0]!.fire()
    f.setHeight(672)
    f.observers[0]!.fire()
    expect(f.parent.postMessage).not.toHaveBeenCalled()
    f.html.setAttribute(READY_ATTRIBUTE, '')
    await settle()
    expect(f.parent.postMessage.mock.calls).toEqual([
      [{ ...env, type: 'resize', height: 672 }, HOST],
      [{ ...env, type: 'change', query: 'p=2016&m=512', totalCents: 1874, totalUsd: '18.74', problems: [] }, HOST],
    ])
  })

  it('never reports a height of 0', () => {
    const f = fakeWindow()
    f.setHeight(0)
    const source = fakeSource()
    startIframeBridge(source, f.win)
    expect(f.parent.postMessage).not.toHaveBeenCalled()
    f.setHeight(640)
    f.observers[0]!.fire()
    f.setHeight(0)
    f.observers[0]!.fire()
    expect(f.parent.postMessage.mock.calls.filter(([m]) => m.type === 'resize')).toEqual([[{ ...env, type: 'resize', height: 640 }, HOST]])
  })

  it('sizes a widget that never marks itself rendered after 5 s, so it is not stuck at the starting height', () => {
    vi.useFakeTimers()
    const f = fakeWindow(APP_URL, { ready: false })
    startIframeBridge(fakeSource(), f.win)
    vi.advanceTimersByTime(4999)
    expect(f.parent.postMessage).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(f.parent.postMessage.mock.calls.map(([m]) => m.type)).toEqual(['resize', 'change'])
  })

  it('applies only the latest of a burst of 10,000 set messages, once per frame', () => {
    const f = fakeWindow()
    const source = fakeSource()
    source.applyQuery.mockImplementation((query: string) =>
      source.emit({ query, omitted: [], totalCents: query.length, totalUsd: (query.length / 100).toFixed(2) }),
    )
    startIframeBridge(source, f.win)
    f.parent.postMessage.mockClear()
    for (let i = 1; i <= 10_000; i++) f.receive({ ...env, type: 'set', query: `r=${i}` })
    expect(source.applyQuery).not.toHaveBeenCalled()
    f.runFrame()
    expect(source.applyQuery).toHaveBeenCalledExactlyOnceWith('r=10000')
    // One change for the host, with the last inputs.
    expect(f.parent.postMessage.mock.calls).toEqual([
      [{ ...env, type: 'change', query: 'r=10000', totalCents: 7, totalUsd: '0.07', problems: [] }, HOST],
    ])
    for (let i = 1; i <= 3; i++) f.receive({ ...env, type: 'set', query: `d=${i}` })
    f.runFrame()
    expect(source.applyQuery.mock.calls).toEqual([['r=10000'], ['d=3']])
  })

  it('applies a burst of set messages where animation frames do not run (a frame out of view)', () => {
    vi.useFakeTimers()
    const f = fakeWindow(APP_URL, { animationFrames: false })
    const source = fakeSource()
    startIframeBridge(source, f.win)
    for (let i = 1; i <= 1000; i++) f.receive({ ...env, type: 'set', query: `m=${i}`, theme: i === 1 ? 'dark' : undefined })
    vi.advanceTimersByTime(100)
    expect(source.applyQuery).toHaveBeenCalledExactlyOnceWith('m=1000')
    expect(source.setTheme).not.toHaveBeenCalled() // the latest message has no theme
  })

  it("reports what the widget could not use of its attributes, in the element's terms", () => {
    const f = fakeWindow(`${APP_URL}&m=lots&a=sparc&over=duration.300`)
    const source = fakeSource()
    startIframeBridge(source, f.win)
    const changes = () => f.parent.postMessage.mock.calls.filter(([m]) => m.type === 'change').map(([m]) => m.problems)
    expect(changes()).toEqual([
      [
        { attribute: 'duration', message: 'duration: the value is 300 characters long; the widget reads at most 100, so it was left out.' },
        { attribute: 'memory', message: expect.stringMatching(/^memory="lots": /) },
        { attribute: 'architecture', message: 'architecture="sparc" is not allowed: use x86_64 or arm64 (also x86, arm).' },
      ],
    ])
    expect(leftOutByHost.current()).toEqual([expect.objectContaining({ attribute: 'duration' })])
    // A set replaces them: here, with none.
    f.receive({ ...env, type: 'set', query: 'p=2016&m=1024' })
    f.runFrame()
    expect(changes()).toHaveLength(2)
    expect(changes()[1]).toEqual([])
    expect(leftOutByHost.current()).toEqual([])
  })

  it('stop() unsubscribes, disconnects the observer and ignores further messages', () => {
    const f = fakeWindow()
    const source = fakeSource()
    const stop = startIframeBridge(source, f.win)
    stop()
    f.parent.postMessage.mockClear()
    expect(source.listeners.size).toBe(0)
    expect(f.observers[0]!.disconnected).toBe(true)
    source.emit({ query: 'm=9', omitted: [], totalCents: 9, totalUsd: '0.09' })
    f.receive({ ...env, type: 'set', query: 'm=3' })
    f.runFrame()
    expect(f.parent.postMessage).not.toHaveBeenCalled()
    expect(source.applyQuery).not.toHaveBeenCalled()
  })
})

describe('describeLinkProblem', () => {
  const problemFor = (query: string) => describeLinkProblem(decode(query).problems[0]!)

  it('names the attribute, the value as typed and what is allowed, not the link key', () => {
    const memory = problemFor('m=lots')
    expect(memory.attribute).toBe('memory')
    expect(memory.message).toMatch(/^memory="lots": Memory /)
    expect(memory.message).not.toMatch(/\bm=/)
    expect(problemFor('d=-5').message).toMatch(/^duration="-5": Duration /)
    expect(problemFor('r=many').message).toMatch(/^requests="many": /)
    expect(problemFor('p=current&e=99999').message).toMatch(/^storage="99999": /)
    expect(problemFor('rg=mars-1').message).toMatch(/^region="mars-1": /)
    expect(problemFor('preset=nope').message).toMatch(/^preset="nope": /)
  })

  it("lists an enumerated attribute's readable values", () => {
    expect(problemFor('u=fortnight')).toEqual({
      attribute: 'unit',
      message: 'unit="fortnight" is not allowed: use second, minute, hour, day, month or million-per-month (also s, min, h, d, mo, mpm).',
    })
    expect(problemFor('ft=maybe').message).toBe('free-tier="maybe" is not allowed: use true or false.')
    expect(problemFor('p=aws-2099').message).toBe('sheet="aws-2099" is not allowed: use 2016 or current (also aws-2016, aws-current).')
  })

  it('speaks of the 2026 attributes in their own terms', () => {
    expect(problemFor('v=2&cs=150').message).toMatch(/^cold-start-percent="150": Cold-start share must be between 0 and 100 %/)
    expect(problemFor('v=2&pc=1.5').attribute).toBe('provisioned-concurrency')
    expect(problemFor('ss=lambda').message).toBe('snapstart="lambda" is not allowed: use off, java (free, for Java) or priced (Python and .NET).')
    // A good value refused in combination is explained, not called a bad value.
    expect(problemFor('p=current&a=arm&ed=1').message).toMatch(/^edge="1": Lambda@Edge runs on x86_64 only; this function is arm64/)
  })

  it('keeps the link wording for keys no attribute sets', () => {
    const fns = decode('fns=99').problems[0]!
    expect(describeLinkProblem(fns)).toEqual({ attribute: 'fns', message: fns.message })
  })
})

describe('values the widget cannot pass on', () => {
  it('names the attribute and the limit for a value typed over 100 characters', () => {
    const link = encodeLink({ sheet: 'aws-2016', region: 'us-east-1', freeTier: true, functions: [defaultFunction({ requests: '1'.repeat(101) })] })
    expect(link.query).toBe('v=2&p=2016')
    expect(describeOmissions(link.omitted)).toEqual([
      { attribute: 'requests', message: 'requests: the value typed is 101 characters long; the widget passes on at most 100 to this page.' },
    ])
  })

  it('keeps the query within a message when short values add up to too much', () => {
    const functions = Array.from({ length: 10 }, () => defaultFunction({ name: '\u20ac'.repeat(64) }))
    const link = encodeLink({ sheet: 'aws-2016', region: 'us-east-1', freeTier: true, functions })
    expect(link.query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    const problems = describeOmissions(link.omitted)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]!.message).toContain('too long to pass on')
  })
})
