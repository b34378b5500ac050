import type { ImportedUsage } from './usage/types'

/**
 * The price sheets the engine knows: the classic 2016 sheet and the current one.
 *
 * @example const sheet: PriceSheetId = 'aws-2016'
 */
export type PriceSheetId = 'aws-2016' | 'aws-current'

/**
 * Instruction set a function runs on. arm64 exists on the current sheet only.
 *
 * @example const arch: Architecture = 'arm64'
 */
export type Architecture = 'x86_64' | 'arm64'

/**
 * The period a request count is given per. `million-per-month` means "millions of requests a month".
 *
 * @example { requests: 50, per: 'second' } // 131,400,000 requests a month
 */
export type RequestUnit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'million-per-month'

/**
 * One Lambda function's workload: a plain object. The engine reads its
 * enumerable properties (those `for...in` visits), once, and ignores the rest.
 *
 * @example { name: 'api', memoryMb: 512, durationMs: 120.5, requests: 3e6, per: 'month', architecture: 'arm64', ephemeralStorageMb: 512 }
 */
export interface FunctionInput {
  /** Shown in the steps and the UI; optional. */
  name?: string
  /** Memory allocated, MB (whole number). */
  memoryMb: number
  /** Average duration of one invocation, ms, before rounding (fractions allowed). */
  durationMs: number
  /** Invocations per `per`. */
  requests: number
  /** The period `requests` is counted over; default `'month'`. */
  per?: RequestUnit
  /** Default `'x86_64'`. */
  architecture?: Architecture
  /** Ephemeral storage (/tmp), MB; default 512. Above 512 MB is billed on the current sheet. */
  ephemeralStorageMb?: number
  /** Share of on-demand invocations that start cold, %, 0-100 (fractions allowed); default 0. Current sheet only. */
  coldStartPercent?: number
  /** Average INIT (or SnapStart restore) duration of a cold start, ms, 0-10,000; default 0. */
  initDurationMs?: number
  /** Provisioned environments (whole number >= 0); default 0. */
  provisionedConcurrency?: number
  /** Hours a month provisioned concurrency is enabled, 0-744; default 730. */
  provisionedHours?: number
  /** Share of the function's requests served by the provisioned environments, %, 0-100; default 100. */
  provisionedSharePercent?: number
  /** `'off'` (default), `'java'` (free), `'priced'` (Python, .NET: cache and restore charges). */
  snapStart?: SnapStartMode
  /** SnapStart versions cached (whole number >= 1); default 1. */
  snapStartVersions?: number
  /** Hours each cached version is active, 0-744 (at least 3 are billed); default 730. */
  snapStartCacheHours?: number
  /** The function runs on Lambda@Edge (x86_64 only, one global price, no free tier); default false. */
  edge?: boolean
  /** Average MB streamed per request (the first 6 MB of each are free), >= 0; default 0. */
  streamedMbPerRequest?: number
  /**
   * Tenant isolation mode: every cold start creates an environment for one
   * tenant, billed per GB of memory; default false. Not with SnapStart,
   * provisioned concurrency or Lambda@Edge.
   */
  tenantIsolation?: boolean
  /** Durable executions started a month (>= 0); default 0, no durable functions. */
  durableExecutions?: number
  /** Durable operations per execution (the start, each step, wait and callback), >= 1; default 1. */
  durableOperationsPerExecution?: number
  /** Data written per execution (payload and checkpoints), KB, >= 0; default 0. 1 GB = 1,000,000 KB here, as AWS bills it. */
  durableKbWrittenPerExecution?: number
  /** Average days an execution runs, waits included, 0-366 (fractions allowed); default 0. */
  durableRunningDays?: number
  /** Days its data is kept after it ends, 1-90 (whole); default 14. */
  durableRetentionDays?: number
  /**
   * How the function runs: `'lambda'` (default, billed per request and GB-s)
   * or `'managed-instances'` (Lambda Managed Instances: requests, the EC2
   * instance-hours and a management fee of 15 % of the on-demand price). Current sheet only.
   */
  compute?: ComputeType
  /** Managed Instances: the EC2 instance type, e.g. `'m7g.xlarge'` (its architecture is the function's). */
  instanceType?: string
  /** Managed Instances: the month's instance-hours, >= 0; default sized from the traffic (at least 3 instances x 730 h). */
  instanceHours?: number
  /** Managed Instances: what one instance-hour costs you (a Savings Plan or RI price), USD, > 0; default the on-demand price. */
  ec2PricePerHour?: number
  /** Managed Instances: requests one execution environment serves at once, 1-1,600; default 16. */
  concurrencyPerEnvironment?: number
  /** Managed Instances: GB of memory per vCPU, 2, 4 or 8; default 4. */
  memoryGbPerVcpu?: number
  /** Managed Instances: extra capacity above the average, %, 0-200; default 0. */
  scalingBufferPercent?: number
  /**
   * CloudWatch Logs: `'off'` (default, not priced), `'text'` or `'json'`
   * (the only format on Managed Instances). Sets Lambda's own bytes per
   * invocation: text 264 (290 on a cold start), JSON 819.
   */
  logFormat?: LogFormat
  /** The function's own log bytes per invocation, >= 0 (fractions allowed); default 0. */
  appLogBytesPerInvocation?: number
  /** CloudWatch Logs class: `'standard'` (default) or `'infrequent-access'`. */
  logClass?: LogClass
  /** Months the logs are kept, 0-120 (0: not stored); default 1. */
  logRetentionMonths?: number
  /**
   * What invokes the function from the internet: `'none'` (default, not
   * priced), `'function-url'` (no charge), `'http-api'`, `'rest-api'`,
   * `'websocket'` (API Gateway) or `'alb'` (an Application Load Balancer,
   * one per region shared by the functions behind it).
   */
  frontDoor?: FrontDoor
  /** Average request payload, KB (1,024 bytes), >= 0; default 0. */
  requestKb?: number
  /** WebSocket connection minutes a month, >= 0; default 0. */
  connectionMinutes?: number
  /** Average response, KB (1,024 bytes), >= 0; default 0: data out to the internet, 100 GB a month free. */
  responseKb?: number
}

