import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis, type YAxisTickContentProps } from 'recharts'
import { billByService, PART_OF_KIND, type BillLine, type Estimate, type Service, type ServiceTotal } from '../../engine/index'
import { formatLineAmount, keepUnitsWhole } from '../format'
import { formatCentsExact } from '../money'
import { shownLines } from '../shown-lines'
import { ChartBox, ChartEmpty, ChartFigure, partColor, GRID_AT_TICKS } from './chart-frame'
import { evenTicks, formatAxisUsd } from './chart-helpers'

function shortLabel(line: BillLine, lines: readonly BillLine[]): string {
  if (line.kind === 'requests') return 'Requests'
  if (line.kind === 'ephemeral-storage') return 'Storage'
  if (line.kind !== 'compute') return line.label
  const tiered = lines.filter((o) => o.kind === 'compute' && o.architecture === line.architecture).length > 1
  return `Compute ${line.architecture}${tiered && line.tier ? ` tier ${line.tier}` : ''}`
}

/** Each kind of line in the colour of its part on the other charts. */
function colorOf(kind: BillLine['kind']): string {
  return partColor(PART_OF_KIND[kind])
}

/**
 * The dollar axis under the bars: round steps from $0 to just past the largest bar
 * ($0, $1, $2, $3, $4 rather than $0.9, $1.8, ...), as the memory chart's.
 */
function usdAxis(values: readonly number[]) {
  const ticks = evenTicks(values)
  return {
    type: 'number' as const,
    domain: [0, ticks.at(-1)!],
    ticks,
    interval: 'preserveStartEnd' as const,
    tickFormatter: formatAxisUsd,
    stroke: 'var(--muted)',
  }
}

/** The colour of a service's bar: its own, set in the style sheet for light, dark and print. */
function serviceColor(id: Service): string {
  return `var(--c-${id.toLowerCase()}, var(--muted))`
}

/** A service's row: its name, then its subtotal and share, as the axis label says them. */
interface ServiceRow {
  id: Service
  label: string
  amount: string
  share: string
  usd: number
}

/** Pixels a line of axis text takes at the chart's 12 px, generously: digits and capitals are the widest. */
const textPx = (text: string) => text.length * 7 + 4
/** The height of a line of axis text, px. */
const LINE_PX = 14

/** A service's subtotal and share as its label's second line says them: "$18.73 · 64.1 %". */
const figuresOf = (row: ServiceRow) => `${row.amount} \u00b7 ${row.share}`

/**
 * The narrowest the labels' column gets (the half of a chart in a 280 px docs
 * column): a label whose figures are wider than this may take three lines.
 */
const NARROW_AXIS_PX = 110

/** A service's label beside its bar: its name over its subtotal and share (or each on its own line, where the axis is narrow). */
function ServiceTick({ x, y, value, rows, width }: { x: number; y: number; value: string; rows: ServiceRow[]; width: number }) {
  const row = rows.find((r) => r.label === value)
  if (!row || !Number.isFinite(x) || !Number.isFinite(y)) return null
  const figures = figuresOf(row)
  const lines = textPx(figures) <= width ? [row.label, figures] : [row.label, row.amount, row.share]
  const top = y - ((lines.length - 1) * LINE_PX) / 2
  return (
    <text x={x} y={top} textAnchor="end" dominantBaseline="central" fontSize={12} className="split-tick">
      {lines.map((text, i) => (
        <tspan key={i} x={x} y={top + i * LINE_PX} className={i === 0 ? 'split-tick-name' : 'split-tick-figures'}>
          {text}
        </tspan>
      ))}
    </text>
  )
}

/** The bars of the bill by service, as wide as the box the chart frame measured. */
function ServiceBars({ rows, width = 0, height = 0 }: { rows: ServiceRow[]; width?: number; height?: number }) {
  // The labels' column: as wide as its longest line, but never more than half the chart, so the bars keep room;
  // never narrower than the longest name (bold, so wider), which has no line to wrap onto.
  const longest = Math.max(...rows.flatMap((r) => [textPx(r.label), textPx(figuresOf(r))]))
  const names = Math.max(...rows.map((r) => Math.ceil(r.label.length * 7.6)))
  const axisWidth = Math.max(names, Math.min(longest, Math.max(96, Math.floor(width / 2)))) + 10
  return (
    <BarChart
      width={width}
      height={height}
      accessibilityLayer={false}
      data={rows}
      layout="vertical"
      margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
    >
      <CartesianGrid {...GRID_AT_TICKS} stroke="var(--grid)" strokeDasharray="3 3" horizontal={false} />
      <XAxis {...usdAxis(rows.map((r) => r.usd))} />
      <YAxis
        type="category"
        dataKey="label"
        width={axisWidth}
        interval={0}
        stroke="var(--muted)"
        tick={(props: YAxisTickContentProps) => (
          <ServiceTick x={Number(props.x)} y={Number(props.y)} value={String(props.payload?.value ?? '')} rows={rows} width={axisWidth - 10} />
        )}
      />
      <Tooltip formatter={(_v, _n, item) => [`${item.payload.amount} (${item.payload.share})`, item.payload.label]} />
      <Bar dataKey="usd" isAnimationActive={false}>
        {rows.map((r) => (
          <Cell key={r.id} fill={serviceColor(r.id)} />
        ))}
      </Bar>
    </BarChart>
  )
}

