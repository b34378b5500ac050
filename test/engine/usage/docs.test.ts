import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as engine from '../../../src/engine/index'

// The usage module's exports follow the engine's rule: TSDoc with an example on each.
const dir = resolve(__dirname, '../../../src/engine/usage')
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n')

const usageExports = [...readFileSync(resolve(dir, '../index.ts'), 'utf8').matchAll(/export (?:type )?\{([^}]*)\} from '\.\/usage\/[^']+'/g)].flatMap(
  (m) =>
    m[1]!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
)

function docOf(name: string): string | null {
  const decl = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*export (?:declare )?(?:async )?(?:function|const|class|interface|type) ${name}\\b`)
  return decl.exec(sources)?.[1] ?? null
}

describe('the usage module is documented', () => {
  it('exports the parser, the summary, power tuning and the memory model from the engine index', () => {
    for (const name of [
      'parseReports',
      'createReportParser',
      'summarizeBilledUsage',
      'scaleBilledUsage',
      'parsePowerTuning',
      'modelDurationMs',
      'rightSizeMemoryMb',
    ])
      expect(engine).toHaveProperty(name)
  })

  it.each(usageExports)('%s has a TSDoc comment with an example', (name) => {
    expect(docOf(name), `${name} needs a /** ... */ comment`).not.toBeNull()
    expect(docOf(name)).toMatch(/@example/)
  })
})
