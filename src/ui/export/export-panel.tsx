import { useCalculator } from '../../state/react'
import type { UsageLinkData } from '../../state/usage-link'
import { useLoaded } from '../use-loaded'
import { usageView, useUsageView } from '../usage/usage-view'
import { ExportMenu } from './export-menu'

// The imported usage's exact summary is built when there is one, by the code that writes it into the link.
const loadUsageLink = () => import('../../state/usage-link')

/**
 * The estimate's exports, behind a disclosure under the share buttons: the
 * bill as CSV, the input and estimate as JSON, the steps as Markdown, a chart
 * as PNG or SVG, and print. Only a valid estimate can be exported.
 */
export function ExportPanel({ shareUrl }: { shareUrl: () => string }) {
  const result = useCalculator((s, sel) => sel.selectEstimate(s))
  const imported = useUsageView((s) => s.log !== null && !s.log.problem)
  const codec = useLoaded(loadUsageLink, imported, 'the usage export')
  // Exports carry the imported usage in full: every row of billed durations, exact sums.
  const importedUsage = () => {
    const { log, volumes } = usageView.get()
    if (!codec || !log || log.problem) return null
    const data = ((log.linked?.data ?? log.linkData) as UsageLinkData | undefined) ?? codec.prepareUsageLink(log, log.importedAt ?? Date.now())
    return codec.importedUsageExport(codec.withMonthlyRequests(data, volumes))
  }
  return (
    <details className="card export-card" data-testid="export">
      <summary>
        <h2>Export and print</h2>
      </summary>
      {result.status === 'ok' ? (
        <ExportMenu estimate={result.estimate} input={result.input} link={shareUrl} importedUsage={importedUsage} />
      ) : (
        <p className="field-hint">Exports are ready once the inputs are valid.</p>
      )}
    </details>
  )
}
