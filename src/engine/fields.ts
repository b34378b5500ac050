import { EC2_INSTANCE_TYPES } from './sheets/ec2-instances'
import { characterCount } from './text'
import type { FunctionInput } from './types'

/**
 * The input fields as data: one entry per field of a function and of the
 * account. Validation, the quick check, the link codec, the widget's
 * attributes, the form and the exports read this table; a new input is one
 * entry here (and its property in `FunctionInput`), and every limit is written
 * once, here.
 */

/**
 * How a field's value is typed: a number (fractions allowed), a whole number,
 * true or false, one of a few words, or free text.
 *
 * @example const t: FieldType = 'whole'
 */
export type FieldType = 'number' | 'whole' | 'boolean' | 'choice' | 'text'

/**
 * One allowed value of a choice field: the engine's value, its short code in
 * links, and the words a person reads.
 *
 * @example { value: 'arm64', code: 'arm', label: 'arm64 (Graviton)' }
 */
export interface FieldChoice {
  value: string
  /** The value in a link (`a=arm`). */
  code: string
  /** In the form's select. */
  label: string
  /** Said after the code where a message lists the allowed values: `java (free, for Java)`. */
  note?: string
}

/**
 * Another field a field cannot be set together with, and the rule (AWS's) that says so.
 *
 * @example { key: 'edge', rule: 'tenant isolation is not available on Lambda@Edge' }
 */
export interface FieldConflict {
  key: FunctionFieldKey
  /** Completes "X cannot be used with Y: ...". */
  rule: string
}

/**
 * One input field, everything known about it in one place.
 *
 * @example FUNCTION_FIELDS.find((f) => f.key === 'coldStartPercent')?.max // 100
 */
export interface FieldSpec<K extends string = string> {
  /** The engine's name (`EstimateInput` and `FunctionInput`). */
  key: K
  type: FieldType
  /** The form's label, unit included: "Cold starts (%)". */
  label: string
  /** The field in a sentence: "Cold-start share must be between ...". */
  name: string
  /** The unit a value is given in, as written after it ("ms", "%", "hours a month"); none for a count. */
  unit?: string
  /** What a whole-number field counts, in messages ("environments"). */
  counts?: string
  /** Smallest and largest values allowed (numbers). */
  min?: number
  max?: number
  /** The only values a whole-number field allows (memory per vCPU: 2, 4 or 8). */
  oneOf?: readonly number[]
  /** Said after the range in a message, e.g. " (INIT is capped at 10 seconds)". */
  rangeNote?: string
  /** The value when the field is left out. */
  default: number | boolean | string | undefined
  /** The values a choice field allows. */
  choices?: readonly FieldChoice[]
  /** The key in a shareable link (function fields: `cs`, then `cs2`, `cs3`...). */
  urlKey: string
  /** The `<lambda-cost-calculator>` attribute (first function only). */
  attribute: string
  /** The suffix of the form control's id: `fn-2-cold-starts`. */
  idSuffix: string
  /** Under the field in the form. */
  hint?: string
  /** The sheets that bill the field: `'current'` fields are ignored on the classic sheet. */
  sheets: 'all' | 'current'
  /** Where the form shows it: with memory and duration, in "More options", or in "Beside Lambda" (what comes with the function on the invoice). */
  group: 'basic' | 'more' | 'beside'
  /** How the classic sheet's "ignores ..." sentence names the field when it is set. */
  ignoredAs?: string
  /** Fields AWS does not allow together with this one, where the sheet bills it: both set is a problem. */
  conflicts?: readonly FieldConflict[]
  /** The unit beside the form's input, where `unit` is too long for it ("h" for "hours a month"). */
  formUnit?: string
  /**
   * The form shows the field only while another field is set: to something
   * other than its default (`notDefault`), or to one value (`equals`). It is
   * shown anyway while it, or a field shown on the same condition, holds a
   * value or a problem.
   */
  shownWhen?: { key: FunctionFieldKey; notDefault?: true; equals?: string }
  /**
   * How the form's short list of the "More options" names the field, where
   * that differs from `ignoredAs` (INIT duration is part of "cold starts" there).
   */
  ignoredBrieflyAs?: string
}

/**
 * Every function field's engine name.
 *
 * @example const key: FunctionFieldKey = 'coldStartPercent'
 */
export type FunctionFieldKey = keyof FunctionInput

/**
 * The most functions one estimate may hold.
 *
 * @example MAX_FUNCTIONS // 50
 */
export const MAX_FUNCTIONS = 50
/**
 * The longest function name, characters.
 *
 * @example MAX_NAME_LENGTH // 64
 */
export const MAX_NAME_LENGTH = 64
/**
 * The most requests a month the engine accepts for one function: 10^15.
 *
 * @example MAX_REQUESTS_PER_MONTH // 1_000_000_000_000_000
 */
