/**
 * Imported usage in a link: the compact, versioned form of the `iu` key (imported usage).
 *
 * A log can be hundreds of MB; a link holds at most 2,000 characters. What a
 * bill of imported usage depends on is far smaller: per function and memory
 * size, the count of invocations at each billed duration (cold and warm),
 * the exact sums of Duration and INIT, and, for the classic sheet's 100 ms
 * re-rounding of cold starts, their sum of ceil100(Duration). This module
 * turns an imported log into that summary (`prepareUsageLink`), writes it in
 * as few characters as fit a budget (`encodeUsageLink`), reads it back
 * (`decodeUsageLink`, never throws) and rebuilds samples the engine bills
 * (`linkedFunctions`).
 *
 * The form, version 1, uses only characters a query string keeps as they are
 * (`A-Z a-z 0-9 - . _ *`); numbers are base 36:
 *
 *     1.<flags>.<source>.<day imported>*<function>*<function>...
 *     function = <name>.<unread rows>.<first-span>.<requests a month>.<stats>.<group>.<group>...
 *     group    = <memory>-<max used>-<warm Duration us>[-<cold ceil100 ms>]_<row>_..._c_<cold row>_...
 *     row      = <billed ms>-<count>[-<bucket ms>-<billed ms sum>]   cold: <billed ms>-<count>-<bucket>-<sum>-<Duration us>-<INIT us>
 *     stats    = <mean-p50-p90-p99-max (0.01 ms)>_<INIT mean-p50-max>_<bin (0.01 ms)>-<count>-<count>...
 *
 * Text (`source`, `name`) is UTF-8 with every byte outside `A-Z a-z 0-9`
 * written `-XX`. Flags: `a`, the histogram was merged across 100 ms steps
 * (the classic sheet's bill may differ; the page gives its bounds); `h`, the
 * displayed histogram and percentiles were left out (redrawn from the rows).
 *
 * Exactness: on the current sheet the bill depends only on each memory
 * size's invocations, cold starts and sum of billed ms, which every bucket
 * keeps exactly; on the classic sheet warm invocations stay exact while a
 * bucket stays within one 100 ms step, and cold ones through their
 * ceil100(Duration) sum (from a log read line by line).
 */
import { MAX_REQUESTS_PER_MONTH, noInvocationColumns, usageStats, type AggregatedRow, type ReportSample, type UsageStats } from '../engine/index'

/** The version this module writes and reads. */
export const USAGE_LINK_VERSION = 1

/** The most characters of an `iu` value read: more is refused unread (a link is at most 2,000 characters). */
export const MAX_USAGE_LINK_CHARS = 2000

/** Text kept of a source or function name, characters. */
const MAX_TEXT_CHARS = 60
/** Limits on what a value may describe, checked on decode. */
const MAX_FUNCTIONS = 100
const MAX_GROUPS = 50
const MAX_BINS = 100
const MAX_MEMORY_MB = 10_240
/** Billed ms of one invocation: 900,000 ms of duration, INIT and restore on top. */
const MAX_BILLED_MS = 10_000_000
/** Epoch days up to 2200-01-01: far past any log, well inside what a Date holds. */
const MAX_DAY = 84_006
const MAX_EPOCH_MS = MAX_DAY * 86_400_000
const MS_PER_DAY = 86_400_000

/** A log as the usage panel holds it: one function, or a Logs Insights export of several. */
export interface UsageLinkSource {
  source: string
  sample: ReportSample
  stats: UsageStats
  functions?: { name: string; sample: ReportSample; stats: UsageStats }[]
}

/** Invocations of one memory size, cold or warm, whose billed durations lie in [billedMs, billedMs + bucketMs - 1] and sum to billedMsSum. */
export interface LinkRow {
  billedMs: number
  bucketMs: number
  invocations: number
  billedMsSum: bigint
  /** Cold rows: sums of Duration and INIT, µs. */
  durationUs?: bigint
  initUs?: bigint
}

/** One memory size of one function. */
export interface LinkGroup {
  memoryMb: number
  maxMemoryUsedMb: number
  /** Sum of Duration of the warm invocations, µs. */
  warmDurationUs: bigint
  /** Sum over cold invocations of ceil100(Duration) + billed restore, ms; null when unknown (aggregated rows). */
  classicColdMs: bigint | null
  warm: LinkRow[]
  cold: LinkRow[]
}

/** What the panel shows of a function beside its bill, as it was shown where the link was made. */
export interface LinkStats {
  /** In hundredths of a ms. */
  duration: [number, number, number, number, number]
  init: { mean: number; p50: number | null; max: number | null } | null
  /** Bin width in hundredths of a ms, and the counts. */
  binCentiMs: number
  bins: number[]
}

export interface LinkFunction {
  /** The Logs Insights `function`; '' for a log read line by line. */
  name: string
  problemCount: number
  /** The requests a month the bill was scaled to, when the user set them; null: the log's own rate. */
  monthlyRequests: number | null
  timeSpan: { firstMs: number; lastMs: number } | null
  stats: LinkStats | null
  groups: LinkGroup[]
}

/** Imported usage as a link carries it. */
export interface UsageLinkData {
  source: string
  /** Day imported, epoch days (UTC). */
  day: number
  /** Several functions from a Logs Insights export (names kept). */
  insights: boolean
  /** The rows were merged across 100 ms steps: the classic sheet's bill is known within bounds only. */
  approximate: boolean
  functions: LinkFunction[]
}

