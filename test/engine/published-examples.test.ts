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
  it.each((fixtures.cases as unknown as PublishedCase[]).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const bill = estimate(c.input)
    const centsByKind: Record<string, number> = {}
    for (const line of bill.lines) centsByKind[line.kind] = (centsByKind[line.kind] ?? 0) + line.cents
    // Every published line to the cent; a line the source does not list must be $0.00
    // (e.g. an on-demand compute line when every request is served by provisioned environments).
    const unpublished = Object.fromEntries(
      Object.keys(centsByKind)
        .filter((k) => !(k in c.lines))
        .map((k) => [k, 0]),
    )
    expect(centsByKind, c.source).toEqual({ ...unpublished, ...c.lines })
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

describe('the 2026 examples line by line', () => {
  it('provisioned concurrency example 1: PC, PC duration, free tier on the on-demand part', () => {
    const bill = estimate({
      sheet: 'aws-current',
      freeTier: true,
      functions: [
        { memoryMb: 1536, durationMs: 100, requests: 500_000, provisionedConcurrency: 100, provisionedHours: 8 },
        { memoryMb: 1536, durationMs: 120, requests: 2_500_000 },
      ],
    })
    const byKind = (k: string) => bill.lines.find((l) => l.kind === k)!
    // 100 x 1.5 GB x 8 h x 3,600 s = 4,320,000 GB-s x 0.0000041667 = 18.000144
    expect(byKind('provisioned-concurrency')).toMatchObject({
      quantity: '4320000',
      exactUsd: '18.000144',
      cents: 1800,
      label: 'Provisioned Concurrency (x86_64)',
    })
    // 500,000 x 0.1 s x 1.5 GB = 75,000 GB-s x 0.0000097222 = 0.729165
    expect(byKind('provisioned-duration')).toMatchObject({
      quantity: '75000',
      exactUsd: '0.729165',
      cents: 73,
      label: 'Provisioned Duration (x86_64)',
    })
    // 2,500,000 x 0.12 s x 1.5 GB = 450,000 - 400,000 free = 50,000 GB-s x 0.0000166667 = 0.833335
    expect(byKind('compute')).toMatchObject({ quantity: '50000', exactUsd: '0.833335', cents: 83 })
    // 3,000,000 - 1,000,000 free = 2,000,000 x 0.0000002
    expect(byKind('requests')).toMatchObject({ quantity: '2000000', cents: 40 })
    expect(bill.totalUsd).toBe('19.96')
  })

  it('provisioned concurrency example 2: 5-minute rounding is exact at 24 h, no on-demand compute charge', () => {
    const bill = estimate({
      sheet: 'aws-current',
      freeTier: false,
      functions: [{ memoryMb: 4096, durationMs: 280, requests: 2_000_000, provisionedConcurrency: 7, provisionedHours: 24 }],
    })
    // 7 x 4 GB x 86,400 s = 2,419,200 GB-s x 0.0000041667 = 10.08008...
    expect(bill.lines.find((l) => l.kind === 'provisioned-concurrency')).toMatchObject({ quantity: '2419200', cents: 1008 })
    // 2,000,000 x 0.28 s x 4 GB = 2,240,000 GB-s x 0.0000097222 = 21.777728
    expect(bill.lines.find((l) => l.kind === 'provisioned-duration')).toMatchObject({ quantity: '2240000', exactUsd: '21.777728', cents: 2178 })
    expect(bill.lines.find((l) => l.kind === 'compute')).toMatchObject({ quantity: '0', cents: 0 })
  })

  it('SnapStart example: cache for 744 h and 74,400 restores of 1 GB', () => {
    const bill = estimate({
      sheet: 'aws-current',
      freeTier: false,
      functions: [{ memoryMb: 1024, durationMs: 2000, requests: 7_440_000, snapStart: 'priced', coldStartPercent: 1, snapStartCacheHours: 744 }],
    })
    // 1 GB x 744 h x 3,600 s = 2,678,400 GB-s x 0.0000015046 = 4.02992064
    expect(bill.lines.find((l) => l.kind === 'snapstart-cache')).toMatchObject({
      quantity: '2678400',
      exactUsd: '4.02992064',
      cents: 403,
      label: 'SnapStart cache',
    })
    // 1 % of 7,440,000 = 74,400 restores x 1 GB x 0.0001397998 = 10.40110512
    expect(bill.lines.find((l) => l.kind === 'snapstart-restore')).toMatchObject({
      quantity: '74400',
      quantityUnit: 'GB',
      exactUsd: '10.40110512',
      cents: 1040,
    })
  })

  it('response streaming: 1M requests of 7 MB stream 976.5625 GiB past the free 6 MB, $7.81 without the free tier', () => {
    const bill = estimate({
      sheet: 'aws-current',
      freeTier: false,
      functions: [{ memoryMb: 128, durationMs: 1, requests: 1_000_000, streamedMbPerRequest: 7 }],
    })
    // 1,000,000 x 1 MB / 1,024 = 976.5625 GiB x 0.008 = 7.8125
    expect(bill.lines.find((l) => l.kind === 'response-streaming')).toMatchObject({
      quantity: '976.5625',
      exactUsd: '7.8125',
      cents: 781,
      label: 'Response streaming',
    })
    // With the free tier, 100 GiB of it is free: 876.5625 x 0.008 = 7.0125
    const free = estimate({ sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 1, requests: 1_000_000, streamedMbPerRequest: 7 }] })
    expect(free.lines.find((l) => l.kind === 'response-streaming')).toMatchObject({ quantity: '876.5625', cents: 701 })
  })

  it('cold starts: INIT is summed with the duration and rounded once, as in AWS REPORT lines', () => {
    // 250.06 + 100.77 = 350.83 -> 351 ms (not 251 + 101 = 352)
    const bill = estimate({
      sheet: 'aws-current',
      freeTier: false,
      functions: [{ memoryMb: 1024, durationMs: 250.06, requests: 1000, coldStartPercent: 100, initDurationMs: 100.77 }],
    })
    expect(bill.functions[0]).toMatchObject({ billedMs: 251, billedColdMs: 351, coldRequestsPerMonth: '1000' })
    // 1,000 x 0.351 s x 1 GB = 351 GB-s
    expect(bill.lines.find((l) => l.kind === 'compute')!.quantity).toBe('351')
  })

  it('Lambda@Edge: its own lines, no free tier, one price whatever the region', () => {
    const bill = estimate({
      sheet: 'aws-current',
      region: 'eu-west-1',
      functions: [{ memoryMb: 128, durationMs: 50, requests: 10_000_000, edge: true }],
    })
    // 10,000,000 x 0.0000006 = 6.00; 10,000,000 x 0.05 s x 0.125 GB = 62,500 GB-s x 0.00005001 = 3.125625
    expect(bill.lines.find((l) => l.kind === 'edge-requests')).toMatchObject({ quantity: '10000000', cents: 600, label: 'Lambda@Edge requests' })
    expect(bill.lines.find((l) => l.kind === 'edge-duration')).toMatchObject({
      quantity: '62500',
      exactUsd: '3.125625',
      cents: 313,
      label: 'Lambda@Edge duration',
    })
    expect(bill.lines.find((l) => l.kind === 'requests')).toMatchObject({ quantity: '0', cents: 0 })
    expect(bill.totalCents).toBe(913)
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
