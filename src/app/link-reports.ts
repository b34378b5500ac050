import type { DecodeResult, UrlProblem } from '../state/url-codec'
import type { LinkReport } from '../ui/link-notice'

/** What the latest link read (start-up, Back/Forward, a host's update) could not use. */
export interface LinkReports {
  current(): LinkReport
  report(link: DecodeResult): void
  /** Adds problems found after the link was read (its imported usage, read with the usage panel). */
  add(problems: UrlProblem[]): void
  subscribe(listener: (report: LinkReport) => void): () => void
}

export function createLinkReports(first: DecodeResult): LinkReports {
  let latest: LinkReport = { problems: first.problems, futureVersion: first.futureVersion }
  const listeners = new Set<(report: LinkReport) => void>()
  return {
    current: () => latest,
    report(link) {
      latest = { problems: link.problems, futureVersion: link.futureVersion }
      for (const l of listeners) l(latest)
    },
    add(problems) {
      if (problems.length === 0) return
      latest = { ...latest, problems: [...latest.problems, ...problems] }
      for (const l of listeners) l(latest)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
