import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { defaultFunction } from '../../src/state/store'
import { PrintSummary } from '../../src/ui/print-summary'
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
