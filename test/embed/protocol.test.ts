import { describe, expect, it } from 'vitest'
import {
  MAX_HEIGHT,
  MAX_PROBLEMS,
  MAX_QUERY,
  MAX_VALUE_LENGTH,
  attributeForKey,
  attributesToQuery,
  isOrigin,
  isWid,
  parseHostMessage,
  parseWidgetMessage,
  readOverLong,
} from '../../src/embed/protocol'
import { MAX_URL_VALUE_LENGTH } from '../../src/state/url-codec'

const env = { ns: 'lambda-cost-calculator', v: 1, wid: 'w1abc' }
const resize = { ...env, type: 'resize', height: 640 }
const change = { ...env, type: 'change', query: 'p=2016&m=512', totalCents: 1874, totalUsd: '18.74', problems: [] }
const problem = { attribute: 'memory', message: 'memory="lots": Memory must be a number.' }
const set = { ...env, type: 'set', query: 'p=current&a=arm', theme: 'dark' }

describe('parseWidgetMessage', () => {
  it('accepts well-formed resize and change messages', () => {
    expect(parseWidgetMessage(resize)).toEqual(resize)
    expect(parseWidgetMessage({ ...resize, height: 0 })).toEqual({ ...resize, height: 0 })
    expect(parseWidgetMessage({ ...resize, height: MAX_HEIGHT })).toEqual({ ...resize, height: MAX_HEIGHT })
    expect(parseWidgetMessage(change)).toEqual(change)
    expect(parseWidgetMessage({ ...change, totalCents: null, totalUsd: null })).toEqual({ ...change, totalCents: null, totalUsd: null })
    expect(parseWidgetMessage({ ...change, query: '' })).toEqual({ ...change, query: '' })
    expect(parseWidgetMessage({ ...change, totalCents: 5, totalUsd: '0.05' })).not.toBeNull()
    expect(parseWidgetMessage({ ...change, totalCents: 0, totalUsd: '0.00' })).not.toBeNull()
    expect(parseWidgetMessage({ ...change, problems: [problem] })).toEqual({ ...change, problems: [problem] })
    expect(parseWidgetMessage({ ...change, problems: [{ attribute: '', message: 'This link could not be read.' }] })).not.toBeNull()
  })

  it('reads a change without problems (from a widget of an earlier release) as having none', () => {
    const { problems: _, ...old } = change
    expect(parseWidgetMessage(old)).toEqual(change)
  })

  it('returns only the validated fields of each problem', () => {
    expect(parseWidgetMessage({ ...change, problems: [{ ...problem, html: '<b>' }] })).toEqual({ ...change, problems: [problem] })
  })

  it('accepts exact dollars without cents: a bill beyond 2^53 cents has no exact number of cents', () => {
    const huge = { ...change, totalCents: null, totalUsd: '119988947905426.23' }
    expect(parseWidgetMessage(huge)).toEqual(huge)
  })

  it('returns only the validated fields', () => {
    expect(parseWidgetMessage({ ...resize, extra: '<script>' })).toEqual(resize)
    expect(parseWidgetMessage({ ...change, html: 'x' })).not.toHaveProperty('html')
  })

  it('accepts any size of exact dollars once cents are null, and cents only with the same dollars', () => {
    expect(parseWidgetMessage({ ...change, totalCents: 2 ** 53 - 1, totalUsd: '90071992547409.91' })).not.toBeNull()
    expect(parseWidgetMessage({ ...change, totalCents: null, totalUsd: '90071992547409.92' })).not.toBeNull()
    expect(parseWidgetMessage({ ...change, totalCents: 1874, totalUsd: '18.75' })).toBeNull()
    expect(parseWidgetMessage({ ...change, totalCents: 1874, totalUsd: '18.74000' })).toBeNull()
  })

  it.each([
    ['null', null],
    ['a string', JSON.stringify(resize)],
    ['a number', 42],
    ['an array', [resize]],
    ['a foreign namespace', { ...resize, ns: 'other-widget' }],
    ['no namespace', { v: 1, wid: 'w1', type: 'resize', height: 1 }],
    ['another version', { ...resize, v: 2 }],
    ['a string version', { ...resize, v: '1' }],
    ['no wid', { ...resize, wid: undefined }],
    ['an empty wid', { ...resize, wid: '' }],
    ['a wid with odd characters', { ...resize, wid: 'w1"><img>' }],
    ['an over-long wid', { ...resize, wid: 'w'.repeat(65) }],
    ['an unknown type', { ...resize, type: 'navigate' }],
    ['a host message type', { ...set }],
    ['a string height', { ...resize, height: '640' }],
    ['a NaN height', { ...resize, height: Number.NaN }],
    ['an infinite height', { ...resize, height: Number.POSITIVE_INFINITY }],
    ['a negative height', { ...resize, height: -1 }],
    ['a huge height', { ...resize, height: MAX_HEIGHT + 1 }],
    ['a missing query', { ...change, query: undefined }],
    ['a non-string query', { ...change, query: ['p=2016'] }],
    ['an over-long query', { ...change, query: 'm='.padEnd(MAX_QUERY + 1, '1') }],
    ['a query with spaces', { ...change, query: 'm=512 MB' }],
    ['a query with control characters', { ...change, query: 'm=512\n' }],
    ['a query with non-ASCII', { ...change, query: 'n=café' }],
    ['negative cents', { ...change, totalCents: -1 }],
    ['fractional cents', { ...change, totalCents: 18.5 }],
    ['string cents', { ...change, totalCents: '1874' }],
    ['unsafe cents', { ...change, totalCents: 2 ** 60 }],
    ['a non-decimal total', { ...change, totalUsd: '$18.74' }],
    ['an over-long total', { ...change, totalUsd: '1.'.padEnd(65, '0') }],
    ['cents without dollars', { ...change, totalUsd: null }],
    ['missing totals', { ...env, type: 'change', query: 'p=2016' }],
    ['dollars that are not the cents', { ...change, totalUsd: '18.73333333333333333333' }],
    ['problems that are not a list', { ...change, problems: 'memory' }],
    ['a problem that is not an object', { ...change, problems: ['memory is wrong'] }],
    ['a problem without a message', { ...change, problems: [{ attribute: 'memory' }] }],
    ['a problem with an empty message', { ...change, problems: [{ attribute: 'memory', message: '' }] }],
    ['a problem with an odd attribute', { ...change, problems: [{ ...problem, attribute: 'memory"><img>' }] }],
    ['a problem with control characters', { ...change, problems: [{ ...problem, message: 'a\nb' }] }],
    ['a problem with a bidi override', { ...change, problems: [{ ...problem, message: 'a\u202eb' }] }],
    ['an over-long problem', { ...change, problems: [{ ...problem, message: 'x'.repeat(1001) }] }],
    ['too many problems', { ...change, problems: Array.from({ length: MAX_PROBLEMS + 1 }, () => problem) }],
  ])('rejects %s', (_, data) => {
    expect(parseWidgetMessage(data)).toBeNull()
  })
})