export const MAX_REQUESTS_PER_MONTH = 1_000_000_000_000_000
/**
 * The most provisioned environments, or SnapStart versions, one function may have: far above any account's quota.
 *
 * @example MAX_PROVISIONED_CONCURRENCY // 1,000,000
 */
export const MAX_PROVISIONED_CONCURRENCY = 1_000_000
/**
 * The most MB a request may stream on average: responses stream up to 200 MB.
 *
 * @example MAX_STREAMED_MB // 200
 */
export const MAX_STREAMED_MB = 200
/**
 * The largest Compute Savings Plan discount on Lambda, %: AWS says "save up to
 * 17 percent" (the all-upfront rate for duration; 12 % with no upfront payment).
 *
 * @example MAX_SAVINGS_PLAN_PERCENT // 17
 */
export const MAX_SAVINGS_PLAN_PERCENT = 17
/**
 * Hours in the longest month (31 days): the most a monthly number of hours may be.
 *
 * @example HOURS_IN_LONGEST_MONTH // 744
 */
export const HOURS_IN_LONGEST_MONTH = 744
/**
 * Hours in the average month, the default of every "hours a month" field (AWS's calculators use it too).
 *
 * @example HOURS_PER_MONTH // 730
 */
export const HOURS_PER_MONTH = 730
/**
 * The longest INIT (or billed SnapStart restore) a cold start may have, ms: Lambda caps INIT at 10 seconds.
 *
 * @example MAX_INIT_MS // 10_000
 */
export const MAX_INIT_MS = 10_000

/**
 * The longest duration of an invocation: Lambda's 15-minute timeout, ms.
 *
 * @example MAX_DURATION_MS / 60_000 // 15
 */
export const MAX_DURATION_MS = 900_000
/**
 * The longest a Lambda@Edge function may run, ms: origin-facing functions stop
 * at 30 seconds (viewer-facing ones at 5).
 *
 * @example MAX_EDGE_DURATION_MS // 30_000
 */
export const MAX_EDGE_DURATION_MS = 30_000

/**
 * The fields of one function, in the order the form, the link and the widget list them.
 * `memoryMb`, `durationMs`, `requests`, `per`, `architecture`, `ephemeralStorageMb`
 * and `name` have limits that depend on the sheet and region: their ranges here
 * are the widest any sheet allows, and validation checks them against the sheet.
 *
 * @example FUNCTION_FIELDS.map((f) => f.urlKey).slice(0, 3) // ['n', 'm', 'd']
 */
