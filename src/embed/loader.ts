// embed.js: defines <lambda-cost-calculator> for docs pages. Plain DOM, no
// React; builds to one small classic script (vite build --mode embed).
import { ATTRIBUTES, COMPACT_ATTRIBUTE, NS, VERSION, attributesToQuery, isTheme, parseWidgetMessage, type SetMessage } from './protocol'

// No exports: the IIFE build then adds no global to the host page.
const TAG = 'lambda-cost-calculator'
const CHANGE_EVENT = 'lambda-cost-change'

// The calculator lives next to this script: https://calc.example/base/embed.js
// -> app https://calc.example/base/. Captured now: currentScript is only set
// while the script first runs.
const script =
  (document.currentScript as HTMLScriptElement | null)?.src ||
  [...document.querySelectorAll<HTMLScriptElement>('script[src$="embed.js"]')].pop()?.src ||
  ''
const app = new URL('./', new URL(script || 'embed.js', document.baseURI))
const origin = app.origin
// A page with no origin of its own (sandboxed without allow-same-origin, or opened from
// a file) sends `host=null`: the widget then posts to '*', from an origin that is
// null too where the sandbox carries over into its frame. Such a page posts to '*'
// as well: no origin it could name would match a frame with none.
const opaque = window.origin == 'null'

let count = 0

/** `<lambda-cost-calculator>`: an auto-sized iframe onto the calculator, configured by attributes. */
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
    return `${app.href}?embed=1${q && `&${q}`}&wid=${this.wid}&host=${encodeURIComponent(window.origin)}`
  }

  connectedCallback(): void {
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
      // Set through the CSSOM (allowed under any CSP), not a style attribute.
      Object.assign(frame.style, { display: 'block', width: '100%', height: '520px', border: '0', margin: '0', padding: '0' })
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
        target.postMessage(message, opaque ? '*' : origin)
      } else {
        frame.src = this.src()
      }
    })
  }

  private receive(event: MessageEvent): void {
    const frame = this.frame
    const source = frame?.contentWindow
    if (!frame || !source || event.source !== source || (event.origin !== origin && !(opaque && event.origin == 'null'))) return
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

if (!customElements.get(TAG)) customElements.define(TAG, LambdaCostCalculatorElement)
