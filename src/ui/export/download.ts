/** How long an object URL outlives its click: some browsers read it after `click()` returns. */
export const REVOKE_AFTER_MS = 10_000

/**
 * Saves `content` as a file named `name`: a hidden `<a download>` is clicked
 * and its object URL revoked shortly after. Nothing leaves the browser.
 */
export function downloadFile(name: string, mime: string, content: string | Blob): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: mime }) : content
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  a.hidden = true
  document.body.appendChild(a)
  try {
    a.click()
  } finally {
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}

/** Opens the browser's print dialog; the page's print stylesheet lays out the estimate. */
export function printEstimate(): void {
  window.print()
}
