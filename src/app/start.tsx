import { lazy, startTransition, StrictMode, Suspense, useEffect, type ReactNode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { StoreProvider } from '../state/react'
import { createSelectors } from '../state/selectors'
import { createCalculatorStore, inputsOf, type CalculatorStore } from '../state/store'
import { decode, encodeLink } from '../state/url-codec'
import { readDisplay, readStartup, startUrlSync, type UrlSync } from '../state/url-sync'
import { applyTheme } from '../ui/theme'
import { App } from './app'
import type { CompactSetting } from './embed-app'
import { replayEarlyEdits } from './early-edits'
import type { LinkReports } from './link-reports'
import { createLinkReports } from './link-reports'

// The docs widget's layout loads only in embed mode.
const EmbedApp = lazy(() => import('./embed-app').then((m) => ({ default: m.EmbedApp })))

/** The embed's compact setting: starts from the URL, then follows the host's `set` messages. */
function createCompactSetting(initial: boolean): CompactSetting & { set(value: boolean): void } {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    set(next) {
      if (next === value) return
      value = next
      listeners.forEach((listener) => listener())
    },
  }
}

/** Runs `onLive` once the tree around it has committed (hydrated, in the browser); renders nothing. */
function Live({ onLive }: { onLive?: () => void }) {
  useEffect(() => onLive?.(), [onLive])
  return null
}

/**
 * The full page as React renders it: the same tree in the browser and in the
 * build's prerendered HTML (src/app/prerender.tsx), so that one hydrates the other.
 */
export function fullPage(store: CalculatorStore, urlSync: UrlSync, linkReports: LinkReports, onLive?: () => void): ReactNode {
  return (
    <StrictMode>
      <StoreProvider store={store}>
        <App urlSync={urlSync} linkReports={linkReports} />
        <Live onLive={onLive} />
      </StoreProvider>
    </StrictMode>
  )
}

/**
 * Reads the URL, creates the store, starts URL sync (and the embed bridge), mounts the page.
 *
 * The built index.html holds the full page prerendered for one query (`data-prerender`
 * on <html>: empty for a new page, `preset=rest-api` for a preset's): opened with that
 * query, the page hydrates it, and the total the HTML showed stays as it is. Opened
 * with another, index.html's inline script has hidden the prerendered page
 * (`data-stale`) before it was painted, and the page is rendered afresh in its place.
 */
export function start(container: HTMLElement): void {
  const startup = readStartup()
  const store = createCalculatorStore(startup.link.inputs)
  const linkReports = createLinkReports(startup.link)
  const urlSync = startUrlSync(store, { onLinkRead: (link) => linkReports.report(link) })
  const compact = createCompactSetting(startup.compact)

  if (startup.embed) {
    document.documentElement.classList.add('embedded')
    applyTheme(startup.theme)
    const selectors = createSelectors()
    // Only an embedded page needs the bridge: it loads in its own small chunk.
    void import('../embed/iframe-bridge').then(({ startIframeBridge }) =>
      startIframeBridge({
        subscribe: (listener) => store.subscribe(listener),
        snapshot: () => {
          const state = store.getState()
          const result = selectors.selectEstimate(state)
          const link = encodeLink(inputsOf(state))
          return {
            query: link.query,
            omitted: link.omitted,
            // A bill beyond 2^53 cents has no exact number of cents: report its exact dollars only.
            totalCents: result.status === 'ok' && Number.isSafeInteger(result.estimate.totalCents) ? result.estimate.totalCents : null,
            totalUsd: result.status === 'ok' ? result.estimate.totalUsd : null,
          }
        },
        applyQuery: (query) => {
          const link = decode(query)
          store.getState().replaceInputs(link.inputs)
          linkReports.report(link)
          // The host sends all its element's attributes: the page's own keys too, read as at start-up
          // (a theme or compact attribute it no longer has means the default again).
          const display = readDisplay(query)
          applyTheme(display.theme)
          compact.set(display.compact)
        },
        setTheme: applyTheme,
      }),
    )
  }

  const html = document.documentElement
  // Opened with the query the HTML was prerendered for, the page hydrates that HTML;
  // otherwise it is rendered afresh.
  const hydrating = !startup.embed && html.dataset.prerender === startup.query && container.firstElementChild !== null

  const page = startup.embed ? (
    <StrictMode>
      <StoreProvider store={store}>
        <Suspense fallback={null}>
          <EmbedApp urlSync={urlSync} linkReports={linkReports} compact={compact} />
        </Suspense>
      </StoreProvider>
    </StrictMode>
  ) : (
    // What the reader typed, chose or clicked in the prerendered page before it was live counts:
    // the edits first, then the clicks (index.html's inline script keeps them until this event).
    // A page rendered afresh had no markup to type into: nothing to replay.
    fullPage(store, urlSync, linkReports, () => {
      if (hydrating) replayEarlyEdits(container)
      document.dispatchEvent(new Event('calculator:live'))
    })
  )

  // The note for a page whose scripts did not load: they did.
  document.getElementById('start-fallback')?.remove()
  if (hydrating) {
    // From here React hears every click itself (on a part not hydrated yet, it hydrates it first).
    document.dispatchEvent(new Event('calculator:hydrating'))
    hydrateRoot(container, page)
  } else {
    // Rendered as a transition: React renders it in slices that yield to the browser, so a
    // link with many functions never blocks the main thread for its whole first render. The
    // root is empty until then, as it was while the scripts loaded.
    const root = createRoot(container)
    startTransition(() => root.render(page))
  }
  html.removeAttribute('data-stale')
}
