import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { memo, startTransition, useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react'
import { costByMemory, costByRequests, type CostPoint, type Estimate } from '../engine/index'
import { useCalculator } from '../state/react'
import { formatCents, formatCompact, formatCompactUsd, formatLineAmount, formatNumber } from './format'

const COLORS = { requests: 'var(--c-requests)', compute: 'var(--c-compute)', storage: 'var(--c-storage)' }
const PART_LABELS = { requestsUsd: 'Requests', computeUsd: 'Compute', storageUsd: 'Ephemeral storage' } as const
/** The stacked parts of a bill, bottom to top. */
const STACK = [
  { key: 'requestsUsd', part: 'requests' },
  { key: 'computeUsd', part: 'compute' },
  { key: 'storageUsd', part: 'storage' },
] as const

interface Row extends CostPoint {
  requestsUsd: number
  computeUsd: number
  storageUsd: number
}

// Chart geometry only: dollars as floats to place pixels; every figure a
// reader sees (tooltips, tables) is formatted from the exact cents.
function toRows(points: CostPoint[]): Row[] {
  return points.map((p) => ({
    ...p,
    requestsUsd: p.requestsCents / 100,
    computeUsd: p.computeCents / 100,
    storageUsd: p.storageCents / 100,
  }))
}

const CENTS_OF = { requestsUsd: 'requestsCents', computeUsd: 'computeCents', storageUsd: 'storageCents' } as const

function rowCents(row: Row, key: keyof typeof PART_LABELS): number {
  return row[CENTS_OF[key]]
}

function CostTooltip({ active, payload, xLabel }: { active?: boolean; payload?: { payload: Row }[]; xLabel: (x: number) => string }) {
  const row = payload?.[0]?.payload
  if (!active || !row) return null
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{xLabel(row.x)}</p>
      {(Object.keys(PART_LABELS) as (keyof typeof PART_LABELS)[])
        .filter((k) => row[k] > 0)
        .map((k) => (
          <p key={k}>
            {PART_LABELS[k]}: {formatCents(rowCents(row, k))}
          </p>
        ))}
      <p className="tooltip-total">Total: {formatCents(row.totalCents)} / month</p>
    </div>
  )
}

/** Rows near each power of ten, and the current one: a readable table of a long curve. */
function sampleRows(rows: Row[], current: number): Row[] {
  const picked = new Set<Row>()
  const decades = new Set(rows.map((r) => Math.round(Math.log10(Math.max(1, r.x)))))
  for (const d of decades) {
    let best: Row | undefined
    for (const r of rows) if (!best || Math.abs(Math.log10(r.x) - d) < Math.abs(Math.log10(best.x) - d)) best = r
    if (best) picked.add(best)
  }
  const cur = rows.find((r) => r.x === current)
  if (cur) picked.add(cur)
  return [...picked].sort((a, b) => a.x - b.x)
}

