import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { expectNoBrokenNumbers, screenshotPath, seriousA11yViolations, total, typeInto, watchErrors, openCalculator, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

const open = (options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) => openCalculator(chromium(), `${baseURL}/`, options)
/** The classic 2016 sheet, one link away from the default page. */
const openClassic = () => openCalculator(chromium(), `${baseURL}/?v=2&p=2016`)

async function enter(page: Page, values: { memory: string; duration: string; requests: string }): Promise<void> {
  await typeInto(page, 'Memory (MB)', values.memory)
  await typeInto(page, 'Duration (ms)', values.duration)
  await typeInto(page, 'Requests', values.requests)
}

describe('the calculator in Chromium', () => {
  it('opens on today’s prices: the current sheet with its Region control, the classic sheet one click away', async () => {
    const { page, errors } = await open()
    expect(await page.getByRole('radio', { name: /Current/ }).isChecked()).toBe(true)
    expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe('us-east-1')
    // 512 MB, 1 s, 3M: 1,100,000 billable GB-s x 0.0000166667 = $18.33, + $0.40
    expect(await total(page)).toBe('$18.73')
    await page.getByRole('radio', { name: /Classic/ }).check()
    await expect.poll(() => total(page)).toBe('$18.74')
    expect(await page.getByLabel('Region', { exact: true }).count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('More options: a disclosure with touch-sized controls, cold starts billed with their INIT', async () => {
    const { page, errors } = await open({ width: 375 })
    const toggle = page.getByRole('button', { name: /^More options/ })
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.focus()
    await page.keyboard.press('Enter')
    // Pressed before the prerendered page is live, the press is kept and replayed once it is: wait for it.
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true')
    for (const target of [toggle, page.getByLabel('Lambda@Edge', { exact: true }), page.getByRole('button', { name: 'Use this estimate' })]) {
      const box = (await target.boundingBox())!
      expect(box.width).toBeGreaterThanOrEqual(24)
      expect(box.height).toBeGreaterThanOrEqual(24)
    }
    await typeInto(page, 'Cold starts (%)', '10')
    await typeInto(page, 'INIT duration (ms)', '500')
    // 2,700,000 x 1 s + 300,000 x 1.5 s = 3,150,000 s x 0.5 GB = 1,575,000 GB-s - 400,000 = 1,175,000 x 0.0000166667 = $19.58, + $0.40
    await expect.poll(() => total(page)).toBe('$19.98')
    await expect.poll(() => page.url()).toBe(`${baseURL}/?v=2&p=current&cs=10&it=500`)
    expect(await page.getByTestId('function-cost-1').innerText()).toContain('$19.98 a month')
    expect(errors).toEqual([])
    await page.close()
  })

  it('reads the classic pricing page examples: $18.74 and $11.63', async () => {
    const { page, errors } = await openClassic()
    await enter(page, { memory: '512', duration: '1000', requests: '3000000' })
    await expect.poll(() => total(page)).toBe('$18.74')
    await enter(page, { memory: '128', duration: '200', requests: '30000000' })
    await expect.poll(() => total(page)).toBe('$11.63')
    const lines = page.getByRole('table', { name: 'Bill lines' })
    await expect.poll(() => lines.innerText()).toMatch(/Requests[\s\S]*\$5\.80[\s\S]*Compute \(x86_64\)[\s\S]*\$5\.83/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('switches to the current sheet and reads the current example ($2.73), with the classic figure beside it', async () => {
    const { page, errors } = await openClassic()
    await page.getByRole('radio', { name: /Current/ }).check()
    await enter(page, { memory: '1536', duration: '120', requests: '3000000' })
    await expect.poll(() => total(page)).toBe('$2.73')
    // Under 100 ms rounding, 120 ms bills 200 ms: 900,000 GB-s - 400,000 = 500,000 x 0.00001667 = $8.34, plus $0.40.
    await expect.poll(() => page.getByTestId('comparison').innerText()).toMatch(/classic 2016 100 ms billing:\s*\$8\.74/)
    await page.getByLabel('Architecture', { exact: true }).selectOption('arm64')
    // 140,000 GB-s x 0.0000133334 = $1.87, plus $0.40
    await expect.poll(() => total(page)).toBe('$2.27')
    expect(errors).toEqual([])
    await page.close()
  })

  it('a second function shares the one free tier', async () => {
    const { page } = await openClassic()
    await page.getByRole('button', { name: '+ Add a function' }).click()
    await expect(page.getByLabel('Memory (MB) (function 2)', { exact: true }).inputValue()).resolves.toBe('512')
    // Two x (512 MB, 1 s, 3M): 3,000,000 GB-s - 400,000 = 2,600,000 x 0.00001667 = $43.342 -> $43.34;
    // 6M - 1M requests = $1.00. Two separate free tiers would give 2 x $18.74 = $37.48.
    await expect.poll(() => total(page)).toBe('$44.34')
    await expect(page.getByText('the free tier is shared by all 2 functions', { exact: false }).count()).resolves.toBe(1)
    await page.getByRole('button', { name: 'Remove function 2' }).click()
    await expect.poll(() => total(page)).toBe('$18.74')
    await page.close()
  })

  it('keeps invalid input as typed, says what is wrong beside the field, and shows no number', async () => {
    const { page, errors } = await openClassic()
    await typeInto(page, 'Memory (MB)', '500')
    const memory = page.getByLabel('Memory (MB)', { exact: true })
    await expect.poll(() => memory.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await memory.getAttribute('aria-describedby')) ?? ''
    const message = await page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`).innerText()
    expect(message).toBe('Memory must be a multiple of 64 MB on the classic 2016 sheet; got 500 MB. Nearest allowed: 448 or 512 MB.')
    await expect.poll(() => total(page)).toBe('—')
    await expect(page.getByTestId('cannot-compute').innerText()).resolves.toContain('Memory (MB): Memory must be a multiple of 64 MB')

    await typeInto(page, 'Duration (ms)', 'abc')
    await typeInto(page, 'Requests', '-5')
    expect(await page.getByLabel('Duration (ms)', { exact: true }).inputValue()).toBe('abc')
    expect(await page.getByLabel('Requests', { exact: true }).inputValue()).toBe('-5')
    await expect.poll(() => page.getByTestId('cannot-compute').innerText()).toContain('Duration must be a number of ms; got "abc"')
    await expect(page.getByTestId('cannot-compute').innerText()).resolves.toContain('Requests must be 0 or more; got -5')
    await expectNoBrokenNumbers(page)

    await typeInto(page, 'Requests', '1e400')
    await expect
      .poll(() => page.getByTestId('cannot-compute').innerText())
      .toContain('Requests must come to at most 1,000,000,000,000,000 (10^15) a month; got 1e400 per month.')
    await typeInto(page, 'Memory (MB)', '512')
    await typeInto(page, 'Duration (ms)', '1000')
    await typeInto(page, 'Requests', '3e6')
    await expect.poll(() => total(page)).toBe('$18.74')
    expect(errors).toEqual([])
    await page.close()
  })

  it('draws the three charts with data, after the total is already there', async () => {
    const { page, errors } = await openClassic()
    const drawn = [
      // One line per part that costs something (requests, compute) and the total: lines, not a stack, on a log axis.
      ['chart-requests', '.recharts-area-curve', 3],
      ['chart-memory', '.recharts-area-area', 1],
      ['chart-split', '.recharts-bar-rectangle path, path.recharts-rectangle', 2],
    ] as const
    for (const [id, selector, count] of drawn) {
      const shapes = page.getByTestId(id).locator(selector)
      await expect.poll(() => shapes.count(), { timeout: 30_000 }).toBe(count)
      for (const d of await shapes.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))) expect(d).toMatch(/^M ?[\d.]/)
    }
    // The memory chart's table says what the marker shows: 512 MB costs $18.74.
    await page.getByTestId('chart-memory').getByText('Show as a table').click()
    await expect(
      page
        .getByTestId('chart-memory')
        .getByRole('row', { name: /512 MB \(now\)/ })
        .innerText(),
    ).resolves.toContain('$18.74')
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the calculations and copies them as text', async () => {
    const { page } = await openClassic()
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
    await page.getByText('Show calculations').click()
    // Shown with "GB-s" unbreakable (U+2011); copied as the engine writes it.
    await expect
      .poll(() => page.getByText('1,100,000 GB\u2011s x 0.00001667 USD = 18.337 USD, rounded to 18.34 USD', { exact: false }).count())
      .toBe(1)
    await page.getByRole('button', { name: 'Copy as text' }).click()
    await expect.poll(() => page.getByText('Copied to the clipboard.').count()).toBe(1)
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toContain('Max (1,100,000 GB-s, 0) = 1,100,000 total billable GB-s')
    await page.close()
  })

  it('has no serious or critical accessibility violations, in light and dark, valid and invalid', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open({ colorScheme })
      await page.getByTestId('chart-split').waitFor()
      await page.getByText('Show calculations').click()
      await page.getByRole('button', { name: /^More options/ }).click()
      expect(await seriousA11yViolations(page)).toEqual([])
      // Over the current sheet's 10,240 MB.
      await typeInto(page, 'Memory (MB)', '99999')
      await page.getByTestId('cannot-compute').waitFor()
      expect(await seriousA11yViolations(page)).toEqual([])
      await page.close()
    }
  })

  it('is usable by keyboard alone', async () => {
    const { page } = await openClassic()
    await page.getByRole('radio', { name: /Classic/ }).focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.getByRole('radio', { name: /Current/ }).isChecked()).toBe(true)
    await page.getByLabel('Memory (MB)', { exact: true }).focus()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('1024')
    await page.keyboard.press('Tab')
    await page.keyboard.press('ArrowRight')
    // the slider's arrow keys move 64 MB, though the current sheet takes any size in 1 MB steps
    expect(await page.getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('1088')
    await page.getByRole('radio', { name: /Current/ }).focus()
    await page.keyboard.press('ArrowLeft')
    await page.getByLabel(/^Memory slider/).focus()
    await page.keyboard.press('ArrowRight')
    // back on the classic sheet's 64 MB grid, to the next step
    await expect.poll(() => page.getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('1152')
    await page.close()
  })

  it('the Embed button gives both snippets for the current estimate, and they follow edits', async () => {
    const { page } = await open()
    await page.getByRole('button', { name: 'Embed' }).click()
    const panel = page.locator('#embed-panel')
    await expect.poll(() => panel.innerText()).toContain(`<script src="${baseURL}/embed.js" async></script>`)
    await expect(panel.innerText()).resolves.toContain('<lambda-cost-calculator sheet="current"></lambda-cost-calculator>')
    await typeInto(page, 'Memory (MB)', '1024')
    await expect.poll(() => panel.innerText()).toContain('<lambda-cost-calculator sheet="current" memory="1024"></lambda-cost-calculator>')
    await expect(panel.innerText()).resolves.toContain(`<iframe src="${baseURL}/?embed=1&amp;compact=1&amp;v=2&amp;p=current&amp;m=1024"`)
    await page.close()
  })

  it('says which part could not load when its code cannot be fetched, and keeps the total', async () => {
    const page = await chromium().newPage({ viewport: { width: 375, height: 900 } })
    // The charts' code never arrives, as on a connection that drops after the first total.
    await page.route(/\/assets\/charts-[^/]+\.js$/, (route) => route.abort('internetdisconnected'))
    await page.goto(`${baseURL}/`)
    const notice = page.getByRole('alert').filter({ hasText: 'Could not load the charts' })
    await notice.waitFor({ timeout: 30_000 })
    expect(await notice.innerText()).toContain('The total and the bill are complete.')
    expect(await notice.getByRole('button', { name: 'Reload the page' }).isVisible()).toBe(true)
    expect(await total(page)).toBe('$18.73')
    await page.screenshot({ path: screenshotPath('calculator-charts-not-loaded-375') })
    await page.close()
  })

  it('saves screenshots at 375 px and 1280 px, light and dark', async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, errors } = await open({ width, colorScheme })
        await page.getByTestId('chart-split').waitFor()
        await page.waitForTimeout(300)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0)
        await expectNoBrokenNumbers(page)
        await page.screenshot({ path: screenshotPath(`calculator-${width}-${colorScheme}`), fullPage: true })
        expect(errors).toEqual([])
        await page.close()
      }
    }
  })
})
