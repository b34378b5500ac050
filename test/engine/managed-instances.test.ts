import { describe, expect, it } from 'vitest'
import {
  calculationSteps,
  compareWithSheet,
  costByMemory,
  costByRequests,
  estimate,
  estimateTotal,
  validateInput,
  type EstimateInput,
  type FunctionInput,
} from '../../src/engine/index'
import fixtures from '../fixtures/managed-instances.json'

const lmi = (fn: Partial<FunctionInput>, region = 'us-east-1'): EstimateInput => ({
  sheet: 'aws-current',
  region,
  functions: [
    {
      memoryMb: 2048,
      durationMs: 100,
      requests: 100_000_000,
      architecture: 'arm64',
      compute: 'managed-instances',
      instanceType: 'm7g.xlarge',
      ...fn,
    },
  ],
})

const byKind = (input: EstimateInput) => Object.fromEntries(estimate(input).lines.map((l) => [l.kind, l]))

describe('Lambda Managed Instances: published bills', () => {
  for (const c of fixtures.cases) {
    it(`${c.id}: ${c.totalCents} cents (${c.source.slice(0, 60)}...)`, () => {
      const input = c.input as EstimateInput
      const bill = estimate(input)
      const cents = Object.fromEntries(bill.lines.map((l) => [l.kind, l.cents]))
      expect(cents).toEqual(c.lines)
      expect(bill.totalCents).toBe(c.totalCents)
      const fast = estimateTotal(input)
      expect(fast.totalCents).toBe(c.totalCents)
      expect(fast.lines.map((l) => [l.kind, l.instanceType, l.cents])).toEqual(bill.lines.map((l) => [l.kind, l.instanceType, l.cents]))
    })
  }

  it("AWS's example line by line: the fee is 15 % of the on-demand price though the instance is billed at the Savings Plan price", () => {
    const lines = byKind(fixtures.cases[0]!.input as EstimateInput)
    expect(lines['managed-instances-requests']).toMatchObject({
      label: 'Managed Instances requests',
      quantity: '100000000',
      unitPriceUsd: '0.0000002',
    })
    // 2,000 h x $0.0457 = $91.40
    expect(lines['managed-instances-ec2']).toMatchObject({
      label: 'Managed Instances EC2 (m7g.xlarge)',
      instanceType: 'm7g.xlarge',
      quantity: '2000',
      quantityUnit: 'instance-hours',
      unitPriceUsd: '0.0457',
      exactUsd: '91.4',
    })
    // 2,000 h x $0.1632 x 0.15 = 2,000 x $0.02448 = $48.96
    expect(lines['managed-instances-fee']).toMatchObject({
      label: 'Managed Instances management fee (m7g.xlarge)',
      unitPriceUsd: '0.02448',
      exactUsd: '48.96',
    })
    // No GB-s, INIT or storage line; the free tier leaves the LMI requests alone.
    expect(Object.keys(lines).sort()).toEqual(['managed-instances-ec2', 'managed-instances-fee', 'managed-instances-requests', 'requests'].sort())
    expect(lines.requests).toMatchObject({ cents: 0 })
  })

  it('test case 1: the fee of 10,220 h x $0.02175 = $222.285 rounds half-up to $222.29', () => {
    const lines = byKind(fixtures.cases[1]!.input as EstimateInput)
    expect(lines['managed-instances-fee']).toMatchObject({ exactUsd: '222.285', cents: 22229 })
  })

  it('a Savings Plan percentage never discounts Managed Instances lines', () => {
    const input = { ...(fixtures.cases[0]!.input as EstimateInput), savingsPlanPercent: 17 }
    expect(estimate(input).totalCents).toBe(16036)
    expect(estimateTotal(input).totalCents).toBe(16036)
  })

  it('the estimate states its assumptions: no free tier for LMI requests, sized for the average, no scale to zero', () => {
    const text = estimate(lmi({})).assumptions.join(' ')
    expect(text).toContain('free tier')
    expect(text).toContain('average')
    expect(text).toContain('do not scale to zero')
  })
})

