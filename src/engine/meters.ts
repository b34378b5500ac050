import type { Arithmetic } from './arithmetic'
import type { CompiledPerType, CompiledPrice, CompiledRegion, CompiledSheet, CompiledTier } from './compiled-sheet'
import { parseNumber, reduceRatio, toDecimalString } from './decimal'
import { sizeManagedInstances, type ManagedSizing } from './managed-instances'
import { REQUEST_UNIT_FACTORS } from './requests'
import type { ExtraMeters } from './sheets/sheet-data'
import type { Architecture, FunctionInput, LineKind, LineTotal, QuantityUnit } from './types'

// The meters as data: one entry per thing a Lambda bill charges for. The bill,
// the fast path, the per-function shares, the chart series and the steps loop
// over METERS; a new price dimension is one entry here (with its price in the
// sheet and its input in fields.ts).

/**
 * The parts the charts split a bill into.
 *
 * @example const part: CostPart = 'compute'
 */
export type CostPart =
  | 'requests'
  | 'compute'
  | 'storage'
  | 'provisioned'
  | 'snapStart'
  | 'edge'
  | 'streaming'
  | 'tenantIsolation'
  | 'durable'
  | 'managedInstances'
  | 'logs'
  | 'api'
  | 'dataOut'

/**
 * The parts, bottom to top, with their names.
 *
 * @example COST_PARTS[1] // { id: 'compute', label: 'Compute' }
 */
export const COST_PARTS: readonly { id: CostPart; label: string }[] = [
  { id: 'requests', label: 'Requests' },
  { id: 'compute', label: 'Compute' },
  { id: 'storage', label: 'Ephemeral storage' },
  { id: 'provisioned', label: 'Provisioned concurrency' },
  { id: 'snapStart', label: 'SnapStart' },
  { id: 'edge', label: 'Lambda@Edge' },
  { id: 'streaming', label: 'Response streaming' },
  { id: 'tenantIsolation', label: 'Tenant isolation' },
  { id: 'durable', label: 'Durable functions' },
  { id: 'managedInstances', label: 'Managed Instances' },
  { id: 'logs', label: 'CloudWatch Logs' },
  { id: 'api', label: 'API Gateway / ALB' },
  { id: 'dataOut', label: 'Data transfer out' },
]

/**
 * The services a bill's lines belong to: Lambda's own, and what comes with a
 * function on the same invoice.
 *
 * @example const service: Service = 'logs'
 */
export type Service = 'lambda' | 'logs' | 'api' | 'dataOut'

/**
 * The services, in the order the bill groups its lines, with their names.
 *
 * @example SERVICES[1] // { id: 'logs', label: 'CloudWatch Logs' }
 */
export const SERVICES: readonly { id: Service; label: string }[] = [
  { id: 'lambda', label: 'AWS Lambda' },
  { id: 'logs', label: 'CloudWatch Logs' },
  { id: 'api', label: 'API Gateway / ALB' },
  { id: 'dataOut', label: 'Data transfer out' },
]

/**
 * The service a chart part is billed under.
 *
 * @example serviceOfPart('logs') // 'logs'
 * @example serviceOfPart('compute') // 'lambda'
 */
export function serviceOfPart(part: CostPart): Service {
  return part === 'logs' || part === 'api' || part === 'dataOut' ? part : 'lambda'
}

/**
 * The service a bill line is billed under: the bill's subtotals, its split
 * chart and the exports group the lines by it (`billByService`).
 *
 * @example serviceOfLine(estimate(input).lines[0]) // 'lambda' (the requests line)
 */
export function serviceOfLine(line: Pick<LineTotal, 'kind'>): Service {
  return serviceOfPart(PART_OF_KIND[line.kind])
}

/**
 * The allowances of the monthly free tier, each shared by the account: the
 * meters that draw on one take from it in the table's order.
 *
 * @example METERS.filter((m) => m.free === 'gbSeconds').map((m) => m.id) // ['x86Gbs', 'armGbs']
 */
export type FreePool = 'requests' | 'gbSeconds' | 'streaming' | 'logs' | 'dataOut' | 'apiRest' | 'apiHttp' | 'apiWsMessages' | 'apiWsMinutes'

/**
 * The allowances, in the order `priceMeters` keeps them.
 *
 * @example FREE_POOLS[0] // 'requests'
 */
export const FREE_POOLS: readonly FreePool[] = [
  'requests',
  'gbSeconds',
  'streaming',
  'logs',
  'dataOut',
  'apiRest',
  'apiHttp',
  'apiWsMessages',
  'apiWsMinutes',
]

/**
 * The meters' names, as `MeterUsage` and the bill's lines know them.
 *
 * @example const id: MeterId = 'x86Gbs'
 */
export type MeterId =
  | 'requests'
  | 'x86Gbs'
  | 'armGbs'
  | 'storageGbs'
  | 'pcX86Gbs'
  | 'pcDurationX86Gbs'
  | 'pcArmGbs'
  | 'pcDurationArmGbs'
  | 'cacheGbs'
  | 'restoreGb'
  | 'edgeRequests'
  | 'edgeGbs'
  | 'streamGib'
  | 'tenantX86Gb'
  | 'tenantArmGb'
  | 'durableOperations'
  | 'durableWrittenGb'
  | 'durableRetainedGbMonths'
  | 'managedRequests'
  | 'managedEc2Hours'
  | 'managedFeeHours'
  | 'logsStandardGb'
  | 'logsIaGb'
  | 'logsStoredGbMonths'
  | 'apiHttpUnits'
  | 'apiRestRequests'
  | 'apiWsMessages'
  | 'apiWsMinutes'
  | 'albHours'
  | 'albLcuConnections'
  | 'albLcuBytes'
  | 'dataOutGb'

