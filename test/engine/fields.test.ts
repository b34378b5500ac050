import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ACCOUNT_FIELDS,
  calculationSteps,
  compareWithSheet,
  CURRENT_ONLY_FIELDS,
  estimate,
  FUNCTION_FIELD_BY_KEY,
  FUNCTION_FIELDS,
  nearestFieldKey,
  validateInput,
  type FieldSpec,
  type FunctionInput,
} from '../../src/engine/index'
import { fieldAllows, isFieldSet, setIgnoredFields } from '../../src/engine/fields'
import { plainValidInput } from '../../src/engine/quick-check'
import { formatPlainNumber, readFunction } from '../../src/engine/validate'

// One request of 1 ms: every current-only field can take any allowed value on
// it (provisioned environments always have room for it).
const base = { memoryMb: 512, durationMs: 1, requests: 1 }
// Durable executions are each at least one invocation: as many requests as executions.
// A Managed Instances function needs 2 GB or more and an instance type of its architecture.
const withRequests = (fn: Record<string, unknown>) => {
  if (fn.compute === 'managed-instances') return { ...base, memoryMb: 2048, instanceType: 'm7i.xlarge', ...fn }
  const executions = fn.durableExecutions
  return typeof executions === 'number' && executions > 1 && executions <= 1e15 ? { ...base, requests: executions, ...fn } : { ...base, ...fn }
}
const current = (fn: Record<string, unknown>) => ({ sheet: 'aws-current', functions: [withRequests(fn)] })
const classic = (fn: Record<string, unknown>) => ({ sheet: 'aws-2016', functions: [withRequests(fn)] })

/** The problems on one field of the first function. */
const problemsOn = (input: unknown, key: string) => validateInput(input).filter((p) => p.path === `functions.0.${key}`)

/** A value the field allows that is not its default. */
function nonDefault(spec: FieldSpec): unknown {
  switch (spec.type) {
    case 'number':
    case 'whole':
      return spec.max !== spec.default ? spec.max : spec.min
    case 'boolean':
      return !spec.default
    case 'choice':
      return spec.choices!.find((c) => c.value !== spec.default)!.value
    case 'text':
      return 'x'
  }
}

const unit = (spec: FieldSpec) => (spec.unit === '%' ? ' %' : spec.unit ? ` ${spec.unit}` : '')
const ranged = CURRENT_ONLY_FIELDS.filter((f) => f.type === 'number' || f.type === 'whole')

describe('the fields table', () => {
  it('names each field, link key, widget attribute and form control once', () => {
    const all = [...FUNCTION_FIELDS, ...ACCOUNT_FIELDS]
    for (const part of ['key', 'urlKey', 'attribute', 'idSuffix'] as const) {
      const values = all.map((f) => f[part])
      expect(new Set(values).size, part).toBe(values.length)
    }
    // A function's link keys get a number for the second function on (cs2): none may end in a digit.
    for (const f of FUNCTION_FIELDS) expect(f.urlKey).not.toMatch(/\d$/)
  })

  it('holds exactly the fields readFunction reads, in its order', () => {
    expect(Object.keys(readFunction({}))).toEqual(FUNCTION_FIELDS.map((f) => f.key))
    expect([...FUNCTION_FIELD_BY_KEY.keys()]).toEqual(FUNCTION_FIELDS.map((f) => f.key))
    expect(CURRENT_ONLY_FIELDS).toEqual(FUNCTION_FIELDS.filter((f) => f.sheets === 'current'))
  })

  it('gives every current-only field what its checks need, and a default they allow', () => {
    for (const f of CURRENT_ONLY_FIELDS) {
      if (f.type === 'number' || f.type === 'whole') {
        expect(f.min, f.key).toBeTypeOf('number')
        expect(f.max, f.key).toBeTypeOf('number')
      }
      if (f.type === 'choice') expect(f.choices?.length, f.key).toBeGreaterThan(1)
      expect(fieldAllows(f, f.default), f.key).toBe(true)
      // Managed Instances' type has no default, and its hours and price are worked out (sized, on demand) when left out.
      if (!['instanceType', 'instanceHours', 'ec2PricePerHour'].includes(f.key)) expect(f.default, f.key).not.toBeUndefined()
    }
  })

  it('names the field in the classic sheet’s "ignores" sentence only for fields that sheet ignores', () => {
    for (const f of FUNCTION_FIELDS) if (f.ignoredAs !== undefined || f.ignoredBrieflyAs !== undefined) expect(f.sheets).toBe('current')
  })
})

