import { parseDecimalString, toDecimalString, type Ratio } from './decimal'
import type { BesideKey, BesideLambdaPrices } from './sheets/beside-lambda'
import { EC2_INSTANCE_TYPES } from './sheets/ec2-instances'
import { PRICE_SHEETS } from './sheets/registry'
import type { PriceSheetData, RegionPrices } from './sheets/sheet-data'
import type { Architecture, PriceSheetId } from './types'

// The rounding rule, in a module of its own for the classic sheet's entry; read from here too.
export { billedDurationMs, MB_MS_PER_GB_SECOND } from './billed-duration'

/** A compute bracket with its bounds and price as exact numbers. */
export interface CompiledTier {
  /** Upper bound, GB-s; null for the open last bracket. */
  upToGbSeconds: bigint | null
  usdPerGbSecond: Ratio
  usdPerGbSecondText: string
  /** A price taken from us-east-1's where the region's own was not found. */
  estimated?: boolean
}

/** A price as an exact number with the text it was written as. */
export interface CompiledPrice {
  usd: Ratio
  text: string
  /** Derived rather than published. */
  estimated: boolean
}

/** A region's prices as exact numbers. */
export interface CompiledRegion {
  id: string
  data: RegionPrices
  usdPerRequest: Ratio
  storageUsdPerGbSecond: Ratio | null
  /** The same two as priced meters. */
  requestPrice: CompiledPrice
  storagePrice: CompiledPrice | null
  compute: Partial<Record<Architecture, CompiledTier[]>>
  /** Provisioned concurrency and its duration, per architecture. */
  provisioned: Partial<Record<Architecture, { concurrency: CompiledPrice; duration: CompiledPrice }>>
  /** Managed Instances types priced here: their on-demand price per instance-hour, and the management fee's. */
  instances: { onDemand: CompiledPerType; fee: CompiledPerType }
  /** The meters beside Lambda (logs, API, data out) by price key: brackets, or one price. Empty on a sheet without them. */
  beside: ReadonlyMap<BesideKey, CompiledTier[] | CompiledPrice>
}

/** A price per instance type, for the meters that bill one line per type. */
export interface CompiledPerType {
  perType: ReadonlyMap<string, CompiledPrice>
}

/** The sheet's one-price meters as exact numbers. */
export interface CompiledExtraMeters {
  cache: CompiledPrice
  restore: CompiledPrice
  edgeRequest: CompiledPrice
  edgeGbs: CompiledPrice
  streaming: CompiledPrice
  freeStreamingGib: bigint
  minCacheHours: bigint
  /** The sheet's `prices` by key. */
  prices: ReadonlyMap<string, CompiledPrice>
  managedRequest: CompiledPrice
  /** CloudWatch Logs' free GB a month, and data out's (GB = 2^30 bytes). */
  freeLogsGb: bigint
  freeDataOutGb: bigint
}

function price(text: string, estimated = false): CompiledPrice {
  return { usd: parseDecimalString(text), text, estimated }
}

/** A price sheet parsed once into exact numbers. */
export interface CompiledSheet {
  data: PriceSheetData
  freeRequests: bigint
  freeGbSeconds: bigint
  regions: Map<string, CompiledRegion>
  /** Null on a sheet that ignores cold starts, provisioned concurrency, SnapStart, Edge and streaming. */
  extra: CompiledExtraMeters | null
}

/** Each Managed Instances type's on-demand price in `region`, and the fee at `feePercent` % of it. */
function instancePrices(region: string, feePercent: number | undefined): CompiledRegion['instances'] {
  const onDemand = new Map<string, CompiledPrice>()
  const fee = new Map<string, CompiledPrice>()
  if (feePercent !== undefined) {
    for (const t of EC2_INSTANCE_TYPES) {
      const text = t.managedInstances ? t.onDemandUsdPerHour[region] : undefined
      if (text === undefined) continue
      const od = price(text)
      onDemand.set(t.name, od)
      const n = od.usd.n * BigInt(feePercent)
      const d = od.usd.d * 100n
      fee.set(t.name, { usd: { n, d }, text: toDecimalString(n, d), estimated: false })
    }
  }
  return { onDemand: { perType: onDemand }, fee: { perType: fee } }
}

/**
 * A region's prices beside Lambda: its own brackets where a source gives them,
 * us-east-1's otherwise (marked estimated outside us-east-1); a meter with one
 * open bracket has one price.
 */
