// Runs inside the calculator when it is embedded: reports its height and
// changes to the host page that loaded it through embed.js, and applies the
// host's `set` messages. Without a listening parent it does nothing.
import { decode, lengthText, type UrlProblem } from '../state/url-codec'
import {
  ATTRIBUTES,
  allowedValues,
  MAX_HEIGHT,
  MAX_PROBLEMS,
  MAX_VALUE_LENGTH,
  NS,
  READY_ATTRIBUTE,
  VERSION,
  attributeForKey,
  isOrigin,
  isWid,
  parseHostMessage,
  parseWidgetMessage,
  readOverLong,
  type AttributeProblem,
  type SetMessage,
  type Theme,
  type WidgetMessage,
} from './protocol'

/** What the widget reports on each change; totals are null while the inputs are invalid. */
export interface BridgeSnapshot {
  query: string
  /** Values the query leaves out (too long to carry); each is reported to the host. */
  omitted: readonly Omission[]
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
 * A link's problem in the element's terms: `m=lots: Memory must be ...` becomes
 * `memory="lots": Memory must be ...`, and an attribute with a fixed set of
 * values says which. Keys no attribute sets (`fns`, `m2`) keep the link's wording.
 *
 * @example describeLinkProblem({ key: 'a', value: 'sparc', message: '...' }).message // 'architecture="sparc" is not allowed: use x86_64 or arm64 (also x86, arm).'
 */
export function describeLinkProblem(p: UrlProblem): AttributeProblem {
  const attribute = attributeForKey(p.key)
  if (attribute === null) return { attribute: p.key, message: p.message }
  const given = `${attribute}="${p.value}"`
  const allowed = allowedValues(attribute)
  if (allowed) return { attribute, message: `${given} is not allowed: use ${allowed}.` }
  const prefix = `${p.key}=${p.value}: `
  return { attribute, message: `${given}: ${p.message.startsWith(prefix) ? p.message.slice(prefix.length) : p.message}` }
}

/** A value the link leaves out (the url codec's `LinkOmission`, by shape: this module imports no state). */
export interface Omission {
  key: string
  characters: number
  reason: 'too-long' | 'link-full'
}

/**
 * The problems to tell the host about values typed in the widget that its
 * query leaves out, in the widget's own terms (attribute names).
 *
 * @example describeOmissions([{ key: 'd', characters: 300, reason: 'too-long' }]) // [{ attribute: 'duration', message: 'duration: the value typed is 300 characters long; ...' }]
 */
export function describeOmissions(omitted: readonly Omission[]): AttributeProblem[] {
  return omitted.map(({ key, characters, reason }) => {
    const attribute = attributeForKey(key) ?? key
    const message =
      reason === 'too-long'
        ? `${attribute}: the value typed is ${lengthText(characters)} characters long; the widget passes on at most ${MAX_VALUE_LENGTH} to this page.`
        : `${attribute}: the value typed was left out: with the other values it would make the query too long to pass on.`
    return { attribute, message }
  })
}

/** A small observable list of problems. */
export interface ProblemFeed {
  current(): AttributeProblem[]
  set(problems: AttributeProblem[]): void
  subscribe(listener: () => void): () => void
}

function createProblemFeed(): ProblemFeed {
  let value: AttributeProblem[] = []
  const listeners = new Set<() => void>()
  return {
    current: () => value,
    set(next) {
      if (JSON.stringify(next) === JSON.stringify(value)) return
      value = next
      listeners.forEach((l) => l())
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

/**
 * The attributes the host page's loader left out as too long (its `over` key),
 * at start-up and after each `set`: the bridge writes it, the widget shows it.
 */
export const leftOutByHost: ProblemFeed = createProblemFeed()

/** The `host` of a page with no origin: its `window.origin` (and a message's `origin` from it) is the string "null". */
const OPAQUE_HOST = 'null'

/** How long the bridge waits for the widget to mark itself rendered before sizing it anyway, ms. */
const READY_TIMEOUT_MS = 5000
/** The latest `set` is applied on the next animation frame, or after this long where frames do not run (a frame out of view), ms. */
const SET_FALLBACK_MS = 100

/**
 * Connects the embedded calculator to its host page, as told by the `wid` and
 * `host` URL parameters embed.js gives the iframe: posts `resize` (content
 * height, rounded up) and `change` messages, each only when it differs from the
 * last, to `window.parent` at the `host` origin; applies `set` messages from the
 * parent. Posts nothing without a valid `host`; does nothing when not framed or
 * when `host` is present but not an origin. Returns a function that stops it.
 *
 * A host page with no origin (sandboxed without allow-same-origin) gives
 * `host=null`, its `window.origin`: no origin can name it, so the bridge posts
 * to '*' (the parent only: it is the page that framed this one) and takes `set`
 * from the parent at the null origin only.
 *
 * Nothing is posted before the widget sets READY_ATTRIBUTE on its <html> (its
 * content rendered; or after READY_TIMEOUT_MS), and never a height of 0: the
 * host goes from its starting height straight to the widget's. A burst of
 * `set` messages is applied once, with the latest, per animation frame.
 *
 * Size the page by its content (no `height: 100%` on html/body in embed mode),
 * or the reported height can never shrink.
 */
export function startIframeBridge(source: BridgeSource, win: BridgeWindow = window): () => void {
  const params = new URL(win.document.URL).searchParams
  const wid = params.get('wid')
  const host = params.get('host')
  const parent = win.parent
  if (!isWid(wid) || !parent || parent === win || (host !== null && host !== OPAQUE_HOST && !isOrigin(host))) return () => {}

  const stops: Array<() => void> = []
  const listen = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void) => {
    win.addEventListener(type, fn)
    stops.push(() => win.removeEventListener(type, fn))
  }
  const setTimer = (fn: () => void, ms: number) => {
    const id = (win.setTimeout ?? setTimeout)(fn, ms)
    return () => (win.clearTimeout ?? clearTimeout)(id)
  }

  // What the latest link read (the start-up URL, then each set) could not use, in the element's terms.
  const readLink = (query: string) => {
    leftOutByHost.set(readOverLong(query))
    linkProblems = decode(query).problems.map(describeLinkProblem)
  }
  let linkProblems: AttributeProblem[] = []
  readLink(params.toString())

  let report = () => {}
  let applying = false

  // Coalesce: keep only the latest set, apply it once per frame.
  let pending: SetMessage | null = null
  let cancelFlush: (() => void) | null = null
  const flush = () => {
    cancelFlush?.()
    cancelFlush = null
    const message = pending
    pending = null
    if (!message) return
    applying = true
    try {
      readLink(message.query)
      source.applyQuery(message.query)
      if (message.theme) source.setTheme?.(message.theme)
    } finally {
      applying = false
    }
    report()
  }
  const schedule = () => {
    if (cancelFlush) return
    const cancels: Array<() => void> = [setTimer(flush, SET_FALLBACK_MS)]
    if (typeof win.requestAnimationFrame === 'function') {
      const frame = win.requestAnimationFrame(() => flush())
      cancels.push(() => win.cancelAnimationFrame?.(frame))
    }
    cancelFlush = () => cancels.forEach((c) => c())
  }
  stops.push(() => {
    cancelFlush?.()
    pending = null
  })

  listen('message', (event) => {
    if (event.source !== parent || (host !== null && event.origin !== host)) return
    const message = parseHostMessage(event.data)
    if (!message || message.wid !== wid) return
    pending = message
    schedule()
  })

  if (host !== null) {
    // Where messages to the host go: its origin, or any for a host with none.
    const target = host === OPAQUE_HOST ? '*' : host
    const post = (message: WidgetMessage) => {
      // Never post what the host would reject.
      if (parseWidgetMessage(message)) parent.postMessage(message, target)
    }

    const root = win.document.documentElement
    let timedOut = false
    const ready = () => timedOut || root.hasAttribute(READY_ATTRIBUTE)

    let lastHeight = -1
    const measure = () => {
      if (!ready()) return
      const height = Math.min(MAX_HEIGHT, Math.ceil(root.getBoundingClientRect().height))
      // A page with nothing laid out (yet) is 0 px: never shrink the host's frame to nothing.
      if (height <= 0 || height === lastHeight) return
      lastHeight = height
      post({ ns: NS, v: VERSION, wid, type: 'resize', height })
    }

    let lastChange = ''
    report = () => {
      if (applying || !ready()) return
      const snapshot = source.snapshot()
      const problems = [...leftOutByHost.current(), ...linkProblems, ...describeOmissions(snapshot.omitted)].slice(0, MAX_PROBLEMS)
      const { query, totalCents, totalUsd } = snapshot
      const key = JSON.stringify([query, totalCents, totalUsd, problems])
      if (key === lastChange) return
      lastChange = key
      post({ ns: NS, v: VERSION, wid, type: 'change', query, totalCents, totalUsd, problems })
    }

    const onDomChange = () => {
      const first = lastHeight === -1
      measure()
      if (first && lastHeight !== -1) report() // the starting inputs and totals, once the widget is ready
    }
    // Re-measure on DOM changes always: a browser stops rendering a cross-origin
    // frame that is out of view, and with it ResizeObserver, so a host's `set` to
    // a widget below the fold would otherwise leave it mis-sized (scrolling inside)
    // until it is scrolled to. Measuring forces layout, which still runs there.
    const mutations = new win.MutationObserver(onDomChange)
    mutations.observe(root, { subtree: true, childList: true, attributes: true, characterData: true })
    stops.push(() => mutations.disconnect())
    if (typeof win.ResizeObserver === 'function') {
      const observer = new win.ResizeObserver(onDomChange)
      observer.observe(root)
      stops.push(() => observer.disconnect())
    } else {
      // No ResizeObserver: also re-measure on viewport resizes and late loads.
      listen('resize', onDomChange)
      listen('load', onDomChange)
    }
    stops.push(
      setTimer(() => {
        timedOut = true
        onDomChange()
      }, READY_TIMEOUT_MS),
    )
    stops.push(source.subscribe(() => report()))
    stops.push(leftOutByHost.subscribe(() => report()))
    onDomChange()
  }

  return () => stops.splice(0).forEach((stop) => stop())
}
