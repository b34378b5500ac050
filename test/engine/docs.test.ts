import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as engine from '../../src/engine/index'

const dir = resolve(__dirname, '../../src/engine')
const sources = [
  ...readdirSync(dir).filter((f) => f.endsWith('.ts')),
  ...readdirSync(join(dir, 'sheets')).map((f) => `sheets/${f}`),
  ...readdirSync(join(dir, 'usage')).map((f) => `usage/${f}`),
  ...readdirSync(join(dir, 'compute')).map((f) => `compute/${f}`),
]
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n')

const exportedNames = [...readFileSync(join(dir, 'index.ts'), 'utf8').matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((m) =>
  m[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
)

/** The TSDoc comment right before a declaration, or null. */
function docOf(name: string): string | null {
  const decl = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*export (?:declare )?(?:async )?(?:function|const|class|interface|type) ${name}\\b`)
  return decl.exec(sources)?.[1] ?? null
}

describe('the engine\u2019s public API is documented', () => {
  it('exports what the API promises', () => {
    expect(exportedNames).toEqual(
      expect.arrayContaining(['estimate', 'validateInput', 'InvalidInputError', 'EstimateInput', 'FunctionInput', 'Estimate', 'InputProblem']),
    )
  })

  it.each(exportedNames)('%s has a TSDoc comment', (name) => {
    expect(docOf(name), `${name} needs a /** ... */ comment`).not.toBeNull()
  })

  it.each(exportedNames)('%s has an example', (name) => {
    expect(docOf(name)).toMatch(/@example/)
  })

  it('checks values as well as types', () => {
    expect(exportedNames.filter((n) => n in engine).length).toBeGreaterThan(10)
  })
})
