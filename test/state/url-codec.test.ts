import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { characterCount, estimate, PRICE_SHEETS, validateInput, type RequestUnit } from '../../src/engine/index'
import { toEstimateInput } from '../../src/state/selectors'
import { EXTRA_NUMBER_FIELDS, MAX_FORM_FUNCTIONS, type CalculatorInputs, type FunctionDraft } from '../../src/state/store'
import { decode, decodeAddress, encode, hasLinkKeys, linkDefaults, type DecodeResult } from '../../src/state/url-codec'

type Draft = Omit<FunctionDraft, 'id'>
type Plain = Omit<CalculatorInputs, 'functions'> & { functions: Draft[] }

/** The inputs without function ids, which decode makes fresh. */
function plain(inputs: CalculatorInputs): Plain {
  return { ...inputs, functions: inputs.functions.map(({ id: _id, ...rest }) => rest) }
}

/** The default function, written out here rather than taken from the store. */
const FN: Draft = {
  name: '',
  memoryMb: '512',
  durationMs: '1000',
  requests: '3000000',
  per: 'month',
  architecture: 'x86_64',
  ephemeralStorageMb: '512',
  coldStartPercent: '',
  initDurationMs: '',
  provisionedConcurrency: '',
  provisionedHours: '',
  provisionedSharePercent: '',
  snapStart: 'off',
  snapStartVersions: '',
  snapStartCacheHours: '',
  edge: false,
  streamedMbPerRequest: '',
  tenantIsolation: false,
  durableExecutions: '',
  durableOperationsPerExecution: '',
  durableKbWrittenPerExecution: '',
  durableRunningDays: '',
  durableRetentionDays: '',
  compute: 'lambda',
  instanceType: '',
  instanceHours: '',
  ec2PricePerHour: '',
  concurrencyPerEnvironment: '',
  memoryGbPerVcpu: '',
  scalingBufferPercent: '',
  logFormat: 'off',
  appLogBytesPerInvocation: '',
  logClass: 'standard',
  logRetentionMonths: '',
  frontDoor: 'none',
  requestKb: '',
  connectionMinutes: '',
  responseKb: '',
}
/** What a link without `v` (version 1) leaves out means: the classic sheet. */
const DEFAULTS: Plain = { sheet: 'aws-2016', region: 'us-east-1', freeTier: true, functions: [FN] }
/** What a version 2 link leaves out means: the current sheet. */
const DEFAULTS_V2: Plain = { ...DEFAULTS, sheet: 'aws-current' }

function state(top: Partial<Omit<Plain, 'functions'>>, ...functions: Partial<Draft>[]): Plain {
  return { ...DEFAULTS, ...top, functions: (functions.length ? functions : [{}]).map((f) => ({ ...FN, ...f })) }
}

/** Gives plain inputs ids, so they can be encoded. */
function withIds(p: Plain): CalculatorInputs {
  return { ...p, functions: p.functions.map((f, i) => ({ ...f, id: `t-${i}` })) }
}

function firstFunction(result: DecodeResult): Draft {
  return plain(result.inputs).functions[0]!
}

