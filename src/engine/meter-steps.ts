import type { Bill } from './bill'
import {
  addRatio,
  centsToUsdString,
  groupThousands,
  mulRatio,
  parseNumber,
  pow10,
  scaleRatio,
  subRatio,
  toDecimalString,
  type Ratio,
} from './decimal'
import type { FunctionMeasure } from './measure'
import type { MeterId } from './meters'

// Each meter's part of "Show calculations", keyed by meter id: how one
// function's use of it is measured, what the bill adds once, and the words
// beside its charge. A table of its own (not fields of METERS) so that its text
// loads with the steps, not before the first total; `Record<MeterId, ...>`
// makes the compiler ask for an entry whenever a meter is added.

/** An exact figure with separators; cut to 6 places with "…" where it goes on. */
export function num(n: bigint, d: bigint, places = 6): string {
  const text = groupThousands(toDecimalString(n, d, places))
  return (n * pow10(places)) % d === 0n ? text : `${text}\u2026`
}

/** A ratio as `num` prints it. */
export function q(r: Ratio, places = 6): string {
  return num(r.n, r.d, places)
}

/** A plain JS number with separators. */
export function n(x: number): string {
  return groupThousands(String(x))
}

/** Whole cents as grouped dollars: 10000020n -> "100,000.20". */
export function dollars(cents: bigint): string {
  return groupThousands(centsToUsdString(cents))
}

const isOne = (r: Ratio): boolean => r.n === r.d

/** A count and its noun, singular for exactly one: "1 request", "2.5 requests". */
export function count(r: Ratio, one: string, many: string): string {
  return `${q(r)} ${isOne(r) ? one : many}`
}

/** A whole count and its noun: "1 environment", "5 environments". */
export function countN(x: number, one: string, many: string): string {
  return `${n(x)} ${x === 1 ? one : many}`
}

/** A quantity in its unit, singular where the unit has one and the quantity is 1: "1 request", "1 GB-s". */
export function inUnit(r: Ratio, unit: string): string {
  const singular = unit === 'requests' ? 'request' : unit === 'operations' ? 'operation' : unit
  return count(r, singular, unit)
}

/** MB as GB, exactly: 1536 -> "1.5". */
export const GB = (mb: number): string => num(BigInt(mb), 1024n)

/** One meter's steps. */
export interface MeterSteps {
  /**
   * How one function's use of the meter was measured, given the function (its
   * input and measures) and its usage with the unit ("1,234.5 GB-s"): one
   * sentence each. Asked only of functions that use the meter.
   */
  perFunction?: (f: FunctionMeasure, usage: string, bill: Bill) => string[]
  /** Sentences once per bill that uses the meter, after the functions' (its free-tier allowance, say). */
  perBill?: (bill: Bill) => string[]
  /** Words after the meter's charge, e.g. "monthly request charges". */
  charge?: string
}

/** Break-even utilisation of provisioned concurrency, as AWS states it. */
export const BREAK_EVEN_PERCENT = 60

