import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { UsagePanel } from '../../../src/ui/usage/usage-panel'
import { INITIAL_VIEW, usageView } from '../../../src/ui/usage/usage-view'
import { renderWithStore } from '../render'

afterEach(() => usageView.set(INITIAL_VIEW))

const fixture = readFileSync(resolve(__dirname, '../../fixtures/usage/insights-stats.csv'), 'utf8')

async function importText(text: string) {
  const user = userEvent.setup()
  fireEvent.change(await screen.findByLabelText('Paste log lines'), { target: { value: text } })
  await user.click(screen.getByRole('button', { name: 'Read pasted lines' }))
  return user
}

async function setVolume(user: ReturnType<typeof userEvent.setup>, value: string) {
  const volume = within(await screen.findByTestId('usage-results')).getByLabelText('Requests per month')
  await user.clear(volume)
  await user.type(volume, value)
}

describe('Import usage panel: a Logs Insights histogram export', () => {
  it('shows the queries with copy buttons, and brings in each function of the export with its own bill', async () => {
    const { store } = renderWithStore(<UsagePanel />, { sheet: 'aws-2016', freeTier: false })
    const queries = await screen.findByTestId('insights-queries')
    expect(queries).toHaveTextContent('filter @type = "REPORT"')
    expect(queries).toHaveTextContent('filter type = "platform.report"')
    expect(within(queries).getAllByRole('button', { name: /^Copy query: / })).toHaveLength(3)

    const user = await importText(fixture)
    const pick = await screen.findByLabelText('Imported function')
    expect(
      within(pick)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['123456789012:/aws/lambda/orders (4 invocations)', '123456789012:/aws/lambda/thumbnails (6 invocations)'])
    // orders: 2,100 ms on the classic sheet, 25M requests per row invocation: $109.40 + $20.00 (see the engine test)
    await setVolume(user, '100000000')
    await waitFor(() => expect(screen.getByTestId('usage-total')).toHaveTextContent('$129.40 / month'))
    expect(screen.getByTestId('usage-results')).toHaveTextContent(
      '25 % of invocations started cold (1). INIT took 428.6 ms on average, not billed on the classic sheet.',
    )

    await user.selectOptions(pick, '1')
    // thumbnails: 6 invocations over 5 minutes -> 6 x 2,628,000 s / 300 s = 52,560 a month to start with
    expect(within(await screen.findByTestId('usage-results')).getByLabelText('Requests per month')).toHaveValue('52,560')
    await setVolume(user, '6000000')
    await waitFor(() => expect(screen.getByTestId('usage-total')).toHaveTextContent('$84.55 / month'))

    // Both functions into the calculator: the main memory size, mean Duration, rate over a 730-hour month and cold starts of each
    // Two functions read as two: "both", "1 and 2" (not "all 2", "1 to 2").
    expect(screen.getByText(/Sets the calculator’s functions 1 and 2 \(adding functions as needed\)/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Apply both functions' }))
    expect(screen.getByText('Functions 1 and 2 now hold the 2 imported functions.')).toBeInTheDocument()
    const [orders, thumbs] = store.getState().functions
    // orders: (4.1 + 870.2 + 966.4) / 4 = 460.175 -> 460.18 ms; 1 cold start in 4 (25 %) with 428.6 ms INIT; 28,583 a month
    expect(orders).toMatchObject({
      name: 'orders',
      memoryMb: '128',
      durationMs: '460.18',
      requests: '28583',
      per: 'month',
      coldStartPercent: '25',
      initDurationMs: '428.6',
    })
    // thumbnails: (599.64 + 4,001.5) / 6 = 766.856... -> 766.86 ms, no cold start; 52,560 a month
    expect(thumbs).toMatchObject({ name: 'thumbnails', memoryMb: '1024', durationMs: '766.86', requests: '52560', coldStartPercent: '' })
  })

  it('gives the classic bill of wide buckets as a range and says why; names unreadable rows', async () => {
    renderWithStore(<UsagePanel />, { sheet: 'aws-2016', freeTier: false })
    const text = [
      'function,memoryMb,cold,billedMs,bucketMs,invocations,billedMsSum,durationMsSum,initMsSum,maxMemoryUsedMb',
      '/aws/lambda/f,128,0,100,10,10,1045,1040,,60',
      '/aws/lambda/f,128,0,100,10,10,9999,1040,,60',
    ].join('\r\n')
    const user = await importText(text)
    await setVolume(user, '1000000000')
    // 1,500 to 2,000 ms per 10 invocations (see the engine test): $512.56 to $616.75
    await waitFor(() => expect(screen.getByTestId('usage-total')).toHaveTextContent('$512.56 to $616.75 / month'))
    expect(screen.getByTestId('usage-range')).toHaveTextContent(/crosses a 100 ms billing step/)
    expect(screen.getByTestId('usage-results')).toHaveTextContent('1 row could not be read and is not counted.')
  })
})

describe('Import usage panel: an export with no readable row', () => {
  it('says which line is wrong and why, instead of a result', async () => {
    renderWithStore(<UsagePanel />)
    await importText(
      'function,memoryMb,cold,billedMs,invocations,billedMsSum,durationMsSum,initMsSum,maxMemoryUsedMb\n/aws/lambda/f,122.0703125,0,10,1,10,9,,50',
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No row of the Logs Insights export pasted text could be read (line 2: memoryMb is "122.0703125", not a whole number of MB: divide @memorySize by 1,000,000',
    )
    expect(screen.queryByTestId('usage-results')).toBeNull()
  })
})
