import { describe, expect, it } from 'vitest'
import fixtures from '../fixtures/published-examples.json'
import { billedDurationMs, estimate, PRICE_SHEETS, type EstimateInput, type PriceSheetId } from '../../src/engine/index'

interface PublishedCase {
  id: string
  source: string
  input: EstimateInput
  lines: Record<string, number>
  totalCents: number
}

describe('published AWS examples, to the cent', () => {
  it.each((fixtures.cases as PublishedCase[]).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const bill = estimate(c.input)
    const centsByKind: Record<string, number> = {}
    for (const line of bill.lines) centsByKind[line.kind] = (centsByKind[line.kind] ?? 0) + line.cents
    expect(centsByKind, c.source).toEqual(c.lines)
    expect(bill.totalCents, c.source).toBe(c.totalCents)
  })

  it.each(fixtures.billedDuration.map((b) => [b.sheet, b.durationMs, b.billedMs] as const))(
    '%s bills %s ms as %s ms',
    (sheet, durationMs, billedMs) => {
      expect(billedDurationMs(durationMs, PRICE_SHEETS[sheet as PriceSheetId].granularityMs)).toBe(billedMs)
    },
  )
})

describe('the published examples line by line', () => {
  it('classic example 1: 1.1M billable GB-s at $0.00001667 and 2M billable requests', () => {
    const bill = estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] })
    const [requests, compute] = bill.lines
    expect(requests).toMatchObject({ kind: 'requests', quantity: '2000000', unitPriceUsd: '0.0000002', exactUsd: '0.4', cents: 40 })
    expect(compute).toMatchObject({ kind: 'compute', architecture: 'x86_64', quantity: '1100000', exactUsd: '18.337', cents: 1834 })
    expect(bill.totalUsd).toBe('18.74')
    expect(bill.freeTier).toMatchObject({ requestsUsed: '1000000', gbSecondsUsed: '400000' })
    expect(bill.functions[0]).toMatchObject({ billedMs: 1000, requestsPerMonth: '3000000', gbSeconds: '1500000' })
  })

  it('the sum of rounded lines: 13.3334 + 0.002 is $13.33, not round(13.3354) = $13.34', () => {
    const bill = estimate({ sheet: 'aws-current', freeTier: false, functions: [{ memoryMb: 2048, durationMs: 40_000, requests: 10_000 }] })
    expect(bill.lines.map((l) => l.exactUsd)).toEqual(['0.002', '13.33336'])
    expect(bill.totalUsd).toBe('13.33')
  })

  it('ephemeral storage is billed on storage above 512 MB, not on memory', () => {
    const bill = estimate({
      sheet: 'aws-current',
      functions: [{ memoryMb: 4096, durationMs: 280, requests: 6_000_000, ephemeralStorageMb: 2048 }],
    })
    const storage = bill.lines.find((l) => l.kind === 'ephemeral-storage')
    // 1.5 GB x 6,000,000 x 0.28 s = 2,520,000 GB-s at $0.0000000309
    expect(storage).toMatchObject({ quantity: '2520000', exactUsd: '0.077868', cents: 8 })
  })

  it('a workload across the 6 billion GB-s bracket is split into two compute lines', () => {
    const bill = estimate({ sheet: 'aws-current', freeTier: false, functions: [{ memoryMb: 1024, durationMs: 1024, requests: 9e9 }] })
    const compute = bill.lines.filter((l) => l.kind === 'compute')
    expect(compute.map((l) => [l.tier, l.quantity, l.usd])).toEqual([
      [1, '6000000000', '100000.20'],
      [2, '3216000000', '48240.00'],
    ])
    expect(compute[0]!.label).toBe('Compute (x86_64), first 6 billion GB-s')
  })
})

describe('unit costs', () => {
  it('cost per invocation and per million invocations divide the exact bill, before rounding', () => {
    const bill = estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] })
    // (18.337 + 0.4) / 3,000,000 = 0.000006245666...
    expect(bill.costPerRequestUsd).toBe('0.000006245667')
    expect(bill.costPerMillionRequestsUsd).toBe('6.245667')
    // 1,000 requests of 128 MB x 100 ms, no free tier: the bill rounds to $0.00, a million would not.
    // Per million: 12,500 GB-s x 0.0000166667 = 0.20833375, + 0.20 = 0.40833375
    const tiny = estimate({ sheet: 'aws-current', freeTier: false, functions: [{ memoryMb: 128, durationMs: 100, requests: 1000 }] })
    expect(tiny.totalUsd).toBe('0.00')
    expect(tiny.costPerMillionRequestsUsd).toBe('0.408334')
    expect(estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 0 }] }).costPerRequestUsd).toBeNull()
  })
})
