import { lazy, Suspense } from 'react'
import { ErrorBoundary } from '../error-boundary'
import { INITIAL_VIEW, usageView, type LinkFit, type UsageLinking } from './usage-view'
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

/** Whether the usage a link carried was read: once a page, whatever mounts twice. */
let openedLink = false

/**
 * Keeps the page's link in step with the imported log (every import, clear
 * or reset), and shows the usage the page's link carried. Returns the stop.
 */
export function linkUsage(linking: UsageLinking): () => void {
  let shared = usageView.get().log
  let sharedVolumes = usageView.get().volumes
  const unsubscribe = usageView.subscribe(() => {
    const { log, volumes } = usageView.get()
    if (log === shared && volumes === sharedVolumes) return
    shared = log
    sharedVolumes = volumes
    void linking.share(log, volumes)
  })
  if (linking.opened !== null && !openedLink) {
    openedLink = true
    void linking.open().then((result) => {
      // a log imported meanwhile is the user's choice: it stays
      if (result && 'log' in result && usageView.get().log === null) {
        const { log } = result
        const volumes: Record<string, number> = {}
        for (const f of log.functions ?? [{ name: '', monthlyRequests: log.monthlyRequests }])
          if (f.monthlyRequests !== undefined) volumes[f.name] = f.monthlyRequests
        usageView.set({ log, volumes })
      } else void linking.share(usageView.get().log, usageView.get().volumes)
    })
  }
  return unsubscribe
}

/** How the imported log fits in the page's link, said in the panel. */
export function setLinkFit(linkFit: LinkFit | null): void {
  if (usageView.get().linkFit !== linkFit) usageView.set({ linkFit })
}

/** "Import usage": bill a month from REPORT logs, and bring in power-tuning measurements. */
export function UsagePanel() {
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
