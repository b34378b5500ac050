import { isInsightsExport, noInvocationColumns, parseInsights, usageStats, type ReportSample } from '../../engine/index'
import { readLog, type LogSource, type ReadProgress } from './read-log'
import type { ImportedLog } from './usage-view'

/** Characters looked at to tell a Logs Insights histogram export from a log. */
const HEAD_CHARS = 4096

/**
 * Reads what the user gave: a Logs Insights histogram export (CSV or JSON,
 * told by its header) becomes one imported function per `function` value;
 * anything else is read as a log of REPORT lines.
 */
export async function readImport(
  source: LogSource,
  onProgress: (p: ReadProgress) => void,
  pause: () => Promise<void> = () => Promise.resolve(),
  isCancelled: () => boolean = () => false,
): Promise<ImportedLog | null> {
  const head = 'text' in source ? source.text.slice(0, HEAD_CHARS) : await source.file.slice(0, HEAD_CHARS).text()
  if (!isInsightsExport(head)) return readLog(source, onProgress, pause, isCancelled)
  const total = 'text' in source ? source.text.length : source.file.size
  // An export holds at most 100,000 rows (a few MB): read at once, parsed in one linear pass.
  const text = 'text' in source ? source.text : await source.file.text()
  if (isCancelled()) return null
  const result = parseInsights(text)
  onProgress({ done: total, total })
  const withProblems = (sample: ReportSample): ReportSample => ({ ...sample, problems: result.problems, problemCount: result.problemCount })
  const functions = result.functions.map((f) => {
    const sample = withProblems(f.sample)
    return { name: f.name, sample, stats: usageStats(sample) }
  })
  const first = functions[0]
  const sample = first ? first.sample : withProblems(emptySample(result.problemCount))
  const name = source.name ?? 'pasted text'
  const log: ImportedLog = { sample, stats: first ? first.stats : usageStats(sample), source: name, chars: text.length, functions }
  if (!first) {
    const p = result.problems[0]
    log.problem = `No row of the Logs Insights export ${name} could be read${p ? ` (line ${p.line}: ${p.message})` : ''}. Export the result of a query below as CSV or JSON.`
  }
  return log
}

/** No invocations: what an export none of whose rows could be read gives. */
function emptySample(lines: number): ReportSample {
  return {
    invocations: 0,
    coldStarts: 0,
    ...noInvocationColumns(),
    memorySizesMb: [],
    maxMemoryUsedByMemoryMb: [],
    timeSpan: null,
    timestampedInvocations: 0,
    formats: [],
    problems: [],
    problemCount: 0,
    lines,
    aggregate: { rows: [] },
  }
}
