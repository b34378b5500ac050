import { parseNumber, reduceRatio, type Ratio } from './decimal'
import { ec2InstanceType, type Ec2InstanceType } from './sheets/ec2-instances'
import type { ManagedInstancesRules } from './sheets/sheet-data'
import type { FunctionInput } from './types'

// Lambda Managed Instances: how many instance-hours a function needs, in exact
// arithmetic. AWS bills the instances, not the requests' time, so the bill
// follows from this sizing (or from the instance-hours the user gives).

/** Seconds in the 730-hour month the request rates are converted with. */
const SECONDS_PER_MONTH = 2_628_000n

/**
 * Defaults of the Managed Instances inputs.
 *
 * @example MANAGED_DEFAULTS.concurrencyPerEnvironment // 16
 */
export const MANAGED_DEFAULTS = { concurrencyPerEnvironment: 16, memoryGbPerVcpu: 4, scalingBufferPercent: 0 } as const

/**
 * A Managed Instances function's sizing, every figure exact: the average
 * concurrency, the environments it needs, how many fit one instance, and the
 * instances and hours billed.
 *
 * @example sizeManagedInstances(fn, { n: 100_000_000n, d: 1n }, rules)?.instances // 3n
 */
export interface ManagedSizing {
  instance: Ec2InstanceType
  /** Requests a second: the monthly requests / 2,628,000 s. */
  requestsPerSecond: Ratio
  /** Average concurrency: requests a second x duration (s). */
  concurrency: Ratio
  concurrencyPerEnvironment: number
  /** ceil(concurrency / concurrencyPerEnvironment). */
  environments: bigint
  memoryGbPerVcpu: number
  /** ceil(memory / (GB per vCPU x 1,024 MB)). */
  vcpusPerEnvironment: bigint
  /** Environments one instance holds by its vCPUs (one kept for the OS), and by its memory (1 GB kept). */
  byVcpu: bigint
  byMemory: bigint
  /** The smaller of the two; 0 where an environment fits no instance of the type. */
  perInstance: bigint
  scalingBufferPercent: Ratio
  /** ceil(environments x (1 + buffer / 100) / perInstance). */
  needed: bigint
  /** max(the minimum, needed). */
  instances: bigint
  /** The month's instance-hours billed: given, or instances x 730. */
  hours: Ratio
  /** True where the instance-hours were given rather than sized. */
  hoursGiven: boolean
}

/**
 * Sizes a Managed Instances function for its average load, exactly: null where
 * its instance type is not in the table. `monthlyRequests` is its requests a
 * month. An environment that fits no instance gives `perInstance` 0 (a problem
 * validation names) and the minimum instances.
 *
 * @example sizeManagedInstances({ memoryMb: 2048, durationMs: 100, requests: 1e8, compute: 'managed-instances', instanceType: 'm7g.xlarge' }, { n: 100_000_000n, d: 1n }, rules)!.hours // { n: 2190n, d: 1n }
 */
export function sizeManagedInstances(fn: FunctionInput, monthlyRequests: Ratio, rules: ManagedInstancesRules): ManagedSizing | null {
  const instance = ec2InstanceType(fn.instanceType ?? '')
  if (!instance) return null
  const duration = parseNumber(fn.durationMs)
  const requestsPerSecond = reduceRatio({ n: monthlyRequests.n, d: monthlyRequests.d * SECONDS_PER_MONTH })
  const concurrency = reduceRatio({ n: requestsPerSecond.n * duration.n, d: requestsPerSecond.d * duration.d * 1000n })
  const cpe = fn.concurrencyPerEnvironment ?? MANAGED_DEFAULTS.concurrencyPerEnvironment
  const environments = ceilDiv(concurrency.n, concurrency.d * BigInt(cpe))
  const ratio = fn.memoryGbPerVcpu ?? MANAGED_DEFAULTS.memoryGbPerVcpu
  const mb = BigInt(fn.memoryMb)
  const vcpusPerEnvironment = ceilDiv(mb, BigInt(ratio) * 1024n)
  const freeVcpus = BigInt(instance.vcpus - rules.reservedVcpus)
  const freeMb = BigInt(instance.memoryGib * 1024 - rules.reservedMemoryMb)
  const byVcpu = freeVcpus > 0n ? freeVcpus / vcpusPerEnvironment : 0n
  const byMemory = freeMb > 0n ? freeMb / mb : 0n
  const perInstance = byVcpu < byMemory ? byVcpu : byMemory
  const buffer = parseNumber(fn.scalingBufferPercent ?? MANAGED_DEFAULTS.scalingBufferPercent)
  const needed = perInstance === 0n ? 0n : ceilDiv(environments * (100n * buffer.d + buffer.n), 100n * buffer.d * perInstance)
  const min = BigInt(rules.minInstances)
  const instances = needed > min ? needed : min
  const hoursGiven = fn.instanceHours !== undefined
  const hours = hoursGiven ? reduceRatio(parseNumber(fn.instanceHours!)) : { n: instances * BigInt(rules.hoursPerMonth), d: 1n }
  return {
    instance,
    requestsPerSecond,
    concurrency,
    concurrencyPerEnvironment: cpe,
    environments,
    memoryGbPerVcpu: ratio,
    vcpusPerEnvironment,
    byVcpu,
    byMemory,
    perInstance,
    scalingBufferPercent: buffer,
    needed,
    instances,
    hours,
    hoursGiven,
  }
}

function ceilDiv(n: bigint, d: bigint): bigint {
  return (n + d - 1n) / d
}
