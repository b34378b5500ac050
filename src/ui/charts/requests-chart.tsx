import { memo } from 'react'
import { Area, AreaChart, CartesianGrid, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { CostPoint } from '../../engine/index'
import { formatCompact, formatCompactUsd, formatNumber, unitFor } from '../format'
import { ChartBox, ChartEmpty, Later, ChartFigure, CostTooltip, DataTable, Legend, partsIn, PLOT_MARGIN, GRID_AT_TICKS } from './chart-frame'
import { onLogAxis, powersOfTen, sampleRows } from './chart-helpers'

/** The bottom of the log-scale cost axis: one cent. Smaller charges sit on it. */
const LOG_FLOOR_USD = 0.01

function formatAxisUsd(dollars: number): string {
  return dollars < 1 ? `$${dollars}` : formatCompactUsd(dollars)
}

/**
 * Cost against monthly volume, on log scales. Each part is its own line, not a
 * stack: stacked areas on a log axis make the bottom band look far larger than
 * it is. Volumes below one request a month have no place on a log axis.
 */
export const RequestsChart = memo(function RequestsChart({
  points,
  current,
  freeTier,
}: {
  points: readonly CostPoint[]
  current: CostPoint
  freeTier: boolean
}) {
  const drawn = points.filter((p) => p.x >= 1 && Number.isFinite(p.x))
  const parts = partsIn(drawn)
  const xLabel = (x: number) => `${formatNumber(x)} ${unitFor(x, 'requests')} / month`
  const onAxis = current.x >= 1
  if (drawn.length < 2) {
    return (
      <ChartFigure id="requests" title="Monthly cost vs monthly requests" note="Requests on a log scale.">
        <ChartEmpty>There is no range of volumes to draw.</ChartEmpty>
      </ChartFigure>
    )
  }
  const rows = drawn.map((p) => {
    const row: Record<string, number | null | CostPoint> = { x: p.x, point: p, total: onLogAxis(p.totalCents / 100, LOG_FLOOR_USD) }
    for (const part of parts) row[part.id] = onLogAxis(part.cents(p) / 100, LOG_FLOOR_USD)
    return row
  })
  const maxUsd = Math.max(1, ...drawn.map((p) => p.totalCents / 100))
  const xTicks = powersOfTen(drawn[0]!.x, drawn.at(-1)!.x)
  const yTicks = powersOfTen(LOG_FLOOR_USD, maxUsd).filter((t) => t <= maxUsd * 1.5)
  const note = onAxis ? (
    'Requests and cost on log scales; every function scales in proportion. The marker is your workload.'
  ) : (
    <>
      Your workload has {current.x === 0 ? 'no requests' : 'less than one request a month'}, which a log scale cannot place: the curve shows what each
      volume would cost.
    </>
  )
  return (
    <ChartFigure id="requests" title="Monthly cost vs monthly requests" note={note}>
      <ChartBox>
        <AreaChart accessibilityLayer={false} data={rows} margin={PLOT_MARGIN}>
          <CartesianGrid {...GRID_AT_TICKS} stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            scale="log"
            domain={['dataMin', 'dataMax']}
            ticks={xTicks}
            tickFormatter={formatCompact}
            stroke="var(--muted)"
            label={{ value: 'Requests per month (log scale)', position: 'insideBottom', offset: -14, fill: 'var(--muted)' }}
          />
          <YAxis
            scale="log"
            domain={[LOG_FLOOR_USD, Math.max(maxUsd * 1.5, LOG_FLOOR_USD * 10)]}
            allowDataOverflow
            ticks={yTicks}
            tickFormatter={formatAxisUsd}
            stroke="var(--muted)"
            width={64}
            label={{ value: 'USD / month (log)', angle: -90, position: 'insideLeft', fill: 'var(--muted)', dy: 50 }}
          />
          {/* Areas without fill, not recharts Lines: a Line measures its path's length on every render. */}
          {parts.map((part) => (
            <Area
              key={part.id}
              type="linear"
              dataKey={part.id}
              name={part.label}
              stroke={part.color}
              strokeWidth={2}
              fill="none"
              isAnimationActive={false}
              activeDot={false}
            />
          ))}
          <Area
            type="linear"
            dataKey="total"
            name="Total"
            stroke="var(--text)"
            strokeWidth={2}
            strokeDasharray="6 3"
            fill="none"
            isAnimationActive={false}
          />
          <Later>
            <Tooltip content={<CostTooltip xLabel={xLabel} parts={parts} />} />
            {freeTier ? (
              <ReferenceLine
                x={1_000_000}
                stroke="var(--muted)"
                strokeDasharray="4 4"
                label={{ value: '1M free', fill: 'var(--muted)', position: 'insideTopLeft' }}
              />
            ) : null}
            {onAxis ? <ReferenceLine x={current.x} stroke="var(--accent)" /> : null}
            {onAxis ? (
              <ReferenceDot
                x={current.x}
                y={onLogAxis(current.totalCents / 100, LOG_FLOOR_USD) ?? LOG_FLOOR_USD}
                r={5}
                fill="var(--accent)"
                stroke="var(--surface)"
              />
            ) : null}
          </Later>
        </AreaChart>
      </ChartBox>
      <Legend parts={parts} extra={<li className="legend-total">Total (dashed)</li>} />
      <DataTable
        caption="Monthly cost by monthly requests"
        xHeader="Requests / month"
        points={sampleRows(points, current.x)}
        parts={parts}
        xFormat={formatNumber}
        current={current.x}
      />
    </ChartFigure>
  )
})
