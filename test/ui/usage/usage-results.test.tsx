import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { parseReports, usageStats } from '../../../src/engine/index'
import { decodeUsageLink, encodeUsageLink, prepareUsageLink, withMonthlyRequests, type UsageLinkData } from '../../../src/state/usage-link'
import UsageResults from '../../../src/ui/usage/usage-results'
import { linkedLog } from '../../../src/ui/usage/usage-link-sync'
import { INITIAL_VIEW, usageView, type ImportedLog } from '../../../src/ui/usage/usage-view'
import { renderWithStore } from '../render'

afterEach(() => usageView.set(INITIAL_VIEW))

// Two REPORT lines, at 09:15:02.134 and 10:15:02.751 UTC: 3,600,617 ms apart.
const text = readFileSync(resolve(__dirname, '../../fixtures/usage/init-billing.log'), 'utf8')
const sample = parseReports(text)
const log: ImportedLog = { source: 'init-billing.log', chars: text.length, sample, stats: usageStats(sample) }

/** The log as a link carries it, read back as a page opened with the link reads it. */
function throughLink(volumes: Record<string, number>): ImportedLog {
  const data = withMonthlyRequests(prepareUsageLink(log, Date.UTC(2026, 11, 5)), volumes)
  const read = decodeUsageLink(encodeUsageLink(data, 1800)!.value) as { data: UsageLinkData }
  return linkedLog(read.data)
}

const hint = async () => {
  const field = await screen.findByLabelText('Requests per month', undefined, { timeout: 30_000 })
  return document.getElementById(field.getAttribute('aria-describedby')!)!
}

describe('Import usage panel: where the requests a month start', () => {
  it('for a log, says they start at its rate over a 730-hour month', async () => {
    renderWithStore(<UsageResults log={log} onClear={() => {}} />)
    // 2 invocations x 2,628,000,000 ms in a 730-hour month / 3,600,617 ms = 1,459.75: 1,460.
    expect(await hint()).toHaveTextContent('Starts at the log’s rate over a 730-hour month (1,460).')
  })

  it('for usage a link carried with requests a month, says they are the figure saved in the link', async () => {
    renderWithStore(<UsageResults log={throughLink({ '': 2_000_000 })} onClear={() => {}} />)
    const shown = await hint()
    expect(shown).toHaveTextContent('Starts at 2,000,000: the requests a month this page’s link carried with the imported usage')
    expect(shown).not.toHaveTextContent('the log’s rate')
    expect(screen.getByLabelText('Requests per month')).toHaveValue('2,000,000')
  })

  it('for usage a link carried without requests a month, says they come from the invocations and time span in the link', async () => {
    renderWithStore(<UsageResults log={throughLink({})} onClear={() => {}} />)
    const shown = await hint()
    // The same 2 invocations 3,600,617 ms apart, read from the link: 1,460 a month.
    expect(shown).toHaveTextContent(
      'Starts at the imported usage’s rate over a 730-hour month (1,460): the link carried how many invocations the log had and the time they spanned.',
    )
    expect(shown).not.toHaveTextContent('the log’s rate')
  })
})

describe('Import usage panel: a log at two memory sizes, as a newcomer reads it', () => {
  // init-billing.log: Duration 15.74 ms at 128 MB and 250.06 ms at 1,024 MB (test/fixtures/usage/README.md).
  it('names both sizes in a sentence, and the average duration of each that the bill from averages uses', async () => {
    renderWithStore(<UsageResults log={log} onClear={() => {}} />)
    const results = await screen.findByTestId('usage-results', undefined, { timeout: 30_000 })
    expect(results).toHaveTextContent('at 128 MB and 1,024 MB.')
    const bill = await screen.findByTestId('usage-bill', undefined, { timeout: 30_000 })
    const labels = [...bill.querySelectorAll('dt')].map((dt) => dt.textContent)
    // A bill a month, each invocation rounded on its own: not a price per invocation.
    expect(labels[0]).toBe('Each invocation billed as logged')
    expect(labels[1]).toBe('From the average durations (15.74 ms at 128 MB and 250.06 ms at 1,024 MB)')
    // 350 MB used at most + 20 % = 420 MB, a size of the current sheet (1 MB steps): a move, so its caveat stays.
    expect(screen.getByTestId('usage-right-size')).toHaveTextContent(
      'Right-sizing: 420 MB is the smallest size with 20 % headroom above the 350 MB used.',
    )
    expect(screen.getByTestId('usage-right-size')).toHaveTextContent('Duration may change')
  })

  it('writes its apostrophes one way, as the rest of the page does', async () => {
    renderWithStore(<UsageResults log={log} onClear={() => {}} />)
    expect((await hint()).textContent).not.toContain("'")
  })

  it('says a function already at its smallest size with headroom is right-sized, instead of pricing a move to where it is', async () => {
    // python-docs.log: 56 MB used of 128 MB; 56 MB + 20 % = 67.2 MB, and 128 MB is the smallest size there is.
    const docs = readFileSync(resolve(__dirname, '../../fixtures/usage/python-docs.log'), 'utf8')
    const one = parseReports(docs)
    renderWithStore(<UsageResults log={{ source: 'python-docs.log', chars: docs.length, sample: one, stats: usageStats(one) }} onClear={() => {}} />)
    const sizing = await screen.findByTestId('usage-right-size', undefined, { timeout: 30_000 })
    expect(sizing).toHaveTextContent(
      'Right-sizing: 128 MB, the size this function runs at, is already the smallest with 20 % headroom above the 56 MB used.',
    )
    expect(sizing).not.toHaveTextContent('If every invocation ran as long there')
  })
})