/** A value written to fit a budget. */
export interface EncodedUsageLink {
  value: string
  /** Merged across 100 ms steps to fit (see `UsageLinkData.approximate`). */
  approximate: boolean
  /** The shown histogram and percentiles were left out to fit. */
  statsDropped: boolean
}

// ---------------------------------------------------------------- preparing

function statsOf(stats: UsageStats): LinkStats {
  const c = (ms: number) => Math.max(0, Math.round(ms * 100))
  const d = stats.durationMs
  return {
    duration: [c(d.mean), c(d.p50), c(d.p90), c(d.p99), c(d.max)],
    init: stats.initMs
      ? {
          mean: c(stats.initMs.mean),
          p50: stats.initMs.p50 === null ? null : c(stats.initMs.p50),
          max: stats.initMs.max === null ? null : c(stats.initMs.max),
        }
      : null,
    binCentiMs: Math.max(1, Math.round(stats.histogram.binMs * 100)),
    bins: stats.histogram.bins.map((b) => b.count),
  }
}

/** Billed durations counted in an array (the rest in a map): 2^15 ms, 128 KB a memory size. */
const SMALL_MS = 1 << 15

/** Exact rows of a log read line by line: one row per billed duration (current-sheet rules). */
function groupsOfInvocations(sample: ReportSample): LinkGroup[] {
  type Acc = {
    /** Warm invocations per billed ms below SMALL_MS; the rest in `warmLong`. */
    warm: Uint32Array
    warmLong: Map<number, number>
    cold: Map<number, { n: number; d: bigint; i: bigint }>
    dw: bigint
    dwBlock: number
    k: bigint
    inBlock: number
  }
  const accs = new Map<number, Acc>()
  const { durationUs, initDurationUs, billedRestoreMs, memoryMb, cold } = sample
  // One pass, a counter per billed ms: millions of invocations in a fraction of a second
  let last = -1
  let a: Acc | undefined
  for (let j = 0; j < sample.invocations; j++) {
    const m = memoryMb[j]!
    if (m !== last) {
      a = accs.get(m)
      if (!a) accs.set(m, (a = { warm: new Uint32Array(SMALL_MS), warmLong: new Map(), cold: new Map(), dw: 0n, dwBlock: 0, k: 0n, inBlock: 0 }))
      last = m
    }
    const acc = a!
    const d = durationUs[j]!
    if (cold[j] === 1) {
      const init = initDurationUs[j]!
      const restore = billedRestoreMs[j]!
      const billed = Math.ceil((d + init) / 1000) + restore
      const row = acc.cold.get(billed)
      if (row) {
        row.n++
        row.d += BigInt(d)
        row.i += BigInt(init)
      } else acc.cold.set(billed, { n: 1, d: BigInt(d), i: BigInt(init) })
      acc.k += BigInt(Math.ceil(d / 100_000) * 100 + restore)
    } else {
      const billed = Math.ceil(d / 1000)
      if (billed < SMALL_MS) acc.warm[billed]!++
      else acc.warmLong.set(billed, (acc.warmLong.get(billed) ?? 0) + 1)
      // sums of up to 2^19 durations (each below 2^32) stay exact in a double
      acc.dwBlock += d
      if (++acc.inBlock === 1 << 19) {
        acc.dw += BigInt(acc.dwBlock)
        acc.dwBlock = acc.inBlock = 0
      }
    }
  }
  return [...accs.keys()]
    .sort((x, y) => x - y)
    .map((m) => {
      const a = accs.get(m)!
      const used = sample.maxMemoryUsedByMemoryMb[sample.memorySizesMb.indexOf(m)] ?? 0
      const warm: [number, number][] = []
      a.warm.forEach((n, b) => {
        if (n > 0) warm.push([b, n])
      })
      warm.push(...[...a.warmLong.entries()].sort((x, y) => x[0] - y[0]))
      return {
        memoryMb: m,
        maxMemoryUsedMb: used,
        warmDurationUs: a.dw + BigInt(a.dwBlock),
        classicColdMs: a.k,
        warm: warm.map(([b, n]) => ({ billedMs: b, bucketMs: 1, invocations: n, billedMsSum: BigInt(b) * BigInt(n) })),
        cold: [...a.cold.entries()]
          .sort((x, y) => x[0] - y[0])
          .map(([b, r]) => ({ billedMs: b, bucketMs: 1, invocations: r.n, billedMsSum: BigInt(b) * BigInt(r.n), durationUs: r.d, initUs: r.i })),
      }
    })
}

