// lambda-cost-widget: <lambda-cost-calculator>, the calculator's docs widget,
// for pages that bundle their scripts. The element is embed.js's own
// (src/embed/element.ts); only where it finds the calculator differs.
import { calculatorUrl, CHANGE_EVENT, defineCalculatorElement, TAG } from '../../../src/embed/element'

declare const __DEFAULT_CALCULATOR__: string | undefined

/** The calculator an element shows when it names none: where it is deployed, set when the package is built. */
export const DEFAULT_CALCULATOR: string = typeof __DEFAULT_CALCULATOR__ === 'string' ? __DEFAULT_CALCULATOR__ : 'https://calc.example.com/'

export { CHANGE_EVENT, TAG }

/**
 * Defines `<lambda-cost-calculator>`, showing the calculator at
 * `options.calculator` (default DEFAULT_CALCULATOR) unless an element names
 * another with its `calculator` attribute. Once per page: later calls do
 * nothing. Does nothing where there is no DOM (server-side rendering).
 */
export function defineLambdaCostCalculator(options: { calculator?: string } = {}): void {
  if (typeof customElements === 'undefined' || typeof document === 'undefined') return
  defineCalculatorElement(calculatorUrl(options.calculator, new URL(DEFAULT_CALCULATOR)))
}
