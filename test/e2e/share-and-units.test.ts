import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { openCalculator, screenshotPath, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

describe('Copy link', () => {
  for (const width of [375, 1280]) {
    it(`at ${width} px, "Link copied" appears under the buttons and moves neither Embed nor Reset`, async () => {
      const { page, errors } = await openCalculator(chromium(), `${baseURL}/?preset=rest-api`, { width })
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
      const copy = page.getByRole('button', { name: 'Copy link' })
      await page.getByRole('button', { name: 'Embed' }).waitFor()
      // Everything loaded after the total is there (the comparisons, the charts): nothing else moves the buttons.
      await page.getByTestId('compare-region').waitFor()
      await page.getByTestId('chart-split').waitFor()
      await copy.scrollIntoViewIfNeeded()
      // Where each button is in the share bar (the results column is sticky: a click that scrolls moves it all on the page).
      const boxes = () =>
        page.evaluate(() => {
          const bar = document.querySelector('.share')!.getBoundingClientRect()
          return ['Copy link', 'Embed', 'Reset'].map((name) => {
            const button = [...document.querySelectorAll('.share button')].find((b) => b.textContent?.trim() === name)!
            const r = button.getBoundingClientRect()
            return { name, x: r.x - bar.x, y: r.y - bar.y, width: r.width, height: r.height }
          })
        })
      const before = await boxes()
      await copy.click()
      const status = page.getByText('Link copied: it reproduces this estimate exactly.')
      await status.waitFor()
      expect(await boxes()).toEqual(before)
      const said = await status.boundingBox()
      const copied = await copy.boundingBox()
      expect(said!.y).toBeGreaterThanOrEqual(copied!.y + copied!.height)
      await page.locator('.share').screenshot({ path: screenshotPath(`share-${width}-copied`) })
      expect(errors).toEqual([])
      await page.close()
    })
  }
})

/** Every text the page shows (not inside SVG, a hidden element or a field) that writes a unit with a breakable hyphen, and every "GB‑s" that does break. */
async function unitProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      if (!parent || parent.closest('svg, script, style, option, textarea, .visually-hidden') || !parent.checkVisibility()) continue
      const text = n.textContent ?? ''
      const ascii = /GB-(s|months?)\b/.exec(text)
      if (ascii) out.push(`breakable hyphen: "${text.trim().slice(0, 60)}"`)
      // An escape written where JSX takes text as it is: "GB\u2011s" shown as such.
      if (/\\u[0-9a-f]{4}/i.test(text)) out.push(`escape shown as text: "${text.trim().slice(0, 60)}"`)
      for (const m of text.matchAll(/GB[-\u2011](s|months?)\b/g)) {
        const range = document.createRange()
        range.setStart(n, m.index)
        range.setEnd(n, m.index + m[0].length)
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (tops.size > 1) out.push(`broken across lines: "${text.trim().slice(0, 60)}"`)
      }
    }
    return out
  })
}

describe('units never break at their hyphen', () => {
  // Each shows "GB-s" in other places: the bill's brackets, the assumptions, the comparisons, a problem, the link notice, the steps.
  const links = [
    'v=2&p=current&ed=1',
    'v=2&p=current&pc=2&ps=50&cs=5&it=300',
    'v=2&p=current&rg=eu-central-2&m=4096&a=arm&st=8',
    'v=2&p=current&dx=100000&dk=50',
    'v=2&p=current&pc=1&r=100&u=s',
    'v=2&p=current&sp=40',
  ]
  for (const width of [320, 375, 1280]) {
    it(`at ${width} px, every "GB-s" and "GB-month" on the page keeps its hyphen unbroken, steps open`, async () => {
      const found: string[] = []
      for (const link of links) {
        const { page, errors } = await openCalculator(chromium(), `${baseURL}/?${link}`, { width })
        await page.getByText('Show calculations').click()
        await page.locator('.steps-section').first().waitFor()
        for (const p of await unitProblems(page)) found.push(`${link}: ${p}`)
        expect(errors).toEqual([])
        await page.close()
      }
      expect(found).toEqual([])
    })
  }
})