export const FUNCTION_FIELDS: readonly FieldSpec<FunctionFieldKey>[] = [
  {
    key: 'name',
    type: 'text',
    label: 'Name',
    name: 'Name',
    max: MAX_NAME_LENGTH,
    default: undefined,
    urlKey: 'n',
    attribute: 'name',
    idSuffix: 'name',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'memoryMb',
    type: 'whole',
    label: 'Memory (MB)',
    name: 'Memory',
    unit: 'MB',
    min: 128,
    max: 32_768,
    default: undefined,
    urlKey: 'm',
    attribute: 'memory',
    idSuffix: 'memory',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'durationMs',
    type: 'number',
    label: 'Duration (ms)',
    name: 'Duration',
    unit: 'ms',
    max: MAX_DURATION_MS,
    default: undefined,
    urlKey: 'd',
    attribute: 'duration',
    idSuffix: 'duration',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'requests',
    type: 'number',
    label: 'Requests',
    name: 'Requests',
    min: 0,
    default: undefined,
    urlKey: 'r',
    attribute: 'requests',
    idSuffix: 'requests',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'per',
    type: 'choice',
    label: 'Request unit',
    name: 'Request unit',
    default: 'month',
    choices: [
      { value: 'second', code: 's', label: 'per second' },
      { value: 'minute', code: 'min', label: 'per minute' },
      { value: 'hour', code: 'h', label: 'per hour' },
      { value: 'day', code: 'd', label: 'per day' },
      { value: 'month', code: 'mo', label: 'per month' },
      { value: 'million-per-month', code: 'mpm', label: 'million per month' },
    ],
    urlKey: 'u',
    attribute: 'unit',
    idSuffix: 'unit',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'architecture',
    type: 'choice',
    label: 'Architecture',
    name: 'Architecture',
    default: 'x86_64',
    choices: [
      { value: 'x86_64', code: 'x86', label: 'x86_64' },
      { value: 'arm64', code: 'arm', label: 'arm64 (Graviton)' },
    ],
    urlKey: 'a',
    attribute: 'architecture',
    idSuffix: 'architecture',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'ephemeralStorageMb',
    type: 'whole',
    label: 'Ephemeral storage (MB)',
    name: 'Ephemeral storage',
    unit: 'MB',
    min: 512,
    max: 10_240,
    default: 512,
    urlKey: 'e',
    attribute: 'storage',
    idSuffix: 'storage',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'coldStartPercent',
    type: 'number',
    label: 'Cold starts (%)',
    name: 'Cold-start share',
    unit: '%',
    min: 0,
    max: 100,
    default: 0,
    urlKey: 'cs',
    attribute: 'cold-start-percent',
    idSuffix: 'cold-starts',
    hint: '0–100, fractions allowed; empty is 0. The share of on-demand invocations that start cold and bill their INIT.',
    sheets: 'current',
    group: 'more',
    ignoredAs: 'cold starts',
  },
  {
    key: 'initDurationMs',
    type: 'number',
    label: 'INIT duration (ms)',
    name: 'INIT duration',
    unit: 'ms',
    min: 0,
    max: MAX_INIT_MS,
    rangeNote: ' (INIT is capped at 10 seconds)',
    default: 0,
    urlKey: 'it',
    attribute: 'init-duration',
    idSuffix: 'init-duration',
    hint: '0–10,000 ms; empty is 0. The REPORT line’s Init Duration (with SnapStart, its Billed Restore Duration), added to each cold invocation.',
    sheets: 'current',
    group: 'more',
    ignoredAs: 'INIT duration',
    ignoredBrieflyAs: 'cold starts',
  },
  {
    key: 'provisionedConcurrency',
    type: 'whole',
    label: 'Provisioned concurrency (environments)',
    name: 'Provisioned concurrency',
    counts: 'environments',
    min: 0,
    max: MAX_PROVISIONED_CONCURRENCY,
    default: 0,
    urlKey: 'pc',
    attribute: 'provisioned-concurrency',
    idSuffix: 'provisioned-concurrency',
    hint: 'A whole number; empty is 0. Environments kept initialised, billed for every hour they are enabled, busy or not.',
    sheets: 'current',
    group: 'more',
    ignoredAs: 'provisioned concurrency',
  },
  {
    key: 'provisionedHours',
    type: 'number',
    label: 'Provisioned hours a month',
    name: 'Provisioned hours',
    unit: 'hours a month',
    min: 0,
    max: HOURS_IN_LONGEST_MONTH,
    default: HOURS_PER_MONTH,
    urlKey: 'ph',
    attribute: 'provisioned-hours',
    idSuffix: 'provisioned-hours',
    hint: '0–744 hours; empty is 730, the whole month. Billed in 5-minute steps.',
    sheets: 'current',
    group: 'more',
    formUnit: 'h',
    shownWhen: { key: 'provisionedConcurrency', notDefault: true },
  },
  {
    key: 'provisionedSharePercent',
    type: 'number',
    label: 'Served by provisioned concurrency (%)',
    name: 'Share served by provisioned concurrency',
    unit: '%',
    min: 0,
    max: 100,
    default: 100,
    urlKey: 'ps',
    attribute: 'provisioned-share',
    idSuffix: 'provisioned-share',
    hint: '0–100; empty is 100. The share of requests the provisioned environments serve; the rest spills over to on demand.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'provisionedConcurrency', notDefault: true },
  },
  {
    key: 'snapStart',
    type: 'choice',
    label: 'SnapStart',
    name: 'SnapStart',
    default: 'off',
    choices: [
      { value: 'off', code: 'off', label: 'Off' },
      { value: 'java', code: 'java', label: 'Java (no cache or restore charge)', note: 'free, for Java' },
      { value: 'priced', code: 'priced', label: 'Python or .NET (cache and restores billed)', note: 'Python and .NET' },
    ],
    urlKey: 'ss',
    attribute: 'snapstart',
    idSuffix: 'snapstart',
    hint: 'Cold starts restore a snapshot instead of running INIT; Python and .NET pay for the cache and each restore.',
    sheets: 'current',
    group: 'more',
    ignoredAs: 'SnapStart',
  },
  {
    key: 'snapStartVersions',
    type: 'whole',
    label: 'SnapStart versions',
    name: 'SnapStart versions',
    counts: 'versions',
    min: 1,
    max: MAX_PROVISIONED_CONCURRENCY,
    default: 1,
    urlKey: 'sv',
    attribute: 'snapstart-versions',
    idSuffix: 'snapstart-versions',
    hint: 'A whole number, 1 or more; empty is 1. Published versions kept cached.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'snapStart', equals: 'priced' },
  },
  {
    key: 'snapStartCacheHours',
    type: 'number',
    label: 'SnapStart cache hours a month',
    name: 'SnapStart cache hours',
    unit: 'hours a month',
    min: 0,
    max: HOURS_IN_LONGEST_MONTH,
    rangeNote: ' (at least 3 are billed)',
    default: HOURS_PER_MONTH,
    urlKey: 'sh',
    attribute: 'snapstart-cache-hours',
    idSuffix: 'snapstart-cache-hours',
    hint: '0–744 hours; empty is 730. Hours each version is cached; at least 3 are billed.',
    sheets: 'current',
    group: 'more',
    formUnit: 'h',
    shownWhen: { key: 'snapStart', equals: 'priced' },
  },
  {
    key: 'edge',
    type: 'boolean',
    label: 'Lambda@Edge',
    name: 'Lambda@Edge',
    default: false,
    urlKey: 'ed',
    attribute: 'edge',
    idSuffix: 'edge',
    hint: 'Runs at CloudFront edge locations: x86_64 only, its own prices, no free tier, no provisioned concurrency.',
    sheets: 'current',
    group: 'more',
    ignoredAs: 'Lambda@Edge',
  },
  {
    key: 'streamedMbPerRequest',
    type: 'number',
    label: 'Streamed per request (MB)',
    name: 'Streamed MB per request',
    unit: 'MB',
    min: 0,
    max: MAX_STREAMED_MB,
    default: 0,
    urlKey: 'st',
    attribute: 'streamed-mb',
    idSuffix: 'streamed-mb',
    hint: '0–200 MB; empty is 0. Response streaming: what each response streams beyond 6 MB is billed, after 100 GiB a month free.',
    sheets: 'current',
    group: 'more',
    ignoredAs: 'response streaming',
  },
  {
    key: 'tenantIsolation',
    type: 'boolean',
    label: 'Tenant isolation',
    name: 'Tenant isolation',
    default: false,
    urlKey: 'ti',
    attribute: 'tenant-isolation',
    idSuffix: 'tenant-isolation',
    hint: 'Each tenant gets its own environments: every cold start creates one, billed per GB of memory. Set the cold starts above to the share of invocations that find no warm environment for their tenant.',
    sheets: 'current',
    group: 'more',
    ignoredAs: 'tenant isolation',
    conflicts: [
      { key: 'snapStart', rule: 'AWS does not offer SnapStart with tenant isolation' },
      { key: 'provisionedConcurrency', rule: 'AWS does not offer provisioned concurrency with tenant isolation' },
      { key: 'edge', rule: 'Lambda@Edge functions cannot use tenant isolation' },
    ],
  },
  {
    key: 'durableExecutions',
    type: 'number',
    label: 'Durable executions a month',
    name: 'Durable executions',
    min: 0,
    max: MAX_REQUESTS_PER_MONTH,
    default: 0,
    urlKey: 'dx',
    attribute: 'durable-executions',
    idSuffix: 'durable-executions',
    hint: 'Durable functions: executions started a month; empty is 0. Requests above count every invocation, resumptions after a wait included, and the duration leaves the waits out.',
    sheets: 'current',
    group: 'more',
    ignoredAs: 'durable functions',
    conflicts: [{ key: 'edge', rule: 'durable functions run in a region; Lambda@Edge, invoked by CloudFront, offers no durable execution' }],
  },
  {
    key: 'durableOperationsPerExecution',
    type: 'number',
    label: 'Durable operations per execution',
    name: 'Durable operations per execution',
    min: 1,
    max: MAX_PROVISIONED_CONCURRENCY,
    default: 1,
    urlKey: 'do',
    attribute: 'durable-operations',
    idSuffix: 'durable-operations',
    hint: 'The start, each step, wait and callback; empty is 1. AWS’s example: 1 start + 2 steps + 1 wait = 4.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'durableExecutions', notDefault: true },
  },
  {
    key: 'durableKbWrittenPerExecution',
    type: 'number',
    label: 'Durable data written per execution (KB)',
    name: 'Durable data written per execution',
    unit: 'KB',
    min: 0,
    max: MAX_PROVISIONED_CONCURRENCY,
    default: 0,
    urlKey: 'dk',
    attribute: 'durable-kb-written',
    idSuffix: 'durable-kb-written',
    hint: 'Payload and checkpoints, KB; empty is 0. Billed per GB of 1,000,000 KB, as AWS does.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'durableExecutions', notDefault: true },
  },
  {
    key: 'durableRunningDays',
    type: 'number',
    label: 'Days an execution runs',
    name: 'Days a durable execution runs',
    unit: 'days',
    min: 0,
    max: 366,
    default: 0,
    urlKey: 'dr',
    attribute: 'durable-running-days',
    idSuffix: 'durable-running-days',
    hint: 'On average, waits included; 0–366, fractions allowed; empty is 0. Its data is kept while it runs.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'durableExecutions', notDefault: true },
  },
  {
    key: 'durableRetentionDays',
    type: 'whole',
    label: 'Days its data is kept after it ends',
    name: 'Durable retention',
    counts: 'days',
    min: 1,
    max: 90,
    default: 14,
    urlKey: 'dd',
    attribute: 'durable-retention-days',
    idSuffix: 'durable-retention-days',
    hint: '1–90; empty is 14. Data is billed per GB-month of a 30-day month, running days plus these.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'durableExecutions', notDefault: true },
  },
  {
    key: 'compute',
    type: 'choice',
    label: 'Compute',
    name: 'Compute type',
    default: 'lambda',
    choices: [
      { value: 'lambda', code: 'lambda', label: 'Lambda (per request and GB-s)' },
      {
        value: 'managed-instances',
        code: 'managed-instances',
        label: 'Lambda Managed Instances (EC2 instance-hours)',
        note: 'Lambda Managed Instances',
      },
    ],
    urlKey: 'mi',
    attribute: 'compute',
    idSuffix: 'compute',
    hint: 'Managed Instances run the function on EC2 instances Lambda manages: billed per request, per instance-hour and a 15 % management fee, with no GB-s, INIT or storage charge.',
    sheets: 'current',
    group: 'more',
    ignoredAs: 'Lambda Managed Instances',
    conflicts: [
      { key: 'coldStartPercent', rule: 'a Managed Instances function bills no cold starts or INIT (its environments start before traffic)' },
      { key: 'initDurationMs', rule: 'a Managed Instances function bills no INIT (its environments start before traffic)' },
      { key: 'ephemeralStorageMb', rule: 'a Managed Instances function bills no ephemeral storage' },
      { key: 'snapStart', rule: 'AWS does not offer SnapStart on Managed Instances' },
      { key: 'provisionedConcurrency', rule: 'Managed Instances are capacity already: AWS offers no provisioned concurrency on them' },
      { key: 'edge', rule: 'Lambda@Edge runs on CloudFront, not on Managed Instances' },
      { key: 'streamedMbPerRequest', rule: 'this calculator bills no response streaming on Managed Instances' },
      { key: 'tenantIsolation', rule: 'AWS does not offer tenant isolation on Managed Instances' },
      { key: 'durableExecutions', rule: 'this calculator bills no durable functions on Managed Instances' },
    ],
  },
  {
    key: 'instanceType',
    type: 'choice',
    label: 'Instance type',
    name: 'Instance type',
    default: undefined,
    choices: EC2_INSTANCE_TYPES.filter((t) => t.managedInstances).map((t) => ({
      value: t.name,
      code: t.name,
      label: `${t.name} (${t.vcpus} vCPUs, ${t.memoryGib} GiB, ${t.architecture})`,
    })),
    urlKey: 'mt',
    attribute: 'instance-type',
    idSuffix: 'instance-type',
    hint: 'C, M and R types, .large and up; its architecture (g: arm64 Graviton; i, a: x86_64) must be the function’s.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'compute', equals: 'managed-instances' },
  },
  {
    key: 'instanceHours',
    type: 'number',
    label: 'Instance-hours a month',
    name: 'Instance-hours',
    unit: 'instance-hours',
    min: 0,
    max: 100_000_000,
    default: undefined,
    urlKey: 'mh',
    attribute: 'instance-hours',
    idSuffix: 'instance-hours',
    hint: 'Empty: sized from the traffic for the average load (at least 3 instances x 730 h). Give your own to bill for peaks.',
    sheets: 'current',
    group: 'more',
    formUnit: 'h',
    shownWhen: { key: 'compute', equals: 'managed-instances' },
  },
  {
    key: 'ec2PricePerHour',
    type: 'number',
    label: 'EC2 price paid per instance-hour (USD)',
    name: 'EC2 price per instance-hour',
    unit: 'USD',
    min: 0,
    max: 1_000,
    default: undefined,
    urlKey: 'mp',
    attribute: 'ec2-price-per-hour',
    idSuffix: 'ec2-price',
    hint: 'Empty: the on-demand price. A Savings Plan or RI price discounts the instances only: the 15 % fee is always on the on-demand price.',
    sheets: 'current',
    group: 'more',
    formUnit: '$/h',
    shownWhen: { key: 'compute', equals: 'managed-instances' },
  },
  {
    key: 'concurrencyPerEnvironment',
    type: 'whole',
    label: 'Requests at once per environment',
    name: 'Concurrency per environment',
    counts: 'requests',
    min: 1,
    max: 1_600,
    default: 16,
    urlKey: 'mc',
    attribute: 'concurrency-per-environment',
    idSuffix: 'concurrency-per-environment',
    hint: '1–1,600; empty is 16, a default, not your runtime’s: AWS caps it per vCPU at 64 for Node.js, 32 for Java and .NET, 16 for Python.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'compute', equals: 'managed-instances' },
  },
  {
    key: 'memoryGbPerVcpu',
    type: 'whole',
    label: 'Memory per vCPU (GB)',
    name: 'Memory per vCPU',
    counts: 'GB',
    min: 2,
    max: 8,
    oneOf: [2, 4, 8],
    default: 4,
    urlKey: 'mv',
    attribute: 'memory-gb-per-vcpu',
    idSuffix: 'memory-per-vcpu',
    hint: '2, 4 or 8; empty is 4. Each environment gets ceil(memory / this) vCPUs.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'compute', equals: 'managed-instances' },
  },
  {
    key: 'scalingBufferPercent',
    type: 'number',
    label: 'Scaling buffer (%)',
    name: 'Scaling buffer',
    unit: '%',
    min: 0,
    max: 200,
    default: 0,
    urlKey: 'mb',
    attribute: 'scaling-buffer',
    idSuffix: 'scaling-buffer',
    hint: '0–200; empty is 0. Capacity above the average load, for peaks.',
    sheets: 'current',
    group: 'more',
    shownWhen: { key: 'compute', equals: 'managed-instances' },
  },
  {
    key: 'logFormat',
    type: 'choice',
    label: 'CloudWatch Logs',
    name: 'Log format',
    default: 'off',
    choices: [
      { value: 'off', code: 'off', label: 'Not priced' },
      { value: 'text', code: 'text', label: 'Text' },
      { value: 'json', code: 'json', label: 'JSON' },
    ],
    urlKey: 'lf',
    attribute: 'log-format',
    idSuffix: 'log-format',
    hint: 'Lambda’s own lines: 264 bytes an invocation in text, 819 in JSON; $0.50 per GB after 5 GB free.',
    sheets: 'current',
    group: 'beside',
    ignoredAs: 'CloudWatch Logs',
  },
  {
    key: 'appLogBytesPerInvocation',
    type: 'number',
    label: 'Your log bytes per invocation',
    name: 'Log bytes per invocation',
    unit: 'bytes',
    min: 0,
    max: 1_000_000_000,
    default: 0,
    urlKey: 'lb',
    attribute: 'log-bytes',
    idSuffix: 'log-bytes',
    hint: 'What your code logs; empty is 0.',
    sheets: 'current',
    group: 'beside',
    shownWhen: { key: 'logFormat', notDefault: true },
  },
  {
    key: 'logClass',
    type: 'choice',
    label: 'Log class',
    name: 'Log class',
    default: 'standard',
    choices: [
      { value: 'standard', code: 'standard', label: 'Standard' },
      { value: 'infrequent-access', code: 'infrequent-access', label: 'Infrequent Access' },
    ],
    urlKey: 'lc',
    attribute: 'log-class',
    idSuffix: 'log-class',
    hint: 'Infrequent Access: half the price, fewer features.',
    sheets: 'current',
    group: 'beside',
    shownWhen: { key: 'logFormat', notDefault: true },
  },
  {
    key: 'logRetentionMonths',
    type: 'number',
    label: 'Months the logs are kept',
    name: 'Log retention',
    unit: 'months',
    min: 0,
    max: 120,
    default: 1,
    urlKey: 'lr',
    attribute: 'log-retention-months',
    idSuffix: 'log-retention',
    hint: '0–120; empty is 1.',
    sheets: 'current',
    group: 'beside',
    shownWhen: { key: 'logFormat', notDefault: true },
  },
  {
    key: 'frontDoor',
    type: 'choice',
    label: 'In front',
    name: 'Front door',
    default: 'none',
    choices: [
      { value: 'none', code: 'none', label: 'Not priced' },
      { value: 'function-url', code: 'function-url', label: 'Function URL' },
      { value: 'http-api', code: 'http-api', label: 'HTTP API' },
      { value: 'rest-api', code: 'rest-api', label: 'REST API' },
      { value: 'websocket', code: 'websocket', label: 'WebSocket API' },
      { value: 'alb', code: 'alb', label: 'Load balancer (ALB)' },
    ],
    urlKey: 'fd',
    attribute: 'front-door',
    idSuffix: 'front-door',
    hint: 'What invokes it from the internet.',
    sheets: 'current',
    group: 'beside',
    ignoredAs: 'the API in front',
  },
  {
    key: 'requestKb',
    type: 'number',
    label: 'Request size (KB)',
    name: 'Request size',
    unit: 'KB',
    min: 0,
    max: 10_240,
    default: 0,
    urlKey: 'rq',
    attribute: 'request-kb',
    idSuffix: 'request-kb',
    hint: 'Average; HTTP APIs bill 512 KB units, WebSocket 32 KB.',
    sheets: 'current',
    group: 'beside',
    shownWhen: { key: 'frontDoor', notDefault: true },
  },
  {
    key: 'connectionMinutes',
    type: 'number',
    label: 'WebSocket connection minutes a month',
    name: 'Connection minutes',
    unit: 'minutes',
    min: 0,
    max: MAX_REQUESTS_PER_MONTH,
    default: 0,
    urlKey: 'cm',
    attribute: 'connection-minutes',
    idSuffix: 'connection-minutes',
    sheets: 'current',
    group: 'beside',
    shownWhen: { key: 'frontDoor', equals: 'websocket' },
  },
  {
    key: 'responseKb',
    type: 'number',
    label: 'Response size (KB)',
    name: 'Response size',
    unit: 'KB',
    min: 0,
    max: 204_800,
    default: 0,
    urlKey: 'rs',
    attribute: 'response-kb',
    idSuffix: 'response-kb',
    hint: 'Average, to the internet: 100 GB a month free.',
    sheets: 'current',
    group: 'beside',
    ignoredAs: 'data out',
  },
]

