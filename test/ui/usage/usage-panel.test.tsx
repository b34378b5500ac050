import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { UsagePanel } from '../../../src/ui/usage/usage-panel'
import { INITIAL_VIEW, usageView } from '../../../src/ui/usage/usage-view'
import { renderWithStore } from '../render'

afterEach(() => usageView.set(INITIAL_VIEW))

const cs = (x: number) => `${Math.floor(x / 100)}.${String(x % 100).padStart(2, '0')}`
const report = (durationCs: number, memoryMb = 128, maxUsedMb = 60) =>
  `REPORT RequestId: r Duration: ${cs(durationCs)} ms Billed Duration: 1 ms Memory Size: ${memoryMb} MB Max Memory Used: ${maxUsedMb} MB`

/** The bimodal workload: 100 calls of 1-3 ms, 53 of 95-100 ms, 47 of 100.01-105 ms, at 128 MB. */
function bimodalLog(): string {
  const fast = Array.from({ length: 100 }, (_, i) => 100 + Math.round((200 * i) / 99))
  const low = Array.from({ length: 53 }, (_, j) => 9500 + Math.round((500 * j) / 52))
  const high = Array.from({ length: 47 }, (_, j) => 10001 + Math.round((499 * j) / 46))
  return [...fast, ...low, ...high].map((x) => report(x, 128, 70)).join('\n')
}

async function importText(text: string) {
  const user = userEvent.setup()
  const paste = await screen.findByLabelText('Paste log lines')
  fireEvent.change(paste, { target: { value: text } })
  await user.click(screen.getByRole('button', { name: 'Read pasted lines' }))
  return user
}

