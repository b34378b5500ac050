import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { adviceFor, estimate, PRICE_SHEETS, validateInput, type EstimateInput, type FunctionInput } from '../../src/engine/index'

const current = (fn: Partial<FunctionInput>, account: Partial<EstimateInput> = {}): EstimateInput => ({
  sheet: 'aws-current',
  ...account,
  functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6, ...fn }],
})

/** Each piece of advice as "kind saving". */
const brief = (input: EstimateInput, options?: Parameters<typeof adviceFor>[1]) => adviceFor(input, options).map((a) => `${a.kind} ${a.savingUsd}`)

describe('advice: provisioned concurrency under the 60 % break-even', () => {
  it('says how busy the environments are and what on demand would save', () => {
    // 10 environments of 1 GB for 730 h = 10 x 2,628,000 s = 26,280,000 s enabled.
    // 1,051,200 requests of 100 ms = 105,120 s busy: 105,120 / 26,280,000 = 0.4 %.
    // With PC: requests 51,200 after the free tier x 0.0000002 = 0.01024 -> $0.01;
    //   PC 26,280,000 GB-s x 0.0000041667 = 109.500876 -> $109.50;
    //   PC duration 105,120 GB-s x 0.0000097222 = 1.02199766 -> $1.02; total $110.53.
    // On demand: 105,120 GB-s, all inside the free 400,000 -> $0.00; requests $0.01; total $0.01.
    // Saving: $110.53 - $0.01 = $110.52.
    const input = current({ memoryMb: 1024, durationMs: 100, requests: 1_051_200, provisionedConcurrency: 10 })
    const [first] = adviceFor(input)
    expect(first).toMatchObject({
      kind: 'provisioned',
      functionIndex: 0,
      savingCents: 11052,
      savingUsd: '110.52',
      text: 'Provisioned concurrency is busy 0.4 % of the time, below the 60 % break-even: on demand would cost $110.52 less, counting no cold starts.',
    })
    // The function as given, its provisioned concurrency left out.
    expect(first!.input).toStrictEqual({ sheet: 'aws-current', functions: [{ memoryMb: 1024, durationMs: 100, requests: 1_051_200 }] })
  })

  it('counts the cold starts on demand would have, as entered', () => {
    const [first] = adviceFor(current({ memoryMb: 1024, durationMs: 100, requests: 1_051_200, provisionedConcurrency: 10, coldStartPercent: 2 }))
    expect(first!.text).toMatch(/on demand would cost \$[\d.]+ less, with its 2 % cold starts\.$/)
  })

  it('says nothing at the break-even or above', () => {
    // 60 %: 0.6 x 26,280,000 s = 15,768,000 s busy = 157,680,000 requests of 100 ms.
    const at60 = current({ memoryMb: 1024, durationMs: 100, requests: 157_680_000, provisionedConcurrency: 10 })
    expect(brief(at60).filter((a) => a.startsWith('provisioned'))).toEqual([])
    const at70 = current({ memoryMb: 1024, durationMs: 100, requests: 183_960_000, provisionedConcurrency: 10 })
    expect(brief(at70).filter((a) => a.startsWith('provisioned'))).toEqual([])
  })

  it('ranks it among the rest by saving: idle environments in the dearer region', () => {
    // One idle 1 GB environment in ap-southeast-5 for 730 h: 2,628,000 GB-s.
    // x86_64 there: 2,628,000 x 0.0000046791 = 12.2966748 -> $12.30 (no requests, no compute).
    // On demand: $0.00, saving $12.30.
    // arm64 there (derived: 0.0000046791 x 0.8 = 0.00000374328 -> 0.0000037433):
    //   2,628,000 x 0.0000037433 = 9.8373924 -> $9.84, saving $2.46.
    // us-east-1, the first of three regions at 0.0000041667: 2,628,000 x 0.0000041667 = 10.9500876 -> $10.95, saving $1.35.
    const input = current({ memoryMb: 1024, durationMs: 100, requests: 0, provisionedConcurrency: 1 }, { region: 'ap-southeast-5' })
    const advice = adviceFor(input)
    expect(advice.map((a) => `${a.kind} ${a.savingUsd}`)).toEqual(['provisioned 12.30', 'arm64 2.46', 'region 1.35'])
    expect(advice[0]!.text).toContain('busy 0 % of the time')
    expect(advice[2]!.text).toBe('In US East (N. Virginia), us-east-1, the cheapest region that prices all of this: $1.35 less.')
  })

  it('has nothing to say on the classic sheet, which had no provisioned concurrency', () => {
    const input: EstimateInput = { sheet: 'aws-2016', functions: [{ memoryMb: 1024, durationMs: 100, requests: 1e5, provisionedConcurrency: 10 }] }
    expect(brief(input)).toEqual([])
  })
})

