import { useState } from 'react'
import { INSIGHTS_QUERY_JSON, INSIGHTS_QUERY_TEXT, INSIGHTS_QUERY_TEXT_BUCKETS } from '../../engine/index'
import { copyText } from '../clipboard'

function QueryBlock({ title, query }: { title: string; query: string }) {
  const [copied, setCopied] = useState<boolean | null>(null)
  return (
    <div className="usage-query">
      <div className="usage-query-head">
        <h4>{title}</h4>
        <button type="button" className="button-secondary" onClick={() => void copyText(query).then(setCopied)} aria-label={`Copy query: ${title}`}>
          Copy query
        </button>
        <span role="status" className="field-hint">
          {copied === null ? '' : copied ? 'Copied.' : 'Could not copy: select the text instead.'}
        </span>
      </div>
      <pre tabIndex={0}>
        <code>{query}</code>
      </pre>
    </div>
  )
}

/** The Logs Insights queries whose exported result the panel imports. */
export function InsightsQueries() {
  return (
    <details className="usage-queries" data-testid="insights-queries">
      <summary>Millions of invocations? Let Logs Insights count them</summary>
      <p className="field-hint">
        Run one of these queries in CloudWatch Logs Insights over your functions&rsquo; log groups for a month, then{' '}
        <strong>Export results &gt; Download table (CSV)</strong> (or JSON) and drop the file here. The result holds a row per function, memory size,
        cold or warm and Billed Duration, with exact sums: a few kilobytes whatever the number of invocations, billed exactly on the current sheet.
        Over 10,000 rows, raise <code>limit</code> (up to 100,000), query fewer log groups at once, or use the third query: its 10 ms buckets keep the
        exact sums and never cross a 100 ms step.
      </p>
      <QueryBlock title="REPORT lines as text (the default log format)" query={INSIGHTS_QUERY_TEXT} />
      <QueryBlock title="JSON log format (platform.report records)" query={INSIGHTS_QUERY_JSON} />
      <QueryBlock title="REPORT lines as text, in 10 ms buckets (fewer rows)" query={INSIGHTS_QUERY_TEXT_BUCKETS} />
    </details>
  )
}
