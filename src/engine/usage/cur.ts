/**
 * What AWS billed, read from the Cost and Usage Report (CUR 2.0): the Athena
 * query to run, a linear reader of its CSV result, and the reading of each
 * row's usage type onto the engine's meters. Repricing and reconciliation are
 * in cur-reconcile.ts.
 */
import type { Ratio } from '../decimal'
import type { MeterId } from '../meters'

/**
 * The cost allocation tag that marks a Managed Instances capacity provider's
 * EC2 instances in the CUR. Lambda bills the instance-hours under AmazonEC2,
 * not AWSLambda, on the instances' own IDs; AWS documents no system tag that
 * names their capacity provider in the CUR. A capacity provider applies tags
 * of one's choosing to every instance it launches (`PropagateTags`, SAM's
 * `ManagedResourceTags`; AWS Lambda docs, "Tag propagation"), and a tag
 * activated for cost allocation appears in the CUR's `resource_tags`. The
 * query takes the EC2 rows with this tag, and uses its value as their
 * "function": set it to the capacity provider's ARN.
 *
 * @example MANAGED_INSTANCES_TAG // 'lambda-capacity-provider'
 */
export const MANAGED_INSTANCES_TAG = 'lambda-capacity-provider'

/**
 * The Athena query over a CUR 2.0 export (table `cost_and_usage_report`): one
 * row per month, account, region, function ARN, usage type and rate code,
 * with the usage, the unblended cost, the effective cost (Savings Plans) and
 * the credits. `SavingsPlanNegation` rows are left out: they offset the
 * covered usage and would subtract the plan twice. Managed Instances' EC2
 * instance-hours (`BoxUsage:<type>` under AmazonEC2) come in where the
 * instances carry the {@link MANAGED_INSTANCES_TAG} tag, on its value.
 *
 * @example CUR_ATHENA_QUERY.startsWith('-- Monthly AWS Lambda usage') // true
 */
export const CUR_ATHENA_QUERY = `-- Monthly AWS Lambda usage and cost per function (CUR 2.0 / Data Exports, Athena).
-- Change the table name and the first month; download the result as CSV.
-- Managed Instances: tag the capacity provider's instances ${MANAGED_INSTANCES_TAG}=<its ARN>
-- (tag propagation) and activate the tag for cost allocation, so their EC2 hours come in.
SELECT
  bill_billing_period_start_date AS month,
  line_item_usage_account_id AS account,
  product_region_code AS region,
  CASE WHEN line_item_product_code = 'AmazonEC2'
       THEN resource_tags['user:${MANAGED_INSTANCES_TAG}']
       ELSE line_item_resource_id END AS function_arn,
  line_item_usage_type AS usage_type,
  pricing_rate_code AS rate_code,
  SUM(CASE WHEN line_item_line_item_type = 'Credit' THEN 0
           ELSE line_item_usage_amount END) AS usage_amount,
  SUM(CASE WHEN line_item_line_item_type = 'Credit' THEN 0
           ELSE line_item_unblended_cost END) AS unblended_cost,
  SUM(CASE WHEN line_item_line_item_type = 'Credit' THEN 0
           WHEN line_item_line_item_type = 'SavingsPlanCoveredUsage'
           THEN savings_plan_savings_plan_effective_cost
           ELSE line_item_unblended_cost END) AS effective_cost,
  SUM(CASE WHEN line_item_line_item_type = 'Credit'
           THEN line_item_unblended_cost ELSE 0 END) AS credits
FROM cost_and_usage_report
WHERE (line_item_product_code = 'AWSLambda'
       OR (line_item_product_code = 'AmazonEC2'
           AND line_item_usage_type LIKE '%BoxUsage:%'
           AND resource_tags['user:${MANAGED_INSTANCES_TAG}'] IS NOT NULL))
  AND line_item_line_item_type IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage', 'Credit')
  AND bill_billing_period_start_date >= TIMESTAMP '2026-10-01'
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY 1, 2, 3, 4, 5, 6`

/**
 * AWS's region billing codes, the prefix of a usage type (`USE2-Request`).
 * eu-west-1 is `EU`; us-east-1 usage types may carry no prefix at all.
 * Source: AWS, "AWS Region billing codes"
 * (docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html).
 *
 * @example REGION_BILLING_CODES['USE2'] // 'us-east-2'
 */
