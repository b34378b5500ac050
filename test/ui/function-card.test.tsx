import { screen, within } from '@testing-library/react'
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
      <SheetControls />
      <FunctionList />
      <ResultPanel />
    </>
  )
}

const total = () => screen.getByTestId('monthly-total').textContent
const more = (name: RegExp = /^More options/) => screen.getByRole('button', { name })
const input = (label: string) => screen.getByLabelText(label, { selector: 'input' })

async function replace(label: string, text: string) {
  const field = input(label)
  await userEvent.clear(field)
  if (text) await userEvent.type(field, text)
}

describe('the function card’s More options', () => {
  it('is collapsed on a new page, and opens and closes from the keyboard', async () => {
    renderWithStore(<Calculator />)
    expect(more()).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByLabelText('Cold starts (%)')).toBeNull()
    more().focus()
    await userEvent.keyboard('{Enter}')
    expect(more()).toHaveAttribute('aria-expanded', 'true')
    const group = screen.getByRole('group', { name: /More options/ })
    for (const label of ['Cold starts (%)', 'INIT duration (ms)', 'Provisioned concurrency (environments)', 'Streamed per request (MB)']) {
      expect(within(group).getByLabelText(label, { selector: 'input' })).toBeInTheDocument()
    }
    expect(within(group).getByLabelText('SnapStart')).toHaveValue('off')
    expect(within(group).getByLabelText('Lambda@Edge')).not.toBeChecked()
    await userEvent.keyboard(' ')
    expect(more()).toHaveAttribute('aria-expanded', 'false')
  })

  it('closes with Escape, from its button or any of its fields, and gives focus back to its button', async () => {
    renderWithStore(<Calculator />)
    more().focus()
    await userEvent.keyboard('{Enter}')
    expect(more()).toHaveAttribute('aria-expanded', 'true')
    await userEvent.keyboard('{Escape}')
    expect(more()).toHaveAttribute('aria-expanded', 'false')
    expect(more()).toHaveFocus()

    await userEvent.keyboard('{Enter}')
    await userEvent.tab()
    expect(input('Cold starts (%)')).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    expect(more()).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByLabelText('Cold starts (%)')).toBeNull()
    expect(more()).toHaveFocus()
    // Closed, Escape changes nothing.
    await userEvent.keyboard('{Escape}')
    expect(more()).toHaveAttribute('aria-expanded', 'false')
    expect(more()).toHaveFocus()
  })

  it('gives each input its unit, range and a one-line explanation', async () => {
    renderWithStore(<Calculator />)
    await userEvent.click(more())
    expect(input('Cold starts (%)')).toHaveAccessibleDescription(expect.stringMatching(/^0–100, fractions allowed; empty is 0\. .*start cold/))
    expect(input('INIT duration (ms)')).toHaveAccessibleDescription(expect.stringMatching(/^0–10,000 ms; empty is 0\. /))
    expect(input('Streamed per request (MB)')).toHaveAccessibleDescription(expect.stringMatching(/^0–200 MB; empty is 0\. .*beyond 6 MB/))
    expect(screen.getByLabelText('Lambda@Edge')).toHaveAccessibleDescription(expect.stringContaining('x86_64 only'))
  })

  it('is open when a function already uses one of them', () => {
    renderWithStore(<Calculator />, { functions: [defaultFunction({ coldStartPercent: '2' })] })
    expect(more()).toHaveAttribute('aria-expanded', 'true')
    expect(more()).toHaveTextContent('(1 set)')
    expect(input('Cold starts (%)')).toHaveValue('2')
  })

  it('bills cold starts with their INIT on the current sheet', async () => {
    renderWithStore(<Calculator />)
    expect(total()).toBe('$18.73')
    await userEvent.click(more())
    await replace('Cold starts (%)', '10')
    await replace('INIT duration (ms)', '500')
    // 2,700,000 warm x 1,000 ms + 300,000 cold x ceil(1,000 + 500) = 1,500 ms = 3,150,000 s x 0.5 GB = 1,575,000 GB-s;
    // - 400,000 = 1,175,000 x 0.0000166667 = 19.58337 -> $19.58; requests $0.40
    expect(total()).toBe('$19.98')
  })

  it('shows the provisioned hours and share once there is provisioned concurrency, and SnapStart’s cache once it is priced', async () => {
    renderWithStore(<Calculator />)
    await userEvent.click(more())
    expect(screen.queryByLabelText('Provisioned hours a month')).toBeNull()
    await replace('Provisioned concurrency (environments)', '2')
    expect(input('Provisioned hours a month')).toHaveAttribute('placeholder', '730')
    expect(input('Served by provisioned concurrency (%)')).toHaveAttribute('placeholder', '100')
    expect(screen.queryByLabelText('SnapStart versions')).toBeNull()
    await userEvent.selectOptions(screen.getByLabelText('SnapStart'), 'priced')
    expect(input('SnapStart versions')).toBeInTheDocument()
    expect(input('SnapStart cache hours a month')).toBeInTheDocument()
  })

  it('puts the engine’s problem on its field, and keeps the section open while it is there', async () => {
    renderWithStore(<Calculator />)
    await userEvent.click(more())
    await replace('Cold starts (%)', '150')
    const field = input('Cold starts (%)')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Cold-start share must be between 0 and 100 %; got 150 %.'))
    expect(screen.getByTestId('cannot-compute')).toHaveTextContent('Cold starts (%): Cold-start share must be between 0 and 100 %; got 150 %.')
    expect(total()).toBe('—')
    await userEvent.click(more())
    expect(more()).toHaveAttribute('aria-expanded', 'true')
    // Escape neither: the section stays open, and focus on the field.
    field.focus()
    await userEvent.keyboard('{Escape}')
    expect(more()).toHaveAttribute('aria-expanded', 'true')
    expect(field).toHaveFocus()
  })

  it('names a combination that makes no sense on the field that causes it', async () => {
    renderWithStore(<Calculator />)
    await userEvent.selectOptions(screen.getByLabelText('Architecture'), 'arm64')
    await userEvent.click(more())
    await userEvent.click(screen.getByLabelText('Lambda@Edge'))
    expect(screen.getByLabelText('Lambda@Edge')).toHaveAccessibleDescription(
      expect.stringContaining('Lambda@Edge runs on x86_64 only; this function is arm64.'),
    )
    expect(screen.getByTestId('cannot-compute')).toHaveTextContent('Lambda@Edge: Lambda@Edge runs on x86_64 only')
  })

  it('on the classic sheet says beside the fields that it ignores them, and bills as before', async () => {
    renderWithStore(<Calculator />, { sheet: 'aws-2016' })
    const note = screen.getByText(/The classic 2016 sheet ignores these/)
    expect(note).toBeVisible()
    await userEvent.click(more())
    expect(screen.getByRole('group', { name: /More options/ })).toHaveAccessibleDescription(expect.stringContaining('ignores these'))
    await replace('Cold starts (%)', '50')
    await replace('INIT duration (ms)', '900')
    expect(total()).toBe('$18.74')
    expect(screen.queryByTestId('cold-start-estimate')).toBeNull()
  })
})

