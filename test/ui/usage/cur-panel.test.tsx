import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fireEvent, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import CurPanel from '../../../src/ui/usage/cur-panel'
import { renderWithStore } from '../render'

// The CUR query's result in Athena's layout; its figures are worked by hand in test/engine/usage/cur.test.ts.
const FIXTURE = readFileSync(resolve(__dirname, '../../fixtures/cur/athena-lambda-2026-10.csv'), 'utf8')

async function readPasted(text: string) {
  const user = userEvent.setup()
  fireEvent.change(screen.getByLabelText('Paste the query\u2019s CSV result'), { target: { value: text } })
  await user.click(screen.getByRole('button', { name: 'Read the CUR CSV' }))
  return user
}

describe('CUR panel', () => {
  it('shows the query it asks for, and reconciles a pasted result', async () => {
    renderWithStore(<CurPanel />)
    expect(screen.getByTestId('cur-query').textContent).toContain("line_item_product_code = 'AWSLambda'")
    await readPasted(FIXTURE)
    expect((await screen.findByTestId('cur-sentence', {}, { timeout: 30_000 })).textContent).toBe(
      'AWS billed $23.60; the calculator reproduces $25.70 for the same usage; the difference is the Savings Plan ($2.00, effective cost) and credits ($0.10).',
    )
    expect(screen.getByTestId('cur-problems').textContent).toContain('Row 16: usage_amount "lots" is not a number')
  })

  it('says why nothing could be read, and where', async () => {
    renderWithStore(<CurPanel />)
    await readPasted('REPORT RequestId: x Duration: 1 ms\n')
    expect((await screen.findByRole('alert', {}, { timeout: 30_000 })).textContent).toMatch(
      /^No Lambda usage was found in pasted text \(0 rows read, 1 left out\)\. Line 1: The header row has no month, usage_type, usage_amount, unblended_cost column/,
    )
  })
})
