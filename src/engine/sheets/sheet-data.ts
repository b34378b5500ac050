import type { Architecture, PriceSheetInfo } from '../types'

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
 * Prices in one region. Every price is a decimal string, exactly as published.
 *
 * @example PRICE_SHEETS['aws-current'].regions['eu-west-1'].storageUsdPerGbSecond // '0.0000000340'
 */
export interface RegionPrices {
  name: string
  /** False where sources disagree and the figures have not been checked against AWS. */
  verified: boolean
  usdPerRequest: string
  /** Null where the price is not known: storage above 512 MB cannot be priced there. */
  storageUsdPerGbSecond: string | null
  /** Graduated brackets per architecture, lowest first. */
  compute: Partial<Record<Architecture, TierData[]>>
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
}
