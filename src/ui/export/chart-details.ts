import { stripUnsafeCharacters, type Estimate } from '../../engine/index'
import { localDateStamp } from '../../state/export'
import { formatNumber, formatUsd } from '../format'
import type { ChartDetail } from './chart-image'

/** Functions described one by one in an exported chart; the rest are counted. */
const MAX_FUNCTIONS = 3

function functionLine(f: Estimate['functions'][number], currentSheet: boolean): string {
  const name = stripUnsafeCharacters(f.name).trim() || `Function ${f.index + 1}`
  const parts = [`${formatNumber(f.memoryMb)} MB`, `${formatNumber(f.durationMs)} ms`, `${formatNumber(f.requestsPerMonth)} requests a month`]
  if (currentSheet) parts.push(f.edge ? 'Lambda@Edge' : f.architecture)
  return `${name}: ${parts.join(', ')}`
}

/**
 * What an exported chart says beside its drawing, so the image stands on its
 * own: the price sheet and account settings, each function's inputs (the first
 * three, then how many more), the monthly total, and the date of the export.
 *
 * @example chartDetails(estimate(input), new Date(2026, 10, 27)).map((d) => d.text)
 * // ['Current: 1 ms billing, us-east-1, free tier included', 'Function 1: 512 MB, 1,000 ms, 3,000,000 requests a month, x86_64',
 * //  'Monthly total: $18.73 (exported 2026-11-27)']
 */
export function chartDetails(estimate: Estimate, exportedAt: Date): ChartDetail[] {
  const currentSheet = estimate.sheet.id !== 'aws-2016'
  const account = [estimate.sheet.label]
  if (currentSheet) account.push(estimate.region)
  account.push(estimate.freeTier.included ? 'free tier included' : 'no free tier')
  if (/[1-9]/.test(estimate.savingsPlanPercent)) account.push(`Savings Plan ${formatNumber(estimate.savingsPlanPercent)} %`)
  const functions = estimate.functions.slice(0, MAX_FUNCTIONS).map((f) => ({ text: functionLine(f, currentSheet) }))
  const more = estimate.functions.length - MAX_FUNCTIONS
  if (more > 0) functions.push({ text: `and ${formatNumber(more)} more function${more === 1 ? '' : 's'}` })
  return [
    { text: account.join(', ') },
    ...functions,
    { text: `Monthly total: ${formatUsd(estimate.totalUsd)} (exported ${localDateStamp(exportedAt)})`, strong: true },
  ]
}
