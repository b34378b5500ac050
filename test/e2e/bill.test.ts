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

/**
 * Three functions with every service beside Lambda: JSON logs with 20 KB of its own kept 10 years, a REST API and
 * 2 MB responses; one behind an ALB with text logs in Infrequent Access; one behind an HTTP API. A bill over
 * a billion dollars, with a subtotal for each of the four services.
 */
const COMPANIONS =
  'v=2&p=current&fns=3&m=10240&d=900000&r=1e10&lf=json&lb=20000&lr=120&fd=rest-api&rs=2048&rq=600' +
  '&m2=10240&d2=900000&r2=5e7&fd2=alb&rs2=4096&lf2=text&lc2=infrequent-access&m3=4096&r3=1e9&fd3=http-api&rq3=2000&rs3=100'

describe('the docs widget\u2019s bill', () => {
  // The full widget shows the bill; the compact one leaves it to the full calculator (embed.test.ts).
  for (const query of ['embed=1&p=current', `embed=1&${TRILLIONS}`]) {
    it(`at 300 px (${query.slice(0, 30)}\u2026) lays each line out as a block: its label, then its figures, each named and readable`, async () => {
      const { page, errors } = await openCalculator(chromium(), `${baseURL}/?${query}`, { width: 300 })
      expect(await billClipping(page)).toEqual([])
      // The header row is for screen readers only (a box of 1 px): the figures are named in each line, the unit price left out.
      expect((await page.locator('.bill-lines thead').boundingBox())!.width).toBeLessThanOrEqual(1)
      const rows = await page.locator('.bill-lines tbody tr, .bill-lines tfoot tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const [th, ...cells] = [...tr.children].filter((c) => c.getBoundingClientRect().width > 0)
          const box = th!.getBoundingClientRect()
          return {
            name: (th!.textContent ?? '').trim(),
            sum: tr.matches('.line-subtotal, tfoot tr'),
            below: cells.every((c) => c.getBoundingClientRect().top >= box.bottom - 0.5),
            beside: cells.every((c) => c.getBoundingClientRect().left >= box.right - 0.5),
            labels: cells.map((c) => {
              const label = c.querySelector('.cell-label')
              return label && label.getBoundingClientRect().width > 0 ? (label.textContent ?? '').trim() : null
            }),
          }
        }),
      )
      for (const row of rows) {
        // A line: its figures under its name, each named. A subtotal or the total: its amount beside its name.
        if (row.sum) expect(row, row.name).toMatchObject({ beside: true, labels: [null] })
        else expect(row, row.name).toMatchObject({ below: true, labels: ['Billable', 'Amount'] })
      }
      expect(rows.at(-1)!.name).toBe('Total (sum of the rounded lines)')
      expect(errors).toEqual([])
      await page.close()
    })
  }

  it('with every service beside Lambda and a bill over a billion dollars, at 300, 375 and 600 px: no cell overflows, every amount whole on one line in the card, the chart\u2019s labels apart', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?embed=1&${COMPANIONS}`, { width: 300 })
    expect(await total(page)).toMatch(/^\$1,\d{3},\d{3},\d{3}\.\d\d$/)
    expect(await page.locator('.bill-lines .line-subtotal').count()).toBe(4)
    for (const width of [300, 375, 600]) {
      await page.setViewportSize({ width, height: 900 })
      await expect.poll(() => page.evaluate(() => document.documentElement.clientWidth), { timeout: 30_000 }).toBe(width)
      expect(await billClipping(page), `at ${width} px`).toEqual([])
      const amounts = await page.locator('.bill-lines .col-amount .cell-value').evaluateAll((els) => {
        const card = els[0]!.closest('.result-card')!
        const cs = getComputedStyle(card)
        const box = card.getBoundingClientRect()
        const left = box.left + parseFloat(cs.paddingLeft)
        const right = box.right - parseFloat(cs.paddingRight)
        return els.map((el) => {
          const rects = [...el.getClientRects()].filter((r) => r.width > 0)
          return {
            text: (el.textContent ?? '').trim(),
            lines: new Set(rects.map((r) => Math.round(r.top))).size,
            inside: rects.every((r) => r.left >= left - 0.5 && r.right <= right + 0.5),
          }
        })
      })
      // Every line, the 4 subtotals and the total.
      expect(amounts.length).toBe(await page.locator('.bill-lines tbody tr, .bill-lines tfoot tr').count())
      for (const a of amounts) expect(a, `at ${width} px`).toEqual({ text: expect.stringMatching(/^\$[\d,]+\.\d\d$/), lines: 1, inside: true })
      // The total, as long as it is, on one line too.
      const totalLines = await page.getByTestId('monthly-total').evaluate((t) => {
        const range = document.createRange()
        range.selectNodeContents(t)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      })
      expect(totalLines, `the total at ${width} px`).toBe(1)
      // The chart of where the money goes: a bar per service, each label (name, amount, share) whole and apart from the others.
      const chart = page.getByTestId('chart-split')
      await expect.poll(() => chart.locator('.split-tick').count(), { timeout: 30_000 }).toBe(4)
      const labels = await chart
        .locator('svg')
        .first()
        .evaluate((svg) => {
          const frame = svg.getBoundingClientRect()
          return [...svg.querySelectorAll('.split-tick')].map((t) => {
            const r = t.getBoundingClientRect()
            return { text: t.textContent, top: r.top, bottom: r.bottom, inside: r.left >= frame.left - 0.5 && r.right <= frame.right + 0.5 }
          })
        })
      expect(labels.map((l) => l.text!.replace(/\$[\d,.]+.*$/, ''))).toEqual([
        'AWS Lambda',
        'CloudWatch Logs',
        'API Gateway / ALB',
        'Data transfer out',
      ])
      for (const [i, l] of labels.entries()) {
        expect(l.inside, `${l.text} at ${width} px`).toBe(true)
        if (i > 0) expect(l.top, `${l.text} below ${labels[i - 1]!.text} at ${width} px`).toBeGreaterThanOrEqual(labels[i - 1]!.bottom)
      }
      await chart.screenshot({ path: screenshotPath(`widget-split-companions-${width}`) })
      await page.locator('.result-card').screenshot({ path: screenshotPath(`widget-bill-companions-${width}`) })
    }
    await expectNoBrokenNumbers(page)
    expect(errors).toEqual([])
    await page.close()
  })
})
