import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareWaysToRun, fargateSizeProblem, WAYS_TO_RUN, type EstimateInput, type WaysComparison } from '../../src/engine/index'

// Hand-worked values: Fargate and EC2 rates from pricing-next.md section 6.1
// (us-east-1 x86 $0.04048 per vCPU-hour and $0.004445 per GB-hour, arm
// $0.03238 and $0.00356) and 6.2 (c7g.large $0.0725 an hour), a 730-hour month;
// Lambda us-east-1: $0.20 per million requests, x86_64 $0.0000166667 per GB-s,
// provisioned concurrency $0.0000041667 per GB-s and its duration $0.0000097222
// (AWS Lambda pricing page).

const oneGb200ms = (requests: number, freeTier = false): EstimateInput => ({
  sheet: 'aws-current',
  freeTier,
  functions: [{ memoryMb: 1024, durationMs: 200, requests }],
})

const way = (c: WaysComparison, id: string) => c.ways.find((w) => w.id === id)!

describe('ways to run it: the table', () => {
  it('lists Lambda on demand, Lambda with provisioned concurrency, Lambda Managed Instances, Fargate and EC2, bills first', () => {
    expect(WAYS_TO_RUN.map((w) => w.id)).toEqual(['lambda-on-demand', 'lambda-provisioned', 'lambda-managed-instances', 'fargate', 'ec2'])
    const c = compareWaysToRun(oneGb200ms(1e6))
    // Fargate and EC2 say what they would also need: an Application Load Balancer, $0.0225 an hour x 730 = $16.43 a month at least (pricing-next 5.3).
    expect(c.ways.map((w) => w.alsoNeeded)).toEqual([
      null,
      null,
      null,
      'Also needed, not included: a load balancer, at least $16.43 a month.',
      'Also needed, not included: a load balancer, at least $16.43 a month.',
    ])
    expect(c.ways.map((w) => [w.id, w.kind])).toEqual([
      ['lambda-on-demand', 'bill'],
      ['lambda-provisioned', 'bill'],
      ['lambda-managed-instances', 'bill'],
      ['fargate', 'comparison'],
      ['ec2', 'comparison'],
    ])
  })
})

describe('ways to run it: monthly costs', () => {
  it('Fargate task sizes at a low rate (one task all month), as in pricing-next 6.1', () => {
    const at = (fargateVcpu: number, fargateMemoryGb: number, fargateArchitecture: 'x86_64' | 'arm64' = 'x86_64') =>
      way(compareWaysToRun(oneGb200ms(1e6), { fargateVcpu, fargateMemoryGb, fargateArchitecture }), 'fargate').usd
    // 730 x (0.5 x 0.04048 + 1 x 0.004445) = 730 x 0.024685 = 18.02005
    expect(at(0.5, 1)).toBe('18.02')
    // 730 x (0.25 x 0.04048 + 0.5 x 0.004445) = 730 x 0.0123425 = 9.010025
    expect(at(0.25, 0.5)).toBe('9.01')
    // 730 x (0.04048 + 2 x 0.004445) = 730 x 0.04937 = 36.0401
    expect(at(1, 2)).toBe('36.04')
    // arm: 730 x (0.03238 + 2 x 0.00356) = 730 x 0.0395 = 28.835, half-up 28.84
    expect(at(1, 2, 'arm64')).toBe('28.84')
  })

  it('EC2 c7g.large all month: 730 x $0.0725 = $52.925, half-up $52.93', () => {
    expect(way(compareWaysToRun(oneGb200ms(1e6)), 'ec2').usd).toBe('52.93')
  })

  it('containers are sized to the average concurrency over the requests one serves at once', () => {
    // 10 requests a second x 0.2 s = 2 requests in flight on average: 2 tasks, or 1 serving 4 at once.
    const tenPerSecond: EstimateInput = { sheet: 'aws-current', functions: [{ memoryMb: 1024, durationMs: 200, requests: 10, per: 'second' }] }
    expect(way(compareWaysToRun(tenPerSecond), 'fargate').usd).toBe('36.04') // 2 x 18.02005 = 36.0401
    expect(way(compareWaysToRun(tenPerSecond, { concurrentRequests: 4 }), 'fargate').usd).toBe('18.02')
    // 10.5 a second: 2.1 in flight, 3 tasks: 3 x 18.02005 = 54.06015
    const more: EstimateInput = { sheet: 'aws-current', functions: [{ memoryMb: 1024, durationMs: 200, requests: 10.5, per: 'second' }] }
    expect(way(compareWaysToRun(more), 'fargate').usd).toBe('54.06')
  })

  it('Lambda on demand is the calculator\u2019s own bill of the function', () => {
    // 1M x $0.20/M + 200,000 GB-s x $0.0000166667 = 0.20 + 3.33334 = $3.53
    expect(way(compareWaysToRun(oneGb200ms(1e6)), 'lambda-on-demand').usd).toBe('3.53')
    // With the free tier the 1M requests and 200,000 GB-s are free.
    expect(way(compareWaysToRun(oneGb200ms(1e6, true)), 'lambda-on-demand').usd).toBe('0.00')
  })

  it('provisioned concurrency is the average concurrency rounded up, at least one environment', () => {
    // 1M x 0.2 s / 2,628,000 s = 0.076 in flight: 1 environment, 1 GB, 730 h.
    // 2,628,000 GB-s x 0.0000041667 = 10.9500876 -> 10.95; 200,000 GB-s x 0.0000097222 = 1.94444 -> 1.94; requests 0.20.
    expect(way(compareWaysToRun(oneGb200ms(1e6)), 'lambda-provisioned').usd).toBe('13.09')
  })
})

