import { MAX_DURATION_MS } from '../fields'

/**
 * Reading aws-lambda-power-tuning results: its visualization link or its
 * JSON output.
 *
 * The link's hash (as built by the tool's `buildVisualizationURL`) is three
 * base64 strings joined by `;`: the memory sizes as a little-endian
 * Int16Array, the average durations (ms) as a Float32Array and the average
 * costs per invocation (USD) as a Float32Array, sorted by memory.
 */

/**
 * One measured memory size.
 *
 * @example { memoryMb: 1024, durationMs: 11.91, costUsd: 0.0000002 }
 */
export interface PowerTuningPoint {
  memoryMb: number
  /** Average duration measured at this memory, ms. */
  durationMs: number
  /** What power tuning reported per invocation (compute only, no requests, tiers or free tier), USD. */
  costUsd?: number
}

/**
 * Power-tuning results, sorted by memory.
 *
 * @example { points: [{ memoryMb: 128, durationMs: 2.9 }, { memoryMb: 256, durationMs: 1.5 }] }
 */
export interface PowerTuningResult {
  points: PowerTuningPoint[]
}

/**
 * The error every bad link or JSON gives; its message says what is wrong.
 *
 * @example
 * try { parsePowerTuning('https://example.com/#abc') } catch (e) { (e as PowerTuningFormatError).message }
 * // 'A power-tuning link ends in #powers;durations;costs (three base64 parts), but this one has 1 part'
 */
export class PowerTuningFormatError extends Error {
  override name = 'PowerTuningFormatError'
}

/**
 * The longest power-tuning text read, in characters: its JSON output for
 * {@link MAX_POWER_TUNING_POINTS} sizes takes about 40,000, a link a few
 * thousand.
 *
 * @example MAX_POWER_TUNING_CHARS // 100000
 */
export const MAX_POWER_TUNING_CHARS = 100_000

/**
 * The most measured memory sizes read from one power-tuning run (every 64 MB
 * step from 128 to 10,240 MB is 159).
 *
 * @example MAX_POWER_TUNING_POINTS // 200
 */
export const MAX_POWER_TUNING_POINTS = 200

function tooManyPoints(count: number): PowerTuningFormatError {
  return new PowerTuningFormatError(
    `These power-tuning results list ${count.toLocaleString('en-US')} memory sizes; at most ${MAX_POWER_TUNING_POINTS} are read. Run power tuning over fewer sizes, or paste the results of one run at a time`,
  )
}

/**
 * Decodes the percent-escapes of a link's hash, or says which one is broken
 * (decodeURIComponent's own error is only "URI malformed").
 */
function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash)
  } catch {
    const bad = /%(?![0-9a-fA-F]{2})/.exec(hash)
    if (bad) {
      const shown = hash.slice(bad.index, bad.index + 3)
      throw new PowerTuningFormatError(
        `The link has a broken percent-escape, ${JSON.stringify(shown)} at character ${bad.index + 1} of its hash: "%" must be followed by two hexadecimal digits. Copy the link again from power tuning's output`,
      )
    }
    const run = /(?:%[0-9a-fA-F]{2})+/.exec(hash)
    throw new PowerTuningFormatError(
      `The link's percent-escapes${run ? ` at character ${run.index + 1} of its hash (${JSON.stringify(run[0].slice(0, 24))})` : ''} do not spell UTF-8 text. Copy the link again from power tuning's output`,
    )
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX = new Int16Array(128).fill(-1)
for (let i = 0; i < 64; i++) B64_INDEX[B64.charCodeAt(i)] = i
B64_INDEX[45] = 62 // '-' (URL-safe alphabet)
B64_INDEX[95] = 63 // '_'

function decodeBase64(text: string, what: string): Uint8Array {
  const clean = text.replace(/%3D/gi, '=').replace(/[=\s]+$/, '')
  if (clean.length % 4 === 1) throw new PowerTuningFormatError(`The ${what} part of the link is not valid base64 (wrong length)`)
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let value = 0
  let o = 0
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i)
    const v = c < 128 ? B64_INDEX[c]! : -1
    if (v < 0)
      throw new PowerTuningFormatError(`The ${what} part of the link is not valid base64 (character ${JSON.stringify(clean[i])} at ${i + 1})`)
    value = (value << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (value >> bits) & 0xff
    }
  }
  return out.subarray(0, o)
}

