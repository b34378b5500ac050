import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { costByMemory, costByRequests, type EstimateInput } from '../../../src/engine/index'
import HistogramChart from '../../../src/ui/charts/histogram-chart'
import { MemoryChart } from '../../../src/ui/charts/memory-chart'
import { RequestsChart } from '../../../src/ui/charts/requests-chart'
import { INITIAL_VIEW, usageView } from '../../../src/ui/usage/usage-view'

// recharts' ResponsiveContainer measures its box; jsdom has no ResizeObserver and draws nothing anyway.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
beforeEach(() => {
  globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver
})

const INPUT: EstimateInput = { sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 120, requests: 3_000_000 }] }

describe('each chart has one table control, named for its chart', () => {
  const tableControls = () => [...document.querySelectorAll('summary')].map((s) => s.textContent)
  afterEach(() => usageView.set(INITIAL_VIEW))

  it('the memory chart, modelled or measured: one "Show as a table", named for the chart', () => {
    const series = costByMemory(INPUT, { stepMb: 128 })
    const chart = <MemoryChart points={series.points} current={series.current} durationMs={120} input={INPUT} />
    const { rerender } = render(chart)
    expect(tableControls()).toEqual(['Show as a table: Monthly cost vs memory'])
    act(() =>
      usageView.set({
        powerTuning: {
          points: [
            { memoryMb: 128, durationMs: 300 },
            { memoryMb: 512, durationMs: 100 },
            { memoryMb: 1024, durationMs: 60 },
          ],
        },
      }),
    )
    rerender(chart)
    expect(screen.getByTestId('chart-memory')).toHaveTextContent('Measured by power tuning')
    expect(tableControls()).toEqual(['Show as a table: Monthly cost vs memory'])
  })

  it('the requests chart: one, named for it, so two charts on a page do not offer the same control twice', () => {
    const series = costByRequests(INPUT, { points: 40 })
    render(<RequestsChart points={series.points} current={series.current} freeTier />)
    expect(tableControls()).toEqual(['Show as a table: Monthly cost vs monthly requests'])
  })

  it('the histogram: one, named for it', () => {
    render(
      <HistogramChart
        granularityMs={1}
        histogram={{
          binMs: 10,
          bins: [
            { fromMs: 0, toMs: 10, count: 3 },
            { fromMs: 10, toMs: 20, count: 1 },
          ],
        }}
      />,
    )
    expect(tableControls()).toEqual(['Show as a table: Durations of the logged invocations'])
  })
})