describe('parseHostMessage', () => {
  it('accepts a set message, with or without a theme', () => {
    expect(parseHostMessage(set)).toEqual(set)
    const { theme: _, ...plain } = set
    expect(parseHostMessage(plain)).toEqual(plain)
    expect(parseHostMessage(plain)).not.toHaveProperty('theme')
  })

  it.each([
    ['a widget message', resize],
    ['a foreign namespace', { ...set, ns: 'x' }],
    ['another version', { ...set, v: 0 }],
    ['a bad wid', { ...set, wid: 'a b' }],
    ['an unknown theme', { ...set, theme: 'sepia' }],
    ['a null theme', { ...set, theme: null }],
    ['an over-long query', { ...set, query: 'x'.repeat(MAX_QUERY + 1) }],
    ['a non-string query', { ...set, query: 3 }],
  ])('rejects %s', (_, data) => {
    expect(parseHostMessage(data)).toBeNull()
  })
})

describe('isOrigin', () => {
  it.each(['https://docs.example', 'http://localhost:5173', 'https://a.b.example:8443', 'http://[::1]:3000', 'http://127.0.0.1'])(
    'accepts %s',
    (value) => expect(isOrigin(value)).toBe(true),
  )

  it.each([
    'https://docs.example/',
    'https://docs.example/page',
    'https://docs.example?x=1',
    'HTTPS://DOCS.EXAMPLE',
    'https://user@docs.example',
    'null',
    '*',
    '',
    'javascript:alert(1)',
    'ftp://files.example',
    'file:///tmp',
    `https://${'a'.repeat(260)}.example`,
    42,
    null,
  ])('rejects %s', (value) => expect(isOrigin(value)).toBe(false))
})

describe('isWid', () => {
  it('accepts short ids of letters, digits, _ and -, and nothing else', () => {
    expect(isWid('w1abc_-Z')).toBe(true)
    expect(isWid('w/1')).toBe(false)
    expect(isWid(1)).toBe(false)
  })
})