/** One function's workload as the meters read it, in the arithmetic T: counts as fractions n / d. */
export interface MeterContext<T> {
  fn: FunctionInput
  /** The sheet's 2026 meters; undefined on a sheet that bills none of them (the inputs for them are then ignored). */
  extra: ExtraMeters | undefined
  architecture: Architecture
  edge: boolean
  /** Memory, MB. */
  mb: T
  /** Billed ms of a warm invocation, and how many more a cold one bills (INIT or restore included). */
  billedMs: T
  coldExtraMs: T
  /** Requests a month: requestsN / requestsD. */
  requestsN: T
  requestsD: T
  /** On-demand invocations (not served by provisioned environments): onDemandN / onDemandD; served: servedN / onDemandD. */
  onDemandN: T
  onDemandD: T
  servedN: T
  /** Cold invocations: coldN / coldD. */
  coldN: T
  coldD: T
  /** Provisioned environments, and the seconds they are billed for (enabled time rounded up). */
  concurrency: T
  provisionedSeconds: T
  /** Ephemeral storage above the included amount, MB. */
  storageExtraMb: T
  /** A Managed Instances function's sizing (null for one on Lambda): its instance-hours are billed, not its requests' time. */
  managed: ManagedSizing | null
}

/**
 * Which functions a meter measures; the others are skipped without asking the
 * meter: regional (not Lambda@Edge) ones, those on demand on one architecture,
 * Lambda@Edge ones, and those that use storage above the included amount,
 * provisioned concurrency, priced SnapStart or streaming past the free part.
 *
 * @example METERS.find((m) => m.id === 'edgeGbs')?.applies // 'edge'
 */
export type Applies =
  | 'regional'
  | 'x86_64'
  | 'arm64'
  | 'edge'
  | 'storage'
  | 'provisioned'
  | 'snapstart-priced'
  | 'streaming'
  | 'tenant'
  | 'durable'
  | 'managed'
  | 'logs'
  | 'http-api'
  | 'rest-api'
  | 'websocket'
  | 'alb'
  | 'data-out'

/** Where a meter's usage is added: a x b / u to meter i. */
export interface MeterSink<T> {
  add(i: number, a: T, b: T, u: T): void
  /** Marks meter i in use, with or without usage (a compute line is shown for every architecture in use). */
  use(i: number): void
  /**
   * Adds a x b / u to meter i's line for instance type `type` billed at
   * `price` (null: the meter's own price for the type), for the meters with a
   * line per instance type (`perType`).
   */
  addPerType(i: number, type: string, price: CompiledPrice | null, a: T, b: T, u: T): void
}

/**
 * One meter: what it counts, how a function's use of it is measured, where its
 * price is, what allowance of the free tier it draws on, and how its line and
 * chart part are named.
 *
 * @example METERS.find((m) => m.id === 'restoreGb') // { kind: 'snapstart-restore', unit: 'GB', part: 'snapStart', ... }
 */
export interface MeterSpec {
  /** The meter's name in `MeterUsage`. */
  id: MeterId
  kind: LineKind
  architecture?: Architecture
  unit: QuantityUnit
  part: CostPart
  /** The bill line's label; tiered lines add their bracket. */
  label: string
  /** The free-tier allowance it draws on, if any. */
  free?: FreePool
  /** Discounted by a Compute Savings Plan. */
  savingsPlan: boolean
  /** Holds a function's on-demand duration (GB-s of compute, regional or at the edge). */
  onDemandDuration?: boolean
  /** Its line is on every bill (requests), even at 0. */
  always?: boolean
  /** The functions it measures. */
  applies: Applies
  /** One line per instance type (and price paid), each labelled with its type: its price is per type. */
  perType?: boolean
  /** Its price where `sheet` bills it in `region`: graduated brackets, one price, a price per instance type, or none. */
  price(sheet: CompiledSheet, region: CompiledRegion): CompiledTier[] | CompiledPrice | CompiledPerType | null | undefined
  /**
   * Where the meter has one published price (us-east-1's) applied in every
   * region: its name in the sentence that says so ("SnapStart").
   */
  onePrice?: string
  /**
   * What the engine assumes where AWS publishes no rule, for a bill with a line
   * of this meter: sentences for the estimate's assumptions.
   */
  assumptions?: (bill: { region: string; freeTier: boolean; estimatedPrice: boolean }) => string[]
  /** Adds one function's usage of the meter (the meter's index is `i`). */
  measure<T>(A: Arithmetic<T>, c: MeterContext<T>, sink: MeterSink<T>, i: number): void
}

/** MB x ms in a GB-s. */
const MB_MS = 1_024_000

/** On-demand compute of one function, GB-s: every on-demand invocation's billed ms, and the cold ones' extra. */
function onDemandGbs<T>(A: Arithmetic<T>, c: MeterContext<T>, sink: MeterSink<T>, i: number): void {
  sink.add(i, A.mul(c.onDemandN, c.billedMs), c.mb, A.mul(c.onDemandD, A.of(MB_MS)))
  if (!A.isZero(c.coldExtraMs) && !A.isZero(c.coldN)) sink.add(i, A.mul(c.coldN, c.coldExtraMs), c.mb, A.mul(c.coldD, A.of(MB_MS)))
}

function computeMeter(architecture: Architecture): MeterSpec {
  return {
    id: architecture === 'x86_64' ? 'x86Gbs' : 'armGbs',
    kind: 'compute',
    architecture,
    unit: 'GB-s',
    part: 'compute',
    label: `Compute (${architecture})`,
    free: 'gbSeconds',
    savingsPlan: true,
    onDemandDuration: true,
    applies: architecture,
    price: (_sheet, region) => region.compute[architecture],
    measure(A, c, sink, i) {
      sink.use(i)
      onDemandGbs(A, c, sink, i)
    },
  }
}

/** Lambda@Edge's one price, for both its meters. */
function edgeAssumptions(): string[] {
  return [
    'Lambda@Edge is priced at its one published price ($0.60 per million requests, $0.00005001 per GB-s) whatever the region, with no free tier.',
  ]
}

/** Provisioned concurrency's free tier, and its arm64 prices outside us-east-1. */
function provisionedAssumptions(bill: { region: string; freeTier: boolean; estimatedPrice: boolean }): string[] {
  const out: string[] = []
  if (bill.estimatedPrice) {
    out.push(
      `arm64 provisioned concurrency prices for ${bill.region} are estimated: AWS publishes them for us-east-1 only, so they are the region\u2019s x86_64 prices x 0.8, rounded half-up to 10 decimals.`,
    )
  }
  if (bill.freeTier) {
    out.push(
      'The free tier covers all regional requests and on-demand GB-s (cold-start INIT and provisioned spill-over included), never provisioned concurrency or its duration. AWS says the free tier does not apply to functions with provisioned concurrency, yet its own example deducts it from the on-demand part; this follows the example.',
    )
  }
  return out
}

