import { useDeferredValue, useMemo } from 'react'
import { adviceFor, type AdviceOptions, type EstimateInput } from '../engine/index'
import { useUsageView } from './usage/usage-view'
import './advice.css'

// Ways to pay less, under the total: loaded after it (the engine's fast path,
// which prices each alternative, is not in the initial JavaScript).

/** The most memory the imported log's invocations used, MB, or undefined without a log (or one that reports none). */
function peakOf(used: readonly number[] | undefined): number | undefined {
  let peak = 0
  for (const m of used ?? []) if (m > peak) peak = m
  return peak > 0 ? peak : undefined
}

/**
 * What the engine knows would lower this bill, one line each with its saving,
 * the largest first: nothing at all when nothing applies. Memory advice follows
 * the power-tuning measurements or the duration model of the memory chart.
 */
export default function AdviceList({ input }: { input: EstimateInput }) {
  // A keystroke's total first; the alternatives are priced after it.
  const settled = useDeferredValue(input)
  const measured = useUsageView((s) => s.powerTuning)
  const model = useUsageView((s) => s.model)
  const used = useUsageView((s) => s.log?.sample.maxMemoryUsedByMemoryMb)
  const advice = useMemo(() => {
    const memory: NonNullable<AdviceOptions['memory']> = { cpuBoundPercent: model.cpuBoundPercent, multiThreaded: model.multiThreaded }
    if (measured) memory.measured = measured.points
    const peak = peakOf(used)
    if (peak !== undefined) memory.peakMemoryUsedMb = peak
    return adviceFor(settled, { memory })
  }, [settled, measured, model, used])
  if (advice.length === 0) return null
  return (
    <ul className="advice" aria-label="Ways to pay less" data-testid="advice">
      {advice.map((a) => (
        <li key={`${a.kind}-${a.functionIndex ?? ''}`}>{a.text}</li>
      ))}
    </ul>
  )
}