/** The shortest decimal that reads back as the same float32: 2.9066668 rather than 2.906666755676269. */
function float32Decimal(x: number): number {
  for (let p = 1; p <= 9; p++) {
    const y = Number(x.toPrecision(p))
    if (Math.fround(y) === x) return y
  }
  return x
}

function checkPoints(points: PowerTuningPoint[]): PowerTuningResult {
  if (points.length === 0) throw new PowerTuningFormatError('The power-tuning results hold no measured memory size')
  const seen = new Set<number>()
  for (const p of points) {
    if (!Number.isInteger(p.memoryMb) || p.memoryMb < 128 || p.memoryMb > 10_240)
      throw new PowerTuningFormatError(`Memory ${p.memoryMb} MB is not a Lambda memory size (a whole number from 128 to 10,240 MB)`)
    if (seen.has(p.memoryMb)) throw new PowerTuningFormatError(`Memory ${p.memoryMb} MB appears twice in the power-tuning results`)
    seen.add(p.memoryMb)
    if (!Number.isFinite(p.durationMs) || p.durationMs <= 0 || p.durationMs > 900_000)
      throw new PowerTuningFormatError(`The average duration at ${p.memoryMb} MB, ${p.durationMs}, is not a duration from 0 to 900,000 ms`)
    if (p.costUsd !== undefined && (!Number.isFinite(p.costUsd) || p.costUsd < 0))
      throw new PowerTuningFormatError(`The cost at ${p.memoryMb} MB, ${p.costUsd}, is not a price in USD`)
  }
  return { points: [...points].sort((a, b) => a.memoryMb - b.memoryMb) }
}

