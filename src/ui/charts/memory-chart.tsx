import { memo, useId, useMemo } from 'react'
import { Area, AreaChart, CartesianGrid, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { ONE_VCPU_MEMORY_MB, type CostPoint, type EstimateInput } from '../../engine/index'
import { formatNumber, formatSmallUsd } from '../format'
import { cheapestAndFastest, measuredCurve, modelledCurve, NEAR_CHEAPEST_PERCENT, type MemoryPoint } from '../usage/memory-curve'
import { usageView, useUsageView, type MemoryModel } from '../usage/usage-view'
import {
  pointTotal,
  ChartBox,
  ChartEmpty,
  Later,
  ChartFigure,
  ChartTable,
  CostTooltip,
  DataTable,
  partsIn,
  PLOT_MARGIN,
  GRID_AT_TICKS,
} from './chart-frame'
import { evenTicks, everyNth, formatAxisUsd, memoryTicks } from './chart-helpers'
import '../usage/usage.css'

type Curve =
  | { kind: 'measured'; points: MemoryPoint[]; skipped: { memoryMb: number; reason: string }[] }
  | { kind: 'model'; points: readonly CostPoint[] | MemoryPoint[] }

/** The share of the duration that is CPU-bound, and whether the code uses several threads. */
function ModelControls({ model, disabled }: { model: MemoryModel; disabled: boolean }) {
  const id = useId()
  const set = (patch: Partial<MemoryModel>) => usageView.set({ model: { ...usageView.get().model, ...patch } })
  const setPercent = (text: string) => {
    const v = Number(text)
    if (text.trim() !== '' && Number.isFinite(v)) set({ cpuBoundPercent: Math.min(100, Math.max(0, Math.round(v))) })
  }
  return (
    <fieldset className="memory-model" disabled={disabled}>
      <legend>Duration model{disabled ? ' (measurements win)' : ''}</legend>
      <div className="memory-model-row">
        <label htmlFor={`${id}-cpu`}>CPU-bound share of the duration (%)</label>
        <input
          id={`${id}-cpu-range`}
          type="range"
          className="slider"
          min={0}
          max={100}
          step={5}
          value={model.cpuBoundPercent}
          aria-label="CPU-bound share of the duration (%), slider"
          onChange={(e) => setPercent(e.target.value)}
        />
        <input
          id={`${id}-cpu`}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={model.cpuBoundPercent}
          onChange={(e) => setPercent(e.target.value)}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={model.multiThreaded} onChange={(e) => set({ multiThreaded: e.target.checked })} />
        Multi-threaded code (gains from more than one vCPU above {formatNumber(ONE_VCPU_MEMORY_MB)} MB)
      </label>
    </fieldset>
  )
}

/**
 * Cost against memory size for the first function: at the durations power
 * tuning measured when there are measurements, else along the user's model of
 * how duration follows the vCPU share (0 % CPU-bound holds it fixed).
 */
export const MemoryChart = memo(function MemoryChart({
  points,
  current,
  durationMs,
  input,
}: {
  points: readonly CostPoint[]
  current: CostPoint
  durationMs: number
  /** The settled input the other charts draw: never the live one, which changes on every keystroke. */
  input: EstimateInput
}) {
  const powerTuning = useUsageView((s) => s.powerTuning)
  const model = useUsageView((s) => s.model)
  const curve = useMemo((): Curve => {
    if (powerTuning && input) {
      const m = measuredCurve(input, powerTuning)
      if (m.points.length > 0) return { kind: 'measured', ...m }
    }
    if (model.cpuBoundPercent > 0 && input)
      return {
        kind: 'model',
        points: modelledCurve(
          input,
          points.map((p) => p.x),
          model,
        ),
      }
    return { kind: 'model', points }
  }, [powerTuning, model, input, points])

  const shown = curve.points
  const parts = partsIn(shown)
  const xLabel = (x: number) => `${formatNumber(x)} MB`
  const title = 'Monthly cost vs memory'
  const measured = curve.kind === 'measured'
  const controls = <ModelControls model={model} disabled={measured} />
  const modelNote =
    model.cpuBoundPercent === 0
      ? `Model: 0 % CPU-bound, so the duration is held at ${formatNumber(durationMs)} ms at every size and the smallest memory looks cheapest. If your code computes rather than waits, raise the CPU-bound share, or paste power-tuning measurements under Import usage.`
      : `Model, not a measurement: ${model.cpuBoundPercent} % of the ${formatNumber(durationMs)} ms is CPU-bound and scales with the vCPU share (one vCPU at ${formatNumber(ONE_VCPU_MEMORY_MB)} MB${model.multiThreaded ? ', up to 6 at 10,240 MB for multi-threaded code' : ', no gain above for single-threaded code'}); the rest is held fixed. Measurements replace it.`
  if (shown.length === 0 || shown.every((p) => p.totalCents === 0)) {
    return (
      <ChartFigure id="memory" title={title} note={measured ? 'Measured by power tuning.' : modelNote}>
        <ChartEmpty>Nothing to draw: this workload costs $0.00 a month at every memory size.</ChartEmpty>
        {controls}
      </ChartFigure>
    )
  }
  const marks = measured ? cheapestAndFastest(curve.points) : null
  const rows = shown.map((p) => ({ x: p.x, point: p, totalUsd: p.totalCents / 100 }))
  // The axis fits the whole curve (and the current size's dot), in even steps: nothing drawn runs off the top.
  const yTicks = evenTicks([...rows.map((r) => r.totalUsd), ...(measured ? [] : [current.totalCents / 100])])
  const first = shown[0]!.x
  const last = shown.at(-1)!.x
  const sameMark = marks && marks.cheapest.x === marks.fastest.x
  const note = measured ? (
    <>
      Measured by power tuning: each size priced for a whole month of function 1 at its measured duration, with requests, tiers, the free tier and
      cold starts. Cheapest: {formatNumber(marks!.cheapest.x)} MB ({pointTotal(marks!.cheapest)}).{' '}
      {sameMark
        ? `It is also the fastest within ${NEAR_CHEAPEST_PERCENT} % of that cost.`
        : `Fastest within ${NEAR_CHEAPEST_PERCENT} % of that cost: ${formatNumber(marks!.fastest.x)} MB (${formatNumber(marks!.fastest.durationMs)} ms, ${pointTotal(marks!.fastest)}).`}
      {curve.skipped.length > 0 ? ` Not drawn: ${curve.skipped.map((s) => `${formatNumber(s.memoryMb)} MB (${s.reason})`).join('; ')}` : ''}
    </>
  ) : (
    modelNote
  )
  const currentInRange = current.x >= first && current.x <= last
  // "now" sits inside the plot on the side of its line with more room: never out over the axis's labels.
  const nowSide = current.x > (first + last) / 2 ? 'insideTopRight' : 'insideTopLeft'
  return (
    <ChartFigure id="memory" title={title} note={note}>
      <ChartBox>
        <AreaChart accessibilityLayer={false} data={rows} margin={PLOT_MARGIN}>
          <CartesianGrid {...GRID_AT_TICKS} stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={[first, last]}
            ticks={measured ? shown.map((p) => p.x) : memoryTicks(first, last)}
            tickFormatter={formatNumber}
            interval="preserveStartEnd"
            stroke="var(--muted)"
            label={{ value: 'Memory (MB)', position: 'insideBottom', offset: -14, fill: 'var(--muted)' }}
          />
          <YAxis
            domain={[0, yTicks.at(-1)!]}
            ticks={yTicks}
            interval={0}
            tickFormatter={formatAxisUsd}
            stroke="var(--muted)"
            width={64}
            label={{ value: 'USD / month', angle: -90, position: 'insideLeft', fill: 'var(--muted)' }}
          />
          {/* An area without fill (a shaded band under a total explains nothing), not a recharts Line: a Line measures its path's length on every render. */}
          <Area
            type="linear"
            dataKey="totalUsd"
            name="Total"
            stroke="var(--c-compute)"
            strokeWidth={2}
            strokeDasharray={measured ? undefined : model.cpuBoundPercent > 0 ? '6 3' : undefined}
            fill="none"
            dot={measured ? { r: 3, fill: 'var(--c-compute)' } : false}
            isAnimationActive={false}
          />
          <Later>
            <Tooltip content={<CostTooltip xLabel={xLabel} parts={parts} />} />
            {currentInRange ? (
              <ReferenceLine x={current.x} stroke="var(--accent)" label={{ value: 'now', fill: 'var(--accent)', position: nowSide }} />
            ) : null}
            {!measured ? <ReferenceDot x={current.x} y={current.totalCents / 100} r={5} fill="var(--accent)" stroke="var(--surface)" /> : null}
            {marks ? (
              <ReferenceDot x={marks.cheapest.x} y={marks.cheapest.totalCents / 100} r={6} fill="var(--c-storage)" stroke="var(--surface)" />
            ) : null}
            {marks && !sameMark ? (
              <ReferenceDot x={marks.fastest.x} y={marks.fastest.totalCents / 100} r={6} fill="var(--c-requests)" stroke="var(--surface)" />
            ) : null}
          </Later>
        </AreaChart>
      </ChartBox>
      {marks ? (
        <ul className="legend" aria-hidden="true">
          <li>
            <span className="swatch swatch-storage" />
            cheapest
          </li>
          {sameMark ? null : (
            <li>
              <span className="swatch swatch-requests" />
              fastest within {NEAR_CHEAPEST_PERCENT} % of the cheapest
            </li>
          )}
        </ul>
      ) : null}
      {measured ? (
        <MeasuredTable points={curve.points} marks={marks!} />
      ) : (
        <DataTable
          caption={
            model.cpuBoundPercent === 0 ? 'Monthly cost by memory size, duration held fixed' : 'Monthly cost by memory size, modelled duration'
          }
          xHeader="Memory"
          points={everyNth(shown, 12, current.x)}
          parts={parts}
          xFormat={(x) => `${formatNumber(x)} MB`}
          current={current.x}
        />
      )}
      {controls}
    </ChartFigure>
  )
})

/** The measured sizes, what they cost here for the month, and what power tuning reported per invocation. */
function MeasuredTable({ points, marks }: { points: MemoryPoint[]; marks: { cheapest: MemoryPoint; fastest: MemoryPoint } }) {
  return (
    <ChartTable open>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Measured sizes, scrollable">
        <table>
          <caption>Measured sizes: the month here against power tuning&rsquo;s cost per invocation (compute only)</caption>
          <thead>
            <tr>
              <th scope="col">Memory</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col" className="num">
                Month
              </th>
              <th scope="col" className="num">
                Per request here
              </th>
              <th scope="col" className="num">
                Power tuning per invocation
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.x} className={p === marks.cheapest || p === marks.fastest ? 'current-row' : undefined}>
                <th scope="row">
                  {formatNumber(p.x)} MB{p === marks.cheapest ? ' (cheapest)' : p === marks.fastest ? ' (fastest near cheapest)' : ''}
                </th>
                <td className="num">{formatNumber(p.durationMs)} ms</td>
                <td className="num">{pointTotal(p)}</td>
                <td className="num">{p.usdPerRequest === null ? '\u2014' : formatSmallUsd(String(p.usdPerRequest))}</td>
                <td className="num">{p.reportedUsd === undefined ? '\u2014' : formatSmallUsd(String(p.reportedUsd))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartTable>
  )
}
