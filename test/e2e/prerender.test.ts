// The first total is in the page's HTML (scripts/prerender.ts): readable before
// any script runs, hydrated without a flash, and never shown for another link.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { screenshotPath, total, typeInto, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

/** The text of the element with `data-testid` in raw HTML, tags removed. */
function testIdText(html: string, testId: string): string | null {
  const at = html.indexOf(`data-testid="${testId}"`)
  if (at === -1) return null
  const tag = html.lastIndexOf('<', at)
  const name = /^<(\w+)/.exec(html.slice(tag))![1]!
  const end = html.indexOf(`</${name}>`, at)
  return html
    .slice(html.indexOf('>', at) + 1, end)
    .replace(/<[^>]*>/g, '')
    .trim()
}

/** The bill's rows as "label amount", from raw HTML. */
function billRows(html: string): string[] {
  const table = /<table class="bill-lines[^"]*"[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''
  return [...table.matchAll(/<tr[\s\S]*?<\/tr>/g)]
    .map((row) => row[0].replace(/<span class="cell-label"[^>]*>[^<]*<\/span>/g, ' ').replace(/<[^>]*>/g, ' '))
    .map((text) => text.replace(/\s+/g, ' ').trim())
}

/**
 * Watches, from the page's first moment, every text the monthly total shows
 * while visible (once per frame), and whether the element the HTML brought is
 * replaced or its text rewritten once the document is parsed.
 */
const WATCH = `(() => {
  const w = window
  w.__shown = []
  w.__changes = []
  w.__prerendered = null
  // From the end of parsing: the page's scripts, modules all, run after it.
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return
    const t = (w.__prerendered = document.querySelector('[data-testid="monthly-total"]'))
    if (!t) return
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData' && t.contains(r.target)) w.__changes.push('text: ' + t.textContent)
        if (r.type === 'childList' && t.contains(r.target)) w.__changes.push('nodes in: ' + r.target.nodeName)
        if ([...r.removedNodes].some((n) => n === t || n.contains(t))) w.__changes.push('removed: ' + r.target.nodeName)
      }
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  const tick = () => {
    const el = document.querySelector('[data-testid="monthly-total"]')
    if (el && el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
      const text = el.textContent
      if (w.__shown.at(-1) !== text) w.__shown.push(text)
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

interface Watched {
  shown: string[]
  changes: string[]
  same: boolean
}

const watched = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __shown: string[]; __changes: string[]; __prerendered: Element | null }
    return { shown: w.__shown, changes: w.__changes, same: w.__prerendered === document.querySelector('[data-testid="monthly-total"]') }
  }) as Promise<Watched>

/** Opens `path` with the watcher and every console message collected; `latencyMs` slows each response. */
async function open(path: string, latencyMs = 0) {
  const context = await chromium().newContext({ viewport: { width: 375, height: 800 } })
  await context.addInitScript(WATCH)
  const page = await context.newPage()
  const messages: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`))
  if (latencyMs > 0) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 })
  }
  await page.goto(`${baseURL}${path}`)
  return { context, page, messages }
}

/** The page has hydrated and its lazy parts have come: the share bar renders only after the first commit. */
const live = (page: Page) => page.getByRole('region', { name: 'Share' }).waitFor({ timeout: 30_000 })

