import {
  stripUnsafeCharacters,
  estimate,
  validateInput,
  type Estimate,
  type EstimateInput,
  type FunctionInput,
  type FunctionUsage,
  type InputProblem,
  type PriceSheetId,
} from '../engine/index'
import { FUNCTION_FIELDS, type FieldSpec } from '../engine/fields'
import { EXTRA_SPECS, isExtraSet, isNumberSpec, type CalculatorInputs, type FunctionDraft } from './store'

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i
/** Thousands groups of exactly three digits: "3,000,000", "1 500.25", "10_000". */
// Spaces include the no-break spaces that French and other locales group with
// (U+00A0, U+202F): "1 000 000" copied from a document reads as a million.
const GROUPED = /^[+-]?\d{1,3}(?:([, _\u00a0\u202f])\d{3})(?:\1\d{3})*(?:\.\d*)?$/
/** A double keeps 15 significant decimal digits exactly, whatever the magnitude. */
const MAX_SIGNIFICANT_DIGITS = 15

function significantDigits(numberText: string): number {
  const mantissa = numberText.replace(/^[+-]/, '').replace(/e.*$/i, '').replace('.', '')
  return mantissa.replace(/^0+/, '').replace(/0+$/, '').length
}

/**
 * A typed number: "3e6", "3,000,000", "1 500" and "0.5" are numbers. Anything
 * else, including a decimal comma ("0,5"), more digits than a number keeps
 * exactly, and numbers no double holds ("1e309", "1e-400"), is returned as the trimmed text, so the engine's message quotes it
 * rather than the calculator silently using another number.
 */
export function parseNumberText(text: string): number | string {
  const trimmed = text.trim()
  const plain = GROUPED.test(trimmed) ? trimmed.replace(/[, _\u00a0\u202f]/g, '') : trimmed
  if (!NUMBER_TEXT.test(plain) || significantDigits(plain) > MAX_SIGNIFICANT_DIGITS) return trimmed
  const value = Number(plain)
  // 1e309 reads as Infinity and 1e-400 as 0: the engine quotes what was typed instead.
  return Number.isFinite(value) && (value !== 0 || significantDigits(plain) === 0) ? value : trimmed
}

/** The fields of a function the form edits, by the engine's names. */
export type FunctionField = Exclude<keyof FunctionDraft, 'id'>

/**
 * The visible label of each field, for messages that point at it: each
 * function field's label in the table (engine/fields.ts), and the account's.
 */
export const FIELD_LABELS = Object.fromEntries([
  ...FUNCTION_FIELDS.map((f) => [f.key, f.label]),
  // As in ACCOUNT_FIELDS (a test checks): importing that table for three labels would add its unused texts to the initial JavaScript.
  ['sheet', 'Price sheet'],
  ['region', 'Region'],
  ['freeTier', 'Include free tier'],
  ['savingsPlanPercent', 'Compute Savings Plan (%)'],
  ['apiGatewayFreeTier', 'API Gateway free tier (new accounts)'],
  ['functions', 'Functions'],
]) as Readonly<Record<LabelledField, string>>

/** The fields a problem can point at: a function's, the account's, or the list of functions. */
type LabelledField = FunctionField | 'sheet' | 'region' | 'freeTier' | 'savingsPlanPercent' | 'apiGatewayFreeTier' | 'functions'

/** A problem placed on the form: which field, which function, and the engine's words. */
export interface FieldProblem {
  /** `${functionId}.${field}` for a function's field, or the global field's name. */
  key: string
  field: keyof typeof FIELD_LABELS
  /** 1-based function number, for function fields. */
  functionNumber?: number
  message: string
}

/** The inputs as the engine sees them, with every problem placed on its field. */
export interface FormResult {
  input: EstimateInput
  problems: FieldProblem[]
  /** Problems by `key`, for the fields. */
  errors: Readonly<Record<string, string>>
}

/** The estimate, or why there is none. */
export type EstimateResult = { status: 'ok'; estimate: Estimate; input: EstimateInput } | { status: 'invalid'; problems: FieldProblem[] }

function draftToFunction(f: FunctionDraft, sheet: PriceSheetId): FunctionInput {
  const fn = {
    memoryMb: parseNumberText(f.memoryMb),
    durationMs: parseNumberText(f.durationMs),
    requests: parseNumberText(f.requests),
    per: f.per,
  } as FunctionInput
  // Bidi controls and invisible characters would reorder the steps and labels around a name.
  const name = stripUnsafeCharacters(f.name).trim()
  if (name) fn.name = name
  // The classic sheet has neither arm64 nor sized storage, nor any of the 2026
  // inputs: those fields are off (or ignored) there.
  if (sheet !== 'aws-2016') {
    fn.architecture = f.architecture
    fn.ephemeralStorageMb = parseNumberText(f.ephemeralStorageMb) as number
    addExtras(fn, f)
  }
  return fn
}

/**
 * Adds the 2026 inputs a draft sets to an engine function (the current-only
 * fields of the table): an empty number is left out (the engine's default), a
 * choice or a yes/no only when it differs from its default.
 */
export function addExtras(fn: FunctionInput, f: FunctionDraft): void {
  const target = fn as unknown as Record<string, unknown>
  for (const spec of EXTRA_SPECS) if (isExtraSet(f, spec)) target[spec.key] = engineValue(spec, f[spec.key])
}

