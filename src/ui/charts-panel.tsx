import { useLoaded } from './use-loaded'

// recharts is the heaviest dependency: it loads in its own chunk, after the
// inputs and the total are already interactive. Loaded after the first commit,
// not suspended on: the page's prerendered HTML shows "Loading charts…" in the
// first render's place, and hydrates it as it is.
const loadCharts = () => import('./charts/index')

/** The three charts, or (in the docs widget) one small one. */
export function ChartsPanel({ variant = 'full' }: { variant?: 'full' | 'compact' }) {
  const charts = useLoaded(loadCharts, true, 'the charts')
  return (
    <section className={`card charts-card charts-${variant}`} aria-labelledby="charts-title">
      <h2 id="charts-title" className={variant === 'compact' ? 'visually-hidden' : undefined}>
        Charts
      </h2>
      {!charts ? <p className="charts-loading">Loading charts…</p> : variant === 'compact' ? <charts.CompactChart /> : <charts.default />}
    </section>
  )
}
