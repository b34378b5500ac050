import { PART_OF_KIND, serviceOfPart, type BillLine, type Service } from '../engine/index'

// The bill grouped by the service each line is billed under (AWS Lambda, CloudWatch Logs,
// API Gateway / ALB, data transfer out): the bill's subtotals and the split chart read the
// same groups and the same shares, so the two never disagree. Kept small: the bill loads it
// before the page answers input; the chart's grouping (charts/service-totals.ts) loads with it.

/** The service a bill line is billed under. */
export function serviceOfLine(line: BillLine): Service {
  return serviceOfPart(PART_OF_KIND[line.kind])
}

/**
 * `part` of `whole` in per cent to one decimal, rounded half-up, exact at any
 * size: 1873 of 2924 is "64.1". Something is never "0.0": 1 of 2924 is "<0.1".
 * Nothing of nothing is "0.0".
 */
export function percentOf(part: bigint, whole: bigint): string {
  const tenths = whole > 0n ? (part * 2000n + whole) / (2n * whole) : 0n
  return tenths === 0n && part > 0n ? '<0.1' : `${tenths / 10n}.${tenths % 10n}`
}