export const REGION_BILLING_CODES: Readonly<Record<string, string>> = {
  USE1: 'us-east-1',
  USE2: 'us-east-2',
  USW1: 'us-west-1',
  USW2: 'us-west-2',
  CAN1: 'ca-central-1',
  CAN2: 'ca-west-1',
  MXC1: 'mx-central-1',
  SAE1: 'sa-east-1',
  EU: 'eu-west-1',
  EUW2: 'eu-west-2',
  EUW3: 'eu-west-3',
  EUC1: 'eu-central-1',
  EUC2: 'eu-central-2',
  EUN1: 'eu-north-1',
  EUS1: 'eu-south-1',
  EUS2: 'eu-south-2',
  ILC1: 'il-central-1',
  MEC1: 'me-central-1',
  MES1: 'me-south-1',
  AFS1: 'af-south-1',
  APE1: 'ap-east-1',
  APE2: 'ap-east-2',
  APN1: 'ap-northeast-1',
  APN2: 'ap-northeast-2',
  APN3: 'ap-northeast-3',
  APS1: 'ap-southeast-1',
  APS2: 'ap-southeast-2',
  APS3: 'ap-south-1',
  APS4: 'ap-southeast-3',
  APS5: 'ap-south-2',
  APS6: 'ap-southeast-4',
  APS7: 'ap-southeast-5',
  UGW1: 'us-gov-west-1',
  UGE1: 'us-gov-east-1',
}

/**
 * What a usage type bills, on the engine's meters: a priced meter (with the
 * instance type for a Managed Instances fee), a charge the calculator does not
 * price (data transfer), or nothing it knows.
 *
 * @example classifyUsageType('USE2-Lambda-GB-Second-ARM') // { kind: 'meter', meter: 'armGbs', region: 'us-east-2', suffix: 'Lambda-GB-Second-ARM' }
 */
export type UsageTypeClass =
  | { kind: 'meter'; meter: MeterId; instanceType?: string; region: string | null; suffix: string }
  | { kind: 'not-priced'; what: string; region: string | null; suffix: string }
  | { kind: 'unknown'; region: string | null; suffix: string }

/**
 * Usage-type suffixes (after the region prefix) and their meters. Matched by
 * equality, Lambda@Edge's first, so `Lambda-Edge-Request` is never taken for
 * `Request` (a `LIKE '%Request%'` match would).
 * Source: pricing-next.md §8.1 (Price List usage types).
 */
const SUFFIX_METERS: readonly (readonly [string, MeterId])[] = [
  ['Lambda-Edge-Request', 'edgeRequests'],
  ['Lambda-Edge-GB-Second', 'edgeGbs'],
  ['Request', 'requests'],
  ['Request-ARM', 'requests'],
  ['Lambda-GB-Second', 'x86Gbs'],
  ['Lambda-GB-Second-ARM', 'armGbs'],
  ['Lambda-Provisioned-Concurrency', 'pcX86Gbs'],
  ['Lambda-Provisioned-Concurrency-ARM', 'pcArmGbs'],
  ['Lambda-Provisioned-GB-Second', 'pcDurationX86Gbs'],
  ['Lambda-Provisioned-GB-Second-ARM', 'pcDurationArmGbs'],
  ['Lambda-Storage-GB-Second', 'storageGbs'],
  ['Lambda-Storage-GB-Second-ARM', 'storageGbs'],
  ['Lambda-Streaming-Response-Processed-Bytes', 'streamGib'],
  ['Lambda-Streaming-Response-Processed-Bytes-ARM', 'streamGib'],
  ['Lambda-SnapStart-Cached-GB-S', 'cacheGbs'],
  ['Lambda-SnapStart-Cached-GB-S-ARM', 'cacheGbs'],
  ['Lambda-SnapStart-Restored-GB', 'restoreGb'],
  ['Lambda-SnapStart-Restored-GB-ARM', 'restoreGb'],
]
const SUFFIX_METER = new Map<string, MeterId>(SUFFIX_METERS)
const MANAGED_FEE = /^Lambda-Managed-Instances-([a-z0-9]+\.[a-z0-9]+)-Management-Hours$/
/**
 * EC2's on-demand instance-hours, `BoxUsage:<type>` after the region prefix
 * (`USE2-BoxUsage:m7i.xlarge`; us-east-1 with none). In this reader they are
 * a Managed Instances capacity provider's hours: the query takes only the
 * tagged instances' rows, and an export's AmazonEC2 rows count only with the
 * tag ({@link MANAGED_INSTANCES_TAG}).
 */
const EC2_HOURS = /^BoxUsage:([a-z0-9-]+\.[a-z0-9]+)$/

