import { lazy, Suspense } from 'react'

// The panel's code (the form, the worker's starter, the results) loads after
// the calculator is interactive: most visits never import a log.
const ImportUsage = lazy(() => import('./import-usage'))
// The Cost and Usage Report import: its own chunk, loaded with the panel.
const CurPanel = lazy(() => import('./cur-panel'))

/** "Import usage": bill a month from REPORT logs, and bring in power-tuning measurements. */
export function UsagePanel() {
  return (
    <section className="card usage-card" aria-labelledby="usage-title" data-testid="usage-panel">
      <h2 id="usage-title">Import usage</h2>
      <Suspense fallback={<p className="field-hint">Loading&hellip;</p>}>
        <ImportUsage />
      </Suspense>
      <Suspense fallback={null}>
        <CurPanel />
      </Suspense>
    </section>
  )
}