/** Characters a name loses on the way in: controls, bidi controls and invisible ones (zero-width, U+061C, U+FEFF, line and paragraph separators). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/

describe('decode: the single-function form', () => {
  it('the classic pricing page’s first example link decodes to it ($18.74)', () => {
    const result = decode('?p=2016&m=512&d=1000&r=3e6')
    expect(result.problems).toEqual([])
    expect(result.presetId).toBeNull()
    expect(result.futureVersion).toBe(false)
    expect(plain(result.inputs)).toEqual({
      sheet: 'aws-2016',
      region: 'us-east-1',
      freeTier: true,
      functions: [
        {
          ...FN,
          name: '',
          memoryMb: '512',
          durationMs: '1000',
          requests: '3000000',
          per: 'month',
          architecture: 'x86_64',
          ephemeralStorageMb: '512',
        },
      ],
    })
    expect(estimate(toEstimateInput(result.inputs)).totalCents).toBe(1874)
  })

  it('the empty query, with or without "?", is version 1’s defaults (a new page is decodeAddress’s)', () => {
    expect(plain(decode('').inputs)).toEqual(DEFAULTS)
    expect(plain(decode('?').inputs)).toEqual(DEFAULTS)
    expect(decode('').problems).toEqual([])
  })

  it.each<[string, Plain]>([
    ['p=current', state({ sheet: 'aws-current' })],
    ['p=2016', state({ sheet: 'aws-2016' })],
    ['p=current&rg=eu-central-1', state({ sheet: 'aws-current', region: 'eu-central-1' })],
    // The region is kept on the classic sheet, where it does not change the price.
    ['rg=ap-east-1', state({ region: 'ap-east-1' })],
    ['ft=0', state({ freeTier: false })],
    ['ft=1', state({ freeTier: true })],
    ['m=1024', state({}, { memoryMb: '1024' })],
    ['p=current&m=1769', state({ sheet: 'aws-current' }, { memoryMb: '1769' })],
    ['d=27.55', state({}, { durationMs: '27.55' })],
    ['d=0.5', state({}, { durationMs: '0.5' })],
    ['r=3e6', state({}, { requests: '3000000' })],
    ['r=3000000', state({}, { requests: '3000000' })],
    ['r=1.5e3', state({}, { requests: '1500' })],
    ['r=250', state({}, { requests: '250' })],
    ['r=0', state({}, { requests: '0' })],
    ['r=2.5&u=s', state({}, { requests: '2.5', per: 'second' })],
    ['u=s', state({}, { per: 'second' })],
    ['u=min', state({}, { per: 'minute' })],
    ['u=h', state({}, { per: 'hour' })],
    ['u=d', state({}, { per: 'day' })],
    ['u=mo', state({}, { per: 'month' })],
    ['r=30&u=mpm', state({}, { requests: '30', per: 'million-per-month' })],
    ['p=current&a=arm', state({ sheet: 'aws-current' }, { architecture: 'arm64' })],
    ['p=current&a=x86', state({ sheet: 'aws-current' }, { architecture: 'x86_64' })],
    ['a=x86', state({}, { architecture: 'x86_64' })],
    ['p=current&e=2048', state({ sheet: 'aws-current' }, { ephemeralStorageMb: '2048' })],
    ['e=512', state({})],
    ['n=My%20API', state({}, { name: 'My API' })],
    ['n=a+b%26c%3Dd', state({}, { name: 'a b&c=d' })],
    ['n=%E5%9B%BE%E7%89%87', state({}, { name: '图片' })],
    ['v=1&m=256', state({}, { memoryMb: '256' })],
    // Lenient numbers are read as the form reads them, and kept canonical.
    ['r=3%2C000%2C000', state({}, { requests: '3000000' })],
    ['d=%2B12.50', state({}, { durationMs: '12.5' })],
    ['r=-0', state({}, { requests: '0' })],
    // The 2026 keys.
    ['v=2&cs=0.5&it=120', state({ sheet: 'aws-current' }, { coldStartPercent: '0.5', initDurationMs: '120' })],
    ['v=2&cs=1e-3', state({ sheet: 'aws-current' }, { coldStartPercent: '0.001' })],
    [
      'v=2&pc=2&ph=730&ps=50',
      state({ sheet: 'aws-current' }, { provisionedConcurrency: '2', provisionedHours: '730', provisionedSharePercent: '50' }),
    ],
    ['v=2&ss=priced&sv=3&sh=2', state({ sheet: 'aws-current' }, { snapStart: 'priced', snapStartVersions: '3', snapStartCacheHours: '2' })],
    ['v=2&ss=java', state({ sheet: 'aws-current' }, { snapStart: 'java' })],
    ['v=2&ss=off', state({ sheet: 'aws-current' })],
    ['v=2&ed=1', state({ sheet: 'aws-current' }, { edge: true })],
    ['v=2&ed=0', state({ sheet: 'aws-current' })],
    ['v=2&st=7.5', state({ sheet: 'aws-current' }, { streamedMbPerRequest: '7.5' })],
    // The classic sheet keeps them (and ignores them): no combination is checked there.
    ['ed=1&pc=2&a=x86', state({}, { edge: true, provisionedConcurrency: '2' })],
  ])('%s', (query, expected) => {
    const result = decode(query)
    expect(result.problems).toEqual([])
    expect(plain(result.inputs)).toEqual(expected)
    expect(validateInput(toEstimateInput(result.inputs))).toEqual([])
  })

  it('gives each function a fresh id', () => {
    const a = decode('fns=3')
    const b = decode('fns=3')
    const ids = [...a.inputs.functions, ...b.inputs.functions].map((f) => f.id)
    expect(new Set(ids).size).toBe(6)
  })

  it('strips control characters and bidirectional overrides from names', () => {
    expect(firstFunction(decode('n=a%00b%1Fc%7Fd%C2%85e')).name).toBe('abcde')
    expect(firstFunction(decode('n=%E2%80%AEevil%E2%81%A6x')).name).toBe('evilx')
  })

  it('keeps markup in names as plain text', () => {
    const name = '<script>alert(1)</script>'
    expect(firstFunction(decode(`n=${encodeURIComponent(name)}`)).name).toBe(name)
  })
})

describe('decode: several functions', () => {
  it('reads numbered keys and fns, with all-default functions kept', () => {
    const result = decode('p=current&fns=3&n=api&m=1024&d=85&n2=worker&m2=256&u2=h&r2=120&a2=arm')
    expect(result.problems).toEqual([])
    expect(plain(result.inputs)).toEqual(
      state(
        { sheet: 'aws-current' },
        { name: 'api', memoryMb: '1024', durationMs: '85' },
        { name: 'worker', memoryMb: '256', requests: '120', per: 'hour', architecture: 'arm64' },
        {},
      ),
    )
  })

  it('without fns, the highest function number sets the count', () => {
    const result = decode('m2=256&d4=50')
    expect(result.problems).toEqual([])
    expect(plain(result.inputs)).toEqual(state({}, {}, { memoryMb: '256' }, {}, { durationMs: '50' }))
  })

  it('fns=1 keeps one function; function 10 is the last one allowed', () => {
    expect(decode('fns=1').inputs.functions).toHaveLength(1)
    const ten = decode(`fns=${MAX_FORM_FUNCTIONS}&n10=last`)
    expect(ten.problems).toEqual([])
    expect(ten.inputs.functions).toHaveLength(10)
    expect(ten.inputs.functions[9]!.name).toBe('last')
  })

  it('a key past fns is a problem', () => {
    const result = decode('fns=2&m3=256')
    expect(result.inputs.functions).toHaveLength(2)
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatchObject({ key: 'm3', value: '256' })
    expect(result.problems[0]!.message).toMatch(/^m3=256: .*function 3/)
  })

  it('a function past the form’s limit is a problem', () => {
    const result = decode('m11=256&m2=1024')
    expect(result.inputs.functions).toHaveLength(2)
    expect(result.problems.map((p) => p.key)).toEqual(['m11'])
    expect(result.problems[0]!.message).toContain('10')
  })

  it('m1 and m02 are not keys: ignored', () => {
    const result = decode('m1=256&m02=1024')
    expect(result.problems).toEqual([])
    expect(plain(result.inputs)).toEqual(DEFAULTS)
  })

  it('an invalid value in function 2 is reported on its numbered key', () => {
    const result = decode('fns=2&m2=4096&d2=50')
    expect(result.problems).toEqual([
      {
        key: 'm2',
        value: '4096',
        message: 'm2=4096: Memory must be between 128 and 3,008 MB on the classic 2016 sheet; got 4,096 MB.',
      },
    ])
    expect(plain(result.inputs)).toEqual(state({}, {}, { durationMs: '50' }))
  })
})

describe('encode: version 2', () => {
  it('always writes the version and the sheet, even for the defaults', () => {
    expect(encode(withIds(DEFAULTS_V2))).toBe('v=2&p=current')
    expect(encode(withIds(DEFAULTS))).toBe('v=2&p=2016')
  })

  it.each<[string, Plain, string]>([
    ['classic example 2', state({}, { memoryMb: '128', durationMs: '200', requests: '30000000' }), 'v=2&p=2016&m=128&d=200&r=3e7'],
    ['the mobile backend', state({ sheet: 'aws-current' }, { memoryMb: '1536', durationMs: '120' }), 'v=2&p=current&m=1536&d=120'],
    [
      'every account key, in order',
      state({ sheet: 'aws-current', region: 'eu-west-1', freeTier: false }, { ephemeralStorageMb: '1024', architecture: 'arm64' }),
      'v=2&p=current&rg=eu-west-1&ft=0&a=arm&e=1024',
    ],
    [
      'every function key, in order',
      state(
        { sheet: 'aws-current' },
        {
          name: 'api',
          memoryMb: '128',
          durationMs: '1.5',
          requests: '7',
          per: 'second',
          architecture: 'arm64',
          ephemeralStorageMb: '600',
          coldStartPercent: '0.5',
          initDurationMs: '250',
          provisionedConcurrency: '3',
          provisionedHours: '200',
          provisionedSharePercent: '40',
          snapStart: 'priced',
          snapStartVersions: '2',
          snapStartCacheHours: '100',
          edge: true,
          streamedMbPerRequest: '8',
        },
      ),
      'v=2&p=current&n=api&m=128&d=1.5&r=7&u=s&a=arm&e=600&cs=0.5&it=250&pc=3&ph=200&ps=40&ss=priced&sv=2&sh=100&ed=1&st=8',
    ],
    [
      'several functions, an all-default one included',
      state({ sheet: 'aws-current' }, { name: 'api' }, {}, { memoryMb: '2048', per: 'day' }),
      'v=2&p=current&fns=3&n=api&m3=2048&u3=d',
    ],
    [
      'the 2026 keys of later functions are numbered too',
      state({ sheet: 'aws-current' }, {}, { coldStartPercent: '2', snapStart: 'java' }, { edge: true, streamedMbPerRequest: '10' }),
      'v=2&p=current&fns=3&cs2=2&ss2=java&ed3=1&st3=10',
    ],
    [
      'an explicit default value is kept as typed',
      state({ sheet: 'aws-current' }, { provisionedHours: '730', coldStartPercent: '0' }),
      'v=2&p=current&cs=0&ph=730',
    ],
    ['the free tier is written only when off', state({ sheet: 'aws-current', freeTier: true }), 'v=2&p=current'],
    ['the classic sheet omits architecture and storage', state({}, { architecture: 'arm64', ephemeralStorageMb: '4096' }), 'v=2&p=2016'],
    ['the classic sheet keeps the 2026 keys the form holds', state({}, { coldStartPercent: '5', edge: true }), 'v=2&p=2016&cs=5&ed=1'],
    ['names are escaped', state({}, { name: 'a&b=c d+%' }), 'v=2&p=2016&n=a%26b%3Dc+d%2B%25'],
    ['requests: 1000 as 1e3', state({}, { requests: '1000' }), 'v=2&p=2016&r=1e3'],
    ['requests: 1500000 as 15e5', state({}, { requests: '1500000' }), 'v=2&p=2016&r=15e5'],
    ['requests: 100 stays (1e2 is no shorter)', state({}, { requests: '100' }), 'v=2&p=2016&r=100'],
    ['requests: 1234567 stays', state({}, { requests: '1234567' }), 'v=2&p=2016&r=1234567'],
    ['requests: 0.5 stays', state({}, { requests: '0.5' }), 'v=2&p=2016&r=0.5'],
    [
      'typed numbers are written canonically',
      state({}, { memoryMb: ' 1,024 ', durationMs: '0100.50', initDurationMs: ' 1,000 ' }),
      'v=2&p=2016&m=1024&d=100.5&it=1000',
    ],
    ['text that is no number is written as it is', state({}, { memoryMb: 'abc', coldStartPercent: 'lots' }), 'v=2&p=2016&m=abc&cs=lots'],
    ['a field cleared to spaces is its default', state({ sheet: 'aws-current' }, { coldStartPercent: '   ' }), 'v=2&p=current'],
  ])('%s', (_title, input, expected) => {
    expect(encode(withIds(input))).toBe(expected)
  })

  it('the classic example link reads back to what encode writes for it', () => {
    const first = decode('p=2016&m=512&d=1000&r=3e6')
    expect(encode(first.inputs)).toBe('v=2&p=2016')
    expect(plain(decode(encode(first.inputs)).inputs)).toEqual(plain(first.inputs))
  })
})

describe('API Gateway’s free tier for new accounts in a link', () => {
  it('is af=1 when on, absent when off, and read back', () => {
    const on = withIds(state({ sheet: 'aws-current', apiGatewayFreeTier: true }, { frontDoor: 'rest-api' }))
    expect(encode(on)).toBe('v=2&p=current&af=1&fd=rest-api')
    expect(decode(encode(on)).inputs.apiGatewayFreeTier).toBe(true)
    expect(encode(withIds(state({ sheet: 'aws-current' })))).toBe('v=2&p=current')
    expect(decode('v=2&p=current&af=0').inputs.apiGatewayFreeTier).toBe(false)
  })

  it('names a value that is not 1 or 0', () => {
    const result = decode('v=2&p=current&af=yes')
    expect(result.inputs.apiGatewayFreeTier).toBeUndefined()
    expect(result.problems.map((p) => p.message)).toEqual(['af=yes: API Gateway free tier must be 1 (yes) or 0 (no); got "yes".'])
  })
})

describe('version 1 links keep their meaning', () => {
  // Each link as the README and earlier releases wrote it, with its bill worked by hand.
  it.each<[string, string, number]>([
    // README: the classic pricing page's first example. 1,500,000 GB-s - 400,000 = 1,100,000 x 0.00001667 = $18.337 -> $18.34; 2M requests $0.40.
    ['/?p=2016&m=512&d=1000&r=3e6', 'aws-2016', 18_74],
    // The same with no p: a version 1 link's default sheet is the classic one.
    ['/?m=512&d=1000&r=3e6', 'aws-2016', 18_74],
    ['/?v=1&m=512&d=1000&r=3e6', 'aws-2016', 18_74],
    // Classic example 2: 128 MB, 200 ms, 30M: 750,000 GB-s - 400,000 = 350,000 x 0.00001667 = $5.8345 -> $5.83; 29M requests $5.80.
    ['/?m=128&d=200&r=3e7', 'aws-2016', 11_63],
    // The iframe snippet of earlier releases.
    ['/?embed=1&p=2016&m=512&d=1000&r=3e6', 'aws-2016', 18_74],
    // README: several functions on the current sheet. api: 1,500,000 GB-s; function 2: 1,500,000; function 3: 2 GB x 1 s x 3M/day x 365/12
    // = 182,500,000 GB-s; 185,100,000 billable x 0.0000166667 = $3,085.00617 -> $3,085.01. Requests: 6M + 91,250,000 - 1M = 96,250,000 x 0.2/1M = $19.25.
    ['/?p=current&fns=3&n=api&m3=2048&u3=d', 'aws-current', 3_104_26],
  ])('%s', (link, sheet, cents) => {
    const result = decode(link.slice(link.indexOf('?')))
    expect(result.problems).toEqual([])
    expect(result.futureVersion).toBe(false)
    expect(result.version).toBe(1)
    expect(result.inputs.sheet).toBe(sheet)
    expect(estimate(toEstimateInput(result.inputs)).totalCents).toBe(cents)
    // Written again as version 2, the link says its sheet and keeps the bill.
    const again = decode(encode(result.inputs))
    expect(again.version).toBe(2)
    expect(new URLSearchParams(encode(result.inputs)).get('p')).toBe(sheet === 'aws-2016' ? '2016' : 'current')
    expect(plain(again.inputs)).toEqual(plain(result.inputs))
  })

  it.each<[string, number | null]>([
    // The README's version 2 examples: classic example 1 ($18.74) and the current page's mobile backend:
    // 1,536 MB x 120 ms x 3M = 540,000 GB-s - 400,000 = 140,000 x 0.0000166667 = $2.33; requests $0.40.
    ['/?v=2&p=2016&m=512&d=1000&r=3e6', 18_74],
    ['/?v=2&p=current&m=1536&d=120', 2_73],
    ['/?v=2&p=current&fns=3&n=api&m3=2048&u3=d&pc3=40', null],
    ['/?embed=1&v=2&p=2016&m=512&d=1000&r=3e6&compact=1', 18_74],
  ])('the README’s version 2 link %s reads cleanly', (link, cents) => {
    const result = decode(link.slice(link.indexOf('?')))
    expect(result.problems).toEqual([])
    expect(result.version).toBe(2)
    if (cents !== null) expect(estimate(toEstimateInput(result.inputs)).totalCents).toBe(cents)
  })

  it('no v, or v=1, and no p: the classic sheet; v=2 and no p: the current one', () => {
    expect(decode('m=1024').inputs.sheet).toBe('aws-2016')
    expect(decode('v=1&m=1024').inputs.sheet).toBe('aws-2016')
    expect(decode('v=1&p=current&m=1024').inputs.sheet).toBe('aws-current')
    expect(decode('v=2&m=1024').inputs.sheet).toBe('aws-current')
    expect(decode('v=2&p=2016&m=1024').inputs.sheet).toBe('aws-2016')
  })

  it('the defaults per version are written out, not taken from the store', () => {
    expect(plain(linkDefaults(1))).toEqual(DEFAULTS)
    expect(plain(linkDefaults(2))).toEqual(DEFAULTS_V2)
  })

  it('a version 1 link may carry the 2026 keys, read as in version 2', () => {
    const result = decode('p=current&cs=1.5&it=300')
    expect(result.problems).toEqual([])
    expect(firstFunction(result)).toMatchObject({ coldStartPercent: '1.5', initDurationMs: '300' })
  })
})

describe('decodeAddress: the page’s own address', () => {
  it.each(['', '?', '?utm_source=news&fbclid=x', '?theme=dark', '?m1=5&zz=1'])(
    '%j, with no key of the estimate, is a new page on the current sheet',
    (query) => {
      const result = decodeAddress(query)
      expect(plain(result.inputs)).toEqual(DEFAULTS_V2)
      expect(result.problems).toEqual([])
      expect(result.version).toBe(2)
      expect(hasLinkKeys(query)).toBe(false)
    },
  )

  it.each([
    ['?m=1024', 'aws-2016'],
    ['?ft=0', 'aws-2016'],
    ['?fns=2', 'aws-2016'],
    ['?cs=5', 'aws-2016'],
    ['?m2=256', 'aws-2016'],
    ['?v=1', 'aws-2016'],
    ['?v=2', 'aws-current'],
    ['?preset=classic-example-2', 'aws-2016'],
    ['?preset=rest-api', 'aws-current'],
    // The docs widget's view is always a link: an element or iframe without a sheet keeps the classic one.
    ['?embed=1', 'aws-2016'],
    ['?embed=1&wid=w1&host=https%3A%2F%2Fdocs.example', 'aws-2016'],
    ['?embed=1&v=2&p=current', 'aws-current'],
  ])('%s is a link, on %s', (query, sheet) => {
    expect(decodeAddress(query).inputs.sheet).toBe(sheet)
  })
})

describe('decode: untrusted values fall back with a problem', () => {
  const long = 'x'.repeat(150)
  it.each<[string, string, string, string | RegExp]>([
    ['m=4096', 'm', '4096', 'm=4096: Memory must be between 128 and 3,008 MB on the classic 2016 sheet; got 4,096 MB.'],
    ['m=500', 'm', '500', /^m=500: Memory must be a multiple of 64 MB .*448 or 512/],
    ['m=abc', 'm', 'abc', /^m=abc: Memory must be a number of MB; got "abc"/],
    ['p=current&m=20000', 'm', '20000', /^m=20000: .*10,240/],
    ['m=Infinity', 'm', 'Infinity', /^m=Infinity: Memory must be a number/],
    ['m=1e999', 'm', '1e999', 'm=1e999: Memory must be between 128 and 3,008 MB on the classic 2016 sheet; got 1e999 MB.'],
    ['d=1e-400', 'd', '1e-400', /^d=1e-400: Duration is too close to 0 to work with; got 1e-400 ms\./],
    ['d=0', 'd', '0', /^d=0: Duration must be above 0 ms/],
    ['d=-5', 'd', '-5', /^d=-5: Duration must be above 0 ms/],
    ['d=-0', 'd', '-0', /^d=-0: Duration must be above 0 ms/],
    ['d=1e308', 'd', '1e308', /^d=1e308: Duration must be at most 900,000 ms/],
    ['d=NaN', 'd', 'NaN', /^d=NaN: Duration must be a number/],
    ['r=-1', 'r', '-1', /^r=-1: Requests must be 0 or more/],
    ['r=1e16', 'r', '1e16', /^r=1e16: Requests must come to at most 1,000,000,000,000,000/],
    ['r=1e12&u=s', 'r', '1e12', /^r=1e12: Requests must come to at most .* per second/],
    ['r=1e%2B21', 'r', '1e+21', /^r=1e\+21: Requests must come to at most/],
    ['r=1e+21', 'r', '1e 21', /^r=1e 21: Requests must be a number/],
    ['u=week', 'u', 'week', /^u=week: Request unit must be one of s, min, h, d, mo, mpm/],
    ['u=second', 'u', 'second', /^u=second: Request unit must be one of/],
    [
      'a=arm',
      'a',
      'arm',
      'a=arm: Architecture arm64 is not on the classic 2016 sheet, which offers x86_64 only. Switch to the current sheet for arm64.',
    ],
    ['p=current&a=sparc', 'a', 'sparc', /^a=sparc: Architecture must be x86 or arm/],
    ['e=1024', 'e', '1024', /^e=1024: Ephemeral storage is fixed at 512 MB on the classic 2016 sheet/],
    ['p=current&e=100', 'e', '100', /^e=100: Ephemeral storage must be between 512 and 10,240 MB; got 100 MB/],
    ['p=2017', 'p', '2017', /^p=2017: Price sheet must be 2016 .* or current/],
    ['p=aws-current', 'p', 'aws-current', /^p=aws-current: Price sheet must be/],
    ['rg=mars-1', 'rg', 'mars-1', /^rg=mars-1: Region "mars-1" is not known\. Allowed: .*us-east-1/],
    ['rg=__proto__', 'rg', '__proto__', /^rg=__proto__: Region/],
    ['ft=yes', 'ft', 'yes', /^ft=yes: Include free tier must be 1 .* or 0/],
    ['fns=11', 'fns', '11', /^fns=11: The number of functions must be a whole number from 1 to 10/],
    ['fns=0', 'fns', '0', /^fns=0: /],
    ['fns=two', 'fns', 'two', /^fns=two: /],
    ['fns=2.5', 'fns', '2.5', /^fns=2\.5: /],
    ['preset=nope', 'preset', 'nope', /^preset=nope: Preset "nope" is not known\. Allowed: .*classic-example-1/],
    ['preset=__proto__', 'preset', '__proto__', /^preset=__proto__: Preset/],
    ['preset=constructor', 'preset', 'constructor', /^preset=constructor: Preset/],
    ['v=abc', 'v', 'abc', /^v=abc: The link format version must be a whole number/],
    ['v=0', 'v', '0', /^v=0: /],
    ['v=1.5', 'v', '1.5', /^v=1\.5: /],
    ['m=' + long, 'm', `${'x'.repeat(40)}\u2026`, /^m=x{40}\u2026: The value is 150 characters long; at most 100 are read\.$/],
    [`r=${'9'.repeat(101)}`, 'r', `${'9'.repeat(40)}\u2026`, /characters long/],
    ['m=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'm', '<script>alert(1)</script>', /^m=<script>alert\(1\)<\/script>: Memory must be a number/],
    // The 2026 keys: each value checked on either sheet, combinations on the current one.
    ['v=2&cs=150', 'cs', '150', /^cs=150: Cold-start share must be between 0 and 100 %; got 150 %\.$/],
    ['cs=-1', 'cs', '-1', /^cs=-1: Cold-start share must be between 0 and 100/],
    ['v=2&it=20000', 'it', '20000', /^it=20000: INIT duration must be between 0 and 10,000 ms/],
    ['v=2&pc=1.5', 'pc', '1.5', /^pc=1\.5: Provisioned concurrency must be a whole number of environments/],
    ['v=2&ph=800', 'ph', '800', /^ph=800: Provisioned hours must be between 0 and 744/],
    ['v=2&ps=abc', 'ps', 'abc', /^ps=abc: Share served by provisioned concurrency must be a percentage; got "abc"/],
    ['ss=lambda', 'ss', 'lambda', 'ss=lambda: SnapStart must be off, java (free, for Java) or priced (Python and .NET); got "lambda".'],
    ['sv=0', 'sv', '0', /^sv=0: SnapStart versions must be between 1 and/],
    ['v=2&sh=1e9', 'sh', '1e9', /^sh=1e9: SnapStart cache hours must be between 0 and 744/],
    ['ed=yes', 'ed', 'yes', 'ed=yes: Lambda@Edge must be 1 (on) or 0 (off); got "yes".'],
    ['ed=true', 'ed', 'true', /^ed=true: Lambda@Edge must be 1 \(on\) or 0 \(off\)/],
    ['v=2&st=500', 'st', '500', /^st=500: Streamed MB per request must be between 0 and 200 MB; got 500 MB\.$/],
    ['v=2&a=arm&ed=1', 'ed', '1', /^ed=1: Lambda@Edge runs on x86_64 only; this function is arm64/],
    ['v=2&ed=1&pc=2', 'pc', '2', /^pc=2: Provisioned concurrency is not available on Lambda@Edge/],
    // 100 a second x 1 s needs 100 environments all month; 1 gives 2,628,000 environment-seconds.
    ['v=2&pc=1&r=100&u=s', 'pc', '1', /^pc=1: 1 provisioned environments .* needs at least 100 environments for 730 hours/],
    [`v=2&st=${'1'.repeat(101)}`, 'st', `${'1'.repeat(40)}\u2026`, /^st=1{40}\u2026: The value is 101 characters long; at most 100 are read\.$/],
  ])('%s', (query, key, value, message) => {
    const result = decode(query)
    expect(result.problems).toHaveLength(1)
    const [problem] = result.problems
    expect(problem!.key).toBe(key)
    expect(problem!.value).toBe(value)
    if (typeof message === 'string') expect(problem!.message).toBe(message)
    else expect(problem!.message).toMatch(message)
    expect(problem!.message.startsWith(`${key}=${value}: `)).toBe(true)
    expect(validateInput(toEstimateInput(result.inputs))).toEqual([])
    // The key fell back to its default.
    const expected = plain(decode(query.replace(new RegExp(`(^|&)${key}=[^&]*`), '')).inputs)
    expect(plain(result.inputs)).toEqual(expected)
  })

  it('a name longer than 64 characters is cut to its first 64, with a notice; nothing else in the link is lost', () => {
    const long = 'x'.repeat(60) + 'abcdefghij'
    const result = decode(`v=2&p=current&n=${long}&m=1024&n2=${'y'.repeat(150)}&d2=250&fns=2`)
    expect(result.inputs.functions.map((f) => f.name)).toEqual(['x'.repeat(60) + 'abcd', 'y'.repeat(64)])
    expect(result.inputs.functions[0]!.memoryMb).toBe('1024')
    expect(result.inputs.functions[1]!.durationMs).toBe('250')
    expect(result.problems).toEqual([
      {
        key: 'n',
        value: `${'x'.repeat(40)}\u2026`,
        message: `n=${'x'.repeat(40)}\u2026: Names are at most 64 characters: the first 64 of its 70 were kept.`,
        shortened: true,
      },
      {
        key: 'n2',
        value: `${'y'.repeat(40)}\u2026`,
        message: `n2=${'y'.repeat(40)}\u2026: Names are at most 64 characters: the first 64 of its 150 were kept.`,
        shortened: true,
      },
    ])
    expect(validateInput(toEstimateInput(result.inputs))).toEqual([])
  })

  it('a name is cut by characters as people count them: an emoji with its skin tone is one, never split', () => {
    const thumb = '\u{1F44D}\u{1F3FD}'
    const result = decode(`n=${encodeURIComponent(thumb.repeat(70))}`)
    expect(result.inputs.functions[0]!.name).toBe(thumb.repeat(64))
    expect(result.problems.map((p) => p.shortened)).toEqual([true])
    // 64 characters exactly is no problem at all.
    expect(decode(`n=${encodeURIComponent(thumb.repeat(64))}`).problems).toEqual([])
  })

  it('a bad 2026 key of function 2 is reported on its numbered key', () => {
    const result = decode('v=2&fns=2&cs2=101&it2=100&ed2=2')
    expect(result.problems.map((p) => p.key)).toEqual(['cs2', 'ed2'])
    expect(plain(result.inputs)).toEqual(state({ sheet: 'aws-current' }, {}, { initDurationMs: '100' }))
  })

  it('the rest of the link still applies around a bad key', () => {
    const result = decode('p=current&m=99999&d=250&a=arm&rg=nowhere&ft=0')
    expect(result.problems.map((p) => p.key)).toEqual(['m', 'rg'])
    expect(plain(result.inputs)).toEqual(state({ sheet: 'aws-current', freeTier: false }, { durationMs: '250', architecture: 'arm64' }))
  })

  it('lists problems in the order of the link', () => {
    expect(decode('ft=x&m=1&p=y').problems.map((p) => p.key)).toEqual(['ft', 'm', 'p'])
  })

  it('too many requests for their unit: the requests fall back, the unit stays', () => {
    // 10^13 an hour is 7.3 x 10^15 a month, above the 10^15 limit.
    const over = decode('r=1e13&u=h')
    expect(over.problems.map((p) => p.key)).toEqual(['r'])
    expect(firstFunction(over)).toMatchObject({ requests: '3000000', per: 'hour' })
    // 10^12 an hour is 7.3 x 10^14 a month: allowed.
    expect(decode('r=1e12&u=h').problems).toEqual([])
  })

  it('shows at most 40 characters of a value, counting an emoji as one and never splitting it', () => {
    const result = decode(`m=${'a'.repeat(39)}${encodeURIComponent('😀')}zzz`)
    expect(result.problems[0]!.value).toBe(`${'a'.repeat(39)}😀\u2026`)
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'
    const cut = decode(`m=${'a'.repeat(39)}${encodeURIComponent(family)}zzz`)
    expect(cut.problems[0]!.value).toBe(`${'a'.repeat(39)}\u{1F468}\u2026`)
  })

  it('quotes a value as typed, not JSON-escaped, and strips bidi and invisible characters', () => {
    const markup = decode(`rg=${encodeURIComponent('"><img src=x>')}`)
    expect(markup.problems[0]!.message).toContain('Region ""><img src=x>" is not known')
    expect(markup.problems[0]!.message).not.toContain('\\')
    const reversed = decode('p=%E2%80%AEcurrentx')
    expect(reversed.problems[0]!.value).toBe('currentx')
    expect(reversed.problems[0]!.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff\u2028\u2029]/)
    const invisible = decode(`n=${encodeURIComponent('a\u200Bb\uFEFFc\u2066d\u061Ce\u2028f')}`)
    expect(invisible.inputs.functions[0]!.name).toBe('abcdef')
  })
})

describe('decode: keys that are not ours, repeats and versions', () => {
  it('ignores unknown keys silently', () => {
    const result = decode('embed=1&theme=dark&compact=1&wid=w-7&host=docs.example.com&zzz=%&M=4096&m=256')
    expect(result.problems).toEqual([])
    expect(plain(result.inputs)).toEqual(state({}, { memoryMb: '256' }))
  })

  it('repeated keys: the first wins', () => {
    expect(firstFunction(decode('m=256&m=1024')).memoryMb).toBe('256')
    expect(decode('m=256&m=4096').problems).toEqual([])
    expect(decode('p=bad&p=current').problems.map((p) => p.key)).toEqual(['p'])
  })

  it('v=3 is a newer format: flagged, read with version 2’s defaults, and what can be read is applied', () => {
    const result = decode('v=3&m=1024&zz=new')
    expect(result.futureVersion).toBe(true)
    expect(result.version).toBe(2)
    expect(result.problems).toEqual([])
    expect(result.inputs.sheet).toBe('aws-current')
    expect(firstFunction(result).memoryMb).toBe('1024')
    expect(decode('v=2').futureVersion).toBe(false)
    expect(decode('v=1').futureVersion).toBe(false)
    expect(decode('m=1024').futureVersion).toBe(false)
    expect(decode('v=abc').futureVersion).toBe(false)
    expect(decode('v=abc').inputs.sheet).toBe('aws-2016')
  })

  it('never throws, even when given something that is not a string', () => {
    for (const bad of [undefined, null, 42, {}, [], Symbol('x')]) {
      const result = decode(bad as unknown as string)
      expect(plain(result.inputs)).toEqual(DEFAULTS)
    }
  })
})

describe('decode: presets', () => {
  it('applies the preset first; other keys override it, wherever they are', () => {
    for (const query of ['preset=mobile-backend&m=2048', 'm=2048&preset=mobile-backend']) {
      const result = decode(query)
      expect(result.problems).toEqual([])
      expect(result.presetId).toBe('mobile-backend')
      expect(plain(result.inputs)).toEqual(state({ sheet: 'aws-current' }, { memoryMb: '2048', durationMs: '120' }))
    }
  })

  it('a preset with two functions: fns=1 keeps the first, fns=3 adds a default one', () => {
    expect(decode('preset=rest-api').inputs.functions).toHaveLength(2)
    expect(decode('preset=rest-api&fns=1').inputs.functions.map((f) => f.name)).toEqual(['api-handler'])
    expect(decode('preset=rest-api&fns=3').inputs.functions.map((f) => f.name)).toEqual(['api-handler', 'authorizer', ''])
    expect(decode('preset=rest-api&n2=auth').inputs.functions.map((f) => f.name)).toEqual(['api-handler', 'auth'])
  })

  it('a bad key falls back to the preset’s value, not the default', () => {
    const result = decode('preset=mobile-backend&m=5')
    expect(result.problems.map((p) => p.key)).toEqual(['m'])
    expect(firstFunction(result).memoryMb).toBe('1536')
  })

  it('a preset value that does not fit the sheet the link chose falls back to the default, reported on preset', () => {
    const result = decode('preset=ml-inference&p=2016')
    expect(result.presetId).toBe('ml-inference')
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]).toMatchObject({ key: 'preset', value: 'ml-inference' })
    expect(result.problems[0]!.message).toMatch(/^preset=ml-inference: .*Memory must be between 128 and 3,008 MB/)
    expect(firstFunction(result)).toMatchObject({ memoryMb: '512', durationMs: '800', architecture: 'x86_64', ephemeralStorageMb: '512' })
  })

  it('an unknown preset leaves the defaults, and presetId null', () => {
    const result = decode('preset=nope&m=256')
    expect(result.presetId).toBeNull()
    expect(plain(result.inputs)).toEqual(state({}, { memoryMb: '256' }))
  })
})

// ---------------------------------------------------------------------------
// Properties

const CURRENT_REGIONS = Object.keys(PRICE_SHEETS['aws-current'].regions)
/** Requests per month for one request per unit, written out here (a 730-hour month). */
const PER_MONTH: Record<RequestUnit, number> = {
  second: 2_628_000,
  minute: 43_800,
  hour: 730,
  day: 365 / 12,
  month: 1,
  'million-per-month': 1_000_000,
}

