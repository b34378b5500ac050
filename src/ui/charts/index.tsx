import { lazy, Suspense, useMemo } from 'react'
import { costByMemory, costByRequests } from '../../engine/index'
import { useCalculator } from '../../state/react'
import { useSettled } from '../use-settled'
import { MemoryChart } from './memory-chart'
import { RequestsChart } from './requests-chart'
import { SplitChart } from './split-chart'

/**
 * Points on the cost-vs-requests curve. The cost is linear in requests between
 * the knees (which the series always includes), so a few dozen points per
 * decade draw it exactly; more only slow the chart down.
 */
const CURVE_POINTS = 80

/**
 * Memory sizes on the cost-vs-memory curve, MB apart (the current size is
 * always one of them): 81 points to 10,240 MB draw the line at half the chart
 * work of 64 MB steps; a free-tier knee between two sizes shows as a chord.
 */
const MEMORY_STEP_MB = 128

/**
 * How long input must pause before each chart redraws, ms. Each chart waits a
 * little longer than the one before it, so their redraws (20-40 ms of recharts
 * work each) fall in separate tasks and no frame waits for all three.
 */
export const SETTLE_MS = [150, 185, 220] as const

/**
 * The estimate a chart draws: the store's, once input pauses. Settling the
 * derived result (not the state) keeps the store's single-entry selector cache
 * warm, so an urgent render never recomputes anything for the charts.
 */
function useChartEstimate(delayMs: number = SETTLE_MS[0]) {
  return useSettled(
    useCalculator((s, sel) => sel.selectEstimate(s)),
    delayMs,
  )
}

// The ways-to-run-it comparison: its panel and price tables load after the charts, and price only while it is open.
const ComparePanel = lazy(() => import('../compute/compute-compare').then((m) => ({ default: m.ComputeComparePanel })))

const INVALID = <p className="charts-empty">The charts appear when the inputs are valid.</p>

function RequestsPart() {
  const { value: result } = useChartEstimate(SETTLE_MS[0])
  // The series live here, not in the store's selectors, so their code loads with the charts.
  const series = useMemo(() => (result.status === 'ok' ? costByRequests(result.input, { points: CURVE_POINTS }) : null), [result])
  if (result.status !== 'ok' || !series) return null
  return <RequestsChart points={series.points} current={series.current} freeTier={result.input.freeTier !== false} />
}

function MemoryPart() {
  const { value: result } = useChartEstimate(SETTLE_MS[1])
  const series = useMemo(() => (result.status === 'ok' ? costByMemory(result.input, { stepMb: MEMORY_STEP_MB }) : null), [result])
  if (result.status !== 'ok' || !series) return null
  return <MemoryChart points={series.points} current={series.current} durationMs={result.input.functions[0]!.durationMs} input={result.input} />
}

function SplitPart() {
  const { value: result } = useChartEstimate(SETTLE_MS[2])
  return result.status === 'ok' ? <SplitChart estimate={result.estimate} /> : null
}

/** One small chart for the docs widget: where the money goes. */
export function CompactChart() {
  const { value: result } = useChartEstimate()
  if (result.status !== 'ok') return <p className="charts-empty">The chart appears when the inputs are valid.</p>
  return <SplitChart estimate={result.estimate} />
}

/** The three charts; loaded lazily with recharts. */
export default function Charts() {
  const { value: result, pending } = useChartEstimate(SETTLE_MS[2])
  if (result.status !== 'ok') return INVALID
  return (
    <div className="charts" data-pending={pending ? 'true' : undefined}>
      <RequestsPart />
      <MemoryPart />
      <SplitPart />
      <Suspense fallback={null}>
        <ComparePanel />
      </Suspense>
    </div>
  )
}

// The ways-to-run-it chart loads with the other charts (it shares their frame), not with the panel.
export { CompareChart } from '../compute/compare-chart'
