import { useSyncExternalStore } from 'react'
import type { PowerTuningResult, ReportSample, UsageStats } from '../../engine/index'

// View state of the "Import usage" panel and the memory chart, kept in a
// tiny module-level store rather than the calculator's: none of it is part
// of the estimate (a log can be hundreds of MB and never leaves the page),
// but the panel and the lazily loaded chart must share it. The link carries
// a compact summary of the imported log (see UsageLinking), not the log.

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
  /** The classic sheet's sample, where it differs from `sample` (usage read from a link). */
  classicSample?: ReportSample
  /** The requests a month a link set for it (the first function's, for an export). */
  monthlyRequests?: number
  /** When it was imported, epoch ms. */
  importedAt?: number
  /** Its summary for the page's link (src/state/usage-link.ts), made where it was read. */
  linkData?: unknown
  /** Read from a link rather than from a log. */
  linked?: LinkedUsage
}

/** What a link said of the imported usage it carried. */
export interface LinkedUsage {
  /** The day it was imported, YYYY-MM-DD. */
  importedOn: string
  /** A Logs Insights export (rows), rather than a log read line by line. */
  insights: boolean
  /** Merged across 100 ms steps to fit the link: the classic sheet's bill is known within bounds. */
  approximate: boolean
  /** The histogram and percentiles as shown where the link was made were left out: drawn from the link's rows. */
  statsRedrawn: boolean
  /** The link's own data, to write it again unchanged. */
  data: unknown
}

/** How the imported usage fits in the page's link. */
export type LinkFit = 'exact' | 'approximate' | 'left-out'

/** The page's link, as the usage panel reaches it (the app's URL sync). */
export interface UsageLinkHost {
  /** The `&iu=...` the link carries after the estimate ('' for none); with `next`, sets it. */
  usage?(next?: string): string
}

/** One function of a Logs Insights histogram export. */
export interface ImportedFunction {
  /** The `function` value of its rows (the log group). */
  name: string
  sample: ReportSample
  stats: UsageStats
  /** The classic sheet's sample, where it differs from `sample` (usage read from a link). */
  classicSample?: ReportSample
  /** The requests a month a link set for it. */
  monthlyRequests?: number
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
  /** How the log fits in the page's link; null without a log. */
  linkFit: LinkFit | null
  /** Why the imported usage the page's link carried cannot be shown; null when it could (or there was none). */
  linkProblem: string | null
  /** Requests a month typed for the log's functions, by name ('' for a log read line by line): the link carries them. */
  volumes: Readonly<Record<string, number>>
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

export const INITIAL_VIEW: UsageViewState = {
  log: null,
  linkFit: null,
  linkProblem: null,
  volumes: {},
  powerTuning: null,
  model: { cpuBoundPercent: 0, multiThreaded: false },
}

/** The page's one usage view. */
export const usageView = createViewStore<UsageViewState>(INITIAL_VIEW)

/** Reads part of the usage view; `selector` must return a stable value for a given state. */
export function useUsageView<T>(selector: (s: UsageViewState) => T): T {
  return useSyncExternalStore(usageView.subscribe, () => selector(usageView.get()))
}
