import { SERVICES, type BillLine, type Estimate, type Service } from '../../engine/index'
import { percentOf, serviceOfLine } from '../bill-services'
import { centsOf } from '../money'

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
 * The services of the lines the bill shows (`lines`: shownLines(estimate)), in
 * the bill's order, each with the sum of its rounded lines: the sums add up to
 * the total, which is the sum of the rounded lines. A service none of whose
 * lines is shown is left out.
 */
export function billByService(estimate: Estimate, lines: readonly BillLine[]): ServiceTotal[] {
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