describe('Import usage panel', () => {
  it('says the log never leaves the page, and offers a labelled file input beside the paste field', async () => {
    renderWithStore(<UsagePanel />)
    expect(await screen.findByText(/nothing is uploaded and no network request is made/)).toBeInTheDocument()
    expect(screen.getByLabelText('Log file')).toHaveAttribute('type', 'file')
    expect(screen.getByRole('button', { name: 'Choose a log file…' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Read pasted lines' })).toBeDisabled()
  })

  it('bills the bimodal workload per invocation ($91.47) against the average ($81.68) on the classic sheet', async () => {
    renderWithStore(<UsagePanel />, { sheet: 'aws-2016', freeTier: false })
    const user = await importText(bimodalLog())
    const results = await screen.findByTestId('usage-results')
    // The histogram's table, once loaded, says "invocations" too: find the summary by its own words.
    expect(within(results).getByText(/the lines had no timestamps/).textContent).toMatch(/200\s*invocations \(the lines had no timestamps\)/)
    const volume = within(results).getByLabelText('Requests per month')
    // without timestamps the log is the month
    expect(volume).toHaveValue('200')
    await user.clear(volume)
    await user.type(volume, '200000000')
    const bill = await screen.findByTestId('usage-bill')
    // By hand: 153 x 100 ms + 47 x 200 ms = 123.5 ms each: 3,087,500 GB-s x $0.00001667 = $51.47, + $40.00 of requests;
    // the mean (about 51 ms) bills 100 ms: 2,500,000 GB-s = $41.68, + $40.00. $9.79 / $81.68 = 12.0 %.
    await waitFor(() => expect(within(bill).getByTestId('usage-total')).toHaveTextContent('$91.47 / month'))
    expect(bill).toHaveTextContent('$81.68 / month')
    expect(bill).toHaveTextContent('per invocation is $9.79 (12 %) more: the average is low')
    expect(results).toHaveTextContent('Max memory used 70 MB of 128 MB')
    // 70 MB + 20 % = 84 MB: 128 MB, where it runs, is already the smallest size with that headroom.
    expect(screen.getByTestId('usage-right-size')).toHaveTextContent(
      '128 MB, the size this function runs at, is already the smallest with 20 % headroom above the 70 MB used',
    )
  })

  it('applies memory, average duration and volume to the chosen function', async () => {
    const { store } = renderWithStore(<UsagePanel />, { sheet: 'aws-current' })
    // 2 x 10 ms and 2 x 30 ms at 1,024 MB: a mean of 20 ms
    const user = await importText([report(1000, 1024), report(3000, 1024), report(1000, 1024), report(3000, 1024)].join('\n'))
    const results = await screen.findByTestId('usage-results')
    const volume = within(results).getByLabelText('Requests per month')
    await user.clear(volume)
    await user.type(volume, '5,000,000')
    await user.click(within(results).getByRole('button', { name: 'Apply to function 1' }))
    const fn = store.getState().functions[0]!
    expect([fn.memoryMb, fn.durationMs, fn.requests, fn.per]).toEqual(['1024', '20', '5000000', 'month'])
    expect(screen.getByText('Function 1 now has 1,024 MB, 20 ms on average and 5,000,000 requests a month.')).toBeInTheDocument()
    expect(results).toHaveTextContent('The calculator then prices the average; this panel shows the bill per invocation.')
  })

  it('says what is wrong: no REPORT lines, a volume that is not a number, a bad power-tuning link', async () => {
    renderWithStore(<UsagePanel />)
    await importText('START RequestId: x Version: $LATEST\nhello')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No REPORT lines were found in pasted text: none of its 2 lines is a "REPORT RequestId:" line, a JSON platform.report record or a Logs Insights export row (line 1 starts "START RequestId: x Version: $LATEST").',
    )
    const user = await importText(report(1000))
    const volume = within(await screen.findByTestId('usage-results')).getByLabelText('Requests per month')
    await user.clear(volume)
    await user.type(volume, 'lots')
    expect(await screen.findByText('Requests per month must be a number from 0 to 1,000,000,000,000,000; got "lots".')).toBeInTheDocument()
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/)

    const pt = await screen.findByLabelText('Power-tuning link or JSON')
    fireEvent.change(pt, { target: { value: 'https://lambda-power-tuning.show/#abc' } })
    await user.click(screen.getByRole('button', { name: 'Read power-tuning results' }))
    expect(await screen.findByText(/this one has 1 part/)).toBeInTheDocument()
    expect(usageView.get().powerTuning).toBeNull()
  })

  it('keeps power-tuning measurements for the memory chart, and clears them', async () => {
    renderWithStore(<UsagePanel />)
    const user = userEvent.setup()
    const pt = await screen.findByLabelText('Power-tuning link or JSON')
    fireEvent.change(pt, {
      target: { value: '{"stats":[{"value":256,"averageDuration":12.5,"averagePrice":5.2e-8},{"value":128,"averageDuration":30}]}' },
    })
    await user.click(screen.getByRole('button', { name: 'Read power-tuning results' }))
    expect(await screen.findByText(/2 measured sizes: 128 MB in 30 ms, 256 MB in 12.5 ms/)).toBeInTheDocument()
    expect(usageView.get().powerTuning?.points.map((p) => p.memoryMb)).toEqual([128, 256])
    await user.click(screen.getByRole('button', { name: 'Clear measurements' }))
    expect(usageView.get().powerTuning).toBeNull()
  })
})

describe('Reset this part', () => {
  it('clears the imported log that crashed the panel, and the panel works again', async () => {
    // What the parser once let through: a time span past what a Date holds (9999999999999999 ms), which the
    // results' "from ... to ..." line cannot format (RangeError: Invalid time value).
    const { parseReports, usageStats } = await import('../../../src/engine/index')
    const sample = { ...parseReports(report(1000)), timeSpan: { firstMs: 1754298902134, lastMs: 9_999_999_999_999_999 } }
    usageView.set({ log: { sample, stats: usageStats(sample), source: 'poison.log', chars: 1 } })
    const errors = console.error
    console.error = () => {}
    try {
      renderWithStore(<UsagePanel />)
      expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong showing the usage import')
      await userEvent.click(screen.getByRole('button', { name: 'Reset this part' }))
      expect(usageView.get().log).toBeNull()
      // the form is back and reads a log
      await importText(report(1000))
      expect(await screen.findByTestId('usage-results')).toHaveTextContent('1 invocation')
      expect(screen.queryByText(/Something went wrong/)).toBeNull()
    } finally {
      console.error = errors
    }
  })
})
