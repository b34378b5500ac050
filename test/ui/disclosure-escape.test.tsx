import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { costByMemory, type EstimateInput } from '../../src/engine/index'
import { MemoryChart } from '../../src/ui/charts/memory-chart'
import { closeDisclosuresOnEscape } from '../../src/ui/disclosure-escape'
import { ExportPanel } from '../../src/ui/export/export-panel'
import { FunctionList } from '../../src/ui/function-list'
import { ShareBar } from '../../src/ui/share-bar'
import { StepsPanel } from '../../src/ui/steps'
import { renderWithStore } from './render'

// recharts' ResponsiveContainer measures its box; jsdom has no ResizeObserver and draws nothing anyway.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

let stop: () => void
beforeEach(() => {
  stop = closeDisclosuresOnEscape(document)
  globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver
})
afterEach(() => stop())

const INPUT: EstimateInput = { sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 120, requests: 3_000_000 }] }

function summaryOf(name: RegExp): HTMLElement {
  const summary = screen.getByText(name, { selector: 'summary, summary *' }).closest('summary')
  if (!summary) throw new Error(`no summary for ${name}`)
  return summary
}

describe('Escape closes the disclosure the focus is in and returns the focus to its control', () => {
  it('Export and print (a details): from a button inside it', async () => {
    const user = userEvent.setup()
    renderWithStore(<ExportPanel shareUrl={() => 'https://calc.example/'} />)
    const details = screen.getByTestId('export') as HTMLDetailsElement
    await user.click(summaryOf(/Export and print/))
    expect(details.open).toBe(true)
    screen.getByRole('button', { name: 'Download CSV' }).focus()
    await user.keyboard('{Escape}')
    expect(details.open).toBe(false)
    expect(summaryOf(/Export and print/)).toHaveFocus()
  })

  it('Show calculations (a details whose state React keeps): from its Copy button, and the steps go', async () => {
    const user = userEvent.setup()
    renderWithStore(<StepsPanel />)
    await user.click(summaryOf(/Show calculations/))
    const copy = await screen.findByRole('button', { name: 'Copy as text' })
    copy.focus()
    await user.keyboard('{Escape}')
    expect(summaryOf(/Show calculations/)).toHaveFocus()
    expect((summaryOf(/Show calculations/).parentElement as HTMLDetailsElement).open).toBe(false)
    // The panel's own state followed the toggle: the steps are no longer rendered.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Copy as text' })).toBeNull())
    // And it opens again (jsdom does not open a summary with Enter; a browser does).
    await user.click(summaryOf(/Show calculations/))
    expect(await screen.findByRole('button', { name: 'Copy as text' })).toBeInTheDocument()
  })

  it('Show as a table (a details in a chart): from its summary and from the scrollable table inside', async () => {
    const user = userEvent.setup()
    const series = costByMemory(INPUT, { stepMb: 128 })
    render(<MemoryChart points={series.points} current={series.current} durationMs={120} input={INPUT} />)
    const summary = summaryOf(/Show as a table/)
    const details = summary.parentElement as HTMLDetailsElement
    await user.click(summary)
    expect(details.open).toBe(true)
    await user.keyboard('{Escape}')
    expect(details.open).toBe(false)
    expect(summary).toHaveFocus()

    await user.click(summary)
    within(details).getByRole('table').setAttribute('tabindex', '0')
    within(details).getByRole('table').focus()
    await user.keyboard('{Escape}')
    expect(details.open).toBe(false)
    expect(summary).toHaveFocus()
  })

  it('Embed (a button with aria-expanded and a panel): from a snippet inside the panel', async () => {
    const user = userEvent.setup()
    renderWithStore(
      <ShareBar
        shareUrl={() => 'https://calc.example/'}
        onReset={() => {}}
        embedSnippets={async () => ({ script: '<script src="embed.js"></script>', iframe: '<iframe></iframe>' })}
      />,
    )
    const embed = screen.getByRole('button', { name: 'Embed' })
    await user.click(embed)
    expect(embed).toHaveAttribute('aria-expanded', 'true')
    const snippet = await screen.findByRole('button', { name: 'Copy script and element' })
    snippet.focus()
    await user.keyboard('{Escape}')
    expect(embed).toHaveAttribute('aria-expanded', 'false')
    expect(embed).toHaveFocus()
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Copy script and element' })).toBeNull())
  })

  it('More options (a button with aria-expanded and a group): from a field inside it, and from the button itself', async () => {
    const user = userEvent.setup()
    renderWithStore(<FunctionList />)
    const more = screen.getByRole('button', { name: /^More options/ })
    await user.click(more)
    expect(more).toHaveAttribute('aria-expanded', 'true')
    await user.click(screen.getByLabelText('Cold starts (%)', { selector: 'input' }))
    await user.keyboard('{Escape}')
    expect(more).toHaveAttribute('aria-expanded', 'false')
    expect(more).toHaveFocus()
    expect(screen.queryByLabelText('Cold starts (%)', { selector: 'input' })).toBeNull()

    await user.keyboard('{Enter}')
    expect(more).toHaveAttribute('aria-expanded', 'true')
    await user.keyboard('{Escape}')
    expect(more).toHaveAttribute('aria-expanded', 'false')
    expect(more).toHaveFocus()
  })

  it('closes only the innermost of nested disclosures, and nothing when the focus is in none', async () => {
    const user = userEvent.setup()
    render(
      <>
        <button type="button">Elsewhere</button>
        <details open data-testid="outer">
          <summary>Outer</summary>
          <details open data-testid="inner">
            <summary>Inner</summary>
            <button type="button">Inside</button>
          </details>
        </details>
      </>,
    )
    const outer = screen.getByTestId('outer') as HTMLDetailsElement
    const inner = screen.getByTestId('inner') as HTMLDetailsElement
    screen.getByRole('button', { name: 'Elsewhere' }).focus()
    await user.keyboard('{Escape}')
    expect([outer.open, inner.open]).toEqual([true, true])
    screen.getByRole('button', { name: 'Inside' }).focus()
    await user.keyboard('{Escape}')
    expect([outer.open, inner.open]).toEqual([true, false])
    expect(screen.getByText('Inner')).toHaveFocus()
    await user.keyboard('{Escape}')
    expect([outer.open, inner.open]).toEqual([false, false])
    expect(screen.getByText('Outer')).toHaveFocus()
  })

  it('leaves an Escape that something else has already used', async () => {
    const user = userEvent.setup()
    render(
      <details open data-testid="d">
        <summary>Here</summary>
        <input aria-label="Search" onKeyDown={(e) => e.key === 'Escape' && e.preventDefault()} />
      </details>,
    )
    screen.getByLabelText('Search').focus()
    await user.keyboard('{Escape}')
    expect((screen.getByTestId('d') as HTMLDetailsElement).open).toBe(true)
  })

  it('stops listening when asked', async () => {
    stop()
    const user = userEvent.setup()
    render(
      <details open data-testid="d">
        <summary>Here</summary>
      </details>,
    )
    screen.getByText('Here').focus()
    await user.keyboard('{Escape}')
    expect((screen.getByTestId('d') as HTMLDetailsElement).open).toBe(true)
  })
})
