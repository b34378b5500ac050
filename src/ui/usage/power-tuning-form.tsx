import { useEffect, useId, useRef, useState } from 'react'
import { MAX_POWER_TUNING_CHARS, MAX_POWER_TUNING_POINTS, type PowerTuningResult } from '../../engine/index'
import { formatNumber } from '../format'
import type { PowerTuningReply } from './power-tuning-worker'
import { usageView, useUsageView } from './usage-view'

/** A read under way: its reply, and a way to drop it. */
interface Job {
  reply: Promise<PowerTuningReply>
  cancel(): void
}

/** Reads the text in a Web Worker, as log pastes are read; where workers are missing (jsdom), the same code runs here. */
function startRead(text: string): Job {
  if (typeof Worker === 'undefined') {
    return { reply: import('./power-tuning-worker').then((m) => m.readPowerTuning(text)), cancel() {} }
  }
  const worker = new Worker(new URL('./power-tuning-worker.ts', import.meta.url), { type: 'module' })
  const reply = new Promise<PowerTuningReply>((resolve) => {
    worker.onmessage = (event: MessageEvent<PowerTuningReply>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      worker.terminate()
      resolve({ type: 'error', message: `The power-tuning results could not be read: ${event.message || 'the reader stopped unexpectedly'}.` })
    }
  })
  worker.postMessage(text)
  return { reply, cancel: () => worker.terminate() }
}

const tooLong = (n: number) =>
  `This paste is ${formatNumber(n)} characters long; power-tuning results are read up to ${formatNumber(MAX_POWER_TUNING_CHARS)} characters. Paste the visualization link, or the JSON output of one run.`

/** Paste a power-tuning link or JSON: the memory chart then draws the measured durations. */
export default function PowerTuningForm() {
  const id = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const job = useRef<Job | null>(null)
  const result = useUsageView((s) => s.powerTuning)

  useEffect(() => () => job.current?.cancel(), [])

  const read = async () => {
    job.current?.cancel()
    if (text.length > MAX_POWER_TUNING_CHARS) return setError(tooLong(text.length))
    const current = startRead(text)
    job.current = current
    setReading(true)
    const reply = await current.reply
    if (job.current !== current) return
    job.current = null
    setReading(false)
    if (reply.type === 'done') {
      usageView.set({ powerTuning: reply.result satisfies PowerTuningResult })
      setError(null)
    } else setError(reply.message)
  }

  return (
    <div className="usage-power" data-testid="power-tuning">
      <h3>Power tuning</h3>
      <div className="field">
        <label htmlFor={`${id}-pt`}>Power-tuning link or JSON</label>
        <textarea
          id={`${id}-pt`}
          rows={2}
          spellCheck={false}
          value={text}
          placeholder="https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;..."
          aria-invalid={error !== null}
          aria-describedby={`${id}-pt-hint`}
          onChange={(e) => setText(e.target.value)}
          onPaste={(e) => {
            // A paste over the limit is refused before it reaches the field: megabytes in a text field take the browser seconds to lay out.
            const pasted = e.clipboardData.getData('text/plain')
            if (pasted.length <= MAX_POWER_TUNING_CHARS) return
            e.preventDefault()
            setError(tooLong(pasted.length))
          }}
        />
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <p id={`${id}-pt-hint`} className="field-hint">
          The visualization link aws-lambda-power-tuning prints, or its output JSON: up to {formatNumber(MAX_POWER_TUNING_CHARS)} characters and{' '}
          {formatNumber(MAX_POWER_TUNING_POINTS)} memory sizes. The memory chart then prices each measured size for a whole month of function 1
          (requests, tiers, free tier and cold starts included), where power tuning reports compute per invocation only.
        </p>
      </div>
      <div className="usage-actions">
        <button type="button" className="button-secondary" disabled={text.trim() === '' || reading} onClick={() => void read()}>
          {reading ? 'Reading…' : 'Read power-tuning results'}
        </button>
        {result ? (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              job.current?.cancel()
              job.current = null
              setReading(false)
              usageView.set({ powerTuning: null })
              setText('')
            }}
          >
            Clear measurements
          </button>
        ) : null}
      </div>
      {result ? (
        <p role="status">
          {formatNumber(result.points.length)} measured sizes:{' '}
          {result.points.map((p) => `${formatNumber(p.memoryMb)} MB in ${formatNumber(p.durationMs)} ms`).join(', ')}. See the memory chart.
        </p>
      ) : null}
    </div>
  )
}