describe('Lambda Managed Instances: sizing for the average load, exactly', () => {
  it('100M requests at 100 ms, 2 GB on m7g.xlarge: 1 environment, 3 per instance, at least 3 instances = 2,190 h', () => {
    // 100,000,000 / 2,628,000 s = 38.05 req/s x 0.1 s = 3.805 in flight; ceil(3.805 / 16) = 1 environment;
    // ceil(2,048 / 4,096) = 1 vCPU; min(floor(3 / 1), floor(15,360 / 2,048)) = min(3, 7) = 3 per instance;
    // max(3, ceil(1 / 3)) = 3 instances x 730 h = 2,190 h.
    const lines = byKind(lmi({}))
    expect(lines['managed-instances-ec2']).toMatchObject({ quantity: '2190', cents: 35741 }) // 2,190 x 0.1632 = 357.408
    expect(lines['managed-instances-fee']).toMatchObject({ quantity: '2190', cents: 5361 }) // 2,190 x 0.02448 = 53.6112
    expect(estimate(lmi({})).totalCents).toBe(2000 + 35741 + 5361)
  })

  it('1,000 req/s at 200 ms, 4 GB at 2 GB per vCPU on c7g.xlarge, 10 per environment, 50 % buffer: 30 instances', () => {
    // concurrency 1,000 x 0.2 = 200; ceil(200 / 10) = 20 environments; ceil(4,096 / 2,048) = 2 vCPUs each;
    // min(floor(3 / 2), floor(7,168 / 4,096)) = min(1, 1) = 1 per instance; ceil(20 x 1.5 / 1) = 30 instances x 730 = 21,900 h.
    const input = lmi({
      memoryMb: 4096,
      durationMs: 200,
      requests: 1000,
      per: 'second',
      instanceType: 'c7g.xlarge',
      memoryGbPerVcpu: 2,
      concurrencyPerEnvironment: 10,
      scalingBufferPercent: 50,
    })
    const lines = byKind(input)
    expect(lines['managed-instances-ec2']).toMatchObject({ quantity: '21900', cents: 317550 }) // x 0.145
    expect(lines['managed-instances-fee']).toMatchObject({ quantity: '21900', cents: 47633 }) // x 0.02175 = 476.325
    expect(lines['managed-instances-requests']).toMatchObject({ quantity: '2628000000', cents: 52560 })
    expect(estimateTotal(input).totalCents).toBe(317550 + 47633 + 52560)
    const text = calculationSteps(estimate(input)).text
    expect(text).toContain('= 20')
    expect(text).toContain('min(1, 1) = 1')
    expect(text).toContain('30 instances x 730 hours = 21,900 instance-hours')
  })

  it('exact where a double is not: 2,190,000,000 requests at 8.4 ms, one request per environment, is 7 environments, not 8', () => {
    // 2,190,000,000 / 2,628,000 = 833.3... req/s x 0.0084 s = 7 exactly; in doubles (r / 2,628,000) x (8.4 / 1000)
    // is 7.000000000000001, whose ceiling is 8. On c7g.large (2 vCPUs, 4 GiB) a 2 GB environment fits once
    // (min(floor(1 / 1), floor(3,072 / 2,048)) = 1), so 7 instances x 730 h = 5,110 h, not 5,840.
    expect(Math.ceil((2_190_000_000 / 2_628_000) * (8.4 / 1000))).toBe(8)
    const input = lmi({ requests: 2_190_000_000, durationMs: 8.4, instanceType: 'c7g.large', concurrencyPerEnvironment: 1 })
    const lines = byKind(input)
    expect(lines['managed-instances-ec2']).toMatchObject({ quantity: '5110', cents: 37048 }) // x 0.0725 = 370.475
    expect(lines['managed-instances-fee']).toMatchObject({ quantity: '5110', cents: 5557 }) // x 0.010875 = 55.57125
    expect(estimateTotal(input).totalCents).toBe(37048 + 5557 + 43800)
    expect(calculationSteps(estimate(input)).text).toContain('requests at once per environment) = 7')
  })

  it('no traffic still bills three instances all month: Managed Instances do not scale to zero', () => {
    const lines = byKind(lmi({ requests: 0 }))
    expect(lines['managed-instances-ec2']).toMatchObject({ quantity: '2190' })
    expect(lines['managed-instances-requests']).toMatchObject({ cents: 0 })
  })

  it('the steps write the sizing out, and say the concurrency per environment is a default', () => {
    const text = calculationSteps(estimate(lmi({}))).text
    expect(text).toContain('100,000,000 requests / 2,628,000 seconds in a 730-hour month')
    expect(text).toContain('16 requests at once per environment (the default')
    expect(text).toContain('min(3, 7) = 3')
    expect(text).toContain('max(3 for AZ resiliency')
    expect(text).toContain('3 instances x 730 hours = 2,190 instance-hours')
    expect(text).toContain('do not scale to zero')
    expect(text).toContain('15 % of the 0.1632 USD on-demand price = 0.02448 USD')
  })
})

