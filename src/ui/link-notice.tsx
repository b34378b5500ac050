import type { UrlProblem } from '../state/url-codec'

export interface LinkReport {
  problems: UrlProblem[]
  futureVersion: boolean
}

/** The most problems the notice lists; the rest are counted ("and 3 more"). */
export const MAX_LISTED_PROBLEMS = 20

/** How the notice speaks of where the values came from: a link (the default), or a widget's attributes. */
export interface NoticeWording {
  /** The heading, for `count` problems (at least 1). */
  heading(count: number): string
  /** What happened to the values that could not be used. */
  fallback: string
  /** The dismiss button's accessible name. */
  dismissLabel: string
}

const LINK_WORDING: NoticeWording = {
  heading: (count) => `This link had ${count === 1 ? 'a value' : `${count.toLocaleString('en-US')} values`} the calculator could not use`,
  fallback: 'Each falls back to its default; everything else in the link was applied.',
  dismissLabel: 'Dismiss the notice about this link',
}

/**
 * What a link held that could not be used, and what was used instead. Every
 * value is rendered as text: a link is input from a stranger. Lists at most
 * MAX_LISTED_PROBLEMS, then says how many more there are.
 */
export function LinkNotice({ report, onDismiss, wording = LINK_WORDING }: { report: LinkReport; onDismiss: () => void; wording?: NoticeWording }) {
  if (report.problems.length === 0 && !report.futureVersion) return null
  const listed = report.problems.slice(0, MAX_LISTED_PROBLEMS)
  const more = report.problems.length - listed.length
  return (
    <section className="card link-notice" role="status" aria-labelledby="link-notice-title" data-testid="link-notice">
      <div className="link-notice-head">
        <h2 id="link-notice-title">
          {report.problems.length > 0 ? wording.heading(report.problems.length) : 'This link is from a newer version of the calculator'}
        </h2>
        <button type="button" className="button-quiet" onClick={onDismiss} aria-label={wording.dismissLabel}>
          Dismiss
        </button>
      </div>
      {report.futureVersion ? <p>It may not be read correctly: what could be read was applied.</p> : null}
      {report.problems.length > 0 ? (
        <>
          <p>{wording.fallback}</p>
          <ul>
            {listed.map((p, i) => (
              <li key={`${p.key}-${i}`}>{p.message}</li>
            ))}
          </ul>
          {more > 0 ? <p>and {more.toLocaleString('en-US')} more.</p> : null}
        </>
      ) : null}
    </section>
  )
}
