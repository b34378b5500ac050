import type { DecodeResult } from '../state/url-codec'
import type { LinkReport } from '../ui/link-notice'

/** What the latest link read (start-up, Back/Forward, a host's update) could not use. */
export interface LinkReports {
  current(): LinkReport
  report(link: DecodeResult): void
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
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
