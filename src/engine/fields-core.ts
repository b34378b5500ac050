import { characterCount } from './text'
import type { FunctionInput } from './types'

/**
 * The first part of the input fields as data (fields.ts has the whole table):
 * the types of an entry, every limit, the function fields every price sheet
 * bills and the account's fields. A module of its own, without the current
 * sheet's fields, so that the classic sheet's entry stays small.
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
 * The fields of one function that every sheet bills, in the order the form,
 * the link and the widget list them: the first entries of `FUNCTION_FIELDS`
 * (fields.ts), which adds those only the current sheet bills. A module of its
 * own so that the classic sheet's entry (`lambda-cost-engine/aws-2016`) reads
 * these without the rest. `memoryMb`, `durationMs`, `requests`, `per`,
 * `architecture`, `ephemeralStorageMb` and `name` have limits that depend on the
 * sheet and region: their ranges here are the widest any sheet allows, and
 * validation checks them against the sheet.
 *
 * @example CORE_FUNCTION_FIELDS.map((f) => f.key).slice(0, 3) // ['name', 'memoryMb', 'durationMs']
 */
export const CORE_FUNCTION_FIELDS: readonly FieldSpec<FunctionFieldKey>[] = [
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
]

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
