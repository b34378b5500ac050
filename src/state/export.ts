/**
 * The estimate as files a user takes away: CSV of the bill, JSON of the input
 * and the estimate, the calculation steps as Markdown, and their file names.
 *
 * Pure: no DOM. Every amount is the engine's exact decimal string, never a
 * float; the React side (ui/export/) only hands the text to a download.
 */
import { billByService, calculationSteps, type Estimate, type EstimateInput, type FunctionUsage, type ServiceTotal } from '../engine/index'
import type { ImportedUsageExport } from './usage-link'

/** What every export is made from: the estimate on screen, its input and its link. */
export interface ExportSource {
  estimate: Estimate
  input: EstimateInput
  /** The shareable link that reproduces the estimate. */
  link: string
  /** Usage imported in the usage panel, in full (the link carries a summary capped to its length). */
  importedUsage?: ImportedUsageExport | null
}

// ---------------------------------------------------------------- file names

/** The documents an estimate exports to. */
export type DocumentKind = 'csv' | 'json' | 'markdown'

/** A chart image: which chart (a short slug such as `cost-vs-requests`) and which format. */
export interface ChartImageKind {
  chart: string
  format: 'png' | 'svg'
}

export type ExportKind = DocumentKind | ChartImageKind

/** `2026-11-27`: the date as the user's calendar shows it, not UTC's. */
export function localDateStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** A chart name safe in a file name: lower case letters, digits and single hyphens. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'chart'
  )
}

/**
 * The file name of an export: what it is and the local date.
 *
 * @example exportFileName('csv', new Date(2026, 10, 27)) // 'lambda-estimate-2026-11-27.csv'
 * @example exportFileName({ chart: 'cost-vs-requests', format: 'png' }, day) // 'lambda-chart-cost-vs-requests-2026-11-27.png'
 */
export function exportFileName(kind: ExportKind, date: Date): string {
  const day = localDateStamp(date)
  if (kind === 'csv') return `lambda-estimate-${day}.csv`
  if (kind === 'json') return `lambda-estimate-${day}.json`
  if (kind === 'markdown') return `lambda-calculation-${day}.md`
  return `lambda-chart-${slug(kind.chart)}-${day}.${kind.format}`
}

/** The MIME type each export is downloaded as. */
export const EXPORT_MIME_TYPES = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml;charset=utf-8',
} as const

// ---------------------------------------------------------------- shared

function functionName(f: FunctionUsage): string {
  return f.name.trim() ? f.name : `Function ${f.index + 1}`
}