describe('ways to run it: Lambda Managed Instances', () => {
  // 2,048 MB, 200 ms, 1M requests a month: 1M / 2,628,000 s x 0.2 s = 0.076 in flight, one
  // environment of 16 requests, 1 vCPU (2,048 MB / 4 GB per vCPU); an xlarge (4 vCPU, 16 GiB) less
  // the OS's 1 vCPU and 1 GB holds min(3, 7) = 3: one instance, raised to AWS's three, x 730 h = 2,190 h.
  const twoGb = (architecture: 'x86_64' | 'arm64'): EstimateInput => ({
    sheet: 'aws-current',
    functions: [{ memoryMb: 2048, durationMs: 200, requests: 1e6, architecture }],
  })

  it('on x86_64 an m7i.xlarge ($0.2016 an hour): $441.50 EC2 + $66.23 fee + $0.20 requests = $507.93', () => {
    // 2,190 x 0.2016 = 441.504; x 0.15 = 66.2256; 1M x $0.20 per million = 0.20, no free tier.
    const w = way(compareWaysToRun(twoGb('x86_64')), 'lambda-managed-instances')
    expect(w.label).toBe('Lambda Managed Instances (m7i.xlarge)')
    expect(w.problem).toBeNull()
    expect(w.usd).toBe('507.93')
  })

  it('on arm64 an m7g.xlarge ($0.1632 an hour): $357.41 + $53.61 + $0.20 = $411.22', () => {
    // 2,190 x 0.1632 = 357.408; x 0.15 = 53.6112.
    expect(way(compareWaysToRun(twoGb('arm64')), 'lambda-managed-instances').usd).toBe('411.22')
  })

  it('uses the function\u2019s own instance type, and leaves out what Managed Instances do not bill', () => {
    const input: EstimateInput = {
      sheet: 'aws-current',
      functions: [
        {
          memoryMb: 2048,
          durationMs: 200,
          requests: 1e6,
          architecture: 'arm64',
          instanceType: 'c7g.xlarge',
          coldStartPercent: 2,
          initDurationMs: 300,
        },
      ],
    }
    // c7g.xlarge (4 vCPU, 8 GiB, $0.145): min(3, floor(7,168 / 2,048) = 3) = 3 an instance: 3 instances, 2,190 h.
    // 2,190 x 0.145 = 317.55; x 0.15 = 47.6325 -> 47.63; + 0.20 = $365.38.
    const w = way(compareWaysToRun(input), 'lambda-managed-instances')
    expect(w.label).toBe('Lambda Managed Instances (c7g.xlarge)')
    expect(w.usd).toBe('365.38')
  })

  it('a function under 2,048 MB cannot run there, and the way says why', () => {
    const w = way(compareWaysToRun(oneGb200ms(1e6)), 'lambda-managed-instances')
    expect(w.usd).toBeNull()
    expect(w.problem).toMatch(/2,048/)
  })
})