/**
 * What invokes a function from the internet.
 *
 * @example const door: FrontDoor = 'http-api'
 */
export type FrontDoor = 'none' | 'function-url' | 'http-api' | 'rest-api' | 'websocket' | 'alb'

/**
 * How a function's logs are written: not priced, plain text or JSON.
 *
 * @example const format: LogFormat = 'json'
 */
export type LogFormat = 'off' | 'text' | 'json'

/**
 * A CloudWatch Logs log class.
 *
 * @example const logClass: LogClass = 'infrequent-access'
 */
export type LogClass = 'standard' | 'infrequent-access'

/**
 * How a function runs: on Lambda's own fleet, or on EC2 instances Lambda manages for you.
 *
 * @example const compute: ComputeType = 'managed-instances'
 */
export type ComputeType = 'lambda' | 'managed-instances'

/**
 * SnapStart: `'off'`; `'java'` (no cache or restore charge); `'priced'` (Python and .NET: cache and restores billed).
 *
 * @example const mode: SnapStartMode = 'priced'
 */
export type SnapStartMode = 'off' | 'java' | 'priced'

/**
 * Everything an estimate depends on: one account's functions under one price sheet.
 *
 * @example { sheet: 'aws-current', region: 'eu-west-1', freeTier: true, functions: [{ memoryMb: 1024, durationMs: 80, requests: 2e6 }] }
 */
export interface EstimateInput {
  sheet: PriceSheetId
  /** Region id; default `'us-east-1'`. */
  region?: string
  /** Apply the monthly free tier (1M requests + 400,000 GB-s, once per account); default true. */
  freeTier?: boolean
  /**
   * A Compute Savings Plan's discount, %, 0-17 (fractions allowed); default 0.
   * It discounts on-demand duration (INIT included), provisioned concurrency
   * and provisioned duration, and is assumed to cover all of that usage.
   */
  savingsPlanPercent?: number
  /** API Gateway's free tier, for accounts in their first 12 months (1M REST and 1M HTTP calls, 1M WebSocket messages, 750,000 connection minutes); default false. */
  apiGatewayFreeTier?: boolean
  /** One or more functions on one account. */
  functions: FunctionInput[]
}

/**
 * One thing wrong with an input: where, and a sentence a user can act on.
 *
 * @example { path: 'functions.0.memoryMb', message: 'Memory must be between 128 and 3,008 MB on the classic 2016 sheet; got 4,096 MB.' }
 */
export interface InputProblem {
  /** Dotted path to the field, e.g. `'functions.0.memoryMb'`. */
  path: string
  /** Names the field, the value given and what is allowed. */
  message: string
}

/**
 * What a bill line charges for.
 *
 * @example estimate(input).lines.filter((l) => l.kind === 'compute')
 */