function provisionedMeters(architecture: Architecture): MeterSpec[] {
  const x86 = architecture === 'x86_64'
  return [
    {
      id: x86 ? 'pcX86Gbs' : 'pcArmGbs',
      kind: 'provisioned-concurrency',
      architecture,
      unit: 'GB-s',
      part: 'provisioned',
      label: `Provisioned Concurrency (${architecture})`,
      savingsPlan: true,
      applies: 'provisioned',
      assumptions: provisionedAssumptions,
      price: (_sheet, region) => region.provisioned[architecture]?.concurrency,
      measure(A, c, sink, i) {
        if (c.architecture !== architecture) return
        sink.add(i, A.mul(c.concurrency, c.mb), c.provisionedSeconds, A.of(1024))
      },
    },
    {
      id: x86 ? 'pcDurationX86Gbs' : 'pcDurationArmGbs',
      kind: 'provisioned-duration',
      architecture,
      unit: 'GB-s',
      part: 'provisioned',
      label: `Provisioned Duration (${architecture})`,
      savingsPlan: true,
      applies: 'provisioned',
      assumptions: provisionedAssumptions,
      price: (_sheet, region) => region.provisioned[architecture]?.duration,
      measure(A, c, sink, i) {
        if (c.architecture !== architecture) return
        sink.add(i, A.mul(c.servedN, c.billedMs), c.mb, A.mul(c.onDemandD, A.of(MB_MS)))
      },
    },
  ]
}

/** Tenant isolation: each environment created (a cold start) bills its memory once, per architecture. */
function tenantMeters(architecture: Architecture): MeterSpec[] {
  return [
    {
      id: architecture === 'x86_64' ? 'tenantX86Gb' : 'tenantArmGb',
      kind: 'tenant-isolation',
      architecture,
      unit: 'GB',
      part: 'tenantIsolation',
      label: `Tenant isolation environments (${architecture})`,
      savingsPlan: false,
      applies: 'tenant',
      onePrice: 'tenant isolation',
      price: (sheet) => sheet.extra?.prices.get(`tenantIsolation.${architecture}`),
      measure(A, c, sink, i) {
        if (c.architecture !== architecture || A.isZero(c.coldN)) return
        // Environments created (the cold starts) x GB.
        sink.add(i, c.coldN, c.mb, A.mul(c.coldD, A.of(1024)))
      },
    },
  ]
}

/**
 * The durable executions of a function and what each writes, in A: q / r
 * executions, and kbN / kbD KB each; false where A cannot hold them.
 */
function durableFigures<T>(A: Arithmetic<T>, fn: FunctionInput): { en: T; ed: T; kn: T; kd: T } | null {
  if (!A.decimal(fn.durableExecutions ?? 0)) return null
  const en = A.q
  const ed = A.r
  if (!A.decimal(fn.durableKbWrittenPerExecution ?? 0)) return null
  return { en, ed, kn: A.q, kd: A.r }
}

/** Durable functions: operations, data written (1 GB = 1,000,000 KB, as AWS bills it) and data kept, per 30-day month. */
const DURABLE_METERS: MeterSpec[] = [
  {
    id: 'durableOperations',
    kind: 'durable-operations',
    unit: 'operations',
    part: 'durable',
    label: 'Durable operations',
    savingsPlan: false,
    applies: 'durable',
    onePrice: 'durable functions',
    price: (sheet) => sheet.extra?.prices.get('durable.operation'),
    measure(A, c, sink, i) {
      if (!A.decimal(c.fn.durableExecutions ?? 0)) return fail(A)
      const en = A.q
      const ed = A.r
      if (!A.decimal(c.fn.durableOperationsPerExecution ?? 1)) return fail(A)
      sink.add(i, en, A.q, A.mul(ed, A.r))
    },
  },
  {
    id: 'durableWrittenGb',
    kind: 'durable-written',
    unit: 'GB',
    part: 'durable',
    label: 'Durable data written',
    savingsPlan: false,
    applies: 'durable',
    onePrice: 'durable functions',
    price: (sheet) => sheet.extra?.prices.get('durable.writtenGb'),
    measure(A, c, sink, i) {
      const d = durableFigures(A, c.fn)
      if (!d) return fail(A)
      sink.add(i, d.en, d.kn, A.mul(A.mul(d.ed, d.kd), A.of(1_000_000)))
    },
  },
  {
    id: 'durableRetainedGbMonths',
    kind: 'durable-retained',
    unit: 'GB-months',
    part: 'durable',
    label: 'Durable data retained',
    savingsPlan: false,
    applies: 'durable',
    onePrice: 'durable functions',
    price: (sheet) => sheet.extra?.prices.get('durable.retainedGbMonth'),
    measure(A, c, sink, i) {
      const d = durableFigures(A, c.fn)
      if (!d) return fail(A)
      if (!A.decimal(c.fn.durableRunningDays ?? 0)) return fail(A)
      const rn = A.q
      const rd = A.r
      // GB written x (running + retention days) / 30.
      const days = A.add(rn, A.mul(A.of(c.fn.durableRetentionDays ?? 14), rd))
      sink.add(i, A.mul(d.en, d.kn), days, A.mul(A.mul(A.mul(d.ed, d.kd), A.of(30_000_000)), rd))
    },
  },
]

/** What a Managed Instances function's estimate assumes: its requests outside the free tier, and sizing for the average. */
function managedAssumptions(): string[] {
  return [
    'Managed Instances requests are billed from the first: AWS does not say the free tier covers them (they have their own usage type), so it is not applied to them.',
    'Managed Instances are sized for the average load (requests a second x duration) unless the instance-hours are given: peaks need more, and the instances run all month whatever the traffic (at least three, for AZ resiliency): Managed Instances do not scale to zero.',
  ]
}

/** A Managed Instances function's instance-hours, in A: q / r. */
function managedHours<T>(A: Arithmetic<T>, c: MeterContext<T>): boolean {
  const h = c.managed!.hours
  A.q = A.ofBig(h.n)
  A.r = A.ofBig(h.d)
  return !A.failed
}