/**
 * Each function field by its engine name.
 *
 * @example FUNCTION_FIELD_BY_KEY.get('initDurationMs')?.max // 10_000
 */
export const FUNCTION_FIELD_BY_KEY: ReadonlyMap<string, FieldSpec<FunctionFieldKey>> = new Map(FUNCTION_FIELDS.map((f) => [f.key, f]))

/**
 * The function fields priced on the current sheet only (the "More options" of
 * the form): the classic sheet ignores them.
 *
 * @example CURRENT_ONLY_FIELDS.map((f) => f.key).includes('edge') // true
 */
export const CURRENT_ONLY_FIELDS: readonly FieldSpec<FunctionFieldKey>[] = FUNCTION_FIELDS.filter((f) => f.sheets === 'current')

/**
 * A function field's entry, by its engine name.
 *
 * @example functionField('provisionedHours').default // 730
 */
export function functionField(key: FunctionFieldKey): FieldSpec<FunctionFieldKey> {
  const spec = FUNCTION_FIELD_BY_KEY.get(key)
  if (!spec) throw new Error(`No function field ${key}`)
  return spec
}

/**
 * True when `value` is what a field's entry allows, by the table alone: its
 * type, its range (a number), one of its choices, at most `max` characters
 * (text). Left out (undefined) is always allowed. Memory, duration, requests
 * and storage also have limits of the sheet that this does not know.
 *
 * @example fieldAllows(functionField('coldStartPercent'), 100.5) // false
 */
