import { useLoadFailures } from './use-loaded'

/**
 * What of the page could not be loaded, if anything, with a way to try again:
 * the page's later parts load after the total, and a dropped connection would
 * otherwise leave them missing without a word.
 */
export function LoadFailures() {
  const parts = useLoadFailures()
  if (parts.length === 0) return null
  return (
    <div className="card link-notice" role="alert">
      <p>
        {`Could not load ${new Intl.ListFormat('en').format(parts)} (a dropped connection?). The total and the bill are complete. `}
        <button type="button" className="button-secondary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </p>
    </div>
  )
}
