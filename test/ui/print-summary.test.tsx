import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { parseReports, usageStats } from '../../src/engine/index'
import { StoreProvider } from '../../src/state/react'
import { createCalculatorStore, defaultFunction } from '../../src/state/store'
import { startUrlSync, type UrlSync } from '../../src/state/url-sync'
import { PrintLink, PrintSummary } from '../../src/ui/print-summary'
import { UsagePanel } from '../../src/ui/usage/usage-panel'
import { INITIAL_VIEW, usageView, type ImportedLog } from '../../src/ui/usage/usage-view'
import { renderWithStore } from './render'

const headers = () =>
  within(screen.getByRole('table'))
    .getAllByRole('columnheader')
    .map((th) => th.textContent)
const firstRow = () => [...screen.getAllByRole('row')[1]!.querySelectorAll('th, td')].map((c) => c.textContent)

describe('the inputs on paper', () => {
  it('what a function has beside Lambda in a column of its own, apart from the 2026 Lambda options', () => {
    renderWithStore(<PrintSummary />, {
      sheet: 'aws-current',
      functions: [defaultFunction({ coldStartPercent: '5', logFormat: 'json', frontDoor: 'rest-api', responseKb: '10' })],
    })
    expect(headers()).toEqual(['Function', 'Memory', 'Duration', 'Requests', 'Architecture', 'Storage', 'More options', 'Beside Lambda'])
    const row = firstRow()
    expect(row[6]).toBe('Cold starts (%): 5')
    expect(row[7]).toBe('CloudWatch Logs: JSON; In front: REST API; Response size (KB): 10')
  })

  it('no such column when no function prices anything beside Lambda', () => {
    renderWithStore(<PrintSummary />, { sheet: 'aws-current', functions: [defaultFunction()] })
    expect(headers()).toEqual(['Function', 'Memory', 'Duration', 'Requests', 'Architecture', 'Storage', 'More options'])
    expect(firstRow()[6]).toBe('\u2014')
  })
})

describe('the link on paper', () => {
  let sync: UrlSync | undefined
  afterEach(() => {
    sync?.stop()
    usageView.set(INITIAL_VIEW)
  })

  /** A log as the usage panel holds it once read. */
  const imported = (file: string): ImportedLog => {
    const text = readFileSync(resolve(__dirname, '../fixtures/usage', file), 'utf8')
    const sample = parseReports(text)
    return { source: file, chars: text.length, sample, stats: usageStats(sample), importedAt: Date.UTC(2026, 11, 5) }
  }

  it('is the link Copy link gives, through an import of usage, another, its clearing and an edit', async () => {
    window.history.replaceState(null, '', '/')
    const store = createCalculatorStore()
    sync = startUrlSync(store)
    const link = sync
    render(
      <StoreProvider store={store}>
        <UsagePanel link={link} />
        <PrintLink link={link} />
      </StoreProvider>,
    )
    const printed = () => document.querySelector('.print-link span')!.textContent
    expect(printed()).toBe(link.shareUrl())
    expect(printed()).not.toContain('iu=')

    act(() => usageView.set({ log: imported('init-billing.log'), volumes: {} }))
    await waitFor(() => expect(printed()).toContain('&iu='))
    const first = printed()
    expect(first).toBe(link.shareUrl())

    // Another log: its own summary in the link.
    act(() => usageView.set({ log: imported('python-docs.log'), volumes: {} }))
    await waitFor(() => expect(printed()).not.toBe(first))
    expect(printed()).toContain('&iu=')
    expect(printed()).toBe(link.shareUrl())

    // Cleared: the link carries the estimate alone.
    act(() => usageView.set({ log: null, volumes: {} }))
    await waitFor(() => expect(printed()).not.toContain('iu='))
    expect(printed()).toBe(link.shareUrl())

    // An input the old printed link left stale (a Savings Plan).
    act(() => store.getState().setSavingsPlanPercent('12'))
    await waitFor(() => expect(printed()).toContain('sp=12'))
    expect(printed()).toBe(link.shareUrl())
  })
})