export function fieldAllows(spec: FieldSpec, value: unknown): boolean {
  if (value === undefined) return true
  switch (spec.type) {
    case 'number':
    case 'whole':
      return (
        typeof value === 'number' &&
        (spec.type === 'number' || Number.isInteger(value)) &&
        value >= (spec.min ?? -Infinity) &&
        value <= (spec.max ?? Infinity) &&
        (spec.oneOf === undefined || spec.oneOf.includes(value))
      )
    case 'boolean':
      return typeof value === 'boolean'
    case 'choice':
      return spec.choices !== undefined && spec.choices.some((c) => c.value === value)
    case 'text':
      return typeof value === 'string' && (spec.max === undefined || characterCount(value, spec.max) <= spec.max)
  }
}

/**
 * True when a function field holds something other than its default (left out is the default).
 *
 * @example isFieldSet(functionField('snapStart'), 'off') // false
 */
export function isFieldSet(spec: FieldSpec, value: unknown): boolean {
  return value !== undefined && value !== spec.default
}

const IGNORABLE_FIELDS = FUNCTION_FIELDS.filter((f) => f.ignoredAs !== undefined)

/**
 * The fields `fn` sets away from their defaults that a sheet without the 2026
 * meters ignores (those with an `ignoredAs`), in table order.
 *
 * @example setIgnoredFields({ memoryMb: 128, durationMs: 1, requests: 1, edge: true }).map((f) => f.ignoredAs) // ['Lambda@Edge']
 */
