// The three engines a reader's browser may be, behind one small interface, so
// the cross-engine subset is written once: Chromium through Playwright, Firefox
// through Puppeteer (WebDriver BiDi, no geckodriver) and WebKitGTK, Safari's
// engine, through WebKitWebDriver (WebDriver classic) and WebdriverIO.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '../chromium'

export type EngineName = 'chromium' | 'firefox' | 'webkit'

/** A page-side function: serialised into the page, so it may use only its argument and the page's globals. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>

/** One tab of one engine, driven the same way whatever the engine. */
export interface EnginePage {
  goto(url: string): Promise<void>
  url(): Promise<string>
  /** Runs `fn(arg)` in the top document and returns its (JSON) result. */
  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>
  /** Clicks the first element matching `selector` as a user would. */
  click(selector: string): Promise<void>
  /** Replaces the text of the field matching `selector`, key by key, as a user types it. */
  type(selector: string, text: string): Promise<void>
  /** Gives the file input matching `selector` a file from disk, as the file chooser would. */
  chooseFile(selector: string, path: string): Promise<void>
  /** Page errors and console errors seen since the page opened. */
  errors(): Promise<string[]>
  close(): Promise<void>
}

export interface Engine {
  name: EngineName
  /** A page 1280 px wide: a new tab, or in WebKit the one window once the last page was closed. */
  newPage(): Promise<EnginePage>
  /** Where downloads land, or null where the engine cannot be told (the test then reads what the page hands over). */
  downloadDir: string | null
  quit(): Promise<void>
}

/** The first of `candidates` that exists, the environment variable `env` first; a message saying how to install it otherwise. */
export function findExecutable(what: string, env: string, candidates: readonly string[], install: string): string {
  const fromEnv = process.env[env]
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${env} is set to ${fromEnv}, but there is no file there.`)
    return fromEnv
  }
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error(`${what} was not found (looked at $${env}, then ${candidates.join(', ')}). ${install}`)
  return found
}

export const findFirefox = () =>
  findExecutable(
    'Firefox',
    'FIREFOX_PATH',
    ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox'],
    'Install it with `apt-get install -y firefox-esr` (Debian), or set FIREFOX_PATH to a Firefox binary.',
  )

const WEBKIT_INSTALL = 'Install it with `apt-get install -y webkit2gtk-driver xvfb` (Debian; MiniBrowser comes with libwebkit2gtk-4.1-0)'

export const findWebKitWebDriver = () =>
  findExecutable(
    'WebKitWebDriver',
    'WEBKIT_WEBDRIVER_PATH',
    ['/usr/bin/WebKitWebDriver', '/usr/local/bin/WebKitWebDriver'],
    `${WEBKIT_INSTALL}, or set WEBKIT_WEBDRIVER_PATH.`,
  )

export const findMiniBrowser = () =>
  findExecutable(
    "WebKitGTK's MiniBrowser",
    'WEBKIT_MINIBROWSER_PATH',
    [
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
      '/usr/libexec/webkit2gtk-4.0/MiniBrowser',
    ],
    `${WEBKIT_INSTALL}, or set WEBKIT_MINIBROWSER_PATH.`,
  )

export const findXvfb = () =>
  findExecutable(
    'Xvfb',
    'XVFB_PATH',
    ['/usr/bin/Xvfb'],
    'Install it with `apt-get install -y xvfb` (Debian), or set XVFB_PATH, or DISPLAY to a running X server.',
  )

/** Collects errors from inside the page, for engines whose driver reports none (WebDriver classic). */
const ERROR_HOOK = () => {
  const w = window as unknown as { __engineErrors?: string[] }
  if (w.__engineErrors) return
  const errors: string[] = (w.__engineErrors = [])
  addEventListener('error', (e) => errors.push(`pageerror: ${e.message}`))
  addEventListener('unhandledrejection', (e) => errors.push(`pageerror: ${String(e.reason)}`))
  const original = console.error
  console.error = (...args: unknown[]) => {
    errors.push(`console: ${args.map(String).join(' ')}`)
    original.apply(console, args)
  }
}

export async function launchEngine(name: EngineName): Promise<Engine> {
  if (name === 'chromium') return launchChromiumEngine()
  if (name === 'firefox') return launchFirefox()
  return launchWebKit()
}

async function launchChromiumEngine(): Promise<Engine> {
  const { browser, close } = await launchChromium()
  const downloadDir = mkdtempSync(join(tmpdir(), 'engine-downloads-'))
  return {
    name: 'chromium',
    downloadDir,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
      const page = await context.newPage()
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`)
      })
      page.on('download', (d) => void d.saveAs(join(downloadDir, d.suggestedFilename())))
      return {
        goto: async (url) => void (await page.goto(url)),
        url: async () => page.url(),
        run: (fn, arg) => page.evaluate(fn as never, arg),
        click: (selector) => page.locator(selector).first().click(),
        async type(selector, text) {
          const field = page.locator(selector).first()
          await field.click()
          await field.press('ControlOrMeta+a')
          await field.press('Backspace')
          await field.pressSequentially(text)
        },
        chooseFile: (selector, path) => page.locator(selector).first().setInputFiles(path),
        errors: async () => errors,
        close: () => context.close(),
      }
    },
    async quit() {
      await close()
      rmSync(downloadDir, { recursive: true, force: true })
    },
  }
}

