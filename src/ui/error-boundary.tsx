import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** What the part is, for the message: "the charts", "function 2". */
  part: string
  /**
   * Clears the state kept outside the part that it draws from (its function's
   * inputs, an imported log), before it is drawn again: remounting alone
   * clears only the part's own component state, and the same state would
   * crash it again. A part that draws from such state must pass it.
   */
  onReset?: () => void
  children: ReactNode
}

interface State {
  failed: boolean
  /** Bumped on reset, so the part mounts afresh. */
  generation: number
}

/**
 * Set once the reader leaves the page: a lazily loaded part whose download the
 * browser then cuts off (Firefox rejects the import) has not failed.
 */
let leaving = false
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => (leaving = true))
  window.addEventListener('beforeunload', () => (leaving = true))
  // Back from the back-forward cache: the page is in use again.
  window.addEventListener('pageshow', () => (leaving = false))
}

/**
 * Keeps a failure in one part of the page to that part: it shows a short
 * message and a "Reset this part" button, and the rest of the page keeps
 * working. Nothing about the failure reaches the address bar.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, generation: 0 }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Left in the console for whoever debugs it; the page shows a plain message.
    if (leaving) return
    console.error(`${this.props.part} failed to render:`, error, info.componentStack)
  }

  reset = (): void => {
    this.props.onReset?.()
    this.setState((s) => ({ failed: false, generation: s.generation + 1 }))
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <div className="card part-error" role="alert" data-testid="part-error">
          <p>Something went wrong showing {this.props.part}. The rest of the calculator still works.</p>
          <button type="button" className="button-secondary" onClick={this.reset}>
            Reset this part
          </button>
        </div>
      )
    }
    return <PartGeneration key={this.state.generation}>{this.props.children}</PartGeneration>
  }
}

function PartGeneration({ children }: { children: ReactNode }) {
  return children
}
