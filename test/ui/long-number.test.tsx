import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LongNumber } from '../../src/ui/long-number'

function parts(text: string) {
  const { container } = render(
    <p>
      <LongNumber text={text} />
    </p>,
  )
  const p = container.querySelector('p')!
  return { text: p.textContent, breaks: p.querySelectorAll('wbr').length, kept: [...p.querySelectorAll('.nowrap')].map((s) => s.textContent) }
}

describe('LongNumber', () => {
  it('keeps a short figure whole and lets the words after it wrap', () => {
    expect(parts('46,304,000 requests')).toEqual({ text: '46,304,000 requests', breaks: 0, kept: ['46,304,000'] })
    expect(parts('+$44.67')).toEqual({ text: '+$44.67', breaks: 0, kept: ['+$44.67'] })
  })

  it('lets a long figure wrap after its thousands separators, never inside its sign and first group', () => {
    expect(parts('\u2212$131,798,632,875,000.00')).toEqual({ text: '\u2212$131,798,632,875,000.00', breaks: 4, kept: ['\u2212$131,'] })
    expect(parts('1,000,000,000,000,000 requests a month')).toEqual({ text: '1,000,000,000,000,000 requests a month', breaks: 5, kept: ['1,'] })
  })

  it('leaves a text without a leading figure as it is', () => {
    expect(parts('less than 1 request')).toEqual({ text: 'less than 1 request', breaks: 0, kept: [] })
    expect(parts('no change')).toEqual({ text: 'no change', breaks: 0, kept: [] })
  })
})
