import { describe, expect, it } from 'vitest'
import { calculationMarkdown, estimateCsv } from '../../../src/state/export'
import { createSelectors } from '../../../src/state/selectors'
import { defaultFunction } from '../../../src/state/store'
import { ResultPanel } from '../../../src/ui/result'
import { renderWithStore } from '../render'

// The exports' subtotals are the page's: the same services, in the same order, after the same lines, at the
// same amounts. The bill worked by hand in test/state/export-beside.test.ts (every service beside Lambda):
// AWS Lambda $7.06, CloudWatch Logs $5.28, API Gateway / ALB $179.01, data transfer out $727.43; $918.78.
const FUNCTIONS = [
  defaultFunction({
    name: 'api',
    memoryMb: '128',
    durationMs: '100',
    requests: '10000000',
    logFormat: 'json',
    appLogBytesPerInvocation: '205',
    logRetentionMonths: '12',
    frontDoor: 'http-api',
    requestKb: '600',
    responseKb: '100',
  }),
  defaultFunction({ name: 'web', memoryMb: '256', durationMs: '50', requests: '7300000', frontDoor: 'alb', responseKb: '1024' }),
]

/** "$1,234.56" as "1234.56". */
const plain = (usd: string) => usd.replace(/[$,]/g, '')

describe('the exports group the bill as the page does', () => {
  it('a subtotal after the same lines, for the same services, at the same amounts', () => {
    const { store } = renderWithStore(<ResultPanel />, { freeTier: false, functions: FUNCTIONS })
    const page = [...document.querySelectorAll('table.bill-lines tbody tr')].map((tr) => {
      const amount = plain(tr.querySelector('td.col-amount .cell-value')!.textContent!.trim())
      const label = tr.querySelector('th')!.textContent!.trim()
      return tr.classList.contains('line-subtotal') ? `subtotal ${label.replace(/ subtotal.*/, '')} ${amount}` : `line ${amount}`
    })
    expect(page).toContain('subtotal AWS Lambda 7.06')
    expect(page.filter((r) => r.startsWith('subtotal'))).toHaveLength(4)

    const result = createSelectors().selectEstimate(store.getState())
    if (result.status !== 'ok') throw new Error('the hand-worked bill is valid')
    const source = { estimate: result.estimate, input: result.input, link: 'https://calc.example/' }
    const csv = estimateCsv(source)
      .split('\r\n')
      .filter((r) => /^(Bill line|Subtotal),/.test(r))
      // A subtotal: Subtotal,service,,,,,amount,share. A line ends with its amount and an empty detail.
      .map((r) => (r.startsWith('Subtotal,') ? `subtotal ${r.split(',')[1]} ${r.split(',')[6]}` : `line ${r.split(',').at(-2)}`))
    expect(csv).toEqual(page)

    // The Markdown's subtotal rows: the page's, in its order.
    const md = [...calculationMarkdown(source).matchAll(/^\| _(.+) subtotal \(.*\)_ \|  \|  \| _\$([\d,.]+)_ \|$/gm)]
    expect(md.map((m) => `subtotal ${m[1]} ${plain(m[2]!)}`)).toEqual(page.filter((r) => r.startsWith('subtotal')))
  })
})
