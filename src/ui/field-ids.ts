import { FUNCTION_FIELD_BY_KEY } from '../engine/fields'
import type { FunctionField } from '../state/selectors'

/**
 * The id of a function's field control, shared by the form that renders it and
 * the problem list that focuses it: `fn-2-memory` is function 2's memory (the
 * field's `idSuffix` in engine/fields.ts).
 */
export function functionFieldId(functionNumber: number, field: FunctionField): string {
  return `fn-${functionNumber}-${FUNCTION_FIELD_BY_KEY.get(field)?.idSuffix ?? field}`
}