describe('advice: arm64 and the cheapest region', () => {
  it('the classic example on today’s sheet: arm64, then Malaysia', () => {
    // x86_64: 3M x 1 s x 0.5 GB = 1,500,000 - 400,000 free = 1,100,000 GB-s x 0.0000166667 = 18.33337 -> $18.33;
    //   2M requests after the free 1M x 0.0000002 = $0.40; total $18.73.
    // arm64: 1,100,000 x 0.0000133334 = 14.66674 -> $14.67 + $0.40 = $15.07: $3.66 less.
    // ap-southeast-5: 1,100,000 x 0.0000150000 = $16.50; 2M x 0.00000018 = $0.36; $16.86: $1.87 less.
    const advice = adviceFor(current({}))
    expect(advice.map((a) => a.text)).toEqual([
      'On arm64 (Graviton), if its code runs there: $3.66 less.',
      'In Asia Pacific (Malaysia), ap-southeast-5, the cheapest region that prices all of this: $1.87 less.',
    ])
    expect(advice[0]!.input.functions[0]!.architecture).toBe('arm64')
    expect(advice[1]!.input.region).toBe('ap-southeast-5')
  })

  it('names the function when there are several, and advises each on its own', () => {
    const input: EstimateInput = {
      sheet: 'aws-current',
      freeTier: false,
      functions: [
        // 1,500,000 GB-s: x86_64 x 0.0000166667 = 25.00005 -> $25.00; arm64 x 0.0000133334 = 20.0001 -> $20.00: $5.00 less.
        { name: 'api', memoryMb: 512, durationMs: 1000, requests: 3e6 },
        // Already arm64: nothing to move.
        { name: 'worker', memoryMb: 512, durationMs: 1000, requests: 3e6, architecture: 'arm64' },
        // 1M x 0.2 s x 1 GB = 200,000 GB-s: x86_64 3.33334 -> $3.33 (the shared line moves from $28.33 to $25.00).
        { memoryMb: 1024, durationMs: 200, requests: 1e6 },
      ],
    }
    const texts = adviceFor(input, { limit: 10 }).map((a) => a.text)
    expect(texts).toContain('api: on arm64 (Graviton), if its code runs there: $5.00 less.')
    expect(texts.filter((t) => t.startsWith('worker:'))).toEqual([])
    // x86_64 on demand: 1,700,000 GB-s x 0.0000166667 = 28.33339 -> $28.33; without function 3's 200,000: 25.00005 -> $25.00;
    // its 200,000 on arm64: 0.0000133334 x (1,500,000 + 200,000) = 22.66678 -> $22.67 against $20.00: $28.33 + $20.00 - $25.00 - $22.67 = $0.66.
    expect(texts).toContain('Function 3: on arm64 (Graviton), if its code runs there: $0.66 less.')
  })

  it('never advises what AWS does not allow: arm64 on Lambda@Edge, arm64 where the region has no arm64 price', () => {
    expect(brief(current({ memoryMb: 128, durationMs: 5, requests: 1e7, edge: true }))).toEqual([])
    // me-central-1 prices x86_64 only: no arm64 there; a cheaper region, yes.
    const uae = brief(current({}, { region: 'me-central-1' }))
    expect(uae.some((a) => a.startsWith('arm64'))).toBe(false)
    expect(uae.some((a) => a.startsWith('region'))).toBe(true)
  })

  it('names the cheapest region whose prices no source disputes and that prices all the workload uses', () => {
    const regions = PRICE_SHEETS['aws-current'].regions
    expect(Object.keys(regions).filter((id) => !regions[id]!.verified)).toEqual(['ap-northeast-3'])
    const centsOf = (usd: string) => BigInt(usd.replace('.', ''))
    fc.assert(
      fc.property(
        fc.record({
          memoryMb: fc.integer({ min: 128, max: 4096 }),
          durationMs: fc.integer({ min: 1, max: 5000 }),
          requests: fc.integer({ min: 0, max: 1e9 }),
          architecture: fc.constantFrom('x86_64' as const, 'arm64' as const),
          ephemeralStorageMb: fc.constantFrom(512, 2048),
          provisionedConcurrency: fc.constantFrom(0, 0, 500),
        }),
        fc.constantFrom(...Object.keys(regions).filter((r) => r !== 'me-central-1')),
        (fn, region) => {
          // The cheapest by pricing the workload in each region the engine accepts it in, the first on a tie.
          fc.pre(validateInput({ sheet: 'aws-current', region, functions: [fn] }).length === 0)
          let best: { id: string; cents: bigint } | null = null
          const here = centsOf(estimate({ sheet: 'aws-current', region, functions: [fn] }).totalUsd)
          for (const id of Object.keys(regions)) {
            if (!regions[id]!.verified) continue
            let cents: bigint
            try {
              cents = centsOf(estimate({ sheet: 'aws-current', region: id, functions: [fn] }).totalUsd)
            } catch {
              continue
            }
            if (!best || cents < best.cents) best = { id, cents }
          }
          const advice = adviceFor({ sheet: 'aws-current', region, functions: [fn] }, { limit: 10 }).find((a) => a.kind === 'region')
          if (best!.cents < here) expect(advice?.input.region).toBe(best!.id)
          else expect(advice).toBeUndefined()
        },
      ),
      { numRuns: 60, seed: 3 },
    )
  })

  it('has nothing to advise for an arm64 function in the cheapest region', () => {
    expect(brief(current({ architecture: 'arm64' }, { region: 'ap-southeast-5' }))).toEqual([])
  })
})