/** Lambda Managed Instances: requests at their own price, the EC2 instance-hours at the price paid, and the management fee. */
const MANAGED_METERS: MeterSpec[] = [
  {
    id: 'managedRequests',
    kind: 'managed-instances-requests',
    unit: 'requests',
    part: 'managedInstances',
    label: 'Managed Instances requests',
    savingsPlan: false,
    applies: 'managed',
    assumptions: managedAssumptions,
    price: (sheet) => sheet.extra?.managedRequest,
    measure(A, c, sink, i) {
      sink.use(i)
      sink.add(i, c.requestsN, A.one, c.requestsD)
    },
  },
  {
    id: 'managedEc2Hours',
    kind: 'managed-instances-ec2',
    unit: 'instance-hours',
    part: 'managedInstances',
    label: 'Managed Instances EC2',
    savingsPlan: false,
    applies: 'managed',
    perType: true,
    assumptions: managedAssumptions,
    price: (sheet, region) => (sheet.extra ? region.instances.onDemand : null),
    measure(A, c, sink, i) {
      if (!managedHours(A, c)) return
      const given = c.fn.ec2PricePerHour
      // The price paid per instance-hour where given (a Savings Plan's or an RI's), else on demand.
      let price: CompiledPrice | null = null
      if (given !== undefined) {
        const usd = reduceRatio(parseNumber(given))
        price = { usd, text: toDecimalString(usd.n, usd.d), estimated: false }
      }
      sink.addPerType(i, c.managed!.instance.name, price, A.q, A.one, A.r)
    },
  },
  {
    id: 'managedFeeHours',
    kind: 'managed-instances-fee',
    unit: 'instance-hours',
    part: 'managedInstances',
    label: 'Managed Instances management fee',
    savingsPlan: false,
    applies: 'managed',
    perType: true,
    assumptions: managedAssumptions,
    price: (sheet, region) => (sheet.extra ? region.instances.fee : null),
    measure(A, c, sink, i) {
      if (!managedHours(A, c)) return
      sink.addPerType(i, c.managed!.instance.name, null, A.q, A.one, A.r)
    },
  },
]

/** Bytes in a GB (2^30): CloudWatch and data transfer bill binary GB. */
const GIB = 1_073_741_824

/**
 * Lambda's own log lines per invocation, bytes: START, END and REPORT in text
 * (264 warm; a cold start's REPORT adds its Init Duration field, 26 more), and
 * platform.start, platform.runtimeDone and platform.report in JSON (819, an
 * estimate measured on AWS's documented line formats).
 */
export const SYSTEM_LOG_BYTES = { textWarm: 264, textColdExtra: 26, json: 819 } as const

/**
 * Bytes one invocation logs, warm, in A: q / r (Lambda's own lines for the
 * format and the function's own); false where A cannot hold them.
 */
function logBytesPerInvocation<T>(A: Arithmetic<T>, fn: FunctionInput): boolean {
  if (!A.decimal(fn.appLogBytesPerInvocation ?? 0)) return false
  const system = fn.logFormat === 'json' ? SYSTEM_LOG_BYTES.json : SYSTEM_LOG_BYTES.textWarm
  A.q = A.add(A.mul(A.of(system), A.r), A.q)
  return !A.failed
}

/** Adds a function's logs, GB x `times` / `per` (storage: x 15 x months / 100), to meter i. */
function addLogGb<T>(A: Arithmetic<T>, c: MeterContext<T>, sink: MeterSink<T>, i: number, times: T, per: T): void {
  if (!logBytesPerInvocation(A, c.fn)) return fail(A)
  const bn = A.q
  const bd = A.r
  // Every invocation's bytes: requests x bytes / 2^30 GB.
  sink.add(i, A.mul(c.requestsN, bn), times, A.mul(A.mul(A.mul(c.requestsD, bd), A.of(GIB)), per))
  // A cold start's REPORT line in text is longer by its Init Duration field.
  if (c.fn.logFormat !== 'json' && !A.isZero(c.coldN))
    sink.add(i, A.mul(c.coldN, A.of(SYSTEM_LOG_BYTES.textColdExtra)), times, A.mul(A.mul(c.coldD, A.of(GIB)), per))
}

/** Where CloudWatch Logs prices in the region are us-east-1's. */
function logsAssumptions(bill: { region: string; estimatedPrice: boolean }): string[] {
  const out = [
    'Lambda’s own log lines: 264 bytes an invocation in text (290 cold), 819 in JSON, measured on AWS’s formats; stored: 15 % of the GB ingested x months kept.',
  ]
  if (bill.estimatedPrice) {
    out.push(`CloudWatch Logs prices in ${bill.region} not found in the sources are us-east-1’s.`)
  }
  return out
}

/** CloudWatch Logs ingestion in one log class: vended-log brackets per account and region. */
function logIngestMeter(logClass: 'standard' | 'infrequent-access'): MeterSpec {
  const standard = logClass === 'standard'
  return {
    id: standard ? 'logsStandardGb' : 'logsIaGb',
    kind: standard ? 'logs-standard' : 'logs-infrequent-access',
    unit: 'GB',
    part: 'logs',
    label: standard ? 'CloudWatch Logs ingested (Standard)' : 'CloudWatch Logs ingested (Infrequent Access)',
    free: 'logs',
    savingsPlan: false,
    applies: 'logs',
    assumptions: logsAssumptions,
    price: (_sheet, region) => region.beside.get(standard ? 'logs.standard' : 'logs.ia'),
    measure(A, c, sink, i) {
      if ((c.fn.logClass ?? 'standard') !== logClass) return
      addLogGb(A, c, sink, i, A.one, A.one)
    },
  }
}

/** CloudWatch Logs: ingestion per class (Standard takes the free 5 GB first), and storage. */
const LOG_METERS: MeterSpec[] = [
  logIngestMeter('standard'),
  logIngestMeter('infrequent-access'),
  {
    id: 'logsStoredGbMonths',
    kind: 'logs-storage',
    unit: 'GB-months',
    part: 'logs',
    label: 'CloudWatch Logs stored',
    savingsPlan: false,
    applies: 'logs',
    assumptions: logsAssumptions,
    price: (_sheet, region) => region.beside.get('logs.storage'),
    measure(A, c, sink, i) {
      const months = c.fn.logRetentionMonths ?? 1
      if (months === 0) return
      if (!A.decimal(months)) return fail(A)
      // Ingested GB x 0.15 x months kept.
      const mn = A.q
      const md = A.r
      addLogGb(A, c, sink, i, A.mul(A.of(15), mn), A.mul(A.of(100), md))
    },
  },
]

