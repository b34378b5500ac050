import { ResponsiveContainer } from 'recharts'
import type { ReactElement, ReactNode } from 'react'
import type { CostPoint } from '../../engine/index'
import { formatCents } from '../format'
import { formatCentsExact } from '../money'

/**
 * A curve's cents as money, exact at any size: past 2^53 cents a point also
 * carries its figures as bigint, and those are shown.
 */
function curveCents(cents: number, exact: bigint | undefined): string {
  return exact !== undefined ? formatCentsExact(exact) : formatCents(cents)
}

/** A point's monthly total as money, exact at any size. */
export function pointTotal(p: CostPoint): string {
  return curveCents(p.totalCents, p.exactCents?.total)
}

/** A part of the bill a cost curve shows separately, with its colour. */
export interface Part {
  id: 'requests' | 'compute' | 'storage' | 'provisioned' | 'snapstart' | 'edge' | 'streaming'
  label: string
  color: string
  cents: (p: CostPoint) => number
  /** The point's exact cents for this part, when it carries them (past 2^53 cents). */
  exact: (p: CostPoint) => bigint | undefined
}

/** The parts of a bill, bottom to top. */
export const PARTS: readonly Part[] = [
  { id: 'requests', label: 'Requests', color: 'var(--c-requests)', cents: (p) => p.requestsCents, exact: (p) => p.exactCents?.requests },
  { id: 'compute', label: 'Compute', color: 'var(--c-compute)', cents: (p) => p.computeCents, exact: (p) => p.exactCents?.compute },
  { id: 'storage', label: 'Ephemeral storage', color: 'var(--c-storage)', cents: (p) => p.storageCents, exact: (p) => p.exactCents?.storage },
  {
    id: 'provisioned',
    label: 'Provisioned concurrency',
    color: 'var(--c-provisioned)',
    cents: (p) => p.provisionedCents,
    exact: (p) => p.exactCents?.provisioned,
  },
  { id: 'snapstart', label: 'SnapStart', color: 'var(--c-snapstart)', cents: (p) => p.snapStartCents, exact: (p) => p.exactCents?.snapStart },
  { id: 'edge', label: 'Lambda@Edge', color: 'var(--c-edge)', cents: (p) => p.edgeCents, exact: (p) => p.exactCents?.edge },
  {
    id: 'streaming',
    label: 'Response streaming',
    color: 'var(--c-streaming)',
    cents: (p) => p.streamingCents,
    exact: (p) => p.exactCents?.streaming,
  },
]

/** The parts that cost something somewhere on the curve: a $0 part is not drawn, listed or tabled. */
export function partsIn(points: readonly CostPoint[]): Part[] {
  return PARTS.filter((part) => points.some((p) => part.cents(p) > 0))
}

/** A chart with its title, a note on how to read it, and a stable test id. */
export function ChartFigure({ id, title, note, children }: { id: string; title: string; note: ReactNode; children: ReactNode }) {
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

/** What a chart says in place of a drawing when there is nothing to draw. */
export function ChartEmpty({ children }: { children: ReactNode }) {
  return (
    <p className="chart-empty" data-testid="chart-empty">
      {children}
    </p>
  )
}

/** Room around a plot for its axis labels. */
export const PLOT_MARGIN = { top: 10, right: 16, bottom: 24, left: 8 }

/**
 * The drawing itself, hidden from assistive technology: each chart says what
 * it shows in a table beside it.
 */
export function ChartBox({ short = false, children }: { short?: boolean; children: ReactElement }) {
  return (
    <div className={short ? 'chart-box chart-box-short' : 'chart-box'} aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  )
}

export function Legend({ parts, extra }: { parts: readonly Part[]; extra?: ReactNode }) {
  return (
    <ul className="legend" aria-hidden="true">
      {parts.map((p) => (
        <li key={p.id}>
          <span className={`swatch swatch-${p.id}`} />
          {p.label}
        </li>
      ))}
      {extra}
    </ul>
  )
}

/** A point's parts and total, for a tooltip. */
export function CostTooltip({
  active,
  payload,
  xLabel,
  parts,
}: {
  active?: boolean
  payload?: { payload: { point: CostPoint } }[]
  xLabel: (x: number) => string
  parts: readonly Part[]
}) {
  const point = payload?.[0]?.payload.point
  if (!active || !point) return null
  return (
    <div className="chart-tooltip">
      <p className="tooltip-title">{xLabel(point.x)}</p>
      {parts
        .filter((part) => part.cents(point) > 0)
        .map((part) => (
          <p key={part.id}>
            {part.label}: {curveCents(part.cents(point), part.exact(point))}
          </p>
        ))}
      <p className="tooltip-total">Total: {pointTotal(point)} / month</p>
    </div>
  )
}

/** A curve's figures as a table, behind a disclosure. */
export function DataTable({
  caption,
  xHeader,
  points,
  parts,
  xFormat,
  current,
}: {
  caption: string
  xHeader: string
  points: readonly CostPoint[]
  parts: readonly Part[]
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
            {parts.map((part) => (
              <th key={part.id} scope="col" className="num">
                {part.label}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.x} className={p.x === current ? 'current-row' : undefined}>
              <th scope="row">
                {xFormat(p.x)}
                {p.x === current ? ' (now)' : ''}
              </th>
              {parts.map((part) => (
                <td key={part.id} className="num">
                  {curveCents(part.cents(p), part.exact(p))}
                </td>
              ))}
              <td className="num">{pointTotal(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
