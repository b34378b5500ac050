import type { CurImport, CurMonth, CurWhatIf, CurWhatIfOptions } from '../../engine/index'
import type { CurResult } from './cur-read'
import type { CurReply, CurRequest } from './cur-worker'
import type { LogSource, ReadProgress } from './read-log'

/** A CUR file read in a Worker (or here, where workers are missing): its result, what-ifs on demand, and Cancel. */
export interface CurSession {
  result: Promise<CurResult | null>
  whatIfs(options: CurWhatIfOptions): Promise<CurWhatIf[]>
  /** Another month, reconciled, with its what-ifs. */
  month(month: string): Promise<{ month: CurMonth | null; whatIfs: CurWhatIf[] }>
  /** Stops a read under way and lets the worker go. */
  close(): void
}

/** Starts reading `source`; the worker keeps the import for later what-ifs until `close`. */
export function startCurImport(source: LogSource, onProgress: (p: ReadProgress) => void): CurSession {
  if (typeof Worker === 'undefined') return inline(source, onProgress)
  const worker = new Worker(new URL('./cur-worker.ts', import.meta.url), { type: 'module' })
  const pending = new Map<number, (reply: CurReply) => void>()
  let next = 0
  let settle: (r: CurResult | null) => void = () => {}
  const result = new Promise<CurResult | null>((resolve, reject) => {
    settle = resolve
    worker.onmessage = (event: MessageEvent<CurReply>) => {
      const reply = event.data
      if (reply.type === 'progress') onProgress({ done: reply.done, total: reply.total })
      else if (reply.type === 'done') resolve(reply.result)
      else if (reply.type === 'what-if' || reply.type === 'month') {
        pending.get(reply.id)?.(reply)
        pending.delete(reply.id)
      } else {
        worker.terminate()
        reject(new Error(reply.message))
      }
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'The CUR reader stopped unexpectedly.'))
    }
  })
  worker.postMessage({ type: 'read', source } satisfies CurRequest)
  return {
    result,
    whatIfs(options) {
      const id = ++next
      return new Promise((resolve) => {
        pending.set(id, (reply) => resolve(reply.type === 'what-if' ? reply.whatIfs : []))
        worker.postMessage({ type: 'what-if', id, options } satisfies CurRequest)
      })
    },
    month(month) {
      const id = ++next
      return new Promise((resolve) => {
        pending.set(id, (reply) => resolve(reply.type === 'month' ? { month: reply.month, whatIfs: reply.whatIfs } : { month: null, whatIfs: [] }))
        worker.postMessage({ type: 'month', id, month } satisfies CurRequest)
      })
    },
    close() {
      worker.terminate()
      settle(null)
      for (const resolve of pending.values()) resolve({ type: 'what-if', id: 0, whatIfs: [] })
      pending.clear()
    },
  }
}

function inline(source: LogSource, onProgress: (p: ReadProgress) => void): CurSession {
  let cancelled = false
  let imported: CurImport | null = null
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
  const result = import('./cur-read').then(async (m) => {
    const read = await m.readCur(source, onProgress, pause, () => cancelled)
    imported = read?.imported ?? null
    return read?.result ?? null
  })
  return {
    result,
    async whatIfs(options) {
      const m = await import('./cur-read')
      return imported ? m.whatIfsOf(imported, options) : []
    },
    async month(month) {
      const m = await import('./cur-read')
      return imported ? m.monthOf(imported, month) : { month: null, whatIfs: [] }
    },
    close() {
      cancelled = true
    },
  }
}
