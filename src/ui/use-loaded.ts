import { useEffect, useState } from 'react'

/**
 * A module loaded after the first commit: null until it arrives. Unlike
 * `React.lazy` under a Suspense boundary, this never holds back the first
 * commit (the total) while a chunk that is not needed for it loads.
 * `load` must be a stable, module-level function; nothing loads while `when` is false.
 */
export function useLoaded<T>(load: () => Promise<T>, when = true): T | null {
  const [loaded, setLoaded] = useState<T | null>(null)
  useEffect(() => {
    if (!when || loaded) return
    let live = true
    void load().then((m) => {
      if (live) setLoaded(() => m)
    })
    return () => {
      live = false
    }
  }, [load, when, loaded])
  return loaded
}
