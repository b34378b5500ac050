import { memo } from 'react'
import { Area, AreaChart, CartesianGrid, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { CostPoint } from '../../engine/index'
import { formatCents, formatCompactUsd, formatNumber } from '../format'
import { ChartBox, ChartEmpty, ChartFigure, CostTooltip, DataTable, partsIn, PLOT_MARGIN } from './chart-frame'
import { everyNth, fitTop, memoryTicks } from './chart-helpers'

/** The cost axis shows up to this many times the current bill: the range that matters for a choice. */
const RANGE_FACTOR = 4

/** Cost against memory size for the first function, the current size marked. */
export const MemoryChart = memo(function MemoryChart({
  points,
  current,
  durationMs,
}: {
  points: readonly CostPoint[]
  current: CostPoint
  durationMs: number
}) {
  const parts = partsIn(points)
  const xLabel = (x: number) => `${formatNumber(x)} MB`
  const title = 'Monthly cost vs memory'
  if (points.length === 0 || points.every((p) => p.totalCents === 0)) {
    return (
      <ChartFigure id="memory" title={title} note="Duration held fixed.">
        <ChartEmpty>Nothing to draw: this workload costs $0.00 a month at every memory size.</ChartEmpty>
      </ChartFigure>
    )
  }
  const rows = points.map((p) => ({ x: p.x, point: p, totalUsd: p.totalCents / 100 }))
  const topUsd = fitTop(
    rows.map((r) => r.totalUsd),
    current.totalCents / 100,
    RANGE_FACTOR,
  )
  const clipped = rows.some((r) => r.totalUsd > topUsd)
  const first = points[0]!.x
  const last = points.at(-1)!.x
  return (
    <ChartFigure
      id="memory"
      title={title}
      note={
        <>
          Duration held fixed at {formatNumber(durationMs)} ms; in practice more memory often runs faster.
          {clipped ? ` The axis stops at ${formatCents(topUsd * 100)}: larger sizes run off the top (the table lists them).` : ''}
        </>
      }
    >
      <ChartBox>
        <AreaChart accessibilityLayer={false} data={rows} margin={PLOT_MARGIN}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={[first, last]}
            ticks={memoryTicks(first, last)}
            tickFormatter={formatNumber}
            stroke="var(--muted)"
            label={{ value: 'Memory (MB)', position: 'insideBottom', offset: -14, fill: 'var(--muted)' }}
          />
          <YAxis
            domain={[0, topUsd]}
            allowDataOverflow
            tickFormatter={formatCompactUsd}
            stroke="var(--muted)"
            width={64}
            label={{ value: 'USD / month', angle: -90, position: 'insideLeft', fill: 'var(--muted)' }}
          />
          <Tooltip content={<CostTooltip xLabel={xLabel} parts={parts} />} />
          {/* An area, not a recharts Line: a Line measures its path's length on every render. */}
          <Area
            type="linear"
            dataKey="totalUsd"
            name="Total"
            stroke="var(--c-compute)"
            strokeWidth={2}
            fill="var(--c-compute)"
            fillOpacity={0.12}
            isAnimationActive={false}
          />
          <ReferenceLine x={current.x} stroke="var(--accent)" label={{ value: 'now', fill: 'var(--accent)', position: 'insideTopRight' }} />
          <ReferenceDot x={current.x} y={Math.min(current.totalCents / 100, topUsd)} r={5} fill="var(--accent)" stroke="var(--surface)" />
        </AreaChart>
      </ChartBox>
      <DataTable
        caption="Monthly cost by memory size"
        xHeader="Memory"
        points={everyNth(points, 12, current.x)}
        parts={parts}
        xFormat={(x) => `${formatNumber(x)} MB`}
        current={current.x}
      />
    </ChartFigure>
  )
})
