// The docs-site embed in a real browser: <lambda-cost-calculator> (dist/embed.js)
// on a host page of ANOTHER site, with a strict CSP and hostile global CSS.
//
// Widget origin: the `vite preview` server of global setup (http://127.0.0.1:PORT).
// Host origin:   a node:http server started here, reached as http://localhost:PORT2,
//                so the widget is a cross-site, out-of-process iframe as on a real docs site.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { embedSnippets } from '../../src/app/embed-snippet'
import { defaultInputs, type CalculatorInputs } from '../../src/state/store'
import { launchChromium } from './chromium'
import { screenshotPath, watchErrors } from './helpers'

const widgetOrigin = inject('baseURL')
const FIXTURES = join(__dirname, 'embed-host')
const CLASSIC_1 = `${widgetOrigin}/?embed=1&p=2016&m=512&d=1000&r=3e6`

let hostOrigin = ''
/** The same host server as a same-site origin (another port of 127.0.0.1), where a third-party iframe may use storage. */
let sameSiteHostOrigin = ''
let hostServer: Server | undefined
let browser: Browser
let close: (() => Promise<void>) | undefined

const csp = () =>
  `default-src 'none'; script-src 'self' ${widgetOrigin}; frame-src 'self' ${widgetOrigin}; style-src 'self'; img-src 'self'; connect-src 'self'`

/** The README's plain iframe example: its src (at the README's calc.example.com) and height. */
const README_IFRAME = (() => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
  const m = /<iframe\s+src="https:\/\/calc\.example\.com\/(\?[^"]+)"[^>]*?\sheight="(\d+)"/.exec(readme)
  if (!m) throw new Error('README.md has no plain iframe example')
  return { query: m[1]!, height: m[2]! }
})()

/** Two functions on today's sheet with the longest usual values, for the Embed button's plain iframe. */
const TWO_FUNCTIONS: CalculatorInputs = (() => {
  const inputs = defaultInputs()
  const fn = { ...inputs.functions[0]!, memoryMb: '10240', durationMs: '900000', requests: '50000000', ephemeralStorageMb: '10240' }
  return { ...inputs, sheet: 'aws-current', functions: [fn, { ...fn, id: 'second', memoryMb: '1024' }] }
})()

/** The host page's files: path -> [fixture file, content type]. HTML gets the widget origin and the README's iframe filled in. */
const ROUTES: Record<string, [string, string]> = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/clean.html': ['clean.html', 'text/html; charset=utf-8'],
  '/plain.html': ['plain.html', 'text/html; charset=utf-8'],
  // One docs column page, as wide as its name says (column.css has a class for each width).
  '/column-280.html': ['column.html', 'text/html; charset=utf-8'],
  '/column-300.html': ['column.html', 'text/html; charset=utf-8'],
  '/column-360.html': ['column.html', 'text/html; charset=utf-8'],
  '/column.css': ['column.css', 'text/css; charset=utf-8'],
  '/sandboxed.html': ['sandboxed.html', 'text/html; charset=utf-8'],
  '/sandboxed-example.html': ['sandboxed-example.html', 'text/html; charset=utf-8'],
  '/host.js': ['host.js', 'text/javascript; charset=utf-8'],
  '/hostile.css': ['hostile.css', 'text/css; charset=utf-8'],
}

beforeAll(async () => {
  hostServer = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    if (path === '/favicon.ico') {
      // Chromium asks every page for one (not a page request Playwright reports); the host has none.
      res.writeHead(204).end()
      return
    }
    const route = ROUTES[path]
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    const [file, type] = route
    const body = readFileSync(join(FIXTURES, file), 'utf8')
      .replaceAll('{{WIDGET_ORIGIN}}', widgetOrigin)
      .replaceAll('{{README_IFRAME_SRC}}', `${widgetOrigin}/${README_IFRAME.query}`.replaceAll('&', '&amp;'))
      .replaceAll('{{README_IFRAME_HEIGHT}}', README_IFRAME.height)
      .replaceAll('{{COLUMN_WIDTH}}', /^\/column-(\d+)\.html$/.exec(path)?.[1] ?? '')
      // Its style attribute (border:0) is left out: this page's CSP refuses style attributes.
      .replaceAll('{{SNIPPET_IFRAME}}', embedSnippets(TWO_FUNCTIONS, widgetOrigin).iframe.replace(' style="border:0"', ''))
    res.writeHead(200, { 'content-type': type, 'content-security-policy': csp(), 'cache-control': 'no-store' }).end(body)
  })
  await new Promise<void>((resolve, reject) => {
    hostServer!.once('error', reject)
    hostServer!.listen(0, '127.0.0.1', resolve)
  })
  // localhost and 127.0.0.1 are different sites: the widget is a third-party iframe here.
  const port = (hostServer.address() as AddressInfo).port
  hostOrigin = `http://localhost:${port}`
  sameSiteHostOrigin = `http://127.0.0.1:${port}`
  ;({ browser, close } = await launchChromium())
})

afterAll(async () => {
  await close?.()
  await new Promise<void>((resolve) => (hostServer ? hostServer.close(() => resolve()) : resolve()))
})

interface Opened {
  context: BrowserContext
  page: Page
  errors: string[]
  requests: string[]
}

async function openHost(
  path: string,
  options: { width?: number; colorScheme?: 'light' | 'dark'; origin?: string; prepare?: (context: BrowserContext) => Promise<unknown> } = {},
): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' })
  await options.prepare?.(context)
  const page = await context.newPage()
  const errors = watchErrors(page)
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  await page.goto(`${options.origin ?? hostOrigin}${path}`)
  return { context, page, errors, requests }
}

/** The widget's iframe inside element `#id`'s open shadow root (Playwright CSS pierces it). */
const frameOf = (page: Page, id: string) => page.frameLocator(`#${id} iframe`)

/** The widget's total, read inside its iframe without waiting (for expect.poll). */
async function widgetTotal(page: Page, id: string): Promise<string> {
  return (await frameOf(page, id).getByTestId('monthly-total').allTextContents()).join(' | ')
}

/** Brings the (lazy) iframe into view and waits for its total; returns its Frame for evaluate. */
async function widget(page: Page, id: string): Promise<Frame> {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded({ timeout: 30_000 })
  await frameOf(page, id).getByTestId('monthly-total').waitFor({ timeout: 30_000 })
  const frame = await (await page.locator(`#${id} iframe`).elementHandle({ timeout: 30_000 }))!.contentFrame()
  if (!frame) throw new Error(`#${id}: the iframe has no frame`)
  return frame
}

