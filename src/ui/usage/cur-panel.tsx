import { useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { CUR_ATHENA_QUERY, stripUnsafeCharacters, type CurMonth, type CurWhatIf } from '../../engine/index'
import { copyText } from '../clipboard'
import { formatNumber, formatUsd } from '../format'
import type { CurResult } from './cur-read'
import type { CurSession } from './cur-session'
import type { LogSource, ReadProgress } from './read-log'
import './cur.css'

/** Functions listed per month; the rest are summed in one line (every unexplained one is listed). */
const FUNCTIONS_SHOWN = 50

const EXPLANATION: Record<string, string> = {
  match: 'same to the cent',
  rounding: 'rounding',
  shares: 'free tier and brackets shared',
  unexplained: 'not explained',
}

const signedUsd = (usd: string) => (usd.startsWith('-') ? `\u2212${formatUsd(usd.slice(1))}` : formatUsd(usd))

function WhatIfList({ whatIfs }: { whatIfs: CurWhatIf[] }) {
  return (
    <ul className="cur-whatifs" data-testid="cur-whatifs">
      {whatIfs.map((w) => (
        <li key={w.id}>
          <strong>{w.label}</strong>
          {w.problem ? (
            <span>: {w.problem}</span>
          ) : (
            <span>
              : {formatUsd(w.newCents / 100)} a month instead of {formatUsd(w.currentCents / 100)};{' '}
              {w.savingCents >= 0 ? (
                <>
                  saves <strong>{formatUsd(w.savingUsd)}</strong> a month, <strong>{formatUsd(w.savingPerYearUsd)}</strong> a year
                </>
              ) : (
                <>
                  costs {signedUsd(w.savingUsd.slice(1))} more a month, {formatUsd(w.savingPerYearUsd.slice(1))} a year
                </>
              )}
              .
            </span>
          )}
          {w.details.length > 0 ? <span className="field-hint"> ({w.details.slice(0, 8).join('; ')})</span> : null}
          {w.assumptions.map((a) => (
            <p key={a} className="field-hint cur-assumption">
              {a}
            </p>
          ))}
        </li>
      ))}
    </ul>
  )
}

function MonthView({ month }: { month: CurMonth }) {
  const shown = month.functions.filter((f, i) => i < FUNCTIONS_SHOWN || f.explanation === 'unexplained')
  const rest = month.functions.length - shown.length
  return (
    <>
      <p className="cur-sentence" data-testid="cur-sentence">
        {month.sentence}
      </p>
      <p className="field-hint">
        {month.accounts.length === 1 ? `Account ${month.accounts[0]}` : `${month.accounts.length} accounts`}, {month.regions.join(', ')}.
      </p>
      {month.notPriced.length > 0 ? (
        <ul className="field-error">
          {month.notPriced.map((n, i) => (
            <li key={i}>
              Not priced: {n.reason} (AWS charged {formatUsd(n.awsUnblendedUsd)}).
            </li>
          ))}
        </ul>
      ) : null}
      <div className="table-scroll">
        <table className="cur-table" data-testid="cur-lines">
          <caption>Per line</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col" className="num">
                Usage
              </th>
              <th scope="col" className="num">
                AWS billed (unblended)
              </th>
              <th scope="col" className="num">
                Effective
              </th>
              <th scope="col" className="num">
                Calculator
              </th>
              <th scope="col">Difference</th>
            </tr>
          </thead>
          <tbody>
            {month.lines.map((l) => (
              <tr key={`${l.region} ${l.meter} ${l.instanceType ?? ''}`} data-explanation={l.explanation}>
                <th scope="row">
                  {l.label}, {l.region}
                </th>
                <td className="num">
                  {formatNumber(l.quantity)} {l.unit}
                </td>
                <td className="num">{formatUsd(l.awsUnblendedUsd)}</td>
                <td className="num">{formatUsd(l.awsEffectiveUsd)}</td>
                <td className="num">{formatUsd(l.calculatorUsd)}</td>
                <td className={l.explanation === 'unexplained' ? 'cur-unexplained' : undefined}>
                  {l.differenceUsd === '0.00' ? EXPLANATION[l.explanation] : `${signedUsd(l.differenceUsd)}, ${EXPLANATION[l.explanation]}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="cur-table" data-testid="cur-functions">
          <caption>Per function</caption>
          <thead>
            <tr>
              <th scope="col">Function</th>
              <th scope="col" className="num">
                Requests
              </th>
              <th scope="col" className="num">
                AWS billed
              </th>
              <th scope="col" className="num">
                Calculator
              </th>
              <th scope="col">Why they differ</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={`${f.account} ${f.region} ${f.functionArn}`} data-explanation={f.explanation}>
                <th scope="row" title={f.functionArn}>
                  {stripUnsafeCharacters(f.name)}
                  <span className="field-hint">
                    {' '}
                    {f.region}, {f.architecture}
                  </span>
                </th>
                <td className="num">{formatNumber(f.requests)}</td>
                <td className="num">{formatUsd(f.awsUnblendedUsd)}</td>
                <td className="num">{formatUsd(f.calculatorUsd)}</td>
                <td className={f.explanation === 'unexplained' ? 'cur-unexplained' : undefined}>{f.sentence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rest > 0 ? (
        <p className="field-hint">And {formatNumber(rest)} smaller functions, each reconciled within rounding or the shared free tier.</p>
      ) : null}
      <details className="usage-problems">
        <summary>What the reconciliation assumes</summary>
        <ul>
          {month.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    </>
  )
}

/** Import the CUR query's CSV: what AWS billed per line and function, the calculator's figure beside it, and what if. */
export default function CurPanel() {
  const id = useId()
  const [text, setText] = useState('')
  const [progress, setProgress] = useState<ReadProgress | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const [result, setResult] = useState<CurResult | null>(null)
  const [month, setMonth] = useState<CurMonth | null>(null)
  const [whatIfs, setWhatIfs] = useState<CurWhatIf[]>([])
  const [planPercent, setPlanPercent] = useState('12')
  const [memory, setMemory] = useState({ function: '', fromMb: '1024', toMb: '512' })
  const session = useRef<CurSession | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  useEffect(() => () => session.current?.close(), [])

  const read = async (source: LogSource) => {
    session.current?.close()
    setError(null)
    setResult(null)
    setProgress({ done: 0, total: 'text' in source ? source.text.length : source.file.size })
    try {
      const { startCurImport } = await import('./cur-session')
      const current = startCurImport(source, setProgress)
      session.current = current
      const r = await current.result
      if (session.current !== current) return
      setProgress(null)
      if (!r) return
      if (r.reconciliation.months.length === 0) {
        const first = r.problems[0]
        setError(
          `No Lambda usage was found in ${r.source} (${formatNumber(r.rows)} rows read${r.problemCount > 0 ? `, ${formatNumber(r.problemCount)} left out` : ''}).${first ? ` Line ${formatNumber(first.line)}: ${first.message}` : ''} Import the CSV result of the query above.`,
        )
        return
      }
      setResult(r)
      setWhatIfs(r.whatIfs)
      setMonth(r.reconciliation.months[0]!)
      setMemory((m) => ({ ...m, function: r.reconciliation.months[0]!.functions[0]?.name ?? '' }))
    } catch (e) {
      setProgress(null)
      setError(`The CUR file could not be read: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  const recompute = async (withMemory: boolean, monthId = month?.month) => {
    if (!session.current || !monthId) return
    const pct = Number(planPercent)
    const options = {
      month: monthId,
      savingsPlanPercent: planPercent.trim() === '' ? 12 : pct,
      memory: withMemory ? { function: memory.function, fromMb: Number(memory.fromMb), toMb: Number(memory.toMb) } : undefined,
    }
    setWhatIfs(await session.current.whatIfs(options))
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    const file = e.dataTransfer.files[0]
    if (file) void read({ file, name: file.name })
  }

  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0

  return (
    <section className="cur-panel" aria-labelledby={`${id}-title`} data-testid="cur-panel" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <h3 id={`${id}-title`}>What AWS billed: import a Cost and Usage Report</h3>
      <p className="field-hint">
        Run this Athena query over your CUR 2.0 export (Data Exports), download the result as CSV and import it here: each function&rsquo;s month is
        priced again by the calculator and set beside what AWS charged. <strong>Nothing is uploaded.</strong>
      </p>
      <details className="cur-query">
        <summary>The Athena query</summary>
        <pre data-testid="cur-query">{CUR_ATHENA_QUERY}</pre>
      </details>
      <div className="usage-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            void copyText(CUR_ATHENA_QUERY).then((ok) => setCopied(ok ? 'The query is copied.' : 'The query could not be copied: select it above.'))
          }
        >
          Copy the query
        </button>
        <span role="status" className="field-hint">
          {copied}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-paste`}>Paste the query&rsquo;s CSV result</label>
        <textarea
          id={`${id}-paste`}
          className="usage-paste"
          rows={3}
          spellCheck={false}
          wrap="off"
          value={text}
          placeholder='"month","account","region","function_arn","usage_type","rate_code","usage_amount","unblended_cost","effective_cost","credits"'
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="usage-actions">
        <button type="button" className="button-primary" disabled={text.trim() === '' || progress !== null} onClick={() => void read({ text })}>
          Read the CUR CSV
        </button>
        <button type="button" className="button-secondary" disabled={progress !== null} onClick={() => fileInput.current?.click()}>
          Choose a CUR CSV file&hellip;
        </button>
        <input
          ref={fileInput}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="CUR CSV file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (file) void read({ file, name: file.name })
            e.target.value = ''
          }}
        />
      </div>
      {progress ? (
        <div className="usage-progress" role="status">
          <label htmlFor={`${id}-progress`}>Reading the CUR CSV</label>
          <progress id={`${id}-progress`} max={100} value={percent}>
            {percent} %
          </progress>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              session.current?.close()
              session.current = null
              setProgress(null)
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {result && month ? (
        <div className="cur-results" data-testid="cur-results">
          <div className="usage-head">
            <h4>{stripUnsafeCharacters(result.source)}</h4>
            <button
              type="button"
              className="button-quiet"
              onClick={() => {
                session.current?.close()
                session.current = null
                setResult(null)
              }}
            >
              Clear
            </button>
          </div>
          <p>
            {formatNumber(result.rows)} rows read
            {result.rowsSkipped > 0 ? `, ${formatNumber(result.rowsSkipped)} skipped (other services, Savings Plan negation)` : ''}
            {result.problemCount > 0 ? `, ${formatNumber(result.problemCount)} left out` : ''}.
          </p>
          {result.problems.length > 0 ? (
            <details className="usage-problems" open>
              <summary>Rows left out</summary>
              <ul data-testid="cur-problems">
                {result.problems.slice(0, 20).map((p) => (
                  <li key={p.line}>{p.message}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {result.reconciliation.other.length > 0 ? (
            <details className="usage-problems" open>
              <summary>Usage types the calculator does not price</summary>
              <ul data-testid="cur-other">
                {result.reconciliation.other.map((o) => (
                  <li key={o.usageType}>
                    <code>{stripUnsafeCharacters(o.usageType)}</code> ({o.what ?? 'unknown usage type'}): {formatNumber(o.rows)}{' '}
                    {o.rows === 1 ? 'row' : 'rows'}, AWS charged {formatUsd(o.awsUnblendedUsd)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {result.reconciliation.monthIds.length > 1 ? (
            <div className="field">
              <label htmlFor={`${id}-month`}>Month</label>
              <select
                id={`${id}-month`}
                value={month.month}
                onChange={(e) => {
                  const chosen = e.target.value
                  void session.current?.month(chosen).then((found) => {
                    if (!found.month) return
                    setMonth(found.month)
                    setWhatIfs(found.whatIfs)
                  })
                }}
              >
                {result.reconciliation.monthIds.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <MonthView month={month} />
          <h4>What if, from the usage billed in {month.month}</h4>
          <div className="cur-controls">
            <label htmlFor={`${id}-plan`}>Savings Plan, %</label>
            <input id={`${id}-plan`} className="cur-small" inputMode="decimal" value={planPercent} onChange={(e) => setPlanPercent(e.target.value)} />
            <button type="button" className="button-secondary" onClick={() => void recompute(false)}>
              Price it
            </button>
          </div>
          <div className="cur-controls">
            <label htmlFor={`${id}-fn`}>Function</label>
            <select id={`${id}-fn`} value={memory.function} onChange={(e) => setMemory({ ...memory, function: e.target.value })}>
              {[...new Set(month.functions.map((f) => f.name))].slice(0, 200).map((n) => (
                <option key={n} value={n}>
                  {stripUnsafeCharacters(n)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-from`}>at MB</label>
            <input
              id={`${id}-from`}
              className="cur-small"
              inputMode="numeric"
              value={memory.fromMb}
              onChange={(e) => setMemory({ ...memory, fromMb: e.target.value })}
            />
            <label htmlFor={`${id}-to`}>instead at MB</label>
            <input
              id={`${id}-to`}
              className="cur-small"
              inputMode="numeric"
              value={memory.toMb}
              onChange={(e) => setMemory({ ...memory, toMb: e.target.value })}
            />
            <button type="button" className="button-secondary" onClick={() => void recompute(true)}>
              Price another memory size
            </button>
          </div>
          <WhatIfList whatIfs={whatIfs} />
        </div>
      ) : null}
    </section>
  )
}
