import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { costByMemory, type EstimateInput } from '../../../src/engine/index'
import { MemoryChart } from '../../../src/ui/charts/memory-chart'
import { INITIAL_VIEW, usageView } from '../../../src/ui/usage/usage-view'
import { renderWithStore } from '../render'

afterEach(() => usageView.set(INITIAL_VIEW))

// The default function: 512 MB, 1 s, 3M requests a month, classic sheet.
const input: EstimateInput = { sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }
const series = costByMemory(input)
const chart = () => <MemoryChart points={series.points} current={series.current} durationMs={1000} input={input} />

describe('the memory chart', () => {
  it('says the duration-fixed curve is a model at 0 % CPU-bound, and lets the user raise the share', async () => {
    renderWithStore(chart())
    const figure = screen.getByTestId('chart-memory')
    expect(figure).toHaveTextContent('Model: 0 % CPU-bound, so the duration is held at 1,000 ms')
    const user = userEvent.setup()
    const share = within(figure).getByLabelText('CPU-bound share of the duration (%)')
    await user.clear(share)
    await user.type(share, '60')
    expect(usageView.get().model.cpuBoundPercent).toBe(60)
    expect(figure).toHaveTextContent('Model, not a measurement: 60 % of the 1,000 ms is CPU-bound')
    await user.click(within(figure).getByLabelText(/Multi-threaded code/))
    expect(figure).toHaveTextContent('up to 6 at 10,240 MB for multi-threaded code')
  })

  it('draws measured sizes when there are measurements, marking the cheapest and the fastest within 10 %', () => {
    renderWithStore(chart())
    act(() =>
      usageView.set({
        powerTuning: {
          points: [
            { memoryMb: 128, durationMs: 4000, costUsd: 0.0000083 },
            { memoryMb: 256, durationMs: 1900 },
            { memoryMb: 512, durationMs: 1000 },
          ],
        },
      }),
    )
    const figure = screen.getByTestId('chart-memory')
    // 3M requests: 128 MB x 4 s = 1,500,000 GB-s -> 1,100,000 billable x $0.00001667 = $18.34 (+ $0.40)
    // 256 MB x 1.9 s = 1,425,000 GB-s -> 1,025,000 x $0.00001667 = $17.09 (+ $0.40) = $17.49: the cheapest
    // 512 MB x 1 s = 1,500,000 GB-s -> $18.74: within 10 % of $17.49 ($19.24) and the fastest
    expect(figure).toHaveTextContent('Cheapest: 256 MB ($17.49)')
    expect(figure).toHaveTextContent('Fastest within 10 % of that cost: 512 MB (1,000 ms, $18.74)')
    expect(within(figure).getByRole('row', { name: /128 MB/ })).toHaveTextContent('$18.74')
    expect(within(figure).getByRole('row', { name: /128 MB/ })).toHaveTextContent('$0.0000083')
    expect(within(figure).getByRole('group', { name: /measurements win/ })).toBeDisabled()
  })
})
