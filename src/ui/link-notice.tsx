import type { UrlProblem } from '../state/url-codec'
import { keepUnitsWhole } from './format'

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
  /** The heading when every value was cut to fit (a name too long) rather than dropped. */
  shortenedHeading?: (count: number) => string
}

const LINK_WORDING: NoticeWording = {
  heading: (count) => `This link had ${count === 1 ? 'a value' : `${count.toLocaleString('en-US')} values`} the calculator could not use`,
  fallback: 'Each falls back to its default; everything else in the link was applied.',
  dismissLabel: 'Dismiss the notice about this link',
  shortenedHeading: (count) => `This link had ${count === 1 ? 'a value' : `${count.toLocaleString('en-US')} values`} too long to keep in full`,
}

/**
 * What a link held that could not be used, and what was used instead. Every
 * value is rendered as text: a link is input from a stranger. Lists at most
 * MAX_LISTED_PROBLEMS, then says how many more there are.
 */
export function LinkNotice({ report, onDismiss, wording = LINK_WORDING }: { report: LinkReport; onDismiss: () => void; wording?: NoticeWording }) {
  if (report.problems.length === 0 && !report.futureVersion) return null
  const listed = report.problems.slice(0, MAX_LISTED_PROBLEMS)
  // A value cut to fit (a name too long) was used, not dropped: its message says what was kept.
  const allShortened = report.problems.length > 0 && report.problems.every((p) => p.shortened)
  const someShortened = report.problems.some((p) => p.shortened)
  const more = report.problems.length - listed.length
  return (
    <section className="card link-notice" role="status" aria-labelledby="link-notice-title" data-testid="link-notice">
      <div className="link-notice-head">
        <h2 id="link-notice-title">
          {report.problems.length === 0
            ? 'This link is from a newer version of the calculator'
            : allShortened
              ? (wording.shortenedHeading ?? LINK_WORDING.shortenedHeading!)(report.problems.length)
              : wording.heading(report.problems.length)}
        </h2>
        <button type="button" className="button-quiet" onClick={onDismiss} aria-label={wording.dismissLabel}>
          Dismiss
        </button>
      </div>
      {report.futureVersion ? <p>It may not be read correctly: what could be read was applied.</p> : null}
      {report.problems.length > 0 ? (
        <>
          {allShortened ? (
            <p>Each was cut to fit, as it says; everything else was applied.</p>
          ) : (
            <p>
              {wording.fallback}
              {someShortened ? ' A value too long was cut to fit instead, as it says.' : ''}
            </p>
          )}
          <ul>
            {listed.map((p, i) => (
              <li key={`${p.key}-${i}`}>{keepUnitsWhole(p.message)}</li>
            ))}
          </ul>
          {more > 0 ? <p>and {more.toLocaleString('en-US')} more.</p> : null}
        </>
      ) : null}
    </section>
  )
}