/** KB in a GB (2^20). */
const KB_PER_GB = 1_048_576

/** Requests x max(1, ceil(requestKb / `unitKb`)): the metered units of an API (HTTP: 512 KB; WebSocket messages: 32 KB). */
function addApiUnits<T>(A: Arithmetic<T>, c: MeterContext<T>, sink: MeterSink<T>, i: number, unitKb: number): void {
  if (!A.decimal(c.fn.requestKb ?? 0)) return fail(A)
  // ceil(q / (r x unitKb)), at least 1.
  const d = A.mul(A.r, A.of(unitKb))
  let units = A.div(A.sub(A.add(A.q, d), A.one), d)
  if (A.isZero(units)) units = A.one
  sink.add(i, c.requestsN, units, c.requestsD)
}

/** Where API Gateway or ALB prices in the region are us-east-1's, and what is not modelled. */
function apiAssumptions(bill: { region: string; estimatedPrice: boolean }): string[] {
  return bill.estimatedPrice ? [`API Gateway and ALB prices in ${bill.region} not found in the sources are us-east-1’s.`] : []
}

/** What the ALB's lines assume. */
function albAssumptions(bill: { region: string; estimatedPrice: boolean }): string[] {
  return ['One ALB per region for its functions, 730 hours; a new connection per request; LCUs from the month’s average.', ...apiAssumptions(bill)]
}

/** The API in front of a function: API Gateway (HTTP, REST, WebSocket) or an Application Load Balancer. */
const API_METERS: MeterSpec[] = [
  {
    id: 'apiHttpUnits',
    kind: 'api-http',
    unit: 'requests',
    part: 'api',
    label: 'HTTP API requests (512 KB units)',
    free: 'apiHttp',
    savingsPlan: false,
    applies: 'http-api',
    assumptions: apiAssumptions,
    price: (_sheet, region) => region.beside.get('api.http'),
    measure: (A, c, sink, i) => addApiUnits(A, c, sink, i, 512),
  },
  {
    id: 'apiRestRequests',
    kind: 'api-rest',
    unit: 'requests',
    part: 'api',
    label: 'REST API requests',
    free: 'apiRest',
    savingsPlan: false,
    applies: 'rest-api',
    assumptions: apiAssumptions,
    price: (_sheet, region) => region.beside.get('api.rest'),
    measure(A, c, sink, i) {
      sink.add(i, c.requestsN, A.one, c.requestsD)
    },
  },
  {
    id: 'apiWsMessages',
    kind: 'api-websocket-messages',
    unit: 'messages',
    part: 'api',
    label: 'WebSocket messages',
    free: 'apiWsMessages',
    savingsPlan: false,
    applies: 'websocket',
    assumptions: (bill) => ['WebSocket messages sent back to clients are not counted.', ...apiAssumptions(bill)],
    price: (_sheet, region) => region.beside.get('api.wsMessages'),
    measure: (A, c, sink, i) => addApiUnits(A, c, sink, i, 32),
  },
  {
    id: 'apiWsMinutes',
    kind: 'api-websocket-minutes',
    unit: 'connection-minutes',
    part: 'api',
    label: 'WebSocket connection minutes',
    free: 'apiWsMinutes',
    savingsPlan: false,
    applies: 'websocket',
    assumptions: apiAssumptions,
    price: (_sheet, region) => region.beside.get('api.wsMinutes'),
    measure(A, c, sink, i) {
      if (!A.decimal(c.fn.connectionMinutes ?? 0)) return fail(A)
      sink.add(i, A.q, A.one, A.r)
    },
  },
  {
    // The account's one load balancer: 730 hours once (priceMeters), each function's share by its requests.
    id: 'albHours',
    kind: 'alb-hours',
    unit: 'hours',
    part: 'api',
    label: 'ALB hours',
    savingsPlan: false,
    applies: 'alb',
    assumptions: albAssumptions,
    price: (_sheet, region) => region.beside.get('alb.hour'),
    measure(A, c, sink, i) {
      sink.use(i)
      sink.add(i, c.requestsN, A.one, c.requestsD)
    },
  },
  {
    // New connections: requests / (730 x 3,600 s) / 25 an hour, x 730 hours = requests / 90,000 LCU-hours.
    id: 'albLcuConnections',
    kind: 'alb-lcu',
    unit: 'LCU-hours',
    part: 'api',
    label: 'ALB LCU-hours (connections)',
    savingsPlan: false,
    applies: 'alb',
    assumptions: albAssumptions,
    price: (_sheet, region) => region.beside.get('alb.lcuHour'),
    measure(A, c, sink, i) {
      sink.add(i, c.requestsN, A.one, A.mul(c.requestsD, A.of(90_000)))
    },
  },
  {
    // Bytes processed: requests x (request + response KB) / 2^20 GB / 0.4 GB per LCU-hour.
    id: 'albLcuBytes',
    kind: 'alb-lcu',
    unit: 'LCU-hours',
    part: 'api',
    label: 'ALB LCU-hours (bytes)',
    savingsPlan: false,
    applies: 'alb',
    assumptions: albAssumptions,
    price: (_sheet, region) => region.beside.get('alb.lcuHour'),
    measure(A, c, sink, i) {
      if (!A.decimal(c.fn.requestKb ?? 0)) return fail(A)
      const an = A.q
      const ad = A.r
      if (!A.decimal(c.fn.responseKb ?? 0)) return fail(A)
      const kbN = A.add(A.mul(an, A.r), A.mul(A.q, ad))
      sink.add(i, A.mul(c.requestsN, kbN), A.of(5), A.mul(A.mul(c.requestsD, A.mul(ad, A.r)), A.of(2 * KB_PER_GB)))
    },
  },
]

/** Data out to the internet: the responses, 100 GB a month free for the account, then brackets. */
const DATA_OUT_METER: MeterSpec = {
  id: 'dataOutGb',
  kind: 'data-out',
  unit: 'GB',
  part: 'dataOut',
  label: 'Data out to the internet',
  free: 'dataOut',
  savingsPlan: false,
  applies: 'data-out',
  assumptions: (bill) => (bill.estimatedPrice ? [`Data transfer prices in ${bill.region} not found in the sources are us-east-1’s.`] : []),
  price: (_sheet, region) => region.beside.get('dataOut'),
  measure(A, c, sink, i) {
    if (!A.decimal(c.fn.responseKb!)) return fail(A)
    sink.add(i, A.mul(c.requestsN, A.q), A.one, A.mul(A.mul(c.requestsD, A.r), A.of(KB_PER_GB)))
  },
}

