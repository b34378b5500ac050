import { useEffect, useState, useSyncExternalStore } from 'react'
import { useCalculator } from '../state/react'
import type { UrlSync } from '../state/url-sync'
import { ChartsPanel } from '../ui/charts-panel'
import { FunctionList } from '../ui/function-list'
import { LinkNotice, type LinkReport } from '../ui/link-notice'
import { ResultPanel } from '../ui/result'
import { SheetControls } from '../ui/sheet-controls'
import type { LinkReports } from './link-reports'

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

/** The calculator as a docs widget: main inputs, the total, the bill lines and one small chart. */
export function EmbedApp({ urlSync, linkReports, compact: compactSetting }: Props) {
  const compact = useSyncExternalStore(compactSetting.subscribe, compactSetting.get)
  const [report, setReport] = useState<LinkReport>(linkReports.current())
  useEffect(() => linkReports.subscribe(setReport), [linkReports])
  // Re-render the link on every change so it always carries the current inputs.
  useCalculator((s) => s.functions)
  useCalculator((s) => s.sheet)
  useCalculator((s) => s.region)
  useCalculator((s) => s.freeTier)

  return (
    <div className={`embed${compact ? ' embed-compact' : ''}`}>
      <LinkNotice report={report} onDismiss={() => setReport({ problems: [], futureVersion: false })} />
      <main className="embed-grid">
        <div className="embed-inputs">
          <SheetControls compact />
          <FunctionList compact />
        </div>
        <div className="embed-results">
          <ResultPanel compact />
          {compact ? null : <ChartsPanel variant="compact" />}
        </div>
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
