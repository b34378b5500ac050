/**
 * EC2 instance types as data: size and Linux on-demand price per hour, by
 * region. Lambda Managed Instances bills these hours (plus a management fee of
 * 15 % of the on-demand price), and the ways-to-run-it comparison prices a
 * plain EC2 instance from the same rows, so both read one table.
 *
 * Prices are decimal strings, exact as published; nothing here is a float.
 */

/** Where the prices come from and when they were generated. */
export const EC2_PRICES_SOURCE = {
  source:
    'aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go (us-east-1, Linux on-demand), generated from the AWS pricing API; m7g.xlarge confirmed by the AWS Lambda pricing page LMI example, c7g.xlarge and c7i.xlarge by an AWS Price List extract',
  url: 'https://github.com/aws/karpenter-provider-aws/blob/main/pkg/providers/pricing/zz_generated.pricing_aws.go',
  generatedOn: '2026-07-20',
} as const

export type InstanceArchitecture = 'arm64' | 'x86_64'

export interface Ec2InstanceType {
  /** The API name, e.g. `m7g.xlarge`. */
  readonly name: string
  readonly vcpus: number
  readonly memoryGib: number
  /** Graviton types are arm64; Intel (`i`) and AMD (`a`) types are x86_64. */
  readonly architecture: InstanceArchitecture
  /** Lambda Managed Instances runs on C, M and R families, `.large` and up. */
  readonly managedInstances: boolean
  /** Linux on-demand USD per instance-hour, by region code. */
  readonly onDemandUsdPerHour: Readonly<Partial<Record<string, string>>>
}

type Row = readonly [name: string, vcpus: number, memoryGib: number, usEast1: string]

/** C, M and R families: Lambda Managed Instances types (and EC2 comparison points). */
const MANAGED_INSTANCE_ROWS: readonly Row[] = [
  ['c7g.large', 2, 4, '0.0725'],
  ['c7g.xlarge', 4, 8, '0.145'],
  ['c7g.2xlarge', 8, 16, '0.29'],
  ['c7g.4xlarge', 16, 32, '0.58'],
  ['m7g.large', 2, 8, '0.0816'],
  ['m7g.xlarge', 4, 16, '0.1632'],
  ['m7g.2xlarge', 8, 32, '0.3264'],
  ['m7g.4xlarge', 16, 64, '0.6528'],
  ['r7g.large', 2, 16, '0.1071'],
  ['r7g.xlarge', 4, 32, '0.2142'],
  ['r7g.2xlarge', 8, 64, '0.4284'],
  ['r7g.4xlarge', 16, 128, '0.8568'],
  ['c8g.large', 2, 4, '0.07976'],
  ['c8g.xlarge', 4, 8, '0.15952'],
  ['m8g.large', 2, 8, '0.08976'],
  ['m8g.xlarge', 4, 16, '0.17952'],
  ['m8g.2xlarge', 8, 32, '0.35904'],
  ['r8g.xlarge', 4, 32, '0.23564'],
  ['c7i.large', 2, 4, '0.08925'],
  ['c7i.xlarge', 4, 8, '0.1785'],
  ['c7i.2xlarge', 8, 16, '0.357'],
  ['m7i.large', 2, 8, '0.1008'],
  ['m7i.xlarge', 4, 16, '0.2016'],
  ['m7i.2xlarge', 8, 32, '0.4032'],
  ['r7i.xlarge', 4, 32, '0.2646'],
  ['c7a.xlarge', 4, 8, '0.20528'],
  ['m7a.xlarge', 4, 16, '0.23184'],
  ['r7a.xlarge', 4, 32, '0.3043'],
  ['c8i.xlarge', 4, 8, '0.18742'],
  ['m8i.xlarge', 4, 16, '0.21168'],
  ['r8i.xlarge', 4, 32, '0.27784'],
  ['c8a.xlarge', 4, 8, '0.21554'],
  ['m8a.xlarge', 4, 16, '0.24344'],
]

/** Small general-purpose types: EC2 comparison points only (not Managed Instances types). */
const SMALL_ROWS: readonly Row[] = [
  ['t4g.micro', 2, 1, '0.0084'],
  ['t4g.small', 2, 2, '0.0168'],
  ['t4g.medium', 2, 4, '0.0336'],
  ['t4g.large', 2, 8, '0.0672'],
  ['t3.medium', 2, 4, '0.0416'],
  ['c7g.medium', 1, 2, '0.0363'],
  ['m7g.medium', 1, 4, '0.0408'],
]

function architectureOf(name: string): InstanceArchitecture {
  const family = name.split('.')[0]!
  return /\d+g$/.test(family) ? 'arm64' : 'x86_64'
}

function toType(row: Row, managedInstances: boolean): Ec2InstanceType {
  const [name, vcpus, memoryGib, usEast1] = row
  return {
    name,
    vcpus,
    memoryGib,
    architecture: architectureOf(name),
    managedInstances,
    onDemandUsdPerHour: { 'us-east-1': usEast1 },
  }
}

/** Every bundled instance type, in the order a picker lists them. */
export const EC2_INSTANCE_TYPES: readonly Ec2InstanceType[] = [
  ...MANAGED_INSTANCE_ROWS.map((row) => toType(row, true)),
  ...SMALL_ROWS.map((row) => toType(row, false)),
]

const BY_NAME = new Map(EC2_INSTANCE_TYPES.map((t) => [t.name, t]))

/** The bundled instance type of that name, or undefined. */
export function ec2InstanceType(name: string): Ec2InstanceType | undefined {
  return BY_NAME.get(name)
}
