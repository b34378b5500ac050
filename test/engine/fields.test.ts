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
  type FieldSpec,
  type FunctionInput,
} from '../../src/engine/index'
import { fieldAllows, isFieldSet, setIgnoredFields } from '../../src/engine/fields'
import { readFunction } from '../../src/engine/validate'

// One request of 1 ms: every current-only field can take any allowed value on
// it (provisioned environments always have room for it).
const base = { memoryMb: 512, durationMs: 1, requests: 1 }
const current = (fn: Record<string, unknown>) => ({ sheet: 'aws-current', functions: [{ ...base, ...fn }] })
const classic = (fn: Record<string, unknown>) => ({ sheet: 'aws-2016', functions: [{ ...base, ...fn }] })

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
      expect(f.default, f.key).not.toBeUndefined()
    }
  })

  it('names the field in the classic sheet’s "ignores" sentence only for fields that sheet ignores', () => {
    for (const f of FUNCTION_FIELDS) if (f.ignoredAs !== undefined || f.ignoredBrieflyAs !== undefined) expect(f.sheets).toBe('current')
  })
})

describe('the classic sheet ignores the current-only fields, by their names in the table', () => {
  const named = CURRENT_ONLY_FIELDS.filter((f) => f.ignoredAs !== undefined)

  it.each(named.map((f) => [f.key, f] as const))('%s set: named in the steps and in the comparison', (key, spec) => {
    const value = nonDefault(spec)
    expect(isFieldSet(spec, value)).toBe(true)
    const steps = calculationSteps(estimate(classic({ [key]: value }) as never)).text
    expect(steps).toContain(`The classic 2016 sheet ignores ${spec.ignoredAs}`)
    const c = compareWithSheet(current({ [key]: value }) as never, 'aws-2016')
    expect(c.available && c.adjustments.at(-1)).toBe(
      `${spec.ignoredBrieflyAs ?? spec.ignoredAs} not billed: Classic (2016): 100 ms billing ignores them.`,
    )
  })

  it('counts a field at its default as not set', () => {
    for (const f of FUNCTION_FIELDS) expect(isFieldSet(f, f.default)).toBe(false)
    expect(setIgnoredFields({ ...base, coldStartPercent: 0, snapStart: 'off', edge: false } as FunctionInput)).toEqual([])
    expect(calculationSteps(estimate(classic({ coldStartPercent: 0, snapStart: 'off', edge: false }) as never)).text).not.toContain('ignores')
  })

  it('names cold starts once in the comparison, for the share, the INIT duration or both', () => {
    const adjustment = (fn: Record<string, unknown>) => {
      const c = compareWithSheet(current(fn) as never, 'aws-2016')
      return c.available ? c.adjustments : []
    }
    const said = ['cold starts not billed: Classic (2016): 100 ms billing ignores them.']
    expect(adjustment({ coldStartPercent: 1 })).toEqual(said)
    expect(adjustment({ initDurationMs: 200 })).toEqual(said)
    expect(adjustment({ coldStartPercent: 1, initDurationMs: 200 })).toEqual(said)
    expect(adjustment({ coldStartPercent: 1, initDurationMs: 200, edge: true, streamedMbPerRequest: 0 })).toEqual([
      'cold starts, Lambda@Edge not billed: Classic (2016): 100 ms billing ignores them.',
    ])
  })
})

describe('the nearest field name', () => {
  it('finds a misspelt field, and nothing for a name far from every field', () => {
    expect(nearestFieldKey('memoryMB')).toBe('memoryMb')
    expect(nearestFieldKey('edg')).toBe('edge')
    expect(nearestFieldKey('durableExecution')).toBeNull()
  })
})
