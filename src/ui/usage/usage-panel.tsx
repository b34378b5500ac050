import { lazy, Suspense, useEffect } from 'react'
import { useCalculatorStore } from '../../state/react'
import { ErrorBoundary } from '../error-boundary'
import { INITIAL_VIEW, usageView, type UsageLinkHost } from './usage-view'
import { CurSection } from './cur-section'

// The panel's code (the form, the worker's starter, the results) loads after
// the calculator is interactive: most visits never import a log.
const ImportUsage = lazy(() => import('./import-usage'))

/**
 * Puts the usage view back to nothing imported: what "Reset this part" does,
 * since a log or measurements that crashed the panel would crash it again.
 */
export function resetUsageView(): void {
  usageView.set(INITIAL_VIEW)
}

/** Drops the power-tuning measurements and the memory model: what the memory chart draws besides the estimate. */
export function resetMeasurements(): void {
  usageView.set({ powerTuning: INITIAL_VIEW.powerTuning, model: INITIAL_VIEW.model })
}

/** "Import usage": bill a month from REPORT logs, and bring in power-tuning measurements. */
export function UsagePanel({ link }: { link?: UsageLinkHost }) {
  const store = useCalculatorStore()
  // The link carries the imported usage: its writer and reader load with the panel, not with the page.
  useEffect(() => {
    if (!link?.usage) return
    let stop: (() => void) | null = null
    let live = true
    // A page left while this loads (a link opened in its place) drops the import: nothing to report.
    import('./usage-link-sync').then(
      (m) => {
        if (live) stop = m.syncUsageLink(link, store)
      },
      () => {},
    )
    return () => {
      live = false
      stop?.()
    }
  }, [link, store])
  return (
    <section className="card usage-card" aria-labelledby="usage-title" data-testid="usage-panel">
      <h2 id="usage-title">Import usage</h2>
      <ErrorBoundary part="the usage import" onReset={resetUsageView}>
        <Suspense fallback={<p className="field-hint">Loading&hellip;</p>}>
          <ImportUsage />
        </Suspense>
      </ErrorBoundary>
      <ErrorBoundary part="the Cost and Usage Report import">
        <CurSection />
      </ErrorBoundary>
    </section>
  )
}
