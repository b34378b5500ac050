import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { DurationHistogram } from '../../engine/index'
import { countOf, formatCompact, formatNumber } from '../format'
import { ChartBox, ChartEmpty, ChartFigure, ChartTable, PLOT_MARGIN, GRID_AT_TICKS } from './chart-frame'

/** Billing edges are drawn only while they stay readable. */
const MAX_EDGES = 30

/**
 * The billing edges to mark within the histogram's range: every multiple of
 * the granularity, while there are few enough to read.
 *
 * @example billingEdges(250, 100) // [100, 200]
 * @example billingEdges(2000, 1) // [] (a mark every ms would hide the bars)
 */
export function billingEdges(topMs: number, granularityMs: number): number[] {
  if (!(topMs > 0) || !(granularityMs > 0) || topMs / granularityMs > MAX_EDGES) return []
  const out: number[] = []
  for (let x = granularityMs; x < topMs; x += granularityMs) out.push(x)
  return out
}

function rangeText(from: number, to: number): string {
  return `${formatNumber(from)} to ${formatNumber(to)} ms`
}

/** How many invocations ran how long, with the billing granularity marked. */
const HistogramChart = memo(function HistogramChart({ histogram, granularityMs }: { histogram: DurationHistogram; granularityMs: number }) {
  const title = 'Durations of the logged invocations'
  const bins = histogram.bins
  if (bins.length === 0 || bins.every((b) => b.count === 0)) {
    return (
      <ChartFigure id="histogram" title={title} note="Invocations by duration.">
        <ChartEmpty>No invocation to draw.</ChartEmpty>
      </ChartFigure>
    )
  }
  const top = bins.at(-1)!.toMs
  const edges = billingEdges(top, granularityMs)
  const rows = bins.map((b) => ({ mid: (b.fromMs + b.toMs) / 2, count: b.count, from: b.fromMs, to: b.toMs }))
  const note =
    edges.length > 0
      ? `Bars of ${formatNumber(histogram.binMs)} ms. The dashed lines are the ${formatNumber(granularityMs)} ms billing steps: each invocation is billed up to the next line.`
      : granularityMs >= top
        ? `Bars of ${formatNumber(histogram.binMs)} ms. Every invocation here is billed as one ${formatNumber(granularityMs)} ms step, however short.`
        : `Bars of ${formatNumber(histogram.binMs)} ms. Billing rounds each invocation up to the next ${formatNumber(granularityMs)} ms, finer than the bars.`
  return (
    <ChartFigure id="histogram" title={title} note={note}>
      <ChartBox short>
        <BarChart accessibilityLayer={false} data={rows} margin={PLOT_MARGIN} barCategoryGap={0}>
          <CartesianGrid {...GRID_AT_TICKS} stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="mid"
            type="number"
            domain={[0, top]}
            tickFormatter={formatNumber}
            stroke="var(--muted)"
            label={{ value: 'Duration (ms)', position: 'insideBottom', offset: -14, fill: 'var(--muted)' }}
          />
          <YAxis tickFormatter={formatCompact} stroke="var(--muted)" width={56} allowDecimals={false} />
          <Tooltip
            cursor={{ fill: 'var(--surface-2)' }}
            content={({ active, payload }) => {
              const row = (payload?.[0] as { payload?: (typeof rows)[number] } | undefined)?.payload
              if (!active || !row) return null
              return (
                <div className="chart-tooltip">
                  <p className="tooltip-title">{rangeText(row.from, row.to)}</p>
                  <p>{countOf(row.count, 'invocations')}</p>
                </div>
              )
            }}
          />
          <Bar dataKey="count" fill="var(--c-compute)" isAnimationActive={false} />
          {edges.map((x) => (
            <ReferenceLine key={x} x={x} stroke="var(--accent)" strokeDasharray="4 3" />
          ))}
        </BarChart>
      </ChartBox>
      <ChartTable>
        <table>
          <caption>Invocations by duration</caption>
          <thead>
            <tr>
              <th scope="col">Duration</th>
              <th scope="col" className="num">
                Invocations
              </th>
            </tr>
          </thead>
          <tbody>
            {bins
              .filter((b) => b.count > 0)
              .map((b) => (
                <tr key={b.fromMs}>
                  <th scope="row">{rangeText(b.fromMs, b.toMs)}</th>
                  <td className="num">{formatNumber(b.count)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </ChartTable>
    </ChartFigure>
  )
})

export default HistogramChart
