import { lazy, Suspense, useId, useMemo, type ReactNode } from 'react'
import {
  COMPARE_FIELDS,
  compareWaysToRun,
  ec2ComparisonTypes,
  formatMonthly,
  formatRate,
  orList,
  type CompareFieldSpec,
  type ComputeSettings,
  type EstimateInput,
  type WayChange,
  type WaysComparison,
} from '../../engine/index'
import { useCalculator, useCalculatorStore } from '../../state/react'
import { inputsOf, type CalculatorStore, type CompareDraft } from '../../state/store'
import { formatCents } from '../format'
import { useSettled } from '../use-settled'
import './compute-compare.css'

// The chart shares the other charts' frame and recharts: it loads with them.
const CompareChart = lazy(() => import('../charts/index').then((m) => ({ default: m.CompareChart })))

/** How long input must pause before the comparison is priced again, ms: a little after the charts. */
const SETTLE_MS = 260

const spec = (key: string) => COMPARE_FIELDS.find((f) => f.key === key)!
const EC2_TYPES = ec2ComparisonTypes()

/** Sets some of the comparison's settings (an empty value means the default), keeping every other input as it is. */
function setCompare(store: CalculatorStore, patch: CompareDraft): void {
  const state = store.getState()
  state.replaceInputs({ ...inputsOf(state), compare: { ...state.compare, ...patch } })
}

/** A field's value when the link leaves it out, as the link writes it. */
function defaultCode(f: CompareFieldSpec): string {
  if (f.type === 'boolean') return f.default ? '1' : ''
  return f.choices?.find((c) => c.value === String(f.default))?.code ?? String(f.default)
}

/** The settings as the engine takes them (from the link's text, by link key), and a problem for each text that does not fit its field. */
function readSettings(draft: CompareDraft | undefined): { settings: ComputeSettings; problems: Record<string, string> } {
  const settings: Record<string, unknown> = {}
  const problems: Record<string, string> = {}
  for (const f of COMPARE_FIELDS) {
    const text = (draft?.[f.urlKey] ?? '').trim()
    if (text === '' || f.key === 'compareOpen') continue
    if (f.choices) {
      const value = f.choices.find((c) => c.code === text)?.value
      if (value === undefined) problems[f.key] = `${f.name} must be ${orList(f.choices.map((c) => c.code))}; got \u201c${text.slice(0, 40)}\u201d.`
      else settings[f.key] = f.key === 'fargateVcpu' ? Number(value) : value
    } else if (f.type === 'number' || f.type === 'whole') {
      const n = Number(text.replace(/,/g, ''))
      if (Number.isFinite(n) && /^[\d.,eE+-]+$/.test(text)) settings[f.key] = n
      else problems[f.key] = `${f.name} must be a number; got \u201c${text.slice(0, 40)}\u201d.`
    } else settings[f.key] = text
  }
  return { settings: settings as ComputeSettings, problems }
}

interface Priced {
  input: EstimateInput
  settings: ComputeSettings
}

