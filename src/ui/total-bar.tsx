import { useCalculator } from '../state/react'
import { formatUsd } from './format'

/**
 * The monthly total in a slim bar at the bottom of a narrow screen while an
 * input has focus: on a phone the result card is screens away from the fields.
 * The result card stays the one live region; this bar is a visual echo of it.
 */
export function TotalBar() {
  const result = useCalculator((s, sel) => sel.selectEstimate(s))
  return (
    <div className="total-bar" data-testid="total-bar" aria-hidden="true">
      <span className="total-bar-label">Monthly cost</span>
      {result.status === 'ok' ? (
        <span className="total-bar-value">{formatUsd(result.estimate.totalUsd)}</span>
      ) : (
        <span className="total-bar-problem">{result.problems.length === 1 ? '1 problem to fix' : `${result.problems.length} problems to fix`}</span>
      )}
    </div>
  )
}
