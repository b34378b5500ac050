import type { CartesianGrid } from 'recharts'
import {
  cloneElement,
  createContext,
  startTransition,
  type ComponentProps,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from 'react'
import { COST_PARTS, type CostPart, type CostPoint } from '../../engine/index'
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
  /** The engine's part name, lower case: also the name of its colour, `--c-<id>`. */
  id: string
  label: string
  color: string
  cents: (p: CostPoint) => number
  /** The point's exact cents for this part, when it carries them (past 2^53 cents). */
  exact: (p: CostPoint) => bigint | undefined
}

/** The colour of a part: its own where the style sheet names one, else a neutral one. */
export function partColor(part: CostPart): string {
  return `var(--c-${part.toLowerCase()}, var(--muted))`
}

/** The parts of a bill, bottom to top, as the engine lists them. */
export const PARTS: readonly Part[] = COST_PARTS.map(({ id, label }) => ({
  id: id.toLowerCase(),
  label,
  color: partColor(id),
  cents: (p) => p[`${id}Cents`],
  exact: (p) => p.exactCents?.[id],
}))

/** The parts that cost something somewhere on the curve: a $0 part is not drawn, listed or tabled. */
export function partsIn(points: readonly CostPoint[]): Part[] {
  return PARTS.filter((part) => points.some((p) => part.cents(p) > 0))
}

/** The title of the chart being drawn, for the parts inside it that name it. */
const ChartTitle = createContext('')

/** A chart with its title, a note on how to read it, and a stable test id. */
export function ChartFigure({ id, title, note, children }: { id: string; title: string; note: ReactNode; children: ReactNode }) {
  return (
    <figure className="chart" data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <figcaption id={`chart-${id}-title`}>
        <h3>{title}</h3>
        <p className="chart-note">{note}</p>
      </figcaption>
      <ChartTitle.Provider value={title}>{children}</ChartTitle.Provider>
    </figure>
  )
}

/**
 * A chart's figures behind its one disclosure, "Show as a table": every chart
 * uses this one, so no chart grows a second. Its name says which chart it
 * belongs to ("Show as a table: Monthly cost vs memory"), as a page of
 * several charts otherwise lists the same control several times.
 */
export function ChartTable({ open, children }: { open?: boolean; children: ReactNode }) {
  const chart = useContext(ChartTitle)
  return (
    <details className="chart-table" open={open}>
      <summary>
        Show as a table
        {chart ? <span className="visually-hidden">: {chart}</span> : null}
      </summary>
      {children}
    </details>
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
type GridProps = ComponentProps<typeof CartesianGrid>
type VerticalCoordinatesGenerator = NonNullable<GridProps['verticalCoordinatesGenerator']>
type HorizontalCoordinatesGenerator = NonNullable<GridProps['horizontalCoordinatesGenerator']>
type GridAxis = Parameters<VerticalCoordinatesGenerator>[0]['xAxis']

/** Where an axis' ticks fall, in pixels: its given ticks, or the ones it chose. */
function tickCoordinates(axis: GridAxis, from: number, to: number): number[] {
  const scale = axis?.scale
  // The plot's edges are drawn too, as recharts draws them.
  const out: number[] = [from, to]
  if (!scale) return out
  for (const tick of axis.ticks ?? axis.niceTicks ?? []) {
    const at = scale.map(tick)
    if (typeof at === 'number' && Number.isFinite(at) && at !== from && at !== to) out.push(at)
  }
  return out
}

/**
 * Grid lines at the axes' ticks. Recharts' own placement first lays each tick
 * label out in the page to measure it (one forced layout per label, tens of
 * milliseconds on a long page) only to thin out labels the grid does not draw.
 */
export const GRID_AT_TICKS: {
  verticalCoordinatesGenerator: VerticalCoordinatesGenerator
  horizontalCoordinatesGenerator: HorizontalCoordinatesGenerator
} = {
  verticalCoordinatesGenerator: ({ xAxis, offset }) => tickCoordinates(xAxis, offset.left, offset.left + offset.width),
  horizontalCoordinatesGenerator: ({ yAxis, offset }) => tickCoordinates(yAxis, offset.top, offset.top + offset.height),
}

/**
 * Recharts measures tick labels in a span it looks up by this id (and makes in
 * <body> when missing). Each measurement lays the page out again: with ten
 * functions on it, a chart's first drawing spent tens of milliseconds there.
 * Made here first, inside a box of fixed size with `contain: strict` (see
 * `.text-measure` in styles.css), each measurement lays out that box alone.
 */
const MEASUREMENT_SPAN_ID = 'recharts_measurement_span'

function isolateTextMeasurement(): void {
  if (typeof document === 'undefined' || !document.body || document.getElementById(MEASUREMENT_SPAN_ID)) return
  const box = document.createElement('div')
  box.className = 'text-measure'
  box.setAttribute('aria-hidden', 'true')
  const span = document.createElement('span')
  span.id = MEASUREMENT_SPAN_ID
  box.append(span)
  document.body.append(box)
}

export const PLOT_MARGIN = { top: 10, right: 16, bottom: 24, left: 8 }

/**
 * The drawing itself, hidden from assistive technology: each chart says what
 * it shows in a table beside it.
 */
export function ChartBox({
  short = false,
  minHeightPx,
  children,
}: {
  short?: boolean
  /** At least this tall, px, where what the chart draws needs more than the style sheet's height. */
  minHeightPx?: number
  children: ReactElement<{ width?: number; height?: number }>
}) {
  const box = useRef<HTMLDivElement>(null)
  const [turn, setMeasured] = useDrawnInTurn()
  const size = useBoxSize(box, turn)
  const drawn = turn && size !== undefined && size !== null
  if (drawn) isolateTextMeasurement()
  useEffect(() => {
    if (size !== undefined) setMeasured()
  }, [size, setMeasured])
  return (
    <div
      ref={box}
      className={short ? 'chart-box chart-box-short' : 'chart-box'}
      style={minHeightPx ? { minHeight: `${minHeightPx}px` } : undefined}
      aria-hidden="true"
      data-drawn={drawn ? 'true' : undefined}
    >
      {drawn ? cloneElement(children, size) : null}
    </div>
  )
}

/**
 * Parts of a chart drawn in a commit after the rest (the tooltip, the marks on
 * the curve): recharts registers each part of a chart in its store as it
 * mounts and updates the chart synchronously for each, so a chart mounted in
 * two halves blocks the main thread for two shorter tasks instead of one long one.
 */
export function Later({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!shown) startTransition(() => setShown(true))
  }, [shown])
  return shown ? children : null
}

