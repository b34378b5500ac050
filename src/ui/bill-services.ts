import { PART_OF_KIND, SERVICES, serviceOfPart, type BillLine, type Estimate, type Service } from '../engine/index'
import { centsOf } from './money'
import { shownLines } from './shown-lines'

// The bill grouped by the service each line is billed under (AWS Lambda, CloudWatch Logs,
// API Gateway / ALB, data transfer out): the bill's subtotals and the split chart read the
// same groups, so the two never disagree on a subtotal or a share.

/** The service a bill line is billed under. */
export function serviceOfLine(line: BillLine): Service {
  return serviceOfPart(PART_OF_KIND[line.kind])
}

/** One service's part of the bill. */
export interface ServiceTotal {
  id: Service
  label: string
  /** The sum of its rounded lines, in whole cents. */
  cents: bigint
  /** Its part of the total, to a tenth of a per cent, half-up: "64.1". */
  percent: string
  /** Its lines, as the bill shows them. */
  lines: BillLine[]
}

/**
 * `part` of `whole` in per cent to one decimal, rounded half-up, exact at any
 * size: 1873 of 2924 is "64.1". Something is never "0.0" nor less than all
 * "100.0": 1 of 2924 is "<0.1", 2923 of 2924 ">99.9". A whole of zero gives "0.0".
 */
export function percentOf(part: bigint, whole: bigint): string {
  if (whole <= 0n) return '0.0'
  const tenths = (part * 2000n + whole) / (2n * whole)
  if (tenths === 0n && part > 0n) return '<0.1'
  if (tenths === 1000n && part < whole) return '>99.9'
  return `${tenths / 10n}.${tenths % 10n}`
}

/**
 * The services of the lines the bill shows, in the bill's order, each with the
 * sum of its rounded lines: the sums add up to the total, which is the sum of
 * the rounded lines. A service none of whose lines is shown is left out.
 */
export function billByService(estimate: Estimate): ServiceTotal[] {
  const lines = shownLines(estimate)
  const total = centsOf(estimate.totalUsd)
  const out: ServiceTotal[] = []
  for (const { id, label } of SERVICES) {
    const own = lines.filter((l) => serviceOfLine(l) === id)
    if (own.length === 0) continue
    const cents = own.reduce((sum, l) => sum + centsOf(l.usd), 0n)
    out.push({ id, label, cents, percent: percentOf(cents, total), lines: own })
  }
  return out
}
