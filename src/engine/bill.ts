import { billedDurationMs, compiledSheet, MB_MS_PER_GB_SECOND, type CompiledRegion, type CompiledSheet } from './billing'
import { lcm, roundHalfUp, type Ratio } from './decimal'
import { requestsPerMonth } from './requests'
import type { Architecture, EstimateInput, LineKind } from './types'

/**
 * The bill in exact integers, before anything is turned into text.
 *
 * All request counts share the denominator `requestDen`; all GB-s figures share
 * `gbsDen` (= requestDen x 1024 x 1000). Holding one denominator per estimate
 * keeps every sum, comparison and subtraction a plain integer operation.
 */
export interface Bill {
  sheet: CompiledSheet
  region: CompiledRegion
  freeTier: boolean
  requestDen: bigint
  gbsDen: bigint
  functions: FunctionBill[]
  totalRequests: bigint
  freeRequestsUsed: bigint
  billableRequests: bigint
  /** Architectures in use, in the order the free tier covers them. */
  architectures: ArchitectureBill[]
  totalStorageGbs: bigint
  lines: LineBill[]
  totalCents: bigint
}

export interface FunctionBill {
  index: number
  name: string
  architecture: Architecture
  memoryMb: number
  durationMs: number
  billedMs: number
  storageMb: number
  /** Requests as given, per `per`. */
  requestsGiven: number
  per: NonNullable<EstimateInput['functions'][number]['per']>
  /** Requests per month, over `requestDen`. */
  monthlyRequests: bigint
  /** Over `gbsDen`. */
  gbs: bigint
  /** Billable storage (above the included 512 MB), over `gbsDen`. */
  storageGbs: bigint
}

export interface ArchitectureBill {
  architecture: Architecture
  /** Over `gbsDen`. */
  gbs: bigint
  freeUsed: bigint
  billable: bigint
}

export interface LineBill {
  kind: LineKind
  architecture?: Architecture
  tier?: number
  /** Tier bounds in GB-s, for labels; undefined outside compute. */
  tierFrom?: bigint
  tierTo?: bigint | null
  /** Over `den`. */
  quantity: bigint
  den: bigint
  unitPrice: Ratio
  unitPriceText: string
  cents: bigint
}

/** Architectures in the order the shared free tier covers them: the dearer one first. */
const FREE_TIER_ORDER: readonly Architecture[] = ['x86_64', 'arm64']

function lineCents(quantity: bigint, den: bigint, price: Ratio): bigint {
  return roundHalfUp(quantity * price.n * 100n, den * price.d)
}

/**
 * Computes the bill for a valid input. Callers validate first: this trusts
 * its input's ranges and types.
 */
export function computeBill(input: EstimateInput): Bill {
  const sheet = compiledSheet(input.sheet)
  const region = sheet.regions.get(input.region ?? sheet.data.defaultRegion)!
  const freeTier = input.freeTier ?? true
  const granularity = sheet.data.granularityMs
  const includedStorageMb = sheet.data.ephemeralStorage.includedMb

  const monthly: Ratio[] = []
  let requestDen = 1n
  for (const fn of input.functions) {
    const r = requestsPerMonth(fn.requests, fn.per ?? 'month')
    monthly.push(r)
    if (r.d !== requestDen && requestDen % r.d !== 0n) requestDen = lcm(requestDen, r.d)
  }
  const gbsDen = requestDen * MB_MS_PER_GB_SECOND

  const functions: FunctionBill[] = []
  let totalRequests = 0n
  let totalStorageGbs = 0n
  let x86Gbs = 0n
  let armGbs = 0n
  let hasX86 = false
  let hasArm = false
  for (let i = 0; i < input.functions.length; i++) {
    const fn = input.functions[i]!
    const r = monthly[i]!
    const requests = r.d === requestDen ? r.n : r.n * (requestDen / r.d)
    const billedMs = billedDurationMs(fn.durationMs, granularity)
    const storageMb = fn.ephemeralStorageMb ?? includedStorageMb
    const gbs = requests * BigInt(billedMs * fn.memoryMb)
    const storageGbs = storageMb > includedStorageMb ? requests * BigInt(billedMs * (storageMb - includedStorageMb)) : 0n
    const architecture = fn.architecture ?? 'x86_64'
    if (architecture === 'arm64') {
      armGbs += gbs
      hasArm = true
    } else {
      x86Gbs += gbs
      hasX86 = true
    }
    totalRequests += requests
    totalStorageGbs += storageGbs
    functions.push({
      index: i,
      name: fn.name ?? '',
      architecture,
      memoryMb: fn.memoryMb,
      durationMs: fn.durationMs,
      billedMs,
      storageMb,
      requestsGiven: fn.requests,
      per: fn.per ?? 'month',
      monthlyRequests: requests,
      gbs,
      storageGbs,
    })
  }

  const priced = priceUsage(sheet, region, freeTier, {
    requests: totalRequests,
    requestDen,
    x86Gbs: hasX86 ? x86Gbs : null,
    armGbs: hasArm ? armGbs : null,
    storageGbs: totalStorageGbs,
    gbsDen,
  })
  return { sheet, region, freeTier, requestDen, gbsDen, functions, totalRequests, totalStorageGbs, ...priced }
}

