import { lazy, Suspense } from 'react'

// recharts is the heaviest dependency: it loads in its own chunk, after the
// inputs and the total are already interactive.
const Charts = lazy(() => import('./charts/index'))
const CompactChart = lazy(() => import('./charts/index').then((m) => ({ default: m.CompactChart })))

/** The three charts, or (in the docs widget) one small one. */
export function ChartsPanel({ variant = 'full' }: { variant?: 'full' | 'compact' }) {
  return (
    <section className={`card charts-card charts-${variant}`} aria-labelledby="charts-title">
      <h2 id="charts-title" className={variant === 'compact' ? 'visually-hidden' : undefined}>
        Charts
      </h2>
      <Suspense fallback={<p className="charts-loading">Loading charts…</p>}>{variant === 'compact' ? <CompactChart /> : <Charts />}</Suspense>
    </section>
  )
}
