/**
 * The bill of an aggregated sample where its rows cannot say exactly what a
 * sheet bills (the classic sheet's 100 ms re-rounding of buckets or of cold
 * starts): the smallest and largest bills the rows allow, and why.
 */
import { estimateOf } from '../estimate'
import type { Estimate } from '../types'
import { estimateFromReports } from './from-reports'
import { importedBill } from './imported-bill'
import type { ImportedUsage, ReportEstimateOptions, ReportSample } from './types'

/**
 * A bill known exactly (`lower` = `upper`, `reason` null) or within bounds.
 *
 * @example estimateRangeFromReports(sample, { sheet: 'aws-2016' }) // { exact: false, lower, upper, reason: '...' }
 */
export interface BillRange {
  exact: boolean
  /** The smallest bill the usage allows (the bill itself when exact). */
  lower: Estimate
  /** The largest bill the usage allows (the same estimate when exact). */
  upper: Estimate
  /** Why the bill is a range; null when exact. */
  reason: string | null
}

/**
 * Bills a sample as `estimateFromReports` does, and where the sample is
 * aggregated rows that do not fix every invocation's billed duration under
 * the sheet's rounding, also the largest bill they allow. Exact for samples
 * read line by line and, on the current sheet (1 ms), for any rows.
 *
 * Throws `InvalidInputError` as `estimateFromReports` does.
 *
 * @example
 * // warm rows in 10 ms buckets from 100 to 109 ms, on the classic sheet: each invocation bills 100 or 200 ms
 * estimateRangeFromReports(parseInsights(csv).functions[0].sample, { sheet: 'aws-2016' }).reason
 */
export function estimateRangeFromReports(sample: ReportSample, options: ReportEstimateOptions): BillRange {
  const lower = estimateFromReports(sample, options)
  const imported = lower.imported!
  const uncertain = imported.summary.byMemory.filter((m) => m.billedMsUpper !== undefined)
  if (uncertain.length === 0) return { exact: true, lower, upper: lower, reason: null }
  const upperUsage: ImportedUsage = {
    options: imported.options,
    summary: {
      ...imported.summary,
      byMemory: imported.summary.byMemory.map((m) => ({ ...m, billedMs: m.billedMsUpper ?? m.billedMs })),
      billedMs: imported.summary.byMemory.reduce((s, m) => s + (m.billedMsUpper ?? m.billedMs), 0n),
    },
  }
  const { bill, input } = importedBill(upperUsage)
  const upper = estimateOf(input, bill, upperUsage)
  const rows = sample.aggregate?.rows ?? []
  const g = imported.summary.granularityMs
  const wide = rows.some((r) => r.bucketMs > 1 && Math.ceil(r.billedMs / g) !== Math.ceil((r.billedMs + r.bucketMs - 1) / g))
  const cold = !imported.summary.billInit && rows.some((r) => r.cold)
  const why: string[] = []
  if (wide) why.push(`rows whose bucket of Billed Durations crosses a ${g} ms billing step hold invocations billed at either side of it`)
  if (cold)
    why.push(
      `the cold rows give Duration only as a sum (their Billed Duration includes INIT, which this sheet does not bill), so each invocation's rounding up to ${g} ms is not known`,
    )
  const reason = `This sheet rounds each invocation up to ${g} ms, and ${why.join('; and ')}. The rows allow a bill from ${lower.totalUsd} to ${upper.totalUsd} USD (every Duration taken as more than 0 ms). Export rows with bucketMs 1 and use the current sheet for an exact figure.`
  return { exact: lower.totalCents === upper.totalCents, lower, upper, reason }
}
