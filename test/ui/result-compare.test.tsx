import { act, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ErrorBoundary } from '../../src/ui/error-boundary'
import { FunctionList } from '../../src/ui/function-list'
import { ResultPanel } from '../../src/ui/result'
import { ShareBar } from '../../src/ui/share-bar'
import { defaultFunction } from '../../src/state/store'
import { renderWithStore } from './render'

// The example: 128 MB, 250 ms, 50 requests a second in eu-west-1 with the free tier.
// 131,400,000 requests; 4,106,250 GB-s, 3,706,250 after the free tier.
// x86_64: 3,706,250 x 0.0000166667 = $61.77 + requests 130,400,000 x $0.0000002 = $26.08 -> $87.85.
// arm64:  3,706,250 x 0.0000133334 = $49.42 + $26.08 -> $75.50, 14% less.
const workload = {
  sheet: 'aws-current' as const,
  region: 'eu-west-1',
  functions: [defaultFunction({ memoryMb: '128', durationMs: '250', requests: '50', per: 'second' })],
}

describe('the same workload, other choices', () => {
  it('shows the arm64 figure beside the x86_64 total, without switching', async () => {
    renderWithStore(<ResultPanel />, workload)
    expect(screen.getByTestId('monthly-total')).toHaveTextContent('$87.85')
    const arm = await screen.findByTestId('compare-arm64')
    expect(arm).toHaveTextContent('On arm64: $75.50, 14% less')
    expect(screen.queryByTestId('compare-x86_64')).toBeNull()
    expect(screen.getByTestId('comparison')).toHaveTextContent(/Under the classic 2016 100 ms billing: \$/)
  })

  it('prices the workload in another region on request', async () => {
    renderWithStore(<ResultPanel />, workload)
    const region = await screen.findByLabelText('In region')
    fireEvent.change(region, { target: { value: 'us-east-1' } })
    // us-east-1 has the same duration and request prices as eu-west-1 (no storage billed here).
    expect(screen.getByTestId('compare-region')).toHaveTextContent('$87.85, the same')
  })

  it('pins a baseline and shows each later edit against it, per line and in total', async () => {
    const { store } = renderWithStore(<ResultPanel />, workload)
    await userEvent.click(screen.getByRole('button', { name: 'Pin as baseline' }))
    const id = store.getState().functions[0]!.id
    act(() => store.getState().updateFunction(id, { memoryMb: '256' }))
    // 8,212,500 GB-s - 400,000 = 7,812,500 x 0.0000166667 = $130.21; + $26.08 = $156.29.
    // Compute: $130.21 - $61.77 = +$68.44, 111% of $61.77; total: 78% of $87.85.
    expect(screen.getByTestId('monthly-total')).toHaveTextContent('$156.29')
    expect(screen.getByTestId('baseline')).toHaveTextContent('Against your baseline of $87.85: +$68.44 (78% more)')
    const lines = screen.getByRole('table', { name: 'Bill lines' })
    expect(within(lines).getByRole('row', { name: /^Compute \(x86_64\)/ })).toHaveTextContent('+$68.44 (111% more)')
    expect(within(lines).getByRole('row', { name: /^Requests/ })).toHaveTextContent('no change')
    await userEvent.click(screen.getByRole('button', { name: 'Clear baseline' }))
    expect(screen.queryByText(/Against your baseline/)).toBeNull()
  })
})

describe('small things that used to go wrong', () => {
  it('clears "Link copied" on the next edit', async () => {
    Object.assign(navigator, { clipboard: { writeText: () => Promise.resolve() } })
    const { store } = renderWithStore(
      <ShareBar
        shareUrl={() => 'https://calc.example/?p=current'}
        onReset={() => {}}
        embedSnippets={() => Promise.resolve({ script: '', iframe: '' })}
      />,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }))
    expect(await screen.findByText(/Link copied/)).toBeInTheDocument()
    act(() => store.getState().setFreeTier(false))
    expect(screen.queryByText(/Link copied/)).toBeNull()
  })

  it('moves focus to the next card, or to Add, when Remove is pressed', async () => {
    const { store } = renderWithStore(<FunctionList />, {
      functions: [defaultFunction({ name: 'a' }), defaultFunction({ name: 'b' }), defaultFunction({ name: 'c' })],
    })
    screen.getByRole('button', { name: 'Remove a' }).focus()
    await userEvent.keyboard('{Enter}')
    expect(store.getState().functions.map((f) => f.name)).toEqual(['b', 'c'])
    expect(document.activeElement).not.toBe(document.body)
    expect(screen.getAllByRole('region')[0]).toContainElement(document.activeElement as HTMLElement)
    screen.getByRole('button', { name: 'Remove c' }).focus()
    await userEvent.keyboard('{Enter}')
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '+ Add a function' }))
  })

  it('keeps a failing part to itself, with a Reset this part action', async () => {
    let fail = true
    function Fragile() {
      if (fail) throw new Error('boom')
      return <p>fine again</p>
    }
    const errors = console.error
    console.error = () => {}
    try {
      renderWithStore(
        <>
          <ErrorBoundary part="the charts">
            <Fragile />
          </ErrorBoundary>
          <ResultPanel />
        </>,
      )
      expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong showing the charts')
      expect(screen.getByTestId('monthly-total')).toHaveTextContent('$')
      fail = false
      await userEvent.click(screen.getByRole('button', { name: 'Reset this part' }))
      expect(screen.getByText('fine again')).toBeInTheDocument()
      expect(window.location.search).toBe('')
    } finally {
      console.error = errors
    }
  })
})
