import { billedDurationMs, type CompiledSheet } from './billing'
import { addRatio, ceilRatio, compareRatio, parseNumber, reduceRatio, scaleRatio, subRatio, ZERO, type Ratio } from './decimal'
import { setIgnoredFields } from './fields'
import type { Architecture, FunctionInput, RequestUnit, SnapStartMode } from './types'

/**
 * What one function uses of each meter in a month, before the free tier, as
 * exact ratios. The bill prices the account's sums; a function's share of a
 * line is in proportion to its own figure here.
 */
export interface MeterUsage {
  /** Regional requests (every request but Lambda@Edge's). */
  requests: Ratio
  /** On-demand compute GB-s (warm, cold with INIT, provisioned spill-over), per architecture. */
  x86Gbs: Ratio
  armGbs: Ratio
  /** Ephemeral storage above the included 512 MB, GB-s. */
  storageGbs: Ratio
  /** Provisioned concurrency GB-s, per architecture. */
  pcX86Gbs: Ratio
  pcArmGbs: Ratio
  /** Duration of invocations served by provisioned environments, GB-s, per architecture. */
  pcDurationX86Gbs: Ratio
  pcDurationArmGbs: Ratio
  /** SnapStart cache, GB-s. */
  cacheGbs: Ratio
  /** SnapStart restores, GB restored. */
  restoreGb: Ratio
  /** Lambda@Edge requests and GB-s. */
  edgeRequests: Ratio
  edgeGbs: Ratio
  /** Response streaming past the first 6 MB of each request, GiB. */
  streamGib: Ratio
}

/** The names of the meters, in the order the bill lists them. */
export type MeterId = keyof MeterUsage

/** Every meter at zero. */
export function emptyUsage(): MeterUsage {
  return {
    requests: ZERO,
    x86Gbs: ZERO,
    armGbs: ZERO,
    storageGbs: ZERO,
    pcX86Gbs: ZERO,
    pcArmGbs: ZERO,
    pcDurationX86Gbs: ZERO,
    pcDurationArmGbs: ZERO,
    cacheGbs: ZERO,
    restoreGb: ZERO,
    edgeRequests: ZERO,
    edgeGbs: ZERO,
    streamGib: ZERO,
  }
}

const METER_IDS = Object.keys(emptyUsage()) as MeterId[]

/** a + b, meter by meter. */
export function addUsage(a: MeterUsage, b: MeterUsage): MeterUsage {
  const out = {} as MeterUsage
  for (const k of METER_IDS) out[k] = addRatio(a[k], b[k])
  return out
}

/** Every meter in lowest terms. */
export function reduceUsage(a: MeterUsage): MeterUsage {
  const out = {} as MeterUsage
  for (const k of METER_IDS) out[k] = reduceRatio(a[k])
  return out
}

/** base + slope x t for whole t: usage is affine in the request volume. */
export function affineUsage(base: MeterUsage, slope: MeterUsage, t: bigint): MeterUsage {
  const out = {} as MeterUsage
  for (const k of METER_IDS) {
    const s = slope[k]
    out[k] = s.n === 0n ? base[k] : addRatio(base[k], { n: s.n * t, d: s.d })
  }
  return out
}

/** One function's workload turned into usage: counts, billed durations and meters. */
export interface FunctionMeasure {
  index: number
  name: string
  architecture: Architecture
  memoryMb: number
  durationMs: number
  billedMs: number
  /** Billed duration of a cold invocation: ceil(duration + INIT) to the granularity. */
  billedColdMs: number
  initDurationMs: number
  storageMb: number
  requestsGiven: number
  per: RequestUnit
  edge: boolean
  snapStart: SnapStartMode
  /** Requests per month. */
  monthlyRequests: Ratio
  /** Served by provisioned environments; the rest (spill) runs on demand. */
  served: Ratio
  spill: Ratio
  /** On-demand invocations that start cold, and those that do not. */
  cold: Ratio
  warm: Ratio
  coldPercent: Ratio
  concurrency: number
  provisionedHours: Ratio
  /** Enabled time billed, seconds: rounded up to 5 minutes. */
  provisionedSeconds: bigint
  sharePercent: Ratio
  snapStartVersions: number
  /** Cache hours billed per version (at least the minimum). */
  cacheHoursBilled: Ratio
  streamedMb: Ratio
  meters: MeterUsage
  /** Inputs set on a sheet that does not bill them, by name. */
  ignored: string[]
}

const HUNDRED = 100n
const MB_MS_PER_GB_S = 1_024_000n

/**
 * ceil(durationMs + initMs) rounded up to the granularity, exact on the
 * decimals the user typed. The sum of two doubles can land a hair off a whole
 * number; only then is the exact sum needed.
 */
export function billedColdDurationMs(durationMs: number, initMs: number, granularityMs: number): number {
  if (initMs === 0) return billedDurationMs(durationMs, granularityMs)
  const sum = durationMs + initMs
  const frac = sum - Math.floor(sum)
  if (frac > 1e-6 && frac < 1 - 1e-6) return billedDurationMs(sum, granularityMs)
  if (Number.isInteger(durationMs) && Number.isInteger(initMs)) return billedDurationMs(sum, granularityMs)
  const exact = addRatio(parseNumber(durationMs), parseNumber(initMs))
  return billedDurationMs(Number(ceilRatio(exact)), granularityMs)
}

