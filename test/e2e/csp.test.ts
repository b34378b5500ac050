// The built app (dist/) under the headers README's "Deploying" section gives,
// served here by node:http exactly as that section's nginx map does:
//
// App origin:  http://127.0.0.1:PORT, serving dist/ with the deployment headers.
// Host origin: http://localhost:PORT2, another site, with a page that frames the app.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import type { BrowserContext, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { presetOf, presetPage } from '../../scripts/prerender'
import { total, typeInto, useChromium, watchErrors } from './helpers'

const DIST = resolve(__dirname, '../../dist')
const README = readFileSync(resolve(__dirname, '../../README.md'), 'utf8')

/**
 * The header's policy for every response; `frame-ancestors` is added per request. The
 * rest is in each page's own <meta> policy (PAGE_POLICY), which the build writes with the
 * hashes of the page's inline script and stylesheet.
 */
const CSP = "base-uri 'none'; form-action 'none'"
/** The pages' own policy, as the README gives it (`…` for each hash). */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self' 'sha256-…'; style-src 'self' 'sha256-…'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'"
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

/**
 * As the README's nginx map: no `frame-ancestors` (any page may frame it, one with no
 * origin too) only when the raw query starts with `embed=1`; `'self'` for the rest.
 */
const frameAncestors = (rawQuery: string) => (/^embed=1(&|$)/.test(rawQuery) ? '' : "; frame-ancestors 'self'")
/** The header that opens the hashed files to any origin, the one with none of a sandboxed page included. */
const ASSETS_ORIGIN = 'Access-Control-Allow-Origin'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

const chromium = useChromium()
let appServer: Server | undefined
/** The same files and headers, but for ASSETS_ORIGIN: a deployment that leaves it out. */
let closedServer: Server | undefined
let hostServer: Server | undefined
let appOrigin = ''
let closedOrigin = ''
let hostOrigin = ''

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', done)
  })
  return (server.address() as AddressInfo).port
}

/** dist/ with the README's headers; `openAssets: false` leaves out ASSETS_ORIGIN. */
function serveDist({ openAssets }: { openAssets: boolean }): Server {
  return createServer((req, res) => {
    const url = req.url ?? '/'
    const at = url.indexOf('?')
    const path = decodeURIComponent(at < 0 ? url : url.slice(0, at))
    const rawQuery = at < 0 ? '' : url.slice(at + 1)
    // As the README's nginx map: a preset's link, exactly, gets its prerendered page.
    const preset = presetOf(url)
    const page = preset && existsSync(join(DIST, presetPage(preset))) ? presetPage(preset) : 'index.html'
    const file = normalize(join(DIST, path === '/' ? page : path))
    const found = file.startsWith(DIST + '/') && existsSync(file) && statSync(file).isFile()
    const assets = path.startsWith('/assets/')
    res.writeHead(found ? 200 : 404, {
      'content-type': found ? (TYPES[extname(file)] ?? 'application/octet-stream') : 'text/plain; charset=utf-8',
      'content-security-policy': `${CSP}${frameAncestors(rawQuery)}`,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cache-control': assets ? IMMUTABLE : REVALIDATE,
      ...(assets && openAssets ? { [ASSETS_ORIGIN]: '*' } : {}),
    })
    res.end(found ? readFileSync(file) : 'not found')
  })
}

