import { describe, expect, it } from 'vitest'
import { calculationSteps, estimate, estimateTotal, validateInput, type EstimateInput, type FunctionInput } from '../../src/engine/index'

// CloudWatch Logs beside Lambda. Prices (pricing-next.md 4.1, AWS Price List for
// CloudWatch, us-east-1, effective 2025-09-01): vended logs, Standard $0.50 /
// $0.25 / $0.10 / $0.05 per GB at 10 / 30 / 50 TB; Infrequent Access $0.25 /
// $0.15 / $0.075 / $0.05; storage $0.03 per GB-month on 15 % of the ingested GB
// (the AWS Pricing Calculator's compression factor); 5 GB a month free.
// System bytes per invocation (pricing-next.md 4.2): text 264 warm, 290 cold; JSON 819.
// GB = 2^30 bytes = 1,073,741,824.

const GIB = 1_073_741_824

const input = (functions: FunctionInput[], extra: Partial<EstimateInput> = {}): EstimateInput => ({
  sheet: 'aws-current',
  region: 'us-east-1',
  freeTier: false,
  functions,
  ...extra,
})

const centsOf = (bill: ReturnType<typeof estimate>, kind: string) => bill.lines.filter((l) => l.kind === kind).map((l) => l.cents)

describe('CloudWatch Logs', () => {
  it("the issue's 128 MB / 50 ms function, 1M invocations: text system logs $0.12, JSON $0.38 beside $0.30 of Lambda", () => {
    // 1,000,000 x 264 bytes = 264,000,000 / 2^30 = 0.24586... GB x $0.50 = $0.1229... -> $0.12.
    // 1,000,000 x 819 bytes = 819,000,000 / 2^30 = 0.76275... GB x $0.50 = $0.3813... -> $0.38.
    // Lambda: $0.20 of requests + 6,250 GB-s x $0.0000166667 = $0.1041... -> $0.10.
    const fn: FunctionInput = { memoryMb: 128, durationMs: 50, requests: 1_000_000, logFormat: 'text', logRetentionMonths: 0 }
    const text = estimate(input([fn]))
    expect(centsOf(text, 'logs-standard')).toEqual([12])
    expect(centsOf(text, 'logs-storage')).toEqual([])
    expect(text.totalCents).toBe(20 + 10 + 12)
    const json = estimate(input([{ ...fn, logFormat: 'json' }]))
    expect(centsOf(json, 'logs-standard')).toEqual([38])
    expect(json.totalCents).toBe(20 + 10 + 38)
  })

  it('the 10 TB boundary: exactly 10,240 GB is all first bracket; 10 GB more are billed at $0.25', () => {
    // 2^30 invocations x (819 + 9,421) bytes = 10,240 GB exactly: 10,240 x $0.50 = $5,120.00.
    const at = estimate(
      input([{ memoryMb: 128, durationMs: 1, requests: GIB, logFormat: 'json', appLogBytesPerInvocation: 9_421, logRetentionMonths: 0 }]),
    )
    expect(centsOf(at, 'logs-standard')).toEqual([512_000])
    // 10,250 GB: $5,120.00 + 10 x $0.25 = $2.50.
    const over = estimate(
      input([{ memoryMb: 128, durationMs: 1, requests: GIB, logFormat: 'json', appLogBytesPerInvocation: 9_431, logRetentionMonths: 0 }]),
    )
    expect(centsOf(over, 'logs-standard')).toEqual([512_000, 250])
    expect(over.lines.find((l) => l.kind === 'logs-standard' && l.tier === 2)!.label).toBe(
      'CloudWatch Logs ingested (Standard), next 20,480 GB (to 30,720)',
    )
    // With the free tier, 5 GB come off first: 10,245 GB billable, $5,120.00 + 5 x $0.25 = $1.25.
    const free = estimate({ ...input(over.input.functions), freeTier: true })
    expect(centsOf(free, 'logs-standard')).toEqual([512_000, 125])
    // 60 TB (61,440 GB): 10,240 x 0.50 + 20,480 x 0.25 + 20,480 x 0.10 + 10,240 x 0.05 = 5,120 + 5,120 + 2,048 + 512 = $12,800.00.
    const sixty = estimate(
      input([{ memoryMb: 128, durationMs: 1, requests: GIB, logFormat: 'json', appLogBytesPerInvocation: 61_440 - 819, logRetentionMonths: 0 }]),
    )
    expect(centsOf(sixty, 'logs-standard')).toEqual([512_000, 512_000, 204_800, 51_200])
  })

  it('the brackets are the account’s: two functions of 6,000 GB share them, and their shares sum to the lines', () => {
    // 12,000 GB: 10,240 x $0.50 + 1,760 x $0.25 = $5,120 + $440 = $5,560.00; each function half.
    const fn: FunctionInput = {
      memoryMb: 128,
      durationMs: 1,
      requests: GIB,
      logFormat: 'json',
      appLogBytesPerInvocation: 6_000 - 819,
      logRetentionMonths: 0,
    }
    const bill = estimate(input([fn, { ...fn, name: 'b' }]))
    expect(centsOf(bill, 'logs-standard')).toEqual([512_000, 44_000])
    const lambda = bill.lines.filter((l) => !l.kind.startsWith('logs')).reduce((s, l) => s + l.cents, 0)
    expect(bill.totalCents).toBe(lambda + 556_000)
    // Equal use: each function's share is half of every line (an odd cent to the first).
    const [a, b] = bill.functions.map((f) => f.cents)
    expect(a! + b!).toBe(bill.totalCents)
    expect(a! - b!).toBeGreaterThanOrEqual(0)
    expect(a! - b!).toBeLessThanOrEqual(bill.lines.length)
  })

  it('the free 5 GB come off Standard first, then Infrequent Access; storage is on every GB ingested', () => {
    // 2^20 invocations each: 3,072 bytes (264 + 2,808) = 3 GB Standard; 4,096 bytes (264 + 3,832) = 4 GB IA.
    // Free 5 GB: Standard 3 GB -> $0.00; IA 2 GB free, 2 GB x $0.25 = $0.50.
    // Storage: (3 + 4) GB x 0.15 x 1 month = 1.05 GB-months x $0.03 = $0.0315 -> $0.03, shared 0.45 : 0.6 -> 1 and 2 cents.
    // Lambda: 2,097,152 requests - 1,000,000 free = 1,097,152 x $0.0000002 = $0.2194... -> $0.22; 262.144 GB-s, all free.
    const a: FunctionInput = { memoryMb: 128, durationMs: 1, requests: 1_048_576, logFormat: 'text', appLogBytesPerInvocation: 2_808 }
    const b: FunctionInput = { ...a, appLogBytesPerInvocation: 3_832, logClass: 'infrequent-access' }
    const bill = estimate(input([a, b], { freeTier: true }))
    expect(centsOf(bill, 'logs-standard')).toEqual([0])
    expect(centsOf(bill, 'logs-infrequent-access')).toEqual([50])
    expect(centsOf(bill, 'logs-storage')).toEqual([3])
    expect(bill.totalCents).toBe(22 + 0 + 0 + 50 + 3)
    const shares = calculationSteps(bill)
      .sections.find((s) => s.title === 'Per function')!
      .lines.map((l) => l.text)
    // a: $0.11 of requests (half of 22 cents) + 1 cent of storage; b: $0.11 + $0.50 + 2 cents.
    expect(shares[0]).toBe('Function 1: 0.11 USD + 0.01 USD = 0.12 USD')
    expect(shares[1]).toBe('Function 2: 0.11 USD + 0.50 USD + 0.02 USD = 0.63 USD')
  })

  it('a cold start’s text REPORT line is 26 bytes longer; JSON lines are 819 bytes either way', () => {
    // 100M invocations, 10 % cold: 26,400,000,000 + 10,000,000 x 26 = 26,660,000,000 bytes
    // = 24.829... GB x $0.50 = $12.41 (all warm it would be 24.586... GB, $12.29).
    const fn: FunctionInput = { memoryMb: 128, durationMs: 1, requests: 100_000_000, coldStartPercent: 10, logFormat: 'text', logRetentionMonths: 0 }
    expect(centsOf(estimate(input([fn])), 'logs-standard')).toEqual([1241])
    expect(centsOf(estimate(input([{ ...fn, coldStartPercent: 0 }])), 'logs-standard')).toEqual([1229])
  })

  it('months kept scale the storage; 0 keeps nothing', () => {
    // 2^30 invocations x 1,000 bytes (264 + 736) = 1,000 GB; x 0.15 x 12 months = 1,800 GB-months x $0.03 = $54.00.
    const fn: FunctionInput = {
      memoryMb: 128,
      durationMs: 1,
      requests: GIB,
      logFormat: 'text',
      appLogBytesPerInvocation: 736,
      logRetentionMonths: 12,
    }
    const bill = estimate(input([fn]))
    expect(centsOf(bill, 'logs-standard')).toEqual([50_000])
    expect(centsOf(bill, 'logs-storage')).toEqual([5_400])
    // Half a month: 75 GB-months, $2.25.
    expect(centsOf(estimate(input([{ ...fn, logRetentionMonths: 0.5 }])), 'logs-storage')).toEqual([225])
  })

  it('regional prices where sourced (eu-west-1 $0.57), us-east-1’s elsewhere, said in the assumptions', () => {
    // 819,000,000 bytes = 0.76275... GB x $0.57 = $0.4347... -> $0.43.
    const fn: FunctionInput = { memoryMb: 128, durationMs: 1, requests: 1_000_000, logFormat: 'json', logRetentionMonths: 0 }
    const eu = estimate(input([fn], { region: 'eu-west-1' }))
    expect(centsOf(eu, 'logs-standard')).toEqual([43])
    expect(eu.assumptions.join(' ')).not.toContain('are us-east-1’s')
    const oregon = estimate(input([fn], { region: 'us-west-2' }))
    expect(centsOf(oregon, 'logs-standard')).toEqual([38])
    expect(oregon.assumptions.join(' ')).toContain('CloudWatch Logs prices in us-west-2 not found in the sources are us-east-1’s.')
  })

  it('off (the default) prices nothing, whatever the class and retention say', () => {
    const plain: FunctionInput = { memoryMb: 512, durationMs: 120, requests: 5_000_000 }
    const off = estimate(
      input([{ ...plain, logFormat: 'off', logClass: 'infrequent-access', logRetentionMonths: 24, appLogBytesPerInvocation: 500 }]),
    )
    expect(off.lines).toEqual(estimate(input([plain])).lines)
    expect(off.totalCents).toBe(estimate(input([plain])).totalCents)
  })

  it('the fast path gives the exact bill’s lines', () => {
    const fn: FunctionInput = {
      memoryMb: 256,
      durationMs: 33.3,
      requests: 7_777_777,
      coldStartPercent: 2.5,
      logFormat: 'text',
      appLogBytesPerInvocation: 1234.5,
      logRetentionMonths: 3,
    }
    for (const freeTier of [true, false]) {
      const i = input([fn, { ...fn, logFormat: 'json', logClass: 'infrequent-access' }], { freeTier })
      const exact = estimate(i)
      expect(estimateTotal(i).lines).toEqual(exact.lines.map((l) => expect.objectContaining({ kind: l.kind, cents: l.cents })))
      expect(estimateTotal(i).totalCents).toBe(exact.totalCents)
    }
  })

  it('bad values are named: a format, a class, bytes below 0, retention above 120, text on Managed Instances', () => {
    const fn = { memoryMb: 128, durationMs: 1, requests: 1 }
    const problems = (f: Record<string, unknown>) => validateInput(input([{ ...fn, ...f } as FunctionInput]))
    expect(problems({ logFormat: 'xml' })).toEqual([{ path: 'functions.0.logFormat', message: 'Log format must be off, text or json; got "xml".' }])
    expect(problems({ logClass: 'glacier' })).toEqual([
      { path: 'functions.0.logClass', message: 'Log class must be standard or infrequent-access; got "glacier".' },
    ])
    expect(problems({ appLogBytesPerInvocation: -1 })[0]!.message).toBe(
      'Log bytes per invocation must be between 0 and 1,000,000,000 bytes; got -1 bytes.',
    )
    expect(problems({ logRetentionMonths: 121 })[0]!.message).toBe('Log retention must be between 0 and 120 months; got 121 months.')
    const managed = { memoryMb: 2048, compute: 'managed-instances', instanceType: 'm7i.xlarge' }
    expect(problems({ ...managed, logFormat: 'text' })).toEqual([
      {
        path: 'functions.0.logFormat',
        message:
          'Log format text is not available on Managed Instances: their functions log in JSON only; got text. Choose JSON, or turn the logs off.',
      },
    ])
    expect(problems({ ...managed, logFormat: 'json' })).toEqual([])
  })

  it('the steps show invocations x bytes = GB, the free tier and the storage', () => {
    const fn: FunctionInput = {
      memoryMb: 128,
      durationMs: 1,
      requests: 1_048_576,
      logFormat: 'text',
      appLogBytesPerInvocation: 2_808,
      logRetentionMonths: 2,
    }
    const text = calculationSteps(estimate(input([fn], { freeTier: true }))).text
    expect(text).toContain(
      "1,048,576 invocations x (264 bytes of Lambda's own text lines + 2,808 bytes of yours) = 3,221,225,472 bytes / 1,073,741,824 bytes in a GB = 3 GB ingested",
    )
    expect(text).toContain('CloudWatch Logs free tier: 5 GB a month for the account, taken from Standard first')
    expect(text).toContain('3 GB ingested x 0.15 storage compression factor x 2 months kept = 0.9 GB-months stored (steady state)')
    // One month reads in the singular: 3 x 0.15 x 1 = 0.45 GB-months.
    const oneMonth = calculationSteps(estimate(input([{ ...fn, logRetentionMonths: 1 }], { freeTier: true }))).text
    expect(oneMonth).toContain('3 GB ingested x 0.15 storage compression factor x 1 month kept = 0.45 GB-months stored (steady state)')
  })
})
