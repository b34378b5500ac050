import type { Architecture, PriceSheetInfo } from '../types'
import type { BesideLambdaPrices } from './beside-lambda'

/**
 * One price bracket of compute: usage up to `upToGbSeconds` (null: no limit) at `usdPerGbSecond`.
 *
 * @example { upToGbSeconds: '6000000000', usdPerGbSecond: '0.0000166667' }
 */
export interface TierData {
  upToGbSeconds: string | null
  usdPerGbSecond: string
}

/**
 * Provisioned concurrency prices for one architecture in one region.
 *
 * @example { usdPerGbSecond: '0.0000041667', durationUsdPerGbSecond: '0.0000097222', estimated: false }
 */
export interface ProvisionedPrices {
  /** Per GB-s of concurrency configured (enabled time rounded up to 5 minutes). */
  usdPerGbSecond: string
  /** Per GB-s of duration of the invocations the provisioned environments serve. */
  durationUsdPerGbSecond: string
  /** True where the price is derived (arm64 = x86_64 x 0.8, rounded half-up to 10 decimals) rather than published. */
  estimated: boolean
}

/**
 * A known doubt about a region's prices, shown to the user wherever it affects an estimate.
 * `contested-prices`: sources disagree (the newer figures are used);
 * `first-bracket-only`: the base rate differs from us-east-1's and only the first compute bracket is
 * in our sources, so the brackets above it are assumed equal to it, which probably overcharges above
 * 6 billion x86_64 / 7.5 billion arm64 GB-s a month;
 * `arm64-provisioned-derived`: arm64 provisioned concurrency is derived (x86_64 x 0.8, rounded half-up to 10 decimals).
 *
 * @example PRICE_SHEETS['aws-current'].regions['ap-northeast-3'].caveats // ['contested-prices', 'arm64-provisioned-derived']
 */
export type RegionCaveat = 'contested-prices' | 'first-bracket-only' | 'arm64-provisioned-derived'

/**
 * Prices in one region. Every price is a decimal string, exactly as published.
 *
 * @example PRICE_SHEETS['aws-current'].regions['eu-west-1'].storageUsdPerGbSecond // '0.0000000340'
 */
export interface RegionPrices {
  name: string
  /** False where sources disagree about the figures (see `caveats`). */
  verified: boolean
  usdPerRequest: string
  /** Null where the price is not known: storage above 512 MB cannot be priced there. */
  storageUsdPerGbSecond: string | null
  /** Graduated brackets per architecture, lowest first. */
  compute: Partial<Record<Architecture, TierData[]>>
  /** Provisioned concurrency per architecture; absent on a sheet without it. */
  provisioned?: Partial<Record<Architecture, ProvisionedPrices>>
  /** Where these figures come from. */
  source?: string
  /** Doubts about these figures; every one that applies is named in the estimate. */
  caveats?: RegionCaveat[]
}

/**
 * The meters of the 2026 bill that have one price everywhere (AWS publishes
 * them for us-east-1 only), and the rules of cold starts and provisioned
 * concurrency. A sheet without them ignores those inputs.
 *
 * @example PRICE_SHEETS['aws-current'].extraMeters?.edge.usdPerGbSecond // '0.00005001'
 */
export interface ExtraMeters {
  /** The INIT phase of a cold start is billed as on-demand duration (since 2025-08-01). */
  initBilled: true
  /** Provisioned concurrency's enabled time is rounded up to this many minutes. */
  provisionedRoundingMinutes: number
  snapStart: { cacheUsdPerGbSecond: string; restoreUsdPerGb: string; minCacheHours: number }
  edge: { usdPerRequest: string; usdPerGbSecond: string; granularityMs: number }
  streaming: { freeMbPerRequest: number; freeGibPerMonth: string; usdPerGib: string }
  /**
   * Prices of the meters that name their price by key (see each meter's
   * `price` in meters.ts), USD per unit, exactly as published: one price for
   * every region.
   */
  prices: Readonly<Record<string, string>>
  /** Lambda Managed Instances: its request price and the rules its bill and sizing follow. */
  managedInstances: ManagedInstancesRules
  /** What comes with a function on the invoice: CloudWatch Logs, the API in front, data out (beside-lambda.ts). */
  besideLambda: BesideLambdaPrices
  sources: { title: string; url: string }[]
}

/**
 * Lambda Managed Instances' rules: requests at their own price (no free tier),
 * the EC2 instance-hours at the price paid, and a management fee of a share of
 * the on-demand price for the same hours; the sizing's minimum and reserves.
 *
 * @example PRICE_SHEETS['aws-current'].extraMeters?.managedInstances.managementFeePercent // 15
 */
export interface ManagedInstancesRules {
  usdPerRequest: string
  /** The management fee, % of the instance type's on-demand price, whatever price the instance itself is billed at. */
  managementFeePercent: number
  /** Instances a function keeps at least (three, for AZ resiliency): it does not scale to zero. */
  minInstances: number
  hoursPerMonth: number
  /** Memory a Managed Instances function may have, MB. */
  minMemoryMb: number
  maxMemoryMb: number
  /** Kept on each instance for the operating system. */
  reservedVcpus: number
  reservedMemoryMb: number
}

/**
 * A price sheet as data: everything the engine needs to bill under it, with
 * where each figure comes from. Add a sheet by adding a file like this one and
 * registering it in `registry.ts`.
 *
 * @example PRICE_SHEETS['aws-current'].memory // { minMb: 128, maxMb: 10240, stepMb: 1 }
 */
export interface PriceSheetData extends PriceSheetInfo {
  memory: { minMb: number; maxMb: number; stepMb: number }
  maxDurationMs: number
  /** Ephemeral storage limits; storage up to `includedMb` is free. */
  ephemeralStorage: { minMb: number; maxMb: number; includedMb: number }
  architectures: Architecture[]
  freeTier: { requests: string; gbSeconds: string }
  defaultRegion: string
  regions: Record<string, RegionPrices>
  /** Cold starts, provisioned concurrency, SnapStart, Lambda@Edge, streaming; absent: those inputs are ignored. */
  extraMeters?: ExtraMeters
  /**
   * Memory sizes the sheet offers that came after its prices took effect, at
   * the same rate: the largest size there was at first, when the larger ones
   * came, and the source. The sizes stay on the sheet (a link keeps its
   * meaning); the comparison says when a function uses one.
   *
   * @example PRICE_SHEETS['aws-2016'].memoryAddedLater?.aboveMb // 1536
   */
  memoryAddedLater?: { aboveMb: number; when: string; source: { title: string; url: string } }
}

/**
 * What an estimate says of the sheet it was priced with: where its prices come
 * from, their dates and the billing granularity. Frozen; the same for every
 * estimate.
 *
 * @example infoOfSheet(AWS_2016).granularityMs // 100
 */
export function infoOfSheet(s: PriceSheetData): PriceSheetInfo {
  const info: PriceSheetInfo = {
    id: s.id,
    label: s.label,
    effectiveDate: s.effectiveDate,
    checkedDate: s.checkedDate,
    sources: s.sources,
    granularityMs: s.granularityMs,
  }
  return Object.freeze(info)
}