describe('advice: the free tier', () => {
  it('where it is switched off: the classic example 2 without it', () => {
    // Classic sheet, no free tier: 1M x 0.1 s x 1 GB = 100,000 GB-s x 0.00001667 = 1.667 -> $1.67; 1M x 0.0000002 = $0.20.
    // With it: both inside the free allowance, $0.00. Saving $1.87. The classic sheet has no arm64 and one price everywhere.
    const input: EstimateInput = { sheet: 'aws-2016', freeTier: false, functions: [{ memoryMb: 1024, durationMs: 100, requests: 1e6 }] }
    expect(adviceFor(input)).toStrictEqual([
      {
        kind: 'free-tier',
        text: 'With the free tier, switched off here (1,000,000 requests and 400,000 GB-s a month, once per account): $1.87 less.',
        savingCents: 187,
        savingUsd: '1.87',
        input: { ...input, freeTier: true },
      },
    ])
  })

  it('nothing where it is on, or where it would not apply (Lambda@Edge has none)', () => {
    const classic: EstimateInput = { sheet: 'aws-2016', functions: [{ memoryMb: 1024, durationMs: 100, requests: 1e6 }] }
    expect(brief(classic)).toEqual([])
    expect(brief(current({ memoryMb: 128, durationMs: 5, requests: 1e7, edge: true }, { freeTier: false }))).toEqual([])
  })
})