/** Names of the inputs a sheet without the 2026 meters ignores, when set to anything but their defaults: the fields table's `ignoredAs`. */
function ignoredInputs(fn: FunctionInput): string[] {
  return setIgnoredFields(fn).map((f) => f.ignoredAs!)
}

/**
 * Turns one valid function input into usage under `sheet`, with its monthly
 * requests given (so a chart can scale them). Exact throughout.
 */
export function measureFunction(fn: FunctionInput, index: number, sheet: CompiledSheet, monthlyRequests: Ratio): FunctionMeasure {
  const data = sheet.data
  const extra = data.extraMeters
  const granularity = data.granularityMs
  const includedMb = data.ephemeralStorage.includedMb
  const architecture = fn.architecture ?? 'x86_64'
  const memoryMb = fn.memoryMb
  const mb = BigInt(memoryMb)
  const billedMs = billedDurationMs(fn.durationMs, granularity)
  const initDurationMs = extra ? (fn.initDurationMs ?? 0) : 0
  const billedColdMs = billedColdDurationMs(fn.durationMs, initDurationMs, granularity)
  const edge = extra !== undefined && fn.edge === true
  const concurrency = extra && !edge ? (fn.provisionedConcurrency ?? 0) : 0
  const storageMb = fn.ephemeralStorageMb ?? includedMb
  const coldPercent = extra ? parseNumber(fn.coldStartPercent ?? 0) : ZERO
  const provisionedHours = parseNumber(fn.provisionedHours ?? 730)
  const sharePercent = parseNumber(fn.provisionedSharePercent ?? 100)
  const snapStart: SnapStartMode = extra ? (fn.snapStart ?? 'off') : 'off'
  const streamedMb = extra ? parseNumber(fn.streamedMbPerRequest ?? 0) : ZERO
  const R = monthlyRequests

  const meters = emptyUsage()
  let provisionedSeconds = 0n
  let served = ZERO
  if (concurrency > 0) {
    // Enabled time rounded up to whole 5-minute periods.
    const minutes = BigInt(extra!.provisionedRoundingMinutes)
    const periods = ceilRatio(scaleRatio(provisionedHours, 60n, minutes))
    provisionedSeconds = periods * minutes * 60n
    served = scaleRatio(R, sharePercent.n, sharePercent.d * HUNDRED)
    const pcGbs = { n: BigInt(concurrency) * mb * provisionedSeconds, d: 1024n }
    const servedGbs = scaleRatio(served, BigInt(billedMs) * mb, MB_MS_PER_GB_S)
    if (architecture === 'arm64') {
      meters.pcArmGbs = pcGbs
      meters.pcDurationArmGbs = servedGbs
    } else {
      meters.pcX86Gbs = pcGbs
      meters.pcDurationX86Gbs = servedGbs
    }
  }
  const spill = subRatio(R, served)
  const cold = coldPercent.n === 0n ? ZERO : scaleRatio(spill, coldPercent.n, coldPercent.d * HUNDRED)
  const warm = subRatio(spill, cold)
  // Billed ms of the on-demand invocations, and of all (for storage).
  const onDemandMs = addRatio(scaleRatio(warm, BigInt(billedMs)), scaleRatio(cold, BigInt(billedColdMs)))
  const gbs = scaleRatio(onDemandMs, mb, MB_MS_PER_GB_S)
  if (edge) {
    meters.edgeRequests = R
    meters.edgeGbs = gbs
  } else {
    meters.requests = R
    if (architecture === 'arm64') meters.armGbs = gbs
    else meters.x86Gbs = gbs
    if (storageMb > includedMb) {
      const allMs = addRatio(onDemandMs, scaleRatio(served, BigInt(billedMs)))
      meters.storageGbs = scaleRatio(allMs, BigInt(storageMb - includedMb), MB_MS_PER_GB_S)
    }
  }

  let cacheHoursBilled = ZERO
  const snapStartVersions = fn.snapStartVersions ?? 1
  if (snapStart === 'priced') {
    const hours = parseNumber(fn.snapStartCacheHours ?? 730)
    const min = { n: sheet.extra!.minCacheHours, d: 1n }
    cacheHoursBilled = compareRatio(hours, min) < 0 ? min : hours
    meters.cacheGbs = scaleRatio(cacheHoursBilled, BigInt(snapStartVersions) * mb * 3600n, 1024n)
    meters.restoreGb = scaleRatio(cold, mb, 1024n)
  }

  if (extra && streamedMb.n > 0n) {
    const beyond = subRatio(streamedMb, { n: BigInt(extra.streaming.freeMbPerRequest), d: 1n })
    if (beyond.n > 0n) meters.streamGib = scaleRatio(mulR(R, beyond), 1n, 1024n)
  }

  return {
    index,
    name: fn.name ?? '',
    architecture,
    memoryMb,
    durationMs: fn.durationMs,
    billedMs,
    billedColdMs,
    initDurationMs,
    storageMb,
    requestsGiven: fn.requests,
    per: fn.per ?? 'month',
    edge,
    snapStart,
    monthlyRequests: R,
    served,
    spill,
    cold,
    warm,
    coldPercent,
    concurrency,
    provisionedHours,
    provisionedSeconds,
    sharePercent,
    snapStartVersions,
    cacheHoursBilled,
    streamedMb,
    meters,
    ignored: extra ? [] : ignoredInputs(fn),
  }
}

function mulR(a: Ratio, b: Ratio): Ratio {
  return { n: a.n * b.n, d: a.d * b.d }
}
