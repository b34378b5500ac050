// What must work whatever engine a reader's browser runs: the page and its
// total, old and new links, typing, the widget on another site's page, a log
// read from a file, and the exports. Written once, run in Chromium, Firefox
// and WebKitGTK (one test file per engine calls crossEngineSuite).
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchEngine, type Engine, type EngineName, type EnginePage } from './engines'

/** A ceiling that only catches a hang: a busy machine may take many seconds for what takes one when it is quiet. */
const HANG = 30_000
const poll = { timeout: HANG, interval: 100 }

// ---- Page-side helpers (serialised into the page: no closures) ----

/** Marks the element a user would find by `text` (a label, an aria-label, or a button's or summary's text) as the one target. */
const markTarget = (text: string): boolean => {
  for (const el of document.querySelectorAll('[data-engine-target]')) el.removeAttribute('data-engine-target')
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim()
  const labelled = Array.from(document.querySelectorAll('label')).find((l) => norm(l.textContent) === text)?.control
  const named = Array.from(document.querySelectorAll('[aria-label]')).find((el) => el.getAttribute('aria-label') === text)
  const pressed = Array.from(document.querySelectorAll('button, summary, a')).find((el) => norm(el.textContent) === text)
  const found = labelled ?? named ?? pressed
  if (!found) return false
  found.setAttribute('data-engine-target', '')
  return true
}
const TARGET = '[data-engine-target]'

const textOf = (testId: string): string | null => {
  const el = document.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null
  return el ? el.innerText.replace(/\s+/g, ' ').trim() : null
}

/** Records what the page hands the browser to download: the file's name and its text. */
const recordDownloads = (_: null): void => {
  const w = window as unknown as { __downloads?: { name: string; text: string | null }[]; __blobs?: Map<string, Blob> }
  if (w.__downloads) return
  const downloads: { name: string; text: string | null }[] = (w.__downloads = [])
  const blobs = (w.__blobs = new Map<string, Blob>())
  const createObjectURL = URL.createObjectURL.bind(URL)
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = createObjectURL(obj)
    if (obj instanceof Blob) blobs.set(url, obj)
    return url
  }
  const click = HTMLAnchorElement.prototype.click
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)
    if (this.download && blob) {
      const record = { name: this.download, text: null as string | null }
      downloads.push(record)
      void blob.text().then((text) => (record.text = text))
    }
    return click.call(this)
  }
}
const downloads = (_: null) => (window as unknown as { __downloads?: { name: string; text: string | null }[] }).__downloads ?? []

// ---- The host page of another site, for the widget ----

