import { ChartsPanel } from '../ui/charts-panel'
import { FunctionList } from '../ui/function-list'
import { ResultPanel } from '../ui/result'
import { SheetControls } from '../ui/sheet-controls'
import { StepsPanel } from '../ui/steps'
import { ThemeToggle } from '../ui/theme'

/** The full calculator page. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>AWS Lambda cost calculator</h1>
          <p className="tagline">Exact to the cent, under the classic 2016 price sheet or today&rsquo;s.</p>
        </div>
        <ThemeToggle />
      </header>
      <main className="layout">
        <div className="inputs" aria-label="Inputs">
          <SheetControls />
          <FunctionList />
        </div>
        <div className="results">
          <ResultPanel />
          <StepsPanel />
        </div>
        <div className="wide">
          <ChartsPanel />
        </div>
      </main>
      <footer className="app-footer">
        <p>
          Prices are AWS&rsquo;s published rates; each estimate names its price sheet and sources. Not affiliated with Amazon Web Services.
        </p>
      </footer>
    </div>
  )
}
