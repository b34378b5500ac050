import { serviceOfLine, type BillLine, type Estimate } from '../engine/index'

// Which lines of the bill a reader is shown. The engine lists a line for every
// meter a function could use (the regional requests line always); a line that
// bills nothing for usage nobody has would read as the function's usage ("0
// requests" beside a Lambda@Edge function's 3 million), so it is left out.

/** Whether an exact decimal string is zero ("0", "0.00"). */
export const isZero = (decimal: string): boolean => !/[1-9]/.test(decimal)

/** Whether a line is billed, all in the free tier, or bills a meter nothing here uses (a Lambda@Edge function's regional requests). */
export function lineUse(l: BillLine, free: Estimate['freeTier']): 'billed' | 'free' | 'unused' {
  if (!isZero(l.quantity) || !isZero(l.exactUsd)) return 'billed'
  // The services beside Lambda list a line only where something uses it: one that bills nothing is in a free allowance.
  if (serviceOfLine(l) !== 'lambda') return 'free'
  const covered =
    l.kind === 'requests'
      ? free.requestsUsed
      : l.kind === 'compute' && l.architecture
        ? free.gbSecondsUsedByArchitecture[l.architecture]
        : l.kind === 'response-streaming'
          ? free.streamingGibUsed
          : l.kind.startsWith('logs-')
            ? free.logsGbUsed
            : '0'
  return isZero(covered ?? '0') ? 'unused' : 'free'
}

/** The lines a reader is shown: every line but those of a meter nothing uses, which would read as usage of nothing. */
export function shownLines(estimate: Estimate): BillLine[] {
  return estimate.lines.filter((l) => lineUse(l, estimate.freeTier) !== 'unused')
}
