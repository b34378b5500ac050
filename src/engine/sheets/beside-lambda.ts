// What comes with a function on the same invoice: CloudWatch Logs, the API in
// front of it, and data out to the internet. Prices as published (decimal
// strings, USD per unit), us-east-1's in full; other regions' where a source
// gives them, the rest of their brackets us-east-1's (said in the estimate).

/**
 * One price bracket of a meter beside Lambda: usage up to `upTo` units (null:
 * no limit) at `usd` per unit.
 *
 * @example { upTo: '10240', usd: '0.50' }
 */
export interface BesideTier {
  upTo: string | null
  usd: string
}

/**
 * The prices beside Lambda, by key: us-east-1's brackets, and per region the
 * prices of its first brackets where a source gives them.
 *
 * @example BESIDE_LAMBDA.usEast1['logs.standard'][0] // { upTo: '10240', usd: '0.50' }
 */
export interface BesideLambdaPrices {
  usEast1: Readonly<Record<BesideKey, readonly BesideTier[]>>
  /** A region's own prices of the first brackets (the rest are us-east-1's). */
  regions: Readonly<Record<string, Partial<Record<BesideKey, readonly string[]>>>>
  /** The CloudWatch Logs free tier, GB a month; data out to the internet free, GB a month (per account, all regions). */
  freeLogsGb: string
  freeDataOutGb: string
  /** API Gateway's 12-month free tier for new accounts (off unless the estimate asks for it): REST and HTTP calls, WebSocket messages and connection minutes. */
  apiGatewayFreeTier: { rest: string; http: string; wsMessages: string; wsMinutes: string }
  /** Regions where Lambda function URLs are not available. */
  noFunctionUrls: readonly string[]
  sources: { title: string; url: string }[]
}

/**
 * The meters beside Lambda by price key.
 *
 * @example const key: BesideKey = 'logs.standard'
 */
export type BesideKey =
  'logs.standard' | 'logs.ia' | 'logs.storage' | 'api.http' | 'api.rest' | 'api.wsMessages' | 'api.wsMinutes' | 'alb.hour' | 'alb.lcuHour' | 'dataOut'

/** Vended-log brackets, GB (GB = 2^30 bytes): the first 10 TB, the next 20 TB, the next 20 TB, above 50 TB. */
const LOG_BOUNDS = ['10240', '30720', '51200', null] as const

const tiers = (bounds: readonly (string | null)[], usd: readonly string[]): BesideTier[] => bounds.map((upTo, i) => ({ upTo, usd: usd[i]! }))

/**
 * The prices beside Lambda: pricing-next.md sections 4 and 5, each with its source there.
 *
 * @example BESIDE_LAMBDA.usEast1['api.rest'].length // 4
 */
export const BESIDE_LAMBDA: BesideLambdaPrices = {
  usEast1: {
    // Lambda logs are vended logs since 2025-05-01 (AWS Price List, CloudWatch, us-east-1, effective 2025-09-01).
    'logs.standard': tiers(LOG_BOUNDS, ['0.50', '0.25', '0.10', '0.05']),
    'logs.ia': tiers(LOG_BOUNDS, ['0.25', '0.15', '0.075', '0.05']),
    // Per GB-month stored (the AWS Pricing Calculator stores 15 % of the ingested GB).
    'logs.storage': [{ upTo: null, usd: '0.03' }],
    // API Gateway (AWS Price List, us-east-1, effective 2025-07-01): per request (HTTP: per 512 KB unit; WebSocket: per 32 KB message).
    'api.http': tiers(['300000000', null], ['0.000001', '0.0000009']),
    'api.rest': tiers(['333000000', '1000000000', '20000000000', null], ['0.0000035', '0.0000028', '0.00000238', '0.00000151']),
    'api.wsMessages': tiers(['1000000000', null], ['0.000001', '0.0000008']),
    'api.wsMinutes': [{ upTo: null, usd: '0.00000025' }],
    // Application Load Balancer: per hour and per LCU-hour.
    'alb.hour': [{ upTo: null, usd: '0.0225' }],
    'alb.lcuHour': [{ upTo: null, usd: '0.008' }],
    // Data transfer out to the internet, per GB after the free 100 GB: 10 TB, next 40 TB, next 100 TB, above 150 TB.
    dataOut: tiers(['10240', '51200', '153600', null], ['0.09', '0.085', '0.07', '0.05']),
  },
  regions: {
    // Price List offer files for eu-west-1 (2026-09); the IA first bracket from a secondary source.
    'eu-west-1': {
      'logs.standard': ['0.57'],
      'logs.ia': ['0.285'],
      'logs.storage': ['0.03'],
      'api.http': ['0.00000111', '0.000001'],
      'api.rest': ['0.0000035', '0.00000319', '0.00000271', '0.00000172'],
    },
    'ap-northeast-1': {
      'logs.standard': ['0.76'],
      'logs.storage': ['0.033'],
      'api.http': ['0.00000129'],
      'alb.hour': ['0.0243'],
      'alb.lcuHour': ['0.008'],
      dataOut: ['0.114'],
    },
  },
  freeLogsGb: '5',
  freeDataOutGb: '100',
  apiGatewayFreeTier: { rest: '1000000', http: '1000000', wsMessages: '1000000', wsMinutes: '750000' },
  noFunctionUrls: [
    'ap-south-2',
    'ap-southeast-4',
    'ap-southeast-5',
    'ap-southeast-6',
    'ap-southeast-7',
    'ap-east-2',
    'ca-west-1',
    'eu-south-2',
    'eu-central-2',
    'il-central-1',
    'me-central-1',
  ],
  // Sources (pricing-next.md 4 and 5): aws.amazon.com/cloudwatch/pricing, /api-gateway/pricing,
  // /elasticloadbalancing/pricing, /ec2/pricing/on-demand (data transfer) and the Lambda
  // Developer Guide's urls-invocation page (regions without function URLs).
  sources: [{ title: 'AWS pricing pages: CloudWatch, API Gateway, Elastic Load Balancing, data transfer', url: 'https://aws.amazon.com/pricing/' }],
}
