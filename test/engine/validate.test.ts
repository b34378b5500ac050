import { describe, expect, it } from 'vitest'
import { checkCombinations } from '../../src/engine/combinations'
import { estimate, InvalidInputError, PRICE_SHEETS, validateInput, type InputProblem, type PriceSheetData } from '../../src/engine/index'
import { plainValidInput } from '../../src/engine/quick-check'
import { formatPlainNumber, readFunction } from '../../src/engine/validate'

const ok = { memoryMb: 512, durationMs: 1000, requests: 3_000_000 }
const classic = (fn: Record<string, unknown>) => ({ sheet: 'aws-2016', functions: [{ ...ok, ...fn }] })
const current = (fn: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  sheet: 'aws-current',
  ...extra,
  functions: [{ ...ok, ...fn }],
})

// Each bad input with the message a user would see.
const table: [string, unknown, string, string][] = [
  [
    'memory not whole',
    classic({ memoryMb: 512.5 }),
    'functions.0.memoryMb',
    'Memory must be a whole number of MB; got 512.5 MB. Allowed on the classic 2016 sheet: 128 to 3,008 MB in steps of 64 MB.',
  ],
  [
    'memory too large (classic)',
    classic({ memoryMb: 4096 }),
    'functions.0.memoryMb',
    'Memory must be between 128 and 3,008 MB on the classic 2016 sheet; got 4,096 MB.',
  ],
  [
    'memory too small',
    classic({ memoryMb: 64 }),
    'functions.0.memoryMb',
    'Memory must be between 128 and 3,008 MB on the classic 2016 sheet; got 64 MB.',
  ],
  [
    'memory off the 64 MB step',
    classic({ memoryMb: 500 }),
    'functions.0.memoryMb',
    'Memory must be a multiple of 64 MB on the classic 2016 sheet; got 500 MB. Nearest allowed: 448 or 512 MB.',
  ],
  [
    'memory too large (current)',
    current({ memoryMb: 10_241 }),
    'functions.0.memoryMb',
    'Memory must be between 128 and 10,240 MB on the current sheet; got 10,241 MB.',
  ],
  [
    'memory not a number',
    current({ memoryMb: 'lots' }),
    'functions.0.memoryMb',
    'Memory must be a number of MB; got "lots". Allowed on the current sheet: 128 to 10,240 MB.',
  ],
  [
    'memory NaN',
    current({ memoryMb: Number.NaN }),
    'functions.0.memoryMb',
    'Memory must be a number of MB; got a value that is not a number. Allowed on the current sheet: 128 to 10,240 MB.',
  ],
  [
    'duration zero',
    classic({ durationMs: 0 }),
    'functions.0.durationMs',
    'Duration must be above 0 ms; got 0 ms. Allowed: above 0 and up to 900,000 ms (15 minutes).',
  ],
  [
    'duration negative',
    classic({ durationMs: -5 }),
    'functions.0.durationMs',
    'Duration must be above 0 ms; got -5 ms. Allowed: above 0 and up to 900,000 ms (15 minutes).',
  ],
  [
    'duration over 15 minutes',
    current({ durationMs: 900_001 }),
    'functions.0.durationMs',
    'Duration must be at most 900,000 ms (the 15-minute limit); got 900,001 ms.',
  ],
  [
    'duration infinite',
    current({ durationMs: Infinity }),
    'functions.0.durationMs',
    'Duration must be a finite number of ms; got a number too large to work with. Allowed: above 0 and up to 900,000 ms (15 minutes).',
  ],
  [
    'duration missing',
    current({ durationMs: undefined }),
    'functions.0.durationMs',
    'Duration must be a number of ms; got nothing. Allowed: above 0 and up to 900,000 ms (15 minutes).',
  ],
  [
    'requests negative',
    current({ requests: -1 }),
    'functions.0.requests',
    'Requests must be 0 or more; got -1. Allowed: 0 up to 1,000,000,000,000,000 (10^15) a month.',
  ],
  [
    'requests infinite',
    current({ requests: Infinity }),
    'functions.0.requests',
    'Requests must be a finite number; got a number too large to work with. Allowed: 0 up to 1,000,000,000,000,000 (10^15) a month.',
  ],
  [
    'requests above 10^15 a month',
    current({ requests: 2e15 }),
    'functions.0.requests',
    'Requests must come to at most 1,000,000,000,000,000 (10^15) a month; got 2,000,000,000,000,000 per month.',
  ],
  [
    'requests above 10^15 once converted',
    current({ requests: 1e9, per: 'second' }),
    'functions.0.requests',
    'Requests must come to at most 1,000,000,000,000,000 (10^15) a month; got 1,000,000,000 per second (2,628,000,000,000,000 a month).',
  ],
  [
    'unknown request unit',
    current({ per: 'week' }),
    'functions.0.per',
    'Request unit must be one of second, minute, hour, day, month, million-per-month; got "week".',
  ],
  [
    'arm64 on the classic sheet',
    classic({ architecture: 'arm64' }),
    'functions.0.architecture',
    'Architecture arm64 is not on the classic 2016 sheet, which offers x86_64 only. Switch to the current sheet for arm64.',
  ],
  ['unknown architecture', current({ architecture: 'riscv' }), 'functions.0.architecture', 'Architecture must be x86_64 or arm64; got "riscv".'],
  [
    'ephemeral storage on the classic sheet',
    classic({ ephemeralStorageMb: 1024 }),
    'functions.0.ephemeralStorageMb',
    'Ephemeral storage is fixed at 512 MB on the classic 2016 sheet; got 1,024 MB. Switch to the current sheet to size it.',
  ],
  [
    'ephemeral storage too large',
    current({ ephemeralStorageMb: 20_000 }),
    'functions.0.ephemeralStorageMb',
    'Ephemeral storage must be between 512 and 10,240 MB; got 20,000 MB.',
  ],
  [
    'ephemeral storage too small',
    current({ ephemeralStorageMb: 256 }),
    'functions.0.ephemeralStorageMb',
    'Ephemeral storage must be between 512 and 10,240 MB; got 256 MB.',
  ],
  [
    'ephemeral storage not whole',
    current({ ephemeralStorageMb: 600.5 }),
    'functions.0.ephemeralStorageMb',
    'Ephemeral storage must be a whole number of MB; got 600.5 MB. Allowed: 512 to 10,240 MB.',
  ],
  [
    'name too long',
    current({ name: 'x'.repeat(65) }),
    'functions.0.name',
    `Name must be text of at most 64 characters; got "${'x'.repeat(40)}\u2026".`,
  ],
  [
    'unknown region',
    current({}, { region: 'mars-north-1' }),
    'region',
    'Region "mars-north-1" is not known. Allowed on the current sheet: us-east-1, us-east-2, us-west-1, us-west-2, ca-central-1, sa-east-1, eu-west-1, eu-west-2, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, ap-south-1, ap-southeast-1, ap-southeast-2, ap-southeast-4, ap-southeast-5, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-east-1, af-south-1, me-south-1, me-central-1.',
  ],
  [
    'region not on the classic sheet',
    { ...classic({}), region: 'af-south-1' },
    'region',
    'Region "af-south-1" is not known. Allowed on the classic 2016 sheet: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-south-1, ap-southeast-1, ap-southeast-2, ap-northeast-1.',
  ],
  ['unknown sheet', { sheet: 'aws-2030', functions: [ok] }, 'sheet', 'Price sheet "aws-2030" is not known. Allowed: aws-2016, aws-current.'],
  ['free tier not a boolean', current({}, { freeTier: 'yes' }), 'freeTier', 'Include free tier must be true or false; got "yes".'],
  ['no functions', { sheet: 'aws-current', functions: [] }, 'functions', 'At least one function is needed; got none.'],
  ['functions not a list', { sheet: 'aws-current', functions: 'one' }, 'functions', 'Functions must be a list of one or more functions; got "one".'],
  [
    'a function that is not an object',
    { sheet: 'aws-current', functions: [42] },
    'functions.0',
    'Function 1 must be an object with memory, duration and requests; got 42.',
  ],
  [
    'a number typed with more digits than can be kept',
    current({ durationMs: '27.0000000000000001' }),
    'functions.0.durationMs',
    'Duration has more digits than can be kept exactly (at most 15 significant digits); got "27.0000000000000001". Allowed: above 0 and up to 900,000 ms (15 minutes).',
  ],
  [
    'a hole in a sparse list of functions',
    // new Array(1) has length 1 and no function at index 0
    { sheet: 'aws-current', functions: new Array(1) },
    'functions.0',
    'Function 1 must be an object with memory, duration and requests; got nothing.',
  ],
  [
    'cold-start share above 100 %',
    current({ coldStartPercent: 150 }),
    'functions.0.coldStartPercent',
    'Cold-start share must be between 0 and 100 %; got 150 %.',
  ],
  [
    'cold-start share not a number',
    current({ coldStartPercent: 'often' }),
    'functions.0.coldStartPercent',
    'Cold-start share must be a percentage; got "often". Allowed: 0 to 100 %.',
  ],
  [
    'INIT longer than its 10 s cap',
    current({ initDurationMs: 12_000 }),
    'functions.0.initDurationMs',
    'INIT duration must be between 0 and 10,000 ms (INIT is capped at 10 seconds); got 12,000 ms.',
  ],
  [
    'provisioned concurrency not whole',
    current({ provisionedConcurrency: 2.5 }),
    'functions.0.provisionedConcurrency',
    'Provisioned concurrency must be a whole number of environments; got 2.5. Allowed: a whole number from 0 to 1,000,000.',
  ],
  [
    'provisioned concurrency negative',
    current({ provisionedConcurrency: -1 }),
    'functions.0.provisionedConcurrency',
    'Provisioned concurrency must be between 0 and 1,000,000 environments; got -1.',
  ],
  [
    'provisioned hours above a 31-day month',
    current({ provisionedHours: 800 }),
    'functions.0.provisionedHours',
    'Provisioned hours must be between 0 and 744 hours a month; got 800 hours a month.',
  ],
  [
    'provisioned share negative',
    current({ provisionedSharePercent: -5 }),
    'functions.0.provisionedSharePercent',
    'Share served by provisioned concurrency must be between 0 and 100 %; got -5 %.',
  ],
  ['unknown SnapStart mode', current({ snapStart: 'python' }), 'functions.0.snapStart', 'SnapStart must be off, java or priced; got "python".'],
  [
    'no SnapStart version',
    current({ snapStart: 'priced', snapStartVersions: 0 }),
    'functions.0.snapStartVersions',
    'SnapStart versions must be between 1 and 1,000,000 versions; got 0.',
  ],
  [
    'SnapStart cache hours above 744',
    current({ snapStart: 'priced', snapStartCacheHours: 745 }),
    'functions.0.snapStartCacheHours',
    'SnapStart cache hours must be between 0 and 744 hours a month (at least 3 are billed); got 745 hours a month.',
  ],
  ['Edge not a boolean', current({ edge: 'yes' }), 'functions.0.edge', 'Lambda@Edge must be true or false; got "yes".'],
  [
    'streamed MB negative',
    current({ streamedMbPerRequest: -1 }),
    'functions.0.streamedMbPerRequest',
    'Streamed MB per request must be between 0 and 200 MB; got -1 MB.',
  ],
  [
    'Lambda@Edge on arm64',
    current({ edge: true, architecture: 'arm64' }),
    'functions.0.edge',
    'Lambda@Edge runs on x86_64 only; this function is arm64. Choose x86_64 or turn Lambda@Edge off.',
  ],
  [
    'provisioned concurrency on Lambda@Edge',
    current({ edge: true, provisionedConcurrency: 5 }),
    'functions.0.provisionedConcurrency',
    'Provisioned concurrency is not available on Lambda@Edge; got 5 environments on a Lambda@Edge function. Set it to 0 or turn Lambda@Edge off.',
  ],
  [
    'sized storage on Lambda@Edge',
    current({ edge: true, ephemeralStorageMb: 1024 }),
    'functions.0.ephemeralStorageMb',
    'Lambda@Edge has no ephemeral storage above 512 MB; got 1,024 MB on a Lambda@Edge function. Set it to 512 MB or turn Lambda@Edge off.',
  ],
  [
    'SnapStart with provisioned concurrency',
    current({ snapStart: 'java', provisionedConcurrency: 2 }),
    'functions.0.provisionedConcurrency',
    "SnapStart does not support provisioned concurrency (AWS's rule); got 2 environments on a function with SnapStart (java). Set provisioned concurrency to 0 or turn SnapStart off.",
  ],
  [
    'SnapStart with ephemeral storage above 512 MB',
    current({ snapStart: 'priced', ephemeralStorageMb: 1024 }),
    'functions.0.ephemeralStorageMb',
    "SnapStart does not support ephemeral storage greater than 512 MB (AWS's rule); got 1,024 MB on a function with SnapStart (priced). Set it to 512 MB or turn SnapStart off.",
  ],
  [
    'response streaming on Lambda@Edge',
    current({ edge: true, streamedMbPerRequest: 7 }),
    'functions.0.streamedMbPerRequest',
    'Response streaming is not available on Lambda@Edge: streaming needs InvokeWithResponseStream or a function URL, and Lambda@Edge offers neither; got 7 MB per request on a Lambda@Edge function. Set it to 0 or turn Lambda@Edge off.',
  ],
  [
    'Lambda@Edge for longer than 30 seconds',
    current({ edge: true, durationMs: 30_000.5 }),
    'functions.0.durationMs',
    'Lambda@Edge functions run at most 30 seconds (origin requests and responses; viewer ones at most 5); got 30,000.5 ms on a Lambda@Edge function. Set the duration to 30,000 ms or less, or turn Lambda@Edge off.',
  ],
  [
    'an unknown field near a known one',
    current({ memoryMB: 1024 }),
    'functions.0.memoryMB',
    'Unknown field "memoryMB" on function 1: did you mean "memoryMb"? As written it would be ignored and a different bill priced.',
  ],
  [
    'an unknown field that begins several known ones',
    current({ provisioned: 5 }),
    'functions.0.provisioned',
    'Unknown field "provisioned" on function 1: did you mean one of "provisionedConcurrency", "provisionedHours" or "provisionedSharePercent"? As written it would be ignored and a different bill priced.',
  ],
  [
    'the typo the issue names: durableExecution for durableExecutions',
    current({ durableExecution: 1000 }),
    'functions.0.durableExecution',
    'Unknown field "durableExecution" on function 1: did you mean "durableExecutions"? As written it would be ignored and a different bill priced.',
  ],
  [
    'an unknown field like no known one',
    current({ costCentre: 'team-a' }),
    'functions.0.costCentre',
    'Unknown field "costCentre" on function 1: no function field has that name or one like it, so it would be ignored and a different bill priced. The fields a function takes are those of FunctionInput: name, memoryMb, durationMs, requests, per, architecture, ephemeralStorageMb, coldStartPercent, initDurationMs, provisionedConcurrency, provisionedHours, provisionedSharePercent, snapStart, snapStartVersions, snapStartCacheHours, edge, streamedMbPerRequest, tenantIsolation, durableExecutions, durableOperationsPerExecution, durableKbWrittenPerExecution, durableRunningDays, durableRetentionDays, compute, instanceType, instanceHours, ec2PricePerHour, concurrencyPerEnvironment, memoryGbPerVcpu, scalingBufferPercent, logFormat, appLogBytesPerInvocation, logClass, logRetentionMonths, frontDoor, requestKb, connectionMinutes, responseKb.',
  ],
  [
    'streamed MB not a number',
    current({ streamedMbPerRequest: 'lots' }),
    'functions.0.streamedMbPerRequest',
    'Streamed MB per request must be a number of MB; got "lots". Allowed: 0 to 200 MB.',
  ],
  [
    // 2,000,000 x 0.28 s = 560,000 s; 5 x 24 h x 3,600 = 432,000 s; 560,000 / 86,400 = 6.48 -> 7 environments
    'more provisioned requests than the environments can serve',
    current({ memoryMb: 4096, durationMs: 280, requests: 2_000_000, provisionedConcurrency: 5, provisionedHours: 24 }),
    'functions.0.provisionedConcurrency',
    '5 provisioned environments for 24 hours give 432,000 environment-seconds, but the 2,000,000 requests they serve at 280 ms need 560,000. That volume needs at least 7 environments for 24 hours, or fewer requests served by them.',
  ],
  [
    'provisioned concurrency enabled for no hours',
    current({ provisionedConcurrency: 2, provisionedHours: 0 }),
    'functions.0.provisionedConcurrency',
    '2 provisioned environments for 0 hours give 0 environment-seconds, but the 3,000,000 requests they serve at 1,000 ms need 3,000,000. Set the hours above 0, or the share served by provisioned concurrency to 0 %.',
  ],
  [
    'a bad 2026 value on the classic sheet is still named',
    classic({ coldStartPercent: 101 }),
    'functions.0.coldStartPercent',
    'Cold-start share must be between 0 and 100 %; got 101 %.',
  ],
  ['not an object at all', null, '', 'The estimate input must be an object with a price sheet and functions; got null.'],
  // Numbers in plain scientific form, never 1e+21.
  [
    'memory of 10^21',
    current({ memoryMb: 1e21 }),
    'functions.0.memoryMb',
    'Memory must be between 128 and 10,240 MB on the current sheet; got 1 \u00d7 10^21 MB.',
  ],
  [
    'requests of 1.5 x 10^21',
    current({ requests: 1.5e21 }),
    'functions.0.requests',
    'Requests must come to at most 1,000,000,000,000,000 (10^15) a month; got 1.5 \u00d7 10^21 per month.',
  ],
  [
    'a tiny negative duration',
    current({ durationMs: -2e-7 }),
    'functions.0.durationMs',
    'Duration must be above 0 ms; got -2 \u00d7 10^-7 ms. Allowed: above 0 and up to 900,000 ms (15 minutes).',
  ],
  // Text that reads as a number no double holds is described as typed.
  [
    'memory typed as 1e309',
    current({ memoryMb: '1e309' }),
    'functions.0.memoryMb',
    'Memory must be between 128 and 10,240 MB on the current sheet; got 1e309 MB.',
  ],
  [
    'duration typed as 1e-400',
    current({ durationMs: ' 1e-400 ' }),
    'functions.0.durationMs',
    'Duration is too close to 0 to work with; got 1e-400 ms. Allowed: above 0 and up to 900,000 ms (15 minutes).',
  ],
  [
    'duration typed as 1e309',
    current({ durationMs: '1e309' }),
    'functions.0.durationMs',
    'Duration must be at most 900,000 ms (the 15-minute limit); got 1e309 ms.',
  ],
  [
    'duration typed as -1e309',
    current({ durationMs: '-1e309' }),
    'functions.0.durationMs',
    'Duration must be above 0 ms; got -1e309 ms. Allowed: above 0 and up to 900,000 ms (15 minutes).',
  ],
  [
    'requests typed as 1e309 per second',
    current({ requests: '1e309', per: 'second' }),
    'functions.0.requests',
    'Requests must come to at most 1,000,000,000,000,000 (10^15) a month; got 1e309 per second.',
  ],
  [
    'requests typed as 1e-400',
    current({ requests: '1e-400' }),
    'functions.0.requests',
    'Requests is too close to 0 to work with; got 1e-400 per month. Allowed: 0 up to 1,000,000,000,000,000 (10^15) a month.',
  ],
  [
    'storage typed as 1e309',
    current({ ephemeralStorageMb: '1e309' }),
    'functions.0.ephemeralStorageMb',
    'Ephemeral storage must be between 512 and 10,240 MB; got 1e309 MB.',
  ],
  [
    'cold-start share typed as -1e400',
    current({ coldStartPercent: '-1e400' }),
    'functions.0.coldStartPercent',
    'Cold-start share must be between 0 and 100 %; got -1e400 %.',
  ],
  [
    'provisioned concurrency typed as 1e309',
    current({ provisionedConcurrency: '1e309' }),
    'functions.0.provisionedConcurrency',
    'Provisioned concurrency must be between 0 and 1,000,000 environments; got 1e309.',
  ],
  [
    'streamed MB typed as 2e308',
    current({ streamedMbPerRequest: '2e308' }),
    'functions.0.streamedMbPerRequest',
    'Streamed MB per request must be between 0 and 200 MB; got 2e308 MB.',
  ],
  // Text quoted as typed: not JSON-escaped, without bidi or invisible characters, cut by character.
  [
    'markup quoted as typed',
    current({ architecture: '"><img src=x>' }),
    'functions.0.architecture',
    'Architecture must be x86_64 or arm64; got ""><img src=x>".',
  ],
  [
    'a right-to-left override is not quoted back',
    current({ memoryMb: '\u202e215' }),
    'functions.0.memoryMb',
    'Memory must be a number of MB; got "215". Allowed on the current sheet: 128 to 10,240 MB.',
  ],
  [
    'an emoji at the cut is kept whole',
    current({}, { region: `${'x'.repeat(39)}\u{1F44D}\u{1F3FD}yz` }),
    'region',
    `Region "${'x'.repeat(39)}\u{1F44D}\u{1F3FD}\u2026" is not known. Allowed on the current sheet: us-east-1, us-east-2, us-west-1, us-west-2, ca-central-1, sa-east-1, eu-west-1, eu-west-2, eu-west-3, eu-central-1, eu-central-2, eu-north-1, eu-south-1, ap-south-1, ap-southeast-1, ap-southeast-2, ap-southeast-4, ap-southeast-5, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-east-1, af-south-1, me-south-1, me-central-1.`,
  ],
  [
    'a name of 65 emoji is over 64 characters',
    current({ name: '\u{1F44D}'.repeat(65) }),
    'functions.0.name',
    `Name must be text of at most 64 characters; got "${'\u{1F44D}'.repeat(40)}\u2026".`,
  ],
]

