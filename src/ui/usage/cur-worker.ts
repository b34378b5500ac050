/// <reference lib="webworker" />
// Reads a CUR CSV off the main thread and keeps it, so what-ifs under other
// options are priced here too. Cancel terminates the worker.
import type { CurImport, CurMonth, CurWhatIf, CurWhatIfOptions } from '../../engine/index'
import { monthOf, readCur, whatIfsOf, type CurResult } from './cur-read'
import type { LogSource } from './read-log'

/** Messages to the worker. */
export type CurRequest =
  { type: 'read'; source: LogSource } | { type: 'what-if'; id: number; options: CurWhatIfOptions } | { type: 'month'; id: number; month: string }

/** Messages from the worker. */
export type CurReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: CurResult }
  | { type: 'what-if'; id: number; whatIfs: CurWhatIf[] }
  | { type: 'month'; id: number; month: CurMonth | null; whatIfs: CurWhatIf[] }
  | { type: 'error'; message: string }

const scope = self as unknown as DedicatedWorkerGlobalScope
let imported: CurImport | null = null
let lastReport = 0

scope.onmessage = async (event: MessageEvent<CurRequest>) => {
  const request = event.data
  try {
    if (request.type === 'month') {
      const found = imported ? monthOf(imported, request.month) : { month: null, whatIfs: [] }
      scope.postMessage({ type: 'month', id: request.id, ...found } satisfies CurReply)
      return
    }
    if (request.type === 'what-if') {
      scope.postMessage({ type: 'what-if', id: request.id, whatIfs: imported ? whatIfsOf(imported, request.options) : [] } satisfies CurReply)
      return
    }
    const read = await readCur(request.source, (p) => {
      const now = performance.now()
      if (now - lastReport < 50 && p.done < p.total) return
      lastReport = now
      scope.postMessage({ type: 'progress', done: p.done, total: p.total } satisfies CurReply)
    })
    imported = read?.imported ?? null
    if (read) scope.postMessage({ type: 'done', result: read.result } satisfies CurReply)
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies CurReply)
  }
}
