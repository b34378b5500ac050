import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { launchChromium } from './chromium'

/** Where browser tests leave screenshots; ignored by git. */
export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results/screenshots')

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return join(SCREENSHOT_DIR, `${name}.png`)
}

/** Collects page errors and console errors, so a test can require there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`)
  })
  return errors
}

/** Replaces a field's text as a user would: select all, type. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true })
  await field.click()
  await field.press('ControlOrMeta+a')
  if (text === '') await field.press('Backspace')
  else await field.pressSequentially(text)
}

export async function total(page: Page): Promise<string> {
  return (await page.getByTestId('monthly-total').textContent()) ?? ''
}

/** The whole visible text must never show broken numbers. */
export async function expectNoBrokenNumbers(page: Page): Promise<void> {
  const text = await page.locator('body').innerText()
  expect(text).not.toMatch(/NaN|undefined|Infinity|\$-/)
}

const require = createRequire(import.meta.url)

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  // Evaluated, not added as a <script>: the page's own policy refuses an inline script it has no hash for.
  await page.evaluate(source)
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> }
      }
    ).axe
    return axe.run(document, { resultTypes: ['violations'] })
  })
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }))
}

/** Launches Chromium once for the file that calls it; the getter gives the browser inside tests. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined
  let close: (() => Promise<void>) | undefined
  beforeAll(async () => {
    ;({ browser, close } = await launchChromium())
  })
  afterAll(async () => {
    await close?.()
  })
  return () => {
    if (!browser) throw new Error('Chromium is not running: call useChromium() at the top of the test file.')
    return browser
  }
}

/** Opens the calculator at `path` and waits for its total and for the page to be live; collects page errors. */
export async function openCalculator(
  browser: Browser,
  url: string,
  options: { width?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' })
  const errors = watchErrors(page)
  await page.addInitScript(() => {
    document.addEventListener('calculator:live', () => document.documentElement.setAttribute('data-test-live', ''), { once: true })
  })
  await page.goto(url)
  await page.getByTestId('monthly-total').waitFor()
  // Live (hydrated, or rendered afresh): what the test does next reaches React at once. Before,
  // a press or a click is kept and replayed once the page is live (prerender.test.ts checks that),
  // so reading its effect at once would race the page's scripts on a busy machine.
  // The docs widget's view is never prerendered: once its total shows, it is live.
  await page.locator('html[data-test-live], html.embedded').first().waitFor({ state: 'attached', timeout: 60_000 })
  return { page, errors }
}

/**
 * A script (plain JavaScript text, so the property test can run it as it is)
 * that lists what of the bill a reader could not read: a visible cell whose
 * content is wider than the cell, the table reaching past its card's content
 * box, or anything in the result card that scrolls sideways. Null when there
 * is no bill on the page.
 */
export const BILL_CLIPPING_SCRIPT = `(() => {
  const table = document.querySelector('table.bill-lines')
  if (!table) return null
  const out = []
  const card = table.closest('.result-card') || table.parentElement
  const cs = getComputedStyle(card)
  const right = card.getBoundingClientRect().right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth)
  const tableRight = table.getBoundingClientRect().right
  if (tableRight > right + 0.5) out.push('the table ends ' + Math.round(tableRight - right) + ' px past its card')
  for (const cell of table.querySelectorAll('th, td')) {
    const box = cell.getBoundingClientRect()
    // Not shown, or the header row a narrow layout keeps for screen readers only (1 px).
    if (box.width <= 1 || !cell.checkVisibility()) continue
    if (cell.closest('thead') && cell.closest('thead').getBoundingClientRect().width <= 1) continue
    if (cell.scrollWidth > cell.clientWidth) out.push('cell "' + (cell.textContent || '').trim().slice(0, 40) + '": ' + cell.scrollWidth + ' px of content in ' + cell.clientWidth + ' px')
  }
  for (const el of card.querySelectorAll('*')) {
    const overflow = getComputedStyle(el).overflowX
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth) out.push(el.tagName.toLowerCase() + '.' + el.className + ' scrolls sideways')
  }
  return out
})()`

/** What of the bill a reader could not read (see BILL_CLIPPING_SCRIPT); [] when all is readable. */
export async function billClipping(page: Page): Promise<string[]> {
  const found = (await page.evaluate(BILL_CLIPPING_SCRIPT)) as string[] | null
  if (found === null) throw new Error('There is no bill on the page.')
  return found
}

/**
 * Holds back the result of every Worker the page starts from now on (its `done`
 * message) until `release`, so a test can act while a read is surely still under
 * way (Cancel) however fast the machine reads. Records whether each was terminated.
 * Call before the page creates the Worker.
 */
export async function holdWorkerResults(page: Page): Promise<{ terminated: () => Promise<boolean[]>; release: () => Promise<void> }> {
  await page.evaluate(() => {
    const w = window as unknown as { heldWorkers: { terminated: boolean }[]; holding: boolean }
    w.heldWorkers = []
    w.holding = true
    const Native = window.Worker
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options)
        const entry = { terminated: false }
        w.heldWorkers.push(entry)
        // Registered before the page's own listener, so it runs first and can stop the event.
        this.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
          if (e.data?.type === 'done' && w.holding) e.stopImmediatePropagation()
        })
        const terminate = this.terminate.bind(this)
        this.terminate = () => {
          entry.terminated = true
          terminate()
        }
      }
    }
  })
  return {
    terminated: () => page.evaluate(() => (window as unknown as { heldWorkers: { terminated: boolean }[] }).heldWorkers.map((e) => e.terminated)),
    release: () =>
      page.evaluate(() => {
        ;(window as unknown as { holding: boolean }).holding = false
      }),
  }
}
