import { useState } from 'react'
import { calculationSteps } from '../engine/index'
import { useCalculator } from '../state/react'
import { copyText } from './clipboard'
import { keepUnitsWhole } from './format'

/** "Show calculations": the engine's steps, collapsible and copyable as text. */
export function StepsPanel() {
  const result = useCalculator((s, sel) => sel.selectEstimate(s))
  const [open, setOpen] = useState(false)
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  if (result.status !== 'ok') return null
  const steps = open ? calculationSteps(result.estimate) : null

  return (
    <section className="card steps-card" aria-labelledby="steps-title">
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          <h2 id="steps-title">Show calculations</h2>
        </summary>
        {steps ? (
          <div className="steps">
            <div className="steps-toolbar">
              <button type="button" className="button-secondary" onClick={async () => setCopied((await copyText(steps.text)) ? 'copied' : 'failed')}>
                Copy as text
              </button>
              <span role="status" className="copy-status">
                {copied === 'copied' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Could not copy: select the text instead.' : ''}
              </span>
            </div>
            {steps.sections.map((section) => (
              <div key={section.title} className="steps-section">
                <h3>{section.title}</h3>
                <ol>
                  {section.lines.map((line, i) => (
                    <li key={i} className={line.note === 'assumption' ? 'assumption' : undefined}>
                      {line.note === 'assumption' ? <strong>Assumption: </strong> : null}
                      {keepUnitsWhole(line.text)}
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </div>
        ) : null}
      </details>
    </section>
  )
}