describe('attributesToQuery', () => {
  const from = (attrs: Record<string, string>) => attributesToQuery((name) => attrs[name] ?? null)

  it('maps each attribute to its URL key, in a stable order', () => {
    expect(
      from({
        compact: '',
        theme: 'dark',
        preset: 'api',
        storage: '1024',
        architecture: 'arm',
        unit: 'mpm',
        requests: '3e6',
        duration: '1000',
        memory: '512',
        'free-tier': '1',
        region: 'eu-west-1',
        sheet: 'current',
      }),
    ).toBe('p=current&rg=eu-west-1&ft=1&m=512&d=1000&r=3e6&u=mpm&a=arm&e=1024&preset=api&theme=dark&compact=1')
  })

  it('maps the 2026 attributes to their URL keys, after the function’s others', () => {
    expect(
      from({
        'streamed-mb': '8',
        edge: 'true',
        'snapstart-cache-hours': '100',
        'snapstart-versions': '2',
        snapstart: 'priced',
        'provisioned-share': '40',
        'provisioned-hours': '200',
        'provisioned-concurrency': '3',
        'init-duration': '250',
        'cold-start-percent': '0.5',
        memory: '512',
        sheet: 'current',
      }),
    ).toBe('p=current&m=512&cs=0.5&it=250&pc=3&ph=200&ps=40&ss=priced&sv=2&sh=100&ed=1&st=8')
  })

  it('edge is a boolean attribute: present, true or false', () => {
    expect(from({ edge: '' })).toBe('ed=1')
    expect(from({ edge: 'edge' })).toBe('ed=edge')
    expect(from({ edge: ' TRUE ' })).toBe('ed=1')
    expect(from({ edge: 'false' })).toBe('ed=0')
    expect(from({})).toBe('')
  })

  it('snapstart takes off, java or priced, in any case', () => {
    expect(from({ snapstart: 'Java' })).toBe('ss=java')
    expect(from({ snapstart: ' PRICED' })).toBe('ss=priced')
    expect(from({ snapstart: 'lambda' })).toBe('ss=lambda')
  })

  it('writes no version: an element without sheet is read with version 1’s defaults', () => {
    expect(new URLSearchParams(from({ memory: '1024' })).has('v')).toBe(false)
  })

  it('turns readable aliases into the app values, trimmed and case-insensitively', () => {
    expect(from({ sheet: 'aws-2016' })).toBe('p=2016')
    expect(from({ sheet: ' AWS-Current ' })).toBe('p=current')
    expect(from({ 'free-tier': 'true' })).toBe('ft=1')
    expect(from({ 'free-tier': 'FALSE' })).toBe('ft=0')
    expect(from({ architecture: 'x86_64' })).toBe('a=x86')
    expect(from({ architecture: 'arm64' })).toBe('a=arm')
    const units = { second: 's', minute: 'min', hour: 'h', day: 'd', month: 'mo', 'million-per-month': 'mpm' }
    for (const [alias, value] of Object.entries(units)) expect(from({ unit: alias })).toBe(`u=${value}`)
  })

  it('passes any other value through as written, URL-encoded', () => {
    expect(from({ memory: 'lots & lots=1#x' })).toBe('m=lots%20%26%20lots%3D1%23x')
    expect(from({ sheet: 'aws-2099', 'free-tier': 'maybe' })).toBe('p=aws-2099&ft=maybe')
    // Not an alias, though an object key: no prototype lookups.
    expect(from({ sheet: 'constructor', unit: 'toString' })).toBe('p=constructor&u=toString')
  })

  it('reads at most as many characters of a value as a link does', () => {
    expect(MAX_VALUE_LENGTH).toBe(MAX_URL_VALUE_LENGTH)
    expect(from({ memory: '1'.repeat(100) })).toBe(`m=${'1'.repeat(100)}`)
  })

  it('leaves out a value over the limit and says which, with its length', () => {
    expect(from({ memory: '1'.repeat(101), duration: '250' })).toBe('d=250&over=memory.101')
    expect(from({ memory: 'x'.repeat(5000), sheet: 'aws-2099'.repeat(20), compact: '' })).toBe('over=sheet.160,memory.5000&compact=1')
  })

  it('keeps the query within a message, leaving out the longest values', () => {
    // 100 characters each, but nine encoded bytes apiece: together far over MAX_QUERY.
    const wide = '€'.repeat(100)
    const query = from({ region: wide, memory: wide, duration: wide, requests: wide, unit: wide, architecture: wide, storage: wide, preset: 'api' })
    expect(query.length).toBeLessThanOrEqual(MAX_QUERY)
    expect(new URLSearchParams(query).get('preset')).toBe('api')
    const over = new URLSearchParams(query).get('over')!.split(',')
    expect(over.length).toBeGreaterThan(0)
    expect(over.every((item) => /^[a-z-]+\.100$/.test(item))).toBe(true)
  })

  it('never throws on half of a split emoji, and keeps whole ones', () => {
    expect(from({ memory: '\ud83d' })).toBe('m=%EF%BF%BD')
    // U+1F600 is the pair D83D DE00, UTF-8 F0 9F 98 80 (Unicode 15, "Grinning Face"); a low half alone, or before its high half, is lone.
    expect(from({ memory: 'a\ud83d\ude00b' })).toBe('m=a%F0%9F%98%80b')
    expect(from({ memory: '\ude00x' })).toBe('m=%EF%BF%BDx')
    expect(from({ memory: '\ude00\ud83d' })).toBe('m=%EF%BF%BD%EF%BF%BD')
    expect(from({ memory: '\ud83d\ud83d\ude00' })).toBe('m=%EF%BF%BD%F0%9F%98%80')
  })

  it('leaves out missing and empty attributes; compact is a boolean attribute', () => {
    expect(from({})).toBe('')
    expect(from({ memory: '', duration: '  ', requests: '5' })).toBe('r=5')
    expect(from({ compact: 'compact' })).toBe('compact=1')
    expect(from({ compact: 'false' })).toBe('')
  })
})

