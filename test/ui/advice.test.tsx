import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ResultPanel } from '../../src/ui/result'
import { defaultFunction } from '../../src/state/store'
import { INITIAL_VIEW, usageView } from '../../src/ui/usage/usage-view'
import { renderWithStore } from './render'

afterEach(() => usageView.set(INITIAL_VIEW))

describe('advice under the total', () => {
  it('one line each, the largest saving first, with the saving in dollars', async () => {
    // 512 MB, 1 s, 3M requests in us-east-1 with the free tier: $18.73.
    // arm64: 1,100,000 GB-s x 0.0000133334 = $14.67 + $0.40 = $15.07, $3.66 less;
    // ap-southeast-5: 1,100,000 x 0.000015 = $16.50 + 2M x 0.00000018 = $0.36, $16.86: $1.87 less.
    renderWithStore(<ResultPanel />, { sheet: 'aws-current', functions: [defaultFunction({})] })
    expect(screen.getByTestId('monthly-total')).toHaveTextContent('$18.73')
    const list = await screen.findByRole('list', { name: 'Ways to pay less' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'On arm64 (Graviton), if its code runs there: $3.66 less.',
      'In Asia Pacific (Malaysia), ap-southeast-5, the cheapest region that prices all of this: $1.87 less.',
    ])
  })

  it('follows each edit, and says nothing when nothing applies', async () => {
    const { store } = renderWithStore(<ResultPanel />, { sheet: 'aws-current', functions: [defaultFunction({})] })
    await screen.findByRole('list', { name: 'Ways to pay less' })
    const id = store.getState().functions[0]!.id
    act(() => store.getState().updateFunction(id, { architecture: 'arm64' }))
    act(() => store.getState().setRegion('ap-southeast-5'))
    // arm64 in the cheapest region: nothing left to advise.
    await expect.poll(() => screen.queryByRole('list', { name: 'Ways to pay less' })).toBeNull()
  })

  it('uses the power-tuning measurements of the usage panel for memory advice', async () => {
    // 1,024 MB, 1 s, 10M requests, no free tier: $166.67 + $2.00 = $168.67.
    // Measured 2,048 MB at 400 ms: 8,000,000 GB-s x 0.0000166667 = $133.33 + $2.00 = $135.33: $33.34 less.
    renderWithStore(<ResultPanel />, {
      sheet: 'aws-current',
      freeTier: false,
      functions: [defaultFunction({ memoryMb: '1024', durationMs: '1000', requests: '10000000', architecture: 'arm64' })],
    })
    act(() => usageView.set({ powerTuning: { points: [{ memoryMb: 2048, durationMs: 400 }] } }))
    // On arm64 already: 10M GB-s x 0.0000133334 = $133.33 + $2.00 = $135.33; at 2,048 MB, 400 ms:
    // 8,000,000 x 0.0000133334 = 106.6672 -> $106.67 + $2.00 = $108.67: $26.66 less.
    const list = await screen.findByRole('list', { name: 'Ways to pay less' })
    await expect.poll(() => list.textContent).toContain('At 2,048 MB, where power tuning measured 400 ms a call: $26.66 less.')
  })

  it('is not in the docs widget’s compact result', async () => {
    renderWithStore(<ResultPanel compact />, { sheet: 'aws-current', functions: [defaultFunction({})] })
    await screen.findByTestId('comparison')
    expect(screen.queryByRole('list', { name: 'Ways to pay less' })).toBeNull()
  })
})
