import { useState, type ReactNode } from 'react'
import { percentOf, serviceOfLine, SERVICES, type BillLine, type Estimate, type EstimateInput, type Service } from '../engine/index'
import { useCalculator } from '../state/react'
import { FIELD_LABELS, type FieldProblem, type FunctionField } from '../state/selectors'
import { functionFieldId } from './field-ids'
import { formatBillable, formatLineAmount, formatUsd, keepUnitsWhole } from './format'
import { LongNumber } from './long-number'
import { lineUse, shownLines } from './shown-lines'
import { BaselineBar, baselineOf, ChangeCell, lineKey, type Baseline } from './baseline'
import { centsOf, formatCentsExact } from './money'
import { useLoaded } from './use-loaded'

/** Where a problem is, in words: "Memory (MB), function 2". */
export function problemPlace(p: FieldProblem, functionCount: number): string {
  const label = FIELD_LABELS[p.field]
  return p.functionNumber !== undefined && functionCount > 1 ? `${label}, function ${p.functionNumber}` : label
}

/** The same workload, other choices: loaded after the total. */
const loadComparisons = () => import('./result-compare')
/** The free tier used, the cost per invocation, the compute and the requests: loaded after the total. */
const loadFacts = () => import('./facts')

function LazyFacts({ estimate }: { estimate: Estimate }) {
  const loaded = useLoaded(loadFacts, true, 'the unit costs')
  return loaded ? <loaded.Facts estimate={estimate} /> : null
}

/** Ways to pay less: loaded after the total, with the engine's fast path that prices them. */
const loadAdvice = () => import('./advice')

function Advice({ input }: { input: EstimateInput }) {
  const loaded = useLoaded(loadAdvice, true, 'the ways to pay less')
  return loaded ? <loaded.default input={input} /> : null
}

/** The same workload under the other price sheet (and, on the page, other choices): shown once its code has loaded. */
function Comparisons({ compact, result }: { compact: boolean; result: { estimate: Estimate; input: EstimateInput } }) {
  const loaded = useLoaded(loadComparisons, true, 'the comparisons')
  if (!loaded) return null
  return compact ? <loaded.CompactComparison result={result} /> : <loaded.default result={result} />
}

/** A figure of the bill with its column's name, which shows when the table is laid out as a list (a narrow screen). */
function Cell({ label, className, title, children }: { label: string; className?: string; title?: string; children: ReactNode }) {
  return (
    <td role="cell" className={`num ${className ?? ''}`} title={title}>
      <span className="cell-label" aria-hidden="true">
        {label}
      </span>
      <span className="cell-value">{children}</span>
    </td>
  )
}

/**
 * Each service's lines and subtotal, where the bill has lines of more than
 * Lambda (CloudWatch Logs, ...): a row after each service's lines, Lambda's
 * with its share of the whole. Its key, the service's id, has no "-": no
 * line's key (lineKey) is one.
 */
function subtotalAfter(lines: BillLine[], services: Service[], i: number, total: bigint): ReactNode {
  const service = services[i]!
  if (services[i + 1] === service || services.every((s) => s === service)) return null
  const cents = lines.reduce((sum, l, j) => (services[j] === service ? sum + centsOf(l.usd) : sum), 0n)
  const share = service === 'lambda' && total > 0n ? ` (${percentOf(cents, total)} % of the bill)` : ''
  return (
    <tr key={service} role="row" className="line-subtotal">
      <th scope="row" role="rowheader" colSpan={2}>
        {SERVICES.find((x) => x.id === service)!.label} subtotal{share}
      </th>
      <td role="cell" className="col-unit col-empty" />
      <Cell label="Subtotal" className="col-amount">
        <LongNumber text={formatCentsExact(cents)} />
      </Cell>
    </tr>
  )
}

/**
 * The bill, a line per row. Every column is readable at any width: figures
 * wrap only between words (or, past 14 characters, after a thousands
 * separator). On the page (`stack`), when the result is narrow each row
 * becomes a block, its label on one line and its figures below, each named;
 * the docs widget keeps a short table without the unit price. Nothing scrolls.
 * The roles keep it a table for assistive technology whatever its CSS display.
 */
