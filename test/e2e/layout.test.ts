import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { expectNoBrokenNumbers, openCalculator, screenshotPath, seriousA11yViolations, total, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

/**
 * Every visible control and line of text whose centre is covered by another
 * element that is not inside it: what a user could not read or click.
 */
async function coveredElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const targets = document.querySelectorAll<HTMLElement>(
      'button, input, select, summary, a, label, h2, h3, p, th, td, dt, dd, li, .total, figcaption',
    )
    for (const el of targets) {
      if (el.closest('.total-bar, .visually-hidden, [aria-hidden="true"]')) continue
      // Inside a closed <details>, or otherwise not rendered: nothing to cover.
      if (!el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) continue
      const r = el.getBoundingClientRect()
      if (r.width < 2 || r.height < 2) continue
      const x = r.left + r.width / 2
      const y = r.top + Math.min(r.height / 2, 10)
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue
      const hit = document.elementFromPoint(x, y)
      if (!hit || el.contains(hit) || hit.contains(el)) continue
      // Covered means by another card or chart: inside one card, neighbours are layout (a unit inside a field).
      const hitCard = hit.closest('.card, figure')
      if (hitCard && !hitCard.contains(el))
        out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" under ${hitCard.className}`)
    }
    return out
  })
}

describe('layout: nothing covers anything', () => {
  for (const width of [1024, 1280, 1920]) {
    it(`at ${width} px, scrolled from top to bottom with the steps and the embed panel open, no card covers another`, async () => {
      const { page, errors } = await openCalculator(chromium(), `${baseURL}/?p=current&fns=3`, { width })
      await page.getByText('Show calculations').click()
      await page.getByRole('button', { name: 'Embed' }).click()
      await page.getByTestId('chart-split').waitFor()
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      const found: string[] = []
      for (let y = 0; y <= height; y += 300) {
        await page.evaluate((top) => window.scrollTo(0, top), y)
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
        for (const c of await coveredElements(page)) found.push(`at scroll ${y}: ${c}`)
      }
      expect(found).toEqual([])
      await page.screenshot({ path: screenshotPath(`layout-${width}-scrolled`), fullPage: false })
      expect(errors).toEqual([])
      await page.close()
    })
  }
})

describe('on a 375 x 667 phone, the first screen', () => {
  for (const path of ['/', '/?preset=rest-api']) {
    it(`shows the monthly total of ${path}, with the inputs above it and a way to the bill`, async () => {
      const page = await chromium().newPage({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true })
      await page.goto(`${baseURL}${path}`)
      await page.getByTestId('monthly-total').waitFor()
      const main = await total(page)
      expect(main).toMatch(/^\$\d[\d,]*\.\d\d$/)
      // Some element showing the total's text lies wholly in the first screen, visible and on top.
      const onScreen = await page.evaluate((text) => {
        const candidates = document.querySelectorAll<HTMLElement>('[data-testid="monthly-total"], [data-testid="total-bar"] *')
        return [...candidates].some((el) => {
          if ((el.textContent ?? '').trim() !== text || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false
          const r = el.getBoundingClientRect()
          if (r.width < 1 || r.top < 0 || r.bottom > innerHeight) return false
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
          return hit !== null && (el === hit || el.contains(hit))
        })
      }, main)
      expect(onScreen, `the total ${main} is within the first 667 px`).toBe(true)
      // The inputs start on the same screen.
      const sheet = await page.getByRole('radio', { name: /^Current/ }).boundingBox()
      expect(sheet && sheet.y + sheet.height <= 667).toBe(true)
      await page.screenshot({ path: screenshotPath(`phone-375-first-screen${path === '/' ? '' : '-link'}`) })
      // "See the bill" goes to the result; its own total then shows, and the bar steps aside.
      await page.getByRole('button', { name: 'See the bill' }).click()
      await expect.poll(() => page.getByTestId('total-bar').isVisible()).toBe(false)
      const card = await page.getByTestId('monthly-total').boundingBox()
      expect(card && card.y >= 0 && card.y + card.height <= 667).toBe(true)
      await page.close()
    })
  }
})

describe('on a 375 px phone', () => {
  it('keeps the monthly total in view while typing in each field', async () => {
    const page = await chromium().newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })
    await page.goto(`${baseURL}/?p=current&fns=3`)
    await page.getByTestId('monthly-total').waitFor()
    const fields = page.locator('.inputs input[type="text"], .inputs select')
    const count = await fields.count()
    expect(count).toBeGreaterThan(10)
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i)
      if (!(await field.isVisible()) || !(await field.isEnabled())) continue
      await field.focus()
      if ((await field.evaluate((e) => e.tagName)) === 'INPUT') await field.press('End')
      const bar = page.getByTestId('total-bar')
      await expect.poll(() => bar.isVisible()).toBe(true)
      const box = await bar.boundingBox()
      expect(box && box.y >= 0 && box.y + box.height <= 740).toBe(true)
      // The bar shows the same total as the result card.
      const shown = (await bar.innerText()).replace(/\s+/g, ' ')
      const main = await total(page)
      expect(shown).toMatch(main === '—' ? /problem/ : main)
    }
    await page.screenshot({ path: screenshotPath('phone-375-typing') })
    await page.close()
  })

  it('does not scroll sideways for a bill in the trillions: the bill wraps its long figures', async () => {
    // Every figure at its largest: about $135 trillion, with 19-digit quantities.
    const query = 'v=2&p=current&rg=eu-central-2&m=10240&d=900000&r=1e15&a=arm&e=10240&cs=100&it=10000&st=200'
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?${query}`, { width: 375, colorScheme: 'dark' })
    expect(await total(page)).toMatch(/^\$\d{3},\d{3},\d{3},\d{3},\d{3}\.\d\d$/)
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }))
    expect(widths.page).toBe(widths.viewport)
    expect(errors).toEqual([])
    await page.close()
  })

  it('has no touch target smaller than 24 x 24 px', async () => {
    const page = await chromium().newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })
    await page.goto(`${baseURL}/?p=current&fns=2`)
    await page.getByTestId('monthly-total').waitFor()
    await page.getByTestId('chart-split').waitFor()
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, input, select, summary, .preset')]
        .filter((e) => !e.closest('.visually-hidden, [aria-hidden="true"]') && e.getClientRects().length > 0)
        .filter(
          (e) =>
            getComputedStyle(e).visibility !== 'hidden' &&
            !(e instanceof HTMLInputElement && e.type === 'radio' && getComputedStyle(e).opacity === '0'),
        )
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(
          ({ e, r }) =>
            `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.textContent ?? e.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${r.width.toFixed(0)}x${r.height.toFixed(0)}`,
        ),
    )
    expect(small).toEqual([])
    await page.close()
  })

  it('never breaks "GB-s" across lines and passes axe-core with the comparisons and baseline shown', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?p=current&rg=eu-west-1&m=128&d=250&r=50&u=s`, { width: 375 })
    await expect.poll(() => page.getByTestId('compare-arm64').innerText()).toMatch(/\$75\.50, 14% less/)
    expect(await total(page)).toBe('$87.85')
    await page.getByRole('button', { name: 'Pin as baseline' }).click()
    const broken = await page.evaluate(() => {
      const bad: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? ''
        const at = text.search(/GB[-\u2011]s/)
        if (at === -1) continue
        const range = document.createRange()
        range.setStart(n, at)
        range.setEnd(n, at + 4)
        if (range.getClientRects().length > 1) bad.push(text.trim().slice(0, 40))
      }
      return bad
    })
    expect(broken).toEqual([])
    await expectNoBrokenNumbers(page)
    expect(await seriousA11yViolations(page)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
