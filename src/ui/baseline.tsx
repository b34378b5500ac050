import type { BillLine, Estimate } from '../engine/index'
import { LongNumber } from './long-number'
import { centsOf, formatCentsExact, formatChange, percentChange } from './money'
import { shownLines } from './shown-lines'

// A pinned estimate to compare later edits against, per line and in total.

/** Pins the current estimate, and says how far the current one is from the pinned one. */
export function BaselineBar({
  baseline,
  estimate,
  onPin,
  onClear,
}: {
  baseline: Baseline | null
  estimate: Estimate
  onPin: () => void
  onClear: () => void
}) {
  const cents = centsOf(estimate.totalUsd)
  return (
    <div className="baseline-bar" data-testid="baseline">
      {baseline ? (
        <>
          <p>
            Against your baseline of{' '}
            <strong>
              <LongNumber text={formatCentsExact(baseline.totalCents)} />
            </strong>
            :{' '}
            <strong className={cents > baseline.totalCents ? 'change-up' : cents < baseline.totalCents ? 'change-down' : undefined}>
              <LongNumber text={formatChange(cents - baseline.totalCents)} />
            </strong>
            {cents !== baseline.totalCents ? ` (${percentChange(cents, baseline.totalCents) ?? 'from $0.00'})` : ''}
          </p>
          <button type="button" className="button-quiet" onClick={onPin}>
            Pin this instead
          </button>
          <button type="button" className="button-quiet" onClick={onClear}>
            Clear baseline
          </button>
        </>
      ) : (
        <button type="button" className="button-secondary" onClick={onPin}>
          Pin as baseline
        </button>
      )}
    </div>
  )
}

/** A bill line's identity across estimates: its kind, architecture and bracket. */
export function lineKey(l: Pick<BillLine, 'kind' | 'architecture' | 'tier'>): string {
  return `${l.kind}-${l.architecture ?? ''}-${l.tier ?? ''}`
}

/** What is pinned to compare later edits against: the total and each line, in exact cents. */
export interface Baseline {
  totalCents: bigint
  totalUsd: string
  lines: Map<string, { label: string; cents: bigint }>
}

export function baselineOf(estimate: Estimate): Baseline {
  return {
    totalCents: centsOf(estimate.totalUsd),
    totalUsd: estimate.totalUsd,
    lines: new Map(shownLines(estimate).map((l) => [lineKey(l), { label: l.label, cents: centsOf(l.usd) }])),
  }
}

export function ChangeCell({ cents, base }: { cents: bigint; base: bigint }) {
  const diff = cents - base
  const pct = diff === 0n ? null : percentChange(cents, base)
  return (
    <td role="cell" className={`num col-change${diff > 0n ? ' change-up' : diff < 0n ? ' change-down' : ''}`}>
      <span className="cell-label" aria-hidden="true">
        vs baseline
      </span>
      <span className="cell-value">
        <LongNumber text={formatChange(diff)} />
        {pct && pct !== 'the same' ? <span className="change-pct"> ({pct})</span> : null}
      </span>
    </td>
  )
}
