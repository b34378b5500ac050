import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { afterEach, describe, expect, it } from 'vitest'
import { estimate, priceSheetInfo, type Estimate, type EstimateInput } from '../../src/engine/index'
import {
  calculationMarkdown,
  csvField,
  estimateCsv,
  estimateJson,
  exportFileName,
  localDateStamp,
  markdownText,
  type ExportSource,
} from '../../src/state/export'

// AWS's classic pricing example 1 (https://aws.amazon.com/lambda/pricing/, 2016):
// 512 MB, 3M requests of 1 s each, free tier on: requests $0.40 + compute $18.34 = $18.74.
const CLASSIC_INPUT: EstimateInput = { sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }
const LINK = 'https://calc.example/?v=1&m=512'
const CHECKED = priceSheetInfo('aws-2016').checkedDate

function classic(): ExportSource {
  return { estimate: estimate(CLASSIC_INPUT), input: CLASSIC_INPUT, link: LINK }
}

/** CSV text into rows of fields (RFC 4180), written here independently of the code under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++)
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') (row.push(field), (field = ''))
    else if (c === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++)
    else field += c
  }
  if (field || row.length) (row.push(field), rows.push(row))
  return rows
}

describe('file names', () => {
  const day = new Date(2026, 10, 27, 9, 30)

  it('say what and when', () => {
    expect(exportFileName('csv', day)).toBe('lambda-estimate-2026-11-27.csv')
    expect(exportFileName('json', day)).toBe('lambda-estimate-2026-11-27.json')
    expect(exportFileName('markdown', day)).toBe('lambda-calculation-2026-11-27.md')
    expect(exportFileName({ chart: 'cost-vs-requests', format: 'png' }, day)).toBe('lambda-chart-cost-vs-requests-2026-11-27.png')
    expect(exportFileName({ chart: 'Cost vs memory!', format: 'svg' }, day)).toBe('lambda-chart-cost-vs-memory-2026-11-27.svg')
  })

  it('pad single-digit months and days', () => {
    expect(localDateStamp(new Date(2027, 0, 5))).toBe('2027-01-05')
  })

  describe('in a time zone behind UTC', () => {
    const saved = process.env.TZ
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    })

    it('use the local date, not the UTC one', () => {
      process.env.TZ = 'America/Los_Angeles'
      // 03:00 UTC on the 28th is 19:00 on the 27th in Los Angeles.
      const evening = new Date(Date.UTC(2026, 10, 28, 3, 0))
      expect(exportFileName('csv', evening)).toBe('lambda-estimate-2026-11-27.csv')
    })
  })
})

describe('CSV fields', () => {
  it('quote commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
  })

  it('defuse text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-2+3')).toBe("'-2+3")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('\tcmd')).toBe("'\tcmd")
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`)
    expect(csvField('a=1')).toBe('a=1')
  })

  it('leave numbers as numbers, even negative ones', () => {
    expect(csvField('-0.5', 'number')).toBe('-0.5')
    expect(csvField('18.337', 'number')).toBe('18.337')
    // Declared a number but not one: treated as text.
    expect(csvField('-1+2', 'number')).toBe("'-1+2")
  })
})

describe('CSV of the bill', () => {
  it('holds the classic example line by line, exact, with the sheet, region and link', () => {
    const expected = [
      'Section,Item,Quantity,Unit,Unit price (USD),Exact amount (USD),Amount (USD),Detail',
      `Estimate,Price sheet,,,,,,"Classic (2016): 100 ms billing (aws-2016), in effect from 2016-01-01, prices checked ${CHECKED}"`,
      'Estimate,Region,,,,,,us-east-1',
      'Estimate,Free tier,,,,,,Included',
      'Estimate,Link,,,,,,https://calc.example/?v=1&m=512',
      'Bill line,Requests,2000000,requests,0.0000002,0.4,0.40,',
      'Bill line,Compute (x86_64),1100000,GB-s,0.00001667,18.337,18.34,',
      'Total,Monthly total,,,,,18.74,Sum of the rounded lines',
      'Function,Function 1,3000000,requests,,,18.74,"512 MB; 1000 ms average, billed 1000 ms; x86_64; 1500000 GB-s a month"',
      'Usage,Requests per month,3000000,requests,,,,',
      'Usage,Compute per month,1500000,GB-s,,,,',
      'Free tier,Requests used,1000000,requests,,,,of 1000000',
      'Free tier,GB-s used,400000,GB-s,,,,of 400000',
      // Unit costs divide the unrounded bill, $18.737: / 3,000,000 requests, then x 1,000,000.
      'Unit cost,Per request,,request,0.000006245667,,,',
      'Unit cost,Per million requests,,million requests,6.245667,,,',
      '',
    ].join('\r\n')
    expect(estimateCsv(classic())).toBe(expected)
  })

  it('keeps every record the same width, whatever the names hold', () => {
    const input: EstimateInput = {
      sheet: 'aws-current',
      region: 'eu-west-1',
      functions: [
        { name: 'api, "v2"\nnew', memoryMb: 128, durationMs: 250, requests: 1e6, architecture: 'arm64' },
        { name: '=cmd|/C calc!A0', memoryMb: 1024, durationMs: 80, requests: 2e6 },
      ],
    }
    const rows = parseCsv(estimateCsv({ estimate: estimate(input), input, link: LINK }))
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([8]))
    const functions = rows.filter((r) => r[0] === 'Function')
    expect(functions.map((r) => r[1])).toEqual(['api, "v2"\nnew', "'=cmd|/C calc!A0"])
    expect(rows.find((r) => r[1] === 'Region')?.[7]).toBe('eu-west-1')
    // Two architectures share the free tier: the engine's assumption is exported with it.
    expect(rows.filter((r) => r[0] === 'Assumption').map((r) => r[7])).toContainEqual(expect.stringContaining('x86_64 usage first, then arm64'))
  })

  it('gives each function its share of the bill', () => {
    // Two halves of the classic example: requests $0.40 and compute $18.34 split evenly.
    const input: EstimateInput = {
      sheet: 'aws-2016',
      functions: [
        { name: 'a', memoryMb: 512, durationMs: 1000, requests: 1_500_000 },
        { name: 'b', memoryMb: 512, durationMs: 1000, requests: 1_500_000 },
      ],
    }
    const rows = parseCsv(estimateCsv({ estimate: estimate(input), input, link: LINK }))
    expect(rows.filter((r) => r[0] === 'Function').map((r) => [r[1], r[6]])).toEqual([
      ['a', '9.37'],
      ['b', '9.37'],
    ])
  })

  it('names API Gateway’s free tier for new accounts where the estimate applies it, and only there', () => {
    const input: EstimateInput = { sheet: 'aws-current', functions: [{ memoryMb: 128, durationMs: 10, requests: 2e6, frontDoor: 'rest-api' }] }
    const row = (i: EstimateInput) =>
      parseCsv(estimateCsv({ estimate: estimate(i), input: i, link: LINK })).find((r) => r[1] === 'API Gateway free tier')
    expect(row(input)).toBeUndefined()
    expect(row({ ...input, apiGatewayFreeTier: true })?.[7]).toBe('Included (new account)')
  })

  it('says when there are no requests and no free tier', () => {
    const input: EstimateInput = { sheet: 'aws-2016', freeTier: false, functions: [{ memoryMb: 128, durationMs: 100, requests: 0 }] }
    const rows = parseCsv(estimateCsv({ estimate: estimate(input), input, link: LINK }))
    expect(rows.find((r) => r[1] === 'Free tier')?.[7]).toBe('Not included')
    expect(rows.some((r) => r[0] === 'Free tier')).toBe(false)
    expect(rows.filter((r) => r[0] === 'Unit cost').map((r) => [r[4], r[7]])).toEqual([
      ['', 'No requests'],
      ['', 'No requests'],
    ])
  })
})

describe('JSON of the input and the estimate', () => {
  it('holds the input, the exact bill, the steps, the link and the time', () => {
    const at = new Date(Date.UTC(2026, 10, 27, 14, 5, 0))
    const text = estimateJson(classic(), at)
    expect(text).toContain('\n  "input": {') // pretty-printed
    const parsed = JSON.parse(text)
    expect(parsed.input).toEqual(CLASSIC_INPUT)
    expect(parsed.link).toBe(LINK)
    expect(parsed.exportedAt).toBe('2026-11-27T14:05:00.000Z')
    expect(parsed.estimate.totalUsd).toBe('18.74')
    expect(parsed.estimate.lines.map((l: { usd: string; exactUsd: string }) => [l.usd, l.exactUsd])).toEqual([
      ['0.40', '0.4'],
      ['18.34', '18.337'],
    ])
    expect(parsed.estimate.steps.sections.map((s: { title: string }) => s.title)).toEqual([
      'Unit conversions',
      'Compute',
      'Free tier',
      'Charges',
      'Total',
    ])
  })
})

describe('Markdown text', () => {
  it('escapes what Markdown would otherwise format', () => {
    expect(markdownText('a | b')).toBe('a \\| b')
    expect(markdownText('*bold* `code` [link](x) <b>')).toBe('\\*bold\\* \\`code\\` \\[link\\](x) \\<b\\>')
    expect(markdownText('_private_ x86_64')).toBe('\\_private\\_ x86_64')
    expect(markdownText('$5 and $6')).toBe('\\$5 and \\$6')
    expect(markdownText('AT&amp;T')).toBe('AT\\&amp;T')
    expect(markdownText('title ##')).toBe('title \\#\\#')
    expect(markdownText('back\\slash')).toBe('back\\\\slash')
  })

  it('keeps a name on one line and out of list syntax', () => {
    expect(markdownText('one\ntwo\r\nthree')).toBe('one two three')
    expect(markdownText('- item')).toBe('\\- item')
    expect(markdownText('1. item')).toBe('1\\. item')
    expect(markdownText('0.5 GB')).toBe('0.5 GB')
  })
})

describe('names in Markdown stay text on GitHub', () => {
  /** The text GitHub-flavoured Markdown shows for `markdown`, and whether it made a link. */
  function rendered(markdown: string): { text: string; linked: boolean } {
    const html = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .trim()
    return { text, linked: /<a /.test(html) }
  }

  it.each([
    'https://evil.example/login',
    'see http://x.io now',
    'ftp://files.example',
    'www.example.com',
    'WWW.Example.com/path',
    'ops@example.com',
    'mailto:ops@example.com',
    'xmpp:ops@example.com',
    '[click](https://x.io)',
    '<https://x.io>',
  ])('%s is shown as written, not as a link', (name) => {
    const { text, linked } = rendered(markdownText(name))
    expect(linked).toBe(false)
    expect(text).toBe(name)
  })

  it('escapes every @, so a mention such as @team notifies no one', () => {
    expect(markdownText('@team and @ops-leads')).toBe('\\@team and \\@ops-leads')
    expect(rendered(markdownText('@team')).text).toBe('@team')
  })
})

