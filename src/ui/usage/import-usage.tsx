import { lazy, Suspense, useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { stripUnsafeCharacters } from '../../engine/index'
import { formatNumber } from '../format'
import { ApplyImports } from './apply-imports'
import { InsightsQueries } from './insights-queries'
import type { LogSource, ReadProgress } from './read-log'
import type { ImportJob } from './start-import'
import { usageView, useUsageView } from './usage-view'
import './usage.css'

// The results (the bill, the histogram, power tuning) load when a log is
// read: a page that never imports usage never downloads them.
const UsageResults = lazy(() => import('./usage-results'))
const PowerTuningForm = lazy(() => import('./power-tuning-form'))

/**
 * A paste longer than this is read at once and never shown in the field: a
 * text field holding megabytes of log takes the browser seconds to lay out.
 */
const LARGE_PASTE_CHARS = 1_000_000

type Reading = { progress: ReadProgress; what: string }

function sizeText(n: number, unit: 'bytes' | 'characters'): string {
  if (unit === 'characters') return `${formatNumber(n)} characters`
  if (n >= 1e6) return `${formatNumber(Math.round(n / 1e5) / 10)} MB`
  if (n >= 1e3) return `${formatNumber(Math.round(n / 100) / 10)} KB`
  return `${formatNumber(n)} bytes`
}

/** Paste or choose a log, read it in a worker, then show what it bills. */
export default function ImportUsage() {
  const id = useId()
  const [text, setText] = useState('')
  const [reading, setReading] = useState<Reading | null>(null)
  const [error, setError] = useState<string | null>(null)
  // what a drop left out, said beside the read
  const [note, setNote] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const job = useRef<ImportJob | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const log = useUsageView((s) => s.log)
  const linkProblem = useUsageView((s) => s.linkProblem)
  const [chosen, setChosen] = useState(0)
  const imported = log?.functions?.[Math.min(chosen, log.functions.length - 1)]
  const shown =
    log && imported
      ? {
          ...log,
          sample: imported.sample,
          classicSample: imported.classicSample,
          monthlyRequests: imported.monthlyRequests,
          stats: imported.stats,
          source: `${imported.name} (${log.source})`,
        }
      : log

  useEffect(() => () => job.current?.cancel(), [])

  const read = async (source: LogSource, what: string, note: string | null = null) => {
    job.current?.cancel()
    setError(null)
    setNote(note)
    setReading({ progress: { done: 0, total: 'text' in source ? source.text.length : source.file.size }, what })
    try {
      const { startImport } = await import('./start-import')
      const current = startImport(source, (progress) => setReading((r) => (r ? { ...r, progress } : r)))
      job.current = current
      const result = await current.result
      if (job.current !== current) return
      job.current = null
      setReading(null)
      if (!result) return
      // read-log says why a log cannot be billed; a reader that does not still never shows an empty result
      if (result.problem || result.sample.invocations === 0)
        return setError(result.problem ?? `No invocation could be read from ${result.source} (${formatNumber(result.sample.lines)} lines read).`)
      setChosen(0)
      usageView.set({ log: { ...result, importedAt: result.importedAt ?? Date.now() }, volumes: {} })
    } catch (e) {
      job.current = null
      setReading(null)
      setError(`The log could not be read: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  const cancel = () => {
    job.current?.cancel()
    job.current = null
    setReading(null)
  }

  const chooseFile = (file: File | undefined) => {
    if (file) void read({ file, name: file.name }, file.name)
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    const files = [...e.dataTransfer.files]
    const [file] = files
    if (file) {
      const others = files.length - 1
      const note =
        others > 0
          ? `Only ${file.name} was read: the ${others === 1 ? 'other dropped file was' : `${formatNumber(others)} other dropped files were`} left out (${files
              .slice(1, 4)
              .map((f) => f.name)
              .join(', ')}${others > 3 ? ', …' : ''}). Drop or choose one log at a time.`
          : null
      return void read({ file, name: file.name }, file.name, note)
    }
    // Text dragged from another window is read like a paste.
    const text = e.dataTransfer.getData('text/plain')
    if (text.trim() !== '') void read({ text, name: 'dropped text' }, 'dropped text')
    else setError('Nothing readable was dropped: drop a log file, or text selected in another window.')
  }

  const percent = reading && reading.progress.total > 0 ? Math.round((100 * reading.progress.done) / reading.progress.total) : 0
  const unit = reading && (reading.what === 'pasted text' || reading.what === 'dropped text') ? 'characters' : 'bytes'

  return (
    <>
      <p className="field-hint">
        Bill a month from your function&rsquo;s REPORT log lines, each invocation rounded on its own as Lambda bills it.{' '}
        <strong>The log is read in this page: nothing is uploaded and no network request is made.</strong>
      </p>
      <div
        className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="usage-drop-zone"
      >
        <div className="field">
          <label htmlFor={`${id}-paste`}>Paste log lines</label>
          <textarea
            id={`${id}-paste`}
            className="usage-paste"
            rows={4}
            spellCheck={false}
            value={text}
            placeholder="REPORT RequestId: 8f507cfc-... Duration: 15.74 ms Billed Duration: 147 ms Memory Size: 128 MB Max Memory Used: 56 MB"
            wrap="off"
            onChange={(e) => setText(e.target.value)}
            onPaste={(e) => {
              const pasted = e.clipboardData.getData('text/plain')
              if (pasted.length <= LARGE_PASTE_CHARS) return
              e.preventDefault()
              void read({ text: pasted }, 'pasted text')
            }}
            aria-describedby={`${id}-drop-hint`}
          />
        </div>
        <div className="usage-actions">
          <button
            type="button"
            className="button-primary"
            disabled={text.trim() === '' || reading !== null}
            onClick={() => void read({ text }, 'pasted text')}
          >
            Read pasted lines
          </button>
          <button type="button" className="button-secondary" disabled={reading !== null} onClick={() => fileInput.current?.click()}>
            Choose a log file&hellip;
          </button>
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Log file"
            accept=".log,.txt,.json,.jsonl,.csv,text/*,application/json"
            onChange={(e) => {
              chooseFile(e.target.files?.[0])
              e.target.value = ''
            }}
          />
        </div>
        <p id={`${id}-drop-hint`} className="field-hint">
          Or drop a file here. A paste of more than 1 MB is read at once. Reads REPORT lines (console, <code>aws logs</code>, <code>sam logs</code>),
          JSON <code>platform.report</code> records and Logs Insights exports (CSV or JSON), including the histogram of the queries below; other lines
          are skipped.
        </p>
      </div>
      {reading ? (
        <div className="usage-progress" role="status">
          <label htmlFor={`${id}-progress`}>Reading {reading.what}</label>
          <progress id={`${id}-progress`} max={100} value={percent}>
            {percent} %
          </progress>
          <span className="field-hint">
            {sizeText(reading.progress.done, unit)} of {sizeText(reading.progress.total, unit)}
          </span>
          <button type="button" className="button-secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {note ? (
        <p className="field-hint" role="status" data-testid="usage-drop-note">
          {note}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {linkProblem && !log ? (
        <p className="field-error" role="alert" data-testid="usage-link-problem">
          {linkProblem}
        </p>
      ) : null}
      <InsightsQueries />
      {log?.functions && log.functions.length > 1 ? (
        <div className="field usage-function-pick">
          <label htmlFor={`${id}-function`}>Imported function</label>
          <select id={`${id}-function`} value={Math.min(chosen, log.functions.length - 1)} onChange={(e) => setChosen(Number(e.target.value))}>
            {log.functions.map((f, i) => (
              <option key={f.name} value={i}>
                {stripUnsafeCharacters(f.name)} ({formatNumber(f.sample.invocations)} invocations)
              </option>
            ))}
          </select>
          <p className="field-hint">
            {formatNumber(log.functions.length)} functions in this export, each billed on its own below (the free tier as if it were the
            account&rsquo;s only function).
          </p>
          <ApplyImports functions={log.functions} />
        </div>
      ) : null}
      {log && shown ? (
        <Suspense fallback={<p className="charts-loading">Loading the usage view&hellip;</p>}>
          <UsageResults
            key={imported?.name ?? ''}
            functionName={imported?.name ?? ''}
            log={shown}
            onClear={() => usageView.set({ log: null, volumes: {} })}
          />
        </Suspense>
      ) : null}
      <Suspense fallback={null}>
        <PowerTuningForm />
      </Suspense>
    </>
  )
}
