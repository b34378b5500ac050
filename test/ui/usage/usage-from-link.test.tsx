import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { parseReports, usageStats } from '../../../src/engine/index'
import { coarsen, encodeUsageLink, prepareUsageLink, withMonthlyRequests } from '../../../src/state/usage-link'
import { UsagePanel } from '../../../src/ui/usage/usage-panel'
import { INITIAL_VIEW, usageView } from '../../../src/ui/usage/usage-view'
import { renderWithStore } from '../render'

afterEach(() => usageView.set(INITIAL_VIEW))

describe('Import usage panel: usage a link carried', () => {
  it('shows it as from imported usage, and, merged across 100 ms steps, gives the classic bill as approximate with its bounds', async () => {
    // Two warm calls at 128 MB billed 50 ms and 150 ms, merged into one bucket of 50 to 150 ms summing 200 ms.
    const sample = parseReports(
      [
        'REPORT RequestId: a Duration: 49.50 ms Billed Duration: 50 ms Memory Size: 128 MB Max Memory Used: 60 MB',
        'REPORT RequestId: b Duration: 149.50 ms Billed Duration: 150 ms Memory Size: 128 MB Max Memory Used: 60 MB',
      ].join('\n'),
    )
    const data = withMonthlyRequests(prepareUsageLink({ source: 'report.log', sample, stats: usageStats(sample) }, Date.UTC(2026, 11, 5)), {
      '': 2_000_000,
    })
    const value = encodeUsageLink(coarsen(data, 1000), 1800)!.value
    expect(value).toMatch(/^1\.a/)
    let address = `&iu=${value}`
    const host = {
      usage(next?: string) {
        if (next !== undefined) address = next
        return address
      },
    }
    const { store } = renderWithStore(<UsagePanel link={host} />, { sheet: 'aws-2016', freeTier: false })
    await waitFor(() => expect(screen.getByTestId('usage-from-link')).toHaveTextContent('From imported usage: report.log, imported 2026-12-05'), {
      timeout: 30_000,
    })
    // Classic sheet, free tier off, each logged invocation standing for 1,000,000 requests; $0.40 of requests either way.
    // Least: both at most 100 ms (e.g. 100 + 100): 200 ms x 1M = 200,000 s x 0.125 GB = 25,000 GB-s x $0.00001667 = $0.41675 -> $0.42: $0.82.
    // Most: one above 100 ms (e.g. 50 + 150): 300 ms -> 37,500 GB-s -> $0.625125 -> $0.63: $1.03.
    await waitFor(() => expect(screen.getByTestId('usage-total')).toHaveTextContent('$0.82 to $1.03 / month'), { timeout: 30_000 })
    expect(screen.getByTestId('usage-link-approximate')).toHaveTextContent('known only within $0.82 and $1.03 a month')
    // The current sheet bills the exact sum, 200 ms: 25,000 GB-s x $0.0000166667 = $0.4166675 -> $0.42, + $0.40.
    act(() => store.getState().setSheet('aws-current'))
    await waitFor(() => expect(screen.getByTestId('usage-total')).toHaveTextContent('$0.82 / month'), { timeout: 30_000 })
    expect(screen.queryByTestId('usage-link-approximate')).toBeNull()
    // the link keeps saying it is approximate
    expect(address).toMatch(/^&iu=1\.a/)
  })
})
