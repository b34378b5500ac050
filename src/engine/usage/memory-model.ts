import { MAX_DURATION_MS } from '../fields'

/**
 * How duration changes with memory when nothing was measured, as a model the
 * user controls, and the smallest memory that fits a function's peak use.
 */

/**
 * Memory at which a function has one full vCPU, MB (AWS Lambda Developer Guide).
 *
 * @example vcpuShare(ONE_VCPU_MEMORY_MB, false) // 1
 */
export const ONE_VCPU_MEMORY_MB = 1769
/** Largest memory, MB, and the vCPUs it brings. */
export const MAX_MEMORY_MB = 10_240
export const MAX_VCPUS = 6

/**
 * The vCPU share a memory size buys: memory / 1,769 MB up to one vCPU; above
 * that only multi-threaded code gains, along a straight line to 6 vCPUs at
 * 10,240 MB (the two points AWS publishes).
 *
 * @example vcpuShare(884.5, false) // 0.5
 * @example vcpuShare(10240, true) // 6
 * @example vcpuShare(10240, false) // 1
 */
export function vcpuShare(memoryMb: number, multiThreaded: boolean): number {
  if (memoryMb <= ONE_VCPU_MEMORY_MB) return memoryMb / ONE_VCPU_MEMORY_MB
  if (!multiThreaded) return 1
  const m = Math.min(memoryMb, MAX_MEMORY_MB)
  return 1 + ((MAX_VCPUS - 1) * (m - ONE_VCPU_MEMORY_MB)) / (MAX_MEMORY_MB - ONE_VCPU_MEMORY_MB)
}

/**
 * Inputs of {@link modelDurationMs}.
 *
 * @example { durationMs: 1000, atMemoryMb: 128, memoryMb: 1024, cpuBoundPercent: 60, multiThreaded: false }
 */
export interface DurationModelInput {
  /** The duration known at `atMemoryMb`, ms. */
  durationMs: number
  /** The memory the duration was seen at, MB. */
  atMemoryMb: number
  /** The memory to model, MB. */
  memoryMb: number
  /** Share of the duration that is CPU-bound, 0-100 %: that part scales with the vCPU share, the rest stays fixed. */
  cpuBoundPercent: number
  /** Code that uses several threads gains from more than one vCPU (up to 6 at 10,240 MB). */
  multiThreaded?: boolean
}

function check(name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    throw new RangeError(`${name} must be a number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, not ${String(value)}`)
}

/**
 * A modelled duration at another memory size, to be labelled as a model
 * (measured points, when present, always win): the CPU-bound share of the
 * duration scales with the inverse of the vCPU share, the rest (waiting on
 * the network, disks, other services) stays fixed. Rounded to 0.01 ms, as
 * REPORT lines print durations.
 *
 * duration(m) = d x ((1 - p) + p x vcpu(atMemory) / vcpu(m)), p = cpuBoundPercent / 100.
 *
 * Throws a RangeError naming the field when an input is out of range.
 *
 * @example
 * // all CPU-bound, 128 MB -> 256 MB: twice the CPU, half the time
 * modelDurationMs({ durationMs: 1000, atMemoryMb: 128, memoryMb: 256, cpuBoundPercent: 100 }) // 500
 * // half CPU-bound: 500 ms fixed + 500 ms / 2
 * modelDurationMs({ durationMs: 1000, atMemoryMb: 128, memoryMb: 256, cpuBoundPercent: 50 }) // 750
 * // 0 % CPU-bound: the duration held fixed
 * modelDurationMs({ durationMs: 1000, atMemoryMb: 128, memoryMb: 3008, cpuBoundPercent: 0 }) // 1000
 */
export function modelDurationMs(input: DurationModelInput): number {
  check('durationMs', input.durationMs, 0, 900_000)
  check('atMemoryMb', input.atMemoryMb, 1, MAX_MEMORY_MB)
  check('memoryMb', input.memoryMb, 1, MAX_MEMORY_MB)
  check('cpuBoundPercent', input.cpuBoundPercent, 0, 100)
  const multi = input.multiThreaded === true
  const p = input.cpuBoundPercent / 100
  const ratio = vcpuShare(input.atMemoryMb, multi) / vcpuShare(input.memoryMb, multi)
  const ms = input.durationMs * (1 - p + p * ratio)
  return Math.round(ms * 100) / 100
}

/**
 * A sheet's memory limits: sizes from `minMb` to `maxMb` in steps of `stepMb`.
 *
 * @example PRICE_SHEETS['aws-2016'].memory // { minMb: 128, maxMb: 3008, stepMb: 64 }
 */
export interface MemoryLimits {
  minMb: number
  maxMb: number
  stepMb: number
}

/**
 * The smallest memory size a sheet allows that leaves at least
 * `headroomPercent` above the peak memory used: the least allowed m with
 * m >= maxMemoryUsedMb x (1 + headroomPercent / 100), computed exactly. Null
 * when even the largest size leaves less headroom.
 *
 * Sheets: current 128 to 10,240 MB in 1 MB steps; classic 128 to 3,008 MB
 * in 64 MB steps.
 *
 * @example rightSizeMemoryMb(56, 20, { minMb: 128, maxMb: 10240, stepMb: 1 }) // 128 (67.2 MB needed; 128 is the least)
 * @example rightSizeMemoryMb(300, 20, { minMb: 128, maxMb: 10240, stepMb: 1 }) // 360
 * @example rightSizeMemoryMb(300, 20, { minMb: 128, maxMb: 3008, stepMb: 64 }) // 384
 * @example rightSizeMemoryMb(3000, 10, { minMb: 128, maxMb: 3008, stepMb: 64 }) // null
 */
export function rightSizeMemoryMb(maxMemoryUsedMb: number, headroomPercent: number, limits: MemoryLimits): number | null {
  check('maxMemoryUsedMb', maxMemoryUsedMb, 0, 100_000)
  check('headroomPercent', headroomPercent, 0, 1000)
  const { minMb, maxMb, stepMb } = limits
  if (![minMb, maxMb, stepMb].every((x) => Number.isInteger(x) && x > 0) || maxMb < minMb)
    throw new RangeError(`Memory limits must be whole MB with minMb <= maxMb and a positive step, not ${JSON.stringify(limits)}`)
  // needed = used x (100 + h) / 100, with h's decimal digits kept exact
  const [hInt = '0', hFrac = ''] = String(headroomPercent).split('.')
  const scale = 10n ** BigInt(hFrac.length)
  const hScaled = BigInt(hInt + hFrac)
  const usedScaled = BigInt(Math.ceil(maxMemoryUsedMb)) // MB are whole in REPORT lines
  const num = usedScaled * (100n * scale + hScaled)
  const den = 100n * scale
  const neededMb = (num + den - 1n) / den // ceil
  if (neededMb <= BigInt(minMb)) return minMb
  const steps = (neededMb - BigInt(minMb) + BigInt(stepMb) - 1n) / BigInt(stepMb)
  const m = minMb + Number(steps) * stepMb
  return m > maxMb ? null : m
}
