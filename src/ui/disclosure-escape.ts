// Escape closes a disclosure: the open <details> around the focus (Export,
// Show calculations, a chart's table, ...), or the panel that a button with
// aria-expanded="true" and aria-controls opened (Embed, More options). Focus
// returns to the summary or the button, where a keyboard user opened it. One
// listener on the document serves every disclosure on the page, later ones too.

/** The ids a toggle button's aria-controls names. */
function controlledIds(button: Element): string[] {
  return (button.getAttribute('aria-controls') ?? '').split(/\s+/).filter(Boolean)
}

/** The expanded toggle button that `el` is, or whose panel `el` is. */
function toggleFor(el: Element): HTMLElement | null {
  if (el.getAttribute('aria-expanded') === 'true' && el.hasAttribute('aria-controls') && el instanceof HTMLElement) return el
  if (!el.id) return null
  for (const button of el.ownerDocument.querySelectorAll<HTMLElement>('[aria-expanded="true"][aria-controls]')) {
    if (controlledIds(button).includes(el.id)) return button
  }
  return null
}

/** How to close the open disclosure that `el` is (a details, a toggle button or its panel), if it is one. */
function closerAt(el: Element): (() => void) | null {
  if (el instanceof HTMLDetailsElement) {
    if (!el.open) return null
    const summary = [...el.children].find((c): c is HTMLElement => c.tagName === 'SUMMARY' && c instanceof HTMLElement)
    return () => {
      el.open = false
      summary?.focus()
    }
  }
  const button = toggleFor(el)
  if (!button) return null
  return () => {
    // A click, so the component that owns the state closes it its own way.
    button.click()
    button.focus()
  }
}

/**
 * Closes the innermost open disclosure around `target` and moves the focus to
 * its summary or button. Returns whether there was one.
 */
export function closeDisclosureAround(target: Element): boolean {
  for (let el: Element | null = target; el; el = el.parentElement) {
    const close = closerAt(el)
    if (close) {
      close()
      return true
    }
  }
  return false
}

/**
 * Listens on `doc` for Escape and closes the innermost open disclosure around
 * the focused element. A key another handler has used (preventDefault), or one
 * pressed while composing text, is left alone. Returns the function that stops
 * listening.
 */
export function closeDisclosuresOnEscape(doc: Document): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return
    if (event.target instanceof Element && closeDisclosureAround(event.target)) event.preventDefault()
  }
  doc.addEventListener('keydown', onKeyDown)
  return () => doc.removeEventListener('keydown', onKeyDown)
}
