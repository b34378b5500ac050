import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { StoreProvider } from '../../src/state/react'
import { createCalculatorStore, type CalculatorInputs } from '../../src/state/store'

/** Renders UI with a fresh store of its own. */
export function renderWithStore(ui: ReactElement, initial: Partial<CalculatorInputs> = {}) {
  const store = createCalculatorStore(initial)
  return { store, ...render(<StoreProvider store={store}>{ui}</StoreProvider>) }
}
