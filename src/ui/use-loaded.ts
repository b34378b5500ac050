import { useEffect, useState, useSyncExternalStore } from 'react'

/** The parts of the page whose code could not be fetched, in the order they failed. */
let failed: readonly string[] = []
const failureListeners = new Set<() => void>()
const subscribeFailures = (listener: () => void) => {
  failureListeners.add(listener)
  return () => void failureListeners.delete(listener)
}

/**
 * The parts of the page `useLoaded` could not load (the connection dropped, or
 * the site was updated under the page), by the names their callers gave.
 */
export function useLoadFailures(): readonly string[] {
  return useSyncExternalStore(
    subscribeFailures,
    () => failed,
    () => failed,
  )
}

/**
 * A module loaded after the first commit: null until it arrives. Unlike
 * `React.lazy` under a Suspense boundary, this never holds back the first
 * commit (the total) while a chunk that is not needed for it loads.
 * `load` must be a stable, module-level function; nothing loads while `when` is false.
 * If it cannot be loaded, `part` (what a reader calls it: "the charts") is
 * named by the page's notice (`LoadFailures`), and it stays null.
 */
export function useLoaded<T>(load: () => Promise<T>, when = true, part = 'part of the page'): T | null {
  const [loaded, setLoaded] = useState<T | null>(null)
  useEffect(() => {
    if (!when || loaded) return
    let live = true
    load().then(
      (m) => {
        if (live) setLoaded(() => m)
      },
      () => {
        // A browser keeps a failed import of a module: trying again would fail again. Say so once.
        if (failed.includes(part)) return
        failed = [...failed, part]
        failureListeners.forEach((listener) => listener())
      },
    )
    return () => {
      live = false
    }
  }, [load, when, loaded, part])
  return loaded
}
