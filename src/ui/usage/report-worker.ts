/// <reference lib="webworker" />
// Reads a log off the main thread: the page stays responsive while hundreds
// of MB are parsed. Cancel terminates the worker.
import { prepareUsageLink } from '../../state/usage-link'
import { transferables, type LogSource } from './read-log'
import { readImport } from './read-insights'

/** Messages from the worker. */
export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; log: import('./usage-view').ImportedLog | null }
  | { type: 'error'; message: string }

const scope = self as unknown as DedicatedWorkerGlobalScope

/** Progress at most every 50 ms: more only floods the page with messages. */
let lastReport = 0

scope.onmessage = async (event: MessageEvent<LogSource>) => {
  try {
    const log = await readImport(event.data, (p) => {
      const now = performance.now()
      if (now - lastReport < 50 && p.done < p.total) return
      lastReport = now
      scope.postMessage({ type: 'progress', done: p.done, total: p.total } satisfies WorkerReply)
    })
    if (log && !log.problem && log.sample.invocations > 0) {
      // The link's summary is a pass over every invocation (about half a second for 10M): here, not on the page.
      log.importedAt = Date.now()
      log.linkData = prepareUsageLink(log, log.importedAt)
    }
    scope.postMessage({ type: 'done', log } satisfies WorkerReply, log ? transferables(log.sample) : [])
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies WorkerReply)
  }
}
