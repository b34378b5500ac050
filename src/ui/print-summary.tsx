import { useCallback, useSyncExternalStore } from 'react'
import { PRICE_SHEETS, REQUEST_UNIT_LABELS, stripUnsafeCharacters } from '../engine/index'
import { useCalculator, useCalculatorStore } from '../state/react'
import { parseNumberText } from '../state/selectors'
import { EXTRA_SPECS, isExtraSet, type FunctionDraft } from '../state/store'
import { formatNumber, keepUnitsWhole } from './format'

/** A typed number as printed: grouped when it is one ("1,024"), else as typed. */
function typed(text: string): string {
  const value = parseNumberText(text)
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e21 ? formatNumber(value) : text.trim()
}

/**
 * The options of one section a function sets ("More options", or what it has
 * "Beside Lambda"), as "Cold starts (%): 5", one string each.
 */
function optionsOf(fn: FunctionDraft, group: 'beside' | 'more'): string[] {
  return EXTRA_SPECS.filter((spec) => (spec.group === 'beside') === (group === 'beside') && isExtraSet(fn, spec)).map((spec) => {
    const value = fn[spec.key]
    const shown =
      typeof value === 'boolean'
        ? value
          ? 'on'
          : 'off'
        : spec.choices
          ? (spec.choices.find((c) => c.value === value)?.label ?? value)
          : typed(value)
    return `${spec.label}: ${shown}`
  })
}

/**
 * On paper, the inputs in a few lines instead of the form: the account in a
 * sentence, each function in a row of a table. The form itself is not printed.
 */
export function PrintSummary() {
  const sheet = useCalculator((s) => s.sheet)
  const region = useCalculator((s) => s.region)
  const freeTier = useCalculator((s) => s.freeTier)
  const plan = useCalculator((s) => (s.savingsPlanPercent ?? '').trim())
  const apiFreeTier = useCalculator((s) => s.apiGatewayFreeTier === true)
  const functions = useCalculator((s) => s.functions)
  const classic = sheet === 'aws-2016'
  const account = [
    classic
      ? 'Classic (2016) price sheet'
      : `Current price sheet, ${region}${PRICE_SHEETS[sheet].regions[region] ? `: ${PRICE_SHEETS[sheet].regions[region]!.name}` : ''}`,
    freeTier ? 'free tier included' : 'no free tier',
    ...(!classic && plan !== '' ? [`Compute Savings Plan ${typed(plan)} %`] : []),
    ...(!classic && apiFreeTier ? ['API Gateway free tier (new account)'] : []),
  ]
  // A column for the services beside Lambda only where a function prices one.
  const beside = functions.some((fn) => optionsOf(fn, 'beside').length > 0)
  return (
    <section className="print-only print-summary" aria-labelledby="print-summary-title">
      <h2 id="print-summary-title">Inputs</h2>
      <p>{account.join(', ')}.</p>
      <table className="print-inputs">
        <thead>
          <tr>
            <th scope="col">Function</th>
            <th scope="col">Memory</th>
            <th scope="col">Duration</th>
            <th scope="col">Requests</th>
            <th scope="col">Architecture</th>
            <th scope="col">Storage</th>
            <th scope="col">More options</th>
            {beside ? <th scope="col">Beside Lambda</th> : null}
          </tr>
        </thead>
        <tbody>
          {functions.map((fn, i) => {
            const options = optionsOf(fn, 'more')
            const besides = optionsOf(fn, 'beside')
            return (
              <tr key={fn.id}>
                <th scope="row">{stripUnsafeCharacters(fn.name).trim() || `Function ${i + 1}`}</th>
                <td>{typed(fn.memoryMb)}&nbsp;MB</td>
                <td>{typed(fn.durationMs)}&nbsp;ms</td>
                <td>
                  {typed(fn.requests)} {REQUEST_UNIT_LABELS[fn.per] ?? fn.per}
                </td>
                <td>{classic ? 'x86_64' : fn.architecture}</td>
                <td>{classic ? '512\u00a0MB' : `${typed(fn.ephemeralStorageMb)}\u00a0MB`}</td>
                <td>
                  {options.length === 0 ? '\u2014' : keepUnitsWhole(options.join('; '))}
                  {classic && options.length > 0 ? ' (not billed on the classic sheet)' : ''}
                </td>
                {beside ? (
                  <td>
                    {besides.length === 0 ? '\u2014' : keepUnitsWhole(besides.join('; '))}
                    {classic && besides.length > 0 ? ' (not billed on the classic sheet)' : ''}
                  </td>
                ) : null}
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

/** The page's link, as the printed link reaches it (the app's URL sync). */
export interface PrintLinkHost {
  /** The link Copy link gives. */
  shareUrl(): string
  /** Calls `listener` when the link changes other than through the store (the imported usage it carries); returns the stop. */
  subscribe?(listener: () => void): () => void
}

/**
 * On paper, the link that reproduces the printed estimate: the link Copy link
 * gives at that moment, kept current through every change of the inputs and
 * of the imported usage the link carries.
 */
export function PrintLink({ link }: { link: PrintLinkHost }) {
  const store = useCalculatorStore()
  const subscribe = useCallback(
    (changed: () => void) => {
      const stopStore = store.subscribe(changed)
      const stopUsage = link.subscribe?.(changed)
      return () => {
        stopStore()
        stopUsage?.()
      }
    },
    [store, link],
  )
  // Loaded once the page is live: the address is the browser's (none where the page is rendered ahead of time).
  const url = useSyncExternalStore(
    subscribe,
    () => link.shareUrl(),
    () => '',
  )
  return (
    <p className="print-only print-link">
      This estimate: <span>{url}</span>
    </p>
  )
}