export type LineKind =
  | 'requests'
  | 'compute'
  | 'ephemeral-storage'
  | 'provisioned-concurrency'
  | 'provisioned-duration'
  | 'snapstart-cache'
  | 'snapstart-restore'
  | 'edge-requests'
  | 'edge-duration'
  | 'response-streaming'
  | 'tenant-isolation'
  | 'durable-operations'
  | 'durable-written'
  | 'durable-retained'
  | 'managed-instances-requests'
  | 'managed-instances-ec2'
  | 'managed-instances-fee'
  | 'logs-standard'
  | 'logs-infrequent-access'
  | 'logs-storage'
  | 'api-http'
  | 'api-rest'
  | 'api-websocket-messages'
  | 'api-websocket-minutes'
  | 'alb-hours'
  | 'alb-lcu'
  | 'data-out'

/**
 * What a bill line's quantity counts.
 *
 * @example estimate(input).lines[0].quantityUnit // 'requests'
 */
export type QuantityUnit =
  'requests' | 'GB-s' | 'GB' | 'GiB' | 'operations' | 'GB-months' | 'instance-hours' | 'messages' | 'connection-minutes' | 'hours' | 'LCU-hours'

/**
 * One line of the bill as `estimateTotal` gives it: what it is and its cents.
 *
 * @example { kind: 'compute', architecture: 'x86_64', tier: 1, cents: 1834 }
 */
export interface LineTotal {
  kind: LineKind
  /** For compute, provisioned-concurrency and provisioned-duration lines. */
  architecture?: Architecture
  /** For compute lines: 1 for the first price bracket, 2 for the next, ... */
  tier?: number
  /** For Managed Instances EC2 and management-fee lines: the instance type, e.g. `'m7g.xlarge'`. */
  instanceType?: string
  /** The line's amount rounded half-up to whole cents. */
  cents: number
}

/**
 * One line of the bill, computed at full precision and rounded half-up to the cent.
 *
 * @example { kind: 'compute', architecture: 'x86_64', tier: 1, quantity: '1100000', quantityUnit: 'GB-s', unitPriceUsd: '0.00001667', exactUsd: '18.337', cents: 1834, usd: '18.34', label: 'Compute (x86_64)' }
 */
export interface BillLine extends LineTotal {
  /** Human label, e.g. "Compute (x86_64), first 6 billion GB-s". */
  label: string
  /** Billable quantity, exact decimal string (requests, GB-s, GB restored or GiB streamed). */
  quantity: string
  quantityUnit: QuantityUnit
  /** True where the unit price is derived rather than published (arm64 provisioned concurrency outside us-east-1). */
  estimatedPrice?: boolean
  /** Price of one unit of quantity, USD, exact decimal string. */
  unitPriceUsd: string
  /** quantity x unitPriceUsd, USD, exact decimal string (rounded to 20 places if it does not terminate). */
  exactUsd: string
  /** exactUsd rounded half-up to whole cents. */
  cents: number
  /** `cents` as dollars with two places, e.g. "18.34"; exact even where `cents` exceeds 2^53. */
  usd: string
}

/**
 * What one function uses in a month.
 *
 * @example estimate(input).functions[0] // { billedMs: 1000, requestsPerMonth: '3000000', gbSeconds: '1500000', ... }
 */
export interface FunctionUsage {
  index: number
  name: string
  architecture: Architecture
  memoryMb: number
  durationMs: number
  /** durationMs rounded up to the sheet's billing granularity. */
  billedMs: number
  /** Requests per month, exact decimal string. */
  requestsPerMonth: string
  /** Compute GB-seconds per month, exact decimal string. */
  gbSeconds: string
  /** Ephemeral storage above 512 MB, GB-seconds per month, exact decimal string. */
  storageGbSeconds: string
  /** The function's share of the bill, whole cents: every line split in proportion to its use (largest remainder). */
  cents: number
  /** `cents` as dollars with two places. */
  usd: string
  /** Invocations that start cold (on-demand), per month, exact decimal string. */
  coldRequestsPerMonth: string
  /** Invocations served by provisioned environments, per month, exact decimal string. */
  provisionedRequestsPerMonth: string
  /** Billed duration of a cold invocation, INIT included: ceil(duration + init) to the granularity, ms. */
  billedColdMs: number
  /** The function runs on Lambda@Edge (current sheet). */
  edge: boolean
  /** Where it has shares of the services beside Lambda: those shares and its share of compute (on-demand GB-s), whole cents. */
  beside?: { computeCents: number; logsCents: number; apiCents: number; dataOutCents: number }
  /** On Lambda Managed Instances (current sheet): its instance type and the month's instance-hours (exact decimal string), sized or given. */
  managedInstances?: { instanceType: string; instanceHours: string; sized: boolean }
}

