import type { Page, Request } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { estimateFromReports, parseReports } from '../../src/engine/index'
import { expectNoBrokenNumbers, holdWorkerResults, openCalculator, screenshotPath, seriousA11yViolations, typeInto, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

/** A deterministic log: `count` REPORT lines with console timestamps, 128 and 256 MB, a cold start every 40th. */
function generateLog(count: number): string {
  let seed = 12345
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const lines: string[] = []
  const start = Date.UTC(2026, 0, 5, 8, 0, 0)
  for (let i = 0; i < count; i++) {
    const t = new Date(start + i * 36).toISOString()
    const slow = next() < 0.5
    const cs = slow ? 9500 + Math.floor(next() * 1000) : 100 + Math.floor(next() * 200)
    const ms = `${Math.floor(cs / 100)}.${String(cs % 100).padStart(2, '0')}`
    const memory = i % 3 === 0 ? 256 : 128
    const init = i % 40 === 0 ? `\tInit Duration: ${150 + (i % 7)}.${String(i % 100).padStart(2, '0')} ms` : ''
    lines.push(
      `${t}\tREPORT RequestId: ${i.toString(16).padStart(8, '0')}-xmpl-4697-b07a-ac58fc914c95\tDuration: ${ms} ms\tBilled Duration: ${Math.ceil(cs / 100)} ms\tMemory Size: ${memory} MB\tMax Memory Used: ${50 + (i % 30)} MB${init}\t`,
    )
  }
  return lines.join('\n')
}

const MONTHLY = 50_000_000
const LOG = generateLog(100_000)
// What the engine bills for the same text in Node: the figure the page must show.
const expectedCents = estimateFromReports(parseReports(LOG), { sheet: 'aws-2016', freeTier: true, monthlyRequests: MONTHLY }).totalCents
const usd = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

/** Pastes text into a field as the browser does from the clipboard: one paste event carrying the text. */
async function pasteInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true })
  await field.focus()
  await field.evaluate((el, value) => {
    const data = new DataTransfer()
    data.setData('text/plain', value)
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    // The browser inserts the text unless the page takes the paste over.
    if (el.dispatchEvent(event)) document.execCommand('insertText', false, value)
  }, text)
}

/** Records whether a <progress> ever appears, from before the import starts. */
async function watchProgress(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean }
    w.sawProgress = false
    new MutationObserver(() => {
      if (document.querySelector('progress[aria-label], label + progress, progress')) w.sawProgress = true
    }).observe(document.body, { childList: true, subtree: true })
  })
  return () => page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)
}

/** Requests made while `run` runs: a log must never leave the page. */
async function requestsDuring(page: Page, run: () => Promise<void>): Promise<Request[]> {
  const seen: Request[] = []
  const on = (r: Request) => seen.push(r)
  page.on('request', on)
  try {
    await run()
  } finally {
    page.off('request', on)
  }
  return seen
}

/** Only the page's own code may load while importing: same origin, GET, no body, scripts and styles. */
function expectNoUpload(requests: Request[]): void {
  for (const r of requests) {
    expect(r.url().startsWith(`${baseURL}/assets/`), r.url()).toBe(true)
    expect(r.method()).toBe('GET')
    expect(r.postData()).toBeNull()
    expect(r.url()).toMatch(/\.(js|css)$/)
  }
}

async function readTotal(page: Page): Promise<string> {
  await typeInto(page, 'Requests per month', String(MONTHLY))
  const totalCell = page.getByTestId('usage-total')
  await expect.poll(() => totalCell.innerText(), { timeout: 30_000 }).toBe(`${usd(expectedCents)} / month`)
  return totalCell.innerText()
}

