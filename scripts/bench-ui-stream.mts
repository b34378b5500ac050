/**
 * `npm run bench:ui -- stream`: a 10,000,000-line REPORT log (about 2.5 GB)
 * imported through the page's file input in Chromium, as a user would choose
 * it: written to a temporary file (deleted after), set on the input, read by
 * the page's Worker from File.stream(). Reports REPORT lines a second (file
 * set to the worker's result, and to the bill on screen) and the tab's peak
 * memory: the renderer process that runs the page and its Worker, as its
 * peak resident set (Linux VmHWM, reset once the page has loaded, so the peak
 * of the import itself plus what the page held before), with every other
 * Chromium process's peak beside it. Goal: under 600 MB.
 */
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { generateReportLog } from './bench-reports'

const REPORTS = 10_000_000
const mb = (bytes: number) => (bytes / 1e6).toFixed(1)

/** Writes the log `generateReportLog` gives for `reports` lines to `path`, in slices; returns its size in bytes. */
function writeLog(path: string, reports: number): number {
  const fd = openSync(path, 'w')
  let bytes = 0
  try {
    const slice = 16_384
    for (let from = 0; from < reports; from += slice) {
      const chunk = Buffer.from(generateReportLog(Math.min(slice, reports - from), from), 'utf8')
      writeSync(fd, chunk)
      bytes += chunk.length
    }
  } finally {
    closeSync(fd)
  }
  return bytes
}

/** A process's resident set now and at its peak, bytes (0 when it is gone). */
function residentOf(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024
    return { rss: kb('VmRSS'), peak: kb('VmHWM') }
  } catch {
    return { rss: 0, peak: 0 }
  }
}

/** Resets a process's peak resident set to what it holds now (Linux: 5 > clear_refs). */
function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    // a process that ended, or a kernel without it: its peak is then since it started
  }
}

export async function streamImport(browser: Browser, base: string): Promise<void> {
  const path = join(tmpdir(), `lambda-cost-stream-bench-${process.pid}.log`)
  try {
    const t0 = Date.now()
    const size = writeLog(path, REPORTS)
    console.log(
      `\nStreamed import: wrote ${REPORTS.toLocaleString('en-US')} REPORT lines, ${mb(size)} MB, to ${path} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    )

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${base}?v=2&p=current`)
    await page.getByRole('button', { name: 'Choose a log file…' }).waitFor()
    const cdp = await browser.newBrowserCDPSession()
    const processes = async () =>
      ((await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }).processInfo.filter((p) => p.id > 0)
    const before = await processes()
    for (const p of before) resetPeak(p.id)
    const held = new Map(before.map((p) => [p.id, residentOf(p.id).rss]))

    // The progress values the page shows, recorded in the page.
    await page.evaluate(() => {
      const w = window as unknown as { progressValues: number[] }
      w.progressValues = []
      new MutationObserver(() => {
        const bar = document.querySelector('progress')
        if (bar && bar.value !== w.progressValues.at(-1)) w.progressValues.push(bar.value)
      }).observe(document.body, { childList: true, subtree: true, attributes: true })
    })
    const started = performance.now()
    await page.getByLabel('Log file', { exact: true }).setInputFiles(path)
    await page.getByRole('progressbar').waitFor({ timeout: 60_000 })
    await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 600_000 })
    const read = performance.now() - started
    await page.getByTestId('usage-results').waitFor({ timeout: 600_000 })
    const shown = performance.now() - started
    const progress = await page.evaluate(() => (window as unknown as { progressValues: number[] }).progressValues)
    const text = await page.getByTestId('usage-results').innerText()
    if (!/10,000,000\s+invocations/.test(text)) throw new Error(`the page did not show 10,000,000 invocations: ${text.slice(0, 300)}`)
    const total = await page.getByTestId('usage-total').innerText()

    const after = await processes()
    const rows = after.map((p) => ({ ...p, ...residentOf(p.id), before: held.get(p.id) ?? 0 }))
    const tab = rows.filter((r) => r.type === 'renderer').reduce((a, b) => (b.peak > a.peak ? b : a))
    console.log(
      `read by the Worker in ${(read / 1000).toFixed(1)} s: ${(REPORTS / (read / 1000)).toLocaleString('en-US', { maximumFractionDigits: 0 })} lines/s, ${mb(size / (read / 1000))} MB/s ` +
        `(the progress bar showed ${progress.length} values, ${progress.slice(0, 3).join(', ')} … ${progress.at(-1)} %); the bill on screen after ${(shown / 1000).toFixed(1)} s (${total})`,
    )
    console.log(
      `tab (renderer ${tab.id}, the page and its Worker): peak ${mb(tab.peak)} MB resident (goal: under 600 MB); ${mb(tab.before)} MB before the import, ${mb(tab.rss)} MB after`,
    )
    for (const r of rows.filter((r) => r !== tab)) console.log(`  ${r.type} ${r.id}: peak ${mb(r.peak)} MB, now ${mb(r.rss)} MB`)
    await cdp.detach()
    await page.close()
  } finally {
    rmSync(path, { force: true })
  }
}