export function setIgnoredFields(fn: FunctionInput): FieldSpec<FunctionFieldKey>[] {
  const values = fn as unknown as Record<string, unknown>
  return IGNORABLE_FIELDS.filter((f) => isFieldSet(f, values[f.key]))
}

/**
 * The function field `key` names, or the nearest known one for a misspelt key
 * (by edit distance, case ignored), or null when nothing is near.
 *
 * @example nearestFieldKey('durableExecution') // the closest field name
 * @example nearestFieldKey('memoryMB') // 'memoryMb'
 */
export function nearestFieldKey(key: string): FunctionFieldKey | null {
  return nearestName(
    key,
    FUNCTION_FIELDS.map((f) => f.key),
  ) as FunctionFieldKey | null
}

/**
 * Of `names`, the one nearest `key` (by edit distance, case ignored), or null when nothing is near.
 *
 * @example nearestName('freetier', ['sheet', 'freeTier']) // 'freeTier'
 */
export function nearestName(key: string, names: readonly string[]): string | null {
  const given = key.toLowerCase()
  let best: string | null = null
  let bestDistance = Infinity
  for (const name of names) {
    const d = editDistance(given, name.toLowerCase())
    if (d < bestDistance) {
      bestDistance = d
      best = name
    }
  }
  // A guess further than a third of the name away is no help.
  return best !== null && bestDistance <= Math.max(2, Math.ceil(key.length / 3)) ? best : null
}