/**
 * This month's bill by service (AWS Lambda, CloudWatch Logs, API Gateway / ALB, data
 * transfer out), each bar the sum of its service's rounded lines, so the bars add up to
 * the total; labelled with the amount and its share of the bill.
 */
function ServiceSplit({ estimate, services }: { estimate: Estimate; services: ServiceTotal[] }) {
  const rows: ServiceRow[] = services.map((s) => ({
    id: s.id,
    label: s.label,
    amount: formatCentsExact(s.cents),
    share: `${s.percent} %`,
    usd: Number(s.cents) / 100,
  }))
  const lambda = services.find((s) => s.id === 'lambda')
  const note = (
    <>
      This month&rsquo;s bill by service
      {lambda ? (
        <>
          : AWS Lambda itself is <strong>{lambda.percent} %</strong> of it
        </>
      ) : null}
      .
    </>
  )
  return (
    <ChartFigure id="split" title="Where the money goes" note={note}>
      {/* Room for every label, on three lines each where a narrow column may need them, and the axis. */}
      <ChartBox short minHeightPx={rows.length * ((rows.some((r) => textPx(figuresOf(r)) > NARROW_AXIS_PX) ? 3 : 2) * LINE_PX + 8) + 38}>
        <ServiceBars rows={rows} />
      </ChartBox>
      <div className="visually-hidden">
        <table>
          <caption>This month&rsquo;s bill by service</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Amount</th>
              <th scope="col">Share of the bill</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-service={r.id}>
                <th scope="row">{r.label}</th>
                <td>{r.amount}</td>
                <td>{r.share}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>{formatCentsExact(services.reduce((sum, s) => sum + s.cents, 0n))}</td>
              <td>100 %</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </ChartFigure>
  )
}

/**
 * Where this month's money goes: by service when the bill has more than
 * Lambda's own lines, by line when it is Lambda's alone.
 */
export const SplitChart = memo(function SplitChart({ estimate }: { estimate: Estimate }) {
  const services = billByService(estimate, shownLines(estimate))
  if (services.length > 1) return <ServiceSplit estimate={estimate} services={services} />
  return <LineSplit estimate={estimate} />
})

/** This month's bill by line, as bars. */
function LineSplit({ estimate }: { estimate: Estimate }) {
  // The lines the bill shows: none of a meter nothing uses (a Lambda@Edge function's regional requests).
  const lines = shownLines(estimate)
  const rows = lines.map((l) => ({
    label: shortLabel(l, lines),
    fullLabel: keepUnitsWhole(l.label),
    usd: l.cents / 100,
    lineUsd: l.usd,
    exactUsd: l.exactUsd,
    kind: l.kind,
  }))
  const title = 'Where the money goes'
  if (estimate.lines.every((l) => l.cents === 0)) {
    return (
      <ChartFigure id="split" title={title} note={<>This month&rsquo;s bill by line.</>}>
        <ChartEmpty>Nothing to split: every line of this month&rsquo;s bill is $0.00.</ChartEmpty>
      </ChartFigure>
    )
  }
  return (
    <ChartFigure id="split" title={title} note={<>This month&rsquo;s bill by line.</>}>
      <ChartBox short>
        <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid {...GRID_AT_TICKS} stroke="var(--grid)" strokeDasharray="3 3" horizontal={false} />
          <XAxis {...usdAxis(rows.map((r) => r.usd))} />
          <YAxis type="category" dataKey="label" width={130} stroke="var(--muted)" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(_v, _n, item) => [formatLineAmount(item.payload.lineUsd, item.payload.exactUsd), item.payload.fullLabel]} />
          <Bar dataKey="usd" isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.fullLabel} fill={colorOf(r.kind)} />
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
}
