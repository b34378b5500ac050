import { BIGINT } from './arithmetic'
import { billedDurationMs, type CompiledPrice, type CompiledSheet } from './compiled-sheet'
import { addRatio, compareRatio, parseNumber, reduceRatio, subRatio, ZERO, type Ratio } from './decimal'
import { setIgnoredFields } from './fields'
import { measureFunction as measureMeters, METER_IDS, METERS, type MeterId } from './meters'
import { MeterTotals } from './price-meters'
import type { ManagedSizing } from './managed-instances'
import type { Architecture, FunctionInput, RequestUnit, SnapStartMode } from './types'

export type { MeterId } from './meters'

/**
 * What one function uses of each meter in a month, before the free tier, as
 * exact ratios, by meter name (see `METERS`). The bill prices the account's
 * sums; a function's share of a line is in proportion to its own figure here.
 */
export type MeterUsage = Record<MeterId, Ratio>

/** Every meter at zero. */
export function emptyUsage(): MeterUsage {
  const out = {} as MeterUsage
  for (const k of METER_IDS) out[k] = ZERO
  return out
}

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

/** One function's workload turned into usage: counts, billed durations and meters. */
export interface FunctionMeasure {
  /** The function as given (a valid input). */
  input: FunctionInput
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
  /** Managed Instances: how the function was sized (null on Lambda). */
  managed: ManagedSizing | null
  /** Its use of the meters with a line per instance type: one entry per type and price paid. */
  byType: TypeUse[]
  /** Bit i set for each meter it uses, with or without usage (a line of $0.00 is still a line). */
  used: number
  /** Inputs set on a sheet that does not bill them, by name. */
  ignored: string[]
}

/** A function's use of one line of a meter billed per instance type. */
export interface TypeUse {
  meter: MeterId
  type: string
  /** The price paid per unit; null for the meter's own price for the type. */
  price: CompiledPrice | null
  quantity: Ratio
}

/** The key that tells a per-type line from another of the same meter: its type and the price paid. */
export function typeKey(type: string, price: CompiledPrice | null): string {
  return price === null ? type : `${type}@${price.text}`
}

/**
 * ceil(durationMs + initMs) rounded up to the granularity, exact on the
 * decimals the user typed.
 */
export function billedColdDurationMs(durationMs: number, initMs: number, granularityMs: number): number {
  if (initMs === 0) return billedDurationMs(durationMs, granularityMs)
  return billedDurationMs(BIGINT.ceilSum(durationMs, initMs), granularityMs)
}

/** Names of the inputs a sheet without the 2026 meters ignores, when set to anything but their defaults: the fields table's `ignoredAs`. */
function ignoredInputs(fn: FunctionInput): string[] {
  return setIgnoredFields(fn).map((f) => f.ignoredAs!)
}

const ratio = (n: bigint, d: bigint): Ratio => reduceRatio({ n, d })

/**
 * Turns one valid function input into usage under `sheet`, with its monthly
 * requests given (so a chart can scale them). Exact throughout: the meters'
 * own rules (meters.ts) run in BIGINT.
 */
export function measureFunction(fn: FunctionInput, index: number, sheet: CompiledSheet, monthlyRequests: Ratio): FunctionMeasure {
  const data = sheet.data
  const extra = data.extraMeters
  const totals = new MeterTotals(BIGINT)
  const c = measureMeters(BIGINT, fn, sheet, monthlyRequests.n, monthlyRequests.d, totals)!
  const meters = emptyUsage()
  for (let i = 0; i < METERS.length; i++) {
    if ((totals.used & (1 << i)) === 0) continue
    const u = totals.U[i]!
    meters[METER_IDS[i]!] = ratio(totals.W[i]! * u + totals.F[i]!, u)
  }
  const spill = ratio(c.onDemandN, c.onDemandD)
  const cold = ratio(c.coldN, c.coldD)
  const billedMs = Number(c.billedMs)
  const snapStart: SnapStartMode = extra ? (fn.snapStart ?? 'off') : 'off'
  let cacheHoursBilled = ZERO
  if (snapStart === 'priced') {
    const hours = parseNumber(fn.snapStartCacheHours ?? 730)
    const min = { n: sheet.extra!.minCacheHours, d: 1n }
    cacheHoursBilled = compareRatio(hours, min) < 0 ? min : hours
  }
  return {
    input: fn,
    index,
    name: fn.name ?? '',
    architecture: c.architecture,
    memoryMb: fn.memoryMb,
    durationMs: fn.durationMs,
    billedMs,
    billedColdMs: billedColdDurationMs(fn.durationMs, extra ? (fn.initDurationMs ?? 0) : 0, data.granularityMs),
    initDurationMs: extra ? (fn.initDurationMs ?? 0) : 0,
    storageMb: fn.ephemeralStorageMb ?? data.ephemeralStorage.includedMb,
    requestsGiven: fn.requests,
    per: fn.per ?? 'month',
    edge: c.edge,
    snapStart,
    monthlyRequests: ratio(c.requestsN, c.requestsD),
    served: ratio(c.servedN, c.onDemandD),
    spill,
    cold,
    warm: subRatio(spill, cold),
    coldPercent: extra ? parseNumber(fn.coldStartPercent ?? 0) : ZERO,
    concurrency: Number(c.concurrency),
    provisionedHours: parseNumber(fn.provisionedHours ?? 730),
    provisionedSeconds: c.provisionedSeconds,
    sharePercent: parseNumber(fn.provisionedSharePercent ?? 100),
    snapStartVersions: fn.snapStartVersions ?? 1,
    cacheHoursBilled,
    streamedMb: extra ? parseNumber(fn.streamedMbPerRequest ?? 0) : ZERO,
    meters,
    managed: c.managed,
    used: totals.used,
    byType: totals.byType.map((g) => ({ meter: METER_IDS[g.i]!, type: g.type, price: g.price, quantity: ratio(g.w * g.u + g.f, g.u) })),
    ignored: extra ? [] : ignoredInputs(fn),
  }
}