function DataTable({
  caption,
  xHeader,
  rows,
  xFormat,
  current,
}: {
  caption: string
  xHeader: string
  rows: Row[]
  xFormat: (x: number) => string
  current: number
}) {
  return (
    <details className="chart-table">
      <summary>Show as a table</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{xHeader}</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col" className="num">
              Compute
            </th>
            <th scope="col" className="num">
              Storage
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.x} className={r.x === current ? 'current-row' : undefined}>
              <th scope="row">
                {xFormat(r.x)}
                {r.x === current ? ' (now)' : ''}
              </th>
              <td className="num">{formatCents(rowCents(r, 'requestsUsd'))}</td>
              <td className="num">{formatCents(rowCents(r, 'computeUsd'))}</td>
              <td className="num">{formatCents(rowCents(r, 'storageUsd'))}</td>
              <td className="num">{formatCents(r.totalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

/** A chart with its title, a note on how to read it, and a stable test id. */
function ChartFigure({ id, title, note, children }: { id: string; title: string; note: ReactNode; children: ReactNode }) {
  return (
    <figure className="chart" data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <figcaption id={`chart-${id}-title`}>
        <h3>{title}</h3>
        <p className="chart-note">{note}</p>
      </figcaption>
      {children}
    </figure>
  )
}

/** Room around a plot for its axis labels. */
const PLOT_MARGIN = { top: 10, right: 16, bottom: 24, left: 8 }

/**
 * The drawing itself, hidden from assistive technology: each chart says what
 * it shows in a table beside it.
 */
function ChartBox({ short = false, children }: { short?: boolean; children: ReactElement }) {
  return (
    <div className={short ? 'chart-box chart-box-short' : 'chart-box'} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  )
}

/** 1, 10, 100, ... from the power of ten at or below `from` up to `to`. */
function powersOfTen(from: number, to: number): number[] {
  const out: number[] = []
  for (let e = Math.floor(Math.log10(from)); 10 ** e <= to * 1.0001; e++) out.push(10 ** e)
  return out
}

/** The smallest and largest sizes and round sizes between: 128, 1024, 2048, 3008. */
function memoryTicks(min: number, max: number): number[] {
  const step = max > 4096 ? 2048 : 1024
  const ticks = [min]
  for (let t = step; t < max - step / 4; t += step) if (t > min + step / 4) ticks.push(t)
  ticks.push(max)
  return ticks
}

function formatAxisUsd(dollars: number): string {
  return dollars < 1 ? `$${dollars}` : formatCompactUsd(dollars)
}

/**
 * Points on the cost-vs-requests curve. The cost is linear in requests between
 * the knees (which the series always includes), so a few dozen points per
 * decade draw it exactly; more only slow the chart down.
 */
const CURVE_POINTS = 80

/** The bottom of the log-scale cost axis: one cent. Smaller parts sit on it. */
const LOG_FLOOR_USD = 0.01

const RequestsChart = memo(function RequestsChart({ points, current, freeTier }: { points: CostPoint[]; current: CostPoint; freeTier: boolean }) {
  // A log axis has no zero: free parts are drawn a hair above the floor.
  const rows = toRows(points).map((r) => ({
    ...r,
    requestsUsd: Math.max(r.requestsUsd, LOG_FLOOR_USD / 10),
    computeUsd: Math.max(r.computeUsd, LOG_FLOOR_USD / 10),
    storageUsd: Math.max(r.storageUsd, LOG_FLOOR_USD / 100),
    floorUsd: LOG_FLOOR_USD / 1000,
  }))
  const maxUsd = Math.max(...points.map((p) => p.totalCents / 100), 1)
  const xTicks = powersOfTen(points[0]!.x, points.at(-1)!.x)
  const yTicks = powersOfTen(LOG_FLOOR_USD, maxUsd * 10).filter((t) => t <= maxUsd * 1.5)
  const xLabel = (x: number) => `${formatNumber(x)} requests / month`
  return (
    <ChartFigure
      id="requests"
      title="Monthly cost vs monthly requests"
      note="Requests on a log scale; every function scales in proportion. The marker is your workload."
    >
      <ChartBox>
        <AreaChart accessibilityLayer={false} data={rows} margin={PLOT_MARGIN}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
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
            domain={[LOG_FLOOR_USD, 'auto']}
            allowDataOverflow
            ticks={yTicks}
            tickFormatter={formatAxisUsd}
            stroke="var(--muted)"
            width={64}
            label={{ value: 'USD / month (log scale)', angle: -90, position: 'insideLeft', fill: 'var(--muted)', dy: 60 }}
          />
          <Tooltip content={<CostTooltip xLabel={xLabel} />} />
          {/* An invisible base so the stack starts above zero, which a log axis cannot show. */}
          <Area
            type="linear"
            dataKey="floorUsd"
            stackId="cost"
            stroke="none"
            fill="none"
            isAnimationActive={false}
            activeDot={false}
            legendType="none"
            tooltipType="none"
          />
          {STACK.map(({ key, part }) => (
            <Area
              key={key}
              type="linear"
              dataKey={key}
              name={PART_LABELS[key]}
              stackId="cost"
              stroke={COLORS[part]}
              fill={COLORS[part]}
              fillOpacity={0.35}
              isAnimationActive={false}
            />
          ))}
          {freeTier ? (
            <ReferenceLine
              x={1_000_000}
              stroke="var(--muted)"
              strokeDasharray="4 4"
              label={{ value: '1M free', fill: 'var(--muted)', position: 'insideTopLeft' }}
            />
          ) : null}
          <ReferenceLine x={current.x} stroke="var(--accent)" />
          <ReferenceDot x={current.x} y={Math.max(current.totalCents / 100, LOG_FLOOR_USD)} r={5} fill="var(--accent)" stroke="var(--surface)" />
        </AreaChart>
      </ChartBox>
      <Legend parts={['requests', 'compute', 'storage']} />
      <DataTable
        caption="Monthly cost by monthly requests"
        xHeader="Requests / month"
        rows={sampleRows(rows, current.x)}
        xFormat={formatNumber}
        current={current.x}
      />
    </ChartFigure>
  )
})

const MemoryChart = memo(function MemoryChart({ points, current, durationMs }: { points: CostPoint[]; current: CostPoint; durationMs: number }) {
  const rows = toRows(points).map((r) => ({ ...r, totalUsd: r.totalCents / 100 }))
  const xLabel = (x: number) => `${formatNumber(x)} MB`
  return (
    <ChartFigure
      id="memory"
      title="Monthly cost vs memory"
      note={<>Duration held fixed at {formatNumber(durationMs)} ms; in practice more memory often runs faster.</>}
    >
      <ChartBox>
        <AreaChart accessibilityLayer={false} data={rows} margin={PLOT_MARGIN}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            ticks={memoryTicks(points[0]!.x, points.at(-1)!.x)}
            tickFormatter={formatNumber}
            stroke="var(--muted)"
            label={{ value: 'Memory (MB)', position: 'insideBottom', offset: -14, fill: 'var(--muted)' }}
          />
          <YAxis
            tickFormatter={formatCompactUsd}
            stroke="var(--muted)"
            width={64}
            label={{ value: 'USD / month', angle: -90, position: 'insideLeft', fill: 'var(--muted)' }}
          />
          <Tooltip content={<CostTooltip xLabel={xLabel} />} />
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
          <ReferenceLine x={current.x} stroke="var(--accent)" />
          <ReferenceDot x={current.x} y={current.totalCents / 100} r={5} fill="var(--accent)" stroke="var(--surface)" />
        </AreaChart>
      </ChartBox>
      <DataTable
        caption="Monthly cost by memory size"
        xHeader="Memory"
        rows={rows.filter((r, i) => i % Math.max(1, Math.ceil(rows.length / 12)) === 0 || r.x === current.x)}
        xFormat={(x) => `${formatNumber(x)} MB`}
        current={current.x}
      />
    </ChartFigure>
  )
})

const SplitChart = memo(function SplitChart({ estimate }: { estimate: Estimate }) {
  const rows = estimate.lines.map((l) => ({
    label:
      l.kind === 'requests'
        ? 'Requests'
        : l.kind === 'ephemeral-storage'
          ? 'Storage'
          : `Compute ${l.architecture}${l.tier && estimate.lines.filter((o) => o.kind === 'compute' && o.architecture === l.architecture).length > 1 ? ` tier ${l.tier}` : ''}`,
    fullLabel: l.label,
    usd: l.cents / 100,
    lineUsd: l.usd,
    exactUsd: l.exactUsd,
    kind: l.kind,
  }))
  const color = (kind: string) => (kind === 'requests' ? COLORS.requests : kind === 'compute' ? COLORS.compute : COLORS.storage)
  return (
    <ChartFigure id="split" title="Where the money goes" note={<>This month&rsquo;s bill by line.</>}>
      <ChartBox short>
        <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={formatCompactUsd} stroke="var(--muted)" />
          <YAxis type="category" dataKey="label" width={130} stroke="var(--muted)" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(_v, _n, item) => [formatLineAmount(item.payload.lineUsd, item.payload.exactUsd), item.payload.fullLabel]} />
          <Bar dataKey="usd" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.fullLabel} fill={color(r.kind)} />
            ))}
          </Bar>
        </BarChart>
      </ChartBox>
      {/* A table sizes to its content whatever its width: the hiding is on a wrapper. */}
      <div className="visually-hidden">
        <table>
          <caption>This month&rsquo;s bill by line</caption>
          <tbody>
            {rows.map((r) => (
              <tr key={r.fullLabel}>
                <th scope="row">{r.fullLabel}</th>
                <td>{formatLineAmount(r.lineUsd, r.exactUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFigure>
  )
})

function Legend({ parts }: { parts: (keyof typeof COLORS)[] }) {
  const names = { requests: 'Requests', compute: 'Compute', storage: 'Ephemeral storage' }
  return (
    <ul className="legend" aria-hidden="true">
      {parts.map((p) => (
        <li key={p}>
          <span className={`swatch swatch-${p}`} />
          {names[p]}
        </li>
      ))}
    </ul>
  )
}

/** The three charts; loaded lazily with recharts. */
/**
 * `value`, but only once the frame showing the newer inputs and total has been
 * painted: the total keeps up with typing, and the charts follow a frame later.
 */
function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(shown, value)) return
    // A task queued from the commit runs after the browser's next rendering
    // step, which paints the inputs and the total first.
    const timer = setTimeout(() => startTransition(() => setShown(value)), 0)
    return () => clearTimeout(timer)
  }, [value, shown])
  return shown
}