describe('every current-only field is checked by its entry', () => {
  it.each(ranged.map((f) => [f.key, f] as const))('%s: just outside its range is refused, naming the field, the value and the range', (key, spec) => {
    const min = spec.min!
    const max = spec.max!
    for (const value of [min - 1, max + 1]) {
      const input = current({ [key]: value })
      const problems = problemsOn(input, key)
      expect(problems).toHaveLength(1)
      const message = problems[0]!.message
      expect(message.startsWith(`${spec.name} must be between ${formatPlainNumber(min)} and ${formatPlainNumber(max)}`)).toBe(true)
      expect(message).toContain(`; got ${formatPlainNumber(value)}${spec.type === 'number' ? unit(spec) : ''}.`)
      expect(plainValidInput(input)).toBeNull()
      // The classic sheet ignores the field, but a wrong value is still named.
      expect(problemsOn(classic({ [key]: value }), key)).toEqual(problems)
    }
    for (const value of [min, max]) {
      expect(validateInput(current({ [key]: value }))).toEqual([])
      // At its most, durable executions need requests at their most too, which the quick check leaves to validateInput.
      if (!(key === 'durableExecutions' && value === spec.max)) expect(plainValidInput(current({ [key]: value }))).not.toBeNull()
    }
  })

  it.each(ranged.filter((f) => f.type === 'whole').map((f) => [f.key, f] as const))('%s: a fraction is refused as not whole', (key, spec) => {
    const input = current({ [key]: spec.min! + 0.5 })
    expect(problemsOn(input, key)[0]?.message).toMatch(new RegExp(`^${spec.name} must be a whole number of ${spec.counts ?? spec.unit}; got `))
    expect(plainValidInput(input)).toBeNull()
  })

  it.each(CURRENT_ONLY_FIELDS.map((f) => [f.key, f] as const))('%s: a value of the wrong type is refused', (key, spec) => {
    const wrong = spec.type === 'boolean' ? 'yes' : spec.type === 'choice' ? 'sometimes' : 'lots'
    const input = current({ [key]: wrong })
    const problems = problemsOn(input, key)
    expect(problems).toHaveLength(1)
    expect(problems[0]!.message).toMatch(new RegExp(`^${spec.name.replace(/[@]/g, '\\$&')} must be .*; got "${wrong}"`))
    if (spec.type === 'choice') for (const c of spec.choices!) expect(problems[0]!.message).toContain(c.value)
    expect(plainValidInput(input)).toBeNull()
  })

  it('says it in the same words as before the table (two fields written out)', () => {
    expect(problemsOn(current({ initDurationMs: 10_001 }), 'initDurationMs')[0]?.message).toBe(
      'INIT duration must be between 0 and 10,000 ms (INIT is capped at 10 seconds); got 10,001 ms.',
    )
    expect(problemsOn(current({ snapStartVersions: 0 }), 'snapStartVersions')[0]?.message).toBe(
      'SnapStart versions must be between 1 and 1,000,000 versions; got 0.',
    )
    expect(problemsOn(current({ provisionedHours: -1 }), 'provisionedHours')[0]?.message).toBe(
      'Provisioned hours must be between 0 and 744 hours a month; got -1 hours a month.',
    )
  })

  it('accepts exactly what fieldAllows allows, for any value', () => {
    const anything = fc.oneof(
      fc.double(),
      fc.integer({ min: -2, max: 2_000_000 }),
      fc.integer({ min: 0, max: 1000 }).map((x) => x / 4),
      fc.boolean(),
      fc.constantFrom('off', 'java', 'priced', 'x', '5', null, undefined, Number.NaN, Infinity),
    )
    fc.assert(
      fc.property(fc.constantFrom(...CURRENT_ONLY_FIELDS), anything, (spec, value) => {
        const input = current({ [spec.key]: value })
        expect(problemsOn(input, spec.key).length === 0).toBe(fieldAllows(spec, value))
        if (!fieldAllows(spec, value)) expect(plainValidInput(input)).toBeNull()
      }),
      { numRuns: 3000, seed: 7 },
    )
  })
})

