import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'playwright-core'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { generateReportLog } from '../../scripts/bench-reports'
import { expectNoBrokenNumbers, holdWorkerResults, openCalculator, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

// A 39 MB log of 160,000 REPORT lines with their END lines, as `npm run bench` generates it:
// every 100th invocation (0, 100, ...) is cold, so 1,600 cold starts.
const REPORTS = 160_000
const dir = mkdtempSync(join(tmpdir(), 'lambda-cost-stream-'))
const big = join(dir, 'big.log')
writeFileSync(big, generateReportLog(REPORTS))
// Three warm invocations at 128 MB: 10, 20 and 30 ms.
const small = join(dir, 'small.log')
writeFileSync(
  small,
  [10, 20, 30]
    .map((ms, i) => `REPORT RequestId: s-${i} Duration: ${ms}.00 ms Billed Duration: ${ms} ms Memory Size: 128 MB Max Memory Used: 50 MB`)
    .join('\n'),
)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('A log file streamed from disk', () => {
  it('shows its progress as it is read; Cancel stops the Worker and leaves the page as it was, ready for the next file', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current`)
    const fileInput = page.getByLabel('Log file', { exact: true })
    await page.getByRole('button', { name: 'Choose a log file…' }).waitFor()
    // Every value the progress bar takes, recorded in the page from before the read starts.
    await page.evaluate(() => {
      const w = window as unknown as { progressValues: number[] }
      w.progressValues = []
      new MutationObserver(() => {
        const bar = document.querySelector('progress')
        if (bar && bar.value !== w.progressValues.at(-1)) w.progressValues.push(bar.value)
      }).observe(document.body, { childList: true, subtree: true, attributes: true })
    })

    // 1. Read to the end: the bar moves from 0 through values between, never back.
    await fileInput.setInputFiles(big)
    const results = page.getByTestId('usage-results')
    await expect.poll(() => results.innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/160,000\s+invocations/)
    await expect(results.innerText()).resolves.toMatch(/\(1,600\)/)
    const values = await page.evaluate(() => (window as unknown as { progressValues: number[] }).progressValues)
    expect(values[0]).toBe(0)
    expect(values.some((v) => v > 0 && v < 100)).toBe(true)
    expect(values.every((v, i) => i === 0 || v >= values[i - 1]!)).toBe(true)

    // 2. The same file again, cancelled while it is read: its result is held back from the page
    // until the test lets it through, so the Cancel click lands while the page still waits for it.
    const held = await holdWorkerResults(page)
    const worker = page.waitForEvent('worker', { timeout: 30_000 })
    await fileInput.setInputFiles(big)
    await page.getByRole('progressbar').waitFor({ timeout: 30_000 })
    const reader: Worker = await worker
    const closed = new Promise<void>((resolve) => reader.on('close', () => resolve()))
    await page.getByRole('button', { name: 'Cancel' }).click()
    await closed
    await expect(held.terminated()).resolves.toEqual([true])
    // the bar goes, no error shows, and the first result stays
    await expect(page.getByRole('progressbar').count()).resolves.toBe(0)
    await expect(page.getByRole('alert').count()).resolves.toBe(0)
    await expect(results.innerText()).resolves.toMatch(/160,000\s+invocations/)

    // 3. The page takes the next file (its result let through).
    await held.release()
    await fileInput.setInputFiles(small)
    await expect.poll(() => results.innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/\b3\s+invocations/)
    await expectNoBrokenNumbers(page)
    expect(errors).toEqual([])
    await page.close()
  })
})
