/**
 * `lambda-cost-engine/aws-2016`: the engine bound to the classic 2016 price
 * sheet (100 ms rounding, $0.20 per million requests, $0.00001667 per GB-s,
 * x86_64 only). The same estimates, totals and problems as the main entry gives
 * for `sheet: 'aws-2016'`; `sheet` may be left out. An input naming another
 * sheet is a problem at `sheet`, not a bill.
 */
import { estimate as estimateAny } from '../estimate'
import { estimateTotal as estimateTotalAny } from '../estimate-total'
import type { Estimate, EstimateInput, EstimateTotal, InputProblem } from '../types'
import { InvalidInputError, isObject, validateInput as validateAny } from '../validate'

export type {
  Architecture,
  BillLine,
  Estimate,
  EstimateTotal,
  FreeTierUsage,
  FunctionInput,
  FunctionUsage,
  InputProblem,
  LineKind,
  LineTotal,
  PriceSheetInfo,
  QuantityUnit,
  RequestUnit,
} from '../types'
export { InvalidInputError }

/** The one sheet this entry prices. */
export const SHEET = 'aws-2016'

/**
 * An estimate input on the classic sheet: as `EstimateInput`, with `sheet`
 * optional (it can only be `'aws-2016'`).
 *
 * @example const input: ClassicEstimateInput = { functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }
 */
export type ClassicEstimateInput = Omit<EstimateInput, 'sheet'> & { sheet?: typeof SHEET }

/** The input on the classic sheet, or the problem with its `sheet`; anything not an object goes through as given (validation names it). */
function bound(input: unknown): { input: unknown; problem: InputProblem | null } {
  if (!isObject(input)) return { input, problem: null }
  const sheet = input.sheet
  if (sheet === undefined) return { input: { ...input, sheet: SHEET }, problem: null }
  if (sheet === SHEET) return { input, problem: null }
  return {
    input,
    problem: {
      path: 'sheet',
      message: `lambda-cost-engine/aws-2016 prices the classic 2016 sheet only; got sheet ${JSON.stringify(sheet) ?? String(sheet)}. Leave sheet out or set it to "aws-2016"; the current sheet is priced by lambda-cost-engine.`,
    },
  }
}

/**
 * Every problem with a classic-sheet input, all at once; `[]` when it is valid.
 * The same problems as the main entry's `validateInput` with `sheet: 'aws-2016'`.
 *
 * @example validateInput({ functions: [{ memoryMb: 4096, durationMs: 1000, requests: 1 }] })[0].path // 'functions.0.memoryMb'
 */
export function validateInput(input: unknown): InputProblem[] {
  const b = bound(input)
  return b.problem ? [b.problem] : validateAny(b.input)
}

/**
 * The monthly bill on the classic sheet, exact to the cent, in full (lines,
 * shares, free tier used, assumptions). Throws `InvalidInputError` carrying
 * every problem.
 *
 * @example
 * estimate({ functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }).totalCents // 1874 ($0.40 requests + $18.34 compute)
 */
export function estimate(input: ClassicEstimateInput): Estimate {
  const b = bound(input)
  if (b.problem) throw new InvalidInputError([b.problem])
  return estimateAny(b.input as EstimateInput)
}

/**
 * The monthly bill's total and each line's cents on the classic sheet, as
 * `estimate` gives them, at a small part of the cost. Throws
 * `InvalidInputError` carrying every problem.
 *
 * @example
 * estimateTotal({ functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }).totalCents // 1874
 */
export function estimateTotal(input: ClassicEstimateInput): EstimateTotal {
  const b = bound(input)
  if (b.problem) throw new InvalidInputError([b.problem])
  return estimateTotalAny(b.input as EstimateInput)
}