/** The rows of an aggregated sample, as they are. */
function groupsOfRows(sample: ReportSample, rows: readonly AggregatedRow[]): LinkGroup[] {
  const groups = new Map<number, LinkGroup>()
  for (const r of rows) {
    let g = groups.get(r.memoryMb)
    if (!g) {
      const used = sample.maxMemoryUsedByMemoryMb[sample.memorySizesMb.indexOf(r.memoryMb)] ?? 0
      groups.set(r.memoryMb, (g = { memoryMb: r.memoryMb, maxMemoryUsedMb: used, warmDurationUs: 0n, classicColdMs: null, warm: [], cold: [] }))
    }
    const row: LinkRow = { billedMs: r.billedMs, bucketMs: r.bucketMs, invocations: r.invocations, billedMsSum: r.billedMsSum }
    if (r.cold) g.cold.push({ ...row, durationUs: r.durationUs, initUs: r.initUs })
    else {
      g.warm.push(row)
      g.warmDurationUs += r.durationUs
    }
  }
  const byBilled = (x: LinkRow, y: LinkRow) => x.billedMs - y.billedMs || x.bucketMs - y.bucketMs
  return [...groups.values()].sort((x, y) => x.memoryMb - y.memoryMb).map((g) => ({ ...g, warm: g.warm.sort(byBilled), cold: g.cold.sort(byBilled) }))
}

function functionOf(name: string, sample: ReportSample, stats: UsageStats): LinkFunction {
  return {
    name,
    problemCount: sample.problemCount,
    monthlyRequests: null,
    timeSpan: sample.timeSpan ? { ...sample.timeSpan } : null,
    stats: statsOf(stats),
    groups: sample.aggregate ? groupsOfRows(sample, sample.aggregate.rows) : groupsOfInvocations(sample),
  }
}

/**
 * The summary of an imported log a link carries, exact (one row per billed
 * duration, or the export's rows): O(invocations), once per import.
 *
 * @example prepareUsageLink(log, Date.UTC(2026, 11, 5)).functions[0].groups[0].warm[0] // { billedMs: 16, bucketMs: 1, invocations: 3, billedMsSum: 48n }
 */
export function prepareUsageLink(log: UsageLinkSource, importedAtMs: number): UsageLinkData {
  const insights = log.functions !== undefined
  const functions = insights ? log.functions!.map((f) => functionOf(f.name, f.sample, f.stats)) : [functionOf('', log.sample, log.stats)]
  let approximate = false
  for (const f of functions)
    for (const g of f.groups) {
      const coldCount = g.cold.reduce((s, r) => s + r.invocations, 0)
      // SnapStart's billed restore (not a whole 100 ms) or a cold Duration of 0 ms: the rows cannot force the classic sum
      if (g.classicColdMs !== null && coldCount > 0 && classicColdRows(g.memoryMb, coldCount, g.classicColdMs) === null) {
        g.classicColdMs = null
        approximate = true
      }
    }
  return { source: log.source, day: Math.min(MAX_DAY, Math.max(0, Math.floor(importedAtMs / MS_PER_DAY))), insights, approximate, functions }
}

/**
 * The data with the requests a month the user set, by function name ('' for
 * a log read line by line); a whole number from 0 to 10^15, else left out.
 *
 * @example withMonthlyRequests(data, { '': 30_000_000 }).functions[0].monthlyRequests // 30000000
 */
export function withMonthlyRequests(data: UsageLinkData, volumes: Readonly<Record<string, number>>): UsageLinkData {
  return {
    ...data,
    functions: data.functions.map((f) => {
      const v = Object.hasOwn(volumes, f.name) ? volumes[f.name] : undefined
      return { ...f, monthlyRequests: v !== undefined && Number.isSafeInteger(v) && v >= 0 && v <= MAX_REQUESTS_PER_MONTH ? v : f.monthlyRequests }
    }),
  }
}

// ---------------------------------------------------------------- encoding

const b36 = (x: number | bigint) => x.toString(36)