/** Enabled time, environments, served requests and utilisation of one function's provisioned concurrency. */
function provisionedSteps(f: FunctionMeasure, _usage: string, bill: Bill): string[] {
  const out: string[] = []
  const gb = GB(f.memoryMb)
  const minutes = bill.sheet.data.extraMeters!.provisionedRoundingMinutes
  const periods = f.provisionedSeconds / BigInt(minutes * 60)
  const exactPeriods = scaleRatio(f.provisionedHours, 60n, BigInt(minutes))
  out.push(
    `Enabled time: ${q(f.provisionedHours)} hours x 60 minutes / ${minutes} minutes = ${q(exactPeriods)} periods, rounded up to ${n(Number(periods))} x ${minutes * 60} seconds = ${n(Number(f.provisionedSeconds))} seconds`,
  )
  const pcGbs = f.architecture === 'arm64' ? f.meters.pcArmGbs : f.meters.pcX86Gbs
  const durGbs = f.architecture === 'arm64' ? f.meters.pcDurationArmGbs : f.meters.pcDurationX86Gbs
  out.push(
    `${countN(f.concurrency, 'provisioned environment', 'provisioned environments')} x ${gb} GB x ${n(Number(f.provisionedSeconds))} seconds = ${q(pcGbs)} GB-s of provisioned concurrency (${f.architecture})`,
  )
  out.push(
    `${count(f.monthlyRequests, 'request', 'requests')} x ${q(f.sharePercent)} % = ${count(f.served, 'request', 'requests')} served by provisioned environments; ${q(f.spill)} run on demand (spill-over)`,
  )
  out.push(
    `${count(f.served, 'request', 'requests')} x ${n(f.billedMs)} ms x 0.001 ms to sec conversion factor x ${gb} GB = ${q(durGbs)} GB-s of provisioned duration (no INIT: the environments are initialised in advance)`,
  )
  // Utilisation: the served requests' time over the environments' enabled time.
  const capacityS = scaleRatio(f.provisionedHours, BigInt(f.concurrency) * 3600n)
  if (capacityS.n > 0n) {
    const busy = scaleRatio(mulRatio(f.served, parseNumber(f.durationMs)), 1n, 1000n)
    const util = { n: busy.n * capacityS.d * 100n, d: busy.d * capacityS.n }
    const prices = bill.region.provisioned[f.architecture]!
    const pcUsd = addRatio(mulRatio(pcGbs, prices.concurrency.usd), mulRatio(durGbs, prices.duration.usd))
    const onDemand = bill.region.compute[f.architecture]![0]!
    const diff = subRatio(mulRatio(durGbs, onDemand.usdPerGbSecond), pcUsd)
    const cents = (x: Ratio) => {
      const c = (x.n < 0n ? -x.n : x.n) * 100n
      return dollars((2n * c + x.d) / (2n * x.d))
    }
    const verdict =
      diff.n >= 0n ? `provisioned concurrency saves ${cents(diff)} USD against on demand` : `on demand would cost ${cents(diff)} USD less`
    out.push(
      `Your provisioned environments are busy ${groupThousands(toDecimalString(util.n, util.d, 1))} % of the time (break-even about ${BREAK_EVEN_PERCENT} %): ${verdict} (the same invocations at ${onDemand.usdPerGbSecond.n === 0n ? '0' : onDemand.usdPerGbSecondText} USD per GB-s, before the free tier).`,
    )
  }
  return out
}

const computeSteps: MeterSteps = { charge: 'monthly compute charges' }

/** How a Managed Instances function's instance-hours were found: given, or sized for its average load. */
function managedSteps(f: FunctionMeasure, _usage: string, bill: Bill): string[] {
  const s = f.managed!
  const rules = bill.sheet.data.extraMeters!.managedInstances
  const t = s.instance
  const od = bill.region.instances.onDemand.perType.get(t.name)
  const paid = f.input.ec2PricePerHour
  const out = [
    `Managed Instances on ${t.name} (${n(t.vcpus)} vCPUs, ${n(t.memoryGib)} GiB, ${t.architecture}): ${od ? `${od.text} USD an instance-hour on demand in ${bill.region.id}` : 'no on-demand price here'}${paid !== undefined ? `, ${n(paid)} USD an instance-hour as paid (a Savings Plan or RI price, given)` : ''}`,
  ]
  if (s.hoursGiven) {
    out.push(`Instance-hours: ${q(s.hours)}, as given (not sized from the traffic)`)
    return out
  }
  const hours = rules.hoursPerMonth
  const cpeDefault = f.input.concurrencyPerEnvironment === undefined ? ' (the default; set your runtime’s)' : ''
  out.push(
    `Requests a second: ${count(f.monthlyRequests, 'request', 'requests')} / ${n(hours * 3600)} seconds in a ${n(hours)}-hour month = ${q(s.requestsPerSecond)}`,
    `Average concurrency: ${q(s.requestsPerSecond)} requests a second x ${n(f.durationMs)} ms x 0.001 ms to sec conversion factor = ${q(s.concurrency)} requests in flight`,
    `Execution environments: ceil(${q(s.concurrency)} / ${n(s.concurrencyPerEnvironment)} requests at once per environment${cpeDefault}) = ${n(Number(s.environments))}`,
    `vCPUs per environment: ceil(${n(f.memoryMb)} MB / (${n(s.memoryGbPerVcpu)} GB per vCPU x 1,024 MB)) = ${n(Number(s.vcpusPerEnvironment))}`,
    `Environments per ${t.name}: min(floor((${n(t.vcpus)} vCPUs - ${n(rules.reservedVcpus)} for the OS) / ${n(Number(s.vcpusPerEnvironment))}), floor((${n(t.memoryGib * 1024)} MB - ${n(rules.reservedMemoryMb)} MB for the OS) / ${n(f.memoryMb)} MB)) = min(${n(Number(s.byVcpu))}, ${n(Number(s.byMemory))}) = ${n(Number(s.perInstance))}`,
    `Instances: max(${n(rules.minInstances)} for AZ resiliency, ceil(${n(Number(s.environments))} environments x (1 + ${q(s.scalingBufferPercent)} % scaling buffer) / ${n(Number(s.perInstance))} per instance) = ${n(Number(s.needed))}) = ${n(Number(s.instances))}`,
    `Instance-hours: ${countN(Number(s.instances), 'instance', 'instances')} x ${n(hours)} hours = ${q(s.hours)} instance-hours`,
    'Sized for the average load: peaks need more capacity, and the instances run all month: Managed Instances do not scale to zero.',
  )
  return out
}