async function launchFirefox(): Promise<Engine> {
  const puppeteer = (await import('puppeteer-core')).default
  const downloadDir = mkdtempSync(join(tmpdir(), 'engine-downloads-'))
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    extraPrefsFirefox: {
      // Downloads go to our folder, without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  })
  return {
    name: 'firefox',
    downloadDir,
    async newPage() {
      const page = await browser.newPage()
      await page.setViewport({ width: 1280, height: 900 })
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`))
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`)
      })
      return {
        goto: async (url) => void (await page.goto(url)),
        url: async () => page.url(),
        run: (fn, arg) => page.evaluate(fn as never, arg) as never,
        async click(selector) {
          const el = await page.waitForSelector(selector)
          await el!.click()
        },
        async type(selector, text) {
          const el = await page.waitForSelector(selector)
          // Three clicks select the field's text, which the first key replaces.
          await el!.click({ count: 3 })
          await page.keyboard.press('Backspace')
          await el!.type(text)
        },
        async chooseFile(selector, path) {
          const el = await page.waitForSelector(selector)
          await (el as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path)
        },
        errors: async () => errors,
        close: () => page.close(),
      }
    },
    async quit() {
      await browser.close()
      rmSync(downloadDir, { recursive: true, force: true })
    },
  }
}

/** A free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
  })
}

/** Starts Xvfb on a display number it chooses itself (-displayfd), for MiniBrowser, which has no headless mode. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const child = spawn(findXvfb(), ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += String(d)))
  const display = await new Promise<string>((resolve, reject) => {
    let out = ''
    ;(child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => {
      out += String(d)
      if (out.includes('\n')) resolve(`:${out.trim()}`)
    })
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it chose a display: ${stderr}`)))
  })
  return { display, process: child }
}

async function launchWebKit(): Promise<Engine> {
  const { remote } = await import('webdriverio')
  const driverPath = findWebKitWebDriver()
  const miniBrowser = findMiniBrowser()
  const xvfb = process.env.DISPLAY ? undefined : await startXvfb()
  const port = await freePort()
  const driver = spawn(driverPath, [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DISPLAY: xvfb?.display ?? process.env.DISPLAY },
  })
  let driverLog = ''
  driver.stderr!.on('data', (d) => (driverLog = (driverLog + String(d)).slice(-4000)))
  const stop = () => {
    driver.kill()
    xvfb?.process.kill()
  }
  try {
    // One session (one MiniBrowser) for every page, one page at a time: a new
    // session right after another is deleted can hang WebKitWebDriver.
    const b = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      // Retries the first request while the driver starts listening.
      connectionRetryCount: 20,
      connectionRetryTimeout: 120_000,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    })
    await b.setWindowSize(1280, 900)
    let open = false
    const element = async (selector: string) => {
      const el = await b.$(selector)
      await el.waitForExist({ timeout: 60_000 })
      return el
    }
    const page: EnginePage = {
      async goto(url) {
        await b.url(url)
        // Installed once the page has loaded: errors thrown while it loads are not seen
        // here, but a page that failed to load shows no total, which every test waits for.
        await b.execute(ERROR_HOOK)
      },
      url: () => b.getUrl(),
      run: (fn, arg) => b.execute(fn as never, arg) as never,
      async click(selector) {
        const el = await element(selector)
        await el.scrollIntoView({ block: 'center' })
        await el.click()
      },
      async type(selector, text) {
        const el = await element(selector)
        await el.clearValue()
        // One Element Send Keys: key actions drop a repeated key here ("3000" would come out "30").
        await el.addValue(text)
      },
      async chooseFile(selector, path) {
        await (await element(selector)).addValue(path)
      },
      errors: async () => (await b.execute(() => (window as unknown as { __engineErrors?: string[] }).__engineErrors ?? [])) as string[],
      async close() {
        await b.url('about:blank')
        open = false
      },
    }
    return {
      name: 'webkit',
      downloadDir: null,
      async newPage() {
        // A test that failed before closing its page leaves it open: the next one starts afresh anyway.
        if (open) await page.close()
        open = true
        return page
      },
      async quit() {
        await b.deleteSession().catch(() => undefined)
        stop()
      },
    }
  } catch (e) {
    stop()
    throw new Error(`WebKitWebDriver did not start a session: ${String(e)}\n${driverLog}`)
  }
}
