import { describe, expect, it } from 'vitest'
import { embedSnippets } from '../../src/app/embed-snippet'
import { presetInputs } from '../../src/state/presets'
import { defaultInputs } from '../../src/state/store'

describe('embed snippets', () => {
  it('writes the element with readable attributes, and the plain iframe with the whole link', () => {
    const s = embedSnippets(presetInputs('mobile-backend')!, 'https://calc.example/')
    expect(s.script).toBe(
      '<script src="https://calc.example/embed.js" async></script>\n<lambda-cost-calculator sheet="current" memory="1536" duration="120"></lambda-cost-calculator>',
    )
    expect(s.iframe).toContain('src="https://calc.example/?embed=1&amp;v=2&amp;p=current&amp;m=1536&amp;d=120"')
    expect(s.note).toBeUndefined()
  })

  it('always names the sheet, and says the element carries the first function only', () => {
    const inputs = defaultInputs()
    expect(embedSnippets(inputs, 'https://calc.example').script).toContain('<lambda-cost-calculator sheet="current"></lambda-cost-calculator>')
    const classic = embedSnippets({ ...inputs, sheet: 'aws-2016' }, 'https://calc.example')
    expect(classic.script).toContain('<lambda-cost-calculator sheet="2016"></lambda-cost-calculator>')
    expect(classic.iframe).toContain('src="https://calc.example/?embed=1&amp;v=2&amp;p=2016"')
    const two = { ...inputs, freeTier: false, functions: [...inputs.functions, { ...inputs.functions[0]!, id: 'x', memoryMb: '1024' }] }
    const s = embedSnippets(two, 'https://calc.example/')
    expect(s.script).toContain('free-tier="false"')
    expect(s.note).toMatch(/first function only; the plain iframe carries all 2 functions/)
    expect(s.iframe).toContain('fns=2')
  })
})