describe('ways to run it: crossings', () => {
  it('1 GB, 200 ms x86 without the free tier: Fargate 0.5 vCPU / 1 GB becomes cheaper at 5.1M a month, 1.9 a second', () => {
    // Lambda: 0.20/M + 0.2 GB-s x 0.0000166667 = $0.00000353334 a request; Fargate $18.02005 a month.
    // 18.02005 / 0.00000353334 = 5,100,004.53: Lambda costs more from 5,100,005 requests on, so above 5,100,004.
    const c = compareWaysToRun(oneGb200ms(1e6))
    const x = c.crossings.find((k) => k.cheaper === 'fargate' && k.dearer === 'lambda-on-demand')!
    expect(x.requestsPerMonth).toBe(5_100_004)
    expect(x.text).toBe('Fargate 0.5 vCPU / 1 GB (x86_64) becomes cheaper than Lambda on demand above 1.9 requests a second, 5.1M a month')
    expect(x.cheapestChanges).toBe(true)
  })

  it('with the free tier the crossing moves by the free $6.87: above 7,043,400 a month, 2.7 a second', () => {
    // (18.02005 + 1M x 0.20/M + 400,000 x 0.0000166667) / 0.00000353334 = 24.88673 / 0.00000353334 = 7,043,400.86
    const c = compareWaysToRun(oneGb200ms(1e6, true))
    const x = c.crossings.find((k) => k.cheaper === 'fargate' && k.dearer === 'lambda-on-demand')!
    expect(x.requestsPerMonth).toBe(7_043_400)
    expect(x.text).toContain('above 2.7 requests a second, 7M a month')
  })

  it('EC2 c7g.large against the same function: 15.0M a month, 5.7 a second (pricing-next 6.3)', () => {
    // 52.925 / 0.00000353334 = 14,978,745.32
    // A c7g.large has 2 vCPUs: 2 requests at once keeps one instance up to 2 in flight (1.14 here).
    const c = compareWaysToRun(oneGb200ms(1e6), { concurrentRequests: 2 })
    const x = c.crossings.find((k) => k.cheaper === 'ec2' && k.dearer === 'lambda-on-demand')!
    expect(x.requestsPerMonth).toBe(14_978_745)
    expect(x.text).toContain('above 5.7 requests a second, 15M a month')
  })

  it('the current volume is one of the curve\u2019s points, and the curve spans 0.01 to 10,000 requests a second', () => {
    const c = compareWaysToRun(oneGb200ms(3e6))
    expect(c.points.some((p) => p.requestsPerMonth === 3e6 && p.cents[0] === c.ways[0]!.cents)).toBe(true)
    expect(c.points[0]!.requestsPerMonth).toBe(26_280)
    expect(c.points.at(-1)!.requestsPerMonth).toBe(26_280_000_000)
    const xs = c.points.map((p) => p.requestsPerMonth)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
  })
})

describe('ways to run it: cheaper regions and architectures', () => {
  it('offers Fargate on arm64 in us-east-1: 730 x (0.5 x 0.03238 + 0.00356) = $14.4175, half-up $14.42', () => {
    const f = way(compareWaysToRun(oneGb200ms(1e6)), 'fargate')
    expect(f.cheaper).toEqual({
      label: 'arm64 in us-east-1',
      cents: 1442,
      usd: '14.42',
      change: { region: 'us-east-1', fargateArchitecture: 'arm64' },
    })
  })

  it('offers nothing where the way is already the cheapest it can be', () => {
    const f = way(compareWaysToRun(oneGb200ms(1e6), { fargateArchitecture: 'arm64' }), 'fargate')
    expect(f.cheaper).toBeNull()
  })
})

