import { useState } from 'react'
import { averageWorkloads, defaultMonthlyRequests } from '../../engine/index'
import { useCalculatorStore } from '../../state/react'
import { formatNumber } from '../format'
import type { ImportedFunction } from './usage-view'

/** A function's short name: the log group's last part (`123456789012:/aws/lambda/orders` -> `orders`). */
export function shortName(logGroup: string): string {
  const last = logGroup.trim().split('/').at(-1) ?? ''
  return last || logGroup.trim()
}

/** Functions 1 to n, in words: "1 and 2", "1 to 5". */
function oneTo(n: number): string {
  return n === 2 ? '1 and 2' : `1 to ${formatNumber(n)}`
}

/**
 * Sets the calculator's functions 1 to N from the N imported functions: each
 * one's main memory size, average duration, monthly rate and cold starts.
 */
export function ApplyImports({ functions }: { functions: ImportedFunction[] }) {
  const store = useCalculatorStore()
  const [done, setDone] = useState<string | null>(null)
  const apply = () => {
    let set = 0
    for (const [i, f] of functions.entries()) {
      if (store.getState().functions.length <= i) store.getState().addFunction()
      const target = store.getState().functions[i]
      if (!target) break
      const main = averageWorkloads(f.sample).reduce((a, b) => (b.invocations > a.invocations ? b : a))
      store.getState().updateFunction(target.id, {
        name: shortName(f.name),
        memoryMb: String(main.memoryMb),
        durationMs: String(Math.max(0.01, main.meanDurationMs)),
        requests: String(defaultMonthlyRequests(f.sample)),
        per: 'month',
        coldStartPercent: main.coldPercent > 0 ? String(Number(main.coldPercent.toPrecision(4))) : '',
        initDurationMs: main.coldPercent > 0 ? String(main.meanInitMs) : '',
      })
      set++
    }
    setDone(
      set === functions.length
        ? `Functions ${oneTo(set)} now hold the ${formatNumber(set)} imported functions.`
        : `Only ${formatNumber(set)} of the ${formatNumber(functions.length)} functions fit in the calculator.`,
    )
  }
  return (
    <div className="usage-apply-all">
      <button type="button" className="button-secondary" onClick={apply}>
        {functions.length === 2 ? 'Apply both functions' : `Apply all ${formatNumber(functions.length)} functions`}
      </button>
      <p className="field-hint">
        Sets the calculator&rsquo;s functions {oneTo(functions.length)} (adding functions as needed) to each imported function&rsquo;s name, memory,
        average duration, monthly rate and cold starts: one bill for all of them, the free tier shared as AWS shares it.
      </p>
      {done ? (
        <p className="usage-applied" role="status">
          {done}
        </p>
      ) : null}
    </div>
  )
}