describe('bad inputs', () => {
  it.each(table)('%s', (_name, input, path, message) => {
    expect(validateInput(input)).toEqual([{ path, message }])
    expect(() => estimate(input as never)).toThrow(InvalidInputError)
  })

  it('reports every problem at once, across functions', () => {
    const problems = validateInput({
      sheet: 'aws-2016',
      functions: [
        { memoryMb: 100, durationMs: 0, requests: -1, architecture: 'arm64' },
        { memoryMb: 512, durationMs: 1000, requests: 1 },
        { memoryMb: 512, durationMs: 1e9, requests: 1 },
      ],
    })
    expect(problems.map((p) => p.path)).toEqual([
      'functions.0.memoryMb',
      'functions.0.durationMs',
      'functions.0.architecture',
      'functions.0.requests',
      'functions.2.durationMs',
    ])
  })

  it('estimate() throws one error carrying every problem, never a wrong number', () => {
    try {
      estimate({ sheet: 'aws-2016', functions: [{ memoryMb: 100, durationMs: 0, requests: 1 }] })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError)
      expect((e as InvalidInputError).problems).toHaveLength(2)
    }
  })

  it('ignores 2026 combinations on the classic sheet, which does not bill them', () => {
    expect(validateInput(classic({ edge: true, provisionedConcurrency: 5, provisionedHours: 0 }))).toEqual([])
  })

  it('accepts provisioned requests that exactly fill the environments', () => {
    // 7 x 24 h x 3,600 s = 604,800 s = 2,160,000 requests x 0.28 s
    expect(validateInput(current({ memoryMb: 4096, durationMs: 280, requests: 2_160_000, provisionedConcurrency: 7, provisionedHours: 24 }))).toEqual(
      [],
    )
    expect(
      validateInput(current({ memoryMb: 4096, durationMs: 280, requests: 2_160_001, provisionedConcurrency: 7, provisionedHours: 24 })),
    ).toHaveLength(1)
  })

  it('counts a name\u2019s characters as people do: 64 emoji with skin tones fit', () => {
    expect(validateInput(current({ name: '\u{1F44D}'.repeat(33) }))).toEqual([])
    expect(validateInput(current({ name: '\u{1F44D}\u{1F3FD}'.repeat(64) }))).toEqual([])
    expect(validateInput(current({ name: 'e\u0301'.repeat(64) }))).toEqual([])
  })

  it('writes numbers grouped or as m \u00d7 10^e', () => {
    expect(formatPlainNumber(4096)).toBe('4,096')
    expect(formatPlainNumber(123_456_789.25)).toBe('123,456,789.25')
    expect(formatPlainNumber(999_999_999_999_999_999_999)).toBe('1 \u00d7 10^21')
    expect(formatPlainNumber(1.25e100)).toBe('1.25 \u00d7 10^100')
    expect(formatPlainNumber(-3e-7)).toBe('-3 \u00d7 10^-7')
    expect(formatPlainNumber(0.000001)).toBe('0.000001')
  })

  it('accepts the edges of every range', () => {
    expect(validateInput(classic({ memoryMb: 128, durationMs: 900_000, requests: 0 }))).toEqual([])
    expect(validateInput(classic({ memoryMb: 3008, durationMs: 0.001, requests: 1e15 }))).toEqual([])
    expect(validateInput(current({ memoryMb: 10_240, ephemeralStorageMb: 10_240, architecture: 'arm64' }))).toEqual([])
    expect(validateInput(current({ requests: 380_517_503, per: 'second' }))).toEqual([])
  })
})