/** An account's monthly usage, summed over its functions. */
export interface Usage {
  /** Requests, over `requestDen`. */
  requests: bigint
  requestDen: bigint
  /** Compute per architecture over `gbsDen`; null when no function runs on it. */
  x86Gbs: bigint | null
  armGbs: bigint | null
  /** Billable ephemeral storage, over `gbsDen`. */
  storageGbs: bigint
  gbsDen: bigint
}

/** What pricing an account's usage gives: the bill lines and how the free tier fell. */
export type PricedUsage = Pick<Bill, 'freeRequestsUsed' | 'billableRequests' | 'architectures' | 'lines' | 'totalCents'>

/**
 * Prices one account's monthly usage: the free tier once for the account (its
 * GB-s covering x86_64 first, then arm64), then each architecture's graduated
 * brackets, then storage. Each line is rounded half-up to the cent and the
 * total is the sum of the rounded lines.
 */
export function priceUsage(sheet: CompiledSheet, region: CompiledRegion, freeTier: boolean, usage: Usage): PricedUsage {
  const { requestDen, gbsDen } = usage
  const freeRequestsUsed = freeTier ? min(usage.requests, sheet.freeRequests * requestDen) : 0n
  const billableRequests = usage.requests - freeRequestsUsed
  const lines: LineBill[] = []
  let totalCents = 0n

  const requestCents = lineCents(billableRequests, requestDen, region.usdPerRequest)
  totalCents += requestCents
  lines.push({
    kind: 'requests',
    quantity: billableRequests,
    den: requestDen,
    unitPrice: region.usdPerRequest,
    unitPriceText: region.data.usdPerRequest,
    cents: requestCents,
  })

  let freeGbsLeft = freeTier ? sheet.freeGbSeconds * gbsDen : 0n
  const architectures: ArchitectureBill[] = []
  for (const architecture of FREE_TIER_ORDER) {
    const gbs = architecture === 'x86_64' ? usage.x86Gbs : usage.armGbs
    if (gbs === null) continue
    const freeUsed = min(gbs, freeGbsLeft)
    freeGbsLeft -= freeUsed
    const billable = gbs - freeUsed
    architectures.push({ architecture, gbs, freeUsed, billable })
    const tiers = region.compute[architecture]!
    let from = 0n
    for (let t = 0; t < tiers.length; t++) {
      const tier = tiers[t]!
      const to = tier.upToGbSeconds === null ? null : tier.upToGbSeconds * gbsDen
      const above = billable - from
      if (t > 0 && above <= 0n) break
      const quantity = above <= 0n ? 0n : to === null || billable <= to ? above : to - from
      const cents = lineCents(quantity, gbsDen, tier.usdPerGbSecond)
      totalCents += cents
      lines.push({
        kind: 'compute',
        architecture,
        tier: t + 1,
        tierFrom: from / gbsDen,
        tierTo: tier.upToGbSeconds,
        quantity,
        den: gbsDen,
        unitPrice: tier.usdPerGbSecond,
        unitPriceText: tier.usdPerGbSecondText,
        cents,
      })
      if (to === null) break
      from = to
    }
  }

  if (usage.storageGbs > 0n && region.storageUsdPerGbSecond) {
    const cents = lineCents(usage.storageGbs, gbsDen, region.storageUsdPerGbSecond)
    totalCents += cents
    lines.push({
      kind: 'ephemeral-storage',
      quantity: usage.storageGbs,
      den: gbsDen,
      unitPrice: region.storageUsdPerGbSecond,
      unitPriceText: region.data.storageUsdPerGbSecond!,
      cents,
    })
  }

  return { freeRequestsUsed, billableRequests, architectures, lines, totalCents }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}
