/**
 * AWS Fargate (Linux) prices as data, for the ways-to-run-it comparison: USD
 * per vCPU-hour and per GB-hour, by region and architecture, and the task
 * sizes Fargate allows. Prices are decimal strings, exact as published.
 * Fargate bills per second with a one-minute minimum; the comparison keeps
 * tasks running all month, so the minimum never matters here.
 */
import type { Architecture } from '../types'

/**
 * Where the prices come from and when they were checked.
 *
 * @example FARGATE_PRICES_SOURCE.checkedOn // '2026-12-01'
 */
export const FARGATE_PRICES_SOURCE = {
  source:
    'AWS Fargate pricing (Linux, on demand): us-east-1 x86 and arm confirmed by three secondary sources (vantage.sh, wring.co 2026, cloudburn 2026) and AWS\u2019s per-second example ($0.000011244 per vCPU-second); other regions from theuves/fgcalc (values extracted from the AWS Fargate pricing page) and a second copy for sa-east-1',
  url: 'https://aws.amazon.com/fargate/pricing/',
  checkedOn: '2026-12-01',
} as const

/**
 * One architecture's Fargate rates in a region.
 *
 * @example FARGATE_PRICES['us-east-1'].x86_64 // { usdPerVcpuHour: '0.04048', usdPerGbHour: '0.004445', derived: false }
 */
export interface FargateRates {
  /** USD per vCPU-hour. */
  readonly usdPerVcpuHour: string
  /** USD per GB-hour of memory. */
  readonly usdPerGbHour: string
  /**
   * True where no source gives the rate: the region's x86 rate x 0.8 (the
   * arm/x86 ratio in us-east-1 and sa-east-1), rounded half-up to the
   * published precision.
   */
  readonly derived: boolean
}

/**
 * Fargate's rates by region, then architecture.
 *
 * @example FARGATE_PRICES['sa-east-1'].arm64.usdPerVcpuHour // '0.0557'
 */
export const FARGATE_PRICES: Readonly<Record<string, Readonly<Record<Architecture, FargateRates>>>> = {
  'us-east-1': {
    x86_64: { usdPerVcpuHour: '0.04048', usdPerGbHour: '0.004445', derived: false },
    arm64: { usdPerVcpuHour: '0.03238', usdPerGbHour: '0.00356', derived: false },
  },
  'us-west-2': {
    x86_64: { usdPerVcpuHour: '0.04048', usdPerGbHour: '0.004445', derived: false },
    arm64: { usdPerVcpuHour: '0.03238', usdPerGbHour: '0.00356', derived: true },
  },
  // One copy lists eu-west-1 at 0.04656 / 0.005111 (the Frankfurt and London price); fgcalc keeps the us-east-1 rate.
  'eu-west-1': {
    x86_64: { usdPerVcpuHour: '0.04048', usdPerGbHour: '0.004445', derived: false },
    arm64: { usdPerVcpuHour: '0.03238', usdPerGbHour: '0.00356', derived: true },
  },
  'eu-central-1': {
    x86_64: { usdPerVcpuHour: '0.04656', usdPerGbHour: '0.00511', derived: false },
    arm64: { usdPerVcpuHour: '0.03725', usdPerGbHour: '0.00409', derived: true },
  },
  'ap-northeast-1': {
    x86_64: { usdPerVcpuHour: '0.05056', usdPerGbHour: '0.00553', derived: false },
    arm64: { usdPerVcpuHour: '0.04045', usdPerGbHour: '0.00442', derived: true },
  },
  'sa-east-1': {
    x86_64: { usdPerVcpuHour: '0.0696', usdPerGbHour: '0.0076', derived: false },
    arm64: { usdPerVcpuHour: '0.0557', usdPerGbHour: '0.00612', derived: false },
  },
}

/**
 * The task sizes Fargate allows (Linux): for each vCPU count, the memory range
 * and step, GB. Source: Amazon ECS Developer Guide, "Troubleshoot Amazon ECS
 * task definition invalid CPU or memory errors" (task-cpu-memory-error.html).
 *
 * @example FARGATE_TASK_SIZES.find((s) => s.vcpu === 1) // { vcpu: 1, minGb: 2, maxGb: 8, stepGb: 1 }
 */
export const FARGATE_TASK_SIZES: readonly { vcpu: number; minGb: number; maxGb: number; stepGb: number }[] = [
  // 0.5, 1 or 2 GB only.
  { vcpu: 0.25, minGb: 0.5, maxGb: 2, stepGb: 0.5 },
  { vcpu: 0.5, minGb: 1, maxGb: 4, stepGb: 1 },
  { vcpu: 1, minGb: 2, maxGb: 8, stepGb: 1 },
  { vcpu: 2, minGb: 4, maxGb: 16, stepGb: 1 },
  { vcpu: 4, minGb: 8, maxGb: 30, stepGb: 1 },
  { vcpu: 8, minGb: 16, maxGb: 60, stepGb: 4 },
  { vcpu: 16, minGb: 32, maxGb: 120, stepGb: 8 },
]

/**
 * Why Fargate does not run a task of `vcpu` vCPU and `memoryGb` GB, or null
 * where it does. 0.25 vCPU allows 0.5, 1 and 2 GB.
 *
 * @example fargateSizeProblem(0.5, 8) // 'Fargate gives 0.5 vCPU 1 to 4 GB of memory, in steps of 1 GB; got 8 GB.'
 */
export function fargateSizeProblem(vcpu: number, memoryGb: number): string | null {
  const size = FARGATE_TASK_SIZES.find((s) => s.vcpu === vcpu)
  if (!size) return `Fargate task vCPU must be one of ${FARGATE_TASK_SIZES.map((s) => s.vcpu).join(', ')}; got ${vcpu}.`
  const steps = (memoryGb - size.minGb) / size.stepGb
  const allowed =
    size.vcpu === 0.25 ? memoryGb === 0.5 || memoryGb === 1 || memoryGb === 2 : memoryGb <= size.maxGb && steps >= 0 && Number.isInteger(steps)
  if (allowed) return null
  const range = size.vcpu === 0.25 ? '0.5, 1 or 2 GB of memory' : `${size.minGb} to ${size.maxGb} GB of memory, in steps of ${size.stepGb} GB`
  return `Fargate gives ${size.vcpu} vCPU ${range}; got ${memoryGb} GB.`
}
