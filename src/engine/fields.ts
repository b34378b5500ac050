import {
  CORE_FUNCTION_FIELDS,
  HOURS_IN_LONGEST_MONTH,
  HOURS_PER_MONTH,
  MAX_INIT_MS,
  MAX_PROVISIONED_CONCURRENCY,
  MAX_REQUESTS_PER_MONTH,
  MAX_STREAMED_MB,
  isFieldSet,
  nearestName,
  type FieldSpec,
  type FunctionFieldKey,
} from './fields-core'
import { EC2_INSTANCE_TYPES } from './sheets/ec2-instances'
import type { FunctionInput } from './types'

/**
 * The input fields as data: one entry per field of a function and of the
 * account. Validation, the quick check, the link codec, the widget's
 * attributes, the form and the exports read this table; a new input is one
 * entry here or in fields-core.ts (and its property in `FunctionInput`), and
 * every limit is written once, in fields-core.ts.
 */

// The entries every sheet bills, the account's fields, the limits and the types
// are in fields-core.ts (which the classic sheet's entry reads alone); the
// table is read from here.
export * from './fields-core'

/**
 * The fields of one function, in the order the form, the link and the widget list them.
 * `memoryMb`, `durationMs`, `requests`, `per`, `architecture`, `ephemeralStorageMb`
 * and `name` have limits that depend on the sheet and region: their ranges here
 * are the widest any sheet allows, and validation checks them against the sheet.
 *
 * @example FUNCTION_FIELDS.map((f) => f.urlKey).slice(0, 3) // ['n', 'm', 'd']
 */
export const FUNCTION_FIELDS: readonly FieldSpec<FunctionFieldKey>[] = [
  ...CORE_FUNCTION_FIELDS,
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