describe('ways to run it: problems', () => {
  it('a Fargate size Fargate does not offer is named, with what it allows', () => {
    expect(fargateSizeProblem(0.5, 8)).toBe('Fargate gives 0.5 vCPU 1 to 4 GB of memory, in steps of 1 GB; got 8 GB.')
    expect(fargateSizeProblem(0.25, 1.5)).toBe('Fargate gives 0.25 vCPU 0.5, 1 or 2 GB of memory; got 1.5 GB.')
    expect(fargateSizeProblem(8, 20)).toBe(null)
    expect(fargateSizeProblem(8, 18)).toBe('Fargate gives 8 vCPU 16 to 60 GB of memory, in steps of 4 GB; got 18 GB.')
    const f = way(compareWaysToRun(oneGb200ms(1e6), { fargateVcpu: 0.5, fargateMemoryGb: 8 }), 'fargate')
    expect(f.problem).toContain('0.5 vCPU 1 to 4 GB')
    expect(f.cents).toBeNull()
  })

  it('an unknown instance type, or a region without an EC2 price, is named', () => {
    expect(way(compareWaysToRun(oneGb200ms(1e6), { ec2InstanceType: 'c9x.huge' }), 'ec2').problem).toMatch(
      /^EC2 instance type "c9x.huge" is not in the bundled table; allowed: c7g.large, /,
    )
    const euWest: EstimateInput = { ...oneGb200ms(1e6), region: 'eu-west-1' }
    const e = way(compareWaysToRun(euWest), 'ec2')
    expect(e.problem).toBe('No EC2 price for c7g.large in eu-west-1 is bundled; it has prices for us-east-1.')
    expect(way(compareWaysToRun(euWest), 'fargate').problem).toBeNull()
  })

  it('settings out of range are problems naming the field, and fall back to the default', () => {
    const c = compareWaysToRun(oneGb200ms(1e6), { compareFunction: 3, concurrentRequests: 0 })
    expect(c.problems).toEqual([
      { path: 'compare.compareFunction', message: 'Function compared must be a whole number from 1 to 1; got 3.' },
      { path: 'compare.concurrentRequests', message: 'Requests served at once must be a whole number from 1 to 10,000; got 0.' },
    ])
    expect(way(c, 'fargate').usd).toBe('18.02')
  })

  it('Lambda@Edge cannot have provisioned concurrency: that way is a problem, the others are priced', () => {
    const c = compareWaysToRun({ sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 50, requests: 1e6, edge: true }] })
    expect(way(c, 'lambda-provisioned').problem).toMatch(/Lambda@Edge/)
    expect(way(c, 'lambda-on-demand').problem).toBeNull()
    expect(c.crossings.every((x) => x.cheaper !== 'lambda-provisioned' && x.dearer !== 'lambda-provisioned')).toBe(true)
  })

  it('the classic sheet and an invalid input give no ways, and say why', () => {
    const classic = compareWaysToRun({ sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 100, requests: 1e6 }] })
    expect(classic.ways).toEqual([])
    expect(classic.problems[0]!.message).toMatch(/current price sheet/)
    const bad = compareWaysToRun({ sheet: 'aws-current', functions: [{ memoryMb: 100, durationMs: 100, requests: 1e6 }] })
    expect(bad.ways).toEqual([])
    expect(bad.problems[0]!.path).toBe('functions.0.memoryMb')
  })
})

// ---------------------------------------------------------------- property

/** Exact rationals as [numerator, denominator] over bigint: an independent little calculator. */
type Q = [bigint, bigint]
const dec = (text: string): Q => {
  const [i, f = ''] = text.split('.')
  return [BigInt(i! + f), 10n ** BigInt(f.length)]
}
const add = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]]
const sub = (a: Q, b: Q): Q => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]]
const mul = (a: Q, b: Q): Q => [a[0] * b[0], a[1] * b[1]]
const cmp = (a: Q, b: Q): number => {
  const l = a[0] * b[1]
  const r = b[0] * a[1]
  return l < r ? -1 : l > r ? 1 : 0
}
const max0 = (a: Q): Q => (a[0] < 0n ? [0n, 1n] : a)

