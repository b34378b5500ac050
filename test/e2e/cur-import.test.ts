import { readFileSync } from 'node:fs'
import type { Request } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { expectNoBrokenNumbers, openCalculator, screenshotPath, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

// The CUR query's result in Athena's CSV layout; its figures are worked by hand in test/engine/usage/cur.test.ts.
const FIXTURE = readFileSync(new URL('../fixtures/cur/athena-lambda-2026-10.csv', import.meta.url))

describe('CUR import in Chromium', () => {
  it('reads a CUR CSV in a worker and shows the reconciliation, the rows left out and what if', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2`)
    await page.getByRole('button', { name: 'Choose a CUR CSV file…' }).waitFor({ timeout: 60_000 })
    const requests: Request[] = []
    page.on('request', (r) => requests.push(r))
    await page.getByLabel('CUR CSV file', { exact: true }).setInputFiles({ name: 'cur-2026-10.csv', mimeType: 'text/csv', buffer: FIXTURE })
    const results = page.getByTestId('cur-results')
    await results.waitFor({ timeout: 30_000 })

    expect(requests.some((r) => /cur-worker/.test(r.url()))).toBe(true)
    for (const r of requests) expect(r.method()).toBe('GET')
    await expect(page.getByTestId('cur-sentence').innerText()).resolves.toBe(
      'AWS billed $23.60; the calculator reproduces $25.70 for the same usage; the difference is the Savings Plan ($2.00, effective cost) and credits ($0.10).',
    )
    const lines = await page.getByTestId('cur-lines').innerText()
    expect(lines).toMatch(/Compute \(arm64\), us-east-2\s+1,250,000 GB-s\s+\$16\.67\s+\$14\.67\s+\$16\.67/)
    expect(lines).toMatch(/Lambda@Edge requests, us-east-1/)
    await expect(page.getByTestId('cur-functions').innerText()).resolves.toMatch(/orders\s+us-east-2, arm64\s+3,000,000\s+\$17\.27\s+\$17\.27/)
    await expect(page.getByTestId('cur-problems').innerText()).resolves.toMatch(/Row 15: month "2026-13-01[^\n]*\nRow 16: usage_amount "lots"/)
    await expect(page.getByTestId('cur-other').innerText()).resolves.toMatch(
      /USE2-Lambda-Mystery-Units \(unknown usage type\): 1 row, AWS charged \$0\.05/,
    )
    await expect(page.getByTestId('cur-whatifs').innerText()).resolves.toMatch(
      /arm64 \(Graviton\) for the x86_64 functions: \$22\.83 a month instead of \$25\.70; saves \$2\.87 a month, \$34\.44 a year/,
    )

    // Another Savings Plan percentage, priced by the worker that holds the import.
    await page.getByLabel('Savings Plan, %', { exact: true }).fill('17')
    await page.getByRole('button', { name: 'Price it' }).click()
    // 17 %: 5.00001 x 0.83 = 4.1500083 -> $4.15; 16.66675 x 0.83 = 13.8334025 -> $13.83; saving $0.85 + $2.84.
    await expect
      .poll(() => page.getByTestId('cur-whatifs').innerText(), { timeout: 30_000 })
      .toMatch(/A Compute Savings Plan of 17 %: \$22\.01 a month instead of \$25\.70; saves \$3\.69 a month, \$44\.28 a year/)

    await page.getByTestId('cur-panel').screenshot({ path: screenshotPath('cur-import-1280') })
    // On a phone the tables scroll inside their box; the page itself does not grow sideways.
    await page.setViewportSize({ width: 375, height: 800 })
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 30_000 }).toBeLessThanOrEqual(375)
    await page.getByTestId('cur-panel').screenshot({ path: screenshotPath('cur-import-375') })
    await expectNoBrokenNumbers(page)
    expect(errors).toEqual([])
    await page.close()
  })
})