describe('readOverLong', () => {
  it('names each attribute left out, its length and the limit', () => {
    expect(readOverLong('m=512&over=memory.5000')).toEqual([
      { attribute: 'memory', message: 'memory: the value is 5,000 characters long; the widget reads at most 100, so it was left out.' },
    ])
    expect(readOverLong('over=duration.80')[0]!.message).toBe(
      'duration: the value is 80 characters long; with the other attributes it exceeds the 4,096 characters the widget reads, so it was left out.',
    )
  })

  it('round-trips what attributesToQuery wrote', () => {
    const query = attributesToQuery((name) => ({ sheet: 'current', requests: '9'.repeat(250) })[name] ?? null)
    expect(readOverLong(query).map((p) => p.attribute)).toEqual(['requests'])
  })

  it('ignores anything malformed, unknown or repeated', () => {
    expect(readOverLong('')).toEqual([])
    expect(readOverLong('over=')).toEqual([])
    expect(readOverLong('over=toString.5,__proto__.9,memory.x,memory,.5,<b>.5')).toEqual([])
    expect(readOverLong('over=memory.200,memory.300').map((p) => p.message)).toEqual([expect.stringContaining('200 characters')])
  })
})

describe('attributeForKey', () => {
  it('maps a link key to the attribute that sets it, and nothing else', () => {
    expect(attributeForKey('m')).toBe('memory')
    expect(attributeForKey('ft')).toBe('free-tier')
    expect(attributeForKey('a')).toBe('architecture')
    expect(attributeForKey('cs')).toBe('cold-start-percent')
    expect(attributeForKey('it')).toBe('init-duration')
    expect(attributeForKey('pc')).toBe('provisioned-concurrency')
    expect(attributeForKey('ph')).toBe('provisioned-hours')
    expect(attributeForKey('ps')).toBe('provisioned-share')
    expect(attributeForKey('ss')).toBe('snapstart')
    expect(attributeForKey('sv')).toBe('snapstart-versions')
    expect(attributeForKey('sh')).toBe('snapstart-cache-hours')
    expect(attributeForKey('ed')).toBe('edge')
    expect(attributeForKey('st')).toBe('streamed-mb')
    expect(attributeForKey('cs2')).toBeNull()
    expect(attributeForKey('m2')).toBeNull()
    expect(attributeForKey('fns')).toBeNull()
    expect(attributeForKey('constructor')).toBeNull()
  })
})

describe('the savings-plan attribute', () => {
  it('sets the link key sp, as typed', () => {
    expect(attributesToQuery((n) => ({ 'savings-plan': '12', sheet: 'current' })[n] ?? null)).toBe('p=current&sp=12')
  })
})

describe('the api-gateway-free-tier attribute', () => {
  it('sets the link key af: true or present without a value is 1, false is 0', () => {
    expect(attributesToQuery((n) => ({ 'api-gateway-free-tier': 'true', sheet: 'current' })[n] ?? null)).toBe('p=current&af=1')
    expect(attributesToQuery((n) => ({ 'api-gateway-free-tier': '', sheet: 'current' })[n] ?? null)).toBe('p=current&af=1')
    expect(attributesToQuery((n) => ({ 'api-gateway-free-tier': 'FALSE', sheet: 'current' })[n] ?? null)).toBe('p=current&af=0')
  })

  it('keeps the sheet attribute’s long names as aliases of its codes', () => {
    expect(attributesToQuery((n) => ({ sheet: 'AWS-2016' })[n] ?? null)).toBe('p=2016')
    expect(attributesToQuery((n) => ({ 'log-format': 'JSON' })[n] ?? null)).toBe('lf=json')
  })
})