describe('advice: memory, from measurements or the CPU-bound model', () => {
  // 1,024 MB, 1 s, 10M requests, no free tier: 10,000,000 GB-s x 0.0000166667 = 166.667 -> $166.67, + $2.00 = $168.67.
  const input = current({ memoryMb: 1024, durationMs: 1000, requests: 1e7 }, { freeTier: false })

  it('at the cheapest measured size; ties with other advice keep the rules’ order; at most three', () => {
    // 128 MB at 9,000 ms: 11,250,000 GB-s -> $187.50 + $2.00: dearer.
    // 2,048 MB at 400 ms: 8,000,000 GB-s x 0.0000166667 = 133.3336 -> $133.33 + $2.00 = $135.33: $33.34 less.
    // arm64: 10,000,000 x 0.0000133334 = 133.334 -> $133.33 + $2.00: $33.34 less too, and comes first.
    // ap-southeast-5: $150.00 + $1.80 = $151.80: $16.87 less. Free tier: 9,600,000 -> $160.00 + $1.80 = $161.80: $6.87 less.
    const measured = [
      { memoryMb: 128, durationMs: 9000 },
      { memoryMb: 1024, durationMs: 1000 },
      { memoryMb: 2048, durationMs: 400 },
    ]
    expect(brief(input, { memory: { measured } })).toEqual(['arm64 33.34', 'memory 33.34', 'region 16.87'])
    expect(brief(input, { memory: { measured }, limit: 5 })).toEqual(['arm64 33.34', 'memory 33.34', 'region 16.87', 'free-tier 6.87'])
    const memory = adviceFor(input, { memory: { measured } }).find((a) => a.kind === 'memory')!
    expect(memory.text).toBe('At 2,048 MB, where power tuning measured 400 ms a call: $33.34 less.')
    expect(memory.input.functions[0]).toMatchObject({ memoryMb: 2048, durationMs: 400 })
  })

  it('skips a measured size the sheet does not offer', () => {
    // The classic sheet: 2,000 MB is no 64 MB step, 4,096 MB above its limit; 128 MB at 9,000 ms is dearer.
    const classic: EstimateInput = { sheet: 'aws-2016', freeTier: true, functions: [{ memoryMb: 1024, durationMs: 1000, requests: 1e7 }] }
    const measured = [
      { memoryMb: 128, durationMs: 9000 },
      { memoryMb: 2000, durationMs: 100 },
      { memoryMb: 4096, durationMs: 100 },
    ]
    expect(brief(classic, { memory: { measured } })).toEqual([])
  })

  it('down to 20 % above the memory used, where the model says the bill drops', () => {
    // 50 % CPU-bound: d(m) = 1,000 x (0.5 + 0.5 x 1,024 / m) below one vCPU, so GB-s = 10M x (0.5 m / 1,024 + 0.5):
    // the smallest size that fits is the cheapest. 200 MB used + 20 % = 240 MB.
    // d(240) = 500 + 500 x 1,024 / 240 = 2,633.33 ms, billed 2,634 ms:
    // 10M x 2.634 s x 240 / 1,024 GB = 6,173,437.5 GB-s x 0.0000166667 = 102.89083... -> $102.89 + $2.00 = $104.89: $63.78 less.
    const advice = adviceFor(input, { memory: { cpuBoundPercent: 50, peakMemoryUsedMb: 200 } })
    expect(advice[0]).toMatchObject({
      kind: 'memory',
      savingUsd: '63.78',
      text: 'At 240 MB, 20 % or more above the 200 MB used, where the model (50 % CPU-bound) puts a call at 2,633.33 ms: $63.78 less.',
    })
  })

  it('never below the size entered without the memory used, and not at 0 % CPU-bound (duration held fixed)', () => {
    // Single-threaded code gains nothing above 1,769 MB and pays for more memory; below, it would need to know what fits.
    expect(brief(input, { memory: { cpuBoundPercent: 50 } }).filter((a) => a.startsWith('memory'))).toEqual([])
    // A log that reports no memory used (0 MB) says nothing of what fits either.
    expect(brief(input, { memory: { cpuBoundPercent: 50, peakMemoryUsedMb: 0 } }).filter((a) => a.startsWith('memory'))).toEqual([])
    expect(brief(input, { memory: { cpuBoundPercent: 0, peakMemoryUsedMb: 200 } }).filter((a) => a.startsWith('memory'))).toEqual([])
  })

  it('nothing at 100 % CPU-bound on one thread: below one vCPU the GB-s stay the same, only the 1 ms rounding differs', () => {
    // d(m) = 1,000 x 1,024 / m, so m x d(m) = 1,024,000 MB-ms at every size, and rounding up only adds.
    expect(brief(input, { memory: { cpuBoundPercent: 100, peakMemoryUsedMb: 100 } }).filter((a) => a.startsWith('memory'))).toEqual([])
  })

  it('more memory for multi-threaded CPU-bound code, where the bill drops', () => {
    const memory = adviceFor(input, { memory: { cpuBoundPercent: 100, multiThreaded: true }, limit: 5 }).find((a) => a.kind === 'memory')!
    // Above 1,769 MB the vCPUs grow faster than memory / 1,769 MB would (6 at 10,240 MB): more memory, fewer GB-s.
    expect(memory.input.functions[0]!.memoryMb).toBeGreaterThan(1769)
    expect(memory.text).toMatch(/^At [\d,]+ MB, where the model \(100 % CPU-bound, multi-threaded\) puts a call at [\d.]+ ms: \$[\d.]+ less\.$/)
  })
})