/**
 * Lambda usage whose usage types AWS has not published: durable functions
 * (operations, data written, data retained) and tenant isolation
 * (environments created). Looked for, December 2026, and not found: the
 * Price List usage types of pricing-next.md §8.1 (`Request`,
 * `Lambda-GB-Second`, `Lambda-Provisioned-*`, `Lambda-Storage-GB-Second`,
 * `Lambda-Edge-*`, `Lambda-Streaming-Response-Processed-Bytes`,
 * `Lambda-SnapStart-*`, `Lambda-Managed-Instances-<type>-Management-Hours`,
 * their `-ARM` forms), the SKUs of pricing-2026.md, the pricing page's
 * examples and the CUR 2.0 dictionaries. A row whose suffix names one is
 * listed as that (not priced), not as unknown; the rest stay unknown.
 */
const UNPUBLISHED: readonly (readonly [RegExp, string])[] = [
  [/Durable/i, 'durable functions, by its name: AWS publishes no usage type for them, so it is not priced'],
  [/Tenant/i, 'tenant isolation, by its name: AWS publishes no usage type for it, so it is not priced'],
]

/**
 * Reads a usage type: its region prefix (a billing code, `Global`, or none),
 * then its suffix, matched exactly.
 *
 * @example classifyUsageType('EU-Lambda-Edge-Request') // { kind: 'meter', meter: 'edgeRequests', region: 'eu-west-1', ... }
 */
export function classifyUsageType(usageType: string): UsageTypeClass {
  let region: string | null = null
  let suffix = usageType
  const dash = usageType.indexOf('-')
  if (dash > 0) {
    const head = usageType.slice(0, dash)
    const code = REGION_BILLING_CODES[head]
    if (code !== undefined || head === 'Global') {
      region = code ?? null
      suffix = usageType.slice(dash + 1)
    }
  }
  const meter = SUFFIX_METER.get(suffix)
  if (meter !== undefined) return { kind: 'meter', meter, region, suffix }
  const managed = MANAGED_FEE.exec(suffix)
  if (managed) return { kind: 'meter', meter: 'managedFeeHours', instanceType: managed[1]!, region, suffix }
  const ec2 = EC2_HOURS.exec(suffix)
  if (ec2) return { kind: 'meter', meter: 'managedEc2Hours', instanceType: ec2[1]!, region, suffix }
  for (const [test, what] of UNPUBLISHED) if (test.test(suffix)) return { kind: 'not-priced', what, region, suffix }
  if (/DataTransfer|-Bytes$/.test(suffix)) return { kind: 'not-priced', what: 'data transfer', region, suffix }
  return { kind: 'unknown', region, suffix }
}

const MAX_EXACT = Number.MAX_SAFE_INTEGER
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k)
const bigPow10: bigint[] = []
function pow10n(k: number): bigint {
  return (bigPow10[k] ??= 10n ** BigInt(k))
}

/**
 * An exact running sum of decimals, (hi + lo) x 10^e: `lo` takes the terms
 * while it stays a safe integer (no allocation), `hi` the rest.
 */
class DecimalSum {
  hi = 0n
  lo = 0
  e = 0
  empty = true

  /** Adds m x 10^e (m a safe integer), or big x 10^e where `big` is given. */
  add(m: number, big: bigint | null, e: number): void {
    if (big === null && m === 0) return
    if (this.empty) {
      this.empty = false
      this.e = e
    } else if (e < this.e) {
      this.hi = (this.hi + BigInt(this.lo)) * pow10n(this.e - e)
      this.lo = 0
      this.e = e
    }
    const k = e - this.e
    if (big === null && k < 16) {
      const v = m * POW10[k]!
      const sum = this.lo + v
      if (v <= MAX_EXACT && v >= -MAX_EXACT && sum <= MAX_EXACT && sum >= -MAX_EXACT) {
        this.lo = sum
        return
      }
    }
    this.hi += BigInt(this.lo) + (big ?? BigInt(m)) * pow10n(k)
    this.lo = 0
  }

  /** The smallest exponent used (0 when empty). */
  get exponent(): number {
    return this.empty ? 0 : Math.min(0, this.e)
  }

  /** The sum over 10^-scale (scale >= -exponent): one denominator for every sum of a kind. */
  ratio(scale: number): Ratio {
    const n = this.hi + BigInt(this.lo)
    return { n: this.empty ? 0n : n * pow10n(this.e + scale), d: pow10n(scale) }
  }
}

/** The number last read by `readNumber`: m x 10^e, or big x 10^e when it has more than 15 digits. */
let numM = 0
let numBig: bigint | null = null
let numE = 0

