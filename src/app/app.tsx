import { useEffect, useState } from 'react'
import { presetInputs } from '../state/presets'
import { useCalculatorStore } from '../state/react'
import { defaultInputs, inputsOf, type CalculatorInputs } from '../state/store'
import type { UrlSync } from '../state/url-sync'
import { ChartsPanel } from '../ui/charts-panel'
import { ErrorBoundary } from '../ui/error-boundary'
import { FunctionList } from '../ui/function-list'
import { LoadFailures } from '../ui/load-failures'
import type { LinkReport } from '../ui/link-notice'
import { ResultPanel } from '../ui/result'
import { SheetControls } from '../ui/sheet-controls'
import { ThemeToggle } from '../ui/theme'
import { TotalBar } from '../ui/total-bar'
import { useLoaded } from '../ui/use-loaded'
import type { LinkReports } from './link-reports'

// Not needed to read the total: loaded just after it.
const loadSteps = () => import('../ui/steps')
const loadPresets = () => import('../ui/preset-gallery')
const loadExport = () => import('../ui/export/export-panel')
const loadUsage = () => import('../ui/usage/usage-panel')
const loadShare = () => import('../ui/share-bar')
const loadNotice = () => import('../ui/link-notice')
const loadPrintSummary = () => import('../ui/print-summary')

interface Props {
  urlSync: UrlSync
  linkReports: LinkReports
}

/** The full calculator page. */
export function App({ urlSync, linkReports }: Props) {
  const store = useCalculatorStore()
  const steps = useLoaded(loadSteps, true, 'the calculation steps')
  const presets = useLoaded(loadPresets, true, 'the examples')
  const exporter = useLoaded(loadExport, true, 'the export')
  const usage = useLoaded(loadUsage, true, 'the usage import')
  const share = useLoaded(loadShare, true, 'sharing')
  const printSummary = useLoaded(loadPrintSummary, true, 'the printed summary')
  const shareUrl = () => urlSync.shareUrl()
  const [report, setReport] = useState<LinkReport>(linkReports.current())
  const notices = useLoaded(loadNotice, report.problems.length > 0 || report.futureVersion, 'the link notes')
  useEffect(() => linkReports.subscribe(setReport), [linkReports])
  // A preset or Reset replaces the estimate: what the old link held no longer applies.
  const choose = (inputs: CalculatorInputs) => {
    setReport({ problems: [], futureVersion: false })
    urlSync.navigate(inputs)
  }

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>AWS Lambda cost calculator</h1>
          <p className="tagline">Exact to the cent, under the classic 2016 price sheet or today&rsquo;s.</p>
        </div>
        <ThemeToggle />
      </header>
      <LoadFailures />
      {notices ? <notices.LinkNotice report={report} onDismiss={() => setReport({ problems: [], futureVersion: false })} /> : null}
      <main className="layout">
        {/* Its own box: the sticky result stays beside the inputs, never over the charts below. */}
        <div className="workspace">
          {/* On paper, the inputs in a few lines instead of the form. */}
          {printSummary ? <printSummary.PrintSummary /> : null}
          <div className="inputs" aria-label="Inputs">
            <SheetControls />
            <FunctionList />
          </div>
          <div className="results">
            <ErrorBoundary part="the result">
              <ResultPanel />
            </ErrorBoundary>
            {share ? (
              <share.ShareBar
                shareUrl={shareUrl}
                onReset={() => choose(defaultInputs())}
                embedSnippets={() => import('./embed-snippet').then((m) => m.embedSnippets(inputsOf(store.getState()), urlSync.appUrl()))}
              />
            ) : null}
            {exporter ? <exporter.ExportPanel shareUrl={shareUrl} /> : null}
            <ErrorBoundary part="the calculation steps">{steps ? <steps.StepsPanel /> : null}</ErrorBoundary>
          </div>
        </div>
        <div className="wide">
          {/* The memory chart draws the imported measurements too: a reset drops them. */}
          <ErrorBoundary part="the charts" onReset={usage?.resetMeasurements}>
            <ChartsPanel />
          </ErrorBoundary>
          {usage ? (
            <ErrorBoundary part="the usage import" onReset={usage.resetUsageView}>
              <usage.UsagePanel link={urlSync} />
            </ErrorBoundary>
          ) : null}
          {presets ? (
            <presets.PresetGallery
              onChoose={(id) => {
                const inputs = presetInputs(id)
                if (inputs) choose(inputs)
              }}
            />
          ) : null}
        </div>
      </main>
      <TotalBar />
      {printSummary ? <printSummary.PrintLink link={urlSync} /> : null}
      <footer className="app-footer">
        <p>Prices are AWS&rsquo;s published rates; each estimate names its price sheet and sources. Not affiliated with Amazon Web Services.</p>
        <p>
          <a href="/THIRD-PARTY-LICENSES.txt">Third-party licences</a> of the software in this page.
        </p>
      </footer>
    </div>
  )
}
