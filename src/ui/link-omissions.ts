import { useCalculator } from '../state/react'
import type { CalculatorInputs } from '../state/store'
import { encodeLink, MAX_URL_VALUE_LENGTH, type Field, type LinkOmission } from '../state/url-codec'
import { formatNumber } from './format'

let last: { inputs: CalculatorInputs; omitted: LinkOmission[] } | undefined

/** What the link leaves out for these inputs; recomputed only when an input changes. */
function omissionsOf(inputs: CalculatorInputs): LinkOmission[] {
  if (
    !last ||
    last.inputs.functions !== inputs.functions ||
    last.inputs.sheet !== inputs.sheet ||
    last.inputs.region !== inputs.region ||
    last.inputs.freeTier !== inputs.freeTier
  ) {
    const { sheet, region, freeTier, functions } = inputs
    last = { inputs: { sheet, region, freeTier, functions }, omitted: encodeLink(inputs).omitted }
  }
  return last.omitted
}

/**
 * Every value the shareable link leaves out for the current inputs; the same
 * array until an input changes.
 */
export function useLinkOmissions(): readonly LinkOmission[] {
  return useCalculator((s) => omissionsOf(s))
}

/**
 * The sentence to show beside a field whose value the shareable link leaves
 * out, or undefined when the link carries it.
 */
export function useLinkNote(functionIndex: number, field: Field): string | undefined {
  const reason = useCalculator((s) => omissionsOf(s).find((o) => o.functionIndex === functionIndex && o.field === field)?.reason)
  if (reason === 'too-long') {
    return `Not saved in the link: it is over ${formatNumber(MAX_URL_VALUE_LENGTH)} characters, more than a link carries. The field keeps it.`
  }
  if (reason === 'link-full') return 'Not saved in the link: the link would pass 2,000 characters. The field keeps it.'
  return undefined
}
