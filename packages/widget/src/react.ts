// <LambdaCostCalculator>: the same <lambda-cost-calculator> element, for React
// and MDX pages (Docusaurus, Starlight, Nextra). Props are the element's
// attributes in camelCase (`cold-start-percent` -> `coldStartPercent`).
import { createElement, useEffect, useRef, type CSSProperties, type ReactElement } from 'react'
import { CALCULATOR_ATTRIBUTE } from '../../../src/embed/element'
import { ATTRIBUTES, COMPACT_ATTRIBUTE, type AttributeProblem } from '../../../src/embed/protocol'
import { CHANGE_EVENT, defineLambdaCostCalculator, TAG } from './index'

export interface LambdaCostChangeDetail {
  query: string
  totalCents: number | null
  totalUsd: string | null
  problems: AttributeProblem[]
}

export interface LambdaCostCalculatorProps {
  [attribute: string]: unknown
  calculator?: string
  onChange?: (detail: LambdaCostChangeDetail) => void
  id?: string
  className?: string
  style?: CSSProperties
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
const ATTRIBUTE_OF = new Map([...Object.keys(ATTRIBUTES), COMPACT_ATTRIBUTE, CALCULATOR_ATTRIBUTE].map((name) => [camel(name), name]))

/** A prop name -> its attribute name: `coldStartPercent` -> `cold-start-percent`; null for no attribute. */
export function attributeOf(prop: string): string | null {
  return ATTRIBUTE_OF.get(prop) ?? null
}

/** `<lambda-cost-calculator>` as a React component; defines the element on first render in the browser. */
export function LambdaCostCalculator({ onChange, id, className, style, ...props }: LambdaCostCalculatorProps): ReactElement {
  const ref = useRef<HTMLElement>(null)
  const latest = useRef(onChange)
  useEffect(() => {
    latest.current = onChange
  })
  const attributes: Record<string, string> = {}
  for (const [prop, value] of Object.entries(props)) {
    const name = ATTRIBUTE_OF.get(prop)
    // true and false are written out: the element reads "true" and "false" for every yes/no attribute.
    if (name && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) attributes[name] = String(value)
  }
  const calculator = attributes[CALCULATOR_ATTRIBUTE]
  // Listens on the element rendered, a new one for another calculator (below).
  useEffect(() => {
    defineLambdaCostCalculator()
    const element = ref.current
    if (!element) return
    const listener = (event: Event) => latest.current?.((event as CustomEvent<LambdaCostChangeDetail>).detail)
    element.addEventListener(CHANGE_EVENT, listener)
    return () => element.removeEventListener(CHANGE_EVENT, listener)
  }, [calculator])
  // The element reads its calculator when added to the page: another calculator is another element.
  return createElement(TAG, { ref, key: calculator, id, className, style, ...attributes })
}
