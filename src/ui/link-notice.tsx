import type { UrlProblem } from '../state/url-codec'

export interface LinkReport {
  problems: UrlProblem[]
  futureVersion: boolean
}

/**
 * What a link held that could not be used, and what was used instead. Every
 * value is rendered as text: a link is input from a stranger.
 */
export function LinkNotice({ report, onDismiss }: { report: LinkReport; onDismiss: () => void }) {
  if (report.problems.length === 0 && !report.futureVersion) return null
  return (
    <section className="card link-notice" role="status" aria-labelledby="link-notice-title" data-testid="link-notice">
      <div className="link-notice-head">
        <h2 id="link-notice-title">
          {report.problems.length > 0
            ? `This link had ${report.problems.length === 1 ? 'a value' : `${report.problems.length} values`} the calculator could not use`
            : 'This link is from a newer version of the calculator'}
        </h2>
        <button type="button" className="button-quiet" onClick={onDismiss} aria-label="Dismiss the notice about this link">
          Dismiss
        </button>
      </div>
      {report.futureVersion ? <p>It may not be read correctly: what could be read was applied.</p> : null}
      {report.problems.length > 0 ? (
        <>
          <p>Each falls back to its default; everything else in the link was applied.</p>
          <ul>
            {report.problems.map((p, i) => (
              <li key={`${p.key}-${i}`}>{p.message}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