/** Levenshtein distance, for names of a few dozen characters. */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = row
  }
  return prev[b.length]!
}

/**
 * The account's fields (shared by every function): the sheet, the region and the free tier.
 *
 * @example ACCOUNT_FIELDS.find((f) => f.key === 'freeTier')?.urlKey // 'ft'
 */
export const ACCOUNT_FIELDS: readonly FieldSpec<'sheet' | 'region' | 'freeTier' | 'savingsPlanPercent' | 'apiGatewayFreeTier'>[] = [
  {
    key: 'sheet',
    type: 'choice',
    label: 'Price sheet',
    name: 'Price sheet',
    default: 'aws-current',
    choices: [
      { value: 'aws-2016', code: '2016', label: 'Classic (2016): 100 ms billing' },
      { value: 'aws-current', code: 'current', label: 'Current: 1 ms billing' },
    ],
    urlKey: 'p',
    attribute: 'sheet',
    idSuffix: 'sheet',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'region',
    type: 'text',
    label: 'Region',
    name: 'Region',
    default: 'us-east-1',
    urlKey: 'rg',
    attribute: 'region',
    idSuffix: 'region',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'freeTier',
    type: 'boolean',
    label: 'Include free tier',
    name: 'Include free tier',
    default: true,
    urlKey: 'ft',
    attribute: 'free-tier',
    idSuffix: 'free-tier',
    sheets: 'all',
    group: 'basic',
  },
  {
    key: 'savingsPlanPercent',
    type: 'number',
    label: 'Compute Savings Plan (%)',
    name: 'Compute Savings Plan',
    unit: '%',
    min: 0,
    max: MAX_SAVINGS_PLAN_PERCENT,
    rangeNote: ' (AWS: "save up to 17 percent")',
    default: 0,
    urlKey: 'sp',
    attribute: 'savings-plan',
    idSuffix: 'savingsPlanPercent',
    hint: '0–17; empty is none. Discounts on-demand duration and provisioned concurrency (12 % with no upfront payment, 17 % all upfront); requests and the rest are not covered.',
    sheets: 'current',
    group: 'basic',
  },
  {
    key: 'apiGatewayFreeTier',
    type: 'boolean',
    label: 'API Gateway free tier (new accounts)',
    name: 'API Gateway free tier',
    default: false,
    urlKey: 'af',
    attribute: 'api-gateway-free-tier',
    idSuffix: 'api-gateway-free-tier',
    hint: 'An account’s first 12 months: 1M REST and 1M HTTP calls, 1M WebSocket messages and 750,000 connection-minutes a month.',
    sheets: 'current',
    group: 'beside',
  },
]