/** UTF-8, every byte outside A-Z a-z 0-9 as `-XX`: nothing a query string escapes. */
function encodeText(text: string): string {
  const kept = [...text].slice(0, MAX_TEXT_CHARS).join('')
  let out = ''
  for (const byte of new TextEncoder().encode(kept)) {
    const ch = String.fromCharCode(byte)
    out += /[A-Za-z0-9]/.test(ch) ? ch : `-${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

function encodeRow(r: LinkRow, cold: boolean): string {
  const parts = [b36(r.billedMs), b36(r.invocations)]
  const plain = r.bucketMs === 1 && r.billedMsSum === BigInt(r.billedMs) * BigInt(r.invocations)
  if (cold || !plain) parts.push(b36(r.bucketMs), b36(r.billedMsSum))
  if (cold) parts.push(b36(r.durationUs ?? 0n), b36(r.initUs ?? 0n))
  return parts.join('-')
}

function encodeStats(s: LinkStats | null): string {
  if (!s) return ''
  const opt = (x: number | null) => (x === null ? 'n' : b36(x))
  const init = s.init ? [b36(s.init.mean), opt(s.init.p50), opt(s.init.max)].join('-') : ''
  return [s.duration.map(b36).join('-'), init, [s.binCentiMs, ...s.bins].map(b36).join('-')].join('_')
}

function encodeGroup(g: LinkGroup): string {
  const head = [b36(g.memoryMb), b36(g.maxMemoryUsedMb), b36(g.warmDurationUs)]
  if (g.classicColdMs !== null) head.push(b36(g.classicColdMs))
  const items = [head.join('-'), ...g.warm.map((r) => encodeRow(r, false))]
  if (g.cold.length > 0) items.push('c', ...g.cold.map((r) => encodeRow(r, true)))
  return items.join('_')
}

function encodeData(data: UsageLinkData, withStats: boolean): string {
  const flags = (data.approximate ? 'a' : '') + (withStats ? '' : 'h') + (data.insights ? 'i' : '')
  const head = [String(USAGE_LINK_VERSION), flags, encodeText(data.source), b36(data.day)].join('.')
  const fns = data.functions.map((f) =>
    [
      encodeText(f.name),
      b36(f.problemCount),
      f.timeSpan ? `${b36(f.timeSpan.firstMs)}-${b36(f.timeSpan.lastMs - f.timeSpan.firstMs)}` : '',
      f.monthlyRequests === null ? '' : b36(f.monthlyRequests),
      encodeStats(withStats ? f.stats : null),
      ...f.groups.map(encodeGroup),
    ].join('.'),
  )
  return [head, ...fns].join('*')
}

/** Rows merged into buckets ((k - 1) x width, k x width] of their lower bound; whether a merge crossed a 100 ms step. */
function mergeRows(rows: LinkRow[], widthMs: number, cold: boolean): { rows: LinkRow[]; crossed: boolean } {
  if (widthMs === 1 || rows.length < 2) return { rows, crossed: false }
  const out: LinkRow[] = []
  let crossed = false
  let current: LinkRow | null = null
  let key = -1
  let top = 0
  let merged = 1
  const close = () => {
    if (!current) return
    current.bucketMs = top - current.billedMs + 1
    if (merged > 1 && Math.ceil(current.billedMs / 100) !== Math.ceil(top / 100)) crossed = true
    if (merged > 1 && cold) crossed = true
    out.push(current)
  }
  for (const r of rows) {
    const k = Math.ceil(r.billedMs / widthMs)
    if (current && k === key) {
      current.invocations += r.invocations
      current.billedMsSum += r.billedMsSum
      if (r.durationUs !== undefined) current.durationUs = (current.durationUs ?? 0n) + r.durationUs
      if (r.initUs !== undefined) current.initUs = (current.initUs ?? 0n) + r.initUs
      top = Math.max(top, r.billedMs + r.bucketMs - 1)
      merged++
    } else {
      close()
      current = { ...r }
      key = k
      top = r.billedMs + r.bucketMs - 1
      merged = 1
    }
  }
  close()
  return { rows: out, crossed }
}

/** The data with every group's rows merged to `widthMs`, and whether the classic bill may now differ. */
export function coarsen(data: UsageLinkData, widthMs: number): UsageLinkData {
  let approximate = data.approximate
  const functions = data.functions.map((f) => ({
    ...f,
    groups: f.groups.map((g) => {
      const warm = mergeRows(g.warm, widthMs, false)
      // cold rows stay exact on the classic sheet through classicColdMs when it is known
      const cold = mergeRows(g.cold, widthMs, g.classicColdMs === null)
      if (warm.crossed || cold.crossed) approximate = true
      return { ...g, warm: warm.rows, cold: cold.rows }
    }),
  }))
  return { ...data, approximate, functions }
}

/** Bucket widths tried in turn: those up to 100 ms keep both sheets' bills exact. */
const WIDTHS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 100_000, MAX_BILLED_MS + 1]

/**
 * The shortest faithful form that fits `budget` characters (the value
 * alone): the exact rows first, then buckets of 2 to 100 ms (both sheets
 * still exact), then without the shown histogram, then wider buckets (the
 * classic sheet's bill within bounds, said by the `a` flag). Null when even
 * one bucket per memory size does not fit (too many functions).
 *
 * @example encodeUsageLink(data, 1500)?.value // '1..report-2Elog.k3x*.0.....'
 */
export function encodeUsageLink(data: UsageLinkData, budget: number): EncodedUsageLink | null {
  const hasStats = data.functions.some((f) => f.stats !== null)
  const tries: [number, boolean][] = [
    ...(hasStats ? WIDTHS.filter((w) => w <= 100).map((w): [number, boolean] => [w, true]) : []),
    ...WIDTHS.map((w): [number, boolean] => [w, false]),
  ]
  // Each form is written once for a given data (the budget changes with every edit of the estimate; the forms do not).
  let forms = FORMS.get(data)
  if (!forms) FORMS.set(data, (forms = new Map()))
  for (const [width, withStats] of tries) {
    const key = `${width}${withStats ? 's' : ''}`
    let form = forms.get(key)
    if (form === undefined) {
      const d = coarsen(data, width)
      // a row takes 3 characters at least: a form with more rows than that cannot fit, and is not written out
      const rows = d.functions.reduce((n, f) => f.groups.reduce((m, g) => m + g.warm.length + g.cold.length, n), 0)
      form = 3 * rows > MAX_USAGE_LINK_CHARS ? null : { value: encodeData(d, withStats), approximate: d.approximate, statsDropped: !withStats }
      forms.set(key, form)
    }
    if (form && form.value.length <= budget) return form
  }
  return null
}

/** The forms of a data already written, by bucket width and whether the shown figures are in. */
const FORMS = new WeakMap<UsageLinkData, Map<string, EncodedUsageLink | null>>()

// ---------------------------------------------------------------- decoding

/** An `iu` value that cannot be used, and why (names the key, the value and what is allowed). */
export interface UsageLinkProblem {
  message: string
}

class Bad extends Error {}

function fail(message: string): never {
  throw new Bad(message)
}

const BASE36 = /^[0-9a-z]{1,13}$/

function big(text: string | undefined, what: string): bigint {
  if (text === undefined || !BASE36.test(text)) fail(`${what} is not a whole number in base 36 (got "${(text ?? '').slice(0, 20)}")`)
  let n = 0n
  for (const ch of text) n = n * 36n + BigInt(parseInt(ch, 36))
  return n
}

function num(text: string | undefined, what: string, max: number): number {
  const n = big(text, what)
  if (n > BigInt(max)) fail(`${what} is ${n.toLocaleString('en-US')}, more than the ${max.toLocaleString('en-US')} allowed`)
  return Number(n)
}

function decodeText(text: string, what: string): string {
  if (!/^(?:[A-Za-z0-9]|-[0-9A-F]{2})*$/.test(text)) fail(`${what} holds characters other than letters, digits and -XX escapes`)
  const bytes: number[] = []
  for (let i = 0; i < text.length;) {
    if (text[i] === '-') {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16))
      i += 3
    } else bytes.push(text.charCodeAt(i++))
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))
  } catch {
    return fail(`${what} is not UTF-8 text`)
  }
}

function decodeRow(item: string, cold: boolean, where: string): LinkRow {
  const p = item.split('-')
  if (!(cold ? p.length === 6 : p.length === 2 || p.length === 4))
    fail(`${where}: a ${cold ? 'cold' : 'warm'} row has ${p.length} numbers, not ${cold ? 6 : '2 or 4'}`)
  const billedMs = num(p[0], `${where}: a billed duration`, MAX_BILLED_MS)
  const invocations = num(p[1], `${where}: a count of invocations`, Number.MAX_SAFE_INTEGER)
  if (invocations === 0) fail(`${where}: a row of 0 invocations`)
  const bucketMs = p.length > 2 ? num(p[2], `${where}: a bucket width`, MAX_BILLED_MS) : 1
  if (bucketMs < 1) fail(`${where}: a bucket of 0 ms`)
  const billedMsSum = p.length > 2 ? big(p[3], `${where}: a sum of billed ms`) : BigInt(billedMs) * BigInt(invocations)
  const n = BigInt(invocations)
  if (billedMsSum < n * BigInt(billedMs) || billedMsSum > n * BigInt(billedMs + bucketMs - 1))
    fail(
      `${where}: ${invocations.toLocaleString('en-US')} invocations from ${billedMs} to ${billedMs + bucketMs - 1} ms cannot sum to ${billedMsSum.toLocaleString('en-US')} ms`,
    )
  const row: LinkRow = { billedMs, bucketMs, invocations, billedMsSum }
  if (cold) {
    row.durationUs = big(p[4], `${where}: a sum of Duration`)
    row.initUs = big(p[5], `${where}: a sum of INIT`)
    if (row.durationUs > n * BigInt(MAX_BILLED_MS) * 1000n || row.initUs > n * BigInt(MAX_BILLED_MS) * 1000n)
      fail(`${where}: a cold row's Duration or INIT is longer than Lambda runs`)
  }
  return row
}

