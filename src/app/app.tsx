import { useEffect, useState } from 'react'
import { presetInputs } from '../state/presets'
import { useCalculatorStore } from '../state/react'
import { defaultInputs, inputsOf, type CalculatorInputs } from '../state/store'
import type { UrlSync } from '../state/url-sync'
import { ChartsPanel } from '../ui/charts-panel'
import { ErrorBoundary } from '../ui/error-boundary'
import { FunctionList } from '../ui/function-list'
import { LinkNotice, type LinkReport } from '../ui/link-notice'
import { PresetGallery } from '../ui/preset-gallery'
import { ResultPanel } from '../ui/result'
import { ShareBar } from '../ui/share-bar'
import { SheetControls } from '../ui/sheet-controls'
import { StepsPanel } from '../ui/steps'
import { ThemeToggle } from '../ui/theme'
import { TotalBar } from '../ui/total-bar'
import { UsagePanel } from '../ui/usage/usage-panel'
import type { LinkReports } from './link-reports'

interface Props {
  urlSync: UrlSync
  linkReports: LinkReports
}

/** The full calculator page. */
export function App({ urlSync, linkReports }: Props) {
  const store = useCalculatorStore()
  const [report, setReport] = useState<LinkReport>(linkReports.current())
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
      <LinkNotice report={report} onDismiss={() => setReport({ problems: [], futureVersion: false })} />
      <main className="layout">
        {/* Its own box: the sticky result stays beside the inputs, never over the charts below. */}
        <div className="workspace">
          <div className="inputs" aria-label="Inputs">
            <SheetControls />
            <FunctionList />
          </div>
          <div className="results">
            <ErrorBoundary part="the result">
              <ResultPanel />
            </ErrorBoundary>
            <ShareBar
              shareUrl={() => urlSync.shareUrl()}
              onReset={() => choose(defaultInputs())}
              embedSnippets={() => import('./embed-snippet').then((m) => m.embedSnippets(inputsOf(store.getState()), urlSync.appUrl()))}
            />
            <ErrorBoundary part="the calculation steps">
              <StepsPanel />
            </ErrorBoundary>
          </div>
        </div>
        <div className="wide">
          <ErrorBoundary part="the charts">
            <ChartsPanel />
          </ErrorBoundary>
          <UsagePanel />
          <PresetGallery
            onChoose={(id) => {
              const inputs = presetInputs(id)
              if (inputs) choose(inputs)
            }}
          />
        </div>
      </main>
      <TotalBar />
      <footer className="app-footer">
        <p>Prices are AWS&rsquo;s published rates; each estimate names its price sheet and sources. Not affiliated with Amazon Web Services.</p>
      </footer>
    </div>
  )
}