type Detail = { query: string; totalCents: number | null; totalUsd: string | null; problems: { attribute: string; message: string }[] }
const events = (page: Page, id: string) => page.evaluate((id) => (window as any).__host.events(id) as Detail[], id)
const hostHeight = (page: Page, id: string) => page.evaluate((id) => (window as any).__host.height(id) as number, id)
const heights = (page: Page, id: string) => page.evaluate((id) => (window as any).__host.heights(id) as string[], id)
const widOf = (page: Page, id: string) => page.evaluate((id) => (window as any).__host.wid(id) as string, id)

/** The iframe document's own measurements. */
const inner = (frame: Frame) =>
  frame.evaluate(() => {
    const root = document.documentElement
    return {
      scrollHeight: root.scrollHeight,
      clientHeight: root.clientHeight,
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      contentHeight: root.getBoundingClientRect().height,
    }
  })

/** What the document in `frame` can see of cookies and storage ('denied' where the browser refuses access). */
const stored = (frame: Frame) =>
  frame.evaluate(() => {
    const size = (get: () => Storage) => {
      try {
        return get().length
      } catch {
        return 'denied' as const
      }
    }
    return { cookie: document.cookie, local: size(() => localStorage), session: size(() => sessionStorage) }
  })

/** How far the iframe's height in the host is from its content's height (0 when it fits). */
async function misfit(page: Page, id: string, frame: Frame): Promise<number> {
  const [outer, m] = await Promise.all([hostHeight(page, id), inner(frame)])
  return Math.max(Math.abs(outer - m.scrollHeight), Math.abs(outer - m.contentHeight))
}

/** Waits until both widgets show their starting totals and have been sized to their content. */
async function settled(page: Page): Promise<{ a: Frame; b: Frame }> {
  const a = await widget(page, 'a')
  const b = await widget(page, 'b')
  await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$18.74')
  await expect.poll(() => widgetTotal(page, 'b'), { timeout: 30_000 }).toBe('$2.73')
  // The charts load lazily and change the height: wait for the last resize.
  await frameOf(page, 'a').locator('.recharts-surface').first().waitFor({ timeout: 30_000 })
  await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
  await expect.poll(() => misfit(page, 'b', b), { timeout: 30_000 }).toBeLessThanOrEqual(2)
  return { a, b }
}

