// A rough estimate of a function's cold-start share from its workload, for a
// user who has no figure of their own (CloudWatch's Init Duration count over
// invocations is the real one). Not money: plain doubles are fine here.
import { HOURS_PER_MONTH, MAX_DURATION_MS } from './fields'
import { monthlyRequestsText } from './requests'
import type { FunctionInput } from './types'

/**
 * Assumed: Lambda replaces a busy execution environment about every 2 hours.
 * AWS publishes no lifetime; environments are recycled periodically even under
 * steady traffic.
 *
 * @example ASSUMED_ENVIRONMENT_LIFETIME_MINUTES / 60 // 2 (hours)
 */
export const ASSUMED_ENVIRONMENT_LIFETIME_MINUTES = 120
/**
 * Assumed: an execution environment left idle for 5 minutes is reclaimed. AWS publishes no figure.
 *
 * @example ASSUMED_IDLE_MINUTES // 5
 */
export const ASSUMED_IDLE_MINUTES = 5
/** Seconds in the 730-hour month. */
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600

/**
 * What the cold-start estimate reads of a function.
 *
 * @example { requests: 50, per: 'second', durationMs: 250 }
 */
export type ColdStartWorkload = Pick<FunctionInput, 'requests' | 'per' | 'durationMs' | 'provisionedConcurrency' | 'provisionedSharePercent' | 'edge'>

/**
 * The estimate and what it rests on.
 *
 * @example { percent: 0.024, percentText: '0.024', requestsPerSecond: 1.14, environments: 2 }
 */
export interface ColdStartEstimate {
  /** The estimated share of on-demand invocations that start cold, %, to two significant digits. */
  percent: number
  /** `percent` as the text the field takes, e.g. `"0.024"`. */
  percentText: string
  /** On-demand requests a second, averaged over the month. */
  requestsPerSecond: number
  /** Environments the steady load keeps busy: requests a second x duration, rounded up, at least 1. */
  environments: number
}

/**
 * The cold-start share a steady workload would see, or null when the workload
 * is not a valid one or runs nothing on demand.
 *
 * Model (traffic spread evenly over the month, arrivals at random):
 * - environments N = max(1, ceil(requests a second x duration s)), each receiving
 *   λ = requests a second / N;
 * - a request finds its environment reclaimed when the gap since that
 *   environment's last request exceeds the idle time T: probability e^(-λT);
 * - each environment is replaced every lifetime L: 1 / (λL) of its requests are
 *   its first (at most all of them);
 * - cold share = 1 - (1 - e^(-λT)) x (1 - min(1, 1 / (λL))).
 *
 * Bursts, deployments and scaling out add cold starts this leaves out.
 *
 * @example estimateColdStarts({ requests: 3_000_000, durationMs: 1000 })?.percentText // '0.024' (2 environments)
 */
export function estimateColdStarts(fn: ColdStartWorkload): ColdStartEstimate | null {
  const { requests, durationMs } = fn
  const per = fn.per ?? 'month'
  if (!Number.isFinite(requests) || !Number.isFinite(durationMs) || requests <= 0 || requests > 1e21) return null
  if (durationMs <= 0 || durationMs > MAX_DURATION_MS) return null
  let perMonth = Number(monthlyRequestsText(requests, per))
  // Requests served by provisioned environments never start cold.
  const provisioned = fn.provisionedConcurrency ?? 0
  if (!Number.isFinite(provisioned) || provisioned < 0) return null
  if (provisioned > 0 && !fn.edge) {
    const share = fn.provisionedSharePercent ?? 100
    if (!Number.isFinite(share) || share < 0 || share > 100) return null
    perMonth *= 1 - share / 100
  }
  if (!(perMonth > 0) || !Number.isFinite(perMonth)) return null
  const requestsPerSecond = perMonth / SECONDS_PER_MONTH
  const environments = Math.max(1, Math.ceil(requestsPerSecond * (durationMs / 1000)))
  const perEnvironment = requestsPerSecond / environments
  const idle = Math.exp(-perEnvironment * ASSUMED_IDLE_MINUTES * 60)
  const replaced = Math.min(1, 1 / (perEnvironment * ASSUMED_ENVIRONMENT_LIFETIME_MINUTES * 60))
  const share = 1 - (1 - idle) * (1 - replaced)
  const percent = Math.min(100, Number((share * 100).toPrecision(2)))
  return { percent, percentText: String(percent), requestsPerSecond, environments }
}