describe('the first total, in the HTML', () => {
  it("the page's HTML, before any script, holds the new page's total and its bill", async () => {
    const html = await (await fetch(`${baseURL}/`)).text()
    // 512 MB, 1 s, 3M requests a month, us-east-1, free tier (the current pricing page's rates):
    // compute (3,000,000 x 0.5 GB-s - 400,000) x $0.0000166667 = $18.33; requests (3M - 1M) x $0.20/M = $0.40.
    expect(testIdText(html, 'monthly-total')).toBe('$18.73')
    const rows = billRows(html)
    expect(rows.find((r) => r.startsWith('Requests'))).toMatch(/\$0\.40$/)
    expect(rows.find((r) => r.startsWith('Compute'))).toMatch(/\$18\.33$/)
    expect(rows.at(-1)).toMatch(/^Total .*\$18\.73$/)
  })

  it("a preset's link gets that preset's page: /?preset=rest-api holds its total", async () => {
    const html = await (await fetch(`${baseURL}/?preset=rest-api`)).text()
    expect(html).toContain('data-prerender="preset=rest-api"')
    // 15/s and 3/s x 2,628,000 s = 47,304,000 requests: (47,304,000 - 1M) x $0.20/M = $9.26.
    // arm64: 39,420,000 x 0.085 s x 1 GB + 7,884,000 x 0.012 s x 0.25 GB = 3,374,352 GB-s,
    // less 400,000 free, x $0.0000133334 = $39.66. Total $48.92.
    expect(testIdText(html, 'monthly-total')).toBe('$48.92')
  })

  it('with JavaScript off, the page shows the total and the bill', async () => {
    const context = await chromium().newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${baseURL}/`)
    expect(await page.getByTestId('monthly-total').innerText()).toBe('$18.73')
    expect(await page.getByTestId('monthly-total').isVisible()).toBe(true)
    expect(await page.locator('table.bill-lines').isVisible()).toBe(true)
    // Nothing waits for scripts to show: not the note for a page whose scripts failed, not yet.
    expect(await page.getByText('could not start here').isVisible()).toBe(false)
    await page.screenshot({ path: screenshotPath('prerendered-no-js-375'), fullPage: true })
    await context.close()
  })

  it('hydrates without a console error or warning and without a flash: the same total element, its text never rewritten', async () => {
    const { context, page, messages } = await open('/', 150)
    await live(page)
    const seen = await watched(page)
    expect(seen.same).toBe(true)
    expect(seen.changes).toEqual([])
    expect(seen.shown).toEqual(['$18.73'])
    expect(messages).toEqual([])
    // Live: an edit changes the total. 4M requests: (2,000,000 - 400,000) GB-s x $0.0000166667 = $26.67, + $0.60.
    await typeInto(page, 'Requests', '4000000')
    await expect.poll(() => total(page)).toBe('$27.27')
    await context.close()
  })

  it("a preset's page hydrates as it is too", async () => {
    const { context, page, messages } = await open('/?preset=rest-api', 150)
    await live(page)
    const seen = await watched(page)
    expect(seen).toEqual({ shown: ['$48.92'], changes: [], same: true })
    expect(messages).toEqual([])
    await context.close()
  })

  it('a link with other inputs shows its own total, never the prerendered one', async () => {
    // 1,024 MB: (3,000,000 x 1 GB-s - 400,000) x $0.0000166667 = $43.33, + $0.40 of requests.
    // The REST API preset with a 2,048 MB handler: 39,420,000 x 0.085 s x 2 GB + 23,652 GB-s,
    // less 400,000, x $0.0000133334 = $84.33, + $9.26 of requests.
    const links = { '/?v=2&p=current&m=1024': '$43.73', '/?preset=rest-api&m=2048': '$93.59' }
    for (const [path, expected] of Object.entries(links)) {
      const { context, page, messages } = await open(path, 300)
      await live(page)
      await expect.poll(() => total(page)).toBe(expected)
      const { shown } = await watched(page)
      expect(shown).toEqual([await total(page)])
      expect(messages).toEqual([])
      await context.close()
    }
  })

  it('what is typed and clicked before the page is live counts once it is', async () => {
    const { context, page } = await open('/', 1500)
    await page.getByTestId('monthly-total').waitFor()
    // Before the scripts have come: the prerendered form takes the edits, the total is still the HTML's.
    await typeInto(page, 'Requests', '4000000')
    await page.getByLabel('Architecture', { exact: true }).selectOption('arm64')
    await page.getByRole('button', { name: 'Pin as baseline' }).click()
    expect(await page.getByRole('region', { name: 'Share' }).count()).toBe(0)
    await live(page)
    // arm64: 1,600,000 GB-s x $0.0000133334 = $21.33, + $0.60 of requests.
    await expect.poll(() => total(page), { timeout: 30_000 }).toBe('$21.93')
    // The click was not lost: a baseline is pinned.
    await page.getByRole('button', { name: 'Clear baseline' }).waitFor({ timeout: 30_000 })
    await context.close()
  })

  it("the page's own policy allows its one inline script and stylesheet by their hashes", () => {
    const html = readFileSync(resolve(__dirname, '../../dist/index.html'), 'utf8')
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)
    expect([scripts.length, styles.length]).toEqual([1, 1])
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(policy).toContain(`script-src 'self' ${hash(scripts[0]!)};`)
    expect(policy).toContain(`style-src 'self' ${hash(styles[0]!)};`)
  })
})
