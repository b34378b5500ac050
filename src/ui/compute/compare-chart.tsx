import { memo } from 'react'
import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { WaysComparison } from '../../engine/index'
import { ChartBox, ChartEmpty, ChartFigure, ChartTable, PLOT_MARGIN } from '../charts/chart-frame'
import { formatAxisUsd, onLogAxis, powersOfTen } from '../charts/chart-helpers'
import { formatCents } from '../format'

/** The bottom of the cost axis: one cent a month. Cheaper points ($0 under the free tier) sit on it. */
const LOG_FLOOR_USD = 0.01

/** One colour and dash per way, in table order; dashes tell the lines apart without colour. */
const STYLES = [
  { color: 'var(--c-compute)', dash: undefined },
  { color: 'var(--c-provisioned)', dash: '2 3' },
  { color: 'var(--c-requests)', dash: '8 4' },
  { color: 'var(--c-storage)', dash: '4 2 1 2' },
  { color: 'var(--c-snapstart)', dash: '12 3' },
  { color: 'var(--c-edge)', dash: '1 2' },
]

// As the engine's formatRate and formatMonthly, written here so that the charts' chunk does not load the comparison's engine code.
function formatRate(perSecond: number): string {
  return perSecond >= 10 ? Math.round(perSecond).toLocaleString('en-US') : Number(perSecond.toPrecision(2)).toString()
}
function formatMonthly(requests: number): string {
  for (const [size, suffix] of [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ] as const) {
    if (requests >= size) return `${requests / size >= 100 ? Math.round(requests / size) : Number((requests / size).toPrecision(2))}${suffix}`
  }
  return String(Math.round(requests))
}

const rateLabel = (perSecond: number) => `${formatRate(perSecond)} requests / s`

function WaysTooltip({ active, payload, result }: { active?: boolean; payload?: { payload: { i: number } }[]; result: WaysComparison }) {
  const i = payload?.[0]?.payload.i
  if (!active || i === undefined) return null
  const p = result.points[i]!
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">
        {rateLabel(p.perSecond)} ({formatMonthly(p.requestsPerMonth)} a month)
      </p>
      {result.ways.map((w, k) => (
        <p key={w.id}>
          {w.label}: {p.cents[k] === null ? 'not priced' : `${formatCents(p.cents[k]!)} / month`}
        </p>
      ))}
    </div>
  )
}

/** Monthly cost against request rate, one line per way to run it, log scales. */
export const CompareChart = memo(function CompareChart({ result }: { result: WaysComparison }) {
  const drawn = result.ways.map((w) => w.problem === null)
  const title = 'Monthly cost vs requests a second, each way to run it'
  if (result.points.length < 2 || !drawn.some(Boolean)) {
    return (
      <ChartFigure id="ways" title={title} note="Request rate on a log scale.">
        <ChartEmpty>There is nothing to draw: no way can be priced with these settings.</ChartEmpty>
      </ChartFigure>
    )
  }
  const rows = result.points.map((p, i) => {
    const row: Record<string, number | null> = { x: p.perSecond, i }
    result.ways.forEach((w, k) => {
      const c = p.cents[k]
      row[w.id] = c === null || c === undefined ? null : onLogAxis(c / 100, LOG_FLOOR_USD)
    })
    return row
  })
  const maxUsd = Math.max(10, ...result.points.flatMap((p) => p.cents.map((c) => (c ?? 0) / 100)))
  const first = result.points[0]!.perSecond
  const last = result.points.at(-1)!.perSecond
  const now = result.currentPerSecond
  const onAxis = now >= first && now <= last
  const note = onAxis
    ? `Requests a second and cost on log scales (a $0 month sits on the bottom line); the vertical line is your rate, ${rateLabel(now)}.`
    : `Requests a second and cost on log scales (a $0 month sits on the bottom line). Your rate, ${rateLabel(now)}, is outside the range drawn.`
  return (
    <ChartFigure id="ways" title={title} note={note}>
      <ChartBox>
        <AreaChart accessibilityLayer={false} data={rows} margin={PLOT_MARGIN}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            scale="log"
            domain={[first, last]}
            ticks={powersOfTen(first, last)}
            tickFormatter={(v: number) => formatRate(v)}
            stroke="var(--muted)"
            label={{ value: 'Requests per second (log scale)', position: 'insideBottom', offset: -14, fill: 'var(--muted)' }}
          />
          <YAxis
            scale="log"
            domain={[LOG_FLOOR_USD, maxUsd * 1.5]}
            allowDataOverflow
            ticks={powersOfTen(LOG_FLOOR_USD, maxUsd)}
            tickFormatter={formatAxisUsd}
            stroke="var(--muted)"
            width={64}
            label={{ value: 'USD / month (log)', angle: -90, position: 'insideLeft', fill: 'var(--muted)', dy: 50 }}
          />
          <Tooltip content={<WaysTooltip result={result} />} />
          {result.ways.map((w, k) =>
            drawn[k] ? (
              <Area
                key={w.id}
                type="linear"
                dataKey={w.id}
                name={w.label}
                stroke={STYLES[k % STYLES.length]!.color}
                strokeDasharray={STYLES[k % STYLES.length]!.dash}
                strokeWidth={2}
                fill="none"
                isAnimationActive={false}
                activeDot={false}
                connectNulls={false}
              />
            ) : null,
          )}
          {onAxis ? (
            <ReferenceLine x={now} stroke="var(--accent)" label={{ value: 'now', fill: 'var(--accent)', position: 'insideTopRight' }} />
          ) : null}
        </AreaChart>
      </ChartBox>
      <ul className="legend" aria-hidden="true">
        {result.ways.map((w, k) =>
          drawn[k] ? (
            <li key={w.id}>
              <svg width="24" height="8" className="legend-line">
                <line
                  x1="0"
                  y1="4"
                  x2="24"
                  y2="4"
                  stroke={STYLES[k % STYLES.length]!.color}
                  strokeWidth="2"
                  strokeDasharray={STYLES[k % STYLES.length]!.dash}
                />
              </svg>
              {w.label}
            </li>
          ) : null,
        )}
      </ul>
      <ChartTable>
        <table>
          <caption>Monthly cost by request rate, each way to run it</caption>
          <thead>
            <tr>
              <th scope="col">Requests / s</th>
              {result.ways.map((w) => (
                <th key={w.id} scope="col" className="num">
                  {w.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.points
              .filter((p, i) => i % 5 === 0 || p.requestsPerMonth === result.currentRequestsPerMonth || i === result.points.length - 1)
              .map((p) => (
                <tr key={p.requestsPerMonth} className={p.requestsPerMonth === result.currentRequestsPerMonth ? 'current-row' : undefined}>
                  <th scope="row">
                    {formatRate(p.perSecond)}
                    {p.requestsPerMonth === result.currentRequestsPerMonth ? ' (now)' : ''}
                  </th>
                  {p.cents.map((c, k) => (
                    <td key={result.ways[k]!.id} className="num">
                      {c === null ? '\u2014' : formatCents(c)}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </ChartTable>
    </ChartFigure>
  )
})