/** A page of `frames` (iframe markup, its URLs HTML-escaped). */
const framing = (title: string, frames: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
${frames}
</body></html>`

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: the browser project builds it in its global setup.')
  appServer = serveDist({ openAssets: true })
  appOrigin = `http://127.0.0.1:${await listen(appServer)}`
  closedServer = serveDist({ openAssets: false })
  closedOrigin = `http://127.0.0.1:${await listen(closedServer)}`

  // A docs page on another site that frames the embed view, the full page, and an embed view smuggled in after another `embed`;
  // and a docs page that shows an example sandboxed with allow-scripts only, which frames the embed view of either server.
  const embedView = (origin: string) => `${origin}/?embed=1&amp;p=2016&amp;m=128&amp;d=200&amp;r=3e7`
  const pages: Record<string, string> = {
    '/': framing(
      'Docs',
      `<iframe name="embed" title="embed view" width="800" height="600" src="${embedView(appOrigin)}"></iframe>
<iframe name="full" title="full page" width="800" height="600" src="${appOrigin}/?p=2016&amp;m=128&amp;d=200&amp;r=3e7"></iframe>
<iframe name="smuggled" title="full page again" width="800" height="600" src="${appOrigin}/?embed=0&amp;embed=1"></iframe>`,
    ),
    '/sandboxed': framing('Docs', '<iframe name="example" title="example" sandbox="allow-scripts" width="820" height="660" src="/example"></iframe>'),
    '/example': framing('Example', `<iframe name="embed" title="embed view" width="800" height="640" src="${embedView(appOrigin)}"></iframe>`),
    '/sandboxed-closed': framing(
      'Docs',
      '<iframe name="example" title="example" sandbox="allow-scripts" width="820" height="660" src="/example-closed"></iframe>',
    ),
    '/example-closed': framing(
      'Example',
      `<iframe name="embed" title="embed view" width="800" height="640" src="${embedView(closedOrigin)}"></iframe>`,
    ),
  }
  hostServer = createServer((req, res) => {
    // Chromium asks every page for a favicon; the host has none, and says so without an error.
    if (req.url === '/favicon.ico') return void res.writeHead(204).end()
    const page = pages[req.url ?? '']
    if (page === undefined) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page)
  })
  hostOrigin = `http://localhost:${await listen(hostServer)}`
})

afterAll(async () => {
  for (const server of [appServer, closedServer, hostServer]) await new Promise<void>((done) => (server ? server.close(() => done()) : done()))
})

interface Watched {
  context: BrowserContext
  page: Page
  /** Page errors and console errors. */
  errors: string[]
  /** Console messages of any level that mention a Content Security Policy. */
  cspConsole: string[]
}

/** A fresh context whose every frame records its `securitypolicyviolation` events in `window.__cspViolations`. */
async function watched(): Promise<Watched> {
  const context = await chromium().newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' })
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = [])
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    )
  })
  const page = await context.newPage()
  const errors = watchErrors(page)
  const cspConsole: string[] = []
  page.on('console', (m) => {
    if (/content.security.policy/i.test(m.text())) cspConsole.push(`${m.type()}: ${m.text()}`)
  })
  return { context, page, errors, cspConsole }
}

const violations = (frame: Page | Frame) => frame.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)

/** Violations are reported in a task after the fact: give them a moment, then read them. */
async function settledViolations(frame: Page | Frame): Promise<string[]> {
  await frame.waitForTimeout(300)
  return violations(frame)
}

