import { useEffect, useState } from 'react'

/**
 * A module loaded after the first commit: null until it arrives. Unlike
 * `React.lazy` under a Suspense boundary, this never holds back the first
 * commit (the total) while a chunk that is not needed for it loads.
 * `load` must be a stable, module-level function.
 */
export function useLoaded<T>(load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<T | null>(null)
  useEffect(() => {
    let live = true
    void load().then((m) => {
      if (live) setLoaded(() => m)
    })
    return () => {
      live = false
    }
  }, [load])
  return loaded
}
