import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// The loader finds the calculator from its own <script src>; jsdom does not
// fetch it. Under vitest document.currentScript is null, so this also covers the
// script[src$="embed.js"] fallback.
const ORIGIN = 'https://calc.example'
const APP = `${ORIGIN}/tools/`

beforeAll(async () => {
  const other = document.createElement('script')
  other.src = 'https://cdn.example/analytics.js'
  const script = document.createElement('script')
  script.src = `${APP}embed.js`
  document.head.append(script, other)
  await import('../../src/embed/loader')
})

afterEach(() => {
  document.body.replaceChildren()
})

/** jsdom gives iframes in a shadow root no window: stand in for the browser's. */
function mount(attrs: Record<string, string> = {}) {
  const el = document.createElement('lambda-cost-calculator')
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value)
  document.body.append(el)
  const frame = el.shadowRoot!.querySelector('iframe')!
  const win = { postMessage: vi.fn() }
  Object.defineProperty(frame, 'contentWindow', { value: win, configurable: true })
  const url = () => new URL(frame.src)
  const wid = url().searchParams.get('wid')!
  return { el, frame, win, url, wid }
}

function send(data: unknown, source: unknown, origin = ORIGIN) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: source as Window }))
}

const env = (wid: string) => ({ ns: 'lambda-cost-calculator', v: 1, wid })
const tick = () => Promise.resolve()