/**
 * Every meter, in the order the bill lists its lines. At most 32: the meters
 * in use are the bits of one 32-bit number (`MeterTotals.used`), and this
 * table is full (a test says so before a 33rd is added).
 *
 * @example METERS.map((m) => m.id) // ['requests', 'x86Gbs', 'armGbs', 'storageGbs', ...]
 */
export const METERS: readonly MeterSpec[] = [
  {
    id: 'requests',
    kind: 'requests',
    unit: 'requests',
    part: 'requests',
    label: 'Requests',
    free: 'requests',
    savingsPlan: false,
    always: true,
    applies: 'regional',
    price: (_sheet, region) => region.requestPrice,
    measure(A, c, sink, i) {
      sink.add(i, c.requestsN, A.one, c.requestsD)
    },
  },
  computeMeter('x86_64'),
  computeMeter('arm64'),
  {
    id: 'storageGbs',
    kind: 'ephemeral-storage',
    unit: 'GB-s',
    part: 'storage',
    label: 'Ephemeral storage above 512 MB',
    savingsPlan: false,
    applies: 'storage',
    price: (_sheet, region) => region.storagePrice,
    measure(A, c, sink, i) {
      // Every invocation's billed time, provisioned ones included, and the cold ones' extra.
      sink.add(i, A.mul(c.requestsN, c.billedMs), c.storageExtraMb, A.mul(c.requestsD, A.of(MB_MS)))
      if (!A.isZero(c.coldExtraMs) && !A.isZero(c.coldN)) sink.add(i, A.mul(c.coldN, c.coldExtraMs), c.storageExtraMb, A.mul(c.coldD, A.of(MB_MS)))
    },
  },
  ...provisionedMeters('x86_64'),
  ...provisionedMeters('arm64'),
  {
    id: 'cacheGbs',
    kind: 'snapstart-cache',
    unit: 'GB-s',
    part: 'snapStart',
    label: 'SnapStart cache',
    onePrice: 'SnapStart',
    savingsPlan: false,
    applies: 'snapstart-priced',
    price: (sheet) => sheet.extra?.cache,
    measure(A, c, sink, i) {
      const min = c.extra!.snapStart.minCacheHours
      if (!A.decimal(Math.max(c.fn.snapStartCacheHours ?? 730, min))) return fail(A)
      const hoursN = A.q
      const hoursD = A.r
      sink.add(i, A.mul(A.of(c.fn.snapStartVersions ?? 1), c.mb), A.mul(hoursN, A.of(3600)), A.mul(hoursD, A.of(1024)))
    },
  },
  {
    id: 'restoreGb',
    kind: 'snapstart-restore',
    unit: 'GB',
    part: 'snapStart',
    label: 'SnapStart restore',
    onePrice: 'SnapStart',
    savingsPlan: false,
    applies: 'snapstart-priced',
    price: (sheet) => sheet.extra?.restore,
    measure(A, c, sink, i) {
      if (!A.isZero(c.coldN)) sink.add(i, c.coldN, c.mb, A.mul(c.coldD, A.of(1024)))
    },
  },
  {
    id: 'edgeRequests',
    kind: 'edge-requests',
    unit: 'requests',
    part: 'edge',
    label: 'Lambda@Edge requests',
    savingsPlan: false,
    assumptions: edgeAssumptions,
    applies: 'edge',
    price: (sheet) => sheet.extra?.edgeRequest,
    measure(A, c, sink, i) {
      sink.add(i, c.requestsN, A.one, c.requestsD)
    },
  },
  {
    id: 'edgeGbs',
    kind: 'edge-duration',
    unit: 'GB-s',
    part: 'edge',
    label: 'Lambda@Edge duration',
    savingsPlan: false,
    onDemandDuration: true,
    assumptions: edgeAssumptions,
    applies: 'edge',
    price: (sheet) => sheet.extra?.edgeGbs,
    measure(A, c, sink, i) {
      onDemandGbs(A, c, sink, i)
    },
  },
  {
    id: 'streamGib',
    kind: 'response-streaming',
    unit: 'GiB',
    part: 'streaming',
    label: 'Response streaming',
    onePrice: 'response streaming',
    free: 'streaming',
    savingsPlan: false,
    applies: 'streaming',
    assumptions: () => [
      'Response streaming is priced from the average MB per request: requests that stream less than 6 MB do not lend their free part to larger ones, so a bill with uneven responses can be higher.',
    ],
    price: (sheet) => sheet.extra?.streaming,
    measure(A, c, sink, i) {
      const streamed = c.fn.streamedMbPerRequest!
      const freeMb = c.extra!.streaming.freeMbPerRequest
      if (!A.decimal(streamed)) return fail(A)
      const mbN = A.q
      const mbD = A.r
      // Requests x (MB - the free MB) / 1,024 MiB in a GiB.
      sink.add(i, c.requestsN, A.sub(mbN, A.mul(A.of(freeMb), mbD)), A.mul(c.requestsD, A.mul(A.of(1024), mbD)))
    },
  },
  ...tenantMeters('x86_64'),
  ...tenantMeters('arm64'),
  ...DURABLE_METERS,
  ...MANAGED_METERS,
  ...LOG_METERS,
  ...API_METERS,
  DATA_OUT_METER,
]

function fail<T>(A: Arithmetic<T>): void {
  A.failed = true
}

const ALB_HOURS = METERS.findIndex((m) => m.id === 'albHours')
const ALB_CONNECTIONS = METERS.findIndex((m) => m.id === 'albLcuConnections')
const ALB_BYTES = METERS.findIndex((m) => m.id === 'albLcuBytes')

/**
 * Bit i set for each meter whose account total is not the sum of the
 * functions' (the load balancer's): `settleAccount` makes it so.
 */
export const ACCOUNT_METER_BITS = (1 << ALB_HOURS) | (1 << ALB_CONNECTIONS) | (1 << ALB_BYTES)

