// The host page's own script (external: the page's CSP allows no inline script).
// Records what the page sees of its <lambda-cost-calculator> elements, for
// test/e2e/embed.test.ts to read through page.evaluate.
;(() => {
  const NS = 'lambda-cost-calculator'

  /** Every lambda-cost-change event, per element: { id, detail }. */
  const events = (window.__events = [])
  /** Every CSP violation this page reports. */
  const violations = (window.__violations = [])

  document.addEventListener('securitypolicyviolation', (e) => {
    violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber })
  })

  for (const el of document.querySelectorAll('lambda-cost-calculator')) {
    el.addEventListener('lambda-cost-change', (e) => {
      events.push({ id: el.id, detail: e.detail })
    })
  }

  const frame = (id) => document.getElementById(id)?.shadowRoot?.querySelector('iframe') ?? null

  /** Every height each element's iframe has had, from the loader's first: { [id]: ['520px', ...] }. */
  const heights = {}
  customElements.whenDefined('lambda-cost-calculator').then(() => {
    for (const el of document.querySelectorAll('lambda-cost-calculator')) {
      const iframe = frame(el.id)
      if (!iframe) continue
      heights[el.id] = [iframe.style.height]
      new MutationObserver(() => {
        const list = heights[el.id]
        if (list[list.length - 1] !== iframe.style.height) list.push(iframe.style.height)
      }).observe(iframe, { attributes: true, attributeFilter: ['style'] })
    }
  })

  let sentinels = 0

  /** Resolves with `token` once a message whose data is `token` arrives (from `source`, if given); rejects after 30 s (a hang, not a slow machine). */
  const waitFor = (token, source) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        removeEventListener('message', onMessage)
        reject(new Error(`no message ${token} within 30 s`))
      }, 30_000)
      const onMessage = (e) => {
        if (e.data !== token || (source && e.source !== source)) return
        clearTimeout(timer)
        removeEventListener('message', onMessage)
        resolve(token)
      }
      addEventListener('message', onMessage)
    })

  window.__host = {
    frame,
    /** The widget id the loader gave an element's iframe (its `wid` URL parameter). */
    wid: (id) => new URL(frame(id).src).searchParams.get('wid'),
    /** The iframe's rendered height in this page, CSS px. */
    height: (id) => frame(id).getBoundingClientRect().height,
    /** Every height an element's iframe has had, in order (CSS lengths). */
    heights: (id) => heights[id] ?? [],
    /** Sets an attribute `count` times, each in a task of its own (as from input events), to `value(i)`. */
    setAttributeRepeatedly: async (id, name, count, value) => {
      const el = document.getElementById(id)
      const channel = new MessageChannel()
      const nextTask = () =>
        new Promise((resolve) => {
          channel.port1.onmessage = resolve
          channel.port2.postMessage(0)
        })
      for (let i = 0; i < count; i++) {
        el.setAttribute(name, value(i))
        await nextTask()
      }
    },
    /** The lambda-cost-change details seen so far for one element. */
    events: (id) => events.filter((e) => e.id === id).map((e) => e.detail),
    /**
     * Resolves once a message this page posts to itself now has arrived: every
     * message posted to this window before it has then been dispatched too.
     */
    flush: () => {
      const token = `sentinel-${++sentinels}`
      const arrived = waitFor(token, window)
      window.postMessage(token, '*')
      return arrived
    },
    /** Resolves when a message whose data is `token` arrives, from any window (rejects after 30 s). */
    nextMessage: (token) => waitFor(token),
    /** A hostile page: posts widget-shaped messages to itself, as if from a widget. */
    forgeToSelf: (messages) => {
      for (const m of messages) window.postMessage(m, '*')
    },
    /** A hostile page: posts messages into an element's iframe. */
    postInto: (id, messages) => {
      const target = frame(id).contentWindow
      for (const m of messages) target.postMessage(m, '*')
    },
    /** The protocol's envelope, for building messages. */
    envelope: (wid) => ({ ns: NS, v: 1, wid }),
    /** Adds an inline <style> the CSP must refuse: proves violations are recorded. */
    violate: () => {
      const style = document.createElement('style')
      style.textContent = 'body { outline: 1px solid blue }'
      document.head.append(style)
    },
  }
})()
