/**
 * `lookup` with its last key and answer remembered. Consecutive estimates
 * mostly ask for the same sheet and region, and comparing one string is cheaper
 * than a Map lookup.
 */
export function rememberLast<K extends string, V>(lookup: (key: K) => V): (key: K) => V {
  let lastKey: K | undefined
  let last: V
  return (key) => {
    if (key !== lastKey) {
      last = lookup(key)
      lastKey = key
    }
    return last
  }
}