describe('Lambda Managed Instances: lines per instance type and shares', () => {
  it('one EC2 line per type and price paid, one fee line per type; shares follow each function', () => {
    const input: EstimateInput = {
      sheet: 'aws-current',
      functions: [
        {
          name: 'a',
          memoryMb: 2048,
          durationMs: 10,
          requests: 1e6,
          architecture: 'arm64',
          compute: 'managed-instances',
          instanceType: 'm7g.xlarge',
          instanceHours: 100,
        },
        {
          name: 'b',
          memoryMb: 2048,
          durationMs: 10,
          requests: 1e6,
          architecture: 'arm64',
          compute: 'managed-instances',
          instanceType: 'm7g.xlarge',
          instanceHours: 100,
          ec2PricePerHour: 0.1,
        },
        {
          name: 'c',
          memoryMb: 2048,
          durationMs: 10,
          requests: 1e6,
          architecture: 'x86_64',
          compute: 'managed-instances',
          instanceType: 'c7i.xlarge',
          instanceHours: 10,
        },
        { name: 'd', memoryMb: 128, durationMs: 10, requests: 1e6 },
      ],
    }
    const bill = estimate(input)
    const labels = bill.lines.map((l) => `${l.label}: ${l.usd}`)
    expect(labels).toEqual([
      'Requests: 0.00',
      'Compute (x86_64), first 6 billion GB-s: 0.00',
      'Managed Instances requests: 0.60',
      'Managed Instances EC2 (m7g.xlarge): 16.32', // 100 h x 0.1632
      'Managed Instances EC2 (m7g.xlarge): 10.00', // 100 h x 0.1 as paid
      'Managed Instances EC2 (c7i.xlarge): 1.79', // 10 h x 0.1785 = 1.785
      'Managed Instances management fee (m7g.xlarge): 4.90', // 200 h x 0.02448 = 4.896
      'Managed Instances management fee (c7i.xlarge): 0.27', // 10 h x 0.026775 = 0.26775
    ])
    // a: 0.20 + 16.32 + 2.45 (half of 4.90); b: 0.20 + 10.00 + 2.45; c: 0.20 + 1.79 + 0.27; d: 0.
    expect(bill.functions.map((f) => f.usd)).toEqual(['18.97', '12.65', '2.26', '0.00'])
    expect(estimateTotal(input).lines.map((l) => l.cents)).toEqual(bill.lines.map((l) => l.cents))
  })

  it('the classic sheet ignores Managed Instances and says so; the comparison says it had none', () => {
    const input: EstimateInput = {
      sheet: 'aws-2016',
      functions: [{ memoryMb: 2048, durationMs: 100, requests: 1e6, compute: 'managed-instances', instanceType: 'm7g.xlarge' }],
    }
    const bill = estimate(input)
    expect(bill.lines.map((l) => l.kind)).toEqual(['requests', 'compute'])
    expect(bill.assumptions.join(' ')).toContain('ignores Lambda Managed Instances')
    const back = compareWithSheet(lmi({}), 'aws-2016')
    expect(back).toMatchObject({ available: false })
    expect(back.available === false && back.reason).toContain('Managed Instances')
  })
})

describe('Lambda Managed Instances: the charts', () => {
  it('cost vs requests: each point is the estimate at that volume, the instances sized again at each', () => {
    const input = lmi({ instanceType: 'c7g.large', concurrencyPerEnvironment: 1 })
    const series = costByRequests(input, { points: 25, minRequests: 1e6, maxRequests: 1e10 })
    for (const p of series.points) {
      const at = lmi({ instanceType: 'c7g.large', concurrencyPerEnvironment: 1, requests: p.x })
      expect(p.totalCents, String(p.x)).toBe(estimate(at).totalCents)
      expect(p.managedInstancesCents + p.requestsCents).toBe(p.totalCents)
    }
    // Flat at three instances while the volume is low, then stepping up with it.
    expect(series.points[0]!.totalCents).toBeLessThan(series.points.at(-1)!.totalCents)
  })

  it('cost vs memory: Managed Instances sizes from 2,048 MB, only those the instance type holds', () => {
    const series = costByMemory(lmi({}), { stepMb: 1024 })
    const xs = series.points.map((p) => p.x)
    expect(xs[0]).toBe(2048)
    // m7g.xlarge at 4 GB per vCPU: up to 12 GB (3 vCPUs), 16 GB takes 4.
    expect(Math.max(...xs)).toBe(12_288)
    expect(series.current.totalCents).toBe(estimate(lmi({})).totalCents)
  })
})