describe('advice: in general', () => {
  it('gives none for an invalid input, and never throws on odd options', () => {
    expect(adviceFor({ sheet: 'aws-current', functions: [{ memoryMb: 5, durationMs: 1, requests: 1 }] })).toEqual([])
    expect(adviceFor({ sheet: 'nope', functions: [] } as never)).toEqual([])
    const odd = [
      { memory: { cpuBoundPercent: 'x', measured: 'y', peakMemoryUsedMb: NaN } },
      { memory: { cpuBoundPercent: 150 } },
      { memory: { functionIndex: 7, cpuBoundPercent: 50 } },
      {
        memory: {
          measured: [
            { memoryMb: NaN, durationMs: Infinity },
            { memoryMb: 256, durationMs: -1 },
          ],
        },
      },
      { limit: -1 },
      { limit: NaN },
    ]
    for (const options of odd) expect(() => adviceFor(current({}), options as never)).not.toThrow()
    expect(adviceFor(current({}), { limit: 0 })).toEqual([])
  })

  it('on random workloads: largest first, each saving the exact difference of the two bills, each alternative valid', () => {
    const centsOf = (usd: string) => BigInt(usd.replace('.', ''))
    fc.assert(
      fc.property(
        fc.record({
          memoryMb: fc.integer({ min: 128, max: 10_240 }),
          durationMs: fc.integer({ min: 1, max: 900_000 }).map((x) => x / 10),
          requests: fc.integer({ min: 0, max: 1e11 }),
          architecture: fc.constantFrom('x86_64' as const, 'arm64' as const),
          provisionedConcurrency: fc.constantFrom(0, 0, 1000, 100_000),
        }),
        fc.boolean(),
        fc.constantFrom('us-east-1', 'eu-central-2', 'af-south-1', 'me-central-1'),
        (fn, freeTier, region) => {
          const input: EstimateInput = { sheet: 'aws-current', region, freeTier, functions: [fn] }
          let base: bigint
          try {
            base = centsOf(estimate(input).totalUsd)
          } catch {
            return
          }
          const advice = adviceFor(input, { limit: 10 })
          for (let i = 1; i < advice.length; i++) expect(BigInt(advice[i - 1]!.savingCents)).toBeGreaterThanOrEqual(BigInt(advice[i]!.savingCents))
          for (const a of advice) {
            expect(centsOf(a.savingUsd)).toBeGreaterThan(0n)
            expect(centsOf(a.savingUsd)).toBe(base - centsOf(estimate(a.input).totalUsd))
            expect(a.text).toContain(`$${a.savingUsd.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} less`)
            expect(a.text).not.toMatch(/NaN|undefined|Infinity/)
          }
        },
      ),
      { numRuns: 150, seed: 11 },
    )
  })
})
