import { centsToUsdString, parseDecimalString, percentOf } from './decimal'
import { SERVICES, serviceOfLine, type Service } from './meters'
import type { BillLine, Estimate } from './types'

/**
 * One service's part of the bill: the sum of its rounded lines and its share
 * of the total.
 *
 * @example billByService(bill)[1] // { id: 'logs', label: 'CloudWatch Logs', cents: 528n, usd: '5.28', percent: '0.6', lines: [...] }
 */
export interface ServiceTotal {
  id: Service
  label: string
  /** The sum of its rounded lines, in whole cents. */
  cents: bigint
  /** `cents` as dollars with two places, e.g. "5.28". */
  usd: string
  /** Its part of the total, in per cent to a tenth, half-up: "64.1"; "<0.1" for a part under 0.05 %. */
  percent: string
  /** Its lines, in the bill's order. */
  lines: BillLine[]
}

/** Whole cents of a dollar amount with two places ("18.74"). */
function centsOf(usd: string): bigint {
  const r = parseDecimalString(usd)
  return (r.n * 100n) / r.d
}

/**
 * The bill by service, in the order `SERVICES` lists them (the order of the
 * bill's lines): each service with a line in `lines` (by default every line of
 * the estimate; the page passes the lines it shows), the sum of its rounded
 * lines and its share of the total. The total is the sum of the rounded lines,
 * so the subtotals of every line add up to it to the cent. The split chart and
 * the exports read these groups, the page's bill the same `serviceOfLine`; a bill
 * of Lambda alone is one group, which none of them shows as a subtotal.
 *
 * @example billByService(estimate(input)).map((s) => `${s.label} $${s.usd}`) // ['AWS Lambda $7.06', 'CloudWatch Logs $5.28', ...]
 */
export function billByService(estimate: Pick<Estimate, 'lines' | 'totalUsd'>, lines: readonly BillLine[] = estimate.lines): ServiceTotal[] {
  const total = centsOf(estimate.totalUsd)
  const out: ServiceTotal[] = []
  for (const { id, label } of SERVICES) {
    const own = lines.filter((l) => serviceOfLine(l) === id)
    if (own.length === 0) continue
    const cents = own.reduce((sum, l) => sum + centsOf(l.usd), 0n)
    out.push({ id, label, cents, usd: centsToUsdString(cents), percent: percentOf(cents, total), lines: own })
  }
  return out
}