function decodeGroup(field: string, where: string): LinkGroup {
  const items = field.split('_')
  const head = items[0]!.split('-')
  if (head.length !== 3 && head.length !== 4) fail(`${where}: a memory size's heading has ${head.length} numbers, not 3 or 4`)
  const memoryMb = num(head[0], `${where}: the memory size`, MAX_MEMORY_MB)
  if (memoryMb < 1) fail(`${where}: a memory size of 0 MB`)
  const w = `${where}, ${memoryMb} MB`
  const g: LinkGroup = {
    memoryMb,
    maxMemoryUsedMb: num(head[1], `${w}: the max memory used`, MAX_MEMORY_MB),
    warmDurationUs: big(head[2], `${w}: the warm Duration`),
    classicColdMs: head.length === 4 ? big(head[3], `${w}: the cold starts' classic billed ms`) : null,
    warm: [],
    cold: [],
  }
  let cold = false
  for (const item of items.slice(1)) {
    if (item === 'c' && !cold) cold = true
    else (cold ? g.cold : g.warm).push(decodeRow(item, cold, w))
  }
  const invocations = [...g.warm, ...g.cold].reduce((s, r) => s + r.invocations, 0)
  if (invocations === 0) fail(`${w}: no invocations`)
  if (!Number.isSafeInteger(invocations)) fail(`${w}: more invocations than can be counted exactly`)
  if (g.warmDurationUs > BigInt(g.warm.reduce((s, r) => s + r.invocations, 0)) * BigInt(MAX_BILLED_MS) * 1000n)
    fail(`${w}: the warm Duration is longer than the warm invocations can run`)
  return g
}