/**
 * Reads a plain or exponent decimal ("125000.5", "1.66667E-5", "-0.1", as
 * Athena prints DOUBLE values) exactly into numM/numBig/numE; false if the
 * text is not one. Empty is 0.
 */
function readNumber(text: string): boolean {
  const n = text.length
  numM = 0
  numBig = null
  numE = 0
  if (n === 0) return true
  let i = 0
  let c = text.charCodeAt(0)
  let neg = false
  if (c === 45 || c === 43) {
    neg = c === 45
    i = 1
  }
  const from = i
  let m = 0
  let digits = 0
  let frac = 0
  let dot = false
  let long = false
  for (; i < n; i++) {
    c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      digits++
      if (dot) frac++
      if (m < 9e14) m = m * 10 + (c - 48)
      else long = true
    } else if (c === 46 && !dot) dot = true
    else break
  }
  if (digits === 0 || digits > 60) return false
  const to = i
  let exp = 0
  if (i < n) {
    if (c !== 101 && c !== 69) return false
    i++
    let eneg = false
    c = text.charCodeAt(i)
    if (c === 45 || c === 43) {
      eneg = c === 45
      i++
    }
    const e0 = i
    for (; i < n; i++) {
      c = text.charCodeAt(i)
      if (c < 48 || c > 57 || i - e0 >= 4) return false
      exp = exp * 10 + (c - 48)
    }
    if (i === e0) return false
    if (eneg) exp = -exp
  }
  numE = exp - frac
  if (long) {
    const v = BigInt(text.slice(from, to).replace('.', ''))
    numBig = neg ? -v : v
  } else numM = neg ? -m : m
  return true
}

/**
 * One function's use of one meter in one month, summed over the rows (rate
 * codes, line types) that carry it. Amounts are exact.
 *
 * @example { month: '2026-10', account: '123456789012', region: 'us-east-2', functionArn: 'arn:aws:lambda:us-east-2:123456789012:function:orders', meter: 'armGbs', usage: { n: 2501n, d: 2n }, ... }
 */
export interface CurEntry {
  /** The billing period, `YYYY-MM`. */
  month: string
  account: string
  region: string
  /** The function's ARN; empty where the export was made without resource IDs. */
  functionArn: string
  meter: MeterId
  /** For a Managed Instances fee: its instance type. */
  instanceType?: string
  /** In the meter's unit (requests, GB-s, GB, GiB, instance-hours). */
  usage: Ratio
  /** USD: the on-demand cost AWS computed. */
  unblendedUsd: Ratio
  /** USD: after Savings Plans. */
  effectiveUsd: Ratio
  /** USD, negative: credits applied. */
  creditUsd: Ratio
  /** The usage types summed here (e.g. `USE2-Request`, `USE2-Request-ARM`). */
  usageTypes: string[]
  rows: number
}

/**
 * Rows of usage types the engine does not price, by usage type: data transfer
 * (known, priced by other services' rules) or usage types it does not know.
 *
 * @example { usageType: 'USE1-Lambda-Durable-Operations', rows: 3, unblendedUsd: '1.20', known: false }
 */
export interface CurOtherUsage {
  usageType: string
  /** What the calculator knows it is (`'data transfer'`), or null when unknown. */
  what: string | null
  rows: number
  usage: Ratio
  unblendedUsd: Ratio
}

/**
 * A row left out, by its 1-based line in the text (the header is line 1).
 *
 * @example { line: 7, message: 'Row 7: usage_amount "12,5" is not a number; the row is left out.' }
 */
export interface CurProblem {
  line: number
  message: string
}

/**
 * What a CUR CSV holds, read and summed: the priced entries, the usage types
 * not priced, and the rows left out. Plain data (it crosses from a Worker).
 *
 * @example parseCur(csv).entries.length
 */
export interface CurImport {
  entries: CurEntry[]
  other: CurOtherUsage[]
  /** The first problems (at most `maxProblems`), in line order. */
  problems: CurProblem[]
  problemCount: number
  /** Data rows read (the header and blank lines not counted). */
  rows: number
  /** Rows read and used. */
  rowsUsed: number
  /** Rows skipped on purpose: other services, SavingsPlanNegation. */
  rowsSkipped: number
  /** Characters examined: at most a small multiple of the input's length (the reader is linear). */
  work: number
}

