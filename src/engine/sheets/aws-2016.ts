import type { RegionPrices, PriceSheetData } from './sheet-data'

const CLASSIC_PRICES = {
  verified: true,
  usdPerRequest: '0.0000002',
  // Ephemeral storage was a fixed, free 512 MB.
  storageUsdPerGbSecond: null,
  compute: { x86_64: [{ upToGbSeconds: null, usdPerGbSecond: '0.00001667' }] },
} as const satisfies Omit<RegionPrices, 'name'>

/**
 * The classic sheet: AWS Lambda as documented in 2016. One flat price in every
 * region, 100 ms rounding, x86_64 only.
 */
export const AWS_2016: PriceSheetData = {
  id: 'aws-2016',
  label: 'Classic (2016): 100 ms billing',
  effectiveDate: '2016-01-01',
  checkedDate: '2026-11-27',
  sources: [{ title: 'AWS Lambda pricing page, classic era (examples 1 and 2)', url: 'https://aws.amazon.com/lambda/pricing/' }],
  granularityMs: 100,
  memory: { minMb: 128, maxMb: 3008, stepMb: 64 },
  // In 2016 the largest size was 1,536 MB; AWS doubled the limit to 3,008 MB at
  // re:Invent in November 2017, at the same price per GB-s. The larger sizes
  // stay (old links keep their meaning) and the comparison says so.
  memoryAddedLater: {
    aboveMb: 1536,
    when: 'November 2017',
    source: {
      title: 'AWS What\u2019s New, November 2017: AWS Lambda Doubles Maximum Memory Capacity for Lambda Functions',
      url: 'https://aws.amazon.com/about-aws/whats-new/2017/11/aws-lambda-doubles-maximum-memory-capacity-for-lambda-functions/',
    },
  },
  maxDurationMs: 900_000,
  ephemeralStorage: { minMb: 512, maxMb: 512, includedMb: 512 },
  architectures: ['x86_64'],
  freeTier: { requests: '1000000', gbSeconds: '400000' },
  defaultRegion: 'us-east-1',
  regions: {
    'us-east-1': { name: 'US East (N. Virginia)', ...CLASSIC_PRICES },
    'us-east-2': { name: 'US East (Ohio)', ...CLASSIC_PRICES },
    'us-west-2': { name: 'US West (Oregon)', ...CLASSIC_PRICES },
    'eu-west-1': { name: 'Europe (Ireland)', ...CLASSIC_PRICES },
    'eu-central-1': { name: 'Europe (Frankfurt)', ...CLASSIC_PRICES },
    'ap-south-1': { name: 'Asia Pacific (Mumbai)', ...CLASSIC_PRICES },
    'ap-southeast-1': { name: 'Asia Pacific (Singapore)', ...CLASSIC_PRICES },
    'ap-southeast-2': { name: 'Asia Pacific (Sydney)', ...CLASSIC_PRICES },
    'ap-northeast-1': { name: 'Asia Pacific (Tokyo)', ...CLASSIC_PRICES },
  },
}