function decodeStats(field: string, where: string): LinkStats | null {
  if (field === '') return null
  const [dur, init, hist, ...rest] = field.split('_')
  if (rest.length > 0 || dur === undefined || init === undefined || hist === undefined) fail(`${where}: the shown figures are not 3 parts`)
  const d = dur.split('-').map((x) => num(x, `${where}: a shown duration`, MAX_BILLED_MS * 100))
  if (d.length !== 5) fail(`${where}: the shown durations are not 5 numbers`)
  let initStats: LinkStats['init'] = null
  if (init !== '') {
    const i = init.split('-')
    if (i.length !== 3) fail(`${where}: the shown INIT is not 3 numbers`)
    const opt = (x: string | undefined) => (x === 'n' ? null : num(x, `${where}: a shown INIT`, MAX_BILLED_MS * 100))
    initStats = { mean: num(i[0], `${where}: the mean INIT`, MAX_BILLED_MS * 100), p50: opt(i[1]), max: opt(i[2]) }
  }
  const h = hist.split('-')
  if (h.length < 1 || h.length > MAX_BINS + 1) fail(`${where}: the histogram has more than ${MAX_BINS} bins`)
  const binCentiMs = num(h[0], `${where}: the histogram's bin width`, 1e10)
  if (binCentiMs < 1) fail(`${where}: a histogram bin of 0 ms`)
  return {
    duration: d as LinkStats['duration'],
    init: initStats,
    binCentiMs,
    bins: h.slice(1).map((x) => num(x, `${where}: a histogram count`, Number.MAX_SAFE_INTEGER)),
  }
}

function decodeFunction(text: string, index: number, insights: boolean): LinkFunction {
  const fields = text.split('.')
  const where = insights ? `function ${index + 1}` : 'the usage'
  if (fields.length < 6)
    fail(`${where} has ${fields.length} parts, not at least 6 (name, unread rows, time span, requests a month, figures, a memory size)`)
  const [name, problems, span, volume, stats, ...groups] = fields as [string, string, string, string, string, ...string[]]
  if (groups.length > MAX_GROUPS) fail(`${where} has ${groups.length} memory sizes, more than the ${MAX_GROUPS} allowed`)
  let timeSpan: LinkFunction['timeSpan'] = null
  if (span !== '') {
    const s = span.split('-')
    if (s.length !== 2) fail(`${where}: the time span is not two numbers`)
    const firstMs = num(s[0], `${where}: the first invocation's time`, MAX_EPOCH_MS)
    const lastMs = firstMs + num(s[1], `${where}: the time span`, MAX_EPOCH_MS)
    if (lastMs > MAX_EPOCH_MS) fail(`${where}: the last invocation is after the year 2200`)
    timeSpan = { firstMs, lastMs }
  }
  const f: LinkFunction = {
    name: decodeText(name, `${where}'s name`),
    problemCount: num(problems, `${where}: the count of unread rows`, Number.MAX_SAFE_INTEGER),
    monthlyRequests: volume === '' ? null : num(volume, `${where}: the requests a month`, MAX_REQUESTS_PER_MONTH),
    timeSpan,
    stats: decodeStats(stats, where),
    groups: groups.map((g) => decodeGroup(g, where)),
  }
  const sizes = f.groups.map((g) => g.memoryMb)
  if (new Set(sizes).size !== sizes.length) fail(`${where} lists a memory size twice`)
  const invocations = f.groups.reduce((s, g) => s + [...g.warm, ...g.cold].reduce((t, r) => t + r.invocations, 0), 0)
  if (!Number.isSafeInteger(invocations)) fail(`${where}: more invocations than can be counted exactly`)
  return f
}

/**
 * Reads an `iu` value. Never throws: a value that cannot be used is a problem
 * naming what is wrong with it (a newer version, a malformed part, a count
 * past what can be billed exactly).
 *
 * @example decodeUsageLink('9.x') // { problem: { message: 'iu=9.x: imported usage written by a newer version (9) of the calculator; ...' } }
 */
export function decodeUsageLink(value: unknown): { data: UsageLinkData } | { problem: UsageLinkProblem } {
  const text = typeof value === 'string' ? value : ''
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text
  const problem = (why: string) => ({
    problem: { message: `iu=${shown}: the imported usage in this link cannot be read: ${why}. The calculator opens without it.` },
  })
  if (text.length > MAX_USAGE_LINK_CHARS)
    return problem(
      `it is ${text.length > 1e6 ? 'over 1,000,000' : text.length.toLocaleString('en-US')} characters long, more than the ${MAX_USAGE_LINK_CHARS.toLocaleString('en-US')} a link holds`,
    )
  try {
    const [head, ...fns] = text.split('*')
    const h = head!.split('.')
    const version = h[0] ?? ''
    if (/^\d{1,6}$/.test(version) && Number(version) > USAGE_LINK_VERSION)
      return {
        problem: {
          message: `iu=${shown}: the imported usage was written by a newer version (${version}) of the calculator; this one reads version ${USAGE_LINK_VERSION}. The calculator opens without it.`,
        },
      }
    if (version !== String(USAGE_LINK_VERSION)) fail(`it does not start with a version (${USAGE_LINK_VERSION}.)`)
    if (h.length !== 4) fail(`its heading has ${h.length} parts, not 4 (version, flags, source, date)`)
    const flags = h[1]!
    if (!/^a?h?i?$/.test(flags)) fail(`unknown flags "${flags.slice(0, 10)}" (a, h and i are known)`)
    const insights = flags.includes('i')
    if (fns.length === 0) fail('it holds no function')
    if (fns.length > MAX_FUNCTIONS) fail(`it holds ${fns.length} functions, more than ${MAX_FUNCTIONS}`)
    if (!insights && fns.length > 1) fail('it holds several functions but is not a Logs Insights export')
    const data: UsageLinkData = {
      source: decodeText(h[2]!, 'the source'),
      day: num(h[3], 'the date imported', MAX_DAY),
      insights,
      approximate: flags.includes('a'),
      functions: fns.map((f, i) => decodeFunction(f, i, insights)),
    }
    return { data }
  } catch (e) {
    if (e instanceof Bad) return problem(e.message)
    return problem('it is not in the form this calculator writes')
  }
}

