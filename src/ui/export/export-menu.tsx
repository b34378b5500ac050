import { useId, useState } from 'react'
import type { Estimate, EstimateInput } from '../../engine/index'
import { calculationMarkdown, EXPORT_MIME_TYPES, estimateCsv, estimateJson, exportFileName, type ExportSource } from '../../state/export'
import type { ImportedUsageExport } from '../../state/usage-link'
import { chartDetails } from './chart-details'
import { chartPng, chartSvg } from './chart-image'
import { downloadFile, printEstimate } from './download'

/** The charts on the page, by the id in their `data-testid="chart-<id>"`. */
export type ChartId = 'requests' | 'memory' | 'split'

/** Each chart's name in the chart picker and in its file name. */
export const EXPORT_CHARTS: Readonly<Record<ChartId, { label: string; slug: string }>> = {
  requests: { label: 'Cost vs requests', slug: 'cost-vs-requests' },
  memory: { label: 'Cost vs memory', slug: 'cost-vs-memory' },
  split: { label: 'Where the money goes', slug: 'bill-by-line' },
}

const ALL_CHARTS: readonly ChartId[] = ['requests', 'memory', 'split']

/** The chart figures as the charts panel renders them. */
function chartOnPage(id: ChartId): Element | null {
  return document.querySelector(`[data-testid="chart-${id}"]`)
}

// Excel reads a CSV as the system's code page unless it starts with a byte order mark.
const BOM = '\uFEFF'

export interface ExportMenuProps {
  /** The estimate on screen; render the menu only when there is one. */
  estimate: Estimate
  /** The engine input the estimate was computed from. */
  input: EstimateInput
  /** The share link, or a function giving it at the moment of export. */
  link: string | (() => string)
  /** Finds a chart's container (an element holding its `<svg>`); default: `[data-testid="chart-<id>"]` in the document. */
  chartElement?: (id: ChartId) => Element | null
  /** The charts offered as images; default all three; empty hides the chart export. */
  charts?: readonly ChartId[]
  /** The clock for file names and `exportedAt`; default the current time. */
  now?: () => Date
  /** Usage imported on the page, in full, at the moment of export; none by default. */
  importedUsage?: () => ImportedUsageExport | null
}

/** Buttons that save the estimate as CSV, JSON or Markdown, a chart as PNG or SVG, or print it. */
export function ExportMenu({
  estimate,
  input,
  link,
  chartElement = chartOnPage,
  charts = ALL_CHARTS,
  now = () => new Date(),
  importedUsage,
}: ExportMenuProps) {
  const [status, setStatus] = useState('')
  const [chart, setChart] = useState<ChartId>(charts[0] ?? 'requests')
  const [busy, setBusy] = useState(false)
  const pickerId = useId()
  const source = (): ExportSource => ({ estimate, input, link: typeof link === 'function' ? link() : link, importedUsage: importedUsage?.() ?? null })

  const save = (name: string, mime: string, content: string | Blob) => {
    downloadFile(name, mime, content)
    setStatus(`Downloading ${name}.`)
  }

  const saveChart = async (format: 'png' | 'svg') => {
    const container = chartElement(chart)
    const label = EXPORT_CHARTS[chart].label
    if (!container) return setStatus(`The chart \u201c${label}\u201d is not on screen yet.`)
    const at = now()
    const name = exportFileName({ chart: EXPORT_CHARTS[chart].slug, format }, at)
    // The image says what it is of: the inputs, the total and the date, under the chart's title.
    const details = chartDetails(estimate, at)
    setBusy(true)
    try {
      if (format === 'svg') save(name, EXPORT_MIME_TYPES.svg, chartSvg(container, { details }).svg)
      else save(name, EXPORT_MIME_TYPES.png, await chartPng(container, { details }))
    } catch (error) {
      setStatus(`Could not export \u201c${label}\u201d: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="export-menu" role="group" aria-label="Export this estimate">
      <div className="export-buttons">
        <button
          type="button"
          className="button-secondary"
          onClick={() => save(exportFileName('csv', now()), EXPORT_MIME_TYPES.csv, BOM + estimateCsv(source()))}
        >
          Download CSV
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            const at = now()
            save(exportFileName('json', at), EXPORT_MIME_TYPES.json, estimateJson(source(), at))
          }}
        >
          Download JSON
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => save(exportFileName('markdown', now()), EXPORT_MIME_TYPES.markdown, calculationMarkdown(source()))}
        >
          Download steps (Markdown)
        </button>
        <button type="button" className="button-secondary" onClick={printEstimate}>
          Print
        </button>
      </div>
      {charts.length > 0 ? (
        <div className="export-chart" role="group" aria-label="Chart image">
          <label htmlFor={pickerId}>Chart</label>
          <select id={pickerId} value={chart} onChange={(e) => setChart(e.target.value as ChartId)}>
            {charts.map((id) => (
              <option key={id} value={id}>
                {EXPORT_CHARTS[id].label}
              </option>
            ))}
          </select>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void saveChart('png')}>
            Download PNG
          </button>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void saveChart('svg')}>
            Download SVG
          </button>
        </div>
      ) : null}
      <p role="status" className="export-status">
        {status}
      </p>
    </div>
  )
}