function BillLines({ estimate, baseline, stack }: { estimate: Estimate; baseline: Baseline | null; stack: boolean }) {
  const lines = shownLines(estimate)
  const services = lines.map(serviceOfLine)
  const total = centsOf(estimate.totalUsd)
  const keys = new Set(lines.map(lineKey))
  const gone = baseline ? [...baseline.lines].filter(([key]) => !keys.has(key)) : []
  return (
    <table className={`bill-lines${stack ? ' bill-stack' : ''}`} role="table" data-baseline={baseline ? 'true' : undefined}>
      <caption className="visually-hidden">Bill lines</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Line
          </th>
          <th scope="col" role="columnheader" className="num">
            Billable
          </th>
          <th scope="col" role="columnheader" className="num col-unit">
            Unit price
          </th>
          <th scope="col" role="columnheader" className="num">
            Amount
          </th>
          {baseline ? (
            <th scope="col" role="columnheader" className="num col-change">
              vs baseline
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {lines.map((l, i) => [
          <tr key={lineKey(l)} role="row" data-kind={l.kind}>
            <th scope="row" role="rowheader">
              {keepUnitsWhole(l.label)}
            </th>
            <Cell label="Billable" title={`Exact: ${l.quantity} ${l.quantityUnit}`}>
              {lineUse(l, estimate.freeTier) === 'free' ? (
                'all in the free tier'
              ) : (
                <LongNumber text={keepUnitsWhole(formatBillable(l.quantity, l.quantityUnit))} />
              )}
            </Cell>
            <Cell label="Unit price" className="col-unit">
              ${l.unitPriceUsd}
            </Cell>
            <Cell label="Amount" className="col-amount" title={`Exact: $${l.exactUsd}`}>
              <LongNumber text={formatLineAmount(l.usd, l.exactUsd)} />
            </Cell>
            {baseline ? <ChangeCell cents={centsOf(l.usd)} base={baseline.lines.get(lineKey(l))?.cents ?? 0n} /> : null}
          </tr>,
          subtotalAfter(lines, services, i, total),
        ])}
        {lines.length === 0 && gone.length === 0 ? (
          <tr role="row" className="line-none">
            <th scope="row" role="rowheader">
              Nothing to bill: no usage this month
            </th>
            <Cell label="Billable">&mdash;</Cell>
            <td role="cell" className="num col-unit col-empty" />
            <Cell label="Amount" className="col-amount">
              $0.00
            </Cell>
          </tr>
        ) : null}
        {gone.map(([key, line]) => (
          <tr key={key} role="row" className="line-gone">
            <th scope="row" role="rowheader">
              {keepUnitsWhole(line.label)} (not in this estimate)
            </th>
            <Cell label="Billable">&mdash;</Cell>
            <td role="cell" className="num col-unit col-empty" />
            <Cell label="Amount" className="col-amount">
              $0.00
            </Cell>
            <ChangeCell cents={0n} base={line.cents} />
          </tr>
        ))}
      </tbody>
      <tfoot role="rowgroup">
        <tr role="row">
          <th scope="row" role="rowheader" colSpan={2}>
            Total (sum of the rounded lines)
          </th>
          <td role="cell" className="col-unit col-empty" />
          <Cell label="Amount" className="col-amount">
            <LongNumber text={formatUsd(estimate.totalUsd)} />
          </Cell>
          {baseline ? <ChangeCell cents={total} base={baseline.totalCents} /> : null}
        </tr>
      </tfoot>
    </table>
  )
}

function SheetSource({ estimate }: { estimate: Estimate }) {
  const s = estimate.sheet
  const src = s.sources[0]
  return (
    <p className="source">
      Prices: {s.label}, in effect from {s.effectiveDate}, checked {s.checkedDate}.{' '}
      {src ? (
        <a href={src.url} target="_blank" rel="noreferrer noopener">
          Source
        </a>
      ) : null}
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
  const functionCount = useCalculator((s) => s.functions.length)
  const [baseline, setBaseline] = useState<Baseline | null>(null)
  const totalText = result.status === 'ok' ? formatUsd(result.estimate.totalUsd) : null

  return (
    <section className="card result-card" aria-labelledby="result-title">
      <h2 id="result-title" tabIndex={-1}>
        Monthly cost
      </h2>
      <div className="total-block" aria-live="polite" aria-atomic="true">
        <output
          className={`total ${result.status === 'ok' ? '' : 'total-invalid'}`}
          data-testid="monthly-total"
          htmlFor="fn-1-memory fn-1-duration fn-1-requests"
        >
          {totalText ? <LongNumber text={totalText} /> : '—'}
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
          <Comparisons compact={compact} result={result} />
          <BillLines estimate={result.estimate} baseline={compact ? null : baseline} stack={!compact} />
          {compact ? null : <LazyFacts estimate={result.estimate} />}
          {result.estimate.assumptions.length > 0 ? (
            <ul className="assumptions" aria-label="Assumptions">
              {result.estimate.assumptions.map((a) => (
                <li key={a}>{keepUnitsWhole(a)}</li>
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
                : {keepUnitsWhole(p.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