/** The columns the reader uses, by their header names in the query's result and in a CUR 2.0 export. */
const COLUMN_NAMES: Readonly<Record<string, string>> = {
  month: 'month',
  bill_billing_period_start_date: 'month',
  account: 'account',
  line_item_usage_account_id: 'account',
  region: 'region',
  product_region_code: 'region',
  function_arn: 'arn',
  line_item_resource_id: 'arn',
  usage_type: 'usageType',
  line_item_usage_type: 'usageType',
  rate_code: 'rateCode',
  pricing_rate_code: 'rateCode',
  usage_amount: 'usage',
  line_item_usage_amount: 'usage',
  unblended_cost: 'unblended',
  line_item_unblended_cost: 'unblended',
  effective_cost: 'effective',
  savings_plan_savings_plan_effective_cost: 'spEffective',
  credits: 'credits',
  line_item_line_item_type: 'lineType',
  line_item_product_code: 'productCode',
  // a CUR 2.0 export's tags (a map, written as JSON), where the Managed Instances tag is looked for
  resource_tags: 'tags',
  // The legacy CUR's names for the same columns.
  'bill/billingperiodstartdate': 'month',
  'lineitem/usageaccountid': 'account',
  'product/region': 'region',
  'product/regioncode': 'region',
  'lineitem/resourceid': 'arn',
  'lineitem/usagetype': 'usageType',
  'pricing/ratecode': 'rateCode',
  'lineitem/usageamount': 'usage',
  'lineitem/unblendedcost': 'unblended',
  'savingsplan/savingsplaneffectivecost': 'spEffective',
  'lineitem/lineitemtype': 'lineType',
  'lineitem/productcode': 'productCode',
  [`resourcetags/user:${MANAGED_INSTANCES_TAG}`]: 'provider',
}

const REQUIRED = ['month', 'usageType', 'usage', 'unblended'] as const

/** Line item types of an export read row by row that are not usage: the plan's offsets and fees, taxes. */
const SKIPPED_LINE_TYPES = new Set(['SavingsPlanNegation', 'SavingsPlanRecurringFee', 'SavingsPlanUpfrontFee', 'Tax', 'Fee', 'RIFee'])
/** Line item types whose cost is money taken off: credits, refunds and discounts. */
const CREDIT_LINE_TYPES = new Set(['Credit', 'Refund', 'EdpDiscount', 'PrivateRateDiscount', 'BundledDiscount', 'DistributorDiscount', 'Discount'])
const NUMBER_KEYS = ['usage', 'unblended', 'effective', 'spEffective', 'credits'] as const
const NUMBER_NAMES = ['usage_amount', 'unblended_cost', 'effective_cost', 'savings_plan_savings_plan_effective_cost', 'credits'] as const

/** A row longer than this is not a CUR row: it is reported and skipped without being held. */
const MAX_ROW_CHARS = 65_536

/**
 * Options of `createCurParser`.
 *
 * @example createCurParser({ maxProblems: 20 })
 */
export interface CurParserOptions {
  /** Problems kept in `problems` (all are counted); default 100. */
  maxProblems?: number
}

/**
 * An incremental reader of a CUR CSV: `push` chunks in order, then `finish`.
 * Linear in the input: each character is examined a bounded number of times.
 *
 * @example const p = createCurParser(); p.push(text); const result = p.finish()
 */
export interface CurParser {
  push(chunk: string): void
  finish(): CurImport
  /** Characters pushed so far. */
  readonly charsProcessed: number
}

interface Agg {
  entry: Omit<CurEntry, 'usage' | 'unblendedUsd' | 'effectiveUsd' | 'creditUsd'>
  usage: DecimalSum
  unblended: DecimalSum
  effective: DecimalSum
  credit: DecimalSum
}

/**
 * Splits one CSV record into fields (RFC 4180 quoting; `""` inside quotes).
 * Returns null with `error` set for an unclosed quote or text after a closing one.
 */
function splitRecord(line: string, out: string[]): string | null {
  out.length = 0
  const n = line.length
  let i = 0
  for (;;) {
    if (i < n && line.charCodeAt(i) === 34) {
      let value = ''
      let start = i + 1
      i = start
      for (;;) {
        const q = line.indexOf('"', i)
        if (q < 0) return 'a quoted value is not closed on its line'
        if (line.charCodeAt(q + 1) === 34) {
          value += line.slice(start, q + 1)
          i = start = q + 2
          continue
        }
        value += line.slice(start, q)
        i = q + 1
        break
      }
      out.push(value)
      if (i === n) return null
      if (line.charCodeAt(i) !== 44) return 'text follows a closing quote'
      i++
    } else {
      const c = line.indexOf(',', i)
      if (c < 0) {
        out.push(line.slice(i).trim())
        return null
      }
      out.push(line.slice(i, c).trim())
      i = c + 1
    }
  }
}