describe('calculation steps as Markdown', () => {
  it('writes the classic example: sheet, region, total, bill table, functions and every step', () => {
    const expected = `# AWS Lambda cost estimate

- Price sheet: Classic (2016): 100 ms billing (aws-2016), in effect from 2016-01-01, prices checked ${CHECKED}
- Region: us-east-1
- Free tier: included
- Monthly total: **$18.74**
- Link: <https://calc.example/?v=1&m=512>

## Bill

| Line | Billable | Unit price | Amount |
| :-- | --: | --: | --: |
| Requests | 2,000,000 requests | $0.0000002 | $0.40 |
| Compute (x86_64) | 1,100,000 GB-s | $0.00001667 | $18.34 |
| **Total** (sum of the rounded lines) |  |  | **$18.74** |

## Functions

| Function | Memory | Duration | Architecture | Requests / month | Compute | Share of the bill |
| :-- | --: | --: | :-- | --: | --: | --: |
| Function 1 | 512 MB | 1,000 ms (billed 1,000 ms) | x86_64 | 3,000,000 | 1,500,000 GB-s | $18.74 |

## Calculation

### Unit conversions

1. Number of requests: 3,000,000 per month
2. Amount of memory allocated: 512 MB x 0.0009765625 GB in a MB = 0.5 GB

### Compute

1. Billed duration: 1,000 ms rounded up to the next 100 ms = 1,000 ms
2. 3,000,000 requests x 1,000 ms x 0.001 ms to sec conversion factor = 3,000,000 total compute (seconds)
3. 0.5 GB x 3,000,000 seconds = 1,500,000 total compute (GB-s)

### Free tier

1. 1,500,000 GB-s - 400,000 free tier GB-s = 1,100,000 GB-s
2. Max (1,100,000 GB-s, 0) = 1,100,000 total billable GB-s
3. 3,000,000 requests - 1,000,000 free tier requests = 2,000,000 requests
4. Max (2,000,000 requests, 0) = 2,000,000 monthly billable requests
5. The free tier applies once per account: all functions here share it.

### Charges

1. Requests: 2,000,000 requests x 0.0000002 USD = 0.4 USD, rounded to 0.40 USD (monthly request charges)
2. Price for: 1,100,000 GB-s (x86_64)
3. Compute (x86_64): 1,100,000 GB-s x 0.00001667 USD = 18.337 USD, rounded to 18.34 USD

### Total

1. 0.40 USD + 18.34 USD = 18.74 USD
2. Each line is rounded half-up to the cent; the total is the sum of the rounded lines.
`
    expect(calculationMarkdown(classic())).toBe(expected)
  })

  it('escapes pipes in names, marks assumptions and shows a tiny charge as under a cent', () => {
    const input: EstimateInput = {
      sheet: 'aws-current',
      region: 'us-east-1',
      functions: [
        { name: 'a|b', memoryMb: 128, durationMs: 1, requests: 1_000_001, architecture: 'arm64' },
        { name: 'c', memoryMb: 128, durationMs: 1, requests: 1 },
      ],
    }
    const md = calculationMarkdown({ estimate: estimate(input), input, link: 'https://calc.example/?n=a b' })
    expect(md).toContain('| a\\|b | 128 MB |')
    expect(md).toContain('- Link: <https://calc.example/?n=a%20b>')
    // 2 billable requests x $0.0000002 = $0.0000004: not free, and not a cent.
    expect(md).toContain('| Requests | 2 requests | $0.0000002 | < $0.01 |')
    expect(md).toMatch(/### Assumptions\n\n1\. \*\*Assumption:\*\* The free tier/)
    // Every table row has as many cells as its header.
    for (const table of md.split('\n\n').filter((b) => b.startsWith('| '))) {
      const widths = table.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length)
      expect(new Set(widths).size).toBe(1)
    }
  })
})
