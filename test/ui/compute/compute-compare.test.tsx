import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { inputsOf } from '../../../src/state/store'
import { decode, encode } from '../../../src/state/url-codec'
import { ComputeComparePanel } from '../../../src/ui/compute/compute-compare'
import { renderWithStore } from '../render'

// recharts' ResponsiveContainer measures its box; jsdom has no ResizeObserver and draws nothing anyway.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
beforeEach(() => {
  globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver
})

// 1,024 MB, 200 ms, 1M requests a month, no free tier, us-east-1 (pricing-next.md 6.1 and 6.3):
// Fargate 0.5 vCPU / 1 GB x86 is 730 x (0.5 x $0.04048 + $0.004445) = $18.02005 a month; with
// 2 vCPU / 4 GB arm, 730 x (2 x $0.03238 + 4 x $0.00356) = 730 x $0.0790 = $57.67.
const rowCost = (id: string) => document.querySelector(`tr[data-way="${id}"] td.num`)?.textContent

describe('the ways-to-run-it panel', () => {
  it('is closed until asked, and then prices each way at the current rate with the crossings in words', async () => {
    const { store } = renderWithStore(<ComputeComparePanel />, decode('v=2&p=current&m=1024&d=200&r=1e6&ft=0').inputs)
    expect(document.querySelector('tr')).toBeNull()
    const summary = screen.getByText('Compare ways to run it', { selector: 'summary' })
    const details = summary.closest('details')!
    act(() => {
      details.open = true
      fireEvent(details, new Event('toggle'))
    })
    expect(store.getState().compare?.cmp).toBe('1')
    await waitFor(() => expect(rowCost('fargate')).toBe('$18.02'), { timeout: 30_000 })
    expect(rowCost('lambda-on-demand')).toBe('$3.53')
    expect(rowCost('ec2')).toBe('$52.93')
    expect(
      screen.getByText(/Fargate 0.5 vCPU \/ 1 GB \(x86_64\) becomes cheaper than Lambda on demand above 1.9 requests a second, 5.1M a month/),
    ).toBeTruthy()
    expect(screen.getByText(/Containers are sized here for the average rate/)).toBeTruthy()
  })

  it('a link reproduces the view: the settings, and the figures they give', async () => {
    const link = 'v=2&p=current&m=1024&d=200&r=1e6&ft=0&cmp=1&xv=2&xg=4&xa=arm&xc=2'
    const { store } = renderWithStore(<ComputeComparePanel />, decode(link).inputs)
    await waitFor(() => expect(rowCost('fargate')).toBe('$57.67'), { timeout: 30_000 })
    const panel = screen.getByTestId('compare-panel')
    expect((within(panel).getByLabelText('Fargate task vCPU') as HTMLSelectElement).value).toBe('2')
    expect((within(panel).getByLabelText('Fargate architecture') as HTMLSelectElement).value).toBe('arm')
    expect((within(panel).getByLabelText('Requests one task or instance serves at once') as HTMLInputElement).value).toBe('2')
    // The same keys, in the order a link writes them.
    expect(encode(inputsOf(store.getState()))).toBe('v=2&p=current&ft=0&cmp=1&xv=2&xg=4&xa=arm&xc=2&m=1024&d=200&r=1e6')
  })

  it('names a linked value it cannot use beside its field, and prices the default instead', async () => {
    renderWithStore(<ComputeComparePanel />, decode('v=2&p=current&m=1024&d=200&r=1e6&ft=0&cmp=1&xa=sparc&xg=lots').inputs)
    await waitFor(() => expect(rowCost('fargate')).toBe('$18.02'), { timeout: 30_000 })
    expect(screen.getByText('Fargate architecture must be x86 or arm; got \u201csparc\u201d.')).toBeTruthy()
    expect(screen.getByText('Fargate task memory must be a number; got \u201clots\u201d.')).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/)
  })
})
