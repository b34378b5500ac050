/**
 * The first total on a slow phone: from navigation to the monthly total
 * painted, with the right value, on Chromium DevTools' "Slow 4G" preset
 * (562.5 ms latency, 1.4 Mbit/s down and 675 kbit/s up, each x 0.9 as DevTools
 * applies them), the CPU 4x throttled, a 375 px viewport and the cache disabled.
 * Part of `npm run bench:ui`; `npm run bench:ui -- first-total` runs it alone.
 */
import type { Browser, Page } from 'playwright-core'

const PATHS = ['/', '/?preset=rest-api']
const RUNS = 5

/** DevTools' "Slow 4G" (front_end/core/sdk/NetworkManager.ts): throughputs in bytes per second. */
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.4 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((675 * 1000) / 8) * 0.9,
}

/**
 * Runs in the page from its first moment: on every frame, until the result's
 * total (and the phone's total bar) show `expected`, visible, notes the time
 * since navigation. A frame's animation callbacks run just before it paints.
 */
const WATCH = `(() => {
  const w = window
  w.__firstTotal = { total: null, bar: null, live: null }
  // React keeps its props on each element it renders or hydrates: the inputs answer from then on.
  const live = () => {
    const input = document.getElementById('fn-1-requests')
    return input !== null && Object.keys(input).some((k) => k.startsWith('__reactProps'))
  }
  const seen = (selector) => {
    const el = document.querySelector(selector)
    return el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && el.textContent === w.__expected
  }
  const tick = () => {
    const t = w.__firstTotal
    if (w.__expected !== undefined) {
      if (t.total === null && seen('[data-testid="monthly-total"]')) t.total = performance.now()
      if (t.bar === null && seen('.total-bar-value')) t.bar = performance.now()
    }
    if (t.live === null && live()) t.live = performance.now()
    if (t.total === null || t.bar === null || t.live === null) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

interface Run {
  total: number
  bar: number
  fcp: number
  live: number
}

async function measure(browser: Browser, url: string, expected: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  await context.addInitScript(`window.__expected = ${JSON.stringify(expected)};\n${WATCH}`)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(
    () => {
      const t = (window as unknown as { __firstTotal: Run }).__firstTotal
      return t.total !== null && t.bar !== null && t.live !== null
    },
    null,
    { timeout: 120_000, polling: 100 },
  )
  // The paint entry is queued after the frame it describes: wait for it.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 30_000, polling: 100 })
  const run = await page.evaluate(() => ({
    ...(window as unknown as { __firstTotal: Run }).__firstTotal,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
  }))
  await context.close()
  return run
}

/** The total a path shows once its scripts have run, unthrottled: the value to wait for. */
async function settledTotal(browser: Browser, url: string): Promise<string> {
  const page: Page = await browser.newPage({ viewport: { width: 375, height: 812 } })
  await page.goto(url, { waitUntil: 'networkidle' })
  const text = (await page.getByTestId('monthly-total').textContent()) ?? ''
  await page.close()
  if (!/^\$[\d,]+\.\d\d$/.test(text)) throw new Error(`${url}: no total to wait for (read "${text}")`)
  return text
}

export async function firstTotal(browser: Browser, base: string): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const s = (ms: number | null) => (ms === null ? '-' : (ms / 1000).toFixed(2))
  console.log(`\nFirst total: Slow 4G (562.5 ms, 1.4 Mbit/s), CPU 4x slower, 375 px, cache disabled; seconds from navigation, ${RUNS} loads each`)
  for (const path of PATHS) {
    const url = new URL(path, base).href
    const expected = await settledTotal(browser, url)
    const runs: Run[] = []
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, url, expected))
    const totals = runs.map((r) => r.total)
    console.log(
      `${path.padEnd(18)} ${expected}: total painted median ${s(median(totals))} s (goal < 1.2 s; runs ${totals.map(s).join(', ')}); ` +
        `total bar ${s(median(runs.map((r) => r.bar)))} s; first contentful paint ${s(median(runs.map((r) => r.fcp)))} s; ` +
        `inputs live (hydrated) ${s(median(runs.map((r) => r.live)))} s`,
    )
  }
}