/**
 * How much of the monthly free tier the account used.
 *
 * @example estimate(input).freeTier // { included: true, requestsUsed: '1000000', gbSecondsUsed: '400000', ... }
 */
export interface FreeTierUsage {
  included: boolean
  requestsAllowance: string
  gbSecondsAllowance: string
  /** Requests covered by the free tier, exact decimal string. */
  requestsUsed: string
  /** GB-s covered by the free tier, exact decimal string (x86_64 and arm64 together). */
  gbSecondsUsed: string
  /** GB-s covered per architecture. */
  gbSecondsUsedByArchitecture: Record<Architecture, string>
  /** Response streaming GiB covered by its own 100 GiB monthly free tier, exact decimal string. */
  streamingGibUsed: string
  /** CloudWatch Logs GB (2^30 bytes) covered by its 5 GB monthly free tier, both classes, exact decimal string. */
  logsGbUsed?: string
}

/**
 * One line of "Show calculations".
 *
 * @example { text: 'Max (1,100,000 GB-s, 0) = 1,100,000 total billable GB-s' }
 */
export interface StepLine {
  text: string
  /** `'assumption'` marks a choice the engine made where AWS publishes no rule. */
  note?: 'assumption'
}

/**
 * A titled group of steps, e.g. "Unit conversions".
 *
 * @example calculationSteps(estimate(input)).sections[0].title // 'Unit conversions'
 */
export interface StepSection {
  title: string
  lines: StepLine[]
}

/**
 * The calculation shown step by step, as data and as plain text.
 *
 * @example console.log(calculationSteps(estimate(input)).text) // the calculation as plain text
 */
export interface CalculationSteps {
  sections: StepSection[]
  text: string
}

/**
 * Where a price sheet's figures come from.
 *
 * @example estimate(input).sheet // { id: 'aws-2016', granularityMs: 100, effectiveDate: '2016-01-01', ... }
 */
export interface PriceSheetInfo {
  id: PriceSheetId
  label: string
  /** ISO date the prices took effect. */
  effectiveDate: string
  /** ISO date the figures were last checked against the sources. */
  checkedDate: string
  sources: { title: string; url: string }[]
  /** Each invocation's duration is rounded up to a multiple of this, ms. */
  granularityMs: number
}

/**
 * An account's monthly Lambda bill, as `estimateTotal` gives it: the total and
 * each line's cents. Plain data.
 *
 * @example estimateTotal(input).totalCents // 1874 for 512 MB, 1 s, 3M requests on the classic sheet
 */
export interface EstimateTotal {
  /** The input priced, as checked and copied: `estimate(e.input)` prices it again, in full. */
  input: EstimateInput
  sheet: PriceSheetInfo
  region: string
  /** Sum of the lines' cents: exact up to 2^53 cents (about $90 trillion); beyond, the nearest number (`estimate` gives the exact `totalUsd`). */
  totalCents: number
  lines: LineTotal[]
}

/**
 * An account's monthly Lambda bill in full, as `estimate` gives it. Plain data:
 * `structuredClone` and JSON keep all of it, and `calculationSteps` explains a
 * copy as it explains the original.
 *
 * @example estimate(input).totalCents // 1874 for 512 MB, 1 s, 3M requests on the classic sheet
 */
export interface Estimate extends EstimateTotal {
  /** For an estimate of imported REPORT logs (`estimateFromReports`): the logged usage and options it priced. */
  imported?: ImportedUsage
  /** totalCents as dollars with two places; exact even where totalCents exceeds 2^53. */
  totalUsd: string
  lines: BillLine[]
  functions: FunctionUsage[]
  freeTier: FreeTierUsage
  /** The Compute Savings Plan's discount, %, as an exact decimal string; "0" for none. */
  savingsPlanPercent: string
  /** API Gateway's 12-month free tier for new accounts was applied. */
  apiGatewayFreeTier: boolean
  /** Account totals, exact decimal strings. */
  totals: { requestsPerMonth: string; gbSeconds: string; storageGbSeconds: string }
  /** Choices the engine made where AWS publishes no rule, and unverified prices. */
  assumptions: string[]
  /** The exact (unrounded) bill divided by the requests, USD, decimal string to 12 places; null with no requests. */
  costPerRequestUsd: string | null
  /** The exact (unrounded) bill per million requests, USD, decimal string to 6 places; null with no requests. */
  costPerMillionRequestsUsd: string | null
}
