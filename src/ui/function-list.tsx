import { useEffect, useRef } from 'react'
import { useCalculator, useCalculatorStore } from '../state/react'
import { defaultFunction, MAX_FORM_FUNCTIONS } from '../state/store'
import { ErrorBoundary } from './error-boundary'
import { FunctionCard } from './function-card'

/** Every function on the account, and the button to add one. */
export function FunctionList({ compact = false }: { compact?: boolean }) {
  const store = useCalculatorStore()
  const functions = useCalculator((s) => s.functions)
  const list = useRef<HTMLDivElement>(null)
  const previousIds = useRef(functions.map((f) => f.id))
  // Removing a card removes the focused Remove button with it: focus moves to
  // the card that took its place, or to Add when it was the last, never to <body>.
  useEffect(() => {
    const ids = functions.map((f) => f.id)
    const removedAt = previousIds.current.findIndex((id) => !ids.includes(id))
    previousIds.current = ids
    const focused = document.activeElement
    if (removedAt === -1 || (focused && focused !== document.body && list.current?.contains(focused))) return
    const cards = list.current?.querySelectorAll<HTMLElement>('.function-card')
    const next = cards?.[Math.min(removedAt, cards.length - 1)]
    const target =
      removedAt < (cards?.length ?? 0)
        ? next?.querySelector<HTMLElement>('button, input, select')
        : list.current?.querySelector<HTMLElement>('.add-function')
    target?.focus()
  }, [functions])
  return (
    <div className="function-list" ref={list}>
      {functions.map((fn, i) => (
        <ErrorBoundary
          key={fn.id}
          part={functions.length > 1 ? `function ${i + 1}` : 'this function'}
          onReset={() => {
            const { id: _id, name: _name, ...fresh } = defaultFunction()
            store.getState().updateFunction(fn.id, fresh)
          }}
        >
          <FunctionCard fn={fn} index={i} count={functions.length} compact={compact} />
        </ErrorBoundary>
      ))}
      {compact ? null : (
        <button
          type="button"
          className="button-secondary add-function"
          disabled={functions.length >= MAX_FORM_FUNCTIONS}
          onClick={() => store.getState().addFunction()}
        >
          + Add a function
        </button>
      )}
      {functions.length > 1 ? (
        <p className="field-hint">The estimate is for the whole account: the free tier is shared by all {functions.length} functions.</p>
      ) : null}
    </div>
  )
}