/**
 * The estimate the charts draw: the store's, one paint behind. Deferring the
 * derived result (not the state) keeps the store's single-entry selector cache
 * warm, so an urgent render never recomputes anything for the charts.
 */
function useChartEstimate() {
  return useAfterPaint(useCalculator((s, sel) => sel.selectEstimate(s)))
}

/** One small chart for the docs widget: where the money goes. */
export function CompactChart() {
  const result = useChartEstimate()
  if (result.status !== 'ok') return <p className="charts-empty">The chart appears when the inputs are valid.</p>
  return <SplitChart estimate={result.estimate} />
}

export default function Charts() {
  const result = useChartEstimate()
  // The series live here, not in the store's selectors, so their code loads with the charts.
  const series = useMemo(
    () =>
      result.status === 'ok' ? { bySize: costByMemory(result.input), byRequests: costByRequests(result.input, { points: CURVE_POINTS }) } : null,
    [result],
  )
  const bySize = series?.bySize
  const byRequests = series?.byRequests
  const firstDuration = result.status === 'ok' ? result.input.functions[0]!.durationMs : 0
  if (result.status !== 'ok' || !bySize || !byRequests) {
    return <p className="charts-empty">The charts appear when the inputs are valid.</p>
  }
  return (
    <div className="charts">
      <RequestsChart points={byRequests.points} current={byRequests.current} freeTier={result.input.freeTier !== false} />
      <MemoryChart points={bySize.points} current={bySize.current} durationMs={firstDuration} />
      <SplitChart estimate={result.estimate} />
    </div>
  )
}
