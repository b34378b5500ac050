import { useCalculator } from '../../state/react'
import { ExportMenu } from './export-menu'

/**
 * The estimate's exports, behind a disclosure under the share buttons: the
 * bill as CSV, the input and estimate as JSON, the steps as Markdown, a chart
 * as PNG or SVG, and print. Only a valid estimate can be exported.
 */
export function ExportPanel({ shareUrl }: { shareUrl: () => string }) {
  const result = useCalculator((s, sel) => sel.selectEstimate(s))
  return (
    <details className="card export-card" data-testid="export">
      <summary>
        <h2>Export and print</h2>
      </summary>
      {result.status === 'ok' ? (
        <ExportMenu estimate={result.estimate} input={result.input} link={shareUrl} />
      ) : (
        <p className="field-hint">Exports are ready once the inputs are valid.</p>
      )}
    </details>
  )
}