describe('the classic sheet ignores the current-only fields, by their names in the table', () => {
  const named = CURRENT_ONLY_FIELDS.filter((f) => f.ignoredAs !== undefined)

  // What the classic comparison says of each field at a value other than its default (nonDefault:
  // the most it allows, or the first other choice) on one request of 1 ms: left out where it bills
  // nothing the 2016 sheet cannot price, not comparable where it does.
  const INIT = 'Cold starts are billed as warm ones: the 2016 sheet did not bill INIT (it has been billed since 1 August 2025).'
  const SAID: Record<string, string> = {
    coldStartPercent: INIT,
    initDurationMs: INIT,
    provisionedConcurrency: 'not comparable: the 2016 sheet had no provisioned concurrency.',
    // Java: free, no cache or restore to bill.
    snapStart: 'SnapStart left out: the 2016 sheet did not have it, and it adds nothing to this bill.',
    edge: 'not comparable: the 2016 sheet had no Lambda@Edge.',
    // 200 MB a request: 194 MB of it billed.
    streamedMbPerRequest: 'not comparable: the 2016 sheet had no response streaming.',
    // No cold starts: no environment is created, nothing is billed.
    tenantIsolation: 'Tenant isolation left out: the 2016 sheet did not have it, and it adds nothing to this bill.',
    durableExecutions: 'not comparable: the 2016 sheet had no durable functions.',
    compute: 'not comparable: the 2016 sheet had no Managed Instances.',
    // Text logs: Lambda's own 264 bytes an invocation, ingested and stored.
    logFormat: 'not comparable: the 2016 sheet prices Lambda alone, not CloudWatch Logs.',
    // A function URL: no charge of its own.
    frontDoor: 'The API in front left out: the 2016 sheet prices Lambda alone, and it adds nothing to this bill.',
    // 200 MB a response, out to the internet.
    responseKb: 'not comparable: the 2016 sheet prices Lambda alone, not data transfer out.',
  }

  it('has a sentence here for every field the classic sheet ignores', () => {
    expect(named.map((f) => f.key).sort()).toEqual(Object.keys(SAID).sort())
  })

  it.each(named.map((f) => [f.key, f] as const))('%s set: named in the steps, and left out or not comparable in the comparison', (key, spec) => {
    const value = nonDefault(spec)
    expect(isFieldSet(spec, value)).toBe(true)
    const steps = calculationSteps(estimate(classic({ [key]: value }) as never)).text
    expect(steps).toContain(`The classic 2016 sheet ignores ${spec.ignoredAs}`)
    const c = compareWithSheet(current({ [key]: value }) as never, 'aws-2016')
    expect(c.available ? c.adjustments.at(-1) : c.reason).toBe(SAID[key])
  })

  it('counts a field at its default as not set', () => {
    for (const f of FUNCTION_FIELDS) expect(isFieldSet(f, f.default)).toBe(false)
    expect(setIgnoredFields({ ...base, coldStartPercent: 0, snapStart: 'off', edge: false } as FunctionInput)).toEqual([])
    expect(calculationSteps(estimate(classic({ coldStartPercent: 0, snapStart: 'off', edge: false }) as never)).text).not.toContain('ignores')
  })

  it('names cold starts once in the comparison, for the share, the INIT duration or both', () => {
    const adjustment = (fn: Record<string, unknown>) => {
      const c = compareWithSheet(current(fn) as never, 'aws-2016')
      return c.available ? c.adjustments : [c.reason]
    }
    expect(adjustment({ coldStartPercent: 1 })).toEqual([INIT])
    expect(adjustment({ initDurationMs: 200 })).toEqual([INIT])
    expect(adjustment({ coldStartPercent: 1, initDurationMs: 200 })).toEqual([INIT])
    expect(adjustment({ coldStartPercent: 1, initDurationMs: 200, snapStart: 'java', streamedMbPerRequest: 6 })).toEqual([
      INIT,
      'SnapStart and response streaming left out: the 2016 sheet did not have them, and they add nothing to this bill.',
    ])
    expect(adjustment({ coldStartPercent: 1, initDurationMs: 200, edge: true, streamedMbPerRequest: 0 })).toEqual([
      'not comparable: the 2016 sheet had no Lambda@Edge.',
    ])
  })
})

describe('the nearest field name', () => {
  it('finds a misspelt field, and nothing for a name far from every field', () => {
    expect(nearestFieldKey('memoryMB')).toBe('memoryMb')
    expect(nearestFieldKey('edg')).toBe('edge')
    expect(nearestFieldKey('durableExecution')).toBe('durableExecutions')
    expect(nearestFieldKey('costCentre')).toBeNull()
  })
})
