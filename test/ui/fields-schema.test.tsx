import { within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ACCOUNT_FIELDS, CURRENT_ONLY_FIELDS, FUNCTION_FIELDS, type FieldSpec } from '../../src/engine/fields'
import { validateInput } from '../../src/engine/index'
import { embedSnippets } from '../../src/app/embed-snippet'
import { ATTRIBUTES, attributeForKey, attributesToQuery } from '../../src/embed/protocol'
import { FIELD_LABELS, toEstimateInput } from '../../src/state/selectors'
import { defaultFunction, defaultInputs, EXTRA_FIELDS, usesExtras, type CalculatorInputs, type FunctionDraft } from '../../src/state/store'
import { decode, encode, encodeLink } from '../../src/state/url-codec'
import { functionFieldId } from '../../src/ui/field-ids'
import { keepUnitsWhole } from '../../src/ui/format'
import { FunctionList } from '../../src/ui/function-list'
import { renderWithStore } from './render'

// A new input, as an engineer would add it: one entry in the table (and, for
// the engine, its property in FunctionInput). Added here to the real table for
// this file only; everything below is table-driven, so it covers every
// current-only field, the fake one included, and any added later.
const FAKE = vi.hoisted((): FieldSpec<string> => ({
  key: 'exampleWidgets',
  type: 'number',
  label: 'Example widgets (thousands)',
  name: 'Example widgets',
  min: 0,
  max: 1000,
  default: 0,
  urlKey: 'xw',
  attribute: 'example-widgets',
  idSuffix: 'example-widgets',
  hint: '0–1,000; empty is 0. A made-up field: nothing outside the table knows it.',
  sheets: 'current',
  group: 'more',
}))

vi.mock('../../src/engine/fields', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/fields')>()
  const fields = [...real.FUNCTION_FIELDS, FAKE]
  // The table's own derived lists, as fields.ts derives them.
  return {
    ...real,
    FUNCTION_FIELDS: fields,
    FUNCTION_FIELD_BY_KEY: new Map(fields.map((f) => [f.key, f])),
    CURRENT_ONLY_FIELDS: fields.filter((f) => f.sheets === 'current'),
  }
})

type Draft = FunctionDraft & Record<string, string | boolean>
type Value = string | boolean

/** A value other than the field's default, as the draft keeps it, that the engine accepts (with the field's display condition set too). */
function sampleValue(spec: FieldSpec): Value {
  if (spec.type === 'boolean') return spec.default !== true
  const low = spec.min ?? 0
  const candidates: Value[] = spec.choices
    ? spec.choices.map((c) => c.value)
    : [low + 1, low + 2, 10, 100, spec.max ?? 1000].filter((n) => n <= (spec.max ?? Infinity)).map(String)
  const accepted = candidates.find(
    (v) =>
      v !== spec.default &&
      v !== String(spec.default) &&
      validateInput(toEstimateInput({ ...defaultInputs(), functions: [withField(spec, v)] })).length === 0,
  )
  if (accepted === undefined) throw new Error(`no sample value for ${spec.key}`)
  return accepted
}

/** The value a link (or an attribute's alias) writes for it. */
function linkText(spec: FieldSpec, value: Value): string {
  if (typeof value === 'boolean') return value ? '1' : '0'
  return spec.choices?.find((c) => c.value === value)?.code ?? value
}

/** The field set to `value`, with whatever its form display condition needs set too (SnapStart priced for its versions...). */
function withField(spec: FieldSpec, value: Value, base: FunctionDraft = defaultFunction()): Draft {
  const fn = { ...base } as Draft
  const when = spec.shownWhen
  // A Managed Instances function needs 2 GB or more and an instance type of its architecture.
  if (spec.key === 'compute' || when?.key === 'compute') Object.assign(fn, { memoryMb: '2048', architecture: 'arm64', instanceType: 'm7g.xlarge' })
  if (when) {
    const other = FUNCTION_FIELDS.find((f) => f.key === when.key)!
    ;(fn as Record<string, Value>)[when.key] = when.equals ?? sampleValue(other)
  }
  fn[spec.key] = value
  return fn
}

const current = CURRENT_ONLY_FIELDS as readonly FieldSpec<string>[]

describe('the fields table', () => {
  it('has the fake field among the current-only ones, so the tests below cover it', () => {
    expect(current.map((f) => f.key)).toContain('exampleWidgets')
    expect(current.length).toBeGreaterThanOrEqual(11)
  })

  it('puts exactly the current-only fields in "More options" or "Beside Lambda", and keeps every key, attribute and id unique', () => {
    expect(FUNCTION_FIELDS.filter((f) => f.group === 'more' || f.group === 'beside')).toEqual(CURRENT_ONLY_FIELDS)
    for (const column of ['key', 'urlKey', 'attribute', 'idSuffix'] as const) {
      const values = FUNCTION_FIELDS.map((f) => f[column])
      expect(new Set(values).size, column).toBe(values.length)
    }
  })

  it('labels the account fields as ACCOUNT_FIELDS does', () => {
    for (const f of ACCOUNT_FIELDS) expect(FIELD_LABELS[f.key]).toBe(f.label)
  })
})