describe('combinations AWS does not allow', () => {
  it('allows each limit itself: 30 s on Lambda@Edge, 512 MB with SnapStart, SnapStart off with provisioned concurrency', () => {
    for (const fn of [
      { edge: true, durationMs: 30_000 },
      { edge: true, streamedMbPerRequest: 0 },
      { snapStart: 'java', ephemeralStorageMb: 512, provisionedConcurrency: 0 },
      { snapStart: 'off', provisionedConcurrency: 2, ephemeralStorageMb: 2048 },
    ]) {
      expect(validateInput(current(fn))).toEqual([])
      expect(plainValidInput(current(fn))).not.toBeNull()
    }
  })

  it('are all named at once, each on the field to change', () => {
    const problems = validateInput(
      current({ edge: true, durationMs: 60_000, streamedMbPerRequest: 7, snapStart: 'java', provisionedConcurrency: 1, ephemeralStorageMb: 1024 }),
    )
    expect(problems.map((p) => p.path)).toEqual([
      'functions.0.provisionedConcurrency',
      'functions.0.ephemeralStorageMb',
      'functions.0.streamedMbPerRequest',
      'functions.0.durationMs',
      'functions.0.provisionedConcurrency',
      'functions.0.ephemeralStorageMb',
    ])
  })

  it('leave a value that is wrong on its own to its own problem', () => {
    // 2.5 environments and 300 MB streamed are problems already; no combination is added for them.
    expect(validateInput(current({ snapStart: 'java', provisionedConcurrency: 2.5 })).map((p) => p.path)).toEqual([
      'functions.0.provisionedConcurrency',
    ])
    expect(validateInput(current({ edge: true, streamedMbPerRequest: 300 }))).toHaveLength(1)
    expect(validateInput(current({ edge: true, durationMs: 900_001 })).map((p) => p.message)).toEqual([
      'Duration must be at most 900,000 ms (the 15-minute limit); got 900,001 ms.',
    ])
  })

  it('are not checked on the classic sheet, which ignores these inputs', () => {
    expect(validateInput(classic({ snapStart: 'priced', provisionedConcurrency: 3 }))).toEqual([])
    expect(validateInput(classic({ edge: true, streamedMbPerRequest: 7, durationMs: 60_000 }))).toEqual([])
  })
})

