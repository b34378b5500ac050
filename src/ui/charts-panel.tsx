import { lazy, Suspense } from 'react'

// recharts is the heaviest dependency: it loads in its own chunk, after the
// inputs and the total are already interactive.
const Charts = lazy(() => import('./charts'))

export function ChartsPanel() {
  return (
    <section className="card charts-card" aria-labelledby="charts-title">
      <h2 id="charts-title">Charts</h2>
      <Suspense fallback={<p className="charts-loading">Loading charts…</p>}>
        <Charts />
      </Suspense>
    </section>
  )
}
