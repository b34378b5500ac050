// The cold-start estimate (src/engine/cold-start.ts) of a function as typed in the form.
import { estimateColdStarts, isRequestUnit, type ColdStartEstimate } from '../engine/index'
import { parseNumberText } from './selectors'
import type { FunctionDraft } from './store'

export { ASSUMED_ENVIRONMENT_LIFETIME_MINUTES, ASSUMED_IDLE_MINUTES } from '../engine/index'
export type { ColdStartEstimate } from '../engine/index'

/** A field's text as a finite number; null when it is none. */
function numberOf(text: string): number | null {
  const value = parseNumberText(text)
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * The engine's cold-start estimate for the function the form holds, or null
 * while a field it reads is not a number (or the workload runs nothing on demand).
 *
 * @example coldStartsOfDraft(defaultFunction())?.percentText // '0.024'
 */
export function coldStartsOfDraft(fn: FunctionDraft): ColdStartEstimate | null {
  const requests = numberOf(fn.requests)
  const durationMs = numberOf(fn.durationMs)
  if (requests === null || durationMs === null || !isRequestUnit(fn.per)) return null
  const optional = (text: string): number | undefined | null => (text.trim() === '' ? undefined : numberOf(text))
  const provisionedConcurrency = optional(fn.provisionedConcurrency)
  const provisionedSharePercent = optional(fn.provisionedSharePercent)
  if (provisionedConcurrency === null || provisionedSharePercent === null) return null
  return estimateColdStarts({ requests, per: fn.per, durationMs, provisionedConcurrency, provisionedSharePercent, edge: fn.edge })
}
