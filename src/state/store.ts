import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Architecture, PriceSheetId, RequestUnit, SnapStartMode } from '../engine/index'

/**
 * One function as the user typed it. Numbers are kept as the text typed, so a
 * half-typed or invalid value is never lost or rewritten; selectors parse it.
 */
export interface FunctionDraft {
  /** Stable identity for React keys; not part of the estimate. */
  id: string
  name: string
  memoryMb: string
  durationMs: string
  requests: string
  per: RequestUnit
  architecture: Architecture
  ephemeralStorageMb: string
  // The 2026 inputs (current sheet only). Empty text means the engine's default,
  // shown beside each field; typed text is kept as typed, like the fields above.
  /** Share of on-demand invocations that start cold, %; empty: 0. */
  coldStartPercent: string
  /** INIT (or SnapStart restore) duration of a cold start, ms; empty: 0. */
  initDurationMs: string
  /** Provisioned environments; empty: 0. */
  provisionedConcurrency: string
  /** Hours a month provisioned concurrency is enabled; empty: 730. */
  provisionedHours: string
  /** Share of requests served by provisioned environments, %; empty: 100. */
  provisionedSharePercent: string
  snapStart: SnapStartMode
  /** SnapStart versions cached; empty: 1. */
  snapStartVersions: string
  /** Hours a month each cached version is active; empty: 730. */
  snapStartCacheHours: string
  edge: boolean
  /** Average MB streamed per request; empty: 0. */
  streamedMbPerRequest: string
}

/** The 2026 inputs of a function, which live in its "More" section. */
export const EXTRA_FIELDS = [
  'coldStartPercent',
  'initDurationMs',
  'provisionedConcurrency',
  'provisionedHours',
  'provisionedSharePercent',
  'snapStart',
  'snapStartVersions',
  'snapStartCacheHours',
  'edge',
  'streamedMbPerRequest',
] as const satisfies readonly (keyof FunctionDraft)[]

/** The 2026 inputs typed as numbers (all but `snapStart` and `edge`). */
export const EXTRA_NUMBER_FIELDS = [
  'coldStartPercent',
  'initDurationMs',
  'provisionedConcurrency',
  'provisionedHours',
  'provisionedSharePercent',
  'snapStartVersions',
  'snapStartCacheHours',
  'streamedMbPerRequest',
] as const satisfies readonly (keyof FunctionDraft)[]

/** Whether a function sets any of the 2026 inputs (a number typed, SnapStart or Lambda@Edge on). */
export function usesExtras(f: FunctionDraft): boolean {
  return f.snapStart !== 'off' || f.edge || EXTRA_NUMBER_FIELDS.some((field) => f[field].trim() !== '')
}

/** Everything the user entered, and nothing derived from it. */
export interface CalculatorInputs {
  sheet: PriceSheetId
  region: string
  freeTier: boolean
  functions: FunctionDraft[]
}

export interface CalculatorActions {
  setSheet(sheet: PriceSheetId): void
  setRegion(region: string): void
  setFreeTier(freeTier: boolean): void
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
  return {
    id: newFunctionId(),
    name: '',
    memoryMb: '512',
    durationMs: '1000',
    requests: '3000000',
    per: 'month',
    architecture: 'x86_64',
    ephemeralStorageMb: '512',
    coldStartPercent: '',
    initDurationMs: '',
    provisionedConcurrency: '',
    provisionedHours: '',
    provisionedSharePercent: '',
    snapStart: 'off',
    snapStartVersions: '',
    snapStartCacheHours: '',
    edge: false,
    streamedMbPerRequest: '',
    ...overrides,
  }
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
  return createStore<CalculatorState>()((set) => ({
    ...start,
    setSheet: (sheet) => set({ sheet }),
    setRegion: (region) => set({ region }),
    setFreeTier: (freeTier) => set({ freeTier }),
    updateFunction: (id, patch) => set((s) => ({ functions: s.functions.map((f) => (f.id === id ? { ...f, ...patch } : f)) })),
    addFunction: () =>
      set((s) =>
        s.functions.length >= MAX_FORM_FUNCTIONS
          ? s
          : { functions: [...s.functions, defaultFunction({ name: `function-${s.functions.length + 1}` })] },
      ),
    duplicateFunction: (id) =>
      set((s) => {
        const at = s.functions.findIndex((f) => f.id === id)
        if (at === -1 || s.functions.length >= MAX_FORM_FUNCTIONS) return s
        const source = s.functions[at]!
        const copy = { ...source, id: newFunctionId(), name: source.name ? `${source.name} copy` : '' }
        return { functions: [...s.functions.slice(0, at + 1), copy, ...s.functions.slice(at + 1)] }
      }),
    removeFunction: (id) => set((s) => (s.functions.length <= 1 ? s : { functions: s.functions.filter((f) => f.id !== id) })),
    replaceInputs: (inputs) => set({ sheet: inputs.sheet, region: inputs.region, freeTier: inputs.freeTier, functions: inputs.functions }),
  }))
}

/** Just the inputs of a state, without its actions. */
export function inputsOf(state: CalculatorInputs): CalculatorInputs {
  return { sheet: state.sheet, region: state.region, freeTier: state.freeTier, functions: state.functions }
}