// ---------------------------------------------------------------- samples

/** A function rebuilt from a link: the sample the current sheet bills, the classic sheet's when it differs, and what to show. */
export interface LinkedFunction {
  name: string
  sample: ReportSample
  /** The classic sheet's sample where cold starts re-round exactly from their ceil100 sum; else undefined (bill `sample`). */
  classicSample?: ReportSample
  /** The requests a month set where the link was made; null: the log's own rate. */
  monthlyRequests: number | null
  /** As shown where the link was made; drawn from `sample` when the link left them out (`statsRedrawn`). */
  stats: UsageStats
  statsRedrawn: boolean
}

function aggregateSample(f: LinkFunction, rows: AggregatedRow[]): ReportSample {
  const sizes = f.groups.map((g) => g.memoryMb)
  const invocations = f.groups.reduce((s, g) => s + [...g.warm, ...g.cold].reduce((t, r) => t + r.invocations, 0), 0)
  const coldStarts = f.groups.reduce((s, g) => s + g.cold.reduce((t, r) => t + r.invocations, 0), 0)
  return {
    invocations,
    coldStarts,
    ...noInvocationColumns(),
    memorySizesMb: sizes,
    maxMemoryUsedByMemoryMb: f.groups.map((g) => g.maxMemoryUsedMb),
    timeSpan: f.timeSpan,
    timestampedInvocations: f.timeSpan ? invocations : 0,
    formats: [],
    problems: [],
    problemCount: f.problemCount,
    lines: 0,
    aggregate: { rows },
  }
}

function rowOf(memoryMb: number, r: LinkRow, cold: boolean, durationUs: bigint, initUs: bigint): AggregatedRow {
  return {
    memoryMb,
    cold,
    billedMs: r.billedMs,
    bucketMs: r.bucketMs,
    invocations: r.invocations,
    billedMsSum: r.billedMsSum,
    durationUs,
    initUs,
    maxMemoryUsedMb: 0,
    line: 0,
  }
}

/** The classic sheet's cold rows: `count` invocations whose ceil100 sum is `ms`, as rows whose Durations can only be what re-rounds to it. */
function classicColdRows(memoryMb: number, count: number, ms: bigint): AggregatedRow[] | null {
  const steps = ms / 100n
  const n = BigInt(count)
  if (steps * 100n !== ms || steps < n) return null
  const q = steps / n
  const more = Number(steps - q * n)
  const out: AggregatedRow[] = []
  const forced = (k: number, stepsEach: bigint): AggregatedRow => {
    const top = Number(stepsEach) * 100
    return {
      memoryMb,
      cold: true,
      billedMs: top,
      bucketMs: 1,
      invocations: k,
      billedMsSum: BigInt(top) * BigInt(k),
      durationUs: BigInt(k) * BigInt(top) * 1000n,
      initUs: 0n,
      maxMemoryUsedMb: 0,
      line: 0,
    }
  }
  if (count - more > 0) out.push(forced(count - more, q))
  if (more > 0) out.push(forced(more, q + 1n))
  return out
}

/**
 * Samples the engine bills as the original was billed: aggregated rows with
 * the exact sums. Stats are the figures shown where the link was made, or
 * drawn from the rows when the link left them out.
 *
 * @example linkedFunctions(data)[0].sample.aggregate?.rows.length
 */
export function linkedFunctions(data: UsageLinkData): LinkedFunction[] {
  return data.functions.map((f) => {
    const rows: AggregatedRow[] = []
    const classicRows: AggregatedRow[] = []
    let classicExact = f.groups.some((g) => g.classicColdMs !== null && g.cold.length > 0)
    for (const g of f.groups) {
      const firstWarm = rows.length
      g.warm.forEach((r, i) => rows.push(rowOf(g.memoryMb, r, false, i === 0 ? g.warmDurationUs : 0n, 0n)))
      for (const r of g.cold) rows.push(rowOf(g.memoryMb, r, true, r.durationUs ?? 0n, r.initUs ?? 0n))
      // the classic sample: the same warm rows; cold rows forced to their exact ceil100 sum, Duration kept in total by a row of no invocations
      const coldCount = g.cold.reduce((s, r) => s + r.invocations, 0)
      const forced = g.classicColdMs === null || coldCount === 0 ? null : classicColdRows(g.memoryMb, coldCount, g.classicColdMs)
      if (coldCount > 0 && !forced) classicExact = false
      classicRows.push(...rows.slice(firstWarm, firstWarm + g.warm.length))
      if (forced) {
        const coldDuration = g.cold.reduce((s, r) => s + (r.durationUs ?? 0n), 0n)
        const coldInit = g.cold.reduce((s, r) => s + (r.initUs ?? 0n), 0n)
        const forcedDuration = forced.reduce((s, r) => s + r.durationUs, 0n)
        classicRows.push(...forced)
        forced[0]!.initUs = coldInit
        classicRows.push({
          ...rowOf(g.memoryMb, { billedMs: 0, bucketMs: 1, invocations: 0, billedMsSum: 0n }, false, coldDuration - forcedDuration, 0n),
        })
      } else classicRows.push(...rows.slice(firstWarm + g.warm.length))
    }
    const sample = aggregateSample(f, rows)
    const stats = f.stats ? statsFrom(f.stats, sample) : usageStats(sample)
    const out: LinkedFunction = { name: f.name, sample, monthlyRequests: f.monthlyRequests, stats, statsRedrawn: f.stats === null }
    if (classicExact) out.classicSample = aggregateSample(f, classicRows)
    return out
  })
}

