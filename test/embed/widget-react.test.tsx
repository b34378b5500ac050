// lambda-cost-widget's React component (packages/widget/src/react.ts): props
// become the element's attributes, its change event reaches onChange, and
// another calculator is another element.
import { act, render } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { attributeOf, LambdaCostCalculator } from '../../packages/widget/src/react'

const frameOf = (element: Element) => element.shadowRoot!.querySelector('iframe')!

describe('<LambdaCostCalculator>', () => {
  it('writes its camelCase props as the element’s attributes, numbers and booleans as text', () => {
    const { container } = render(
      <LambdaCostCalculator calculator="https://calc.test/" sheet="2016" memory={512} coldStartPercent={1.5} freeTier={false} edge compact={false} />,
    )
    const element = container.querySelector('lambda-cost-calculator')!
    expect(Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]))).toEqual({
      calculator: 'https://calc.test/',
      sheet: '2016',
      memory: '512',
      'cold-start-percent': '1.5',
      'free-tier': 'false',
      edge: 'true',
      compact: 'false',
    })
    // The element is defined on first render: its frame shows those inputs, not compact.
    const src = new URL(frameOf(element).src)
    expect(`${src.origin}${src.pathname}`).toBe('https://calc.test/')
    expect(['p', 'm', 'cs', 'ft', 'ed', 'compact'].map((k) => src.searchParams.get(k))).toEqual(['2016', '512', '1.5', '0', '1', null])
  })

  it('maps each prop to its attribute, and nothing else', () => {
    expect(attributeOf('provisionedConcurrency')).toBe('provisioned-concurrency')
    expect(attributeOf('durableKbWritten')).toBe('durable-kb-written')
    expect(attributeOf('memroy')).toBeNull()
  })

  it('calls onChange with the change event’s detail, also after the calculator changes', () => {
    const onChange = vi.fn()
    const { container, rerender } = render(<LambdaCostCalculator calculator="https://one.test/" memory={512} onChange={onChange} />)
    const detail = { query: 'm=512', totalCents: 1874, totalUsd: '18.74', problems: [] }
    const first = container.querySelector('lambda-cost-calculator')!
    act(() => void first.dispatchEvent(new CustomEvent('lambda-cost-change', { detail })))
    expect(onChange).toHaveBeenLastCalledWith(detail)

    rerender(<LambdaCostCalculator calculator="https://two.test/" memory={512} onChange={onChange} />)
    const second = container.querySelector('lambda-cost-calculator')!
    expect(second).not.toBe(first)
    expect(new URL(frameOf(second).src).origin).toBe('https://two.test')
    act(() => void second.dispatchEvent(new CustomEvent('lambda-cost-change', { detail: { ...detail, totalUsd: '1.00', totalCents: 100 } })))
    expect(onChange).toHaveBeenCalledTimes(2)
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ totalUsd: '1.00' }))
  })
})
