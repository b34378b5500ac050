/**
 * Counts the work a synchronous parser does, in characters examined through
 * the string primitives it is built from (indexOf scans, charCodeAt reads,
 * slices, startsWith, joins...), instead of timing it: a parser whose count
 * grows faster than its input is not linear, however fast the machine.
 */
export function countWork<T>(run: () => T): { result: T; work: number } {
  const s = String.prototype
  const a = Array.prototype
  const saved = {
    indexOf: s.indexOf,
    lastIndexOf: s.lastIndexOf,
    charCodeAt: s.charCodeAt,
    startsWith: s.startsWith,
    endsWith: s.endsWith,
    slice: s.slice,
    includes: s.includes,
    trim: s.trim,
    replace: s.replace,
    join: a.join,
  }
  let work = 0
  s.indexOf = function (this: string, search: string, from?: number) {
    const start = from === undefined || from < 0 ? 0 : from
    const r = saved.indexOf.call(this, search, start)
    work += (r < 0 ? this.length : r + search.length) - start + 1
    return r
  }
  s.lastIndexOf = function (this: string, search: string, from?: number) {
    const start = from === undefined ? this.length : from
    const r = saved.lastIndexOf.call(this, search, start)
    work += start - (r < 0 ? 0 : r) + 1
    return r
  }
  s.charCodeAt = function (this: string, i: number) {
    work++
    return saved.charCodeAt.call(this, i)
  }
  s.startsWith = function (this: string, search: string, from?: number) {
    work += search.length
    return saved.startsWith.call(this, search, from)
  }
  s.endsWith = function (this: string, search: string, end?: number) {
    work += search.length
    return saved.endsWith.call(this, search, end)
  }
  s.slice = function (this: string, from?: number, to?: number) {
    const r = saved.slice.call(this, from, to)
    work += r.length + 1
    return r
  }
  s.includes = function (this: string, search: string, from?: number) {
    work += this.length
    return saved.includes.call(this, search, from)
  }
  s.trim = function (this: string) {
    work += this.length
    return saved.trim.call(this)
  }
  s.replace = function (this: string, ...args: unknown[]) {
    work += this.length
    return (saved.replace as (...x: unknown[]) => string).apply(this, args)
  }
  a.join = function (this: unknown[], sep?: string) {
    const r = saved.join.call(this, sep)
    work += r.length + 1
    return r
  }
  try {
    const result = run()
    return { result, work }
  } finally {
    Object.assign(s, {
      indexOf: saved.indexOf,
      lastIndexOf: saved.lastIndexOf,
      charCodeAt: saved.charCodeAt,
      startsWith: saved.startsWith,
      endsWith: saved.endsWith,
      slice: saved.slice,
      includes: saved.includes,
      trim: saved.trim,
      replace: saved.replace,
    })
    a.join = saved.join
  }
}
