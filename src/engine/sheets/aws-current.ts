import { parseDecimalString, toDecimalString } from '../decimal'
import { BESIDE_LAMBDA } from './beside-lambda'
import type { ExtraMeters, PriceSheetData, ProvisionedPrices, RegionCaveat, RegionPrices, TierData } from './sheet-data'

const X86_TIERS: TierData[] = [
  { upToGbSeconds: '6000000000', usdPerGbSecond: '0.0000166667' },
  { upToGbSeconds: '15000000000', usdPerGbSecond: '0.0000150000' },
  { upToGbSeconds: null, usdPerGbSecond: '0.0000133334' },
]
const ARM_TIERS: TierData[] = [
  { upToGbSeconds: '7500000000', usdPerGbSecond: '0.0000133334' },
  { upToGbSeconds: '18750000000', usdPerGbSecond: '0.0000120001' },
  { upToGbSeconds: null, usdPerGbSecond: '0.0000106667' },
]

/** us-east-1's first x86_64 bracket: regions at this base rate have the published brackets. */
const BASE_X86 = X86_TIERS[0]!.usdPerGbSecond

const PRICE_MAP_SOURCE =
  'AWS Pricing Calculator price map for Lambda (meteredUnitMaps/lambda/USD/current/lambda.json), as copied in public repositories; checked 2026'
const US_EAST_1_SOURCE = `${PRICE_MAP_SOURCE}; confirmed by the AWS Lambda pricing page examples and two AWS Price List extracts`
const ME_CENTRAL_1_SOURCE =
  'A copy of the AWS Lambda pricing page (requests, x86_64 duration, provisioned concurrency and its duration); arm64 and ephemeral storage prices not sourced; checked 2026'

/** arm64 provisioned concurrency in us-east-1, as published. */
const US_EAST_1_ARM_PC: ProvisionedPrices = { usdPerGbSecond: '0.0000033334', durationUsdPerGbSecond: '0.0000077778', estimated: false }

/**
 * x86_64 x 0.8, rounded half-up to 10 decimals (the precision AWS publishes
 * every Lambda price in): the derivation used where AWS publishes no arm64 price.
 */
function timesPointEight(usd: string): string {
  const r = parseDecimalString(usd)
  return toDecimalString(r.n * 8n, r.d * 10n, 10, 10)
}

/**
 * One region's row of `pricing-regions.md`: requests $ per million, duration
 * x86_64 and arm64 (first bracket), provisioned concurrency and its duration
 * (x86_64), ephemeral storage, all per GB-s. A null arm64 price: arm64 is not
 * priced there at all (no compute, no provisioned concurrency); a null storage
 * price: storage above 512 MB cannot be priced there.
 */
function region(
  id: string,
  name: string,
  usdPerMillionRequests: string,
  x86: string,
  arm: string | null,
  pcX86: string,
  pcDurationX86: string,
  storage: string | null,
  extraCaveats: RegionCaveat[] = [],
): RegionPrices {
  const r = parseDecimalString(usdPerMillionRequests)
  const usdPerRequest = toDecimalString(r.n, r.d * 1_000_000n)
  const fullBrackets = x86 === BASE_X86
  const caveats: RegionCaveat[] = [...extraCaveats]
  if (!fullBrackets) caveats.push('first-bracket-only')
  if (id !== 'us-east-1' && arm !== null) caveats.push('arm64-provisioned-derived')
  const compute: RegionPrices['compute'] = { x86_64: fullBrackets ? X86_TIERS : [{ upToGbSeconds: null, usdPerGbSecond: x86 }] }
  const provisioned: RegionPrices['provisioned'] = { x86_64: { usdPerGbSecond: pcX86, durationUsdPerGbSecond: pcDurationX86, estimated: false } }
  if (arm !== null) {
    compute.arm64 = fullBrackets ? ARM_TIERS : [{ upToGbSeconds: null, usdPerGbSecond: arm }]
    provisioned.arm64 =
      id === 'us-east-1'
        ? US_EAST_1_ARM_PC
        : { usdPerGbSecond: timesPointEight(pcX86), durationUsdPerGbSecond: timesPointEight(pcDurationX86), estimated: true }
  }
  return {
    name,
    verified: !extraCaveats.includes('contested-prices'),
    usdPerRequest,
    storageUsdPerGbSecond: storage,
    compute,
    provisioned,
    source: id === 'us-east-1' ? US_EAST_1_SOURCE : PRICE_MAP_SOURCE,
    caveats,
  }
}