function tenantSteps(architecture: string): MeterSteps {
  return {
    perFunction: (f, usage) => [
      `Tenant isolation (${architecture}): each cold start creates an environment for its tenant, so ${f.input.coldStartPercent ?? 0} % of the on-demand invocations x ${f.memoryMb / 1024} GB of memory = ${usage} of environments created, each GB billed once.`,
      "AWS's own example (10 million requests, 2 % cold, 1,024 MB) rounds the rate to 0.000167 USD and shows $33.40 and a total of $368.74; at the published 0.000166667 USD the line is $33.33 and the total $368.66, as billed here.",
    ],
  }
}

/** How one function's logs were measured: invocations x bytes = GB. */
function logSteps(f: FunctionMeasure, usage: string): string[] {
  const fn = f.input
  const json = fn.logFormat === 'json'
  const app = parseNumber(fn.appLogBytesPerInvocation ?? 0)
  const system = json ? 819n : 264n
  const perInvocation = addRatio({ n: system, d: 1n }, app)
  const bytes = addRatio(mulRatio(f.monthlyRequests, perInvocation), json ? { n: 0n, d: 1n } : scaleRatio(f.cold, 26n))
  const cold = !json && f.cold.n !== 0n ? ` + ${count(f.cold, 'cold start', 'cold starts')} x 26 bytes (a cold REPORT line's Init Duration)` : ''
  return [
    `${count(f.monthlyRequests, 'invocation', 'invocations')} x (${system} bytes of Lambda's own ${json ? 'JSON' : 'text'} lines + ${q(app)} bytes of yours)${cold} = ${q(bytes, 0)} bytes / 1,073,741,824 bytes in a GB = ${usage} ingested`,
  ]
}

/** API Gateway's free tier for new accounts, where the estimate applies it. */
function apiFreeStep(bill: Bill, what: string, amount: string): string[] {
  return bill.apiFree ? [`API Gateway free tier (the account's first 12 months): ${amount} ${what} a month.`] : []
}

/**
 * Every meter's steps.
 *
 * @example METER_STEPS.requests.charge // 'monthly request charges'
 */