const units = fc.constantFrom<RequestUnit>('second', 'minute', 'hour', 'day', 'month', 'million-per-month')

/** Requests for a unit that stay within 10^15 a month, as a canonical number. */
function requestsFor(per: RequestUnit): fc.Arbitrary<number> {
  const max = Math.floor((1e15 * 0.99) / PER_MONTH[per])
  return fc.oneof(
    fc.bigInt({ min: 0n, max: BigInt(max) }).map(Number),
    fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 13 })).map(([m, k]) => Math.min(m * 10 ** k, max)),
    fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 100),
  )
}

const durations = fc.oneof(
  fc.integer({ min: 1, max: 900_000_000 }).map((x) => x / 1000),
  fc.constantFrom(1e-7, 0.1, 1, 100, 899_999.999, 900_000),
)

const names = fc
  .oneof(
    fc.constant(''),
    fc.string({ maxLength: 64 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom('api & worker', '100% = +tax', '<script>alert(1)</script>', '  padded  ', 'a#b?c/d', '图片处理'),
  )
  .filter((n) => n.trim().length <= 64 && !UNSAFE.test(n))

/** A typed number field of the 2026 inputs: mostly empty (its default), else a valid value. */
const optional = (values: fc.Arbitrary<number>) => fc.oneof({ arbitrary: fc.constant(''), weight: 2 }, values.map(String))

const extras = fc.record({
  coldStartPercent: optional(fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100)),
  initDurationMs: optional(fc.integer({ min: 0, max: 100_000 }).map((x) => x / 10)),
  provisionedConcurrency: optional(fc.integer({ min: 0, max: 2_000 })),
  provisionedHours: optional(fc.integer({ min: 0, max: 744 * 4 }).map((x) => x / 4)),
  provisionedSharePercent: optional(fc.integer({ min: 0, max: 100 })),
  snapStart: fc.constantFrom('off' as const, 'java' as const, 'priced' as const),
  snapStartVersions: optional(fc.integer({ min: 1, max: 20 })),
  snapStartCacheHours: optional(fc.integer({ min: 0, max: 744 })),
  edge: fc.boolean(),
  streamedMbPerRequest: optional(fc.integer({ min: 0, max: 2_000 }).map((x) => x / 10)),
  tenantIsolation: fc.boolean(),
  durableExecutions: optional(fc.integer({ min: 0, max: 10_000_000 })),
  durableOperationsPerExecution: optional(fc.integer({ min: 1, max: 50 })),
  durableKbWrittenPerExecution: optional(fc.integer({ min: 0, max: 10_000 }).map((x) => x / 10)),
  durableRunningDays: optional(fc.integer({ min: 0, max: 366 * 4 }).map((x) => x / 4)),
  durableRetentionDays: optional(fc.integer({ min: 1, max: 90 })),
  compute: fc.constantFrom('lambda' as const, 'managed-instances' as const),
  instanceType: fc.constantFrom('', 'm7g.xlarge', 'c7i.2xlarge', 'r8g.xlarge'),
  instanceHours: optional(fc.integer({ min: 0, max: 100_000 }).map((x) => x / 4)),
  ec2PricePerHour: optional(fc.integer({ min: 1, max: 100_000 }).map((x) => x / 10_000)),
  concurrencyPerEnvironment: optional(fc.integer({ min: 1, max: 1_600 })),
  memoryGbPerVcpu: optional(fc.constantFrom(2, 4, 8)),
  scalingBufferPercent: optional(fc.integer({ min: 0, max: 200 })),
  logFormat: fc.constantFrom('off' as const, 'text' as const, 'json' as const),
  appLogBytesPerInvocation: optional(fc.integer({ min: 0, max: 100_000 }).map((x) => x / 4)),
  logClass: fc.constantFrom('standard' as const, 'infrequent-access' as const),
  logRetentionMonths: optional(fc.integer({ min: 0, max: 120 })),
  frontDoor: fc.constantFrom(
    'none' as const,
    'http-api' as const,
    'rest-api' as const,
    'websocket' as const,
    'alb' as const,
    'function-url' as const,
  ),
  requestKb: optional(fc.integer({ min: 0, max: 40_960 }).map((x) => x / 4)),
  connectionMinutes: optional(fc.integer({ min: 0, max: 1_000_000 })),
  responseKb: optional(fc.integer({ min: 0, max: 40_960 }).map((x) => x / 4)),
})

function functionFor(sheet: 'aws-2016' | 'aws-current'): fc.Arbitrary<Draft> {
  const memory = sheet === 'aws-2016' ? fc.integer({ min: 0, max: 45 }).map((k) => 128 + 64 * k) : fc.integer({ min: 128, max: 10_240 })
  return fc
    .record({
      name: names,
      memory,
      duration: durations,
      per: units,
      architecture: sheet === 'aws-2016' ? fc.constant('x86_64' as const) : fc.constantFrom('x86_64' as const, 'arm64' as const),
      storage: sheet === 'aws-2016' ? fc.constant(512) : fc.oneof(fc.constant(512), fc.integer({ min: 512, max: 10_240 })),
      extras,
    })
    .chain((f) =>
      requestsFor(f.per).map((requests): Draft => ({
        name: f.name,
        memoryMb: String(f.memory),
        durationMs: String(f.duration),
        requests: String(requests),
        per: f.per,
        architecture: f.architecture,
        ephemeralStorageMb: String(f.storage),
        ...f.extras,
      })),
    )
}

const validStates: fc.Arbitrary<Plain> = fc
  .constantFrom('aws-2016' as const, 'aws-current' as const)
  .chain((sheet) =>
    fc.record({
      sheet: fc.constant(sheet),
      region: fc.constantFrom(...CURRENT_REGIONS),
      freeTier: fc.boolean(),
      functions: fc.array(functionFor(sheet), { minLength: 1, maxLength: 4 }),
    }),
  )
  .filter((s) => validateInput(toEstimateInput(withIds(s))).length === 0)

describe('properties', () => {
  it('every valid state round-trips through a version 2 link, which names its sheet', () => {
    fc.assert(
      fc.property(validStates, (s) => {
        const query = encode(withIds(s))
        const params = new URLSearchParams(query)
        expect(params.get('v')).toBe('2')
        expect(params.get('p')).toBe(s.sheet === 'aws-2016' ? '2016' : 'current')
        const result = decode(query)
        expect(result.problems).toEqual([])
        expect(result.version).toBe(2)
        expect(result.futureVersion).toBe(false)
        expect(result.presetId).toBeNull()
        expect(plain(result.inputs)).toEqual(s)
        // Stable: encoding the decoded state gives the same link.
        expect(encode(result.inputs)).toBe(query)
      }),
      { numRuns: 1000 },
    )
  })

  const KEYS = [
    'v',
    'p',
    'rg',
    'ft',
    'fns',
    'preset',
    'n',
    'm',
    'd',
    'r',
    'u',
    'a',
    'e',
    'n2',
    'm2',
    'd2',
    'r2',
    'u2',
    'a2',
    'e2',
    'cs',
    'it',
    'pc',
    'ph',
    'ps',
    'ss',
    'sv',
    'sh',
    'ed',
    'st',
    'cs2',
    'pc3',
    'ed2',
    'ss10',
    'm3',
    'r10',
    'm11',
    'd99999999999999999999',
    'm1',
    'm02',
    'embed',
    'theme',
    '',
    '%6D',
    'm%00',
    '__proto__',
    'constructor',
  ]
  const NASTY = [
    '%E0%A4%A',
    '%',
    '%%',
    '%ZZ',
    '%C0%AF',
    '%FF%FE',
    '%ED%A0%80',
    '1e308',
    '-1e308',
    '1e-400',
    '5e-324',
    '-0',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '1,000',
    '3e6',
    '1e15',
    '1e+15',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'x'.repeat(150),
    '9'.repeat(400),
    '__proto__',
    'constructor',
    'toString',
    '2016',
    'current',
    'arm',
    'x86',
    'af-south-1',
    'ml-inference',
    'rest-api',
    'nightly-batch',
    '0',
    '1',
    '2',
    '10',
    '11',
    '',
    ' ',
    '+',
    '%20',
    '%2B',
    '\u202e',
    '%00',
    '%0A',
    '😀'.repeat(30),
    '\ud800',
    'mpm',
    's',
    'd',
    '10240',
    '3008',
    '900000',
    '900001',
    '128',
    '127',
    '4096',
  ]
  /** Percent-encodes, leaving text with lone surrogates (which cannot be encoded) as it is. */
  const escape = (text: string) => {
    try {
      return encodeURIComponent(text)
    } catch {
      return text
    }
  }
  /** Values a real link holds, so that many fuzzed links are partly valid. */
  const PLAUSIBLE = [
    'current',
    '2016',
    'arm',
    'x86',
    '256',
    '1024',
    '10240',
    '50',
    '0.5',
    '3e6',
    's',
    'h',
    'mpm',
    'eu-west-1',
    '2',
    '3',
    '0',
    'rest-api',
    'api',
    'java',
    'priced',
    'off',
    '1',
    '730',
    '100',
    '12.5',
  ]
  const key = fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 4 }, { arbitrary: fc.string({ maxLength: 4 }), weight: 1 })
  const value = fc.oneof(
    { arbitrary: fc.constantFrom(...PLAUSIBLE), weight: 4 },
    fc.constantFrom(...NASTY),
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.integer().map(String),
    fc.double().map(String),
    fc.array(fc.constantFrom(...NASTY), { maxLength: 4 }).map((parts) => parts.join('')),
  )
  const pair = fc.tuple(key, value, fc.boolean()).map(([k, v, escaped]) => (escaped ? `${escape(k)}=${escape(v)}` : `${k}=${v}`))
  const queries = fc.oneof(
    {
      arbitrary: fc.tuple(fc.constantFrom('', '?', '??', '&'), fc.array(pair, { maxLength: 24 })).map(([lead, pairs]) => lead + pairs.join('&')),
      weight: 6,
    },
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ maxLength: 300 }),
    fc.webQueryParameters(),
    fc.array(fc.constantFrom('=', '&', '?', '%', 'm', 'fns', '1', 'e', '+', '#', ';'), { maxLength: 40 }).map((a) => a.join('')),
  )

  it('decoding any query string never throws and always leaves a valid state', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const result = decode(query)
        expect(validateInput(toEstimateInput(result.inputs))).toEqual([])
        expect(result.inputs.functions.length).toBeGreaterThanOrEqual(1)
        expect(result.inputs.functions.length).toBeLessThanOrEqual(MAX_FORM_FUNCTIONS)
        for (const problem of result.problems) {
          expect(problem.key).not.toBe('')
          expect(characterCount(problem.value)).toBeLessThanOrEqual(41)
          expect(problem.message.startsWith(`${problem.key}=`)).toBe(true)
        }
        for (const fn of result.inputs.functions) {
          for (const text of [fn.memoryMb, fn.durationMs, fn.requests, fn.ephemeralStorageMb]) expect(String(Number(text))).toBe(text)
          for (const field of EXTRA_NUMBER_FIELDS) if (fn[field] !== '') expect(String(Number(fn[field]))).toBe(fn[field])
          expect(['off', 'java', 'priced']).toContain(fn.snapStart)
          expect(typeof fn.edge).toBe('boolean')
          expect(UNSAFE.test(fn.name)).toBe(false)
          if (result.inputs.sheet === 'aws-2016') expect(fn).toMatchObject({ architecture: 'x86_64', ephemeralStorageMb: '512' })
        }
        // What was read is a valid state, so it round-trips.
        const again = decode(encode(result.inputs))
        expect(again.problems).toEqual([])
        expect(plain(again.inputs)).toEqual(plain(result.inputs))
      }),
      { numRuns: 10_000 },
    )
  })
})

describe('the Compute Savings Plan in a link (sp)', () => {
  it('reads sp=12 and bills it: 10,000,000 GB-s x $0.0000166667 x 0.88 = $146.67, + $2.00 of requests', () => {
    const result = decode('?v=2&p=current&ft=0&m=1024&d=1000&r=1e7&sp=12')
    expect(result.problems).toEqual([])
    expect(result.inputs.savingsPlanPercent).toBe('12')
    expect(estimate(toEstimateInput(result.inputs)).totalCents).toBe(14867)
  })

  it('writes it back, and leaves it out when there is none', () => {
    const inputs = decode('?v=2&p=current&sp=17').inputs
    expect(encode(inputs)).toContain('sp=17')
    expect(encode(decode('?v=2&p=current').inputs)).not.toContain('sp=')
  })

  it('a value the engine refuses is named in the link notice and left out: sp=30', () => {
    const result = decode('?v=2&p=current&sp=30')
    expect(result.problems).toEqual([{ key: 'sp', value: '30', message: expect.stringContaining('Compute Savings Plan must be between 0 and 17 %') }])
    expect(result.inputs.savingsPlanPercent).toBeUndefined()
    expect(validateInput(toEstimateInput(result.inputs))).toEqual([])
  })
})