/** The 2026 meters with one published price (us-east-1's), applied in every region. */
const EXTRA_METERS: ExtraMeters = {
  initBilled: true,
  provisionedRoundingMinutes: 5,
  snapStart: { cacheUsdPerGbSecond: '0.0000015046', restoreUsdPerGb: '0.0001397998', minCacheHours: 3 },
  edge: { usdPerRequest: '0.0000006', usdPerGbSecond: '0.00005001', granularityMs: 1 },
  streaming: { freeMbPerRequest: 6, freeGibPerMonth: '100', usdPerGib: '0.008' },
  prices: {
    // Tenant isolation, per GB of memory per environment created (AWS Price List, 2026).
    'tenantIsolation.x86_64': '0.000166667',
    'tenantIsolation.arm64': '0.000133333',
    // Durable functions: $8.00 per million operations, $0.25 per GB written, $0.15 per GB-month kept (AWS Lambda pricing page, 2026).
    'durable.operation': '0.000008',
    'durable.writtenGb': '0.25',
    'durable.retainedGbMonth': '0.15',
  },
  // Lambda Managed Instances (AWS Lambda pricing page, 2026: $0.20 per million requests, a
  // management fee of 15 % of the EC2 on-demand price; the docs' scaling page: three instances by
  // default for AZ resiliency; AWS's LMI guidance: 2-32 GB of memory, 1 vCPU and 1 GB kept per
  // instance for the OS). The instance prices are in ec2-instances.ts.
  managedInstances: {
    usdPerRequest: '0.0000002',
    managementFeePercent: 15,
    minInstances: 3,
    hoursPerMonth: 730,
    minMemoryMb: 2048,
    maxMemoryMb: 32_768,
    reservedVcpus: 1,
    reservedMemoryMb: 1024,
  },
  besideLambda: BESIDE_LAMBDA,
  sources: [
    {
      title: 'AWS Lambda pricing page (2026): provisioned concurrency, SnapStart, Lambda@Edge and response streaming examples',
      url: 'https://aws.amazon.com/lambda/pricing/',
    },
    {
      title: 'AWS Compute Blog: AWS Lambda standardizes billing for the INIT phase (2025-04-29, effective 2025-08-01)',
      url: 'https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/',
    },
    {
      title: 'AWS Lambda Developer Guide: Lambda Managed Instances and their scaling (three instances by default for AZ resiliency)',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html',
    },
  ],
}

/**
 * The current sheet: 1 ms rounding (since the December 2020 billing cycle),
 * arm64, graduated compute tiers, 25 regions with their own prices, billed
 * ephemeral storage, and the rest of the 2026 bill: INIT billing on cold
 * starts, provisioned concurrency, SnapStart, Lambda@Edge, response streaming.
 */
