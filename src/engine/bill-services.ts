import { PART_OF_KIND, serviceOfPart, type Service } from './meters'
import type { BillLine } from './types'

// What the bill's subtotals by service need before the page answers input: a
// line's service and a share in per cent. Kept small, importing nothing the page
// does not already hold; the grouping itself (service-totals.ts) loads with the
// split chart and the exports, which read the same groups as the bill.

/**
 * The service a bill line is billed under (AWS Lambda, CloudWatch Logs, API
 * Gateway / ALB, data transfer out).
 *
 * @example serviceOfLine(estimate(input).lines[0]) // 'lambda' (the requests line)
 */
export function serviceOfLine(line: BillLine): Service {
  return serviceOfPart(PART_OF_KIND[line.kind])
}

/**
 * `part` of `whole` in per cent to one decimal, rounded half-up, exact at any
 * size. Something is never "0.0": 1 of 2924 is "<0.1". Nothing of nothing is "0.0".
 *
 * @example percentOf(1873n, 2924n) // '64.1'
 */
export function percentOf(part: bigint, whole: bigint): string {
  const tenths = whole > 0n ? (part * 2000n + whole) / (2n * whole) : 0n
  return tenths === 0n && part > 0n ? '<0.1' : `${tenths / 10n}.${tenths % 10n}`
}
