import {
  costPoint,
  estimate,
  InvalidInputError,
  modelDurationMs,
  type CostPoint,
  type Estimate,
  type EstimateInput,
  type PowerTuningResult,
} from '../../engine/index'
import type { MemoryModel } from './usage-view'

// Cost-vs-memory points computed with the engine's estimate() per size: the
// whole month (requests, tiers, free tier, cold starts), not just compute.

/** A point of the memory curve: the month's bill at one size, and the duration it assumes. */
export interface MemoryPoint extends CostPoint {
  durationMs: number
  /** The month's bill over its requests, USD (all lines); null without requests. */
  usdPerRequest: number | null
  /** What power tuning reported per invocation (compute only), USD, where measured. */
  reportedUsd?: number
}

function pointOf(memoryMb: number, durationMs: number, e: Estimate): MemoryPoint {
  return { ...costPoint(memoryMb, e), durationMs, usdPerRequest: e.costPerRequestUsd === null ? null : Number(e.costPerRequestUsd) }
}

/** The input with its first function at another memory size and duration. */
function at(input: EstimateInput, memoryMb: number, durationMs: number): EstimateInput {
  const functions = input.functions.slice()
  functions[0] = { ...functions[0]!, memoryMb, durationMs }
  return { ...input, functions }
}

/** Measured sizes the sheet does not allow, with the engine's reason. */
export interface SkippedSize {
  memoryMb: number
  reason: string
}

/**
 * The month's bill of the first function at each size power tuning measured,
 * with the duration measured there; sizes the sheet rejects are skipped with
 * the reason.
 */
export function measuredCurve(input: EstimateInput, result: PowerTuningResult): { points: MemoryPoint[]; skipped: SkippedSize[] } {
  const points: MemoryPoint[] = []
  const skipped: SkippedSize[] = []
  for (const m of result.points) {
    try {
      const p = pointOf(m.memoryMb, m.durationMs, estimate(at(input, m.memoryMb, m.durationMs)))
      if (m.costUsd !== undefined) p.reportedUsd = m.costUsd
      points.push(p)
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e
      skipped.push({ memoryMb: m.memoryMb, reason: e.problems.map((x) => x.message).join(' ') })
    }
  }
  return { points, skipped }
}

/**
 * The month's bill of the first function at each size, its duration from the
 * user's model (the CPU-bound share scales with the vCPU share; the rest is
 * fixed), starting from the duration entered at the memory entered.
 */
export function modelledCurve(input: EstimateInput, sizesMb: readonly number[], model: MemoryModel): MemoryPoint[] {
  const fn = input.functions[0]!
  const out: MemoryPoint[] = []
  for (const memoryMb of sizesMb) {
    const durationMs = Math.max(
      0.01,
      modelDurationMs({
        durationMs: fn.durationMs,
        atMemoryMb: fn.memoryMb,
        memoryMb,
        cpuBoundPercent: model.cpuBoundPercent,
        multiThreaded: model.multiThreaded,
      }),
    )
    try {
      out.push(pointOf(memoryMb, durationMs, estimate(at(input, memoryMb, durationMs))))
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e
    }
  }
  return out
}

/** How far above the cheapest a faster size may cost and still be worth naming, %. */
export const NEAR_CHEAPEST_PERCENT = 10

/**
 * The cheapest point (the smaller size on a tie) and the fastest point that
 * costs at most 10 % more than it (the cheaper on a tie). Null for no points.
 */
export function cheapestAndFastest(points: readonly MemoryPoint[]): { cheapest: MemoryPoint; fastest: MemoryPoint } | null {
  if (points.length === 0) return null
  let cheapest = points[0]!
  for (const p of points) if (p.totalCents < cheapest.totalCents || (p.totalCents === cheapest.totalCents && p.x < cheapest.x)) cheapest = p
  // within 10 %: total x 100 <= cheapest x 110, in whole cents
  const near = points.filter((p) => p.totalCents * 100 <= cheapest.totalCents * (100 + NEAR_CHEAPEST_PERCENT))
  let fastest = cheapest
  for (const p of near)
    if (p.durationMs < fastest.durationMs || (p.durationMs === fastest.durationMs && p.totalCents < fastest.totalCents)) fastest = p
  return { cheapest, fastest }
}