/**
 * The account's rules for the meters that are not a sum over functions: the
 * region's one load balancer runs 730 hours whatever its functions' requests
 * (their shares of it), and its LCUs are the larger of the two dimensions (the
 * smaller meter is left out). Returns the meters in use.
 */
export function settleAccount<T>(A: Arithmetic<T>, W: T[], F: T[], U: T[], used: number): number {
  if ((used & (1 << ALB_HOURS)) !== 0) {
    W[ALB_HOURS] = A.of(730)
    F[ALB_HOURS] = A.zero
    U[ALB_HOURS] = A.one
  }
  const c = 1 << ALB_CONNECTIONS
  const b = 1 << ALB_BYTES
  if ((used & c) !== 0 && (used & b) !== 0) {
    // Compare w1 + f1 / u1 with w2 + f2 / u2 (f < u): the whole parts, then f1 u2 with f2 u1.
    const w1 = W[ALB_CONNECTIONS]!
    const w2 = W[ALB_BYTES]!
    const bytesLarger = A.le(w1, w2) && (!A.le(w2, w1) || !A.le(A.mul(F[ALB_BYTES]!, U[ALB_CONNECTIONS]!), A.mul(F[ALB_CONNECTIONS]!, U[ALB_BYTES]!)))
    return used & ~(bytesLarger ? c : b)
  }
  return used
}

/**
 * The chart part of each kind of bill line.
 *
 * @example PART_OF_KIND['snapstart-restore'] // 'snapStart'
 */
export const PART_OF_KIND = Object.fromEntries(METERS.map((m) => [m.kind, m.part])) as Readonly<Record<LineKind, CostPart>>

/** For each kind of function (`Applies`), the meters that measure it: bit i for meter i. */
const APPLIES_METERS = METERS.reduce(
  (out, m, i) => {
    out[m.applies] |= 1 << i
    return out
  },
  {} as Record<Applies, number>,
)

/** Asks each meter in `meters` (bit i for meter i), in table order, to measure the function in `c`. */
function measureEach<T>(A: Arithmetic<T>, c: MeterContext<T>, sink: MeterSink<T>, meters: number): void {
  for (; meters !== 0; meters &= meters - 1) {
    const i = 31 - Math.clz32(meters & -meters)
    METER_MEASURES[i]!(A, c, sink, i)
  }
}

// The table's columns the hot paths read, as arrays: the meters' entries have
// many shapes (optional fields), so reading them in a loop is slow in V8.

/** Each meter's `measure`, by index. */
const METER_MEASURES: readonly MeterSpec['measure'][] = METERS.map((m) => m.measure.bind(m))
/** Each meter's free-tier pool (undefined for none), by index. */
export const METER_POOLS: readonly (FreePool | undefined)[] = METERS.map((m) => m.free)
/** Each meter's line kind, by index. */
export const METER_KINDS: readonly LineKind[] = METERS.map((m) => m.kind)
/** Bit i set for each meter with a line per instance type. */
export const METER_PER_TYPE: number = METERS.reduce((bits, m, i) => (m.perType ? bits | (1 << i) : bits), 0)
/** Each meter's architecture (undefined for none), by index. */
export const METER_ARCHITECTURES: readonly (Architecture | undefined)[] = METERS.map((m) => m.architecture)

/**
 * The meters' names, in table order.
 *
 * @example METER_IDS[0] // 'requests'
 */
export const METER_IDS: readonly MeterId[] = METERS.map((m) => m.id)

/**
 * The meters that draw on the free tier's GB-s: on-demand compute, one per architecture.
 *
 * @example FREE_GBS_METERS.map((m) => m.id) // ['x86Gbs', 'armGbs']
 */
export const FREE_GBS_METERS: readonly MeterSpec[] = METERS.filter((m) => m.free === 'gbSeconds')

/**
 * The meter that holds a regional function's on-demand compute on an architecture.
 *
 * @example computeMeterOf('arm64') // 'armGbs'
 */
export function computeMeterOf(architecture: Architecture): MeterId {
  return FREE_GBS_METERS.find((m) => m.architecture === architecture)!.id
}

/**
 * The meters that hold a function's on-demand duration: one of them per function.
 *
 * @example ON_DEMAND_DURATION_METERS.map((m) => m.id) // ['x86Gbs', 'armGbs', 'edgeGbs']
 */
export const ON_DEMAND_DURATION_METERS: readonly MeterSpec[] = METERS.filter((m) => m.onDemandDuration)

/**
 * The front doors whose meters draw on API Gateway's free tier for new accounts.
 *
 * @example API_GATEWAY_FRONT_DOORS // ['http-api', 'rest-api', 'websocket']
 */
export const API_GATEWAY_FRONT_DOORS: readonly Applies[] = [...new Set(METERS.filter((m) => m.free?.startsWith('api')).map((m) => m.applies))]

/** Each meter's index by name. */
export const METER_INDEX: ReadonlyMap<MeterId, number> = new Map(METERS.map((m, i) => [m.id, i]))

/**
 * Builds one valid function's context under `sheet` in arithmetic A (requests a
 * month given as requestsN / requestsD), then adds each meter's usage to
 * `sink`. Returns the context, or null where A could not keep a figure exact
 * (DOUBLES: the caller hands over to BIGINT).
 */
