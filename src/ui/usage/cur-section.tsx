import { useEffect, useState } from 'react'

type CurPanelModule = typeof import('./cur-panel')

const loadCurPanel = () => import('./cur-panel')

/**
 * The Cost and Usage Report import, loaded after the usage panel in its own
 * chunk. Not `React.lazy`: a download the browser cuts off as the reader leaves
 * the page (Firefox rejects the import) must not surface as an error; a real
 * failure says so here.
 */
export function CurSection() {
  const [panel, setPanel] = useState<CurPanelModule | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    loadCurPanel().then(
      (m) => {
        if (live) setPanel(() => m)
      },
      () => {
        if (live) setFailed(true)
      },
    )
    return () => {
      live = false
    }
  }, [])
  if (failed) return <p className="field-hint">The Cost and Usage Report import could not be loaded: reload the page to try again.</p>
  return panel ? <panel.default /> : null
}