export const METER_STEPS: Readonly<Record<MeterId, MeterSteps>> = {
  requests: { charge: 'monthly request charges' },
  x86Gbs: computeSteps,
  armGbs: computeSteps,
  storageGbs: {
    perFunction: (f, usage, bill) => {
      const included = bill.sheet.data.ephemeralStorage.includedMb
      const allMs = addRatio(
        addRatio(scaleRatio(f.warm, BigInt(f.billedMs)), scaleRatio(f.cold, BigInt(f.billedColdMs))),
        scaleRatio(f.served, BigInt(f.billedMs)),
      )
      return [
        `${GB(f.storageMb)} GB - ${GB(included)} GB (no additional charge) = ${GB(f.storageMb - included)} GB billable ephemeral storage x ${q(scaleRatio(allMs, 1n, 1000n))} seconds (INIT and provisioned invocations included) = ${usage}`,
      ]
    },
    charge: 'monthly ephemeral storage charges',
  },
  pcX86Gbs: { perFunction: provisionedSteps },
  pcDurationX86Gbs: {},
  pcArmGbs: { perFunction: provisionedSteps },
  pcDurationArmGbs: {},
  cacheGbs: {
    perFunction: (f, usage, bill) => [
      `${countN(f.snapStartVersions, 'version', 'versions')} x ${GB(f.memoryMb)} GB x ${q(f.cacheHoursBilled)} hours (at least ${bill.sheet.extra!.minCacheHours}) x 3,600 seconds = ${usage} of SnapStart cache`,
    ],
  },
  restoreGb: {
    perFunction: (f, usage) => [`${count(f.cold, 'restore', 'restores')} (the cold invocations) x ${GB(f.memoryMb)} GB = ${usage} restored`],
  },
  edgeRequests: {},
  edgeGbs: {},
  streamGib: {
    perFunction: (f, usage, bill) => {
      const freeMb = bill.sheet.data.extraMeters!.streaming.freeMbPerRequest
      const beyond = subRatio(f.streamedMb, { n: BigInt(freeMb), d: 1n })
      return [
        `${count(f.monthlyRequests, 'request', 'requests')} x (${q(f.streamedMb)} MB - ${freeMb} MB free per request) = ${q(mulRatio(f.monthlyRequests, beyond))} MB / 1,024 = ${usage} streamed`,
      ]
    },
    perBill: (bill) => {
      if (!bill.freeTier) return []
      const total = bill.usage.streamGib
      const diff = subRatio(total, { n: bill.sheet.extra!.freeStreamingGib, d: 1n })
      return [
        `${q(total)} GiB - ${n(Number(bill.sheet.extra!.freeStreamingGib))} free tier GiB = ${q(diff)} GiB`,
        `Max (${q(diff)} GiB, 0) = ${q(bill.billableStream)} billable GiB`,
      ]
    },
  },
  tenantX86Gb: tenantSteps('x86_64'),
  tenantArmGb: tenantSteps('arm64'),
  durableOperations: {
    perFunction: (f, usage) => [
      `Durable operations: ${n(f.input.durableExecutions ?? 0)} executions x ${n(f.input.durableOperationsPerExecution ?? 1)} operations each = ${usage}`,
    ],
  },
  durableWrittenGb: {
    perFunction: (f, usage) => [
      `Durable data written: ${n(f.input.durableExecutions ?? 0)} executions x ${n(f.input.durableKbWrittenPerExecution ?? 0)} KB / 1,000,000 KB in a GB (AWS's decimal GB for this meter) = ${usage}`,
    ],
  },
  managedRequests: { charge: 'monthly Managed Instances request charges (no free tier)' },
  managedEc2Hours: { perFunction: managedSteps },
  managedFeeHours: {
    perFunction: (f, usage, bill) => {
      const t = f.managed!.instance.name
      const od = bill.region.instances.onDemand.perType.get(t)
      const fee = bill.region.instances.fee.perType.get(t)
      const pct = bill.sheet.data.extraMeters!.managedInstances.managementFeePercent
      return [
        `Management fee on ${t}: ${pct} % of the ${od?.text ?? '?'} USD on-demand price = ${fee?.text ?? '?'} USD an instance-hour, for ${usage}, whatever the instance itself is billed at (no Savings Plan discounts it)`,
      ]
    },
  },
  logsStandardGb: {
    perFunction: logSteps,
    perBill: (bill) => {
      if (!bill.freeTier) return []
      const all = addRatio(bill.usage.logsStandardGb, bill.usage.logsIaGb)
      return [
        `CloudWatch Logs free tier: ${bill.sheet.extra!.freeLogsGb} GB a month for the account, taken from Standard first, then Infrequent Access (${q(all)} GB ingested in all); each class then has its own price brackets.`,
      ]
    },
    charge: 'monthly CloudWatch Logs ingestion charges, Standard',
  },
  logsIaGb: {
    perFunction: logSteps,
    perBill: (bill) =>
      bill.freeTier && bill.usage.logsStandardGb.n === 0n
        ? [`CloudWatch Logs free tier: ${bill.sheet.extra!.freeLogsGb} GB a month for the account.`]
        : [],
    charge: 'monthly CloudWatch Logs ingestion charges, Infrequent Access',
  },
  logsStoredGbMonths: {
    perFunction: (f, usage) => {
      const ingested = addRatio(f.meters.logsStandardGb, f.meters.logsIaGb)
      const months = f.input.logRetentionMonths ?? 1
      return [
        `${q(ingested)} GB ingested x 0.15 storage compression factor x ${n(months)} ${months === 1 ? 'month' : 'months'} kept = ${usage} stored (steady state)`,
      ]
    },
    charge: 'monthly CloudWatch Logs storage charges',
  },
  apiHttpUnits: {
    perFunction: (f, usage) => [
      `${count(f.monthlyRequests, 'request', 'requests')} x max(1, ceil(${n(f.input.requestKb ?? 0)} KB / 512 KB)) units each = ${usage} metered`,
    ],
    perBill: (bill) => apiFreeStep(bill, 'HTTP API calls', '1,000,000'),
    charge: 'monthly HTTP API charges',
  },
  apiRestRequests: { perBill: (bill) => apiFreeStep(bill, 'REST API calls', '1,000,000'), charge: 'monthly REST API charges' },
  apiWsMessages: {
    perFunction: (f, usage) => [
      `${count(f.monthlyRequests, 'request', 'requests')} x max(1, ceil(${n(f.input.requestKb ?? 0)} KB / 32 KB)) messages each = ${usage} (messages sent back to clients not counted)`,
    ],
    perBill: (bill) => apiFreeStep(bill, 'WebSocket messages', '1,000,000'),
    charge: 'monthly WebSocket message charges',
  },
  apiWsMinutes: { perBill: (bill) => apiFreeStep(bill, 'connection minutes', '750,000'), charge: 'monthly WebSocket connection charges' },
  albHours: {
    perBill: () => [
      'One Application Load Balancer for the region, shared by the functions behind it: 730 hours a month, its cost shared by their requests.',
    ],
    charge: 'monthly load balancer hours',
  },
  albLcuConnections: {
    perFunction: (f, usage) => [
      `${count(f.monthlyRequests, 'request', 'requests')} (a new connection each) / (730 hours x 3,600 seconds) / 25 new connections a second per LCU x 730 hours = ${usage}`,
    ],
    perBill: () => ['LCUs: the larger of the new-connection and the bytes-processed figures, for all the functions behind the load balancer.'],
  },
  albLcuBytes: {
    perFunction: (f, usage) => [
      `${count(f.monthlyRequests, 'request', 'requests')} x (${n(f.input.requestKb ?? 0)} + ${n(f.input.responseKb ?? 0)}) KB / 1,048,576 KB in a GB / 0.4 GB an hour per LCU = ${usage}`,
    ],
  },
  dataOutGb: {
    perFunction: (f, usage) => [
      `${count(f.monthlyRequests, 'response', 'responses')} x ${n(f.input.responseKb ?? 0)} KB / 1,048,576 KB in a GB = ${usage} out to the internet`,
    ],
    perBill: (bill) =>
      bill.freeTier
        ? [
            `Data out free tier: ${bill.sheet.extra!.freeDataOutGb} GB a month for the account (all services and regions); the brackets count the GB after it.`,
          ]
        : [],
    charge: 'monthly data transfer out charges',
  },
  durableRetainedGbMonths: {
    perFunction: (f, usage) => [
      `Durable data retained: the data written x (${n(f.input.durableRunningDays ?? 0)} days running + ${n(f.input.durableRetentionDays ?? 14)} days kept after) / 30 days in a month = ${usage}`,
    ],
  },
}