describe('the built app under the deployment headers in the README', () => {
  it('the README gives the headers this test serves', () => {
    for (const text of [
      CSP,
      "frame-ancestors 'self'",
      '/presets/$1.html',
      '^embed=1(&|$)',
      'nosniff',
      'strict-origin-when-cross-origin',
      IMMUTABLE,
      REVALIDATE,
      ASSETS_ORIGIN,
    ]) {
      expect(README).toContain(text)
    }
  })

  it("the README gives the pages' own policy, as the build writes it in each page", () => {
    // The README wraps its lines: compare with its spaces and line breaks as one space.
    expect(README.replace(/\s+/g, ' ')).toContain(PAGE_POLICY)
    for (const file of ['index.html', presetPage('rest-api')]) {
      const html = readFileSync(join(DIST, file), 'utf8')
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
      expect(policy?.replace(/'sha256-[A-Za-z0-9+/=]+'/g, "'sha256-…'")).toBe(PAGE_POLICY)
      // First in <head> after the charset: a <meta> policy governs only what follows it.
      expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'))
    }
    expect(readFileSync(join(DIST, 'embed-demo.html'), 'utf8')).toContain(PAGE_POLICY.replace(/ 'sha256-…'/g, ''))
  })

  it('sees a violation when there is one (the watcher works)', async () => {
    const { context, page, cspConsole } = await watched()
    await page.goto(`${appOrigin}/`)
    await page.getByTestId('monthly-total').waitFor()
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<i style="color: red">inline style</i>'))
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^style-src-attr blocked inline /)])
    await expect.poll(() => cspConsole).toEqual([expect.stringMatching(/inline style/)])
    await context.close()
  })

  it('the full page loads and is used with no CSP violation', async () => {
    const { context, page, errors, cspConsole } = await watched()
    const response = await page.goto(`${appOrigin}/`)
    expect(response?.headers()['content-security-policy']).toBe(`${CSP}; frame-ancestors 'self'`)
    expect(response?.headers()[ASSETS_ORIGIN.toLowerCase()]).toBeUndefined()
    await page.getByTestId('monthly-total').waitFor()
    // The defaults on today's sheet: 512 MB, 1 s, 3 million requests: 1,100,000 GB-s x $0.0000166667 = $18.33, plus $0.40.
    await expect.poll(() => total(page)).toBe('$18.73')
    await page.getByRole('radio', { name: /Classic/ }).check()
    // The classic pricing page's first example.
    await expect.poll(() => total(page)).toBe('$18.74')
    // Its second example: 128 MB, 200 ms, 30 million requests.
    await typeInto(page, 'Memory (MB)', '128')
    await typeInto(page, 'Duration (ms)', '200')
    await typeInto(page, 'Requests', '30000000')
    await expect.poll(() => total(page)).toBe('$11.63')

    await page.getByRole('radio', { name: /Current/ }).check()
    await page.getByLabel('Architecture', { exact: true }).selectOption('arm64')
    // 30,000,000 x 0.2 s x 0.125 GB = 750,000 GB-s - 400,000 free = 350,000 x $0.0000133334 = $4.67, plus 29 million requests at $0.20 = $5.80.
    await expect.poll(() => total(page)).toBe('$10.47')

    await page.getByText('Show calculations').click()
    await page.getByRole('button', { name: 'Copy as text' }).waitFor()
    await page.getByRole('button', { name: 'Embed' }).click()
    await expect.poll(() => page.locator('#embed-panel').innerText()).toContain('?embed=1&amp;')

    const memoryChart = page.getByTestId('chart-memory')
    await memoryChart.locator('.recharts-surface').waitFor({ timeout: 30_000 })
    await memoryChart.getByText('Show as a table').click()
    await memoryChart.getByRole('row', { name: /128 MB \(now\)/ }).waitFor()

    const theme = page.getByRole('button', { name: /Change theme/ })
    const dataTheme = () => page.locator('html').getAttribute('data-theme')
    await theme.click()
    await expect.poll(dataTheme).toBe('dark')
    await theme.click()
    await expect.poll(dataTheme).toBe('light')
    await theme.click()
    await expect.poll(dataTheme).toBeNull()

    expect(await settledViolations(page)).toEqual([])
    expect(cspConsole).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('the embed view and the embed demo page load with no CSP violation', async () => {
    const { context, page, errors, cspConsole } = await watched()
    await page.goto(`${appOrigin}/?embed=1&p=2016&m=512&d=1000&r=3e6&theme=dark`)
    await expect.poll(() => total(page)).toBe('$18.74')
    await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 })
    expect(await settledViolations(page)).toEqual([])

    // The demo frames two widgets from its own origin through embed.js.
    await page.goto(`${appOrigin}/embed-demo.html`)
    await expect.poll(() => page.locator('.live[data-for="classic"] output').innerText(), { timeout: 30_000 }).toBe('$18.74')
    const widget = page.frames().find((f) => f.url().includes('embed=1') && f.url().includes('m=512'))
    expect(widget, 'the first widget').toBeDefined()
    expect(await settledViolations(page)).toEqual([])
    expect(await settledViolations(widget!)).toEqual([])
    expect(cspConsole).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('allows what chart image export does: draw a data: SVG into a canvas, download it through a blob: link', async () => {
    // The steps of chartPng and downloadFile (src/ui/export/), run in the page under its policy.
    const { context, page, errors, cspConsole } = await watched()
    await page.goto(`${appOrigin}/`)
    await page.getByTestId('monthly-total').waitFor()
    const download = page.waitForEvent('download')
    const drawn = await page.evaluate(async () => {
      const image = new Image()
      const loaded = new Promise<boolean>((done) => {
        image.onload = () => done(true)
        image.onerror = () => done(false)
      })
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#c25a00"/></svg>'
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
      if (!(await loaded)) return 'the data: image did not load'
      const canvas = document.createElement('canvas')
      canvas.width = 40
      canvas.height = 20
      canvas.getContext('2d')!.drawImage(image, 0, 0)
      const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'))
      if (!blob) return 'the canvas gave no PNG'
      const a = document.createElement('a')
      a.href = URL.createObjectURL(blob)
      a.download = 'chart.png'
      a.hidden = true
      document.body.append(a)
      a.click()
      a.remove()
      return 'ok'
    })
    expect(drawn).toBe('ok')
    expect((await download).suggestedFilename()).toBe('chart.png')
    expect(await settledViolations(page)).toEqual([])
    expect(cspConsole).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('another site can frame the embed view, but not the full page (frame-ancestors)', async () => {
    const { context, page, cspConsole } = await watched()
    await page.goto(`${hostOrigin}/`)
    const frame = (name: string) => page.frame({ name })!

    const embed = frame('embed')
    await expect.poll(() => embed.getByTestId('monthly-total').allTextContents(), { timeout: 30_000 }).toEqual(['$11.63'])
    expect(await settledViolations(embed)).toEqual([])

    for (const name of ['full', 'smuggled']) {
      // Chromium replaces a frame it refuses with its error page, which runs nothing of the app.
      await expect.poll(() => frame(name).url(), { timeout: 30_000 }).toMatch(/^chrome-error:/)
      expect(await frame(name).locator('#root').count()).toBe(0)
    }
    await expect.poll(() => cspConsole.length).toBe(2)
    // Chromium names the refused frame by its origin only.
    for (const message of cspConsole) expect(message).toMatch(new RegExp(`^error: Framing '${appOrigin}/' violates .*"frame-ancestors 'self'"`))
    await context.close()
  })

  it('a docs page sandboxed with allow-scripts only (no origin) shows the embed view', async () => {
    const { context, page, errors, cspConsole } = await watched()
    const response = page.waitForResponse((r) => r.url().startsWith(`${appOrigin}/?embed=1`))
    await page.goto(`${hostOrigin}/sandboxed`)
    // No frame-ancestors: no source list matches a page with no origin, not even `*`.
    expect((await response).headers()['content-security-policy']).toBe(CSP)
    const example = page.frame({ name: 'example' })!
    expect(await example.evaluate(() => window.origin)).toBe('null')
    const embedIn = () => page.frames().find((f) => f.parentFrame() === example)
    await expect.poll(() => embedIn()?.getByTestId('monthly-total').allTextContents() ?? [], { timeout: 30_000 }).toEqual(['$11.63'])
    const embed = embedIn()!
    expect(await embed.evaluate(() => window.origin)).toBe('null')
    expect(await settledViolations(embed)).toEqual([])
    expect(cspConsole).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it(`without ${ASSETS_ORIGIN} on the assets, the sandboxed page's embed view says it could not start, with a link`, async () => {
    const { context, page } = await watched()
    await page.goto(`${hostOrigin}/sandboxed-closed`)
    const example = page.frame({ name: 'example' })!
    await expect
      .poll(() => page.frames().some((f) => f.parentFrame() === example && f.url().startsWith(closedOrigin)), { timeout: 30_000 })
      .toBe(true)
    const embed = page.frames().find((f) => f.parentFrame() === example)!
    // Its scripts and styles are requests from no origin, refused without the header: the page's own note shows, at once.
    await embed.getByText('could not start here').waitFor({ state: 'visible', timeout: 30_000 })
    expect(await embed.getByRole('link', { name: 'Open the calculator in a new tab' }).getAttribute('href')).toBe('./')
    expect(await embed.getByTestId('monthly-total').count()).toBe(0)
    await context.close()
  })
})
