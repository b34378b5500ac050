import { describe, expect, inject, it } from 'vitest'
import { expectNoBrokenNumbers, openCalculator, screenshotPath, typeInto, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

// Three invocations at 128 MB (AWS's REPORT line format): one cold, 15.74 + 130.49 ms -> 147 ms, and warm 102.30 -> 103 ms, 250.01 -> 251 ms.
const LOG = [
  'REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95 Duration: 15.74 ms Billed Duration: 147 ms Memory Size: 128 MB Max Memory Used: 56 MB Init Duration: 130.49 ms',
  'REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c96 Duration: 102.30 ms Billed Duration: 103 ms Memory Size: 128 MB Max Memory Used: 58 MB',
  'REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c97 Duration: 250.01 ms Billed Duration: 251 ms Memory Size: 128 MB Max Memory Used: 61 MB',
].join('\n')

describe('imported usage in a link', () => {
  it('a link copied after an import opens, in a fresh page, with the same bill, histogram and cold starts, from imported usage', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/`)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
    await page.getByLabel('Log file', { exact: true }).setInputFiles({ name: 'report.log', mimeType: 'text/plain', buffer: Buffer.from(LOG) })
    await page.getByTestId('usage-results').waitFor({ timeout: 30_000 })
    await typeInto(page, 'Requests per month', '30000000')
    // Current sheet, us-east-1, free tier on, hand-worked: each logged invocation stands for 10,000,000 requests;
    // (147 + 103 + 251) ms x 10M = 5,010,000 s x 0.125 GB = 626,250 GB-s; (626,250 - 400,000) x $0.0000166667 = $3.77;
    // (30M - 1M) x $0.20 / M = $5.80; total $9.57
    const total = page.getByTestId('usage-total')
    await expect.poll(() => total.innerText(), { timeout: 30_000 }).toBe('$9.57 / month')
    await expect.poll(() => page.getByTestId('usage-link-fit').innerText(), { timeout: 30_000 }).toMatch(/same bill, to the cent, on either sheet/)
    const copy = page.getByRole('button', { name: 'Copy link' })
    await copy.click()
    await page.getByText('Link copied: it reproduces this estimate exactly.').waitFor()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(/[?&]iu=1\./)
    // the address bar does not hold it: no request the page makes afterwards carries it in its Referer
    expect(page.url()).not.toContain('iu=')
    expect(link.length).toBeLessThanOrEqual(2000)
    const histogram = await page.getByTestId('usage-results').locator('table').first().textContent()
    // a preset still pushes its own history entry, and the imported usage stays in the address: Back returns to the estimate
    const memory = await page.getByLabel('Memory (MB)', { exact: true }).inputValue()
    await page.getByRole('link', { name: /Classic example 2/ }).click()
    await expect.poll(() => page.getByLabel('Memory (MB)', { exact: true }).inputValue(), { timeout: 30_000 }).toBe('128')
    await page.goBack()
    await expect.poll(() => page.getByLabel('Memory (MB)', { exact: true }).inputValue(), { timeout: 30_000 }).toBe(memory)

    const opened = await openCalculator(chromium(), link)
    const from = opened.page.getByTestId('usage-from-link')
    await from.waitFor({ timeout: 30_000 })
    const today = new Date().toISOString().slice(0, 10)
    await expect(from.innerText()).resolves.toContain(`From imported usage: report.log, imported ${today}`)
    await expect.poll(() => opened.page.getByTestId('usage-total').innerText(), { timeout: 30_000 }).toBe('$9.57 / month')
    await expect(opened.page.getByLabel('Requests per month', { exact: true }).inputValue()).resolves.toBe('30,000,000')
    const results = opened.page.getByTestId('usage-results')
    await expect(results.innerText()).resolves.toContain('33.3 % of invocations started cold (1)')
    await expect(results.locator('table').first().textContent()).resolves.toBe(histogram)
    await expectNoBrokenNumbers(opened.page)
    await results.screenshot({ path: screenshotPath('usage-from-link-1280-light') })
    // the rest of the link is read as before: nothing on it is reported as unusable
    await expect(opened.page.getByTestId('link-notice').count()).resolves.toBe(0)
    expect(opened.errors).toEqual([])
    await opened.page.close()
    expect(errors).toEqual([])
    await page.close()
  })

  it('an iu value from a newer version is a named problem in the usage panel; the estimate opens as linked, and the address drops the value', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&m=1024&iu=9.a.b`)
    const problem = page.getByTestId('usage-link-problem')
    await expect.poll(() => problem.innerText(), { timeout: 30_000 }).toMatch(/iu=9\.a\.b: the imported usage was written by a newer version \(9\)/)
    await expect.poll(() => page.evaluate(() => window.location.search), { timeout: 30_000 }).toBe('?v=2&p=current&m=1024')
    await expect(page.getByLabel('Memory (MB)', { exact: true }).inputValue()).resolves.toBe('1024')
    await expect(page.getByTestId('usage-from-link').count()).resolves.toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })
})
