import type { LogSource, ReadProgress } from './read-log'
import type { WorkerReply } from './report-worker'
import type { ImportedLog } from './usage-view'

/** A read under way: its result (null when cancelled) and a way to stop it. */
export interface ImportJob {
  result: Promise<ImportedLog | null>
  cancel(): void
}

/**
 * Reads a log in a Web Worker, so a big file never blocks the page; where
 * workers are missing (tests in jsdom) the same code runs here, yielding to
 * the page between chunks.
 */
export function startImport(source: LogSource, onProgress: (p: ReadProgress) => void): ImportJob {
  if (typeof Worker === 'undefined') return inline(source, onProgress)
  const worker = new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module' })
  let settle: (log: ImportedLog | null) => void = () => {}
  const result = new Promise<ImportedLog | null>((resolve, reject) => {
    settle = resolve
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data
      if (reply.type === 'progress') onProgress({ done: reply.done, total: reply.total })
      else {
        worker.terminate()
        if (reply.type === 'done') resolve(reply.log)
        else reject(new Error(reply.message))
      }
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'The log reader stopped unexpectedly.'))
    }
  })
  worker.postMessage(source)
  return {
    result,
    cancel() {
      worker.terminate()
      settle(null)
    },
  }
}

function inline(source: LogSource, onProgress: (p: ReadProgress) => void): ImportJob {
  let cancelled = false
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
  return {
    result: import('./read-insights').then((m) => m.readImport(source, onProgress, pause, () => cancelled)),
    cancel() {
      cancelled = true
    },
  }
}