const HOST_PAGE = (widgetOrigin: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Docs page with the calculator widget</title>
  </head>
  <body>
    <h1>Pricing notes</h1>
    <lambda-cost-calculator id="w" sheet="2016" memory="512" duration="1000" requests="3e6"></lambda-cost-calculator>
    <script>
      window.changes = []
      document.addEventListener('lambda-cost-change', (e) => window.changes.push(e.detail))
    </script>
    <script src="${widgetOrigin}/embed.js"></script>
  </body>
</html>`

type Change = { totalUsd: string | null; totalCents: number | null; problems: unknown[] }
const changes = (_: null) => (window as unknown as { changes: Change[] }).changes
const frameHeight = (_: null) => {
  const frame = document.querySelector('#w')?.shadowRoot?.querySelector('iframe')
  return frame ? frame.getBoundingClientRect().height : null
}

// ---- A small REPORT log (Lambda Developer Guide, "Lambda function logging": the REPORT line's fields) ----

/** Four invocations at 512 MB, each billed 1,000 ms under the classic sheet's 100 ms rounding (901.5 ms -> 1,000 ms). */
const SMALL_LOG = [
  'REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be3\tDuration: 901.50 ms\tBilled Duration: 902 ms\tMemory Size: 512 MB\tMax Memory Used: 64 MB\t',
  'REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be4\tDuration: 950.12 ms\tBilled Duration: 951 ms\tMemory Size: 512 MB\tMax Memory Used: 64 MB\t',
  'REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be5\tDuration: 999.99 ms\tBilled Duration: 1000 ms\tMemory Size: 512 MB\tMax Memory Used: 65 MB\t',
  'REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be6\tDuration: 1000.00 ms\tBilled Duration: 1000 ms\tMemory Size: 512 MB\tMax Memory Used: 65 MB\t',
].join('\n')

export function crossEngineSuite(name: EngineName): void {
  const baseURL = inject('baseURL')
  let engine: Engine
  let hostServer: Server | undefined
  let hostOrigin = ''
  const scratch = mkdtempSync(join(tmpdir(), `cross-engine-${name}-`))

  beforeAll(async () => {
    engine = await launchEngine(name)
    // localhost and 127.0.0.1 are different sites: the widget is a third-party iframe, as on a docs site.
    hostServer = createServer((req, res) => {
      if (req.url === '/' || req.url === '/index.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOST_PAGE(baseURL))
      // Browsers ask every page for an icon; the host has none.
      else res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end()
    })
    await new Promise<void>((resolve) => hostServer!.listen(0, '127.0.0.1', resolve))
    hostOrigin = `http://localhost:${(hostServer.address() as AddressInfo).port}`
  }, 180_000)

  afterAll(async () => {
    await engine?.quit()
    await new Promise<void>((resolve) => (hostServer ? hostServer.close(() => resolve()) : resolve()))
    rmSync(scratch, { recursive: true, force: true })
  })

  async function open(path: string): Promise<EnginePage> {
    const page = await engine.newPage()
    await page.goto(`${baseURL}${path}`)
    await expect.poll(() => page.run(textOf, 'monthly-total'), poll).not.toBeNull()
    return page
  }

  async function find(page: EnginePage, text: string): Promise<string> {
    await expect.poll(() => page.run(markTarget, text), { ...poll, message: `"${text}" on the page` }).toBe(true)
    return TARGET
  }

  const total = (page: EnginePage) => page.run(textOf, 'monthly-total')

  async function expectReadable(page: EnginePage): Promise<void> {
    expect(await page.run(() => document.body.innerText, null)).not.toMatch(/NaN|undefined|Infinity|\$-/)
    expect(await page.errors()).toEqual([])
  }

  // Each test does several of these waits: its own ceiling is a few of them.
  describe(`the calculator in ${name}`, { timeout: 4 * HANG }, () => {
    it('opens on today’s prices with its total', async () => {
      const page = await open('/')
      // 512 MB, 1 s, 3M on the current sheet: 1,100,000 billable GB-s x 0.0000166667 = $18.33, + $0.40 requests
      expect(await total(page)).toBe('$18.73')
      expect(
        await page.run(
          () => (document.querySelector('input[type="radio"]:checked')?.closest('label')?.textContent ?? '').startsWith('Current'),
          null,
        ),
      ).toBe(true)
      await expectReadable(page)
      await page.close()
    })

    it('opens version 1 links and today’s links with their bills', async () => {
      const page = await engine.newPage()
      for (const [link, expected] of [
        // AWS's classic pricing page, example 1 and example 2; version 1 links with and without p.
        ['/?p=2016&m=512&d=1000&r=3e6', '$18.74'],
        ['/?m=512&d=1000&r=3e6', '$18.74'],
        ['/?v=1&m=128&d=200&r=3e7', '$11.63'],
        // 1,536 MB, 120 ms, 3M on arm64: 540,000 GB-s - 400,000 = 140,000 x 0.0000133334 = $1.87, + $0.40
        ['/?v=2&p=current&m=1536&d=120&a=arm', '$2.27'],
        // eu-west-1 arm64 (0.0000133334 per GB-s, $0.20 per million, docs/pricing-regions.md): 1,100,000 GB-s = $14.67, + $0.40
        ['/?v=2&p=current&rg=eu-west-1&a=arm', '$15.07'],
      ] as const) {
        await page.goto(`${baseURL}${link}`)
        await expect.poll(() => total(page), { ...poll, message: link }).toBe(expected)
        // The page as a reader leaves it: its lazy panels and charts loaded (Firefox rejects an import cut off by leaving the page).
        await expect.poll(() => page.run(textOf, 'usage-panel'), { ...poll, message: link }).not.toBeNull()
        await expect
          .poll(() => page.run(() => document.querySelector('figure.chart') !== null, null), { ...poll, message: `${link}: charts` })
          .toBe(true)
      }
      await expectReadable(page)
      await page.close()
    })

    it('follows typing: the classic example 2 typed field by field, kept by the link', async () => {
      const page = await open('/?v=2&p=2016')
      await page.type(await find(page, 'Memory (MB)'), '128')
      await page.type(await find(page, 'Duration (ms)'), '200')
      await page.type(await find(page, 'Requests'), '30000000')
      // AWS's classic example 2: 30M x 0.2 s x 0.125 GB = 750,000 GB-s - 400,000 = $5.83; 29M requests = $5.80
      await expect.poll(() => total(page), poll).toBe('$11.63')
      // The link follows the last edit too (the URL is written once typing pauses).
      await expect.poll(() => page.url(), poll).toMatch(/m=128&d=200&r=(3e7|30000000)(&|$)/)
      const link = await page.url()
      await page.close()
      const again = await engine.newPage()
      await again.goto(link)
      await expect.poll(() => total(again), poll).toBe('$11.63')
      await expectReadable(again)
      await again.close()
    })

    it('runs as a widget on another site’s page: sized to its content, its total reported to the element, attributes followed', async () => {
      const page = await engine.newPage()
      await page.goto(`${hostOrigin}/`)
      await expect.poll(() => page.run(changes, null), poll).toEqual([expect.objectContaining({ totalCents: 1874, totalUsd: '18.74' })])
      // The loader starts the frame at 520 px; the widget's own messages size it.
      await expect.poll(() => page.run(frameHeight, null), poll).not.toBe(520)
      expect(await page.run(frameHeight, null)).toBeGreaterThan(100)
      // The host changes an attribute: the widget recomputes in place (AWS's classic example 2).
      await page.run(() => {
        const w = document.querySelector('#w')!
        w.setAttribute('memory', '128')
        w.setAttribute('duration', '200')
        w.setAttribute('requests', '3e7')
      }, null)
      await expect.poll(async () => (await page.run(changes, null)).at(-1)?.totalUsd, poll).toBe('11.63')
      expect(await page.errors()).toEqual([])
      await page.close()
    })

    it('bills a small REPORT log read from a file', async () => {
      const file = join(scratch, 'report.log')
      writeFileSync(file, SMALL_LOG)
      const page = await open('/?v=2&p=2016')
      await page.chooseFile(await find(page, 'Log file'), file)
      await expect.poll(() => page.run(textOf, 'usage-results'), poll).toMatch(/4 invocations/)
      await page.type(await find(page, 'Requests per month'), '3000000')
      // Every invocation bills 1,000 ms at 512 MB: the classic example 1 again, $18.74.
      await expect.poll(() => page.run(textOf, 'usage-total'), poll).toBe('$18.74 / month')
      await expectReadable(page)
      await page.close()
    })

    it('downloads the bill as CSV and JSON', async () => {
      const page = await open('/?p=2016&m=512&d=1000&r=3e6')
      await page.run(recordDownloads, null)
      await page.click(await find(page, 'Export and print'))
      await page.click(await find(page, 'Download CSV'))
      await page.click(await find(page, 'Download JSON'))
      await expect.poll(async () => (await page.run(downloads, null)).filter((d) => d.text !== null).length, poll).toBe(2)
      const [csv, json] = await page.run(downloads, null)
      expect(csv!.name).toMatch(/^lambda-estimate-\d{4}-\d{2}-\d{2}\.csv$/)
      expect(csv!.text).toContain('Total,Monthly total,,,,,18.74,')
      expect(json!.name).toMatch(/^lambda-estimate-\d{4}-\d{2}-\d{2}\.json$/)
      expect(JSON.parse(json!.text!).estimate.totalUsd).toBe('18.74')
      const dir = engine.downloadDir
      // WebDriver classic cannot tell WebKit where to save: there the page's hand-over above is what is checked.
      if (dir) {
        await expect.poll(() => readdirSync(dir).includes(csv!.name), poll).toBe(true)
        await expect.poll(() => readFileSync(join(dir, csv!.name), 'utf8'), poll).toContain('Total,Monthly total,,,,,18.74,')
      }
      await expectReadable(page)
      await page.close()
    })
  })
}
