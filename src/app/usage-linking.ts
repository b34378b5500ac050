import type { UrlProblem } from '../state/url-codec'
import type { UrlSync } from '../state/url-sync'
import type { UsageLinkData, UsageLinkSource } from '../state/usage-link'
import type { ImportedLog, LinkFit, UsageLinking } from '../ui/usage/usage-view'

// The compact form's reader and writer load with the usage panel, never with the page.
const loadCodec = () => import('../state/usage-link')

/**
 * Joins the usage panel to the page's link: an imported log goes into `u`
 * (as much of it as fits beside the estimate), and a link's `u` comes back
 * as the usage it summarises. A value that cannot be used is reported on the
 * link notice (`onProblem`), like any key of the link.
 */
export function createUsageLinking(urlSync: UrlSync, onProblem: (problem: UrlProblem) => void, onFit: (fit: LinkFit | null) => void): UsageLinking {
  const opened = urlSync.openedUsage ?? null
  let latest = 0
  let prepared: { log: UsageLinkSource; data: UsageLinkData } | null = null
  let fit: LinkFit | null = null
  const setFit = (next: LinkFit | null) => {
    if (next === fit) return
    fit = next
    // the link is also written while the page renders (the printed link): say so after it
    queueMicrotask(() => onFit(next))
  }
  return {
    opened,
    async open() {
      if (opened === null) return null
      const codec = await loadCodec()
      const read = codec.decodeUsageLink(opened)
      if ('problem' in read) {
        urlSync.setUsage?.(null)
        onProblem({ key: 'u', value: opened.length > 40 ? `${opened.slice(0, 40)}…` : opened, message: read.problem.message })
        return { problem: read.problem.message }
      }
      const { data } = read
      const functions = codec.linkedFunctions(data)
      const linked = {
        importedOn: codec.importedDate(data),
        insights: data.insights,
        approximate: data.approximate,
        statsRedrawn: functions.some((f) => f.statsRedrawn),
        data,
      }
      const shown = functions.map((f) => {
        const one: NonNullable<ImportedLog['functions']>[number] = { name: f.name, sample: f.sample, stats: f.stats }
        if (f.classicSample) one.classicSample = f.classicSample
        if (f.monthlyRequests !== null) one.monthlyRequests = f.monthlyRequests
        return one
      })
      const { name: _name, ...first } = shown[0]!
      const log: ImportedLog = { ...first, source: data.source, chars: 0, linked }
      if (data.insights) log.functions = shown
      return { log }
    },
    async share(log, volumes) {
      const ticket = ++latest
      if (!log || log.problem || !urlSync.setUsage) {
        urlSync.setUsage?.(null)
        setFit(null)
        return
      }
      const codec = await loadCodec()
      if (ticket !== latest) return
      // prepared once a log (a pass over its invocations), then only written
      if (prepared?.log !== log) prepared = { log, data: (log.linked?.data as UsageLinkData | undefined) ?? codec.prepareUsageLink(log, Date.now()) }
      const data = codec.withMonthlyRequests(prepared.data, volumes)
      urlSync.setUsage((budget) => {
        const encoded = codec.encodeUsageLink(data, budget)
        setFit(encoded === null ? 'left-out' : encoded.approximate ? 'approximate' : 'exact')
        return encoded?.value ?? null
      })
    },
  }
}
