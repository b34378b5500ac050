/**
 * The prerendered form takes input before the page is live: the field shows
 * what was typed, the option clicked, but nothing heard it. Once the page has
 * hydrated, each control whose state differs from its markup's is handed to
 * React as the edit it was (an `input` or `change` event), so the total follows
 * it and the next render does not put the old value back.
 *
 * React tracks each control's value from the moment it hydrates it: the value
 * is first set back to the markup's through the tracked property, then to the
 * edit's through the prototype's setter, which React does not see, so that the
 * event reads as a change.
 */
export function replayEarlyEdits(container: HTMLElement): void {
  for (const el of container.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      // A radio unchecked by checking another of its group is that one's edit.
      if (el.checked === el.defaultChecked || (el.type === 'radio' && !el.checked)) continue
      const wanted = el.checked
      el.checked = !wanted
      el.click()
    } else if (el instanceof HTMLSelectElement) {
      if ([...el.selectedOptions].every((o) => o.defaultSelected)) continue
      el.dispatchEvent(new Event('change', { bubbles: true }))
    } else if (el.value !== el.defaultValue) {
      const typed = el.value
      el.value = el.defaultValue
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set?.call(el, typed)
      el.dispatchEvent(new Event('input', { bubbles: true }))
    }
  }
}
