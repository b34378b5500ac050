import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { EmbedApp, type CompactSetting } from '../../src/app/embed-app'
import { createLinkReports } from '../../src/app/link-reports'
import { leftOutByHost } from '../../src/embed/iframe-bridge'
import { READY_ATTRIBUTE, tooLongProblem } from '../../src/embed/protocol'
import { StoreProvider } from '../../src/state/react'
import { createCalculatorStore } from '../../src/state/store'
import { decode } from '../../src/state/url-codec'
import type { UrlSync } from '../../src/state/url-sync'
import { LinkNotice } from '../../src/ui/link-notice'

const urlSync = { shareUrl: () => 'https://calc.example/', appUrl: () => 'https://calc.example/', navigate() {}, stop() {} } satisfies UrlSync
const fixed = (value: boolean): CompactSetting => ({ get: () => value, subscribe: () => () => {} })

/** The widget as start.tsx mounts it, on the inputs of `query` (compact with `compact=1`). */
function renderWidget(query: string) {
  const link = decode(query)
  const compact = new URLSearchParams(query).get('compact') === '1'
  const store = createCalculatorStore(link.inputs)
  const view = render(
    <StoreProvider store={store}>
      <EmbedApp urlSync={urlSync} linkReports={createLinkReports(link)} compact={fixed(compact)} />
    </StoreProvider>,
  )
  return { store, ...view }
}

afterEach(() => {
  document.documentElement.removeAttribute(READY_ATTRIBUTE)
  leftOutByHost.set([])
})

describe('the link notice', () => {
  it('lists at most 20 problems, then says how many more', () => {
    // Five functions, each with five unusable values: 25 problems.
    const keys = ['m', 'd', 'r', 'u', 'a'].flatMap((letter) => ['', '2', '3', '4', '5'].map((n) => `${letter}${n}=x`))
    const link = decode(`?fns=5&${keys.join('&')}`)
    expect(link.problems).toHaveLength(25)
    render(<LinkNotice report={link} onDismiss={() => {}} />)
    const notice = screen.getByTestId('link-notice')
    expect(notice).toHaveTextContent('This link had 25 values the calculator could not use')
    expect(within(notice).getAllByRole('listitem')).toHaveLength(20)
    expect(notice).toHaveTextContent(/and 5 more\.$/)
  })

  it('lists every problem when there are 20', () => {
    const keys = ['m', 'd', 'r', 'u'].flatMap((letter) => ['', '2', '3', '4', '5'].map((n) => `${letter}${n}=x`))
    render(<LinkNotice report={decode(`?fns=5&${keys.join('&')}`)} onDismiss={() => {}} />)
    expect(within(screen.getByTestId('link-notice')).getAllByRole('listitem')).toHaveLength(20)
    expect(screen.getByTestId('link-notice')).not.toHaveTextContent('more')
  })
})

describe('the docs widget', () => {
  it("explains bad attributes in the element's terms: the attribute, the value as typed, what is allowed", () => {
    renderWidget('?embed=1&m=lots&u=fortnight&compact=1')
    const notice = screen.getByTestId('link-notice')
    expect(notice).toHaveTextContent('This widget had 2 attributes it could not use')
    const items = within(notice)
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    expect(items[0]).toMatch(/^memory="lots": Memory must be /)
    expect(items[1]).toBe('unit="fortnight" is not allowed: use second, minute, hour, day, month or million-per-month (also s, min, h, d, mo, mpm).')
    expect(notice).not.toHaveTextContent(/\bm=lots|\bu=fortnight/)
  })

  it('shows attributes the page left out as too long, with their length and the limit, until dismissed', async () => {
    renderWidget('?embed=1&compact=1')
    expect(screen.queryByTestId('link-notice')).toBeNull()
    act(() => leftOutByHost.set([tooLongProblem('memory', 5000)]))
    const notice = screen.getByTestId('link-notice')
    expect(notice).toHaveTextContent('This widget had an attribute it could not use')
    expect(notice).toHaveTextContent('memory: the value is 5,000 characters long; the widget reads at most 100, so it was left out.')
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the notice about the widget’s attributes' }))
    expect(screen.queryByTestId('link-notice')).toBeNull()
    // A new report shows again.
    act(() => leftOutByHost.set([tooLongProblem('duration', 300)]))
    expect(screen.getByTestId('link-notice')).toHaveTextContent('duration: the value is 300 characters long')
  })

  it('says when a value typed in it is too long to pass on to the page', () => {
    renderWidget('?embed=1&compact=1')
    expect(screen.queryByTestId('embed-typed')).toBeNull()
    fireEvent.change(screen.getByLabelText('Duration (ms)'), { target: { value: '1'.repeat(150) } })
    expect(screen.getByTestId('embed-typed')).toHaveTextContent(
      'duration: the value typed is 150 characters long; the widget passes on at most 100 to this page.',
    )
    fireEvent.change(screen.getByLabelText('Duration (ms)'), { target: { value: '200' } })
    expect(screen.queryByTestId('embed-typed')).toBeNull()
  })

  it('marks itself rendered once the total is shown (compact: no chart to wait for)', () => {
    renderWidget('?embed=1&compact=1')
    expect(screen.getByTestId('monthly-total')).toHaveTextContent('$')
    expect(document.documentElement.hasAttribute(READY_ATTRIBUTE)).toBe(true)
  })

  it('with a chart, marks itself rendered only with no chart placeholder left', async () => {
    const { container } = renderWidget('?embed=1')
    const placeholderWhileMarked = () => document.documentElement.hasAttribute(READY_ATTRIBUTE) && container.querySelector('.charts-loading') !== null
    expect(placeholderWhileMarked()).toBe(false)
    await waitFor(() => expect(document.documentElement.hasAttribute(READY_ATTRIBUTE)).toBe(true), { timeout: 30_000 })
    expect(placeholderWhileMarked()).toBe(false)
    expect(container.querySelector('.charts-card')).not.toBeNull()
  })

  it('without a sheet attribute keeps the classic sheet, which says it ignores the 2026 attributes', () => {
    renderWidget('?embed=1&cs=10&it=500&compact=1')
    expect(screen.getByRole('radio', { name: /Classic/ })).toBeChecked()
    expect(screen.getByRole('button', { name: /More options/ })).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByLabelText('Cold starts (%)')).toHaveValue('10')
    expect(screen.getByText(/The classic 2016 sheet ignores these/)).toBeInTheDocument()
  })

  it('with sheet="current", bills the cold starts its attributes give', () => {
    // 3M requests, 10 % cold: 2,700,000 x 1,000 ms + 300,000 x 1,500 ms = 3,150,000 s x 0.5 GB = 1,575,000 GB-s;
    // - 400,000 = 1,175,000 x 0.0000166667 = 19.58337 -> $19.58; 2M requests $0.40.
    renderWidget('?embed=1&p=current&cs=10&it=500&compact=1')
    expect(screen.getByTestId('monthly-total')).toHaveTextContent('$19.98')
  })

  it('puts the total before the inputs', () => {
    renderWidget('?embed=1&compact=1')
    const total = screen.getByTestId('monthly-total')
    const memory = screen.getByLabelText('Memory (MB)')
    expect(total.compareDocumentPosition(memory) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })
})