function statsFrom(s: LinkStats, sample: ReportSample): UsageStats {
  const ms = (c: number) => c / 100
  const binUs = s.binCentiMs * 10
  let maxUsed = 0
  for (const m of sample.maxMemoryUsedByMemoryMb) maxUsed = Math.max(maxUsed, m)
  return {
    invocations: sample.invocations,
    coldStarts: sample.coldStarts,
    durationMs: { mean: ms(s.duration[0]), p50: ms(s.duration[1]), p90: ms(s.duration[2]), p99: ms(s.duration[3]), max: ms(s.duration[4]) },
    initMs: s.init
      ? { mean: ms(s.init.mean), p50: s.init.p50 === null ? null : ms(s.init.p50), max: s.init.max === null ? null : ms(s.init.max) }
      : null,
    maxMemoryUsedMb: maxUsed,
    memorySizesMb: [...sample.memorySizesMb],
    histogram: { binMs: ms(s.binCentiMs), bins: s.bins.map((count, i) => ({ fromMs: (i * binUs) / 1000, toMs: ((i + 1) * binUs) / 1000, count })) },
    timeSpan: sample.timeSpan,
  }
}

/** The day imported as YYYY-MM-DD. */
export function importedDate(data: UsageLinkData): string {
  return new Date(data.day * MS_PER_DAY).toISOString().slice(0, 10)
}

// ---------------------------------------------------------------- exports

/**
 * Imported usage as the exports write it, in full (every row, exact sums as
 * decimal strings): what the link carries when it fits, without the cap.
 *
 * @example importedUsageExport(data).functions[0].memorySizes[0].rows[0] // { cold: false, billedMs: 16, bucketMs: 1, invocations: 3, billedMsSum: '48' }
 */
export interface ImportedUsageExport {
  source: string
  /** YYYY-MM-DD (UTC). */
  importedOn: string
  /** A Logs Insights export (rows), rather than a log read line by line. */
  fromInsights: boolean
  /** Merged across 100 ms steps (read from a link that had to): the classic sheet's bill is known within bounds. */
  approximate: boolean
  functions: {
    name: string
    /** Requests a month set in the panel; null: the log's own rate. */
    monthlyRequests: number | null
    invocations: number
    coldStarts: number
    firstInvocation: string | null
    lastInvocation: string | null
    memorySizes: {
      memoryMb: number
      maxMemoryUsedMb: number
      /** Sum of the warm invocations' Duration, µs. */
      warmDurationUs: string
      /** Sum over cold invocations of ceil100(Duration) + billed restore, ms; null when not known. */
      classicColdBilledMs: string | null
      rows: {
        cold: boolean
        billedMs: number
        bucketMs: number
        invocations: number
        billedMsSum: string
        durationUs?: string
        initUs?: string
      }[]
    }[]
  }[]
}

/** The exports' form of imported usage. */
export function importedUsageExport(data: UsageLinkData): ImportedUsageExport {
  const rowOut = (r: LinkRow, cold: boolean): ImportedUsageExport['functions'][number]['memorySizes'][number]['rows'][number] => {
    const out: ImportedUsageExport['functions'][number]['memorySizes'][number]['rows'][number] = {
      cold,
      billedMs: r.billedMs,
      bucketMs: r.bucketMs,
      invocations: r.invocations,
      billedMsSum: String(r.billedMsSum),
    }
    if (cold) {
      out.durationUs = String(r.durationUs ?? 0n)
      out.initUs = String(r.initUs ?? 0n)
    }
    return out
  }
  const iso = (ms: number) => new Date(ms).toISOString()
  return {
    source: data.source,
    importedOn: importedDate(data),
    fromInsights: data.insights,
    approximate: data.approximate,
    functions: data.functions.map((f) => ({
      name: f.name,
      monthlyRequests: f.monthlyRequests,
      invocations: f.groups.reduce((s, g) => s + [...g.warm, ...g.cold].reduce((t, r) => t + r.invocations, 0), 0),
      coldStarts: f.groups.reduce((s, g) => s + g.cold.reduce((t, r) => t + r.invocations, 0), 0),
      firstInvocation: f.timeSpan ? iso(f.timeSpan.firstMs) : null,
      lastInvocation: f.timeSpan ? iso(f.timeSpan.lastMs) : null,
      memorySizes: f.groups.map((g) => ({
        memoryMb: g.memoryMb,
        maxMemoryUsedMb: g.maxMemoryUsedMb,
        warmDurationUs: String(g.warmDurationUs),
        classicColdBilledMs: g.classicColdMs === null ? null : String(g.classicColdMs),
        rows: [...g.warm.map((r) => rowOut(r, false)), ...g.cold.map((r) => rowOut(r, true))],
      })),
    })),
  }
}
