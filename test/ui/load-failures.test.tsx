// A part of the page whose code cannot be fetched (the connection dropped, or the
// site was updated under the page) is named in a notice with a way to try again,
// instead of missing without a word.
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LoadFailures } from '../../src/ui/load-failures'
import { useLoaded } from '../../src/ui/use-loaded'

const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
const loadsFine = () => Promise.resolve({ text: 'the steps' })
const offlineAgain = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))

function Part({ load, part }: { load: () => Promise<{ text?: string }>; part: string }) {
  const loaded = useLoaded(load, true, part)
  return loaded ? <p>{loaded.text}</p> : null
}

afterEach(() => vi.restoreAllMocks())

describe('parts of the page that could not load', () => {
  it('shows nothing while everything loads', async () => {
    render(
      <>
        <LoadFailures />
        <Part load={loadsFine} part="the calculation steps" />
      </>,
    )
    await screen.findByText('the steps')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('names each part that failed, once, says the total is complete, and offers to reload', async () => {
    const reload = vi.fn()
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload } as Location)
    render(
      <>
        <LoadFailures />
        <Part load={offline} part="the charts" />
        <Part load={offlineAgain} part="the charts" />
        <Part load={offline} part="the export" />
      </>,
    )
    const alert = await screen.findByRole('alert')
    await vi.waitFor(() => expect(alert.textContent).toContain('Could not load the charts and the export (a dropped connection?).'))
    expect(alert.textContent!.match(/the charts/g)).toHaveLength(1)
    expect(alert.textContent).toContain('The total and the bill are complete.')
    await userEvent.click(screen.getByRole('button', { name: 'Reload the page' }))
    expect(reload).toHaveBeenCalledOnce()
  })
})
