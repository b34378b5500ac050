import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { billClipping, openCalculator, typeInto, useChromium } from './helpers'
import { pdfPages } from './pdf'

const baseURL = inject('baseURL')
const chromium = useChromium()

const FORMATS = ['A4', 'Letter'] as const
/** The width the page's content gets on paper, CSS px: the sheet less the 12 mm margins (A4 210 mm, Letter 8.5 in). */
const PRINTED_WIDTH = { A4: Math.floor(((210 - 24) / 25.4) * 96), Letter: Math.floor(((215.9 - 24) / 25.4) * 96) }

/** Waits for what loads after the total (the comparisons, the facts, the inputs summary for paper). */
async function settled(page: Page): Promise<void> {
  await page.locator('.print-summary').waitFor({ state: 'attached' })
  await page.locator('.facts').waitFor()
}

/** Text runs a page holding only the title shows: what a first page must hold far more than. */
let titleRuns: number | undefined
async function titleOnlyRuns(): Promise<number> {
  if (titleRuns !== undefined) return titleRuns
  const { page } = await openCalculator(chromium(), `${baseURL}/`)
  await settled(page)
  // Through the CSSOM: the page's own policy refuses an inline <style> it has no hash for.
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync('body * { visibility: hidden !important } h1, h1 * { visibility: visible !important }')
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  })
  const pages = pdfPages(await page.pdf({ format: 'A4' }))
  await page.close()
  titleRuns = pages[0]!.textRuns
  expect(titleRuns).toBeGreaterThan(0)
  return titleRuns
}

describe('print', () => {
  for (const [path, most] of [
    ['/', 1],
    ['/?preset=rest-api', 2],
  ] as const) {
    for (const format of FORMATS) {
      it(`${path} prints on at most ${most} ${format} page${most === 1 ? '' : 's'}, the first holding far more than the title`, async () => {
        const title = await titleOnlyRuns()
        const { page, errors } = await openCalculator(chromium(), `${baseURL}${path}`)
        await settled(page)
        const pdf = await page.pdf({ format })
        const pages = pdfPages(pdf)
        // Two ways of counting: the page tree, and the page objects.
        expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBe(pages.length)
        expect(pages.length).toBeGreaterThanOrEqual(1)
        expect(pages.length).toBeLessThanOrEqual(most)
        expect(pages[0]!.textRuns, `page 1 shows ${pages[0]!.textRuns} runs of text; the title alone ${title}`).toBeGreaterThan(title * 5)
        expect(errors).toEqual([])
        await page.close()
      })
    }
  }

  for (const format of FORMATS) {
    it(`on ${format} paper: the inputs summary instead of the form, and every column of the bill readable, a baseline pinned`, async () => {
      for (const link of ['/?preset=rest-api', '/?v=2&p=current&rg=eu-central-2&m=10240&d=900000&r=1e15&a=arm&e=10240&cs=100&it=10000&st=200']) {
        const { page, errors } = await openCalculator(chromium(), `${baseURL}${link}`)
        await settled(page)
        await page.getByRole('button', { name: 'Pin as baseline' }).click()
        await typeInto(page, 'Memory (MB)', '2048')
        await page.locator('tbody td.col-change').first().waitFor()
        await page.emulateMedia({ media: 'print' })
        await page.setViewportSize({ width: PRINTED_WIDTH[format], height: 1000 })
        expect(await page.locator('.inputs').isVisible()).toBe(false)
        const summary = page.locator('.print-summary')
        expect(await summary.isVisible()).toBe(true)
        const rows = await summary.locator('tbody tr').allInnerTexts()
        if (link.includes('rest-api')) {
          expect(rows.map((r) => r.split('\t')[0])).toEqual(['api-handler', 'authorizer'])
          expect(rows[0]).toMatch(/^api-handler\t2,048\u00a0MB\t85\u00a0ms\t15 per second\tarm64/)
        }
        expect(await billClipping(page)).toEqual([])
        // On paper the bill is a table, its header printed.
        expect(await page.locator('.bill-lines thead th').first().isVisible()).toBe(true)
        expect(await page.locator('.bill-lines .cell-label').first().isVisible()).toBe(false)
        expect(errors).toEqual([])
        await page.close()
      }
    })
  }
})
