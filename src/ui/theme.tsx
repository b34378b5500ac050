import { useEffect, useState } from 'react'

export type ThemeChoice = 'auto' | 'light' | 'dark'

const NEXT: Record<ThemeChoice, ThemeChoice> = { auto: 'dark', dark: 'light', light: 'auto' }
const LABEL: Record<ThemeChoice, string> = { auto: 'Theme: system', dark: 'Theme: dark', light: 'Theme: light' }

/** Applies a theme to the page: `auto` follows the system setting. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'auto') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', choice)
}

/** A button cycling system, dark and light. Kept in memory only: the calculator stores nothing. */
export function ThemeToggle({ initial = 'auto' }: { initial?: ThemeChoice }) {
  const [choice, setChoice] = useState<ThemeChoice>(initial)
  useEffect(() => applyTheme(choice), [choice])
  return (
    <button type="button" className="button-quiet theme-toggle" onClick={() => setChoice(NEXT[choice])} aria-label={`${LABEL[choice]}. Change theme`}>
      <span aria-hidden="true">{choice === 'dark' ? '☾' : choice === 'light' ? '☀' : '◐'}</span> {LABEL[choice]}
    </button>
  )
}