describe('the cold-start estimate', () => {
  it('is offered while the field is empty, says how it is estimated, and fills the field', async () => {
    renderWithStore(<Calculator />)
    await userEvent.click(more())
    const estimate = screen.getByTestId('cold-start-estimate')
    // 3M a month is 1.14 a second; at 1,000 ms, 2 environments; replaced every 2 hours: 0.024 %
    expect(estimate).toHaveTextContent('Estimate: about 0.024% of on-demand invocations start cold.')
    expect(estimate).toHaveTextContent('1.14 requests a second')
    expect(estimate).toHaveTextContent('about 2 environments stay busy')
    expect(estimate).toHaveTextContent(
      /assumed, as AWS publishes neither figure: Lambda replaces an environment about every 2 hours and reclaims one left idle for 5 minutes/,
    )
    await userEvent.click(within(estimate).getByRole('button', { name: 'Use this estimate' }))
    expect(input('Cold starts (%)')).toHaveValue('0.024')
    expect(screen.queryByTestId('cold-start-estimate')).toBeNull()
  })

  it('follows the workload', async () => {
    renderWithStore(<Calculator />)
    await userEvent.click(more())
    await replace('Requests', '1000')
    await replace('Duration (ms)', '100')
    expect(screen.getByTestId('cold-start-estimate')).toHaveTextContent('about 93%')
    await replace('Requests', 'abc')
    expect(screen.queryByTestId('cold-start-estimate')).toBeNull()
  })
})

describe('each function’s monthly cost', () => {
  it('shows on its card, and as a share of the bill when there are several', async () => {
    renderWithStore(<Calculator />)
    expect(screen.getByTestId('function-cost-1')).toHaveTextContent('$18.73 a month')
    await userEvent.click(screen.getByRole('button', { name: 'Duplicate function 1' }))
    // Two x 1,500,000 GB-s - 400,000 = 2,600,000 x 0.0000166667 = 43.33342 -> $43.33 = 4,333 cents, split 2,167 / 2,166
    // (largest remainder, the tie to the earlier function); requests 5M x $0.20 per million = $1.00, 50 / 50.
    expect(total()).toBe('$44.33')
    expect(screen.getByTestId('function-cost-1')).toHaveTextContent('$22.17 a month · 50% of the bill')
    expect(screen.getByTestId('function-cost-2')).toHaveTextContent('$22.16 a month · 50% of the bill')
  })

  it('is not shown while the inputs are invalid', async () => {
    renderWithStore(<Calculator />)
    await replace('Memory (MB)', 'lots')
    expect(screen.queryByTestId('function-cost-1')).toBeNull()
  })
})
