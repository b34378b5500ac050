import { lazy, Suspense } from 'react'
import { CurSection } from './cur-section'

// The panel's code (the form, the worker's starter, the results) loads after
// the calculator is interactive: most visits never import a log.
const ImportUsage = lazy(() => import('./import-usage'))

/** "Import usage": bill a month from REPORT logs, and bring in power-tuning measurements. */
export function UsagePanel() {
  return (
    <section className="card usage-card" aria-labelledby="usage-title" data-testid="usage-panel">
      <h2 id="usage-title">Import usage</h2>
      <Suspense fallback={<p className="field-hint">Loading&hellip;</p>}>
        <ImportUsage />
      </Suspense>
      <CurSection />
    </section>
  )
}
