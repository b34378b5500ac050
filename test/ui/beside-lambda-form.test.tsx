import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { defaultFunction } from '../../src/state/store'
import { FunctionList } from '../../src/ui/function-list'
import { ResultPanel } from '../../src/ui/result'
import { SheetControls } from '../../src/ui/sheet-controls'
import { renderWithStore } from './render'

function Calculator() {
  return (
    <>
      <FunctionList />
      <ResultPanel />
    </>
  )
}

const group = () => screen.getByRole('group', { name: /Beside Lambda/ })
const total = () => screen.getByTestId('monthly-total').textContent

describe('"Beside Lambda" under a function', () => {
  it('starts collapsed, shows the log fields once a format is chosen, and bills by service with subtotals', async () => {
    renderWithStore(<Calculator />)
    const toggle = screen.getByRole('button', { name: /^Beside Lambda/ })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    // The default function: 512 MB, 1 s, 3M requests a month, free tier on: $0.40 + 1,100,000 GB-s x $0.0000166667 = $18.33, $18.73 (as before).
    expect(total()).toContain('$18.73')
    await userEvent.click(toggle)
    expect(within(group()).queryByLabelText('Log class')).toBeNull()
    await userEvent.selectOptions(within(group()).getByLabelText('CloudWatch Logs'), 'json')
    // 3,000,000 x 819 bytes = 2.2882... GB, all in the free 5 GB; stored 0.3432... GB-months x $0.03 = $0.0103 -> $0.01.
    expect(within(group()).getByLabelText('Log class')).toBeInTheDocument()
    expect(total()).toContain('$18.74')
    await userEvent.type(within(group()).getByLabelText('Your log bytes per invocation'), '2000')
    // 3,000,000 x 2,819 bytes = 7.8761... GB: 2.8761... GB x $0.50 = $1.438 -> $1.44; stored 1.1814... x $0.03 = $0.0354 -> $0.04.
    expect(total()).toContain('$20.21')
    // Lambda: $18.73 of $20.21 = 92.68 %.
    const lambda = screen.getByRole('row', { name: /^AWS Lambda subtotal \(92.7 % of the bill\)/ })
    expect(within(lambda).getByText('$18.73')).toBeInTheDocument()
    const logs = screen.getByRole('row', { name: /^CloudWatch Logs subtotal/ })
    expect(within(logs).getByText('$1.48')).toBeInTheDocument()
  })

  it('says in one line when the logs cost more than the function’s compute', () => {
    // 128 MB, 50 ms, 1M requests, no free tier: 6,250 GB-s x $0.0000166667 = $0.10 of compute;
    // JSON logs 819,000,000 bytes = 0.7627... GB x $0.50 = $0.38 (stored 0.114... GB-months, $0.00): 3.8x.
    renderWithStore(<Calculator />, {
      freeTier: false,
      functions: [defaultFunction({ memoryMb: '128', durationMs: '50', requests: '1000000', logFormat: 'json' })],
    })
    expect(screen.getByTestId('function-cost-1')).toHaveTextContent(
      'CloudWatch Logs cost 3.8x this function’s compute: JSON system logs at WARN level drop START/END/REPORT.',
    )
  })

  it('offers API Gateway’s free tier for new accounts once a function has a REST API in front, and takes 1M calls off', async () => {
    // 128 MB, 10 ms, 2M requests, no Lambda free tier: requests 2 x $0.20 = $0.40; 2,000,000 x 0.01 s x 0.125 GB = 2,500 GB-s
    // x $0.0000166667 = $0.0417 -> $0.04; a REST API at $3.50 per million: $7.00. $7.44 in all.
    const { store } = renderWithStore(
      <>
        <SheetControls />
        <Calculator />
      </>,
      { freeTier: false, functions: [defaultFunction({ memoryMb: '128', durationMs: '10', requests: '2000000' })] },
    )
    expect(screen.queryByLabelText('API Gateway free tier (new accounts)')).toBeNull()
    store.getState().updateFunction(store.getState().functions[0]!.id, { frontDoor: 'rest-api' })
    await waitFor(() => expect(total()).toContain('$7.44'))
    await userEvent.click(screen.getByLabelText('API Gateway free tier (new accounts)'))
    // The free tier covers 1M REST calls: 1M x $3.50 per million = $3.50 left, $3.94 in all.
    expect(total()).toContain('$3.94')
    expect(store.getState().apiGatewayFreeTier).toBe(true)
  })

  it('a bill of Lambda alone has no subtotal rows', () => {
    renderWithStore(<Calculator />)
    expect(document.querySelector('.line-subtotal')).toBeNull()
  })
})