describe('arm64 where a region has no arm64 price', () => {
  const sheet = PRICE_SHEETS['aws-current']
  // A region priced for x86_64 only, like me-central-1.
  const x86Only: PriceSheetData = {
    ...sheet,
    regions: { ...sheet.regions, 'xx-test-1': { ...sheet.regions['us-east-1']!, compute: { x86_64: sheet.regions['us-east-1']!.compute.x86_64 } } },
  }
  const check = (fn: Record<string, unknown>, region: string) => {
    const out: InputProblem[] = []
    checkCombinations(readFunction({ ...ok, ...fn }) as unknown as Record<string, unknown>, x86Only, region, 'functions.0', out)
    return out
  }

  it('is a problem on the architecture, naming the region and what is priced there', () => {
    expect(check({ architecture: 'arm64' }, 'xx-test-1')).toEqual([
      {
        path: 'functions.0.architecture',
        message: 'Architecture arm64 has no price in xx-test-1 on the current sheet: only x86_64 is priced there. Choose x86_64 or another region.',
      },
    ])
    expect(check({ architecture: 'x86_64' }, 'xx-test-1')).toEqual([])
    expect(check({}, 'xx-test-1')).toEqual([])
    expect(check({ architecture: 'arm64' }, 'us-east-1')).toEqual([])
  })

  it('is refused by validateInput and the quick check exactly where a region of the sheets has no arm64 price', () => {
    for (const id of ['aws-2016', 'aws-current'] as const) {
      const data = PRICE_SHEETS[id]
      if (!data.architectures.includes('arm64')) continue
      for (const [region, prices] of Object.entries(data.regions)) {
        const input = { sheet: id, region, functions: [{ ...ok, architecture: 'arm64' }] }
        const problems = validateInput(input)
        if (prices.compute.arm64) {
          expect(problems, region).toEqual([])
          expect(plainValidInput(input), region).not.toBeNull()
        } else {
          expect(problems.map((p) => p.path)).toEqual(['functions.0.architecture'])
          expect(problems[0]!.message).toContain(region)
          expect(plainValidInput(input), region).toBeNull()
        }
      }
    }
  })
})

