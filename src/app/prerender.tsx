// Run by the build (vite.config.ts), in Node: the full page's HTML for a query,
// so that the total and the bill are readable before any script runs.
import { renderToString } from 'react-dom/server'
import { PRESETS } from '../state/presets'
import { createCalculatorStore } from '../state/store'
import { decodeAddress } from '../state/url-codec'
import type { UrlSync } from '../state/url-sync'
import { createLinkReports } from './link-reports'
import { fullPage } from './start'

/** The queries the build prerenders: a new page, and each preset's link (`?preset=rest-api`). */
export const PRERENDERED_QUERIES: readonly string[] = ['', ...PRESETS.map((p) => `preset=${encodeURIComponent(p.id)}`)]

/** Nothing in the first render reads the address or writes it: in the browser, URL sync does. */
const noUrlSync: UrlSync = {
  navigate() {},
  shareUrl: () => '',
  appUrl: () => '',
  stop() {},
}

/**
 * The markup of `#root` for the page opened with `query` (without its `?`): what
 * the browser's first render of the same query gives, so that it hydrates it.
 */
export function prerenderPage(query: string): string {
  const link = decodeAddress(query ? `?${query}` : '')
  if (link.problems.length > 0) throw new Error(`The query "${query}" has problems; only clean links are prerendered.`)
  const store = createCalculatorStore(link.inputs)
  return renderToString(fullPage(store, noUrlSync, createLinkReports(link)))
}