/**
 * The capacity provider an export's EC2 row is tagged with: the legacy CUR's
 * `resourceTags/user:lambda-capacity-provider` column, or the key
 * `user:lambda-capacity-provider` (or `user_lambda_capacity_provider`, as CUR
 * 2.0 may normalise it: not documented) of a CUR 2.0 `resource_tags` map
 * written as JSON. Empty when the row has none.
 */
function capacityProviderOf(column: string, tags: string): string {
  if (column.trim() !== '') return column.trim()
  if (tags.length < 2 || tags.length > 65_536 || tags.charCodeAt(0) !== 123) return ''
  try {
    const map: unknown = JSON.parse(tags)
    if (typeof map !== 'object' || map === null) return ''
    for (const key of [`user:${MANAGED_INSTANCES_TAG}`, `user_${MANAGED_INSTANCES_TAG.replace(/-/g, '_')}`]) {
      const value: unknown = Object.prototype.hasOwnProperty.call(map, key) ? (map as Record<string, unknown>)[key] : undefined
      if (typeof value === 'string' && value.trim() !== '') return value.trim()
    }
  } catch {
    // not JSON: no tag read
  }
  return ''
}

const MONTH_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[ T][0-9:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * A reader of the CUR query's CSV result (or of a CUR 2.0 export in CSV):
 * columns by header name, in any order; quoted or bare values; CRLF or LF;
 * numbers plain or in exponent form. Each row's usage type is read by its
 * suffix after the region prefix. A row that cannot be read is left out
 * entirely and named by its line.
 *
 * @example
 * const p = createCurParser()
 * p.push('month,account,region,function_arn,usage_type,rate_code,usage_amount,unblended_cost,effective_cost\n')
 * p.push('2026-10-01 00:00:00.000,123456789012,us-east-2,arn:aws:lambda:us-east-2:123456789012:function:orders,USE2-Request,X.Y.Z,2000000,0.4,0.4\n')
 * p.finish().entries[0].meter // 'requests'
 */
export function createCurParser(options: CurParserOptions = {}): CurParser {
  const maxProblems = options.maxProblems ?? 100
  let carry = ''
  let carryTooLong = false
  let line = 0
  let chars = 0
  let work = 0
  let headerTried = false
  let headerCount = 0
  // Each column's position in a row, -1 where the file has none.
  let index: {
    productCode: number
    lineType: number
    month: number
    usageType: number
    usage: number
    region: number
    account: number
    arn: number
    provider: number
    tags: number
    numbers: number[]
  } | null = null
  let columns: Record<string, number> | null = null
  let rows = 0
  let rowsUsed = 0
  let rowsSkipped = 0
  const problems: CurProblem[] = []
  let problemCount = 0
  const aggs = new Map<string, Agg>()
  const other = new Map<string, { what: string | null; rows: number; usage: DecimalSum; unblended: DecimalSum }>()
  const monthOf = new Map<string, string | null>()
  const classOf = new Map<string, UsageTypeClass>()
  // The row's five numbers: usage, unblended, effective, plan effective, credits.
  const nm = [0, 0, 0, 0, 0]
  const nb: (bigint | null)[] = [null, null, null, null, null]
  const ne = [0, 0, 0, 0, 0]
  const fields: string[] = []
  let bomChecked = false

  const classify = (usageType: string): UsageTypeClass => {
    let cls = classOf.get(usageType)
    if (cls === undefined) {
      cls = classifyUsageType(usageType)
      if (classOf.size < 10_000) classOf.set(usageType, cls)
    }
    return cls
  }

  const problem = (at: number, message: string) => {
    problemCount++
    if (problems.length < maxProblems) problems.push({ line: at, message })
  }

  const readHeader = (text: string, at: number) => {
    const err = splitRecord(text, fields)
    if (err) {
      problem(at, `The header row cannot be read: ${err}.`)
      return
    }
    const found: Record<string, number> = {}
    fields.forEach((name, i) => {
      const key = COLUMN_NAMES[name.trim().toLowerCase()]
      if (key !== undefined && found[key] === undefined) found[key] = i
    })
    const missing = REQUIRED.filter((k) => found[k] === undefined)
    if (missing.length > 0) {
      const names: Record<string, string> = { month: 'month', usageType: 'usage_type', usage: 'usage_amount', unblended: 'unblended_cost' }
      problem(
        at,
        `The header row has no ${missing.map((k) => names[k]).join(', ')} column: expected the CUR query's columns (month, account, region, function_arn, usage_type, rate_code, usage_amount, unblended_cost, effective_cost, credits).`,
      )
      return
    }
    columns = found
    const pos = (key: string) => found[key] ?? -1
    index = {
      productCode: pos('productCode'),
      lineType: pos('lineType'),
      month: pos('month'),
      usageType: pos('usageType'),
      usage: pos('usage'),
      region: pos('region'),
      account: pos('account'),
      arn: pos('arn'),
      provider: pos('provider'),
      tags: pos('tags'),
      numbers: NUMBER_KEYS.map(pos),
    }
    headerCount = fields.length
  }

  const readRow = (text: string, at: number) => {
    const cols = columns!
    rows++
    const err = splitRecord(text, fields)
    if (err) return problem(at, `Row ${at}: ${err}; the row is left out.`)
    if (fields.length !== headerCount) {
      return problem(
        at,
        `Row ${at}: ${fields.length} values where the header has ${headerCount} columns (a comma inside an unquoted value?); the row is left out.`,
      )
    }
    const ix = index!
    const get = (i: number): string => (i < 0 ? '' : fields[i]!)
    // Another service's row is skipped, but for a Managed Instances capacity provider's EC2 hours:
    // those count on the capacity provider its tag names.
    let provider: string | null = null
    if (cols.productCode !== undefined) {
      const product = get(ix.productCode)
      if (product !== 'AWSLambda') {
        provider = product === 'AmazonEC2' ? capacityProviderOf(get(ix.provider), get(ix.tags)) : ''
        const c = classify(get(ix.usageType))
        if (provider === '' || c.kind !== 'meter' || c.meter !== 'managedEc2Hours') {
          rowsSkipped++
          return
        }
      }
    }
    const lineType = get(ix.lineType)
    if (SKIPPED_LINE_TYPES.has(lineType)) {
      rowsSkipped++
      return
    }
    const monthText = get(ix.month)
    let month = monthOf.get(monthText)
    if (month === undefined) {
      const mm = MONTH_RE.exec(monthText)
      const monthNumber = mm ? Number(mm[2]) : 0
      const ok = mm && monthNumber >= 1 && monthNumber <= 12 && (mm[3] === undefined || (Number(mm[3]) >= 1 && Number(mm[3]) <= 31))
      month = ok ? `${mm[1]}-${mm[2]}` : null
      if (monthOf.size < 10_000) monthOf.set(monthText, month)
    }
    if (month === null) {
      return problem(at, `Row ${at}: month "${monthText.slice(0, 40)}" is not a date (expected e.g. 2026-10-01 00:00:00.000); the row is left out.`)
    }
    const usageType = get(ix.usageType)
    if (usageType === '') return problem(at, `Row ${at}: usage_type is empty; the row is left out.`)
    for (let k = 0; k < 5; k++) {
      const raw = get(ix.numbers[k]!)
      if (!readNumber(raw)) return problem(at, `Row ${at}: ${NUMBER_NAMES[k]} "${raw.slice(0, 40)}" is not a number; the row is left out.`)
      nm[k] = numM
      nb[k] = numBig
      ne[k] = numE
    }
    if (nm[0]! < 0 || (nb[0] !== null && nb[0]! < 0n))
      return problem(at, `Row ${at}: usage_amount ${get(ix.usage)} is negative; the row is left out.`)
    // Which of the row's numbers are its usage, unblended, effective cost and credit.
    let iu = 0
    let iun = 1
    let ief = cols.effective !== undefined ? 2 : lineType === 'SavingsPlanCoveredUsage' && cols.spEffective !== undefined ? 3 : 1
    let icr = 4
    if (CREDIT_LINE_TYPES.has(lineType)) {
      // An export's credit, refund and discount rows: their cost is taken off the bill.
      icr = 1
      iu = iun = ief = -1
    }
    const cls = classify(usageType)
    const addTo = (sum: DecimalSum, k: number) => {
      if (k >= 0) sum.add(nm[k]!, nb[k]!, ne[k]!)
    }
    if (cls.kind !== 'meter') {
      let o = other.get(usageType)
      if (!o)
        other.set(
          usageType,
          (o = { what: cls.kind === 'not-priced' ? cls.what : null, rows: 0, usage: new DecimalSum(), unblended: new DecimalSum() }),
        )
      o.rows++
      addTo(o.usage, iu)
      addTo(o.unblended, iun)
      rowsUsed++
      return
    }
    const regionText = get(ix.region)
    const region = regionText || cls.region || 'us-east-1'
    if (cls.region !== null && regionText !== '' && cls.region !== regionText) {
      return problem(
        at,
        `Row ${at}: usage type ${usageType} is billed in ${cls.region} but the region column says ${regionText}; the row is left out.`,
      )
    }
    const account = get(ix.account)
    const arn = provider ?? get(ix.arn)
    const key = `${month}\u0000${account}\u0000${region}\u0000${arn}\u0000${cls.meter}\u0000${cls.instanceType ?? ''}`
    let a = aggs.get(key)
    if (!a) {
      const entry: Agg['entry'] = { month, account, region, functionArn: arn, meter: cls.meter, usageTypes: [], rows: 0 }
      if (cls.instanceType) entry.instanceType = cls.instanceType
      aggs.set(key, (a = { entry, usage: new DecimalSum(), unblended: new DecimalSum(), effective: new DecimalSum(), credit: new DecimalSum() }))
    }
    a.entry.rows++
    if (!a.entry.usageTypes.includes(usageType)) a.entry.usageTypes.push(usageType)
    addTo(a.usage, iu)
    addTo(a.unblended, iun)
    addTo(a.effective, ief)
    addTo(a.credit, icr)
    rowsUsed++
  }

  const takeLine = (text: string) => {
    line++
    work += text.length
    const t = text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text
    if (t.trim() === '') return
    if (!columns) {
      if (!headerTried) readHeader(t, line)
      headerTried = true
      return
    }
    readRow(t, line)
  }

  return {
    get charsProcessed() {
      return chars
    },
    push(chunk: string) {
      if (!bomChecked && chunk.length > 0) {
        bomChecked = true
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
      }
      chars += chunk.length
      let start = 0
      for (;;) {
        const nl = chunk.indexOf('\n', start)
        work += (nl < 0 ? chunk.length : nl + 1) - start
        if (nl < 0) {
          const rest = chunk.slice(start)
          if (carryTooLong) return
          if (carry.length + rest.length > MAX_ROW_CHARS) {
            carryTooLong = true
            carry = ''
            return
          }
          carry += rest
          return
        }
        if (carryTooLong) {
          line++
          problem(line, `Row ${line}: longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters, not a CUR row; it is left out.`)
          if (columns) rows++
          carryTooLong = false
          carry = ''
        } else {
          const piece = chunk.slice(start, nl)
          if (carry !== '') {
            takeLine(carry + piece)
            carry = ''
          } else takeLine(piece)
        }
        start = nl + 1
      }
    },
    finish(): CurImport {
      if (carryTooLong) {
        line++
        problem(line, `Row ${line}: longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters, not a CUR row; it is left out.`)
        if (columns) rows++
      } else if (carry !== '') takeLine(carry)
      carry = ''
      if (!headerTried) problem(1, 'The text has no header row: expected the CUR query\u2019s CSV result, starting with its column names.')
      // One denominator for all usage and one for all money: sums of entries need no common multiple.
      let usageScale = 0
      let moneyScale = 0
      for (const a of aggs.values()) {
        usageScale = Math.max(usageScale, -a.usage.exponent)
        moneyScale = Math.max(moneyScale, -a.unblended.exponent, -a.effective.exponent, -a.credit.exponent)
      }
      const entries: CurEntry[] = []
      for (const a of aggs.values()) {
        const e = a.entry as CurEntry
        e.usage = a.usage.ratio(usageScale)
        e.unblendedUsd = a.unblended.ratio(moneyScale)
        e.effectiveUsd = a.effective.ratio(moneyScale)
        e.creditUsd = a.credit.ratio(moneyScale)
        entries.push(e)
      }
      const others: CurOtherUsage[] = [...other.entries()].map(([usageType, o]) => ({
        usageType,
        what: o.what,
        rows: o.rows,
        usage: o.usage.ratio(-o.usage.exponent),
        unblendedUsd: o.unblended.ratio(-o.unblended.exponent),
      }))
      problems.sort((a, b) => a.line - b.line)
      return { entries, other: others, problems, problemCount, rows, rowsUsed, rowsSkipped, work }
    },
  }
}

/**
 * Reads a whole CUR CSV at once (see `createCurParser`).
 *
 * @example parseCur(csv).problems // [{ line: 7, message: 'Row 7: usage_amount "12,5" is not a number; the row is left out.' }]
 */
export function parseCur(text: string, options?: CurParserOptions): CurImport {
  const p = createCurParser(options)
  p.push(text)
  return p.finish()
}
