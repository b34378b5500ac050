import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { StoreProvider } from './state/react'
import { createCalculatorStore } from './state/store'
import './ui/styles.css'

// Composition root: read the URL -> create the store -> start URL sync -> mount.
const store = createCalculatorStore()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
)
