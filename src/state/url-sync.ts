// The only module that touches the address bar (location and history).
import { decodeAddress, encode, type DecodeResult } from './url-codec'
import { inputsOf, type CalculatorInputs, type CalculatorStore } from './store'

/** Query keys that belong to the page, not to the estimate; kept as they are. */
const PAGE_KEYS = ['embed', 'theme', 'compact', 'wid', 'host'] as const

/** How the page was opened. */
export interface Startup {
  /** The query as the page was opened with, without its `?`. */
  query: string
  link: DecodeResult
  embed: boolean
  theme: 'light' | 'dark' | 'auto'
  compact: boolean
}

/**
 * How the widget should look, from a query (the page's own or a host's `set`):
 * a missing or unknown value means the default.
 */
export function readDisplay(query: string): Pick<Startup, 'theme' | 'compact'> {
  const params = new URLSearchParams(query)
  const theme = params.get('theme')
  return { theme: theme === 'light' || theme === 'dark' ? theme : 'auto', compact: params.get('compact') === '1' }
}

/**
 * Reads the address bar once, at start-up: a page with no key of the estimate
 * starts on today's prices; a link keeps the meaning it was shared with.
 */
export function readStartup(): Startup {
  const query = window.location.search
  return { query: query.slice(1), link: decodeAddress(query), embed: new URLSearchParams(query).get('embed') === '1', ...readDisplay(query) }
}

/** The page's own keys of the current address, to carry into every rewrite. */
function pageParams(): string {
  const now = new URLSearchParams(window.location.search)
  const kept = new URLSearchParams()
  for (const key of PAGE_KEYS) {
    const value = now.get(key)
    if (value !== null) kept.set(key, value)
  }
  return kept.toString()
}

function join(...parts: string[]): string {
  const query = parts.filter(Boolean).join('&')
  return query ? `?${query}` : ''
}

export interface UrlSync {
  /** Replaces the inputs and pushes a history entry, so Back returns to the previous estimate. */
  navigate(inputs: CalculatorInputs): void
  /** The link to the current estimate in the full calculator. */
  shareUrl(): string
  /** Where the calculator is served from, e.g. `https://calc.example/`. */
  appUrl(): string
  stop(): void
  /**
   * The imported usage the shared link carries after the estimate (`&iu=...`,
   * or ''): returns it, and with `next`, sets it. The page opens with what its
   * address held, and the address keeps it while it is unchanged; the usage
   * panel keeps it in step.
   */
  usage?(next?: string): string
  /** Calls `listener` when the imported usage in the shared link is set; returns the stop. The store tells of every other change. */
  subscribe?(listener: () => void): () => void
}

/**
 * Keeps the address bar in step with the store: every change is written with
 * `history.replaceState` after `debounceMs` (no entry per keystroke);
 * `navigate` pushes an entry; Back and Forward restore the inputs, reporting
 * what a link held that could not be used through `onLinkProblems`.
 */
export function startUrlSync(store: CalculatorStore, options: { debounceMs?: number; onLinkRead?: (link: DecodeResult) => void } = {}): UrlSync {
  const debounceMs = options.debounceMs ?? 300
  let timer: ReturnType<typeof setTimeout> | undefined
  const opened = window.location.search.match(/[?&]iu=[^&]*/)?.[0].replace('?', '&') ?? ''
  let usage = opened
  const listeners = new Set<() => void>()
  // Imported usage goes in the shared link; the address keeps only what it was opened with, so no request the page makes (a Referer) carries a new import.
  const queryNow = (shared?: boolean) => encode(inputsOf(store.getState())) + (shared || usage === opened ? usage : '')
  let written = queryNow()
  let restoring = false

  const pathname = () => window.location.pathname
  const urlFor = (query: string) => `${pathname()}${join(query, pageParams())}`

  const write = (mode: 'replace' | 'push') => {
    clearTimeout(timer)
    timer = undefined
    const query = queryNow()
    if (mode === 'replace' && query === written) return
    written = query
    if (mode === 'push') window.history.pushState(null, '', urlFor(query))
    else window.history.replaceState(window.history.state, '', urlFor(query))
  }

  // Every change of the store is one of the inputs (the Savings Plan and API Gateway's free tier too); a change the link does not write rewrites nothing.
  const unsubscribe = store.subscribe(() => {
    if (restoring) return
    clearTimeout(timer)
    timer = setTimeout(() => write('replace'), debounceMs)
  })

  const onPopState = () => {
    clearTimeout(timer)
    const link = decodeAddress(window.location.search)
    restoring = true
    store.getState().replaceInputs(link.inputs)
    restoring = false
    written = queryNow()
    options.onLinkRead?.(link)
  }
  window.addEventListener('popstate', onPopState)

  return {
    navigate(inputs) {
      // Whatever is pending belongs to the estimate being left: settle it first.
      if (timer !== undefined) write('replace')
      restoring = true
      store.getState().replaceInputs(inputs)
      restoring = false
      write('push')
    },
    shareUrl() {
      return `${window.location.origin}${pathname()}${join(queryNow(true))}`
    },
    appUrl() {
      return `${window.location.origin}${pathname()}`
    },
    usage(next) {
      if (next !== undefined) {
        usage = next
        write('replace')
        for (const l of listeners) l()
      }
      return usage
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop() {
      clearTimeout(timer)
      unsubscribe()
      window.removeEventListener('popstate', onPopState)
    },
  }
}