/** The comparison's inputs: which function, the Fargate task, the EC2 instance, requests at once. */
function Settings({
  draft,
  problems,
  functionNames,
}: {
  draft: CompareDraft | undefined
  problems: Record<string, string>
  functionNames: string[]
}) {
  const store = useCalculatorStore()
  // The default is written as nothing, so a link carries only what differs.
  const set = (key: string, value: string) => setCompare(store, { [spec(key).urlKey]: value === defaultCode(spec(key)) ? '' : value })
  const value = (key: string) => draft?.[spec(key).urlKey] || defaultCode(spec(key))
  const id = useId()
  const field = (key: string, control: ReactNode, unit?: string) => {
    const f = spec(key)
    const problem = problems[key]
    return (
      <div className="compare-field">
        <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
        <span className="compare-control">
          {control}
          {unit ? <span className="compare-unit">{unit}</span> : null}
        </span>
        {problem ? (
          <p className="field-error" id={`${id}-${f.key}-error`} role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    )
  }
  const describedBy = (key: string) => (problems[key] ? `${id}-${key}-error` : undefined)
  const select = (key: string, options: { value: string; label: string }[]) => (
    <select id={`${id}-${key}`} value={value(key)} onChange={(e) => set(key, e.target.value)} aria-describedby={describedBy(key)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  )
  const number = (key: string, f: CompareFieldSpec) => (
    <input
      id={`${id}-${f.key}`}
      inputMode="decimal"
      value={draft?.[f.urlKey] ?? ''}
      placeholder={String(f.default)}
      onChange={(e) => setCompare(store, { [f.urlKey]: e.target.value })}
      aria-invalid={problems[key] ? true : undefined}
      aria-describedby={describedBy(key)}
      size={6}
    />
  )
  return (
    <div className="compare-settings">
      {functionNames.length <= 1 && problems.compareFunction ? (
        <p className="field-error" role="alert">
          {problems.compareFunction}
        </p>
      ) : null}
      {functionNames.length > 1
        ? field(
            'compareFunction',
            select(
              'compareFunction',
              functionNames.map((name, i) => ({ value: String(i + 1), label: name })),
            ),
          )
        : null}
      {field(
        'fargateVcpu',
        select(
          'fargateVcpu',
          spec('fargateVcpu').choices!.map((c) => ({ value: c.code, label: c.label })),
        ),
      )}
      {field('fargateMemoryGb', number('fargateMemoryGb', spec('fargateMemoryGb')), 'GB')}
      {field(
        'fargateArchitecture',
        select(
          'fargateArchitecture',
          spec('fargateArchitecture').choices!.map((c) => ({ value: c.code, label: c.label })),
        ),
      )}
      {field(
        'ec2InstanceType',
        select(
          'ec2InstanceType',
          (EC2_TYPES.some((t) => t.name === value('ec2InstanceType'))
            ? []
            : [{ value: value('ec2InstanceType'), label: value('ec2InstanceType') }]
          ).concat(EC2_TYPES.map((t) => ({ value: t.name, label: t.label }))),
        ),
      )}
      {field('concurrentRequests', number('concurrentRequests', spec('concurrentRequests')), 'at once')}
    </div>
  )
}

/** What a way's cheaper choice changes, applied to the inputs. */
function useApply(functionIndex: number) {
  const store = useCalculatorStore()
  return (change: WayChange) => {
    const state = store.getState()
    if (change.region) state.setRegion(change.region)
    if (change.architecture) {
      const fn = state.functions[functionIndex]
      if (fn) state.updateFunction(fn.id, { architecture: change.architecture })
    }
    const patch: Record<string, string> = {}
    if (change.fargateArchitecture) patch[spec('fargateArchitecture').urlKey] = change.fargateArchitecture === 'arm64' ? 'arm' : ''
    if (change.ec2InstanceType)
      patch[spec('ec2InstanceType').urlKey] = change.ec2InstanceType === defaultCode(spec('ec2InstanceType')) ? '' : change.ec2InstanceType
    if (Object.keys(patch).length > 0) setCompare(store, patch)
  }
}

function WaysTable({ result }: { result: WaysComparison }) {
  const apply = useApply(result.functionIndex)
  const rate = formatRate(result.currentPerSecond)
  return (
    <table className="compare-table">
      <caption>
        Monthly cost at your rate: {rate} requests a second ({formatMonthly(result.currentRequestsPerMonth)} a month)
      </caption>
      <thead>
        <tr>
          <th scope="col">Way to run it</th>
          <th scope="col" className="num">
            USD / month
          </th>
          <th scope="col">Cheapest region or architecture</th>
        </tr>
      </thead>
      <tbody>
        {result.ways.map((w) => (
          <tr key={w.id} data-way={w.id}>
            <th scope="row">
              {w.label}
              <span className="compare-kind">{w.kind === 'bill' ? 'Lambda bill' : 'comparison, not a Lambda bill'}</span>
              {w.alsoNeeded ? <span className="compare-needed">{w.alsoNeeded}</span> : null}
              {w.problem ? <span className="field-error compare-problem">{w.problem}</span> : null}
              <details className="compare-notes">
                <summary>
                  What is not included<span className="visually-hidden">: {w.label}</span>
                </summary>
                <ul>
                  {w.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </details>
            </th>
            <td className="num">{w.cents === null ? 'not priced' : formatCents(w.cents)}</td>
            <td>
              {w.cheaper ? (
                <button type="button" className="link-button" onClick={() => apply(w.cheaper!.change)}>
                  {w.cheaper.label}: {formatCents(w.cheaper.cents)}
                </button>
              ) : w.problem ? null : (
                <span className="compare-muted">Already the cheapest bundled</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Crossings({ result }: { result: WaysComparison }) {
  if (result.crossings.length === 0) {
    return <p className="compare-crossings-none">No two ways cross between 0.01 and 10,000 requests a second.</p>
  }
  const label = (id: string) => result.ways.find((w) => w.id === id)?.label ?? id
  return (
    <>
      <h4 className="compare-subtitle">Where they cross</h4>
      <ul className="compare-crossings">
        {result.crossings.map((c) => (
          <li key={`${c.cheaper}-${c.dearer}-${c.requestsPerMonth}`} className={c.cheapestChanges ? 'cheapest' : undefined}>
            {c.text}
            {c.cheapestChanges ? <strong> (the cheapest from there)</strong> : null}.
          </li>
        ))}
        {result.moreCrossings.map((m) => (
          <li key={`more-${m.cheaper}-${m.dearer}`}>
            {label(m.cheaper)} and {label(m.dearer)} cross {m.count} more time{m.count === 1 ? '' : 's'} higher up, as units are added one at a time.
          </li>
        ))}
      </ul>
    </>
  )
}

/** The comparison itself: settings, the table at the current rate, the chart and the crossings. */
function CompareBody() {
  const estimateResult = useCalculator((s, sel) => sel.selectEstimate(s))
  const draft = useCalculator((s) => s.compare)
  const functions = useCalculator((s) => s.functions)
  const { settings, problems: typed } = useMemo(() => readSettings(draft), [draft])
  const priced: Priced | null = useMemo(
    () => (estimateResult.status === 'ok' ? { input: estimateResult.input, settings } : null),
    [estimateResult, settings],
  )
  const { value: settled, pending } = useSettled(priced, SETTLE_MS)
  const result = useMemo(() => (settled ? compareWaysToRun(settled.input, settled.settings) : null), [settled])
  const problems: Record<string, string> = { ...typed }
  for (const p of result?.problems ?? []) {
    const key = p.path.startsWith('compare.') ? p.path.slice(8) : ''
    if (key) problems[key] ??= p.message
  }
  const names = functions.map((f, i) => f.name || `Function ${i + 1}`)
  const accountProblem = result?.problems.find((p) => !p.path.startsWith('compare.'))
  return (
    <div className="compare-body" data-pending={pending ? 'true' : undefined} data-testid="compare-body">
      <Settings draft={draft} problems={problems} functionNames={names} />
      {estimateResult.status !== 'ok' ? (
        <p className="charts-empty">The comparison appears when the inputs are valid.</p>
      ) : !result ? (
        <p className="charts-empty">Pricing&hellip;</p>
      ) : accountProblem ? (
        <p className="charts-empty">{accountProblem.message}</p>
      ) : (
        <>
          <p className="compare-caveat">{result.caveat}</p>
          <WaysTable result={result} />
          <p className="field-hint">
            A choice in the last column is applied to the calculator itself: its region, the function&rsquo;s architecture, or the comparison&rsquo;s
            Fargate or EC2 setting.
          </p>
          <Suspense fallback={<p className="charts-loading">Loading the chart&hellip;</p>}>
            <CompareChart result={result} />
          </Suspense>
          <Crossings result={result} />
        </>
      )}
    </div>
  )
}

/** "Ways to run it, side by side": loaded lazily, priced only while open. */
export function ComputeComparePanel() {
  const open = useCalculator((s) => s.compare?.[spec('compareOpen').urlKey] === '1')
  const store = useCalculatorStore()
  return (
    <section className="compare-card" aria-labelledby="compare-title" data-testid="compare-panel">
      <h3 id="compare-title">Ways to run it, side by side</h3>
      <p className="field-hint">
        The same function as Lambda on demand, with provisioned concurrency, on Fargate or on EC2, across request rates. Fargate and EC2 are
        comparisons from bundled prices, not Lambda bills.
      </p>
      <details
        className="compare-details"
        open={open}
        onToggle={(e) => {
          const now = e.currentTarget.open
          if (now !== open) setCompare(store, { [spec('compareOpen').urlKey]: now ? '1' : '' })
        }}
      >
        <summary>Compare ways to run it</summary>
        {open ? <CompareBody /> : null}
      </details>
    </section>
  )
}