export function measureFunction<T>(
  A: Arithmetic<T>,
  fn: FunctionInput,
  compiled: CompiledSheet,
  requestsN: T,
  requestsD: T,
  sink: MeterSink<T>,
): MeterContext<T> | null {
  const data = compiled.data
  const extra = data.extraMeters
  const granularity = data.granularityMs
  const architecture = fn.architecture ?? 'x86_64'
  const edge = extra !== undefined && fn.edge === true
  const mb = A.of(fn.memoryMb)
  let bw = Math.ceil(fn.durationMs)
  if (granularity !== 1) bw = Math.ceil(bw / granularity) * granularity
  const billedMs = A.of(bw)

  // Provisioned environments serve a share of the requests; the rest spill over to on demand.
  const concurrencyNumber = extra && !edge ? (fn.provisionedConcurrency ?? 0) : 0
  const concurrency = A.of(concurrencyNumber)
  let onDemandN = requestsN
  let onDemandD = requestsD
  let servedN = A.zero
  let provisionedSeconds = A.zero
  if (concurrencyNumber > 0) {
    // The share in lowest terms with 100 keeps the denominator small: 80 % of 7 is 28 / 5.
    if (!A.decimal(fn.provisionedSharePercent ?? 100)) return null
    let shareN = A.q
    let shareD = A.mul(A.r, A.of(100))
    const g = A.gcd(shareN, shareD)
    shareN = A.div(shareN, g)
    shareD = A.div(shareD, g)
    onDemandD = A.mul(requestsD, shareD)
    servedN = A.mul(requestsN, shareN)
    onDemandN = A.sub(A.mul(requestsN, shareD), servedN)
    // Enabled time in whole periods: ceil(hours x periods an hour), from the hours as typed
    // (50 minutes is 0.8333333333333334 h, whose product with 12 rounds to 10 in doubles).
    const minutes = extra!.provisionedRoundingMinutes
    if (!A.decimal(fn.provisionedHours ?? 730)) return null
    const hoursN = A.q
    const hoursD = A.r
    const d = A.mul(hoursD, A.of(minutes))
    const periods = A.div(A.sub(A.add(A.mul(hoursN, A.of(60)), d), A.one), d)
    provisionedSeconds = A.mul(periods, A.of(minutes * 60))
  }

  // Cold starts: on-demand x share of them bill the INIT (or restore) too.
  let coldN = A.zero
  let coldD = A.one
  let coldExtraMs = A.zero
  const coldPercent = extra ? (fn.coldStartPercent ?? 0) : 0
  if (coldPercent !== 0) {
    if (!A.decimal(coldPercent)) return null
    let pN = A.q
    let pD = A.mul(A.r, A.of(100))
    const g = A.gcd(pN, pD)
    pN = A.div(pN, g)
    pD = A.div(pD, g)
    coldN = A.mul(onDemandN, pN)
    coldD = A.mul(onDemandD, pD)
    const init = fn.initDurationMs ?? 0
    if (init !== 0) {
      let cold = A.ceilSum(fn.durationMs, init)
      if (cold < 0) return null
      if (granularity !== 1) cold = Math.ceil(cold / granularity) * granularity
      coldExtraMs = A.of(cold - bw)
    }
  }

  const includedMb = data.ephemeralStorage.includedMb
  const storageExtraMb = A.of(Math.max(0, (fn.ephemeralStorageMb ?? includedMb) - includedMb))
  const c: MeterContext<T> = {
    fn,
    extra,
    architecture,
    edge,
    mb,
    billedMs,
    coldExtraMs,
    requestsN,
    requestsD,
    onDemandN,
    onDemandD,
    servedN,
    coldN,
    coldD,
    concurrency,
    provisionedSeconds,
    storageExtraMb,
    managed: null,
  }
  if (A.failed) return null
  if (extra && fn.compute === 'managed-instances') {
    // Billed by the instance-hour: no GB-s, INIT or storage (validation refuses the inputs for them).
    c.managed = sizeManagedInstances(fn, { n: A.big(requestsN), d: A.big(requestsD) }, extra.managedInstances)
    if (c.managed === null) return null
    measureEach(A, c, sink, APPLIES_METERS.managed | besideBits(fn))
    return A.failed ? null : c
  }
  // Only the meters that apply to this function are asked.
  let meters = 0
  if (edge) meters |= APPLIES_METERS.edge
  else {
    meters |= APPLIES_METERS.regional | APPLIES_METERS[architecture]
    if (!A.isZero(storageExtraMb)) meters |= APPLIES_METERS.storage
  }
  if (concurrencyNumber > 0) meters |= APPLIES_METERS.provisioned
  if (extra) {
    if (fn.snapStart === 'priced') meters |= APPLIES_METERS['snapstart-priced']
    if ((fn.streamedMbPerRequest ?? 0) > extra.streaming.freeMbPerRequest) meters |= APPLIES_METERS.streaming
    if (fn.tenantIsolation === true) meters |= APPLIES_METERS.tenant
    if ((fn.durableExecutions ?? 0) > 0) meters |= APPLIES_METERS.durable
    meters |= besideBits(fn)
  }
  measureEach(A, c, sink, meters)
  return A.failed ? null : c
}

/**
 * Whether a line of `meter` may fall on the function when no function used
 * any of it (a load balancer's hours with no request behind it): for the
 * meters beside Lambda, only the functions with that log format, front door
 * or data out; every function for Lambda's own meters.
 *
 * @example sharesFixedCost('albHours', { memoryMb: 128, durationMs: 1, requests: 0, frontDoor: 'rest-api' }) // false
 */
export function sharesFixedCost(meter: MeterId, fn: FunctionInput): boolean {
  const bit = 1 << METER_INDEX.get(meter)!
  return (BESIDE_BITS & bit) === 0 || (besideBits(fn) & bit) !== 0
}

/** The meters beside Lambda: logs, the front doors, data out. */
const BESIDE_BITS =
  APPLIES_METERS.logs |
  APPLIES_METERS['http-api'] |
  APPLIES_METERS['rest-api'] |
  APPLIES_METERS.websocket |
  APPLIES_METERS.alb |
  APPLIES_METERS['data-out']

/** The meters beside Lambda a function uses (on a sheet that bills them), bit i for meter i: its logs, its front door, its data out. */
function besideBits(fn: FunctionInput): number {
  const format = fn.logFormat
  const door = fn.frontDoor
  let bits = format !== undefined && format !== 'off' ? APPLIES_METERS.logs : 0
  if (door !== undefined && door !== 'none' && door !== 'function-url') bits |= APPLIES_METERS[door]
  if ((fn.responseKb ?? 0) > 0) bits |= APPLIES_METERS['data-out']
  return bits
}

/**
 * Requests a month of a valid function in A, left in A.q / A.r in lowest
 * terms; false where A cannot hold them exactly.
 */
export function monthlyRequestsIn<T>(A: Arithmetic<T>, fn: FunctionInput): boolean {
  if (!A.decimal(fn.requests)) return false
  const factor = REQUEST_UNIT_FACTORS.get(fn.per ?? 'month')!
  const n = A.mul(A.q, A.of(factor[0]))
  const d = A.mul(A.r, A.of(factor[1]))
  const g = A.gcd(n, d)
  A.q = A.div(n, g)
  A.r = A.div(d, g)
  return !A.failed
}
