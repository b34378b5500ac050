// The <lambda-cost-calculator> element: plain DOM, no React. embed.js defines it
// with the calculator beside the script; the widget package (packages/widget)
// defines the same element with a calculator URL its page gives.
import { ATTRIBUTES, COMPACT_ATTRIBUTE, NS, VERSION, attributesToQuery, isTheme, parseWidgetMessage, type SetMessage } from './protocol'

/** The element's tag. */
export const TAG = 'lambda-cost-calculator'
/** The event the element fires when the widget loads and after each change. */
export const CHANGE_EVENT = 'lambda-cost-change'
/** The attribute naming the calculator an element shows, e.g. `https://calc.example.com/`: it overrides the default. */
export const CALCULATOR_ATTRIBUTE = 'calculator'

/**
 * The calculator's URL that `value` names, as a directory (`https://calc.example/base`
 * -> `https://calc.example/base/`, without query or fragment); `fallback` unless
 * it is an http(s) URL. Relative URLs are read against the page.
 */
export function calculatorUrl(value: string | null | undefined, fallback: URL): URL {
  try {
    // The URL parser trims the spaces around a value.
    const url = new URL(value || '', document.baseURI)
    return value && /^https?:/.test(url.protocol) ? new URL(url.pathname.replace(/\/?$/, '/'), url) : fallback
  } catch {
    return fallback
  }
}

let count = 0

/**
 * Defines `<lambda-cost-calculator>` (once per page: a second call does nothing):
 * an auto-sized iframe onto the calculator at `defaultApp` (or at an element's
 * `calculator` attribute), configured by attributes.
 */
export function defineCalculatorElement(defaultApp: URL): void {
  if (customElements.get(TAG)) return
  // A page with no origin of its own (sandboxed without allow-same-origin, or opened from
  // a file) sends `host=null`: the widget then posts to '*', from an origin that is
  // null too where the sandbox carries over into its frame. Such a page posts to '*'
  // as well: no origin it could name would match a frame with none.
  const opaque = window.origin == 'null'

  class LambdaCostCalculatorElement extends HTMLElement {
    // A getter, declarations and constructor assignments, not class fields: fields need helpers
    // at embed.js's build target (Safari 14), which cost the loader its size.
    static get observedAttributes(): string[] {
      return [...Object.keys(ATTRIBUTES), COMPACT_ATTRIBUTE]
    }

    declare private frame?: HTMLIFrameElement
    /** Set once the widget has sent a valid message, i.e. its bridge listens for `set`. */
    declare private ready: boolean
    declare private queued: boolean
    /** The calculator the frame shows (its URL as a directory), read each time the element is added to a page. */
    declare private app: URL
    declare private readonly wid: string
    declare private readonly onMessage: (event: MessageEvent) => void

    constructor() {
      super()
      this.ready = false
      this.queued = false
      this.wid = `w${++count}${Math.random().toString(36).slice(2, 10)}`
      this.onMessage = (event) => this.receive(event)
    }

    private query(): string {
      return attributesToQuery((name) => this.getAttribute(name))
    }

    private src(): string {
      const q = this.query()
      return `${this.app.href}?embed=1${q && `&${q}`}&wid=${this.wid}&host=${encodeURIComponent(window.origin)}`
    }

    connectedCallback(): void {
      this.app = calculatorUrl(this.getAttribute(CALCULATOR_ATTRIBUTE), defaultApp)
      if (!this.frame) {
        const root = this.attachShadow({ mode: 'open' })
        // Constructed sheets are not subject to a host page's CSP style-src, unlike
        // <style>; where they are missing the iframe's own CSSOM styles still apply.
        if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
          const sheet = new CSSStyleSheet()
          sheet.replaceSync(':host{display:block;max-width:100%}:host([hidden]){display:none}')
          root.adoptedStyleSheets = [sheet]
        }
        const frame = (this.frame = document.createElement('iframe'))
        frame.title = 'AWS Lambda cost calculator'
        frame.setAttribute('loading', 'lazy')
        frame.setAttribute('allow', 'clipboard-write')
        // Set through the CSSOM (allowed under any CSP), not a style attribute. No margin or padding:
        // an iframe has none by default, and the host page's CSS does not reach into the shadow root.
        Object.assign(frame.style, { display: 'block', width: '100%', height: '520px', border: '0' })
        frame.src = this.src()
        root.append(frame)
      } else if (this.frame.src !== this.src()) {
        // Moved in the page: the iframe reloads anyway, so load the current inputs.
        this.frame.src = this.src()
      }
      addEventListener('message', this.onMessage)
    }

    disconnectedCallback(): void {
      removeEventListener('message', this.onMessage)
      this.ready = false
    }

    attributeChangedCallback(): void {
      if (!this.frame || this.queued) return
      // One update for a burst of attribute changes.
      this.queued = true
      queueMicrotask(() => {
        this.queued = false
        const frame = this.frame!
        const target = frame.contentWindow
        if (this.ready && target) {
          const message: SetMessage = { ns: NS, v: VERSION, type: 'set', wid: this.wid, query: this.query() }
          const theme = this.getAttribute('theme')
          if (isTheme(theme)) message.theme = theme
          target.postMessage(message, opaque ? '*' : this.app.origin)
        } else {
          frame.src = this.src()
        }
      })
    }

    private receive(event: MessageEvent): void {
      const frame = this.frame
      const source = frame && frame.contentWindow
      if (!frame || !source || event.source !== source || (event.origin !== this.app.origin && !(opaque && event.origin == 'null'))) return
      const message = parseWidgetMessage(event.data)
      if (!message || message.wid !== this.wid) return
      this.ready = true
      if (message.type === 'resize') {
        // A widget with nothing laid out is 0 px tall: keep the frame's height rather than collapse it.
        if (message.height >= 1) frame.style.height = `${Math.ceil(message.height)}px`
      } else {
        const { query, totalCents, totalUsd, problems } = message
        this.dispatchEvent(new CustomEvent(CHANGE_EVENT, { bubbles: true, composed: true, detail: { query, totalCents, totalUsd, problems } }))
      }
    }
  }

  customElements.define(TAG, LambdaCostCalculatorElement)
}
