import type { Comparison, Estimate } from '../engine/index'
import { useCalculator } from '../state/react'
import { FIELD_LABELS, type FieldProblem, type FunctionField } from '../state/selectors'
import { functionFieldId } from './field-ids'
import { formatCents, formatLineAmount, formatNumber, formatSmallUsd, formatUsd } from './format'

/** Where a problem is, in words: "Memory (MB), function 2". */
export function problemPlace(p: FieldProblem, functionCount: number): string {
  const label = FIELD_LABELS[p.field]
  return p.functionNumber !== undefined && functionCount > 1 ? `${label}, function ${p.functionNumber}` : label
}

function ComparisonLine({ comparison, totalCents }: { comparison: Comparison | null; totalCents: number }) {
  if (!comparison) return null
  const other = comparison.sheet === 'aws-current' ? 'today\u2019s 1 ms billing' : 'the classic 2016 100 ms billing'
  if (!comparison.available) {
    return (
      <p className="comparison" data-testid="comparison">
        Under {other}: not available. {comparison.reason}
      </p>
    )
  }
  const otherCents = comparison.estimate.totalCents
  let change = 'the same'
  if (otherCents !== totalCents && totalCents > 0) {
    const pct = (Math.abs(otherCents - totalCents) / totalCents) * 100
    const shown = pct < 1 ? '<1' : pct.toFixed(0)
    change = `${shown}% ${otherCents < totalCents ? 'less' : 'more'}`
  } else if (otherCents !== totalCents) {
    change = 'more'
  }
  return (
    <div className="comparison" data-testid="comparison">
      <p>
        Under {other}: <strong>{formatCents(otherCents)}</strong>, {change}
      </p>
      {comparison.adjustments.length > 0 ? (
        <ul className="adjustments">
          {comparison.adjustments.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function BillLines({ estimate }: { estimate: Estimate }) {
  return (
    <table className="bill-lines">
      <caption className="visually-hidden">Bill lines</caption>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col" className="num">
            Billable
          </th>
          <th scope="col" className="num col-unit">
            Unit price
          </th>
          <th scope="col" className="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {estimate.lines.map((l) => (
          <tr key={`${l.kind}-${l.architecture ?? ''}-${l.tier ?? ''}`} data-kind={l.kind}>
            <th scope="row">{l.label}</th>
            <td className="num">
              {formatNumber(l.quantity)} {l.quantityUnit}
            </td>
            <td className="num col-unit">${l.unitPriceUsd}</td>
            <td className="num" title={`Exact: $${l.exactUsd}`}>
              {formatLineAmount(l.usd, l.exactUsd)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Total (sum of the rounded lines)
          </th>
          <td className="col-unit" />
          <td className="num">{formatUsd(estimate.totalUsd)}</td>
        </tr>
      </tfoot>
    </table>
  )
}

function Facts({ estimate }: { estimate: Estimate }) {
  const free = estimate.freeTier
  return (
    <dl className="facts">
      <div>
        <dt>Free tier used</dt>
        <dd>
          {free.included ? (
            <>
              {formatNumber(free.requestsUsed)} of {formatNumber(free.requestsAllowance)} requests; {formatNumber(free.gbSecondsUsed)} of{' '}
              {formatNumber(free.gbSecondsAllowance)} GB-s
            </>
          ) : (
            'Not included'
          )}
        </dd>
      </div>
      <div>
        <dt>Per invocation</dt>
        <dd>{estimate.costPerRequestUsd === null ? 'No requests' : formatSmallUsd(estimate.costPerRequestUsd)}</dd>
      </div>
      <div>
        <dt>Per million invocations</dt>
        <dd>{estimate.costPerMillionRequestsUsd === null ? 'No requests' : formatSmallUsd(estimate.costPerMillionRequestsUsd)}</dd>
      </div>
      <div>
        <dt>Compute</dt>
        <dd>{formatNumber(estimate.totals.gbSeconds)} GB-s a month</dd>
      </div>
      <div>
        <dt>Requests</dt>
        <dd>{formatNumber(estimate.totals.requestsPerMonth)} a month</dd>
      </div>
    </dl>
  )
}

function SheetSource({ estimate }: { estimate: Estimate }) {
  const s = estimate.sheet
  return (
    <p className="source">
      Prices: {s.label}, in effect from {s.effectiveDate}, checked {s.checkedDate}.{' '}
      {s.sources.slice(0, 1).map((src) => (
        <a key={src.url} href={src.url} target="_blank" rel="noreferrer noopener">
          Source
        </a>
      ))}
    </p>
  )
}

/** Focuses the field a problem is about. */
function focusField(p: FieldProblem): void {
  const id = p.functionNumber !== undefined ? functionFieldId(p.functionNumber, p.field as FunctionField) : p.field
  document.getElementById(id)?.focus()
}

/** The monthly total, large, with the comparison, the bill lines and the facts. */
export function ResultPanel({ compact = false }: { compact?: boolean }) {
  const result = useCalculator((s, sel) => sel.selectEstimate(s))
  const comparison = useCalculator((s, sel) => sel.selectComparison(s))
  const functionCount = useCalculator((s) => s.functions.length)

  return (
    <section className="card result-card" aria-labelledby="result-title">
      <h2 id="result-title">Monthly cost</h2>
      <div className="total-block" aria-live="polite" aria-atomic="true">
        <output
          className={`total ${result.status === 'ok' ? '' : 'total-invalid'}`}
          data-testid="monthly-total"
          htmlFor="fn-1-memory fn-1-duration fn-1-requests"
        >
          {result.status === 'ok' ? formatUsd(result.estimate.totalUsd) : '—'}
        </output>
        <span className="per-month">{result.status === 'ok' ? 'per month' : ''}</span>
      </div>
      {result.status === 'ok' ? (
        <>
          <ComparisonLine comparison={comparison} totalCents={result.estimate.totalCents} />
          <BillLines estimate={result.estimate} />
          {compact ? null : <Facts estimate={result.estimate} />}
          {result.estimate.assumptions.length > 0 ? (
            <ul className="assumptions" aria-label="Assumptions">
              {result.estimate.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          ) : null}
          <SheetSource estimate={result.estimate} />
        </>
      ) : (
        <div className="cannot-compute" role="status" data-testid="cannot-compute">
          <p>
            The total cannot be computed until {result.problems.length === 1 ? 'this problem is' : `these ${result.problems.length} problems are`}{' '}
            fixed:
          </p>
          <ul>
            {result.problems.map((p) => (
              <li key={`${p.key}-${p.message}`}>
                <button type="button" className="link-button" onClick={() => focusField(p)}>
                  {problemPlace(p, functionCount)}
                </button>
                : {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
