import { startTransition, useEffect, useState } from 'react'

/**
 * `value` once it has stopped changing for `delayMs`: while a slider is dragged
 * or a key held, the total follows every event and the charts and comparisons
 * wait for the pause, so no frame is ever blocked by them.
 */
export function useSettled<T>(value: T, delayMs: number): { value: T; pending: boolean } {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(shown, value)) return
    const timer = setTimeout(() => startTransition(() => setShown(value)), delayMs)
    return () => clearTimeout(timer)
  }, [value, shown, delayMs])
  return { value: shown, pending: !Object.is(shown, value) }
}
