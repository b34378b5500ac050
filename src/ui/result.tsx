import { useState } from 'react'
import { PRICE_SHEETS, type Architecture, type BillLine, type Comparison, type Estimate, type EstimateInput } from '../engine/index'
import { useCalculator } from '../state/react'
import { FIELD_LABELS, type FieldProblem, type FunctionField } from '../state/selectors'
import { functionFieldId } from './field-ids'
import { formatLineAmount, formatNumber, formatQuantity, formatSmallUsd, formatUsd } from './format'
import { BaselineBar, baselineOf, ChangeCell, lineKey, type Baseline } from './baseline'
import { centsOf, percentChange } from './money'
import { useLoaded } from './use-loaded'

/** Where a problem is, in words: "Memory (MB), function 2". */
export function problemPlace(p: FieldProblem, functionCount: number): string {
  const label = FIELD_LABELS[p.field]
  return p.functionNumber !== undefined && functionCount > 1 ? `${label}, function ${p.functionNumber}` : label
}

/** The same workload, other choices: loaded after the total. */
const loadComparisons = () => import('./result-compare')

/** The docs widget's one comparison: the other price sheet. */
function CompactComparison({ comparison, estimate }: { comparison: Comparison | null; estimate: Estimate }) {
  if (!comparison) return null
  const other = comparison.sheet === 'aws-current' ? 'today\u2019s 1 ms billing' : 'the classic 2016 100 ms billing'
  if (!comparison.available) {
    return (
      <p className="comparison" data-testid="comparison">
        Under {other}: {comparison.missing ? comparison.reason : `not available. ${comparison.reason}`}
      </p>
    )
  }
  const change = percentChange(centsOf(comparison.estimate.totalUsd), centsOf(estimate.totalUsd))
  return (
    <p className="comparison" data-testid="comparison">
      Under {other}: <strong>{formatUsd(comparison.estimate.totalUsd)}</strong>
      {change ? `, ${change}` : ''}
    </p>
  )
}

/** Ways to pay less: loaded after the total, with the engine's fast path that prices them. */
const loadAdvice = () => import('./advice')

function Advice({ input }: { input: EstimateInput }) {
  const loaded = useLoaded(loadAdvice)
  return loaded ? <loaded.default input={input} /> : null
}

function FullComparisons({ comparison, result }: { comparison: Comparison | null; result: { estimate: Estimate; input: EstimateInput } }) {
  const loaded = useLoaded(loadComparisons)
  if (!loaded) return <CompactComparison comparison={comparison} estimate={result.estimate} />
  return <loaded.default comparison={comparison} result={result} />
}

function BillLines({ estimate, baseline }: { estimate: Estimate; baseline: Baseline | null }) {
  const keys = new Set(estimate.lines.map(lineKey))
  const gone = baseline ? [...baseline.lines].filter(([key]) => !keys.has(key)) : []
  return (
    // Its own horizontal scroll: amounts in the trillions must not widen the page.
    <div className="table-scroll">
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
            {baseline ? (
              <th scope="col" className="num col-change">
                vs baseline
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {estimate.lines.map((l) => (
            <tr key={lineKey(l)} data-kind={l.kind}>
              <th scope="row">{l.label}</th>
              <td className="num" title={`Exact: ${l.quantity} ${l.quantityUnit}`}>
                {formatQuantity(l.quantity, l.quantityUnit)} {l.quantityUnit}
              </td>
              <td className="num col-unit">${l.unitPriceUsd}</td>
              <td className="num" title={`Exact: $${l.exactUsd}`}>
                {formatLineAmount(l.usd, l.exactUsd)}
              </td>
              {baseline ? <ChangeCell cents={centsOf(l.usd)} base={baseline.lines.get(lineKey(l))?.cents ?? 0n} /> : null}
            </tr>
          ))}
          {gone.map(([key, line]) => (
            <tr key={key} className="line-gone">
              <th scope="row">{line.label} (not in this estimate)</th>
              <td className="num">—</td>
              <td className="num col-unit" />
              <td className="num">$0.00</td>
              <ChangeCell cents={0n} base={line.cents} />
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
            {baseline ? <ChangeCell cents={centsOf(estimate.totalUsd)} base={baseline.totalCents} /> : null}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

function Facts({ estimate }: { estimate: Estimate }) {
  const free = estimate.freeTier
  return (
    <dl className="facts">
      <div className="fact-wide">
        <dt>Free tier used</dt>
        <dd>
          {free.included ? (
            <>
              <span className="fact-line">
                {formatNumber(free.requestsUsed)} of {formatNumber(free.requestsAllowance)} requests
              </span>{' '}
              <span className="fact-line">
                {formatNumber(free.gbSecondsUsed)} of {formatNumber(free.gbSecondsAllowance)} GB&#8209;s
              </span>
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
        <dd>{formatQuantity(estimate.totals.gbSeconds, 'GB-s')} GB&#8209;s a month</dd>
      </div>
      <div>
        <dt>Requests</dt>
        <dd title={`Exact: ${estimate.totals.requestsPerMonth}`}>{formatQuantity(estimate.totals.requestsPerMonth, 'requests')} a month</dd>
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
  const [baseline, setBaseline] = useState<Baseline | null>(null)

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
          {compact ? null : <Advice input={result.input} />}
          {compact ? null : (
            <BaselineBar
              baseline={baseline}
              estimate={result.estimate}
              onPin={() => setBaseline(baselineOf(result.estimate))}
              onClear={() => setBaseline(null)}
            />
          )}
          {compact ? (
            <CompactComparison comparison={comparison} estimate={result.estimate} />
          ) : (
            <FullComparisons comparison={comparison} result={result} />
          )}
          <BillLines estimate={result.estimate} baseline={compact ? null : baseline} />
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