describe('Import usage in Chromium', () => {
  it('reads a 100,000-line log through the file input, in a worker, with a progress bar, and bills it as the engine does', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=2016`)
    await page.getByRole('button', { name: 'Choose a log file…' }).waitFor()
    const sawProgress = await watchProgress(page)
    const requests = await requestsDuring(page, async () => {
      await page.getByLabel('Log file', { exact: true }).setInputFiles({ name: 'big.log', mimeType: 'text/plain', buffer: Buffer.from(LOG) })
      await page.getByTestId('usage-results').waitFor({ timeout: 30_000 })
    })
    expect(await sawProgress()).toBe(true)
    expect(requests.some((r) => /report-worker/.test(r.url()))).toBe(true)
    expectNoUpload(requests)
    await expect(page.getByTestId('usage-results').innerText()).resolves.toMatch(/100,000\s+invocations/)
    await readTotal(page)
    await expect(page.getByTestId('chart-histogram').locator('.recharts-bar-rectangle').count()).resolves.toBeGreaterThan(0)
    await expectNoBrokenNumbers(page)
    expect(errors).toEqual([])
    await page.close()
  })

  it('reads the same log pasted, and cancels a read', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=2016`)
    const sawProgress = await watchProgress(page)
    // A paste this big (19 MB) is read at once, without filling the field.
    const requests = await requestsDuring(page, async () => {
      await pasteInto(page, 'Paste log lines', LOG)
      await page.getByTestId('usage-results').waitFor({ timeout: 30_000 })
    })
    expect(await sawProgress()).toBe(true)
    expectNoUpload(requests)
    await expect(page.getByLabel('Paste log lines', { exact: true }).inputValue()).resolves.toBe('')
    await readTotal(page)

    // A second read, cancelled, leaves the first result in place (its result held back until then,
    // so the click lands while the read is under way on any machine).
    const held = await holdWorkerResults(page)
    await pasteInto(page, 'Paste log lines', LOG)
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect(held.terminated()).resolves.toEqual([true])
    await expect(page.getByRole('progressbar').count()).resolves.toBe(0)
    await expect(page.getByTestId('usage-total').innerText()).resolves.toBe(`${usd(expectedCents)} / month`)
    expect(errors).toEqual([])
    await page.close()
  })

  it('draws power-tuning measurements on the memory chart, and looks right at 375 and 1280 px, light and dark', async () => {
    const small = generateLog(400)
    // 128, 256, 512, 1024, 1536, 3008 MB measured at 2.9, 1.5, 0.8, 0.6, 0.55, 0.5 ms (a power-tuning link's hash)
    const toB64 = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('base64')
    const link = `https://lambda-power-tuning.show/#${toB64(new Int16Array([128, 256, 512, 1024, 1536, 3008]).buffer)};${toB64(
      new Float32Array([2900, 1500, 800, 600, 550, 500]).buffer,
    )};${toB64(new Float32Array([6.1e-6, 6.3e-6, 6.7e-6, 1e-5, 1.38e-5, 2.45e-5]).buffer)}`
    for (const [width, colorScheme] of [
      [1280, 'light'],
      [1280, 'dark'],
      [375, 'light'],
      [375, 'dark'],
    ] as const) {
      const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=2016`, { width, colorScheme })
      // A small paste lands in the field, to be read with the button.
      await pasteInto(page, 'Paste log lines', small)
      await page.getByRole('button', { name: 'Read pasted lines' }).click()
      await page.getByTestId('chart-histogram').locator('.recharts-bar-rectangle').first().waitFor({ timeout: 30_000 })
      await page.getByLabel('Power-tuning link or JSON', { exact: true }).fill(link)
      await page.getByRole('button', { name: 'Read power-tuning results' }).click()
      const memory = page.getByTestId('chart-memory')
      await expect.poll(() => memory.innerText(), { timeout: 30_000 }).toMatch(/Measured by power tuning/)
      await expect(memory.innerText()).resolves.toMatch(/Cheapest: /)
      await expect(memory.getByRole('row', { name: /\(cheapest\)/ }).count()).resolves.toBe(1)
      await expectNoBrokenNumbers(page)
      await page.getByTestId('usage-panel').screenshot({ path: screenshotPath(`usage-panel-${width}-${colorScheme}`) })
      await memory.screenshot({ path: screenshotPath(`memory-chart-measured-${width}-${colorScheme}`) })
      if (width === 1280 && colorScheme === 'light') expect(await seriousA11yViolations(page)).toEqual([])
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
