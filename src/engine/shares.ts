import { lcm, type Ratio } from './decimal'

// How a bill's lines are shared among its functions: in a module of its own so
// that the classic sheet's entry shares them as the main entry does, without
// the rest of the bill.

/**
 * The rule `splitCents` follows, as the estimate's assumptions state it when
 * a bill has more than one function.
 */
export const SHARE_RULE =
  'Each function\u2019s share of a line is in proportion to its use of that line before the free tier (so the free tier and the price brackets are shared in proportion to use), in whole cents by largest remainder.'

/**
 * `cents` split over `weights` by largest remainder; if all are zero, equally
 * over the functions `eligible` marks (all when none is given or none is marked).
 */
export function splitCents(cents: bigint, weights: Ratio[], eligible?: readonly boolean[]): bigint[] {
  const n = weights.length
  if (n === 1) return [cents]
  let den = 1n
  for (const w of weights) if (w.n !== 0n && den % w.d !== 0n) den = lcm(den, w.d)
  let ws = weights.map((w) => (w.n === 0n ? 0n : w.n * (den / w.d)))
  let sum = ws.reduce((a, b) => a + b, 0n)
  if (sum === 0n) {
    ws = weights.map((_, i) => (eligible === undefined || eligible[i] ? 1n : 0n))
    sum = ws.reduce((a, b) => a + b, 0n)
    if (sum === 0n) {
      ws = weights.map(() => 1n)
      sum = BigInt(n)
    }
  }
  const shares: bigint[] = []
  const remainders: { i: number; r: bigint }[] = []
  let given = 0n
  for (let i = 0; i < n; i++) {
    const exact = cents * ws[i]!
    const q = exact / sum
    shares.push(q)
    given += q
    remainders.push({ i, r: exact - q * sum })
  }
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (let k = 0; given < cents; k++, given++) shares[remainders[k]!.i]! += 1n
  return shares
}
