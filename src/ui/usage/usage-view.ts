import { useSyncExternalStore } from 'react'
import type { PowerTuningResult, ReportSample, UsageStats } from '../../engine/index'

// View state of the "Import usage" panel and the memory chart, kept in a
// tiny module-level store rather than the calculator's: none of it is part
// of the estimate or the link (a log can be hundreds of MB and never leaves
// the page), but the panel and the lazily loaded chart must share it.

/** A log read in the browser. */
export interface ImportedLog {
  sample: ReportSample
  stats: UsageStats
  /** The file's name, or "pasted text". */
  source: string
  /** Characters read. */
  chars: number
  /** Why it cannot be billed (nothing read, or too many memory sizes for one estimate), said to the user instead of a result. */
  problem?: string
  /** The encoding it was read in when not UTF-8, and how that was known. */
  encoding?: string
  /** A Logs Insights histogram export: one entry per function (`sample` and `stats` are the first's). */
  functions?: ImportedFunction[]
}

/** One function of a Logs Insights histogram export. */
export interface ImportedFunction {
  /** The `function` value of its rows (the log group). */
  name: string
  sample: ReportSample
  stats: UsageStats
}

/** The memory curve's inputs: measured points, or the model the user controls. */
export interface MemoryModel {
  /** Share of the duration that is CPU-bound, 0-100 %. */
  cpuBoundPercent: number
  /** Multi-threaded code gains from more than one vCPU above 1,769 MB. */
  multiThreaded: boolean
}

export interface UsageViewState {
  log: ImportedLog | null
  powerTuning: PowerTuningResult | null
  model: MemoryModel
}

type Listener = () => void

/** A store of one value with subscribe/get/set: enough for view state shared by two components. */
export function createViewStore<T>(initial: T) {
  let state = initial
  const listeners = new Set<Listener>()
  return {
    get: () => state,
    set(patch: Partial<T>) {
      state = { ...state, ...patch }
      for (const l of listeners) l()
    },
    subscribe(l: Listener) {
      listeners.add(l)
      return () => {
        listeners.delete(l)
      }
    },
  }
}

export const INITIAL_VIEW: UsageViewState = { log: null, powerTuning: null, model: { cpuBoundPercent: 0, multiThreaded: false } }

/** The page's one usage view. */
export const usageView = createViewStore<UsageViewState>(INITIAL_VIEW)

/** Reads part of the usage view; `selector` must return a stable value for a given state. */
export function useUsageView<T>(selector: (s: UsageViewState) => T): T {
  return useSyncExternalStore(usageView.subscribe, () => selector(usageView.get()))
}
