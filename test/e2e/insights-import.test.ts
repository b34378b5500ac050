import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { expectNoBrokenNumbers, openCalculator, screenshotPath, seriousA11yViolations, typeInto, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

const CSV = readFileSync(resolve(__dirname, '../fixtures/usage/insights-stats.csv'))

describe('Logs Insights import in Chromium', () => {
  it('reads an Insights histogram CSV through the file input and bills its first function', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/`)
    await page.getByLabel('Log file', { exact: true }).setInputFiles({ name: 'insights-stats.csv', mimeType: 'text/csv', buffer: CSV })
    await page.getByTestId('usage-results').waitFor({ timeout: 30_000 })
    const pick = page.getByLabel('Imported function', { exact: true })
    await expect(pick.locator('option').allInnerTexts()).resolves.toEqual([
      '123456789012:/aws/lambda/orders (4 invocations)',
      '123456789012:/aws/lambda/thumbnails (6 invocations)',
    ])
    await typeInto(page, 'Requests per month', '100000000')
    // orders on the current sheet, us-east-1, free tier on: 2,272 ms x 25M requests per invocation x 0.125 GB = 7,100,000 GB-s;
    // (7,100,000 - 400,000) x $0.0000166667 = $111.67; (100M - 1M) x $0.20 / M = $19.80
    const total = page.getByTestId('usage-total')
    await expect.poll(() => total.innerText(), { timeout: 30_000 }).toBe('$131.47 / month')
    const queries = page.getByTestId('insights-queries')
    await queries.locator('summary').click()
    await page.getByRole('button', { name: 'Copy query: REPORT lines as text (the default log format)' }).click()
    await expect.poll(() => queries.innerText(), { timeout: 30_000 }).toMatch(/Copied\.|Could not copy/)
    await expect(queries.innerText()).resolves.toContain('by function, memoryMb, cold, billedMs')
    await queries.screenshot({ path: screenshotPath('insights-queries-1280-light') })
    await expectNoBrokenNumbers(page)
    await page.getByTestId('usage-panel').screenshot({ path: screenshotPath('usage-panel-insights-1280-light') })
    expect(await seriousA11yViolations(page)).toEqual([])
    // on a phone: the long log-group names and the queries stay inside the panel
    await page.setViewportSize({ width: 375, height: 900 })
    await expectNoBrokenNumbers(page)
    const panel = page.getByTestId('usage-panel')
    await expect.poll(() => panel.evaluate((el) => el.scrollWidth - el.clientWidth), { timeout: 30_000 }).toBe(0)
    await expect.poll(() => panel.evaluate((el) => Math.round(el.getBoundingClientRect().right)), { timeout: 30_000 }).toBeLessThanOrEqual(375)
    await page.getByTestId('usage-panel').screenshot({ path: screenshotPath('usage-panel-insights-375-light') })
    expect(errors).toEqual([])
    await page.close()
  })
})
