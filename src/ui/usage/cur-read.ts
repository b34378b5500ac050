import {
  createCurParser,
  curWhatIfs,
  reconcileCur,
  type CurImport,
  type CurMonth,
  type CurReconciliation,
  type CurWhatIf,
  type CurWhatIfOptions,
} from '../../engine/index'
import type { LogSource, ReadProgress } from './read-log'

/** Characters parsed between progress reports (and, off the worker, between yields to the page). */
const CHUNK_CHARS = 1 << 21

/** What the panel shows of a CUR file: the latest month reconciled, the rows left out and its what-ifs. */
export interface CurResult {
  source: string
  rows: number
  rowsUsed: number
  rowsSkipped: number
  problems: CurImport['problems']
  problemCount: number
  reconciliation: CurReconciliation
  whatIfs: CurWhatIf[]
}

/**
 * Reads a CUR CSV in chunks with the engine's incremental reader, reporting
 * progress between chunks (`pause` lets the caller yield off the worker), then
 * reconciles it. Returns the import too, for later what-ifs; null if cancelled.
 */
export async function readCur(
  source: LogSource,
  onProgress: (p: ReadProgress) => void,
  pause: () => Promise<void> = () => Promise.resolve(),
  isCancelled: () => boolean = () => false,
): Promise<{ result: CurResult; imported: CurImport } | null> {
  const parser = createCurParser()
  let name = 'pasted text'
  if ('text' in source) {
    const text = source.text
    for (let at = 0; at < text.length; at += CHUNK_CHARS) {
      parser.push(text.slice(at, at + CHUNK_CHARS))
      onProgress({ done: Math.min(text.length, at + CHUNK_CHARS), total: text.length })
      await pause()
      if (isCancelled()) return null
    }
  } else {
    name = source.name
    const total = source.file.size
    const decoder = new TextDecoder()
    const reader = source.file.stream().getReader()
    let done = 0
    let pending = ''
    for (;;) {
      const chunk = await reader.read()
      if (chunk.done) break
      done += chunk.value.byteLength
      pending += decoder.decode(chunk.value, { stream: true })
      if (pending.length >= CHUNK_CHARS) {
        parser.push(pending)
        pending = ''
        onProgress({ done, total })
        await pause()
        if (isCancelled()) {
          await reader.cancel()
          return null
        }
      }
    }
    parser.push(pending + decoder.decode())
    onProgress({ done: total, total })
  }
  const imported = parser.finish()
  // The latest month first: the others are reconciled when asked for.
  let latest = ''
  for (const e of imported.entries) if (e.month > latest) latest = e.month
  const reconciliation = reconcileCur(imported, { months: [latest] })
  const result: CurResult = {
    source: name,
    rows: imported.rows,
    rowsUsed: imported.rowsUsed,
    rowsSkipped: imported.rowsSkipped,
    problems: imported.problems,
    problemCount: imported.problemCount,
    reconciliation,
    whatIfs: curWhatIfs(imported),
  }
  return { result, imported }
}

/** The what-ifs of an import under other options (a Savings Plan percentage, another memory size, a month). */
export function whatIfsOf(imported: CurImport, options: CurWhatIfOptions): CurWhatIf[] {
  return curWhatIfs(imported, options)
}

/** Another month of an import, reconciled, with its what-ifs. */
export function monthOf(imported: CurImport, month: string): { month: CurMonth | null; whatIfs: CurWhatIf[] } {
  const found = reconcileCur(imported, { months: [month] }).months[0] ?? null
  return { month: found, whatIfs: found ? curWhatIfs(imported, { month }) : [] }
}
