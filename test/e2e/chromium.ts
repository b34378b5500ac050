import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** Chromium's path: $CHROME_PATH first, then the usual places. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`)
    return fromEnv
  }
  const found = CANDIDATES.find((p) => existsSync(p))
  if (!found) {
    throw new Error(
      'Chromium was not found. Install it with `apt-get install -y chromium` (Debian), or set CHROME_PATH to a Chromium or Chrome binary. Test tools cannot download browsers here.',
    )
  }
  return found
}

/**
 * Launches headless Chromium. Playwright gives every launch a fresh, temporary
 * profile directory of its own (it refuses an explicit --user-data-dir here).
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  })
  return {
    browser,
    close: () => browser.close(),
  }
}
