import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { billClipping, expectNoBrokenNumbers, openCalculator, screenshotPath, seriousA11yViolations, total, typeInto, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

/** Every figure at its largest: a bill of about $135 trillion, with 19-digit quantities. */
const TRILLIONS = 'v=2&p=current&rg=eu-central-2&m=10240&d=900000&r=1e15&a=arm&e=10240&cs=100&it=10000&st=200'

/** The steps: the REST API preset, its estimate pinned as the baseline, then 2,048 MB. */
async function pinnedThenEdited(page: Page): Promise<void> {
  const before = await total(page)
  await page.getByRole('button', { name: 'Pin as baseline' }).click()
  await typeInto(page, 'Memory (MB)', '2048')
  await expect.poll(() => total(page)).not.toBe(before)
  await page.locator('.bill-lines th.col-change').waitFor()
}

/** The table's rows as the eye reads them: each cell's text and box, header row included. */
async function rowBoxes(page: Page) {
  return page.locator('table.bill-lines tr').evaluateAll((rows) =>
    rows.map((row) =>
      [...row.children].map((cell) => {
        const r = cell.getBoundingClientRect()
        const label = cell.querySelector('.cell-label')
        return {
          text: (cell.textContent ?? '').trim(),
          top: r.top,
          bottom: r.bottom,
          width: r.width,
          label: label && label.getBoundingClientRect().width > 0 ? (label.textContent ?? '').trim() : null,
        }
      }),
    ),
  )
}

describe('the bill: every column readable, nothing scrolls', () => {
  for (const width of [1280, 1920]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`at ${width} px (${colorScheme}), with a baseline pinned, shows every column of every line in full, as a table`, async () => {
        const { page, errors } = await openCalculator(chromium(), `${baseURL}/?preset=rest-api`, { width, colorScheme })
        await pinnedThenEdited(page)
        expect(await billClipping(page)).toEqual([])
        const rows = await rowBoxes(page)
        // A table: the header names five columns, and each line's cells sit side by side.
        expect(rows[0]!.map((c) => c.text.toLowerCase())).toEqual(['line', 'billable', 'unit price', 'amount', 'vs baseline'])
        for (const row of rows.slice(1)) expect(new Set(row.map((c) => Math.round(c.top))).size).toBe(1)
        // The change column says what changed, in full: "+$44.67 (113% more)", never "+$44.67 (113% mo".
        const changes = await page.locator('tbody td.col-change .cell-value').allInnerTexts()
        expect(changes.length).toBeGreaterThan(0)
        for (const c of changes) expect(c.replace(/\s+/g, ' ')).toMatch(/^(no change|[+\u2212]\$[\d,]+\.\d\d \((<1|\d+(\.\d)?)% (more|less)\))$/)
        expect((await seriousA11yViolations(page)).map((v) => v.id)).not.toContain('scrollable-region-focusable')
        expect(await seriousA11yViolations(page)).toEqual([])
        await page.locator('.result-card').screenshot({ path: screenshotPath(`bill-${width}-${colorScheme}`) })
        expect(errors).toEqual([])
        await page.close()
      })
    }
  }

  it('at 375 px lays each line out as a block, its label on one row and its named figures below, with nothing clipped', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?preset=rest-api`, { width: 375, colorScheme: 'dark' })
    await pinnedThenEdited(page)
    expect(await billClipping(page)).toEqual([])
    const rows = await rowBoxes(page)
    // The header row is for screen readers only: its figures are named in each line.
    expect(Math.max(...rows[0]!.map((c) => c.width))).toBeLessThanOrEqual(1)
    for (const row of rows.slice(1)) {
      const [label, ...figures] = row.filter((c) => c.width > 0)
      for (const figure of figures) {
        expect(figure.top, `${figure.text} is below "${label!.text}"`).toBeGreaterThanOrEqual(label!.bottom - 0.5)
        expect(['Billable', 'Unit price', 'Amount', 'vs baseline']).toContain(figure.label)
      }
      expect(figures.map((f) => f.label)).toContain('Amount')
    }
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }))
    expect(widths.page).toBe(widths.viewport)
    // Still a table for assistive technology: its rows and column headers are there.
    const table = page.getByRole('table', { name: 'Bill lines' })
    expect(await table.getByRole('columnheader').count()).toBe(5)
    expect(await table.getByRole('row', { name: /^Requests/ }).count()).toBe(1)
    expect(await seriousA11yViolations(page)).toEqual([])
    await page.locator('.result-card').screenshot({ path: screenshotPath('bill-375-dark') })
    expect(errors).toEqual([])
    await page.close()
  })

  for (const width of [375, 1280]) {
    it(`at ${width} px, a bill in the trillions with a baseline pinned fits its card: long figures wrap after a thousands separator`, async () => {
      const { page, errors } = await openCalculator(chromium(), `${baseURL}/?${TRILLIONS}`, { width })
      await page.getByRole('button', { name: 'Pin as baseline' }).click()
      await typeInto(page, 'Duration (ms)', '1000')
      await expect.poll(() => page.locator('tbody td.col-change').count()).toBeGreaterThan(0)
      expect(await billClipping(page)).toEqual([])
      // No figure breaks inside its sign and first group: "−$131," stays together.
      const split = await page
        .locator('.bill-lines .cell-value, .baseline-bar strong, [data-testid="monthly-total"]')
        .evaluateAll((els) =>
          els.flatMap((el) =>
            [...el.querySelectorAll('.nowrap')]
              .filter((s) => new Set([...s.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1)
              .map((s) => (s.textContent ?? '').trim()),
          ),
        )
      expect(split).toEqual([])
      await expectNoBrokenNumbers(page)
      expect(errors).toEqual([])
      await page.close()
    })
  }
})

describe('the docs widget\u2019s bill', () => {
  // The full widget shows the bill; the compact one leaves it to the full calculator (embed.test.ts).
  for (const query of ['embed=1&p=current', `embed=1&${TRILLIONS}`]) {
    it(`at 300 px (${query.slice(0, 30)}\u2026) is a short table whose every column is readable`, async () => {
      const { page, errors } = await openCalculator(chromium(), `${baseURL}/?${query}`, { width: 300 })
      expect(await billClipping(page)).toEqual([])
      // A table (its header shown), without the unit price.
      const headers = await page
        .locator('.bill-lines thead th')
        .evaluateAll((ths) => ths.filter((th) => th.checkVisibility()).map((th) => (th as HTMLElement).innerText))
      expect(headers).toEqual(['LINE', 'BILLABLE', 'AMOUNT'])
      expect(errors).toEqual([])
      await page.close()
    })
  }
})

describe('the bill shows usage, not meters nobody uses, in plain words', () => {
  /** Each line of the bill as text: "Requests | 2,000,000 requests | $0.0000002 | $0.40". */
  async function billRows(page: Page): Promise<string[]> {
    return page
      .locator('table.bill-lines tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.children].map((c) => (c.querySelector('.cell-value') ?? c).textContent?.trim().replace(/\s+/g, ' ')).join(' | ')),
      )
  }
  const fact = (page: Page, name: string) =>
    page
      .locator('.facts div')
      .filter({ has: page.locator('dt', { hasText: name }) })
      .locator('dd')
      .innerText()

  it('a Lambda@Edge function: no "0 requests" line of regional requests, and its compute is not 0 GB-s', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&ed=1`)
    const rows = await billRows(page)
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['Lambda@Edge requests', 'Lambda@Edge duration'])
    expect(rows.join('\n')).not.toMatch(/(^|\| )0 (requests|GB.s)/m)
    // 3,000,000 x 1 s x 0.5 GB, all of it on Lambda@Edge.
    expect(await fact(page, 'Compute')).toMatch(/^1,500,000 GB.s on Lambda@Edge$/)
    expect(await fact(page, 'Requests')).toBe('3,000,000 requests a month')
    // The chart of where the money goes has the same lines: no bar of regional requests.
    const chart = page.getByTestId('chart-split')
    await chart.locator('table tbody th').first().waitFor({ state: 'attached' })
    expect(await chart.locator('table tbody th').allTextContents()).toEqual(['Lambda@Edge requests', 'Lambda@Edge duration'])
    expect(errors).toEqual([])
    await page.close()
  })

  it('a function all on provisioned concurrency: no "0 GB-s" compute line, and its compute is counted where it runs', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&pc=2`)
    const rows = await billRows(page)
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['Requests', 'Provisioned Concurrency (x86_64)', 'Provisioned Duration (x86_64)'])
    expect(await fact(page, 'Compute')).toMatch(/^1,500,000 GB.s on provisioned environments$/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('usage all in the free tier says so, and one request is "1 request"', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&r=1`)
    expect(await billRows(page)).toEqual([
      'Requests | all in the free tier | $0.0000002 | $0.00',
      'Compute (x86_64), first 6 billion GB\u2011s | all in the free tier | $0.0000166667 | $0.00',
    ])
    expect(await fact(page, 'Requests')).toBe('1 request a month')
    expect(await page.locator('#fn-1-requests-hint').innerText()).toBe('less than 1 a day, averaged over a 730-hour month')
    expect(errors).toEqual([])
    await page.close()
  })

  it('no usage at all is one line that says so', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&r=0`)
    expect(await billRows(page)).toEqual(['Nothing to bill: no usage this month | — |  | $0.00'])
    expect(errors).toEqual([])
    await page.close()
  })

  it('numbers of things read as a person says them: whole requests, "about" for an average, singular for one', async () => {
    // 200 a day over the 730-hour month: 200 x 730 / 24 = 6,083.33...
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&r=200&u=d&ft=0`)
    expect(await page.locator('#fn-1-requests-hint').innerText()).toBe('= about 6,083 requests a month')
    expect((await billRows(page))[0]).toBe('Requests | 6,083 requests | $0.0000002 | < $0.01')
    await typeInto(page, 'Requests', '1')
    await page.getByLabel('Request unit').selectOption('month')
    await expect.poll(() => fact(page, 'Requests')).toBe('1 request a month')
    expect((await billRows(page))[0]).toBe('Requests | 1 request | $0.0000002 | < $0.01')
    await typeInto(page, 'Requests', '3000000')
    await expect.poll(() => page.locator('#fn-1-requests-hint').innerText()).toBe('about 1.14 a second, averaged over a 730-hour month')
    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/(^|[^\d.,])1 (requests|invocations|environments|operations|functions)\b/m)
    expect(text).not.toMatch(/\d\.\d{3,} (requests|invocations)/)
    expect(errors).toEqual([])
    await page.close()
  })
})
