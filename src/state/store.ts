import { createStore, type StoreApi } from 'zustand/vanilla'
import { CURRENT_ONLY_FIELDS, type FieldSpec } from '../engine/fields'
import { characterCount, firstCharacters, MAX_NAME_LENGTH, type FunctionInput, type PriceSheetId } from '../engine/index'

/** A function field as the form keeps it: yes/no stays a boolean, one of a few words stays that word, numbers and text are the text typed. */
type DraftValue<T> = [T] extends [boolean] ? boolean : [T] extends [number] ? string : T

/**
 * One function as the user typed it, one property per field of the engine's
 * `FunctionInput` (see its documentation, and `FUNCTION_FIELDS` in
 * engine/fields.ts). Numbers are kept as the text typed, so a half-typed or
 * invalid value is never lost or rewritten; selectors parse it. Empty text in a
 * "More options" field means the engine's default, shown beside the field.
 */
export type FunctionDraft = { [K in keyof FunctionInput]-?: DraftValue<NonNullable<FunctionInput[K]>> } & {
  /** Stable identity for React keys; not part of the estimate. */
  id: string
}

/** The fields the form shows first, whose starting values are the app's own (see `defaultFunction`). */
export type BasicField = 'name' | 'memoryMb' | 'durationMs' | 'requests' | 'per' | 'architecture' | 'ephemeralStorageMb'
/** Every other field of a function: the current sheet's options, in the form's "More options" (`CURRENT_ONLY_FIELDS`). */
export type ExtraField = Exclude<keyof FunctionInput, BasicField>
/** The extra fields that hold a number (kept as the text typed). */
export type ExtraNumberField = { [K in ExtraField]: NonNullable<FunctionInput[K]> extends number ? K : never }[ExtraField]

/** The specs of the extra fields, typed by their keys. */
export const EXTRA_SPECS = CURRENT_ONLY_FIELDS as readonly FieldSpec<ExtraField>[]

/** The 2026 inputs of a function, which live in its "More" section: the current-only fields of the table. */
export const EXTRA_FIELDS: readonly ExtraField[] = EXTRA_SPECS.map((f) => f.key)

/** Whether a field's value is typed as a number (fractions allowed, or whole). */
export function isNumberSpec(spec: FieldSpec): boolean {
  return spec.type === 'number' || spec.type === 'whole'
}

/** The 2026 inputs typed as numbers (all but the choices and the yes/no ones). */
export const EXTRA_NUMBER_FIELDS = EXTRA_SPECS.filter(isNumberSpec).map((f) => f.key) as readonly ExtraNumberField[]

/** An extra field's value in a new function: empty text for a number (the engine's default), the default for the others. */
function draftDefault(spec: FieldSpec): string | boolean {
  if (spec.type === 'boolean') return spec.default === true
  if (spec.type === 'choice') return spec.default === undefined ? '' : String(spec.default)
  return ''
}

/** The extra fields' values in a new function: all unset. */
export function extraDefaults(): Pick<FunctionDraft, ExtraField> {
  return Object.fromEntries(EXTRA_SPECS.map((spec) => [spec.key, draftDefault(spec)])) as Pick<FunctionDraft, ExtraField>
}

/** Whether a draft sets an extra field: a number typed, or a choice or yes/no other than its default. */
export function isExtraSet(f: FunctionDraft, spec: FieldSpec<ExtraField>): boolean {
  const value = f[spec.key]
  return typeof value === 'string' && spec.type !== 'choice' ? value.trim() !== '' : value !== draftDefault(spec)
}

/** Whether a function sets any of the 2026 inputs (a number typed, SnapStart or Lambda@Edge on). */
export function usesExtras(f: FunctionDraft): boolean {
  return EXTRA_SPECS.some((spec) => isExtraSet(f, spec))
}

/**
 * A function's name cut to the engine's limit (MAX_NAME_LENGTH characters):
 * the store never holds a name the engine refuses, so a name can never block
 * the bill. The form says so as the user types; a link says so in its notice.
 *
 * @example fitName('x'.repeat(70)).length // 64
 */
export function fitName(name: string): string {
  return firstCharacters(name, MAX_NAME_LENGTH)
}

/** A copy's name: "api copy", its own name shortened so that " copy" fits the limit. */
function copyName(name: string): string {
  const suffix = ' copy'
  return fitName(name) === name && characterCount(name + suffix, MAX_NAME_LENGTH) <= MAX_NAME_LENGTH
    ? name + suffix
    : firstCharacters(name, MAX_NAME_LENGTH - characterCount(suffix)) + suffix
}

/** The functions with their names fitted (the same array when all fit). */
function fitNames(functions: FunctionDraft[]): FunctionDraft[] {
  return functions.some((f) => fitName(f.name) !== f.name) ? functions.map((f) => ({ ...f, name: fitName(f.name) })) : functions
}

