import { render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { estimate, percentOf, type EstimateInput } from '../../../src/engine/index'
import { SplitChart } from '../../../src/ui/charts/split-chart'
import { centsOf } from '../../../src/ui/money'

// jsdom lays nothing out: the chart frame finds no size and draws no bars, but the table beside them is there.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
beforeEach(() => {
  globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver
})

/** The chart's table: service, amount, share, a row each. */
const tableRows = () =>
  within(screen.getByTestId('chart-split'))
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))

describe('the split chart: where the money goes, by service', () => {
  // 128 MB, 100 ms, 10,000,000 requests a month, us-east-1, no free tier (so no free allowance of any service applies),
  // JSON logs, a REST API in front, 100 KB responses. Prices: pricing.md section 10 and the Lambda pricing page.
  const input: EstimateInput = {
    sheet: 'aws-current',
    freeTier: false,
    functions: [{ memoryMb: 128, durationMs: 100, requests: 10_000_000, logFormat: 'json', frontDoor: 'rest-api', responseKb: 100 }],
  }

  it('a bar per service, each the sum of its rounded lines, with its share; the amounts add up to the total', () => {
    const e = estimate(input)
    render(<SplitChart estimate={e} />)
    // Lambda: requests 10 x $0.20 = $2.00; compute 10,000,000 x 0.1 s x 0.125 GB = 125,000 GB-s x $0.0000166667
    //   = $2.0833375 -> $2.08. Subtotal $4.08.
    // CloudWatch Logs: 10,000,000 x 819 bytes = 8,190,000,000 / 2^30 = 7.62757... GB x $0.50 = $3.81378... -> $3.81;
    //   stored 7.62757... x 0.15 x 1 month = 1.14413... GB-months x $0.03 = $0.0343... -> $0.03. Subtotal $3.84.
    // API Gateway: 10,000,000 REST requests x $3.50 per million = $35.00.
    // Data out: 10,000,000 x 100 KB x 1,024 bytes = 1.024e12 / 2^30 = 953.67431640625 GB x $0.09 = $85.8306... -> $85.83.
    // Total $4.08 + $3.84 + $35.00 + $85.83 = $128.75. Shares: 408 / 12,875 = 3.17 %, 384 / 12,875 = 2.98 %,
    //   3,500 / 12,875 = 27.18 %, 8,583 / 12,875 = 66.66 %.
    expect(tableRows()).toEqual([
      ['Service', 'Amount', 'Share of the bill'],
      ['AWS Lambda', '$4.08', '3.2 %'],
      ['CloudWatch Logs', '$3.84', '3.0 %'],
      ['API Gateway / ALB', '$35.00', '27.2 %'],
      ['Data transfer out', '$85.83', '66.7 %'],
      ['Total', '$128.75', '100 %'],
    ])
    expect(e.totalUsd).toBe('128.75')
    const amounts = tableRows()
      .slice(1, -1)
      .map((r) => centsOf(r[1]!.slice(1)))
    expect(amounts.reduce((a, b) => a + b, 0n)).toBe(centsOf(e.totalUsd))
    expect(screen.getByTestId('chart-split')).toHaveTextContent('This month’s bill by service: AWS Lambda itself is 3.2 % of it.')
  })

  it('only the services in use: logs alone add one bar, and a service all in its free allowance shows at $0.00', () => {
    // The same function with the free tier on and no API: 9,000,000 requests x $0.20 per million = $1.80;
    // 125,000 GB-s all within the free 400,000 GB-s: $0.00. Logs: 7.62757... GB - 5 free = 2.62757... GB x $0.50
    // = $1.3137... -> $1.31; stored $0.03 as above. Data out 953.67... - 100 free = 853.67431640625 GB x $0.09
    // = $76.8306... -> $76.83. Total $79.97.
    const e = estimate({ ...input, freeTier: true, functions: [{ ...input.functions[0]!, frontDoor: 'none' }] })
    render(<SplitChart estimate={e} />)
    expect(tableRows()).toEqual([
      ['Service', 'Amount', 'Share of the bill'],
      ['AWS Lambda', '$1.80', '2.3 %'],
      ['CloudWatch Logs', '$1.34', '1.7 %'],
      ['Data transfer out', '$76.83', '96.1 %'],
      ['Total', '$79.97', '100 %'],
    ])
  })

  it('the page’s example: a share under 0.1 % says so, and data out all in its free 100 GB is a bar at $0.00, not left out', () => {
    // 512 MB, 1 s, 3M requests, free tier on: $0.40 + 1,100,000 GB-s x $0.0000166667 = $18.33: $18.73.
    // JSON logs: 3,000,000 x 819 = 2,457,000,000 bytes = 2.288... GB, within the free 5 GB; stored 0.343... GB-months
    // x $0.03 = $0.0103 -> $0.01. REST API: 3 x $3.50 = $10.50. Data out: 3,000,000 x 10 KB = 28.6 GB, within the free 100 GB.
    // Total $29.24: 1,873 / 2,924 = 64.06 %, 1 / 2,924 = 0.03 %, 1,050 / 2,924 = 35.91 %.
    const e = estimate({
      sheet: 'aws-current',
      functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000, logFormat: 'json', frontDoor: 'rest-api', responseKb: 10 }],
    })
    render(<SplitChart estimate={e} />)
    expect(tableRows()).toEqual([
      ['Service', 'Amount', 'Share of the bill'],
      ['AWS Lambda', '$18.73', '64.1 %'],
      ['CloudWatch Logs', '$0.01', '<0.1 %'],
      ['API Gateway / ALB', '$10.50', '35.9 %'],
      ['Data transfer out', '$0.00', '0.0 %'],
      ['Total', '$29.24', '100 %'],
    ])
  })

  it('a bill of Lambda alone stays split by line: one bar of 100 % would say nothing', () => {
    // 512 MB, 1 s, 3M requests with the free tier: requests 2M x $0.20 = $0.40; 1,100,000 GB-s x $0.0000166667 = $18.33.
    render(<SplitChart estimate={estimate({ sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] })} />)
    const chart = screen.getByTestId('chart-split')
    expect(chart).toHaveTextContent('This month’s bill by line.')
    expect([...chart.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['Requests', 'Compute (x86_64), first 6 billion GB\u2011s'])
  })
})

describe('a share of the bill in per cent', () => {
  it.each<[bigint, bigint, string]>([
    [1873n, 2924n, '64.1'], // 64.056...
    [1n, 8n, '12.5'], // exactly 12.5
    [1n, 16n, '6.3'], // 6.25, half-up
    [1n, 2924n, '<0.1'], // 0.034...: something is not 0.0
    [2923n, 2924n, '100.0'], // 99.965..., half-up
    [0n, 2924n, '0.0'],
    [2924n, 2924n, '100.0'],
    [0n, 0n, '0.0'], // nothing of nothing
    [10n ** 30n, 3n * 10n ** 30n, '33.3'], // exact past 2^53
  ])('%s of %s: %s per cent', (part, whole, expected) => {
    expect(percentOf(part, whole)).toBe(expected)
  })
})