describe('Lambda Managed Instances: problems named precisely', () => {
  const problems = (fn: Partial<FunctionInput>, region?: string) => validateInput(lmi(fn, region))

  it('memory under 2,048 MB', () => {
    expect(problems({ memoryMb: 1024 })).toEqual([
      { path: 'functions.0.memoryMb', message: 'Memory must be between 2,048 and 32,768 MB on a Lambda Managed Instances function; got 1,024 MB.' },
    ])
  })

  it('memory above 10,240 MB is allowed on Managed Instances only', () => {
    // 16,384 MB at 8 GB per vCPU: 2 vCPUs; r7g.xlarge keeps 3 vCPUs and 31,744 MB for environments.
    expect(problems({ memoryMb: 16_384, instanceType: 'r7g.xlarge', memoryGbPerVcpu: 8 })).toEqual([])
    expect(validateInput({ sheet: 'aws-current', functions: [{ memoryMb: 16_384, durationMs: 1, requests: 1 }] })[0]!.message).toContain(
      'between 128 and 10,240 MB',
    )
  })

  it('with SnapStart, provisioned concurrency or Lambda@Edge', () => {
    for (const [fn, name] of [
      [{ snapStart: 'java' }, 'SnapStart'],
      [{ provisionedConcurrency: 2 }, 'Provisioned concurrency'],
      [{ edge: true }, 'Lambda@Edge'],
      [{ coldStartPercent: 5 }, 'Cold-start share'],
      [{ ephemeralStorageMb: 1024 }, 'Ephemeral storage'],
    ] as const) {
      const out = problems(fn as Partial<FunctionInput>)
      expect(out.some((p) => p.path === 'functions.0.compute' && p.message.startsWith(`Compute type cannot be used with ${name}`))).toBe(true)
    }
  })

  it('an unknown instance type, or one Managed Instances does not run on', () => {
    expect(problems({ instanceType: 'm7g.huge' })[0]).toMatchObject({ path: 'functions.0.instanceType' })
    expect(problems({ instanceType: 'm7g.huge' })[0]!.message).toMatch(/^Instance type must be c7g\.large, .* got "m7g\.huge"\.$/)
    expect(problems({ instanceType: 't4g.small' })[0]!.message).toContain('got "t4g.small"')
    expect(problems({ instanceType: undefined })[0]).toMatchObject({ path: 'functions.0.instanceType' })
    expect(problems({ instanceType: undefined })[0]!.message).toContain('needs an instance type')
  })

  it('a region without a price', () => {
    expect(problems({}, 'eu-west-1')).toEqual([
      {
        path: 'functions.0.instanceType',
        message:
          'Instance type m7g.xlarge has no price in eu-west-1 in this calculator: its EC2 prices (on which the management fee is charged) are for us-east-1 only. Choose us-east-1.',
      },
    ])
  })

  it('an architecture other than the instance type’s', () => {
    expect(problems({ architecture: 'x86_64' })[0]!.message).toContain('Instance type m7g.xlarge is arm64 (Graviton), but this function is x86_64')
  })

  it('an environment that fits no instance of the type', () => {
    // c7g.large: 2 vCPUs and 4,096 MB, less 1 and 1,024 for the OS: 3,072 MB left for a 4,096 MB environment.
    expect(problems({ memoryMb: 4096, instanceType: 'c7g.large' })[0]!.message).toContain('fits no c7g.large')
  })

  it('memory per vCPU other than 2, 4 or 8, and a price paid of 0', () => {
    expect(problems({ memoryGbPerVcpu: 3 })).toEqual([
      { path: 'functions.0.memoryGbPerVcpu', message: 'Memory per vCPU must be 2, 4 or 8 GB; got 3.' },
    ])
    expect(problems({ ec2PricePerHour: 0 })[0]).toMatchObject({ path: 'functions.0.ec2PricePerHour' })
    expect(problems({ concurrencyPerEnvironment: 1601 })[0]!.message).toContain('between 1 and 1,600')
  })
})
