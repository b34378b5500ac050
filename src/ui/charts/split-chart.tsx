import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts'
import { PART_OF_KIND, type BillLine, type Estimate } from '../../engine/index'
import { formatCompactUsd, formatLineAmount, keepUnitsWhole } from '../format'
import { shownLines } from '../shown-lines'
import { ChartBox, ChartEmpty, ChartFigure, partColor, GRID_AT_TICKS } from './chart-frame'

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

/** This month's bill by line, as bars. */
export const SplitChart = memo(function SplitChart({ estimate }: { estimate: Estimate }) {
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
          <XAxis type="number" tickFormatter={formatCompactUsd} stroke="var(--muted)" />
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
})