type BoxSize = { width: number; height: number }

/**
 * The box's size in whole pixels once `watch` is true, then as it changes:
 * undefined until it has been measured, null while the box has no area (a
 * closed disclosure) or cannot be measured.
 *
 * The chart is sized from here rather than by recharts' ResponsiveContainer,
 * whose measurement starts the drawing in an update React cannot split: set
 * in a transition, a chart's first drawing yields to input and to other tasks
 * as React renders it.
 */
function useBoxSize(box: RefObject<HTMLDivElement | null>, watch: boolean): BoxSize | null | undefined {
  const [size, setSize] = useState<BoxSize | null | undefined>(undefined)
  useEffect(() => {
    const el = box.current
    if (!watch || !el) return
    if (typeof ResizeObserver !== 'function') {
      setSize(null)
      return
    }
    const measured = (rect: { width: number; height: number }) => {
      const width = Math.floor(rect.width)
      const height = Math.floor(rect.height)
      const next = width > 0 && height > 0 ? { width, height } : null
      startTransition(() => setSize((was) => (was && next && was.width === next.width && was.height === next.height ? was : next)))
    }
    const observer = new ResizeObserver(([entry]) => {
      if (entry) measured(entry.contentRect)
    })
    // Measured now as well: a browser that is not rendering the page (a docs widget's frame
    // out of view, a background tab) delivers no ResizeObserver callback until it renders again.
    measured(el.getBoundingClientRect())
    observer.observe(el)
    return () => observer.disconnect()
  }, [box, watch])
  return size
}

/** Charts waiting for their first drawing, in the order they mounted: each starts its drawing, or says it has gone. */
const waiting: (() => boolean)[] = []
/** A chart's first drawing is under way: the next waits for it to commit. */
let drawing = false

/** Starts the next waiting chart's first drawing, if any. */
function drawNext(): void {
  drawing = false
  while (waiting.length > 0) {
    if (waiting.shift()!()) {
      drawing = true
      return
    }
  }
}

/** One chart's first drawing is done (or will not happen): the next one starts in a task of its own. */
function drawDone(): void {
  setTimeout(drawNext, 0)
}

/**
 * False until this chart's turn to be drawn for the first time: each chart's
 * first drawing (with recharts' own synchronous updates) runs in tasks of its
 * own, the next starting only once the one before has committed, so a page
 * with several charts and many functions never blocks the main thread for two
 * of them at once. The box keeps its height meanwhile.
 *
 * The second value is called once the chart has committed its drawing (or
 * found it has nothing to draw): the next chart's turn.
 */
function useDrawnInTurn(): [turn: boolean, done: () => void] {
  const [turn, setTurn] = useState(false)
  /** 'waiting' for its turn, 'drawing' in it, 'done' (the next chart's turn has been given). */
  const phase = useRef<'waiting' | 'drawing' | 'done'>('waiting')
  const [done] = useState(() => () => {
    if (phase.current !== 'drawing') return
    phase.current = 'done'
    drawDone()
  })
  useEffect(() => {
    if (turn) return
    let live = true
    waiting.push(() => {
      if (!live) return false
      phase.current = 'drawing'
      startTransition(() => setTurn(true))
      return true
    })
    if (!drawing) {
      drawing = true
      setTimeout(drawNext, 0)
    }
    return () => {
      live = false
    }
  }, [turn])
  // A chart that goes while drawing hands the turn on.
  useEffect(() => done, [done])
  return [turn, done]
}

export function Legend({ parts, extra }: { parts: readonly Part[]; extra?: ReactNode }) {
  return (
    <ul className="legend" aria-hidden="true">
      {parts.map((p) => (
        <li key={p.id}>
          <span className={`swatch swatch-${p.id}`} style={{ background: p.color }} />
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
    <ChartTable>
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
    </ChartTable>
  )
}
