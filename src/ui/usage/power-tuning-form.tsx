import { useId, useState } from 'react'
import { parsePowerTuning, PowerTuningFormatError } from '../../engine/index'
import { formatNumber } from '../format'
import { usageView, useUsageView } from './usage-view'

/** Paste a power-tuning link or JSON: the memory chart then draws the measured durations. */
export default function PowerTuningForm() {
  const id = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const result = useUsageView((s) => s.powerTuning)

  const read = () => {
    try {
      usageView.set({ powerTuning: parsePowerTuning(text) })
      setError(null)
    } catch (e) {
      setError(e instanceof PowerTuningFormatError || e instanceof Error ? e.message : String(e))
    }
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
        />
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <p id={`${id}-pt-hint`} className="field-hint">
          The visualization link aws-lambda-power-tuning prints, or its output JSON. The memory chart then prices each measured size for a whole month
          of function 1 (requests, tiers, free tier and cold starts included), where power tuning reports compute per invocation only.
        </p>
      </div>
      <div className="usage-actions">
        <button type="button" className="button-secondary" disabled={text.trim() === ''} onClick={read}>
          Read power-tuning results
        </button>
        {result ? (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
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
