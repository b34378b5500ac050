// Runs inside the calculator when it is embedded: reports its height and
// changes to the host page that loaded it through embed.js, and applies the
// host's `set` messages. Without a listening parent it does nothing.
import { MAX_HEIGHT, NS, VERSION, isOrigin, isWid, parseHostMessage, parseWidgetMessage, type Theme, type WidgetMessage } from './protocol'

/** What the widget reports on each change; totals are null while the inputs are invalid. */
export interface BridgeSnapshot {
  query: string
  totalCents: number | null
  totalUsd: string | null
}

/** The app's side of the bridge (an adapter over the store). */
export interface BridgeSource {
  /** Calls `listener` after each change of the inputs; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** The current inputs as a URL query (without `?`) and their totals. */
  snapshot(): BridgeSnapshot
  /** Shows the inputs of a URL query (without `?`); the app validates it. */
  applyQuery(query: string): void
  /** Switches the colour theme. */
  setTheme?(theme: Theme): void
}

type BridgeWindow = Window & typeof globalThis

/**
 * Connects the embedded calculator to its host page, as told by the `wid` and
 * `host` URL parameters embed.js gives the iframe: posts `resize` (content
 * height, rounded up) and `change` messages, each only when it differs from the
 * last, to `window.parent` at the `host` origin; applies `set` messages from the
 * parent. Posts nothing without a valid `host`; does nothing when not framed or
 * when `host` is present but not an origin. Returns a function that stops it.
 *
 * Size the page by its content (no `height: 100%` on html/body in embed mode),
 * or the reported height can never shrink.
 */
export function startIframeBridge(source: BridgeSource, win: BridgeWindow = window): () => void {
  const params = new URL(win.document.URL).searchParams
  const wid = params.get('wid')
  const host = params.get('host')
  const parent = win.parent
  if (!isWid(wid) || !parent || parent === win || (host !== null && !isOrigin(host))) return () => {}

  const stops: Array<() => void> = []
  const listen = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void) => {
    win.addEventListener(type, fn)
    stops.push(() => win.removeEventListener(type, fn))
  }

  listen('message', (event) => {
    if (event.source !== parent || (host !== null && event.origin !== host)) return
    const message = parseHostMessage(event.data)
    if (!message || message.wid !== wid) return
    source.applyQuery(message.query)
    if (message.theme) source.setTheme?.(message.theme)
  })

  if (host !== null) {
    const post = (message: WidgetMessage) => {
      // Never post what the host would reject (e.g. an over-long query).
      if (parseWidgetMessage(message)) parent.postMessage(message, host)
    }

    let lastHeight = -1
    const measure = () => {
      const root = win.document.documentElement
      const height = Math.min(MAX_HEIGHT, Math.ceil(root.getBoundingClientRect().height))
      if (height === lastHeight) return
      lastHeight = height
      post({ ns: NS, v: VERSION, wid, type: 'resize', height })
    }

    let lastChange = ''
    const report = () => {
      const { query, totalCents, totalUsd } = source.snapshot()
      const key = JSON.stringify([query, totalCents, totalUsd])
      if (key === lastChange) return
      lastChange = key
      post({ ns: NS, v: VERSION, wid, type: 'change', query, totalCents, totalUsd })
    }

    // Re-measure on DOM changes always: a browser stops rendering a cross-origin
    // frame that is out of view, and with it ResizeObserver, so a host's `set` to
    // a widget below the fold would otherwise leave it mis-sized (scrolling inside)
    // until it is scrolled to. Measuring forces layout, which still runs there.
    const mutations = new win.MutationObserver(measure)
    mutations.observe(win.document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true })
    stops.push(() => mutations.disconnect())
    if (typeof win.ResizeObserver === 'function') {
      const observer = new win.ResizeObserver(measure)
      observer.observe(win.document.documentElement)
      stops.push(() => observer.disconnect())
    } else {
      // No ResizeObserver: also re-measure on viewport resizes and late loads.
      listen('resize', measure)
      listen('load', measure)
    }
    stops.push(source.subscribe(report))
    measure()
    report() // the starting inputs and totals
  }

  return () => stops.splice(0).forEach((stop) => stop())
}