describe('<lambda-cost-calculator>', () => {
  it('is defined', () => {
    expect(customElements.get('lambda-cost-calculator')).toBeDefined()
  })

  it('puts an embed-mode iframe of the calculator, from its attributes, in an open shadow root', () => {
    const { el, frame, url, wid } = mount({
      sheet: 'aws-2016',
      memory: '512',
      duration: '1000',
      requests: '3e6',
      unit: 'million-per-month',
      architecture: 'x86_64',
      'free-tier': 'false',
      theme: 'dark',
      compact: '',
    })
    expect(el.children).toHaveLength(0)
    expect(frame.src).toBe(
      `${APP}?embed=1&p=2016&ft=0&m=512&d=1000&r=3e6&u=mpm&a=x86&theme=dark&compact=1&wid=${wid}&host=${encodeURIComponent('http://localhost:3000')}`,
    )
    expect(url().searchParams.get('host')).toBe(window.origin)
    expect(wid).toMatch(/^[\w-]{1,64}$/)
    expect(frame.title).toBe('AWS Lambda cost calculator')
    expect(frame.getAttribute('loading')).toBe('lazy')
    expect(frame.getAttribute('style')).not.toBeNull() // set through the CSSOM
    expect(frame.style.width).toBe('100%')
    expect(frame.style.height).toBe('520px')
    expect(frame.style.display).toBe('block')
    expect(frame.style.borderWidth || frame.style.border).toMatch(/^0/)
  })

  it('carries the 2026 attributes, edge as a boolean attribute, and follows their changes', async () => {
    const { el, frame, url } = mount({ sheet: 'current', 'cold-start-percent': '2', 'init-duration': '300', edge: '' })
    expect(url().searchParams.get('cs')).toBe('2')
    expect(url().searchParams.get('it')).toBe('300')
    expect(url().searchParams.get('ed')).toBe('1')
    expect(url().searchParams.has('v')).toBe(false)
    el.setAttribute('provisioned-concurrency', '4')
    el.removeAttribute('edge')
    await tick()
    expect(new URL(frame.src).searchParams.get('pc')).toBe('4')
    expect(new URL(frame.src).searchParams.has('ed')).toBe(false)
  })

  it('passes unknown values through, URL-encoded', () => {
    const { url } = mount({ memory: 'a lot & more', sheet: 'aws-2099' })
    expect(url().searchParams.get('m')).toBe('a lot & more')
    expect(url().searchParams.get('p')).toBe('aws-2099')
    expect(url().search).toContain('m=a%20lot%20%26%20more')
  })

  it('gives each element its own widget id', () => {
    const a = mount()
    const b = mount()
    expect(a.wid).not.toBe(b.wid)
  })

  it('updates the iframe src when an attribute changes before the widget has spoken', async () => {
    const { el, frame, win } = mount({ memory: '512' })
    el.setAttribute('memory', '1024')
    el.setAttribute('sheet', 'current')
    await tick()
    expect(new URL(frame.src).searchParams.get('m')).toBe('1024')
    expect(new URL(frame.src).searchParams.get('p')).toBe('current')
    expect(win.postMessage).not.toHaveBeenCalled()
  })

  it('posts one set message to the loaded widget, at its origin, for a burst of attribute changes', async () => {
    const { el, frame, win, wid } = mount({ memory: '512' })
    send({ ...env(wid), type: 'resize', height: 700 }, win)
    const src = frame.src
    el.setAttribute('memory', '1024')
    el.setAttribute('theme', 'light')
    el.removeAttribute('memory')
    el.setAttribute('architecture', 'arm64')
    await tick()
    expect(win.postMessage).toHaveBeenCalledTimes(1)
    expect(win.postMessage).toHaveBeenCalledWith({ ...env(wid), type: 'set', query: 'a=arm&theme=light', theme: 'light' }, ORIGIN)
    expect(frame.src).toBe(src)
  })

  it('leaves out an invalid theme from the set message (the query still carries it)', async () => {
    const { el, win, wid } = mount()
    send({ ...env(wid), type: 'resize', height: 700 }, win)
    el.setAttribute('theme', 'sepia')
    await tick()
    expect(win.postMessage).toHaveBeenCalledWith({ ...env(wid), type: 'set', query: 'theme=sepia' }, ORIGIN)
  })

  it('resizes its own iframe on a valid resize message', () => {
    const { frame, win, wid } = mount()
    send({ ...env(wid), type: 'resize', height: 811.5 }, win)
    expect(frame.style.height).toBe('812px')
  })

  it('with two widgets, resizes only the one that sent the message', () => {
    const a = mount()
    const b = mount()
    send({ ...env(b.wid), type: 'resize', height: 900 }, b.win)
    expect(b.frame.style.height).toBe('900px')
    expect(a.frame.style.height).toBe('520px')
    // a's window, b's id: neither matches both.
    send({ ...env(b.wid), type: 'resize', height: 333 }, a.win)
    expect(a.frame.style.height).toBe('520px')
    expect(b.frame.style.height).toBe('900px')
  })

  it.each([
    ['a foreign origin', (w: ReturnType<typeof mount>) => send({ ...env(w.wid), type: 'resize', height: 1 }, w.win, 'https://evil.example')],
    ['a look-alike origin', (w: ReturnType<typeof mount>) => send({ ...env(w.wid), type: 'resize', height: 1 }, w.win, `${ORIGIN}.evil.example`)],
    [
      'the right origin but another window',
      (w: ReturnType<typeof mount>) => send({ ...env(w.wid), type: 'resize', height: 1 }, { postMessage() {} }),
    ],
    ['the right origin but no window', (w: ReturnType<typeof mount>) => send({ ...env(w.wid), type: 'resize', height: 1 }, null)],
    ['the wrong wid', (w: ReturnType<typeof mount>) => send({ ...env('w999other'), type: 'resize', height: 1 }, w.win)],
    ['a malformed message', (w: ReturnType<typeof mount>) => send({ ...env(w.wid), type: 'resize', height: 1e9 }, w.win)],
    ['a foreign namespace', (w: ReturnType<typeof mount>) => send({ ...env(w.wid), ns: 'x', type: 'resize', height: 1 }, w.win)],
  ])('ignores a message from %s', async (_, deliver) => {
    const w = mount({ memory: '512' })
    const changed = vi.fn()
    w.el.addEventListener('lambda-cost-change', changed)
    deliver(w)
    expect(w.frame.style.height).toBe('520px')
    // Not taken as the widget speaking either: an attribute change still reloads.
    w.el.setAttribute('memory', '256')
    await tick()
    expect(w.win.postMessage).not.toHaveBeenCalled()
    expect(w.url().searchParams.get('m')).toBe('256')
    expect(changed).not.toHaveBeenCalled()
  })

  it('ignores a window-less message while its own iframe has no window yet', () => {
    const el = document.createElement('lambda-cost-calculator')
    document.body.append(el)
    const frame = el.shadowRoot!.querySelector('iframe')!
    expect(frame.contentWindow).toBeNull() // as jsdom leaves it
    const wid = new URL(frame.src).searchParams.get('wid')!
    send({ ...env(wid), type: 'resize', height: 700 }, null)
    expect(frame.style.height).toBe('520px')
  })

  it('dispatches a bubbling, composed lambda-cost-change event for a valid change message', () => {
    const { el, win, wid } = mount()
    const seen: CustomEvent[] = []
    const listener = (e: Event) => seen.push(e as CustomEvent)
    document.addEventListener('lambda-cost-change', listener)
    try {
      send({ ...env(wid), type: 'change', query: 'p=2016&m=512', totalCents: 1874, totalUsd: '18.74', problems: [], extra: 1 }, win)
      send({ ...env(wid), type: 'change', query: 'm=0', totalCents: null, totalUsd: null, problems: [] }, win)
      send({ ...env(wid), type: 'change', query: 'm=1', totalCents: 'lots', totalUsd: null, problems: [] }, win)
    } finally {
      document.removeEventListener('lambda-cost-change', listener)
    }
    expect(seen).toHaveLength(2)
    expect(seen[0]!.target).toBe(el)
    expect(seen[0]!.bubbles).toBe(true)
    expect(seen[0]!.composed).toBe(true)
    expect(seen[0]!.detail).toEqual({ query: 'p=2016&m=512', totalCents: 1874, totalUsd: '18.74', problems: [] })
    expect(seen[1]!.detail).toEqual({ query: 'm=0', totalCents: null, totalUsd: null, problems: [] })
  })

  it("passes on the widget's problems, and exact dollars without cents for a bill beyond 2^53 cents", () => {
    const { el, win, wid } = mount()
    const seen: CustomEvent[] = []
    el.addEventListener('lambda-cost-change', (e) => seen.push(e as CustomEvent))
    const problems = [
      { attribute: 'memory', message: 'memory: the value is 5,000 characters long; the widget reads at most 100, so it was left out.' },
    ]
    send({ ...env(wid), type: 'change', query: 'p=current', totalCents: null, totalUsd: '120001200010002.20', problems }, win)
    expect(seen.map((e) => e.detail)).toEqual([{ query: 'p=current', totalCents: null, totalUsd: '120001200010002.20', problems }])
  })

  it('keeps its height when the widget reports 0 px (nothing laid out yet)', () => {
    const { frame, win, wid } = mount()
    send({ ...env(wid), type: 'resize', height: 0 }, win)
    expect(frame.style.height).toBe('520px')
    send({ ...env(wid), type: 'resize', height: 640 }, win)
    send({ ...env(wid), type: 'resize', height: 0 }, win)
    expect(frame.style.height).toBe('640px')
  })

  it('leaves out an attribute too long for a message, and tells the widget which (at load and live)', async () => {
    const { el, win, wid, url } = mount({ memory: '1'.repeat(5000), duration: '250' })
    expect(url().searchParams.get('m')).toBeNull()
    expect(url().searchParams.get('d')).toBe('250')
    expect(url().searchParams.get('over')).toBe('memory.5000')
    send({ ...env(wid), type: 'resize', height: 700 }, win)
    el.setAttribute('requests', '9'.repeat(20_000))
    await tick()
    expect(win.postMessage).toHaveBeenCalledExactlyOnceWith({ ...env(wid), type: 'set', query: 'd=250&over=memory.5000,requests.20000' }, ORIGIN)
  })

  it('sends the latest attributes once for 10,000 changes in a row', async () => {
    const { el, win, wid } = mount({ memory: '512' })
    send({ ...env(wid), type: 'resize', height: 700 }, win)
    for (let i = 0; i < 10_000; i++) el.setAttribute('memory', String(128 + (i % 100) * 64))
    await tick()
    expect(win.postMessage).toHaveBeenCalledExactlyOnceWith({ ...env(wid), type: 'set', query: `m=${128 + (9_999 % 100) * 64}` }, ORIGIN)
  })

  it('stops listening once removed from the page', () => {
    const { el, frame, win, wid } = mount()
    el.remove()
    send({ ...env(wid), type: 'resize', height: 700 }, win)
    expect(frame.style.height).toBe('520px')
  })

  it('shows the calculator its calculator attribute names, and takes messages from that origin only', async () => {
    const other = 'https://lambda-costs.example'
    const { el, frame, win, url, wid } = mount({ calculator: `${other}/docs-widget`, memory: '512' })
    expect(`${url().origin}${url().pathname}`).toBe(`${other}/docs-widget/`)
    expect(url().searchParams.get('m')).toBe('512')
    send({ ...env(wid), type: 'resize', height: 610 }, win)
    expect(frame.style.height).toBe('520px')
    send({ ...env(wid), type: 'resize', height: 610 }, win, other)
    expect(frame.style.height).toBe('610px')
    el.setAttribute('memory', '1024')
    await tick()
    expect(win.postMessage).toHaveBeenCalledExactlyOnceWith({ ...env(wid), type: 'set', query: 'm=1024' }, other)
  })

  it('reads its calculator attribute when added to a page, and ignores one that is not an http(s) URL', () => {
    const { el, frame } = mount({ calculator: 'javascript:alert(1)' })
    expect(new URL(frame.src).origin).toBe(ORIGIN)
    el.setAttribute('calculator', 'https://other.example/tools?x=1#y')
    el.remove()
    document.body.append(el)
    expect(frame.src).toMatch(/^https:\/\/other\.example\/tools\/\?embed=1&wid=/)
  })

  it('loading the script twice is harmless', async () => {
    const before = customElements.get('lambda-cost-calculator')
    vi.resetModules()
    await expect(import('../../src/embed/loader')).resolves.toBeDefined()
    expect(customElements.get('lambda-cost-calculator')).toBe(before)
    const { frame, win, wid } = mount()
    send({ ...env(wid), type: 'resize', height: 600 }, win)
    expect(frame.style.height).toBe('600px')
  })
})
