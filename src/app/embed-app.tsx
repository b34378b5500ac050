import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react'
import { describeLinkProblem, describeOmissions, leftOutByHost } from '../embed/iframe-bridge'
import { READY_ATTRIBUTE, type AttributeProblem } from '../embed/protocol'
import { useCalculator } from '../state/react'
import type { UrlSync } from '../state/url-sync'
import { ChartsPanel } from '../ui/charts-panel'
import { FunctionList } from '../ui/function-list'
import { useLinkOmissions } from '../ui/link-omissions'
import { LinkNotice, type LinkReport, type NoticeWording } from '../ui/link-notice'
import { ResultPanel } from '../ui/result'
import { SheetControls } from '../ui/sheet-controls'
import type { LinkReports } from './link-reports'
import './embed-app.css'

/** Whether the widget shows its compact layout; the host page may change it while the widget runs. */
export interface CompactSetting {
  get(): boolean
  /** Calls `listener` after each change; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void
}

interface Props {
  urlSync: UrlSync
  linkReports: LinkReports
  compact: CompactSetting
}

/** The notice in the widget speaks of the element's attributes, not of a link's keys. */
const ATTRIBUTE_WORDING: NoticeWording = {
  heading: (count) => `This widget had ${count === 1 ? 'an attribute' : `${count.toLocaleString('en-US')} attributes`} it could not use`,
  fallback: 'Each falls back to its default; everything else was applied.',
  dismissLabel: 'Dismiss the notice about the widget’s attributes',
}

/** How long the widget waits for its chart before it calls itself rendered anyway, ms. */
const READY_TIMEOUT_MS = 4000

/** Problems in the element's terms, in the shape the notice lists. */
const asNoticeProblems = (problems: AttributeProblem[]) => problems.map((p) => ({ key: p.attribute, value: '', message: p.message }))

/**
 * Marks <html> with READY_ATTRIBUTE once the widget's content is rendered: the
 * total, and the chart rather than its loading placeholder. The bridge sends
 * the host no size before, so the host frame changes height once, not twice.
 */
function useReadyMark(root: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const html = document.documentElement
    const el = root.current
    if (!el) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const rendered = () => el.querySelector('[data-testid="monthly-total"]') !== null && el.querySelector('.charts-loading') === null
    const mark = () => {
      html.setAttribute(READY_ATTRIBUTE, '')
      observer.disconnect()
      clearTimeout(timer)
    }
    const observer = new MutationObserver(() => {
      if (rendered()) mark()
    })
    if (rendered()) {
      mark()
      return
    }
    observer.observe(el, { childList: true, subtree: true })
    timer = setTimeout(mark, READY_TIMEOUT_MS)
    return () => {
      observer.disconnect()
      clearTimeout(timer)
    }
  }, [root])
}

/** The calculator as a docs widget: the total first, then the main inputs and one small chart. */
export function EmbedApp({ urlSync, linkReports, compact: compactSetting }: Props) {
  const compact = useSyncExternalStore(compactSetting.subscribe, compactSetting.get)
  const [report, setReport] = useState<LinkReport>(linkReports.current())
  useEffect(() => linkReports.subscribe(setReport), [linkReports])
  const leftOut = useSyncExternalStore(leftOutByHost.subscribe, leftOutByHost.current)
  const [dismissed, setDismissed] = useState<{ report: LinkReport; leftOut: AttributeProblem[] } | null>(null)
  // Re-render the link on every change so it always carries the current inputs.
  useCalculator((s) => s.functions)
  useCalculator((s) => s.sheet)
  useCalculator((s) => s.region)
  useCalculator((s) => s.freeTier)
  // Values typed here too long to pass on to the host page (they are left out of its event's query).
  const omitted = useLinkOmissions()
  const typed = useMemo(() => describeOmissions(omitted), [omitted])
  const root = useRef<HTMLDivElement>(null)
  useReadyMark(root)

  const isDismissed = dismissed !== null && dismissed.report === report && dismissed.leftOut === leftOut
  const notice: LinkReport = isDismissed
    ? { problems: [], futureVersion: false }
    : { problems: [...asNoticeProblems(leftOut), ...asNoticeProblems(report.problems.map(describeLinkProblem))], futureVersion: report.futureVersion }

  return (
    <div className={`embed${compact ? ' embed-compact' : ''}`} ref={root}>
      <LinkNotice report={notice} onDismiss={() => setDismissed({ report, leftOut })} wording={ATTRIBUTE_WORDING} />
      {typed.length > 0 ? (
        <section className="card embed-typed" role="status" data-testid="embed-typed">
          <ul>
            {typed.map((p) => (
              <li key={p.attribute}>{p.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <main className="embed-grid">
        <div className="embed-result">
          <ResultPanel compact />
        </div>
        <div className="embed-inputs">
          <SheetControls compact />
          <FunctionList compact />
        </div>
        {compact ? null : (
          <div className="embed-chart">
            <ChartsPanel variant="compact" />
          </div>
        )}
      </main>
      <footer className="embed-footer">
        <a href={urlSync.shareUrl()} target="_blank" rel="noopener noreferrer">
          Open in the full calculator
        </a>
        <span>AWS Lambda cost calculator · exact to the cent</span>
      </footer>
    </div>
  )
}
