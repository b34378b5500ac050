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
    expect(s.iframe).toContain('src="https://calc.example/?embed=1&amp;compact=1&amp;v=2&amp;p=current&amp;m=1536&amp;d=120"')
    expect(s.note).toBeUndefined()
  })

  it('frames the compact layout: 640 px, as in the README, for one function; taller for each more', () => {
    const inputs = defaultInputs()
    const height = (n: number) => {
      const functions = Array.from({ length: n }, (_, i) => ({ ...inputs.functions[0]!, id: `f${i}` }))
      return Number(/ height="(\d+)"/.exec(embedSnippets({ ...inputs, functions }, 'https://calc.example/').iframe)![1])
    }
    expect(embedSnippets(inputs, 'https://calc.example/').iframe).toMatch(/src="https:\/\/calc\.example\/\?embed=1&amp;compact=1&amp;/)
    expect(height(1)).toBe(640)
    const heights = [1, 2, 3, 10].map(height)
    expect(heights).toEqual([...heights].sort((a, b) => a - b))
    expect(new Set(heights).size).toBe(4)
  })

  it('always names the sheet, and says the element carries the first function only', () => {
    const inputs = defaultInputs()
    expect(embedSnippets(inputs, 'https://calc.example').script).toContain('<lambda-cost-calculator sheet="current"></lambda-cost-calculator>')
    const classic = embedSnippets({ ...inputs, sheet: 'aws-2016' }, 'https://calc.example')
    expect(classic.script).toContain('<lambda-cost-calculator sheet="2016"></lambda-cost-calculator>')
    expect(classic.iframe).toContain('src="https://calc.example/?embed=1&amp;compact=1&amp;v=2&amp;p=2016"')
    const two = { ...inputs, freeTier: false, functions: [...inputs.functions, { ...inputs.functions[0]!, id: 'x', memoryMb: '1024' }] }
    const s = embedSnippets(two, 'https://calc.example/')
    expect(s.script).toContain('free-tier="false"')
    expect(s.note).toMatch(/first function only; the plain iframe carries all 2 functions/)
    expect(s.iframe).toContain('fns=2')
  })

  it('carries the 2026 inputs as readable attributes, and in the iframe link', () => {
    const inputs = defaultInputs()
    const fn = {
      ...inputs.functions[0]!,
      coldStartPercent: '2',
      initDurationMs: '350',
      snapStart: 'java' as const,
      edge: true,
      streamedMbPerRequest: '9',
    }
    const s = embedSnippets({ ...inputs, functions: [fn] }, 'https://calc.example/')
    expect(s.script).toContain(
      '<lambda-cost-calculator sheet="current" cold-start-percent="2" init-duration="350" snapstart="java" edge="true" streamed-mb="9"></lambda-cost-calculator>',
    )
    expect(s.iframe).toContain('?embed=1&amp;compact=1&amp;v=2&amp;p=current&amp;cs=2&amp;it=350&amp;ss=java&amp;ed=1&amp;st=9"')
  })
})