/** A draft's value as the engine reads it: numbers parsed, text without unsafe characters, choices and yes/no as they are. */
function engineValue(spec: FieldSpec, value: string | boolean): unknown {
  if (typeof value !== 'string' || spec.type === 'choice') return value
  return isNumberSpec(spec) ? parseNumberText(value) : stripUnsafeCharacters(value).trim()
}

/** The engine input for what the user entered; it may be invalid. */
export function toEstimateInput(inputs: CalculatorInputs): EstimateInput {
  const input: EstimateInput = {
    sheet: inputs.sheet,
    freeTier: inputs.freeTier,
    functions: inputs.functions.map((f) => draftToFunction(f, inputs.sheet)),
  }
  if (inputs.sheet !== 'aws-2016') {
    input.region = inputs.region
    const plan = (inputs.savingsPlanPercent ?? '').trim()
    if (plan !== '') input.savingsPlanPercent = parseNumberText(plan) as number
    if (inputs.apiGatewayFreeTier) input.apiGatewayFreeTier = true
  }
  return input
}

/** Places an engine problem on the form: a function's field (by the function's id), or an account field. */
export function placeProblem(p: InputProblem, functions: FunctionDraft[]): FieldProblem {
  const m = /^functions\.(\d+)\.(\w+)$/.exec(p.path)
  if (m) {
    const index = Number(m[1])
    const field = m[2] as FunctionField
    return { key: `${functions[index]?.id}.${field}`, field, functionNumber: index + 1, message: p.message }
  }
  const field = (p.path.split('.')[0] || 'functions') as FieldProblem['field']
  return { key: field, field, message: p.message }
}

/** Caches the last result, keyed on the identity of each input field. */
function memoOnInputs<T>(compute: (inputs: CalculatorInputs) => T): (inputs: CalculatorInputs) => T {
  let last: CalculatorInputs | undefined
  let value: T
  return (inputs) => {
    if (
      !last ||
      last.sheet !== inputs.sheet ||
      last.region !== inputs.region ||
      last.freeTier !== inputs.freeTier ||
      last.savingsPlanPercent !== inputs.savingsPlanPercent ||
      last.apiGatewayFreeTier !== inputs.apiGatewayFreeTier ||
      last.functions !== inputs.functions
    ) {
      value = compute(inputs)
      last = {
        sheet: inputs.sheet,
        region: inputs.region,
        freeTier: inputs.freeTier,
        savingsPlanPercent: inputs.savingsPlanPercent,
        apiGatewayFreeTier: inputs.apiGatewayFreeTier,
        functions: inputs.functions,
      }
    }
    return value
  }
}

/**
 * Selectors derive everything from the inputs; each store gets its own set,
 * so two calculators on one page never share a cache.
 */
export function createSelectors() {
  const selectForm = memoOnInputs((inputs): FormResult => {
    const input = toEstimateInput(inputs)
    const problems = validateInput(input).map((p) => placeProblem(p, inputs.functions))
    const errors: Record<string, string> = {}
    for (const p of problems) errors[p.key] ??= p.message
    return { input, problems, errors }
  })

  const selectEstimate = memoOnInputs((inputs): EstimateResult => {
    const form = selectForm(inputs)
    if (form.problems.length > 0) return { status: 'invalid', problems: form.problems }
    // The exact path directly: the result shows every line's quantity and price, which need the exact bill anyway.
    return { status: 'ok', estimate: estimate(form.input), input: form.input }
  })

  /** Each function's share of the bill, or null while the inputs are invalid; the same array until an input changes. */
  const selectFunctionCosts = memoOnInputs((inputs): FunctionCost[] | null => {
    const result = selectEstimate(inputs)
    if (result.status !== 'ok') return null
    const total = result.estimate.totalCents
    return result.estimate.functions.map((f) =>
      f.beside ? { cents: f.cents, usd: f.usd, totalCents: total, beside: f.beside } : { cents: f.cents, usd: f.usd, totalCents: total },
    )
  })

  /**
   * One function's problems, by field: the same object while they do not
   * change, so a keystroke re-renders only the card it was typed in.
   */
  const functionErrors = new Map<string, Record<string, string>>()
  const selectFunctionErrors = (inputs: CalculatorInputs, id: string): Record<string, string> => {
    const all = selectForm(inputs).errors
    const prefix = `${id}.`
    const mine: Record<string, string> = {}
    let count = 0
    for (const key in all) {
      if (key.startsWith(prefix)) {
        mine[key.slice(prefix.length)] = all[key]!
        count++
      }
    }
    const previous = functionErrors.get(id)
    if (previous && Object.keys(previous).length === count && Object.entries(previous).every(([k, v]) => mine[k] === v)) return previous
    functionErrors.set(id, mine)
    return mine
  }

  return { selectForm, selectEstimate, selectFunctionCosts, selectFunctionErrors }
}

/** One function's share of the monthly bill (the engine's per-function cost). */
export interface FunctionCost {
  /** Whole cents, a number like `Estimate.totalCents`. */
  cents: number
  /** Exact dollars with two places, e.g. `"18.73"`. */
  usd: string
  /** The whole bill, cents. */
  totalCents: number
  /** Its shares of compute and of the services beside Lambda, where it has the latter. */
  beside?: FunctionUsage['beside']
}

export type Selectors = ReturnType<typeof createSelectors>