function sheetDescription(e: Estimate): string {
  return `${e.sheet.label} (${e.sheet.id}), in effect from ${e.sheet.effectiveDate}, prices checked ${e.sheet.checkedDate}`
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/

/**
 * The bill's lines by service, each group with its subtotal, as the page's bill
 * shows them; `subtotal` is false where the bill is Lambda's alone (one group, no
 * subtotal, as on the page).
 */
function billGroups(e: Estimate): { groups: ServiceTotal[]; subtotal: boolean } {
  const groups = billByService(e)
  return { groups, subtotal: groups.length > 1 }
}

/** "AWS Lambda subtotal (7.7 % of the bill)", as the page's bill says it. */
function subtotalLabel(s: ServiceTotal): string {
  return `${s.label} subtotal (${s.percent} % of the bill)`
}

// ---------------------------------------------------------------- CSV

/** A cell that a spreadsheet could run as a formula if it started the cell. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would read as a formula
 * gets a leading apostrophe; numbers are written as they are, so "-0.5" stays a number.
 */
export function csvField(value: string, kind: 'text' | 'number' = 'text'): string {
  let cell = value
  if (!(kind === 'number' && DECIMAL.test(cell)) && FORMULA_START.test(cell)) cell = `'${cell}`
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** The columns of the CSV export, in order. */
export const CSV_COLUMNS = ['Section', 'Item', 'Quantity', 'Unit', 'Unit price (USD)', 'Exact amount (USD)', 'Amount (USD)', 'Detail'] as const

interface CsvRow {
  section: string
  item: string
  quantity?: string
  unit?: string
  unitPriceUsd?: string
  exactUsd?: string
  usd?: string
  detail?: string
}

function csvRecord(r: CsvRow): string {
  return [
    csvField(r.section),
    csvField(r.item),
    csvField(r.quantity ?? '', 'number'),
    csvField(r.unit ?? ''),
    csvField(r.unitPriceUsd ?? '', 'number'),
    csvField(r.exactUsd ?? '', 'number'),
    csvField(r.usd ?? '', 'number'),
    csvField(r.detail ?? ''),
  ].join(',')
}

/**
 * The bill as CSV (RFC 4180, CRLF line ends): one rectangular table with a
 * section per row: the estimate's sheet, region, free tier and link; one row per
 * bill line and the total; one row per function; usage, free tier and unit
 * costs; the assumptions. Amounts are the engine's exact decimal strings.
 *
 * @example estimateCsv({ estimate, input, link }).split('\r\n')[5] // 'Bill line,Requests,2000000,requests,0.0000002,0.4,0.40,'
 */
export function estimateCsv({ estimate: e, link, importedUsage }: ExportSource): string {
  const rows: CsvRow[] = [
    { section: 'Estimate', item: 'Price sheet', detail: sheetDescription(e) },
    { section: 'Estimate', item: 'Region', detail: e.region },
    { section: 'Estimate', item: 'Free tier', detail: e.freeTier.included ? 'Included' : 'Not included' },
    ...(e.savingsPlanPercent !== '0' ? [{ section: 'Estimate', item: 'Compute Savings Plan', detail: `${e.savingsPlanPercent} %` }] : []),
    ...(e.apiGatewayFreeTier ? [{ section: 'Estimate', item: 'API Gateway free tier', detail: 'Included (new account)' }] : []),
    { section: 'Estimate', item: 'Link', detail: link },
  ]
  const { groups, subtotal } = billGroups(e)
  for (const s of groups) {
    for (const l of s.lines) {
      rows.push({
        section: 'Bill line',
        item: l.label,
        quantity: l.quantity,
        unit: l.quantityUnit,
        unitPriceUsd: l.unitPriceUsd,
        exactUsd: l.exactUsd,
        usd: l.usd,
      })
    }
    if (subtotal) rows.push({ section: 'Subtotal', item: s.label, usd: s.usd, detail: `${s.percent} % of the bill` })
  }
  rows.push({ section: 'Total', item: 'Monthly total', usd: e.totalUsd, detail: 'Sum of the rounded lines' })
  for (const f of e.functions) {
    rows.push({
      section: 'Function',
      item: functionName(f),
      quantity: f.requestsPerMonth,
      unit: 'requests',
      usd: f.usd,
      detail: f.managedInstances
        ? `${f.memoryMb} MB; ${f.durationMs} ms average; ${f.architecture}; Lambda Managed Instances on ${f.managedInstances.instanceType}, ${f.managedInstances.instanceHours} instance-hours a month (${f.managedInstances.sized ? 'sized for the average load' : 'as given'})`
        : `${f.memoryMb} MB; ${f.durationMs} ms average, billed ${f.billedMs} ms; ${f.architecture}; ${f.gbSeconds} GB-s a month`,
    })
  }
  rows.push({ section: 'Usage', item: 'Requests per month', quantity: e.totals.requestsPerMonth, unit: 'requests' })
  rows.push({ section: 'Usage', item: 'Compute per month', quantity: e.totals.gbSeconds, unit: 'GB-s' })
  if (e.totals.storageGbSeconds !== '0') {
    rows.push({ section: 'Usage', item: 'Ephemeral storage above 512 MB per month', quantity: e.totals.storageGbSeconds, unit: 'GB-s' })
  }
  if (e.freeTier.included) {
    rows.push({
      section: 'Free tier',
      item: 'Requests used',
      quantity: e.freeTier.requestsUsed,
      unit: 'requests',
      detail: `of ${e.freeTier.requestsAllowance}`,
    })
    rows.push({
      section: 'Free tier',
      item: 'GB-s used',
      quantity: e.freeTier.gbSecondsUsed,
      unit: 'GB-s',
      detail: `of ${e.freeTier.gbSecondsAllowance}`,
    })
  }
  const perRequest = e.costPerRequestUsd
  const perMillion = e.costPerMillionRequestsUsd
  rows.push({
    section: 'Unit cost',
    item: 'Per request',
    unit: 'request',
    unitPriceUsd: perRequest ?? '',
    detail: perRequest === null ? 'No requests' : '',
  })
  rows.push({
    section: 'Unit cost',
    item: 'Per million requests',
    unit: 'million requests',
    unitPriceUsd: perMillion ?? '',
    detail: perMillion === null ? 'No requests' : '',
  })
  e.assumptions.forEach((a, i) => rows.push({ section: 'Assumption', item: String(i + 1), detail: a }))
  if (importedUsage) {
    rows.push({
      section: 'Imported usage',
      item: 'Source',
      detail: `${importedUsage.source}, imported ${importedUsage.importedOn}${importedUsage.approximate ? '; merged across 100 ms steps' : ''}`,
    })
    for (const f of importedUsage.functions) {
      const who = f.name ? `${f.name}: ` : ''
      rows.push({
        section: 'Imported usage',
        item: `${who}invocations`,
        quantity: String(f.invocations),
        unit: 'invocations',
        detail: `${f.coldStarts} cold${f.firstInvocation ? `; ${f.firstInvocation} to ${f.lastInvocation}` : ''}${f.monthlyRequests === null ? '' : `; billed as ${f.monthlyRequests} requests a month`}`,
      })
      for (const m of f.memorySizes)
        for (const r of m.rows)
          rows.push({
            section: 'Imported usage',
            item: `${who}${m.memoryMb} MB, ${r.cold ? 'cold' : 'warm'}, billed ${r.bucketMs === 1 ? `${r.billedMs} ms` : `${r.billedMs} to ${r.billedMs + r.bucketMs - 1} ms`}`,
            quantity: String(r.invocations),
            unit: 'invocations',
            detail: `billed ms sum ${r.billedMsSum}${r.cold ? `; Duration sum ${r.durationUs} us; INIT sum ${r.initUs} us` : ''}`,
          })
    }
  }
  return [CSV_COLUMNS.map((c) => csvField(c)).join(','), ...rows.map(csvRecord)].join('\r\n') + '\r\n'
}

// ---------------------------------------------------------------- JSON

/** One service's subtotal in the JSON export: the page's grouping, as plain data. */
export interface ServiceSubtotalJson {
  /** `lambda`, `logs`, `api` or `dataOut`. */
  service: ServiceTotal['id']
  /** "AWS Lambda", "CloudWatch Logs", "API Gateway / ALB", "Data transfer out". */
  label: string
  /** The sum of its rounded lines, dollars with two places. */
  usd: string
  /** Its share of the total in per cent to a tenth, half-up ("7.7"), "<0.1" under 0.05. */
  percent: string
  /** Its lines: their places in `estimate.lines`. */
  lineIndexes: number[]
}

/** The subtotals by service, every service with a line (Lambda alone is one entry, at 100.0 %). */
function serviceSubtotals(e: Estimate): ServiceSubtotalJson[] {
  return billByService(e).map((s) => ({
    service: s.id,
    label: s.label,
    usd: s.usd,
    percent: s.percent,
    lineIndexes: s.lines.map((l) => e.lines.indexOf(l)),
  }))
}

/**
 * The input and the engine's own view of the estimate, with its subtotals by
 * service and its steps, pretty-printed. `exportedAt` is an ISO 8601 instant (UTC).
 *
 * @example JSON.parse(estimateJson(source, now)).estimate.totalUsd // '18.74'
 */
export function estimateJson({ estimate, input, link, importedUsage }: ExportSource, exportedAt: Date = new Date()): string {
  // The estimate's own toJSON reads every lazy field; the subtotals and the steps are built apart from it.
  const steps = calculationSteps(estimate)
  return (
    JSON.stringify(
      {
        input,
        estimate: { ...(JSON.parse(JSON.stringify(estimate)) as object), serviceSubtotals: serviceSubtotals(estimate), steps },
        link,
        ...(importedUsage ? { importedUsage } : {}),
        exportedAt: exportedAt.toISOString(),
      },
      null,
      2,
    ) + '\n'
  )
}

// ---------------------------------------------------------------- Markdown

/**
 * Plain text that Markdown shows as written: punctuation that could start
 * emphasis, code, links, HTML, math, a table cell or (at the start) a nested
 * list is escaped, and line breaks become spaces (a cell or list item is one
 * line). What GitHub would turn into a link or a mention is escaped too: a
 * scheme's `://`, `mailto:` and `xmpp:`, `www.`, and every `@` (e-mail
 * addresses and `@name`), so a function named `@team` notifies no one.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*[\]<>|~#$]/g, '\\$&')
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/_/g, (m, at: number, s: string) => (/[\p{L}\p{N}]/u.test(s[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(s[at + 1] ?? '') ? m : '\\_'))
    .replace(/@/g, '\\@')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(mailto|xmpp):/gi, '$1\\:')
    .replace(/\b(www)\./gi, '$1\\.')
}

/** "1,100,000" from "1100000"; decimals are left as they are. */
function grouped(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.')
  const g = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? g : `${g}.${fraction}`
}

/** "$18.34"; "< $0.01" for a charge that rounds to nothing, as on screen. */
function dollars(usd: string, exactUsd?: string): string {
  if (usd === '0.00' && exactUsd !== undefined && /[1-9]/.test(exactUsd)) return '< $0.01'
  return `$${grouped(usd)}`
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

/** An autolink; characters an autolink cannot hold are percent-encoded. */
function autolink(url: string): string {
  return `<${url.replace(/[\s<>]/g, (c) => encodeURIComponent(c))}>`
}

/** The bill table's rows: each service's lines, then (where there are several services) its subtotal in italics. */
function billTableRows(e: Estimate): string[] {
  const { groups, subtotal } = billGroups(e)
  return groups.flatMap((s) => [
    ...s.lines.map((l) =>
      tableRow([markdownText(l.label), `${grouped(l.quantity)} ${l.quantityUnit}`, `$${l.unitPriceUsd}`, dollars(l.usd, l.exactUsd)]),
    ),
    ...(subtotal ? [tableRow([`_${markdownText(subtotalLabel(s))}_`, '', '', `_${dollars(s.usd)}_`])] : []),
  ])
}

/**
 * The estimate and its calculation as Markdown: the sheet, region and total,
 * the bill as a table, the functions, then each step section with its lines;
 * assumptions are marked.
 *
 * @example calculationMarkdown(source).split('\n')[0] // '# AWS Lambda cost estimate'
 */
export function calculationMarkdown({ estimate: e, link, importedUsage }: ExportSource): string {
  const out: string[] = [
    '# AWS Lambda cost estimate',
    '',
    `- Price sheet: ${markdownText(sheetDescription(e))}`,
    `- Region: ${markdownText(e.region)}`,
    `- Free tier: ${e.freeTier.included ? 'included' : 'not included'}`,
    ...(e.savingsPlanPercent !== '0' ? [`- Compute Savings Plan: ${e.savingsPlanPercent} %`] : []),
    ...(e.apiGatewayFreeTier ? ['- API Gateway free tier: included (new account)'] : []),
    `- Monthly total: **${dollars(e.totalUsd)}**`,
    `- Link: ${autolink(link)}`,
    '',
    '## Bill',
    '',
    tableRow(['Line', 'Billable', 'Unit price', 'Amount']),
    tableRow([':--', '--:', '--:', '--:']),
    ...billTableRows(e),
    tableRow(['**Total** (sum of the rounded lines)', '', '', `**${dollars(e.totalUsd)}**`]),
    '',
    '## Functions',
    '',
  ]
  out.push(
    tableRow(['Function', 'Memory', 'Duration', 'Architecture', 'Requests / month', 'Compute', 'Share of the bill']),
    tableRow([':--', '--:', '--:', ':--', '--:', '--:', '--:']),
  )
  for (const f of e.functions) {
    out.push(
      tableRow([
        markdownText(functionName(f)),
        `${grouped(String(f.memoryMb))} MB`,
        f.managedInstances ? `${grouped(String(f.durationMs))} ms` : `${grouped(String(f.durationMs))} ms (billed ${grouped(String(f.billedMs))} ms)`,
        f.architecture,
        grouped(f.requestsPerMonth),
        f.managedInstances
          ? `${grouped(f.managedInstances.instanceHours)} instance-hours of ${f.managedInstances.instanceType}`
          : `${grouped(f.gbSeconds)} GB-s`,
        dollars(f.usd),
      ]),
    )
  }
  out.push('', '## Calculation')
  for (const section of calculationSteps(e).sections) {
    out.push('', `### ${markdownText(section.title)}`, '')
    section.lines.forEach((l, i) => out.push(`${i + 1}. ${l.note === 'assumption' ? '**Assumption:** ' : ''}${markdownText(l.text)}`))
  }
  if (importedUsage) {
    out.push(
      '',
      '## Imported usage',
      '',
      `From ${markdownText(importedUsage.source)}, imported ${importedUsage.importedOn}${importedUsage.approximate ? ' (billed durations merged across 100 ms steps)' : ''}.`,
    )
    for (const f of importedUsage.functions) {
      out.push(
        '',
        `### ${f.name ? markdownText(f.name) : 'The log'}: ${grouped(String(f.invocations))} invocations, ${grouped(String(f.coldStarts))} cold`,
        '',
        tableRow(['Memory', 'Cold', 'Billed Duration', 'Invocations', 'Billed ms (sum)']),
        tableRow(['--:', ':--', '--:', '--:', '--:']),
      )
      for (const m of f.memorySizes)
        for (const r of m.rows)
          out.push(
            tableRow([
              `${grouped(String(m.memoryMb))} MB`,
              r.cold ? 'cold' : 'warm',
              r.bucketMs === 1
                ? `${grouped(String(r.billedMs))} ms`
                : `${grouped(String(r.billedMs))} to ${grouped(String(r.billedMs + r.bucketMs - 1))} ms`,
              grouped(String(r.invocations)),
              grouped(r.billedMsSum),
            ]),
          )
    }
  }
  return out.join('\n') + '\n'
}