function fromHash(hash: string): PowerTuningResult {
  const parts = decodeHash(hash.replace(/^#/, '')).trim().split(';')
  if (parts.length < 2 || parts.length > 3)
    throw new PowerTuningFormatError(
      `A power-tuning link ends in #powers;durations;costs (three base64 parts), but this one has ${parts.length} part${parts.length === 1 ? '' : 's'}`,
    )
  const powerBytes = decodeBase64(parts[0]!, 'memory')
  const durationBytes = decodeBase64(parts[1]!, 'duration')
  const costBytes = parts[2] === undefined || parts[2] === '' ? null : decodeBase64(parts[2], 'cost')
  if (powerBytes.length % 2 !== 0) throw new PowerTuningFormatError('The memory part of the link is not a list of 16-bit numbers')
  if (durationBytes.length % 4 !== 0) throw new PowerTuningFormatError('The duration part of the link is not a list of 32-bit numbers')
  if (costBytes && costBytes.length % 4 !== 0) throw new PowerTuningFormatError('The cost part of the link is not a list of 32-bit numbers')
  const count = powerBytes.length / 2
  if (count > MAX_POWER_TUNING_POINTS) throw tooManyPoints(count)
  if (durationBytes.length / 4 !== count || (costBytes && costBytes.length / 4 !== count))
    throw new PowerTuningFormatError(
      `The link lists ${count} memory sizes but ${durationBytes.length / 4} durations${costBytes ? ` and ${costBytes.length / 4} costs` : ''}`,
    )
  const powers = new DataView(powerBytes.buffer, powerBytes.byteOffset, powerBytes.byteLength)
  const durations = new DataView(durationBytes.buffer, durationBytes.byteOffset, durationBytes.byteLength)
  const costs = costBytes ? new DataView(costBytes.buffer, costBytes.byteOffset, costBytes.byteLength) : null
  const points: PowerTuningPoint[] = []
  for (let i = 0; i < count; i++) {
    const point: PowerTuningPoint = { memoryMb: powers.getInt16(i * 2, true), durationMs: float32Decimal(durations.getFloat32(i * 4, true)) }
    if (costs) point.costUsd = float32Decimal(costs.getFloat32(i * 4, true))
    points.push(point)
  }
  return checkPoints(points)
}

/** A decimal number as JSON writes it (power tuning writes numbers, or strings of them): no 0x, 0b, 0o, Infinity or blanks. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

function toNumber(v: unknown, what: string): number {
  if (typeof v === 'string' && !DECIMAL.test(v.trim())) {
    const shown = JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)
    const radix = /^\s*[+-]?0[xXbBoO]/.test(v) ? ' (hexadecimal, binary and octal are not read: write it in decimal)' : ''
    throw new PowerTuningFormatError(`${what} is ${shown}, not a number${radix}`)
  }
  const x = typeof v === 'string' ? Number(v) : v
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new PowerTuningFormatError(`${what} is ${JSON.stringify(v) ?? 'missing'}, not a number`)
  return x
}

function fromJson(data: unknown): PowerTuningResult {
  let node: unknown = data
  // the state machine's output may come wrapped: { "results": { ... } } or { "output": "..." }
  for (let depth = 0; depth < 3 && node && typeof node === 'object' && !Array.isArray(node); depth++) {
    const o = node as Record<string, unknown>
    if ('stats' in o || 'stateMachine' in o) break
    const inner = o.results ?? o.output ?? o.Output
    if (inner === undefined) break
    node = typeof inner === 'string' ? safeParse(inner) : inner
  }
  const stats = Array.isArray(node) ? node : node && typeof node === 'object' ? (node as Record<string, unknown>).stats : undefined
  if (Array.isArray(stats)) {
    const count = stats.filter((s) => s !== null && s !== undefined).length
    if (count > MAX_POWER_TUNING_POINTS) throw tooManyPoints(count)
    const points: PowerTuningPoint[] = []
    stats.forEach((s, i) => {
      if (s === null || s === undefined) return // the tool drops empty results too
      if (typeof s !== 'object') throw new PowerTuningFormatError(`stats[${i}] is not an object`)
      const st = s as Record<string, unknown>
      const memoryMb = toNumber(st.value ?? st.power, `stats[${i}].value (memory)`)
      const durationMs = toNumber(st.averageDuration ?? st.duration, `stats[${i}].averageDuration`)
      const price = st.averagePrice ?? st.cost
      const point: PowerTuningPoint = { memoryMb, durationMs }
      if (price !== undefined && price !== null) point.costUsd = toNumber(price, `stats[${i}].averagePrice`)
      points.push(point)
    })
    return checkPoints(points)
  }
  const link =
    node && typeof node === 'object'
      ? ((node as Record<string, unknown>).stateMachine as Record<string, unknown> | undefined)?.visualization
      : undefined
  if (typeof link === 'string' && link.includes('#')) return fromHash(link.slice(link.indexOf('#') + 1))
  throw new PowerTuningFormatError(
    'This JSON is not power-tuning output: it has neither "stats" (run the state machine with "includeOutputResults": true) nor "stateMachine.visualization"',
  )
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Reads aws-lambda-power-tuning results from its visualization link (or just
 * the link's hash) or from its JSON output (`stats[]` with `value`,
 * `averageDuration`, `averagePrice`; the state machine output with `power`,
 * `cost`, `duration`, `stateMachine` and, when asked for, `stats`; when
 * `stats` is missing, the link in `stateMachine.visualization`). Points come
 * sorted by memory.
 *
 * Throws {@link PowerTuningFormatError} with a message saying what is wrong
 * when the text is neither.
 *
 * @example
 * parsePowerTuning('https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;ZooQR4yvkUa/pQRGRC5zRaADHUVjOftE;QdWhOEMkoziDT5Q4xhiIOMYYiDi6RNc4').points[0]
 * // { memoryMb: 128, durationMs: 37002.4, costUsd: 0.000077168 }
 * parsePowerTuning('{"stats":[{"value":128,"averageDuration":2.9,"averagePrice":2.1e-7}]}').points
 * // [{ memoryMb: 128, durationMs: 2.9, costUsd: 2.1e-7 }]
 */
export function parsePowerTuning(text: string): PowerTuningResult {
  if (typeof text !== 'string' || text.trim() === '') throw new PowerTuningFormatError('Paste a power-tuning visualization link or its JSON output')
  if (text.length > MAX_POWER_TUNING_CHARS)
    throw new PowerTuningFormatError(
      `This text is ${text.length.toLocaleString('en-US')} characters long; power-tuning results are read up to ${MAX_POWER_TUNING_CHARS.toLocaleString('en-US')} characters (a link, or the JSON output of up to ${MAX_POWER_TUNING_POINTS} memory sizes)`,
    )
  const t = text.trim()
  if (t.startsWith('{') || t.startsWith('[')) {
    let data: unknown
    try {
      data = JSON.parse(t)
    } catch (e) {
      throw new PowerTuningFormatError(`This looks like JSON but cannot be read: ${(e as Error).message}`)
    }
    return fromJson(data)
  }
  const hashAt = t.indexOf('#')
  if (hashAt >= 0) return fromHash(t.slice(hashAt + 1))
  if (t.includes(';') && !/\s/.test(t)) return fromHash(t)
  throw new PowerTuningFormatError('This is neither a power-tuning visualization link (it has no "#" followed by the encoded results) nor JSON')
}
