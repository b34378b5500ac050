import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { FunctionList } from '../../src/ui/function-list'
import { ResultPanel } from '../../src/ui/result'
import { SheetControls } from '../../src/ui/sheet-controls'
import { StepsPanel } from '../../src/ui/steps'
import { renderWithStore } from './render'

function Calculator() {
  return (
    <>
      <SheetControls />
      <FunctionList />
      <ResultPanel />
      <StepsPanel />
    </>
  )
}

async function replace(label: string, text: string) {
  const field = screen.getByLabelText(label, { selector: 'input' })
  await userEvent.clear(field)
  if (text) await userEvent.type(field, text)
}

const total = () => screen.getByTestId('monthly-total').textContent

describe('the form and the result', () => {
  it('opens on today’s prices: the current sheet with its Region, $18.73, and the classic sheet beside it', async () => {
    renderWithStore(<Calculator />)
    expect(screen.getByRole('radio', { name: /Current/ })).toBeChecked()
    expect(screen.getByLabelText('Region')).toHaveValue('us-east-1')
    expect(screen.getByLabelText('Architecture')).toBeEnabled()
    // 1,500,000 GB-s - 400,000 = 1,100,000 x 0.0000166667 = 18.33337 -> $18.33; 2M requests $0.40
    expect(total()).toBe('$18.73')
    // 100 ms rounding bills the same 1,000 ms: 1,100,000 x 0.00001667 = 18.337 -> $18.34, + $0.40 (loaded after the total)
    expect(await screen.findByTestId('comparison')).toHaveTextContent('$18.74')
  })

  it('on the classic sheet, classic example 1: $18.74, with its bill lines and the current sheet beside it', async () => {
    renderWithStore(<Calculator />, { sheet: 'aws-2016' })
    expect(total()).toBe('$18.74')
    const lines = screen.getByRole('table', { name: 'Bill lines' })
    expect(within(lines).getByRole('row', { name: /Requests/ })).toHaveTextContent('$0.40')
    expect(within(lines).getByRole('row', { name: /Compute \(x86_64\)/ })).toHaveTextContent('$18.34')
    // 1 ms billing: 1,100,000 x 0.0000166667 = 18.33337 -> $18.33, + $0.40
    expect(await screen.findByTestId('comparison')).toHaveTextContent('Under today’s 1 ms billing: $18.73, <1% less')
  })

  it('recomputes on every keystroke: classic example 2 gives $11.63', async () => {
    renderWithStore(<Calculator />, { sheet: 'aws-2016' })
    await replace('Memory (MB)', '128')
    await replace('Duration (ms)', '200')
    await replace('Requests', '30000000')
    expect(total()).toBe('$11.63')
  })

  it('converts the request unit and shows the monthly count beside it', async () => {
    renderWithStore(<Calculator />)
    await replace('Requests', '1')
    await userEvent.selectOptions(screen.getByLabelText('Request unit'), 'second')
    expect(screen.getByText('= 2,628,000 requests a month')).toBeInTheDocument()
  })

  it('shows the vCPU share the memory buys, up to the 6 vCPUs AWS documents at 10,240 MB', async () => {
    renderWithStore(<Calculator />, { sheet: 'aws-current' })
    await replace('Memory (MB)', '1769')
    expect(screen.getByText(/≈ 1 vCPU/)).toBeInTheDocument()
    await replace('Memory (MB)', '10240')
    expect(screen.getByText(/≈ 6 vCPU/)).toBeInTheDocument()
  })

  it('gives no vCPU hint for a memory size that is not allowed', async () => {
    renderWithStore(<Calculator />, { sheet: 'aws-current' })
    await replace('Memory (MB)', '1e309')
    expect(screen.queryByText(/vCPU \(/)).toBeNull()
    await replace('Memory (MB)', '99999')
    expect(screen.queryByText(/vCPU \(/)).toBeNull()
  })

  it('keeps an invalid value as typed, links its message, and shows no total', async () => {
    renderWithStore(<Calculator />)
    await replace('Memory (MB)', '12abc')
    const field = screen.getByLabelText('Memory (MB)', { selector: 'input' })
    expect(field).toHaveValue('12abc')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Memory must be a number of MB; got "12abc".'))
    expect(total()).toBe('—')
    expect(screen.getByTestId('cannot-compute')).toHaveTextContent('Memory (MB): Memory must be a number of MB; got "12abc".')
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/)
  })

  it('disables architecture on the classic sheet with the reason, and enables it on the current one', async () => {
    renderWithStore(<Calculator />, { sheet: 'aws-2016' })
    const arch = screen.getByLabelText('Architecture')
    expect(arch).toBeDisabled()
    expect(arch).toHaveAccessibleDescription('The classic 2016 sheet had x86_64 only; switch to the current sheet for arm64.')
    expect(screen.queryByLabelText('Ephemeral storage (MB)')).toBeNull()
    expect(screen.queryByLabelText('Region')).toBeNull()
    await userEvent.click(screen.getByRole('radio', { name: /Current/ }))
    expect(screen.getByLabelText('Architecture')).toBeEnabled()
    expect(screen.getByLabelText('Ephemeral storage (MB)', { selector: 'input' })).toHaveValue('512')
    expect(screen.getByLabelText('Region')).toHaveValue('us-east-1')
  })

  it('reads the current sheet\u2019s storage example to the cent', async () => {
    renderWithStore(<Calculator />, { sheet: 'aws-current' })
    await replace('Memory (MB)', '4096')
    await replace('Duration (ms)', '280')
    await replace('Requests', '6000000')
    await replace('Ephemeral storage (MB)', '2048')
    expect(total()).toBe('$106.41')
    expect(within(screen.getByRole('table', { name: 'Bill lines' })).getByRole('row', { name: /Ephemeral storage/ })).toHaveTextContent('$0.08')
  })

  it('shows "< $0.01" for a line that rounds to zero but is not zero', async () => {
    renderWithStore(<Calculator />, { sheet: 'aws-current', freeTier: false })
    await replace('Requests', '10')
    await replace('Duration (ms)', '1')
    await replace('Memory (MB)', '128')
    const requests = within(screen.getByRole('table', { name: 'Bill lines' })).getByRole('row', { name: /Requests/ })
    expect(requests).toHaveTextContent('< $0.01')
    expect(total()).toBe('$0.00')
  })

  it('adds, duplicates and removes functions, with one shared free tier', async () => {
    const { store } = renderWithStore(<Calculator />, { sheet: 'aws-2016' })
    await userEvent.click(screen.getByRole('button', { name: 'Duplicate function 1' }))
    expect(store.getState().functions).toHaveLength(2)
    // 2 x 1,500,000 GB-s - 400,000 = 2,600,000 x 0.00001667 = $43.34; 5M requests = $1.00
    expect(total()).toBe('$44.34')
    expect(screen.getByText(/the free tier is shared by all 2 functions/)).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Memory (MB) (function 2)', { selector: 'input' }), 'x')
    expect(screen.getByTestId('cannot-compute')).toHaveTextContent('Memory (MB), function 2: Memory must be a number of MB; got "512x".')
    await userEvent.click(screen.getByRole('button', { name: 'Remove function 2' }))
    expect(total()).toBe('$18.74')
  })

  it('turning the free tier off bills everything', async () => {
    renderWithStore(<Calculator />, { sheet: 'aws-2016' })
    await userEvent.click(screen.getByLabelText('Include free tier'))
    // 1,500,000 x 0.00001667 = 25.005 -> $25.01 (half-up); 3M requests $0.60
    expect(total()).toBe('$25.61')
  })
})

describe('show calculations', () => {
  it('is collapsed, opens to the engine\u2019s steps', async () => {
    renderWithStore(<Calculator />)
    expect(screen.queryByText(/total compute \(GB.s\)/)).toBeNull()
    await userEvent.click(screen.getByText('Show calculations'))
    // The engine's text, with "GB-s" written not to break at its hyphen (U+2011).
    expect(screen.getByText('0.5 GB x 3,000,000 seconds = 1,500,000 total compute (GB\u2011s)')).toBeInTheDocument()
    expect(screen.getByText('Max (1,100,000 GB\u2011s, 0) = 1,100,000 total billable GB\u2011s')).toBeInTheDocument()
  })

  it('is hidden while the inputs are invalid', async () => {
    renderWithStore(<Calculator />)
    await replace('Duration (ms)', '0')
    expect(screen.queryByText('Show calculations')).toBeNull()
  })
})