/** Everything the user entered, and nothing derived from it. */
export interface CalculatorInputs {
  sheet: PriceSheetId
  region: string
  freeTier: boolean
  /** A Compute Savings Plan's discount, %, as typed; empty or absent: none. */
  savingsPlanPercent?: string
  /** API Gateway's 12-month free tier for new accounts (current sheet); absent: off. */
  apiGatewayFreeTier?: boolean
  functions: FunctionDraft[]
  /**
   * The ways-to-run-it comparison's settings as a link writes them, by link
   * key (`COMPARE_URL_KEYS`: `cmp`, `xv`, ...): a choice's code, `1` for yes,
   * numbers and text as typed. Absent or empty: the default.
   */
  compare?: CompareDraft
}

/** The comparison's settings as typed, by link key. */
export type CompareDraft = Partial<Record<string, string>>

export interface CalculatorActions {
  setSheet(sheet: PriceSheetId): void
  setRegion(region: string): void
  setFreeTier(freeTier: boolean): void
  setSavingsPlanPercent(text: string): void
  setApiGatewayFreeTier(on: boolean): void
  updateFunction(id: string, patch: Partial<Omit<FunctionDraft, 'id'>>): void
  addFunction(): void
  duplicateFunction(id: string): void
  removeFunction(id: string): void
  /** Replaces every input at once (a preset, a link, a reset). */
  replaceInputs(inputs: CalculatorInputs): void
}

export type CalculatorState = CalculatorInputs & CalculatorActions
export type CalculatorStore = StoreApi<CalculatorState>

/** The most functions the form offers (the engine accepts more). */
export const MAX_FORM_FUNCTIONS = 10

let nextId = 1
/** A fresh function id, unique in this page. */
export function newFunctionId(): string {
  return `fn-${nextId++}`
}

/** A new function's starting values: 512 MB, 1 s, 3M a month (the classic pricing page's first example), none of the 2026 options. */
export function defaultFunction(overrides: Partial<FunctionDraft> = {}): FunctionDraft {
  const basic: Pick<FunctionDraft, BasicField> = {
    name: '',
    memoryMb: '512',
    durationMs: '1000',
    requests: '3000000',
    per: 'month',
    architecture: 'x86_64',
    ephemeralStorageMb: '512',
  }
  return { id: newFunctionId(), ...basic, ...extraDefaults(), ...overrides }
}

/**
 * The inputs a new page starts with: today's prices (the current sheet) in
 * us-east-1, free tier on, one function. The classic 2016 sheet is one click away.
 */
export function defaultInputs(): CalculatorInputs {
  return { sheet: 'aws-current', region: 'us-east-1', freeTier: true, functions: [defaultFunction()] }
}

/**
 * A calculator store, vanilla zustand: usable without React, one per test.
 *
 * @example const store = createCalculatorStore({ sheet: 'aws-current' })
 */
export function createCalculatorStore(initial: Partial<CalculatorInputs> = {}): CalculatorStore {
  const start = { ...defaultInputs(), ...initial }
  start.functions = fitNames(start.functions)
  return createStore<CalculatorState>()((set) => ({
    ...start,
    setSheet: (sheet) => set({ sheet }),
    setRegion: (region) => set({ region }),
    setFreeTier: (freeTier) => set({ freeTier }),
    setSavingsPlanPercent: (savingsPlanPercent) => set({ savingsPlanPercent }),
    setApiGatewayFreeTier: (apiGatewayFreeTier) => set({ apiGatewayFreeTier }),
    updateFunction: (id, patch) =>
      set((s) => {
        const fitted = patch.name === undefined ? patch : { ...patch, name: fitName(patch.name) }
        return { functions: s.functions.map((f) => (f.id === id ? { ...f, ...fitted } : f)) }
      }),
    addFunction: () =>
      set((s) =>
        s.functions.length >= MAX_FORM_FUNCTIONS
          ? s
          : // Unnamed: the form calls it "Function 2", and the link carries no name for it.
            { functions: [...s.functions, defaultFunction()] },
      ),
    duplicateFunction: (id) =>
      set((s) => {
        const at = s.functions.findIndex((f) => f.id === id)
        if (at === -1 || s.functions.length >= MAX_FORM_FUNCTIONS) return s
        const source = s.functions[at]!
        const copy = { ...source, id: newFunctionId(), name: source.name ? copyName(source.name) : '' }
        return { functions: [...s.functions.slice(0, at + 1), copy, ...s.functions.slice(at + 1)] }
      }),
    removeFunction: (id) => set((s) => (s.functions.length <= 1 ? s : { functions: s.functions.filter((f) => f.id !== id) })),
    replaceInputs: (inputs) =>
      set({
        sheet: inputs.sheet,
        region: inputs.region,
        freeTier: inputs.freeTier,
        savingsPlanPercent: inputs.savingsPlanPercent ?? '',
        apiGatewayFreeTier: inputs.apiGatewayFreeTier === true,
        functions: fitNames(inputs.functions),
        compare: inputs.compare,
      }),
  }))
}

/** Just the inputs of a state, without its actions. */
export function inputsOf(state: CalculatorInputs): CalculatorInputs {
  const inputs: CalculatorInputs = {
    sheet: state.sheet,
    region: state.region,
    freeTier: state.freeTier,
    functions: state.functions,
    compare: state.compare,
  }
  if (state.savingsPlanPercent) inputs.savingsPlanPercent = state.savingsPlanPercent
  if (state.apiGatewayFreeTier) inputs.apiGatewayFreeTier = true
  return inputs
}