describe('the docs embed on a cross-site host page with a strict CSP and hostile CSS', () => {
  it('each widget shows its own total and reports it once to its own element', async () => {
    const { context, page, errors } = await openHost('/')
    await widget(page, 'a')
    await widget(page, 'b')
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$18.74')
    await expect.poll(() => widgetTotal(page, 'b'), { timeout: 30_000 }).toBe('$2.73')
    // b is dark by its attribute; a follows the (light) system setting.
    expect(await frameOf(page, 'b').locator('html').getAttribute('data-theme')).toBe('dark')
    expect(await frameOf(page, 'a').locator('html').getAttribute('data-theme')).toBeNull()
    await expect.poll(() => events(page, 'a'), { timeout: 30_000 }).toEqual([expect.objectContaining({ totalCents: 1874, totalUsd: '18.74' })])
    await expect.poll(() => events(page, 'b'), { timeout: 30_000 }).toEqual([expect.objectContaining({ totalCents: 273, totalUsd: '2.73' })])
    expect(errors).toEqual([])
    await context.close()
  })

  it('each iframe is sized to its own content, with no inner scrollbar', async () => {
    const { context, page, errors } = await openHost('/')
    const { a, b } = await settled(page)
    for (const [id, frame] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const outer = await hostHeight(page, id)
      const m = await inner(frame)
      expect(Math.abs(outer - m.scrollHeight), `${id}: iframe ${outer}px, content ${m.scrollHeight}px`).toBeLessThanOrEqual(2)
      expect(Math.abs(outer - m.contentHeight), `${id}: iframe ${outer}px, content ${m.contentHeight}px`).toBeLessThanOrEqual(2)
      expect(m.scrollHeight, `${id}: no vertical scrollbar`).toBeLessThanOrEqual(m.clientHeight)
      expect(outer, `${id}: not the loader's starting 520 px`).not.toBe(520)
    }
    // Different content (another sheet, more fields; b compact), different heights: each is sized by its own messages.
    const [ha, hb] = [await hostHeight(page, 'a'), await hostHeight(page, 'b')]
    expect(Math.abs(ha - hb), `a ${ha}px, b ${hb}px`).toBeGreaterThan(10)

    // a grows when its content grows (a notice naming a value it cannot use); b stays as it is.
    // a is scrolled out of view first: the browser then stops rendering updates (and ResizeObserver)
    // in the cross-origin frame, and a host changes attributes wherever the reader is.
    await page.locator('#b').scrollIntoViewIfNeeded({ timeout: 30_000 })
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight))
    expect(await page.locator('#a iframe').evaluate((f) => f.getBoundingClientRect().bottom), 'a is out of view').toBeLessThan(0)
    await page.evaluate(() => document.getElementById('a')!.setAttribute('memory', '5000'))
    await expect
      .poll(() => frameOf(page, 'a').getByTestId('link-notice').allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringContaining('memory="5000"')])
    await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
    expect(await hostHeight(page, 'a')).toBeGreaterThan(ha)
    expect((await inner(a)).scrollHeight).toBeLessThanOrEqual((await inner(a)).clientHeight)
    expect(await hostHeight(page, 'b')).toBe(hb)
    expect(errors).toEqual([])
    await context.close()
  })

  it('an attribute change updates the widget in place and fires lambda-cost-change on that element only', async () => {
    const { context, page, errors } = await openHost('/')
    await settled(page)
    const srcBefore = await page.locator('#a iframe').getAttribute('src')
    await expect.poll(() => events(page, 'a'), { timeout: 30_000 }).toHaveLength(1)
    const eventsB = await events(page, 'b')
    const hb = await hostHeight(page, 'b')

    await page.evaluate(() => {
      const el = document.getElementById('a')!
      el.setAttribute('memory', '128')
      el.setAttribute('duration', '200')
      el.setAttribute('requests', '30000000')
    })
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$11.63')
    await expect.poll(() => events(page, 'a').then((e) => e.length), { timeout: 30_000 }).toBe(2)
    const [, latest] = await events(page, 'a')
    expect(latest).toEqual({ query: expect.stringMatching(/(^|&)m=128(&|$)/), totalCents: 1163, totalUsd: '11.63', problems: [] })
    expect(latest!.query).toMatch(/(^|&)d=200(&|$)/)
    // Updated in place (a set message), not by reloading the iframe.
    expect(await page.locator('#a iframe').getAttribute('src')).toBe(srcBefore)
    expect(await frameOf(page, 'a').getByLabel('Memory (MB)', { exact: true }).inputValue({ timeout: 30_000 })).toBe('128')
    // The other widget heard nothing and kept its size.
    expect(await events(page, 'b')).toEqual(eventsB)
    expect(await hostHeight(page, 'b')).toBe(hb)
    expect(await widgetTotal(page, 'b')).toBe('$2.73')
    expect(errors).toEqual([])
    await context.close()
  })

  it('compact and theme attributes also apply live, added and removed', async () => {
    const { context, page, errors } = await openHost('/')
    const { a, b } = await settled(page)
    const charts = (id: string) => frameOf(page, id).locator('.recharts-surface').count()
    const theme = (frame: Frame) => frame.evaluate(() => document.documentElement.getAttribute('data-theme'))
    expect(await charts('a')).toBeGreaterThan(0)
    expect(await charts('b')).toBe(0)

    await page.evaluate(() => document.getElementById('a')!.setAttribute('compact', ''))
    await expect.poll(() => charts('a'), { timeout: 30_000 }).toBe(0)
    await page.evaluate(() => document.getElementById('b')!.removeAttribute('compact'))
    await expect.poll(() => charts('b'), { timeout: 30_000 }).toBeGreaterThan(0)
    await page.evaluate(() => document.getElementById('a')!.setAttribute('theme', 'dark'))
    await expect.poll(() => theme(a), { timeout: 30_000 }).toBe('dark')
    await page.evaluate(() => document.getElementById('b')!.removeAttribute('theme'))
    await expect.poll(() => theme(b), { timeout: 30_000 }).toBeNull()
    // Still the same inputs and totals, and sized to the new content.
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$18.74')
    await expect.poll(() => widgetTotal(page, 'b'), { timeout: 30_000 }).toBe('$2.73')
    await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
    await expect.poll(() => misfit(page, 'b', b), { timeout: 30_000 }).toBeLessThanOrEqual(2)
    expect(errors).toEqual([])
    await context.close()
  })

  it('ignores forged messages: to the host window, into the iframe, and from another widget', async () => {
    const { context, page, errors } = await openHost('/')
    const { a, b } = await settled(page)
    const wid = await widOf(page, 'a')
    expect(wid).toMatch(/^[\w-]{1,64}$/)
    const ha = await hostHeight(page, 'a')
    const before = await events(page, 'a')

    // 1. The host page posts widget-shaped messages to its own window, with the real wid.
    await page.evaluate(async (wid) => {
      const host = (window as any).__host
      const env = host.envelope(wid)
      host.forgeToSelf([
        { ...env, type: 'resize', height: 5 },
        { ...env, type: 'change', query: 'p=2016&m=128', totalCents: 1, totalUsd: '0.01' },
      ])
      await host.flush()
    }, wid)
    expect(await hostHeight(page, 'a')).toBe(ha)
    expect(await events(page, 'a')).toEqual(before)

    // 2. Another frame on the page, from the widget's own origin (widget b's document), posts to the host as if it were a.
    await page.evaluate(() => {
      const w = window as any
      w.__fromB = w.__host.nextMessage('done-from-b')
    })
    await b.evaluate((wid) => {
      const env = { ns: 'lambda-cost-calculator', v: 1, wid }
      parent.postMessage({ ...env, type: 'resize', height: 5 }, '*')
      parent.postMessage({ ...env, type: 'change', query: 'p=2016&m=128', totalCents: 1, totalUsd: '0.01' }, '*')
      parent.postMessage('done-from-b', '*') // arrives after the two above
    }, wid)
    await page.evaluate(() => (window as any).__fromB)
    expect(await hostHeight(page, 'a')).toBe(ha)
    expect(await events(page, 'a')).toEqual(before)

    // 3. The host page posts malformed messages, or messages for another wid, into a's iframe.
    const forgedQuery = 'p=2016&m=128&d=200&r=30000000'
    await page.evaluate(
      ({ wid, q }) => {
        const host = (window as any).__host
        const env = host.envelope(wid)
        host.postInto('a', [
          { ...env, wid: 'w1someoneelse', type: 'set', query: q },
          { ...env, wid: `${wid}x`, type: 'set', query: q },
          { ...env, type: 'set', query: 42 },
          { ...env, type: 'set', query: `${q}\n` },
          { ...env, type: 'set', query: `${q}&x=${'9'.repeat(5000)}` },
          { ...env, type: 'set', query: q, theme: 'purple' },
          { ...env, v: 2, type: 'set', query: q },
          { ...env, ns: 'other', type: 'set', query: q },
          { ...env, type: 'SET', query: q },
          { ...env, type: 'resize', height: 5 },
          JSON.stringify({ ...env, type: 'set', query: q }),
          [{ ...env, type: 'set', query: q }],
          { ...env, wid: undefined, type: 'set', query: q, theme: 'dark' },
        ])
      },
      { wid, q: forgedQuery },
    )
    // The bridge is listening: a valid set from the parent, posted after the forged ones, is applied.
    // postMessage keeps order, so a forged set that had been applied would show as an earlier change.
    await page.evaluate((wid) => {
      const host = (window as any).__host
      host.postInto('a', [{ ...host.envelope(wid), type: 'set', query: 'p=2016&m=1024&d=1000&r=3e6' }])
    }, wid)
    // 1024 MB x 1 s x 3M = 3,000,000 GB-s - 400,000 = 2,600,000 x 0.00001667 = $43.342 -> $43.34, + $0.40
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$43.74')
    await expect.poll(() => events(page, 'a').then((e) => e.length), { timeout: 30_000 }).toBe(before.length + 1)
    expect((await events(page, 'a')).slice(before.length)).toEqual([expect.objectContaining({ totalCents: 4374, totalUsd: '43.74' })])
    expect(await a.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBeNull()
    await page.evaluate(() => (window as any).__host.flush())
    // The height follows a's real content only (its own resize message, not the forged 5 px).
    await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
    expect(await hostHeight(page, 'a')).toBeGreaterThan(100)
    expect(await widgetTotal(page, 'b')).toBe('$2.73')
    expect(errors).toEqual([])
    await context.close()
  })

  it("the host's global !important CSS does not reach inside the widget", async () => {
    const { context, page, errors } = await openHost('/')
    const { a } = await settled(page)
    const look = (frame: Frame | Page) =>
      frame.evaluate(() => {
        const pick = (el: Element | null, props: string[]) => {
          if (!el) return null
          const s = getComputedStyle(el)
          return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]))
        }
        const input = document.querySelector('input:not([type="range"]):not([type="radio"])')
        return {
          total: pick(document.querySelector('[data-testid="monthly-total"]'), [
            'font-size',
            'font-family',
            'line-height',
            'color',
            'border-top-width',
          ]),
          input: pick(input, ['border-top-width', 'border-top-style', 'border-top-color', 'box-sizing', 'font-size', 'padding-top']),
          div: pick(document.querySelector('.embed'), ['padding-top', 'border-top-width', 'box-sizing', 'background-color']),
          body: pick(document.body, ['font-size', 'border-top-width', 'background-color']),
        }
      })
    const embedded = await look(a)
    const width = await a.evaluate(() => document.documentElement.clientWidth)

    const direct = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: 'light' })
    const directErrors = watchErrors(direct)
    await direct.goto(CLASSIC_1)
    await direct.getByTestId('monthly-total').waitFor({ timeout: 30_000 })
    expect(await direct.getByTestId('monthly-total').textContent()).toBe('$18.74')
    const own = await look(direct)
    await direct.close()

    expect(own.total).not.toBeNull()
    expect(own.input).not.toBeNull()
    expect(embedded).toEqual(own)
    // The host's rules would have given these:
    expect(embedded.total!['font-size']).not.toBe('40px')
    expect(embedded.input!['border-top-color']).not.toBe('rgb(255, 0, 0)')
    // `iframe { height: 10px !important; display: inline !important }` does not reach the shadow root either.
    const box = await page.locator('#a iframe').boundingBox()
    expect(box!.height).toBeGreaterThan(200)
    expect(await page.locator('#a iframe').evaluate((f) => getComputedStyle(f).display)).toBe('block')
    // For a look: the page as its reader sees it (viewport as tall as the page: see the width test).
    await page.setViewportSize({ width: 1280, height: await page.evaluate(() => document.documentElement.scrollHeight) })
    await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
    await page.waitForTimeout(500) // the charts' entry animation
    await page.screenshot({ path: screenshotPath('embed-hostile-host') })
    expect(errors).toEqual([])
    expect(directErrors).toEqual([])
    await context.close()
  })

  it('makes requests to its own origin only, and stores nothing (no cookie, no storage)', async () => {
    const { context, page, errors, requests } = await openHost('/')
    const { a, b } = await settled(page)
    await page.evaluate(() => document.getElementById('a')!.setAttribute('memory', '1024'))
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$43.74')

    const allowedHost = ['/', '/host.js', '/hostile.css'].map((p) => `${hostOrigin}${p}`)
    const foreign = requests.filter((url) => !allowedHost.includes(url) && new URL(url).origin !== widgetOrigin)
    expect(foreign).toEqual([])
    // It did load through the network we watch: the loader and the app, from the widget origin.
    expect(requests).toContain(`${widgetOrigin}/embed.js`)
    expect(requests.filter((url) => url.startsWith(`${widgetOrigin}/?embed=1`))).toHaveLength(2)
    expect(requests.some((url) => new URL(url).origin === widgetOrigin && url.endsWith('.js') && url.includes('/assets/'))).toBe(true)

    // Cross-site, this Chromium denies the iframe storage outright (others partition it): either way it is
    // empty, and the widget runs regardless (no errors). The same-site test below sees storage for certain.
    const empty = expect.toBeOneOf([0, 'denied'])
    for (const frame of [a, b]) expect(await stored(frame)).toEqual({ cookie: '', local: empty, session: empty })
    expect(await context.cookies()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('stores nothing where storage is open to it (a same-site host on another port)', async () => {
    const { context, page, errors, requests } = await openHost('/', { origin: sameSiteHostOrigin })
    const { a, b } = await settled(page)
    await page.evaluate(() => document.getElementById('a')!.setAttribute('memory', '1024'))
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$43.74')
    await frameOf(page, 'a').getByLabel('Memory (MB)', { exact: true }).fill('2048')
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).not.toBe('$43.74')
    const allowedHost = ['/', '/host.js', '/hostile.css'].map((p) => `${sameSiteHostOrigin}${p}`)
    expect(requests.filter((url) => !allowedHost.includes(url) && new URL(url).origin !== widgetOrigin)).toEqual([])
    for (const frame of [a, b]) expect(await stored(frame)).toEqual({ cookie: '', local: 0, session: 0 })
    expect(await context.cookies()).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('causes no CSP violation and no page or console error under the strict CSP', async () => {
    const { context, page, errors } = await openHost('/')
    await settled(page)
    await page.evaluate(() => document.getElementById('b')!.setAttribute('theme', 'light'))
    await expect.poll(() => frameOf(page, 'b').locator('html').getAttribute('data-theme'), { timeout: 30_000 }).toBe('light')
    await page.evaluate(() => (window as any).__host.flush())
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([])
    expect(errors).toEqual([])

    // The watch works: an inline <style> is refused and recorded.
    await page.evaluate(() => (window as any).__host.violate())
    await expect.poll(() => page.evaluate(() => (window as any).__violations.length), { timeout: 30_000 }).toBe(1)
    await context.close()
  })
})

describe('the docs embed without the hostile host', () => {
  it('dist/embed-demo.html ships, and its two widgets render and report their totals', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`)
    })
    const response = await page.goto(`${widgetOrigin}/embed-demo.html`)
    expect(response?.status()).toBe(200)
    await widget(page, 'classic')
    await widget(page, 'graviton')
    await expect.poll(() => widgetTotal(page, 'classic'), { timeout: 30_000 }).toBe('$18.74')
    await expect.poll(() => widgetTotal(page, 'graviton'), { timeout: 30_000 }).toMatch(/^\$\d[\d,]*\.\d\d$/)
    // The same inputs in the full calculator give the same total.
    const graviton = await widgetTotal(page, 'graviton')
    const full = await context.newPage()
    await full.goto(`${widgetOrigin}/?p=current&rg=us-east-1&a=arm&m=1769&d=120&r=50&u=mpm&e=2048`)
    await full.getByTestId('monthly-total').waitFor({ timeout: 30_000 })
    expect(await full.getByTestId('monthly-total').textContent()).toBe(graviton)
    await full.close()
    // The page's own script shows what each widget reported.
    await expect.poll(() => page.locator('.live[data-for="classic"] output').textContent(), { timeout: 30_000 }).toBe('$18.74')
    await expect.poll(() => page.locator('.live[data-for="graviton"] output').textContent(), { timeout: 30_000 }).toBe(graviton)
    // Its buttons change the attribute: 1024 MB -> $43.74 in the widget and in the page.
    await page.getByRole('button', { name: '1024 MB' }).click()
    await expect.poll(() => widgetTotal(page, 'classic'), { timeout: 30_000 }).toBe('$43.74')
    await expect.poll(() => page.locator('.live[data-for="classic"] output').textContent(), { timeout: 30_000 }).toBe('$43.74')
    expect(errors).toEqual([])
    await context.close()
  })

  it('a plain iframe with no script shows the total at the height it was given', async () => {
    const { context, page, errors, requests } = await openHost('/plain.html')
    const frame = page.frameLocator('#plain')
    await frame.getByTestId('monthly-total').waitFor({ timeout: 30_000 })
    await expect.poll(async () => (await frame.getByTestId('monthly-total').allTextContents()).join(' | '), { timeout: 30_000 }).toBe('$18.74')
    expect((await page.locator('#plain').boundingBox())!.height).toBe(900)
    expect(requests.filter((url) => url.startsWith(`${widgetOrigin}/embed.js`))).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('fits 320 px and 800 px wide host pages, light and dark, with no horizontal overflow', async () => {
    const backgrounds: Record<string, string> = {}
    for (const width of [320, 800]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { context, page, errors } = await openHost('/clean.html', { width, colorScheme })
        const { a, b } = await settled(page)
        for (const [id, frame] of [
          ['a', a],
          ['b', b],
        ] as const) {
          const m = await inner(frame)
          expect(m.clientWidth, `${id} at ${width}px: the widget is given ${m.clientWidth}px`).toBeGreaterThanOrEqual(Math.min(width - 20, 780))
          expect(m.scrollWidth, `${id} at ${width}px ${colorScheme}: no horizontal overflow`).toBeLessThanOrEqual(m.clientWidth)
          // Nothing inside is wider than the widget, even where overflow is clipped.
          const wide = await frame.evaluate(() => {
            const limit = document.documentElement.clientWidth
            return [...document.querySelectorAll('body *')]
              .filter((el) => {
                const r = el.getBoundingClientRect()
                return r.width > 0 && (r.right > limit + 0.5 || r.left < -0.5)
              })
              .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
              .slice(0, 5)
          })
          expect(wide, `${id} at ${width}px`).toEqual([])
          expect(await frame.locator('body').innerText()).not.toMatch(/NaN|undefined|Infinity|\$-/)
        }
        expect(await b.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark')
        backgrounds[`${width}-${colorScheme}`] = await a.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
        // Chromium paints an out-of-process iframe only near the viewport, so a fullPage
        // screenshot leaves the widgets blank below the fold: make the viewport the page's height.
        const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight)
        await page.setViewportSize({ width, height: pageHeight })
        await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
        await expect.poll(() => misfit(page, 'b', b), { timeout: 30_000 }).toBeLessThanOrEqual(2)
        await page.waitForTimeout(500) // the charts' entry animation
        await page.screenshot({ path: screenshotPath(`embed-${width}-${colorScheme}`) })
        expect(errors).toEqual([])
        await context.close()
      }
    }
    // a has no theme attribute: it follows the reader's system setting inside the cross-site frame.
    expect(backgrounds['320-light']).not.toBe(backgrounds['320-dark'])
    expect(backgrounds['800-light']).toBe(backgrounds['320-light'])
    expect(backgrounds['800-dark']).toBe(backgrounds['320-dark'])
  })
})

describe('the docs embed: loading, bursts, bad attributes, exact totals, narrow columns', () => {
  it('goes from its starting height straight to its content height: never 0, one change', async () => {
    const { context, page, errors } = await openHost('/')
    await settled(page)
    for (const id of ['a', 'b']) {
      const seen = await heights(page, id)
      expect(seen, `${id}: ${seen.join(' -> ')}`).not.toContain('0px')
      expect(seen, `${id}: ${seen.join(' -> ')}`).toEqual(['520px', `${await hostHeight(page, id)}px`])
    }
    expect(errors).toEqual([])
    await context.close()
  })

  it('applies only the latest of 10,000 set messages, a few times at most', async () => {
    const { context, page, errors } = await openHost('/')
    const { a } = await settled(page)
    const wid = await widOf(page, 'a')
    const before = (await events(page, 'a')).length
    await page.evaluate((wid) => {
      const host = (window as any).__host
      const env = host.envelope(wid)
      const messages = Array.from({ length: 10_000 }, (_, i) => ({ ...env, type: 'set', query: `p=2016&m=${128 + (i % 46) * 64}&d=1000&r=3e6` }))
      host.postInto('a', messages)
    }, wid)
    // The last is m = 128 + (9,999 mod 46 = 17) x 64 = 1,216 MB: 3M x 1 s x 1.1875 GB = 3,562,500 GB-s - 400,000 free
    // = 3,162,500 x $0.00001667 = $52.7189 -> $52.72, + (3M - 1M free) x $0.20 per million = $0.40: $53.12.
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$53.12')
    await expect.poll(async () => (await events(page, 'a')).at(-1)?.totalUsd, { timeout: 30_000 }).toBe('53.12')
    expect(await frameOf(page, 'a').getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('1216')
    const applied = (await events(page, 'a')).length - before
    expect(applied, `${applied} updates for 10,000 messages`).toBeLessThanOrEqual(30)
    await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
    expect(errors).toEqual([])
    await context.close()
  })

  it('keeps up with 10,000 attribute changes, each in a task of its own, and ends on the last', async () => {
    const { context, page, errors } = await openHost('/')
    await settled(page)
    const before = (await events(page, 'a')).length
    await page.evaluate(() => (window as any).__host.setAttributeRepeatedly('a', 'memory', 10_000, (i: number) => String(128 + (i % 46) * 64)))
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$53.12')
    await expect.poll(async () => (await events(page, 'a')).at(-1)?.totalUsd, { timeout: 30_000 }).toBe('53.12')
    const applied = (await events(page, 'a')).length - before
    expect(applied, `${applied} updates for 10,000 changes`).toBeLessThan(1_000)
    expect(errors).toEqual([])
    await context.close()
  })

  it("explains bad attributes in the element's terms, in the widget and in lambda-cost-change", async () => {
    const { context, page, errors } = await openHost('/')
    await settled(page)
    await page.evaluate(() => {
      const el = document.getElementById('a')!
      el.setAttribute('memory', 'lots')
      el.setAttribute('unit', 'fortnight')
    })
    const notice = frameOf(page, 'a').getByTestId('link-notice')
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('memory="lots": Memory must be')
    const text = (await notice.textContent())!
    expect(text).toContain('This widget had 2 attributes it could not use')
    expect(text).toContain('unit="fortnight" is not allowed: use second, minute, hour, day, month or million-per-month')
    expect(text).not.toMatch(/\bm=lots|\bu=fortnight/)
    await expect.poll(async () => (await events(page, 'a')).at(-1)?.problems.map((p) => p.attribute), { timeout: 30_000 }).toEqual(['memory', 'unit'])
    // The defaults stand in (512 MB, per month), with the other attributes applied.
    expect((await events(page, 'a')).at(-1)).toMatchObject({ totalUsd: expect.stringMatching(/^\d+\.\d\d$/) })
    expect(errors).toEqual([])
    await context.close()
  })

  it('reports an attribute too long for a message, and a value typed too long to pass on, never silently', async () => {
    const { context, page, errors } = await openHost('/')
    const { a } = await settled(page)
    await page.evaluate(() => document.getElementById('a')!.setAttribute('memory', '1024'))
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$43.74')
    await page.evaluate(() => document.getElementById('a')!.setAttribute('memory', '1'.repeat(5000)))
    const notice = frameOf(page, 'a').getByTestId('link-notice')
    const message = 'memory: the value is 5,000 characters long; the widget reads at most 100, so it was left out.'
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain(message)
    await expect.poll(async () => (await events(page, 'a')).at(-1)?.problems, { timeout: 30_000 }).toEqual([{ attribute: 'memory', message }])
    // The rest of the attributes still apply; memory is back at its default, 512 MB.
    await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toBe('$18.74')
    expect(await frameOf(page, 'a').getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('512')

    await page.evaluate(() => document.getElementById('a')!.setAttribute('memory', '512'))
    await expect.poll(async () => (await events(page, 'a')).at(-1)?.problems, { timeout: 30_000 }).toEqual([])
    await frameOf(page, 'a').getByLabel('Duration (ms)', { exact: true }).fill('9'.repeat(5000))
    const typed = 'duration: the value typed is over 2,000 characters long; the widget passes on at most 100 to this page.'
    await expect.poll(() => frameOf(page, 'a').getByTestId('embed-typed').textContent(), { timeout: 30_000 }).toBe(typed)
    await expect
      .poll(async () => (await events(page, 'a')).at(-1), { timeout: 30_000 })
      .toEqual({
        query: expect.not.stringMatching(/(^|&)d=/),
        totalCents: null,
        totalUsd: null,
        problems: [{ attribute: 'duration', message: typed }],
      })
    await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
    expect(errors).toEqual([])
    await context.close()
  })

  it('reports a bill beyond 2^53 cents exactly: totalCents null, totalUsd to the cent', async () => {
    const { context, page, errors } = await openHost('/')
    await settled(page)
    await page.evaluate(() => {
      const el = document.getElementById('a')!
      for (const [name, value] of Object.entries({
        sheet: 'current',
        region: 'us-east-1',
        architecture: 'x86_64',
        'free-tier': 'false',
        memory: '10240',
        duration: '900000',
        requests: '1e15',
        unit: 'month',
      }))
        el.setAttribute(name, value)
    })
    // 10^15 requests x 900 s x 10 GB = 9 x 10^18 GB-s at us-east-1's x86_64 tiers (published per GB-s):
    // 6e9 at $0.0000166667 = $100,000.20; 9e9 at $0.000015 = $135,000; the rest at $0.0000133334.
    // Requests: 10^15 x $0.20 per million = $200,000,000.
    const tier3Cents = ((9n * 10n ** 18n - 15_000_000_000n) * 133_334n) / 100_000_000n
    const cents = 10_000_020n + 13_500_000n + tier3Cents + 20_000_000_000n
    expect(cents > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true)
    const usd = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
    await expect
      .poll(async () => (await events(page, 'a')).at(-1), { timeout: 30_000 })
      .toMatchObject({ totalCents: null, totalUsd: usd, problems: [] })
    expect((await widgetTotal(page, 'a')).replace(/[$,]/g, '')).toBe(usd)
    expect(errors).toEqual([])
    await context.close()
  })

  it('puts the total first in a narrow column, and keeps compact short', async () => {
    const measured: Record<string, { height: number; totalTop: number; firstInputTop: number }> = {}
    for (const width of [320, 600, 1000]) {
      const { context, page, errors } = await openHost('/clean.html', { width })
      const { a, b } = await settled(page)
      for (const [id, frame] of [
        ['a', a],
        ['b', b],
      ] as const) {
        measured[`${id}-${width}`] = await frame.evaluate(() => {
          const top = (el: Element | null) => Math.round(el!.getBoundingClientRect().top)
          return {
            height: document.documentElement.scrollHeight,
            totalTop: top(document.querySelector('[data-testid="monthly-total"]')),
            firstInputTop: top(document.querySelector('input')),
          }
        })
      }
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight)
      await page.setViewportSize({ width, height: pageHeight })
      await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
      await page.waitForTimeout(300)
      await page.screenshot({ path: screenshotPath(`embed-narrow-${width}`) })
      expect(errors).toEqual([])
      await context.close()
    }
    const report = JSON.stringify(measured)
    for (const width of [320, 600]) {
      for (const id of ['a', 'b']) {
        const m = measured[`${id}-${width}`]!
        // The total is the first thing in the widget, above every input.
        expect(m.totalTop, `${id} at ${width}px: ${report}`).toBeLessThan(100)
        expect(m.totalTop, `${id} at ${width}px: ${report}`).toBeLessThan(m.firstInputTop)
      }
    }
    // Wide: the inputs on the left and the total on the right, both at the top.
    expect(measured['a-1000']!.firstInputTop, report).toBeLessThan(200)
    expect(measured['a-1000']!.totalTop, report).toBeLessThan(200)
    // Compact is short: at 320 px, well under the full widget, and under 1,100 px (it was 1,512 px with the total 1,064 px down).
    expect(measured['b-320']!.height, report).toBeLessThan(1_100)
    expect(measured['b-320']!.height, report).toBeLessThan(measured['a-320']!.height - 300)
  })
})

describe('the docs embed in 280, 300 and 360 px docs columns', () => {
  /**
   * What a reader could misread in a widget, measured in its frame: where the total is and
   * whether it is cut; each text field that scrolls its value (scrollWidth > clientWidth);
   * each list whose choice does not fit beside its arrow (for a region its id: the name after
   * it may be cut); fields that overlap or stick out of the widget.
   */
  const look = (frame: Frame) =>
    frame.evaluate(() => {
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect()
        return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden'
      }
      const width = document.documentElement.clientWidth
      const name = (el: Element) => el.id || el.getAttribute('aria-label') || el.tagName
      const inputs = [...document.querySelectorAll<HTMLInputElement>('input[type="text"]')].filter(shown)
      const selects = [...document.querySelectorAll('select')].filter(shown)
      // The width a list needs to show `text` in full: a copy sized to its content (field-sizing), in the same styles.
      const needed = (select: HTMLSelectElement, text: string) => {
        const copy = select.cloneNode(false) as HTMLSelectElement
        copy.removeAttribute('id')
        copy.append(new Option(text))
        copy.style.setProperty('field-sizing', 'content')
        copy.style.width = 'auto'
        copy.style.minWidth = '0'
        copy.style.maxWidth = 'none'
        copy.style.position = 'absolute'
        select.parentElement!.append(copy)
        const w = copy.getBoundingClientRect().width
        copy.remove()
        return w
      }
      const controls = [...inputs, ...selects]
      const boxes = controls.map((el) => [name(el), el.getBoundingClientRect()] as const)
      const overlaps: string[] = []
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, ra] = boxes[i]!
          const [b, rb] = boxes[j]!
          const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left)
          const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top)
          if (x > 0.5 && y > 0.5) overlaps.push(`${a} and ${b}`)
        }
      const total = document.querySelector('[data-testid="monthly-total"]')!
      const t = total.getBoundingClientRect()
      // The lines the total's text takes: 1 unless it breaks inside the number.
      const range = document.createRange()
      range.selectNodeContents(total)
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      return {
        height: Math.ceil(document.documentElement.getBoundingClientRect().height),
        total: { text: total.textContent, lines, top: Math.round(t.top), bottom: Math.round(t.bottom), left: t.left, right: t.right },
        firstControlTop: Math.round(Math.min(...controls.map((el) => el.getBoundingClientRect().top))),
        width,
        fields: inputs.map((i) => `${name(i)}=${i.value}`),
        clipped: inputs.filter((i) => i.scrollWidth > i.clientWidth).map((i) => `${name(i)}=${i.value}: ${i.scrollWidth} > ${i.clientWidth}`),
        cutChoices: selects
          .map((s) => {
            const text = s.options[s.selectedIndex]?.text ?? ''
            const must = s.id === 'region' ? text.split(':')[0]! : text
            return { s, must, need: needed(s, must), has: s.getBoundingClientRect().width }
          })
          .filter(({ need, has }) => need > has + 0.5)
          .map(({ s, must, need, has }) => `${name(s)}: "${must}" needs ${need}px, has ${has}px`),
        overlaps,
        outside: boxes.filter(([, r]) => r.left < -0.5 || r.right > width + 0.5).map(([n]) => n),
      }
    })

  it('shows the total first, fields that show their whole value, and a compact widget under 600 px; the README iframe is not cut', async () => {
    const heights: Record<string, number> = {}
    for (const width of [280, 300, 360]) {
      const { context, page, errors } = await openHost(`/column-${width}.html`)
      const a = await widget(page, 'a')
      const b = await widget(page, 'b')
      await page.locator('#plain').scrollIntoViewIfNeeded()
      const plain = page.frameLocator('#plain')
      await plain.getByTestId('monthly-total').waitFor({ timeout: 30_000 })
      const plainFrame = (await (await page.locator('#plain').elementHandle())!.contentFrame())!
      // 10240 MB x 900 s x 50,000,000 requests: a bill in the millions, its longest usual values in every field.
      await expect.poll(() => widgetTotal(page, 'a'), { timeout: 30_000 }).toMatch(/^\$\d{1,3}(,\d{3}){2,}\.\d\d$/)
      await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
      await expect.poll(() => misfit(page, 'b', b), { timeout: 30_000 }).toBeLessThanOrEqual(2)

      const seen = { a: await look(a), b: await look(b), plain: await look(plainFrame) }
      for (const [id, m] of Object.entries(seen)) {
        const where = `${id} in a ${width} px column: ${JSON.stringify(m)}`
        expect(m.width, where).toBe(width)
        // The total first, whole, in the widget's first rows.
        expect(m.total.text, where).toMatch(/^\$[\d,]+\.\d\d$/)
        expect(m.total.top, where).toBeLessThan(60)
        expect(m.total.bottom, where).toBeLessThanOrEqual(m.firstControlTop)
        expect(m.total.left, where).toBeGreaterThanOrEqual(0)
        expect(m.total.right, where).toBeLessThanOrEqual(width)
        expect(m.total.lines, where).toBe(1)
        // Every field shows its whole value, none over another or outside the widget.
        expect(m.clipped, where).toEqual([])
        expect(m.cutChoices, where).toEqual([])
        expect(m.overlaps, where).toEqual([])
        expect(m.outside, where).toEqual([])
      }
      expect(seen.a.fields).toEqual(
        expect.arrayContaining(['fn-1-memory=10240', 'fn-1-duration=900000', 'fn-1-requests=50000000', 'fn-1-storage=10240']),
      )
      heights[`compact-${width}`] = seen.b.height
      heights[`full-${width}`] = seen.a.height
      expect(seen.b.height, `compact at ${width} px`).toBeLessThan(600)
      // The README's iframe at its fixed height holds all its widget: nothing scrolls inside it.
      const p = await inner(plainFrame)
      expect(p.clientHeight).toBe(Number(README_IFRAME.height))
      expect(p.scrollHeight, `the README iframe at ${width} px`).toBeLessThanOrEqual(p.clientHeight)
      // So does the Embed button's, for two functions.
      await page.locator('#snippet iframe').scrollIntoViewIfNeeded()
      await page.frameLocator('#snippet iframe').getByTestId('monthly-total').waitFor({ timeout: 30_000 })
      const snippet = (await (await page.locator('#snippet iframe').elementHandle())!.contentFrame())!
      await expect.poll(() => snippet.locator('.function-card').count(), { timeout: 30_000 }).toBe(2)
      const sm = await look(snippet)
      expect([sm.clipped, sm.cutChoices, sm.overlaps, sm.outside], `the Embed button's iframe at ${width} px`).toEqual([[], [], [], []])
      const s2 = await inner(snippet)
      expect(s2.scrollHeight, `the Embed button's iframe for two functions at ${width} px: ${s2.clientHeight} px tall`).toBeLessThanOrEqual(
        s2.clientHeight,
      )

      // Typed: a longer value still shows whole, its unit moving under it where the row is full (one more row), in both layouts.
      for (const id of ['a', 'b']) {
        await frameOf(page, id).getByLabel('Requests', { exact: true }).fill('2500000000')
        await frameOf(page, id).getByLabel('Memory (MB)', { exact: true }).fill('10240')
        await expect.poll(() => widgetTotal(page, id), { timeout: 30_000 }).toMatch(/^\$[\d,]+\.\d\d$/)
        const m = await look(id === 'a' ? a : b)
        expect(m.fields).toContain('fn-1-requests=2500000000')
        // A bill in the hundreds of millions, still on one line.
        expect(m.total.text).toMatch(/^\$\d{3},\d{3},\d{3}\.\d\d$/)
        expect(m.total.lines, `${id} at ${width} px: ${JSON.stringify(m.total)}`).toBe(1)
        expect(m.clipped, `${id} at ${width} px: ${JSON.stringify(m)}`).toEqual([])
        expect(m.overlaps, `${id} at ${width} px`).toEqual([])
      }

      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight)
      await page.setViewportSize({ width: 1280, height: pageHeight })
      await expect.poll(() => misfit(page, 'a', a), { timeout: 30_000 }).toBeLessThanOrEqual(2)
      await page.waitForTimeout(300)
      await page.screenshot({ path: screenshotPath(`embed-column-${width}`) })
      expect(errors).toEqual([])
      await context.close()
    }
    // The widgets' heights, for the record.
    console.log(`widget heights: ${JSON.stringify(heights)}`)
  })

  it('every disclosure in the widget closes with Escape, from inside it, and gives focus back to its button', async () => {
    const { context, page, errors } = await openHost('/column-300.html')
    let tried = 0
    for (const id of ['a', 'b']) {
      const frame = await widget(page, id)
      const toggles = frameOf(page, id).locator('[aria-expanded]:visible, summary:visible')
      const count = await toggles.count()
      for (let i = 0; i < count; i++) {
        const toggle = toggles.nth(i)
        const open = () =>
          toggle.evaluate((el) =>
            el.tagName === 'SUMMARY' ? (el.parentElement as HTMLDetailsElement).open : el.getAttribute('aria-expanded') === 'true',
          )
        const label = await toggle.innerText()
        if (!(await open())) {
          await toggle.focus()
          await toggle.press('Enter')
        }
        expect(await open(), label).toBe(true)
        // Into the section: the first field it holds.
        await toggle.press('Tab')
        const inside = await frame.evaluate(() => {
          const el = document.activeElement!
          const section = el.closest('details, [role="group"]')
          return section !== null && el.tagName !== 'SUMMARY'
        })
        expect(inside, `${label}: Tab goes into the section`).toBe(true)
        await page.keyboard.press('Escape')
        expect(await open(), label).toBe(false)
        expect(await toggle.evaluate((el) => el === document.activeElement), `${label}: focus is back on its button`).toBe(true)
        tried++
      }
    }
    // The full widget has one at least (More options); the compact one leaves it to attributes.
    expect(tried).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('the docs embed in a page with no origin', () => {
  /** The document of the iframe `selector` in `parent`, once it has one. */
  async function frameIn(parent: Page | Frame, selector: string): Promise<Frame> {
    const handle = await parent.locator(selector).elementHandle({ timeout: 30_000 })
    const frame = await handle!.contentFrame()
    if (!frame) throw new Error(`${selector}: the iframe has no frame`)
    return frame
  }

  /** What the example page inside the sandbox sees of its element #a and the README's plain iframe. */
  const host = (example: Frame) =>
    example.evaluate(() => {
      const h = (window as any).__host
      return { height: h.height('a') as number, events: h.events('a') as Detail[] }
    })

  it('sandboxed with allow-scripts only: the element shows its total, sizes itself and reports; the plain iframe shows its total', async () => {
    const { context, page, errors } = await openHost('/sandboxed.html')
    const example = await frameIn(page, '#box')
    // The sandbox holds: the example page, and the widget in it, have no origin.
    expect(await example.evaluate(() => window.origin)).toBe('null')
    const box = page.frameLocator('#box')
    const element = box.frameLocator('#a iframe')
    await expect.poll(() => element.getByTestId('monthly-total').allTextContents(), { timeout: 30_000 }).toEqual(['$18.74'])
    await expect.poll(() => box.frameLocator('#plain').getByTestId('monthly-total').allTextContents(), { timeout: 30_000 }).toEqual(['$18.74'])
    const widgetFrame = await frameIn(example, '#a iframe')
    expect(await widgetFrame.evaluate(() => window.origin)).toBe('null')
    // Neither frame kept the note for an app that did not start.
    expect(await element.getByTestId('start-fallback').count()).toBe(0)
    expect(await box.frameLocator('#plain').getByTestId('start-fallback').count()).toBe(0)

    // Sized by its own messages, from no origin to none, and its inputs reported to its element.
    await expect
      .poll(async () => Math.abs((await host(example)).height - (await inner(widgetFrame)).scrollHeight), { timeout: 30_000 })
      .toBeLessThanOrEqual(2)
    expect((await host(example)).height).not.toBe(520)
    await expect
      .poll(async () => (await host(example)).events, { timeout: 30_000 })
      .toEqual([expect.objectContaining({ totalCents: 1874, totalUsd: '18.74' })])
    // The element's attributes still apply in place.
    await example.evaluate(() => document.getElementById('a')!.setAttribute('memory', '1024'))
    await expect.poll(() => element.getByTestId('monthly-total').allTextContents(), { timeout: 30_000 }).toEqual(['$43.74'])
    await expect.poll(async () => (await host(example)).events.at(-1)?.totalUsd, { timeout: 30_000 }).toBe('43.74')
    expect(errors).toEqual([])
    await context.close()
  })

  it("where the app's files do not load, each frame says why and links to the calculator: never an empty box", async () => {
    // Scripts and styles refused: the sandboxed page of a server that does not open its files to other origins.
    const { context, page } = await openHost('/sandboxed.html', { prepare: (c) => c.route(`${widgetOrigin}/assets/**`, (route) => route.abort()) })
    const box = page.frameLocator('#box')
    for (const selector of ['#a iframe', '#plain']) {
      const frame = box.frameLocator(selector)
      await frame.getByText('could not start here').waitFor({ state: 'visible', timeout: 30_000 })
      expect(await frame.getByTestId('start-fallback').innerText()).toMatch(/its scripts did not load\.\s+The page around it may be sandboxed/)
      const link = frame.getByRole('link', { name: 'Open the calculator in a new tab' })
      expect(await link.evaluate((a: HTMLAnchorElement) => [a.href, a.target])).toEqual([`${widgetOrigin}/`, '_blank'])
      expect(await frame.getByTestId('monthly-total').count()).toBe(0)
    }
    await context.close()
  })

  it('with its styles loaded but not its scripts, the note shows too (after a moment: a slow connection may still be loading)', async () => {
    const { context, page } = await openHost('/plain.html', { prepare: (c) => c.route(`${widgetOrigin}/assets/*.js`, (route) => route.abort()) })
    const frame = page.frameLocator('#plain')
    await frame.getByText('could not start here').waitFor({ state: 'visible', timeout: 30_000 })
    // Styled: the app's stylesheet did load.
    expect(await frame.getByTestId('start-fallback').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid')
    await context.close()
  })

  it('opened from a file: the element sizes itself and reports too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'embed-file-'))
    const file = join(dir, 'docs.html')
    writeFileSync(
      file,
      readFileSync(join(FIXTURES, 'sandboxed-example.html'), 'utf8')
        .replaceAll('{{WIDGET_ORIGIN}}', widgetOrigin)
        .replace('/host.js', pathToFileURL(join(FIXTURES, 'host.js')).href),
    )
    const context = await browser.newContext({ viewport: { width: 360, height: 1600 } })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(pathToFileURL(file).href)
    expect(await page.evaluate(() => window.origin)).toBe('null')
    const widgetFrame = await frameIn(page, '#a iframe')
    await expect.poll(() => frameOf(page, 'a').getByTestId('monthly-total').allTextContents(), { timeout: 30_000 }).toEqual(['$18.74'])
    await expect
      .poll(async () => Math.abs((await hostHeight(page, 'a')) - (await inner(widgetFrame)).scrollHeight), { timeout: 30_000 })
      .toBeLessThanOrEqual(2)
    await expect.poll(() => events(page, 'a'), { timeout: 30_000 }).toEqual([expect.objectContaining({ totalCents: 1874, totalUsd: '18.74' })])
    expect(errors).toEqual([])
    await context.close()
    rmSync(dir, { recursive: true })
  })
})
