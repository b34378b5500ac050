import { PRESETS } from '../state/presets'

/** The named workloads, each also a link (`?preset=id`). */
export function PresetGallery({ onChoose }: { onChoose: (id: string) => void }) {
  return (
    <section className="card presets-card" aria-labelledby="presets-title">
      <h2 id="presets-title">Start from a workload</h2>
      <ul className="preset-grid">
        {PRESETS.map((p) => (
          <li key={p.id}>
            <a
              className="preset"
              href={`?preset=${encodeURIComponent(p.id)}`}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return
                e.preventDefault()
                onChoose(p.id)
              }}
            >
              <span className="preset-title">{p.title}</span>
              <span className="preset-description">{p.description}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
