import { useEffect, useState } from 'react'
import { useCalculator } from '../state/react'
import { formatUsd } from './format'

/**
 * The monthly total in a slim bar at the bottom of a narrow screen, where the
 * result comes after the inputs: on a phone the first screen shows the total
 * (of a new page or of a shared link) with the inputs above it, and "See the
 * bill" goes to the lines. The bar steps aside while the result's own total is
 * in view, and stays while a field has focus (the result may be in view under
 * the keyboard). The result card stays the one live region.
 */
export function TotalBar() {
  const result = useCalculator((s, sel) => sel.selectEstimate(s))
  const [resultInView, setResultInView] = useState(false)
  useEffect(() => {
    const total = document.querySelector('[data-testid="monthly-total"]')
    if (!total || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver((entries) => setResultInView(entries.some((e) => e.isIntersecting)))
    observer.observe(total)
    return () => observer.disconnect()
  }, [])
  const seeTheBill = () => {
    const card = document.querySelector<HTMLElement>('.result-card')
    card?.scrollIntoView({ block: 'start' })
    document.getElementById('result-title')?.focus({ preventScroll: true })
  }
  return (
    <aside className="total-bar" data-testid="total-bar" data-result-in-view={resultInView ? 'true' : undefined} aria-label="Monthly total">
      <span className="total-bar-label">Monthly cost</span>
      {result.status === 'ok' ? (
        <span className="total-bar-value">{formatUsd(result.estimate.totalUsd)}</span>
      ) : (
        <span className="total-bar-problem">{result.problems.length === 1 ? '1 problem to fix' : `${result.problems.length} problems to fix`}</span>
      )}
      <button type="button" className="button-secondary total-bar-go" onClick={seeTheBill}>
        {result.status === 'ok' ? 'See the bill' : 'See why'}
      </button>
    </aside>
  )
}
