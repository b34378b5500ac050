import type { RegionPrices, PriceSheetData, TierData } from './sheet-data'

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

/** A main region: published tiers, $0.20 per million requests. */
function mainRegion(name: string, storageUsdPerGbSecond: string): RegionPrices {
  return {
    name,
    verified: true,
    usdPerRequest: '0.0000002',
    storageUsdPerGbSecond,
    compute: { x86_64: X86_TIERS, arm64: ARM_TIERS },
  }
}

/**
 * A higher-priced region whose figures come from a scraped price list that
 * other sources contradict. Only the first bracket is known, so it is applied
 * to all usage (the estimate says so).
 */
function unverifiedRegion(name: string, x86: string, arm: string, usdPerRequest: string, storageUsdPerGbSecond: string | null): RegionPrices {
  return {
    name,
    verified: false,
    usdPerRequest,
    storageUsdPerGbSecond,
    compute: {
      x86_64: [{ upToGbSeconds: null, usdPerGbSecond: x86 }],
      arm64: [{ upToGbSeconds: null, usdPerGbSecond: arm }],
    },
  }
}

/**
 * The current sheet: 1 ms rounding (since the December 2020 billing cycle),
 * arm64, graduated compute tiers, regional prices, billed ephemeral storage.
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
  ],
  granularityMs: 1,
  memory: { minMb: 128, maxMb: 10_240, stepMb: 1 },
  maxDurationMs: 900_000,
  ephemeralStorage: { minMb: 512, maxMb: 10_240, includedMb: 512 },
  architectures: ['x86_64', 'arm64'],
  freeTier: { requests: '1000000', gbSeconds: '400000' },
  defaultRegion: 'us-east-1',
  regions: {
    'us-east-1': mainRegion('US East (N. Virginia)', '0.0000000309'),
    'us-east-2': mainRegion('US East (Ohio)', '0.0000000309'),
    'us-west-2': mainRegion('US West (Oregon)', '0.0000000309'),
    'eu-west-1': mainRegion('Europe (Ireland)', '0.0000000340'),
    'eu-central-1': mainRegion('Europe (Frankfurt)', '0.0000000367'),
    'ap-south-1': mainRegion('Asia Pacific (Mumbai)', '0.0000000352'),
    'ap-southeast-1': mainRegion('Asia Pacific (Singapore)', '0.0000000370'),
    'ap-southeast-2': mainRegion('Asia Pacific (Sydney)', '0.0000000370'),
    'ap-northeast-1': mainRegion('Asia Pacific (Tokyo)', '0.0000000370'),
    'af-south-1': unverifiedRegion('Africa (Cape Town)', '0.0000221000', '0.0000176800', '0.00000027', null),
    'ap-east-1': unverifiedRegion('Asia Pacific (Hong Kong)', '0.0000229200', '0.0000183000', '0.00000028', '0.0000000407'),
    'eu-south-1': unverifiedRegion('Europe (Milan)', '0.0000195172', '0.0000156138', '0.00000023', null),
    'me-south-1': unverifiedRegion('Middle East (Bahrain)', '0.0000206667', '0.0000165334', '0.00000025', null),
  },
}