function besidePrices(id: string, beside: BesideLambdaPrices | undefined): CompiledRegion['beside'] {
  const out = new Map<BesideKey, CompiledTier[] | CompiledPrice>()
  if (!beside) return out
  const own = beside.regions[id] ?? {}
  for (const [key, base] of Object.entries(beside.usEast1) as [BesideKey, BesideLambdaPrices['usEast1'][BesideKey]][]) {
    const mine = own[key] ?? []
    const list = base.map((t, i) => {
      const text = mine[i] ?? t.usd
      return {
        upToGbSeconds: t.upTo === null ? null : BigInt(t.upTo),
        usdPerGbSecond: parseDecimalString(text),
        usdPerGbSecondText: text,
        estimated: id !== 'us-east-1' && mine[i] === undefined,
      }
    })
    out.set(key, list.length === 1 ? { usd: list[0]!.usdPerGbSecond, text: list[0]!.usdPerGbSecondText, estimated: list[0]!.estimated } : list)
  }
  return out
}

function compileRegion(id: string, data: RegionPrices, feePercent: number | undefined, beside?: BesideLambdaPrices): CompiledRegion {
  const compute: CompiledRegion['compute'] = {}
  for (const [arch, tiers] of Object.entries(data.compute) as [Architecture, RegionPrices['compute']['x86_64']][]) {
    compute[arch] = (tiers ?? []).map((t) => ({
      upToGbSeconds: t.upToGbSeconds === null ? null : BigInt(t.upToGbSeconds),
      usdPerGbSecond: parseDecimalString(t.usdPerGbSecond),
      usdPerGbSecondText: t.usdPerGbSecond,
    }))
  }
  return {
    id,
    data,
    usdPerRequest: parseDecimalString(data.usdPerRequest),
    storageUsdPerGbSecond: data.storageUsdPerGbSecond === null ? null : parseDecimalString(data.storageUsdPerGbSecond),
    requestPrice: price(data.usdPerRequest),
    storagePrice: data.storageUsdPerGbSecond === null ? null : price(data.storageUsdPerGbSecond),
    compute,
    provisioned: Object.fromEntries(
      Object.entries(data.provisioned ?? {}).map(([arch, p]) => [
        arch,
        { concurrency: price(p.usdPerGbSecond, p.estimated), duration: price(p.durationUsdPerGbSecond, p.estimated) },
      ]),
    ),
    instances: instancePrices(id, feePercent),
    beside: besidePrices(id, beside),
  }
}

const compiled = new Map<PriceSheetId, CompiledSheet>()

/** The sheet `id` in exact form, parsed on first use. */
export function compiledSheet(id: PriceSheetId): CompiledSheet {
  let sheet = compiled.get(id)
  if (!sheet) {
    const data = PRICE_SHEETS[id]
    sheet = {
      data,
      freeRequests: BigInt(data.freeTier.requests),
      freeGbSeconds: BigInt(data.freeTier.gbSeconds),
      regions: new Map(
        Object.entries(data.regions).map(([rid, r]) => [
          rid,
          compileRegion(rid, r, data.extraMeters?.managedInstances.managementFeePercent, data.extraMeters?.besideLambda),
        ]),
      ),
      extra: data.extraMeters
        ? {
            cache: price(data.extraMeters.snapStart.cacheUsdPerGbSecond),
            restore: price(data.extraMeters.snapStart.restoreUsdPerGb),
            edgeRequest: price(data.extraMeters.edge.usdPerRequest),
            edgeGbs: price(data.extraMeters.edge.usdPerGbSecond),
            streaming: price(data.extraMeters.streaming.usdPerGib),
            freeStreamingGib: BigInt(data.extraMeters.streaming.freeGibPerMonth),
            minCacheHours: BigInt(data.extraMeters.snapStart.minCacheHours),
            prices: new Map(Object.entries(data.extraMeters.prices).map(([key, usd]) => [key, price(usd)])),
            managedRequest: price(data.extraMeters.managedInstances.usdPerRequest),
            freeLogsGb: BigInt(data.extraMeters.besideLambda.freeLogsGb),
            freeDataOutGb: BigInt(data.extraMeters.besideLambda.freeDataOutGb),
          }
        : null,
    }
    compiled.set(id, sheet)
  }
  return sheet
}
