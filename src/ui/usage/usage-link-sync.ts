import { encode, MAX_QUERY_LENGTH } from '../../state/url-codec'
import { inputsOf, type CalculatorStore } from '../../state/store'
import {
  decodeUsageLink,
  encodeUsageLink,
  importedDate,
  linkedFunctions,
  prepareUsageLink,
  withMonthlyRequests,
  type UsageLinkData,
} from '../../state/usage-link'
import { usageView, type ImportedLog, type LinkFit, type UsageLinkHost } from './usage-view'

/** Whether the usage the page's address carried was read: once a page. */
let opened = false

function setLinkFit(linkFit: LinkFit | null): void {
  if (usageView.get().linkFit !== linkFit) usageView.set({ linkFit })
}

/** The usage a link's data describes, as the panel shows an imported log. */
function logOf(data: UsageLinkData): ImportedLog {
  const functions = linkedFunctions(data).map((f) => {
    const one: NonNullable<ImportedLog['functions']>[number] = { name: f.name, sample: f.sample, stats: f.stats }
    if (f.classicSample) one.classicSample = f.classicSample
    if (f.monthlyRequests !== null) one.monthlyRequests = f.monthlyRequests
    return one
  })
  const { name: _name, ...first } = functions[0]!
  const log: ImportedLog = {
    ...first,
    source: data.source,
    chars: 0,
    linked: {
      importedOn: importedDate(data),
      insights: data.insights,
      approximate: data.approximate,
      statsRedrawn: linkedFunctions(data).some((f) => f.statsRedrawn),
      data,
    },
  }
  if (data.insights) log.functions = functions
  return log
}

/**
 * Keeps the page's link in step with the imported usage: every import, clear,
 * reset, volume typed or change of the estimate rewrites `iu` to fit beside
 * the estimate within the link bound. The usage the page was opened with is
 * shown (or its problem put on the link notice) first. Returns the stop.
 */
export function syncUsageLink(host: UsageLinkHost, store: CalculatorStore): () => void {
  if (!host.usage) return () => {}
  const usage = host.usage.bind(host)
  let prepared: { log: ImportedLog; data: UsageLinkData } | null = null
  let written: { data: UsageLinkData; budget: number } | null = null

  const write = () => {
    const { log, volumes } = usageView.get()
    if (!log || log.problem) {
      prepared = written = null
      setLinkFit(null)
      if (usage() !== '') usage('')
      return
    }
    // prepared once a log (a pass over its invocations), then only written
    if (prepared?.log !== log)
      prepared = { log, data: (log.linked?.data as UsageLinkData | undefined) ?? prepareUsageLink(log, log.importedAt ?? Date.now()) }
    const data = withMonthlyRequests(prepared.data, volumes)
    const budget = MAX_QUERY_LENGTH - encode(inputsOf(store.getState())).length - 4
    if (written && written.budget === budget && sameData(written.data, data)) return
    written = { data, budget }
    const encoded = encodeUsageLink(data, budget)
    setLinkFit(encoded === null ? 'left-out' : encoded.approximate ? 'approximate' : 'exact')
    usage(encoded === null ? '' : `&iu=${encodeURIComponent(encoded.value)}`)
  }

  const startValue = usage()
  if (!opened && startValue !== '') {
    opened = true
    const read = (() => {
      try {
        return decodeUsageLink(decodeURIComponent(startValue.slice(4)))
      } catch {
        return decodeUsageLink(null)
      }
    })()
    if ('problem' in read) usageView.set({ linkProblem: read.problem.message })
    else if (usageView.get().log === null) {
      const log = logOf(read.data)
      const volumes: Record<string, number> = {}
      for (const f of log.functions ?? [{ name: '', monthlyRequests: log.monthlyRequests }])
        if (f.monthlyRequests !== undefined) volumes[f.name] = f.monthlyRequests
      usageView.set({ log, volumes })
    }
  }
  write()
  const stopView = usageView.subscribe(write)
  // After the change that fits the link (a preset or Back replaces the estimate, and its history entry comes first)
  let live = true
  const stopStore = store.subscribe(() => queueMicrotask(() => live && write()))
  return () => {
    live = false
    stopView()
    stopStore()
  }
}

function sameData(a: UsageLinkData, b: UsageLinkData): boolean {
  return (
    a.functions.length === b.functions.length &&
    a.functions.every(
      (f, i) => f === b.functions[i] || (f.groups === b.functions[i]!.groups && f.monthlyRequests === b.functions[i]!.monthlyRequests),
    )
  )
}
