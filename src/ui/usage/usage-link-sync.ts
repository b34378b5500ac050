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
export function linkedLog(data: UsageLinkData): ImportedLog {
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
  let withVolumes: { base: UsageLinkData; volumes: Readonly<Record<string, number>>; data: UsageLinkData } | null = null

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
      prepared = {
        log,
        data: ((log.linked?.data ?? log.linkData) as UsageLinkData | undefined) ?? prepareUsageLink(log, log.importedAt ?? Date.now()),
      }
    // the same data object while the log and volumes stay: its written forms are kept (see encodeUsageLink)
    if (withVolumes?.base !== prepared.data || withVolumes.volumes !== volumes)
      withVolumes = { base: prepared.data, volumes, data: withMonthlyRequests(prepared.data, volumes) }
    const { data } = withVolumes
    const budget = MAX_QUERY_LENGTH - encode(inputsOf(store.getState())).length - 4
    if (written && written.budget === budget && written.data === data) return
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
      const log = linkedLog(read.data)
      const volumes: Record<string, number> = {}
      for (const f of log.functions ?? [{ name: '', monthlyRequests: log.monthlyRequests }])
        if (f.monthlyRequests !== undefined) volumes[f.name] = f.monthlyRequests
      usageView.set({ log, volumes })
    }
  }
  let live = true
  write()
  // After the page has shown the import: summarising a log of millions of invocations takes a moment
  const stopView = usageView.subscribe(() => setTimeout(() => live && write()))
  // After the change that fits the link (a preset or Back replaces the estimate, and its history entry comes first)
  const stopStore = store.subscribe(() => queueMicrotask(() => live && write()))
  return () => {
    live = false
    stopView()
    stopStore()
  }
}
