import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { createSelectors, type Selectors } from './selectors'
import type { CalculatorState, CalculatorStore } from './store'

interface CalculatorContext {
  store: CalculatorStore
  selectors: Selectors
}

const Context = createContext<CalculatorContext | null>(null)

/** Makes a calculator store (and its own memoized selectors) available below it. */
export function StoreProvider({ store, children }: { store: CalculatorStore; children: ReactNode }) {
  const value = useMemo(() => ({ store, selectors: createSelectors() }), [store])
  return <Context.Provider value={value}>{children}</Context.Provider>
}

function useCalculatorContext(): CalculatorContext {
  const value = useContext(Context)
  if (!value) throw new Error('useCalculator must be used inside a <StoreProvider>.')
  return value
}

/**
 * Reads from the calculator: `selector` gets the state and the store's
 * memoized selectors, and must return a stable value for a given state.
 */
export function useCalculator<T>(selector: (state: CalculatorState, selectors: Selectors) => T): T {
  const { store, selectors } = useCalculatorContext()
  return useStore(store, (state) => selector(state, selectors))
}

/** The store itself, for reading state in event handlers without subscribing. */
export function useCalculatorStore(): CalculatorStore {
  return useCalculatorContext().store
}