export const AWS_CURRENT: PriceSheetData = {
  id: 'aws-current',
  label: 'Current: 1 ms billing',
  effectiveDate: '2020-12-01',
  checkedDate: '2026-11-27',
  sources: [
    { title: 'AWS Lambda pricing page', url: 'https://aws.amazon.com/lambda/pricing/' },
    {
      title: 'AWS What\u2019s New, 2020-12-01: 1 ms billing granularity',
      url: 'https://aws.amazon.com/about-aws/whats-new/2020/12/aws-lambda-changes-duration-billing-granularity-from-100ms-to-1ms/',
    },
    { title: 'AWS News Blog: Graviton2 (arm64) for Lambda, 2021-09-29', url: 'https://aws.amazon.com/blogs/aws/' },
    { title: 'AWS Pricing Calculator, Lambda', url: 'https://calculator.aws/' },
    ...EXTRA_METERS.sources,
    ...BESIDE_LAMBDA.sources,
  ],
  granularityMs: 1,
  memory: { minMb: 128, maxMb: 10_240, stepMb: 1 },
  maxDurationMs: 900_000,
  ephemeralStorage: { minMb: 512, maxMb: 10_240, includedMb: 512 },
  architectures: ['x86_64', 'arm64'],
  freeTier: { requests: '1000000', gbSeconds: '400000' },
  defaultRegion: 'us-east-1',
  // prettier-ignore
  regions: {
    'us-east-1': region('us-east-1', 'US East (N. Virginia)', '0.20', '0.0000166667', '0.0000133334', '0.0000041667', '0.0000097222', '0.0000000309'),
    'us-east-2': region('us-east-2', 'US East (Ohio)', '0.20', '0.0000166667', '0.0000133334', '0.0000041667', '0.0000097222', '0.0000000309'),
    'us-west-1': region('us-west-1', 'US West (N. California)', '0.20', '0.0000166667', '0.0000133334', '0.0000049041', '0.0000114430', '0.0000000370'),
    'us-west-2': region('us-west-2', 'US West (Oregon)', '0.20', '0.0000166667', '0.0000133334', '0.0000041667', '0.0000097222', '0.0000000309'),
    'ca-central-1': region('ca-central-1', 'Canada (Central)', '0.20', '0.0000166667', '0.0000133334', '0.0000046460', '0.0000108407', '0.0000000340'),
    'sa-east-1': region('sa-east-1', 'South America (S\u00e3o Paulo)', '0.20', '0.0000166667', '0.0000133334', '0.0000066372', '0.0000154867', '0.0000000586'),
    'eu-west-1': region('eu-west-1', 'Europe (Ireland)', '0.20', '0.0000166667', '0.0000133334', '0.0000046460', '0.0000108407', '0.0000000340'),
    'eu-west-2': region('eu-west-2', 'Europe (London)', '0.20', '0.0000166667', '0.0000133334', '0.0000048304', '0.0000112709', '0.0000000358'),
    'eu-west-3': region('eu-west-3', 'Europe (Paris)', '0.20', '0.0000166667', '0.0000133334', '0.0000048673', '0.0000113569', '0.0000000358'),
    'eu-central-1': region('eu-central-1', 'Europe (Frankfurt)', '0.20', '0.0000166667', '0.0000133334', '0.0000050147', '0.0000117011', '0.0000000367'),
    'eu-central-2': region('eu-central-2', 'Europe (Zurich)', '0.22', '0.0000183334', '0.0000146667', '0.0000055162', '0.0000128712', '0.0000000441'),
    'eu-north-1': region('eu-north-1', 'Europe (Stockholm)', '0.20', '0.0000166667', '0.0000133334', '0.0000044248', '0.0000103245', '0.0000000323'),
    'eu-south-1': region('eu-south-1', 'Europe (Milan)', '0.23', '0.0000195172', '0.0000156138', '0.0000048783', '0.0000113827', '0.0000000357'),
    'ap-south-1': region('ap-south-1', 'Asia Pacific (Mumbai)', '0.20', '0.0000166667', '0.0000133334', '0.0000044985', '0.0000104966', '0.0000000352'),
    'ap-southeast-1': region('ap-southeast-1', 'Asia Pacific (Singapore)', '0.20', '0.0000166667', '0.0000133334', '0.0000051991', '0.0000121313', '0.0000000370'),
    'ap-southeast-2': region('ap-southeast-2', 'Asia Pacific (Sydney)', '0.20', '0.0000166667', '0.0000133334', '0.0000052360', '0.0000122173', '0.0000000370'),
    'ap-southeast-4': region('ap-southeast-4', 'Asia Pacific (Melbourne)', '0.20', '0.0000166667', '0.0000133334', '0.0000052360', '0.0000122173', '0.0000000370'),
    'ap-southeast-5': region('ap-southeast-5', 'Asia Pacific (Malaysia)', '0.18', '0.0000150000', '0.0000120000', '0.0000046791', '0.0000109181', '0.0000000333'),
    'ap-northeast-1': region('ap-northeast-1', 'Asia Pacific (Tokyo)', '0.20', '0.0000166667', '0.0000133334', '0.0000053835', '0.0000125615', '0.0000000370'),
    'ap-northeast-2': region('ap-northeast-2', 'Asia Pacific (Seoul)', '0.20', '0.0000166667', '0.0000133334', '0.0000051254', '0.0000119592', '0.0000000352'),
    'ap-northeast-3': region('ap-northeast-3', 'Asia Pacific (Osaka)', '0.20', '0.0000166667', '0.0000133334', '0.0000053835', '0.0000125615', '0.0000000370', ['contested-prices']),
    'ap-east-1': region('ap-east-1', 'Asia Pacific (Hong Kong)', '0.28', '0.0000229200', '0.0000183000', '0.0000057153', '0.0000133358', '0.0000000407'),
    'af-south-1': region('af-south-1', 'Africa (Cape Town)', '0.27', '0.0000221000', '0.0000176800', '0.0000055300', '0.0000129000', '0.0000000404'),
    'me-south-1': region('me-south-1', 'Middle East (Bahrain)', '0.25', '0.0000206667', '0.0000165334', '0.0000051108', '0.0000119251', '0.0000000374'),
    // x86_64 only: no source gives arm64 or storage prices here yet.
    'me-central-1': { ...region('me-central-1', 'Middle East (UAE)', '0.25', '0.0000206667', null, '0.0000051108', '0.0000119251', null), source: ME_CENTRAL_1_SOURCE },
  },
  extraMeters: EXTRA_METERS,
}