describe.each(current.map((spec) => [spec.key, spec] as const))('%s, from the table alone', (key, spec) => {
  const value = sampleValue(spec)

  it('is in a new function’s draft, unset, and in the store’s extras', () => {
    const fn = defaultFunction() as Draft
    expect(fn).toHaveProperty(key)
    // A choice without a default (the instance type) is unchosen: empty.
    expect(fn[key]).toBe(spec.type === 'boolean' || spec.choices ? (spec.default ?? '') : '')
    expect(EXTRA_FIELDS).toContain(key)
    expect(usesExtras(fn)).toBe(false)
    expect(usesExtras(withField(spec, value))).toBe(true)
  })

  it('reaches the engine’s input, and so the JSON export, on the current sheet only', () => {
    const inputs: CalculatorInputs = { ...defaultInputs(), functions: [withField(spec, value)] }
    const engineValue = typeof value === 'string' && !spec.choices ? Number(value) : value
    expect(toEstimateInput(inputs).functions[0]).toHaveProperty(key, engineValue)
    expect(toEstimateInput({ ...inputs, sheet: 'aws-2016' }).functions[0]).not.toHaveProperty(key)
  })

  it('round-trips through a link, on function 1 and function 2 (key and key2)', () => {
    const base = defaultInputs()
    const second = defaultFunction({ name: 'two' })
    for (const [index, linkKey] of [
      [0, spec.urlKey],
      [1, `${spec.urlKey}2`],
    ] as const) {
      const functions = [base.functions[0]!, second]
      functions[index] = withField(spec, value, functions[index])
      const query = encode({ ...base, functions })
      expect(new URLSearchParams(query).get(linkKey)).toBe(linkText(spec, value))
      const read = decode(query)
      expect(read.problems).toEqual([])
      expect((read.inputs.functions[index] as Draft)[key]).toBe(value)
      expect((read.inputs.functions[1 - index] as Draft)[key]).toBe((defaultFunction() as Draft)[key])
    }
  })

  it('is a widget attribute that maps to its link key, and the embed snippet writes it', () => {
    expect(ATTRIBUTES[spec.attribute]?.key).toBe(spec.urlKey)
    expect(attributeForKey(spec.urlKey)).toBe(spec.attribute)
    // A choice's attribute takes its value (or its code); a yes/no one, true or false.
    const attributeValue = typeof value === 'boolean' ? String(value) : value
    expect(attributesToQuery((name) => (name === spec.attribute ? attributeValue : null))).toBe(`${spec.urlKey}=${linkText(spec, value)}`)
    const snippet = embedSnippets({ ...defaultInputs(), functions: [withField(spec, value)] }, 'https://calc.example/').script
    expect(snippet).toContain(` ${spec.attribute}="${attributeValue}"`)
  })

  it('has its label in FIELD_LABELS and its control id from the table', () => {
    expect(FIELD_LABELS[key as keyof typeof FIELD_LABELS]).toBe(spec.label)
    expect(functionFieldId(2, key as never)).toBe(`fn-2-${spec.idSuffix}`)
  })

  const sectionTitle = spec.group === 'beside' ? 'Beside Lambda' : 'More options'
  it(`is in "${sectionTitle}": a labelled control with its hint, on function 1 and function 2`, () => {
    const fn = withField(spec, value)
    renderWithStore(<FunctionList />, { functions: [fn, { ...fn, id: 'second' }] })
    for (const [number, suffix] of [
      [1, ''],
      [2, ' (function 2)'],
    ] as const) {
      const group = document.getElementById(`fn-${number}-${spec.group}`)!
      expect(group).toHaveAccessibleName(expect.stringMatching(new RegExp(`^${sectionTitle}`)))
      const control = within(group).getByLabelText(`${spec.label}${suffix}`)
      expect(control).toHaveAttribute('id', `fn-${number}-${spec.idSuffix}`)
      if (typeof value === 'boolean') expect(control).toBeChecked()
      else expect(control).toHaveValue(value)
      // The hint as shown: units such as GB-months with a non-breaking hyphen.
      if (spec.hint) expect(control).toHaveAccessibleDescription(expect.stringContaining(keepUnitsWhole(spec.hint)))
    }
  })

  if (spec.type === 'number' || spec.type === 'whole') {
    it('shows the engine’s problem on its own control, and says when the link leaves its value out', () => {
      const bad = 'x'.repeat(101)
      const fn = withField(spec, bad)
      const inputs = { ...defaultInputs(), functions: [fn] }
      renderWithStore(<FunctionList />, inputs)
      const control = document.getElementById(`fn-1-${spec.idSuffix}`)!
      // Too long for a link: the field keeps it and says so.
      expect(encodeLink(inputs).omitted.map((o) => o.key)).toContain(spec.urlKey)
      expect(control).toHaveAccessibleDescription(expect.stringContaining('Not saved in the link'))
      // Where the engine checks the field (the fake one it does not know), its message is on this control.
      const problem = validateInput(toEstimateInput(inputs)).find((p) => p.path === `functions.0.${key}`)
      if (problem) {
        expect(control).toHaveAttribute('aria-invalid', 'true')
        expect(control).toHaveAccessibleDescription(expect.stringContaining(keepUnitsWhole(problem.message)))
      }
    })
  }
})