describe('unknown fields', () => {
  it('are named on their own function, and the quick check hands them to validateInput', () => {
    const input = { sheet: 'aws-current', functions: [ok, { ...ok, coldStartPercentage: 2 }] }
    expect(validateInput(input)).toEqual([
      {
        path: 'functions.1.coldStartPercentage',
        message:
          'Unknown field "coldStartPercentage" on function 2: did you mean "coldStartPercent"? As written it would be ignored and a different bill priced.',
      },
    ])
    expect(plainValidInput(input)).toBeNull()
    expect(() => estimate(input as never)).toThrow(InvalidInputError)
  })

  it('are quoted safely, and come before the problems they may cause', () => {
    const problems = validateInput(current({ memoryMb: undefined, 'memory\u202eMb': 512 }))
    expect(problems.map((p) => p.path)).toEqual(['functions.0.memory\u202eMb', 'functions.0.memoryMb'])
    expect(problems[0]!.message).toMatch(/^Unknown field "memoryMb" on function 1: did you mean "memoryMb"\?/)
  })

  it('are no problem when set to undefined (the same as leaving them out), and are never copied', () => {
    const input = current({ note: undefined })
    expect(validateInput(input)).toEqual([])
    expect(plainValidInput(input)).not.toBeNull()
    const read = readFunction({ ...ok, note: 'x' }) as unknown as Record<string, unknown>
    expect('note' in read).toBe(false)
    const unknown: string[] = []
    readFunction({ ...ok, note: 'x', other: 1, gone: undefined }, unknown)
    expect(unknown).toEqual(['note', 'other'])
  })
})