/**
 * Lambda on demand in us-east-1 by the pricing page's formula, for volumes
 * inside the first price bracket: requests x $0.20/M + GB-s x rate, less the
 * free 1M requests and 400,000 GB-s.
 */
function lambdaUsd(n: number, memoryMb: number, durationMs: number, arm: boolean, freeTier: boolean): Q {
  const requests = max0(sub([BigInt(n), 1n], [freeTier ? 1_000_000n : 0n, 1n]))
  const gbs: Q = [BigInt(n) * BigInt(durationMs) * BigInt(memoryMb), 1000n * 1024n]
  const billableGbs = max0(sub(gbs, [freeTier ? 400_000n : 0n, 1n]))
  return add(mul(requests, dec('0.0000002')), mul(billableGbs, dec(arm ? '0.0000133334' : '0.0000166667')))
}

/** Fargate in us-east-1: tasks = ceil(N x d / (1,000 x 2,628,000 x c)), at least 1, x 730 h x (vCPU x rate + GB x rate). */
function fargateTasks(n: number, durationMs: number, perTask: number): bigint {
  const num = BigInt(n) * BigInt(durationMs)
  const den = 1000n * 2_628_000n * BigInt(perTask)
  const t = (num + den - 1n) / den
  return t < 1n ? 1n : t
}
function fargateUsd(n: number, durationMs: number, perTask: number, vcpu: string, gb: string, arm: boolean): Q {
  const hourly = add(mul(dec(vcpu), dec(arm ? '0.03238' : '0.04048')), mul(dec(gb), dec(arm ? '0.00356' : '0.004445')))
  return mul([fargateTasks(n, durationMs, perTask) * 730n, 1n], hourly)
}

describe('ways to run it: crossings agree with an independent computation', () => {
  it('at each named rate the side flips at the next request, and where no task is added there the costs differ by less than one request', () => {
    const sizes = [
      ['0.25', '0.5'],
      ['0.5', '1'],
      ['1', '2'],
      ['2', '4'],
    ] as const
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 16 }).map((k) => k * 64), // 128-1,024 MB: the first bracket holds to 10,000 requests a second
        fc.integer({ min: 1, max: 200 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...sizes),
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        (memoryMb, durationMs, arm, freeTier, [vcpu, gb], fargateArm, perTask) => {
          const c = compareWaysToRun(
            { sheet: 'aws-current', freeTier, functions: [{ memoryMb, durationMs, requests: 1e6, architecture: arm ? 'arm64' : 'x86_64' }] },
            {
              fargateVcpu: Number(vcpu),
              fargateMemoryGb: Number(gb),
              fargateArchitecture: fargateArm ? 'arm64' : 'x86_64',
              concurrentRequests: perTask,
            },
            { pointsPerDecade: 8 },
          )
          const pairs = c.crossings.filter((x) => [x.cheaper, x.dearer].sort().join() === 'fargate,lambda-on-demand')
          for (const x of pairs) {
            const n = x.requestsPerMonth
            const l = (k: number) => lambdaUsd(k, memoryMb, durationMs, arm, freeTier)
            const f = (k: number) => fargateUsd(k, durationMs, perTask, vcpu, gb, fargateArm)
            const fargateCheaper = x.cheaper === 'fargate'
            // Above n the named one is cheaper; at n it is not yet.
            expect(cmp(fargateCheaper ? f(n + 1) : l(n + 1), fargateCheaper ? l(n + 1) : f(n + 1))).toBe(-1)
            expect(cmp(fargateCheaper ? f(n) : l(n), fargateCheaper ? l(n) : f(n))).toBeGreaterThanOrEqual(0)
            if (fargateTasks(n, durationMs, perTask) === fargateTasks(n + 1, durationMs, perTask)) {
              const oneRequest = sub(l(n + 1), l(n))
              const gap = sub(l(n), f(n))
              const abs: Q = gap[0] < 0n ? [-gap[0], gap[1]] : gap
              expect(cmp(abs, oneRequest)).toBe(-1)
            }
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