/**
 * Whether a value sets a field: given, and not the field's default (0
 * provisioned environments, SnapStart off and Lambda@Edge off set nothing).
 *
 * @example fieldIsSet(functionField('snapStart'), 'off') // false
 */
export function fieldIsSet(spec: FieldSpec, value: unknown): boolean {
  return value !== undefined && value !== spec.default
}

/**
 * The pairs of fields AWS does not allow together, from each field's `conflicts`.
 *
 * @example FIELD_CONFLICTS.some(([a, b]) => a.key === 'tenantIsolation' && b.key === 'edge')
 */
export const FIELD_CONFLICTS: readonly (readonly [FieldSpec<FunctionFieldKey>, FieldSpec<FunctionFieldKey>, string])[] = FUNCTION_FIELDS.flatMap(
  (spec) => (spec.conflicts ?? []).map((c) => [spec, functionField(c.key), c.rule] as const),
)

/**
 * The link keys of the ways-to-run-it comparison's inputs, in the order a link
 * writes them: each is the `urlKey` of an entry of `COMPARE_FIELDS`
 * (engine/compare-fields.ts, which loads with the comparison). The link keeps
 * their values as given; the comparison checks them.
 *
 * @example COMPARE_URL_KEYS[0] // 'cmp'
 */
export const COMPARE_URL_KEYS: readonly string[] = 'cmp xf xv xg xa xi xc'.split(' ')
