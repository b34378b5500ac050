import { useEffect, useId, useMemo, useState } from 'react'
import { useCalculator } from '../state/react'
import { copyText } from './clipboard'

export interface EmbedSnippets {
  script: string
  iframe: string
  /** Said beside the snippets when the element cannot carry everything. */
  note?: string
}

function CopyButton({ label, text, done }: { label: string; text: () => string; done: string }) {
  const [status, setStatus] = useState('')
  return (
    <span className="copy">
      <button
        type="button"
        className="button-secondary"
        onClick={async () => setStatus((await copyText(text())) ? done : 'Could not copy: select the text instead.')}
      >
        {label}
      </button>
      <span role="status" className="copy-status">
        {status}
      </span>
    </span>
  )
}

function Snippet({ title, code }: { title: string; code: string }) {
  const id = useId()
  return (
    <div className="snippet">
      <h3 id={id}>{title}</h3>
      <pre aria-labelledby={id} tabIndex={0}>
        <code>{code}</code>
      </pre>
      <CopyButton label={`Copy ${title.toLowerCase()}`} text={() => code} done="Copied." />
    </div>
  )
}

/** Copy link, reset, and the embed snippets for the current estimate. */
export function ShareBar({
  shareUrl,
  onReset,
  embedSnippets,
}: {
  shareUrl: () => string
  onReset: () => void
  /** Loaded on demand: the snippet code is not needed to show the total. */
  embedSnippets: () => Promise<EmbedSnippets>
}) {
  const [showEmbed, setShowEmbed] = useState(false)
  const [snippets, setSnippets] = useState<EmbedSnippets | null>(null)
  // The snippets follow the estimate while the panel is open.
  const functions = useCalculator((s) => s.functions)
  const sheet = useCalculator((s) => s.sheet)
  const region = useCalculator((s) => s.region)
  const freeTier = useCalculator((s) => s.freeTier)
  const inputsKey = useMemo(() => ({ functions, sheet, region, freeTier }), [functions, sheet, region, freeTier])
  useEffect(() => {
    if (!showEmbed) return setSnippets(null)
    let live = true
    void embedSnippets().then((s) => live && setSnippets(s))
    return () => {
      live = false
    }
    // Re-made when the inputs change; the callback itself is read fresh each time.
  }, [showEmbed, functions, sheet, region, freeTier])
  // "Link copied" is about the estimate that was copied: the next edit clears it.
  const [linkStatus, setLinkStatus] = useState('')
  useEffect(() => setLinkStatus(''), [inputsKey])
  return (
    <section className="share" aria-label="Share">
      <div className="share-buttons">
        <button
          type="button"
          className="button-secondary"
          onClick={async () =>
            setLinkStatus(
              (await copyText(shareUrl())) ? 'Link copied: it reproduces this estimate exactly.' : 'Could not copy: select the text instead.',
            )
          }
        >
          Copy link
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-expanded={showEmbed}
          aria-controls="embed-panel"
          onClick={() => setShowEmbed(!showEmbed)}
        >
          Embed
        </button>
        <button type="button" className="button-quiet" onClick={onReset}>
          Reset
        </button>
      </div>
      {/* Under the buttons, on a line of its own kept for it: the message never moves Embed and Reset. */}
      <p role="status" id="share-status" className="copy-status share-status">
        {linkStatus}
      </p>
      {snippets ? (
        <div className="card embed-panel" id="embed-panel">
          <h2>Embed this estimate in your docs</h2>
          {snippets.note ? <p className="field-hint">{snippets.note}</p> : null}
          <Snippet title="Script and element" code={snippets.script} />
          <Snippet title="Plain iframe (no scripts)" code={snippets.iframe} />
        </div>
      ) : null}
    </section>
  )
}
