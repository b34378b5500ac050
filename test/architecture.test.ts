import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'

// The import rules of the architecture: engine <- state <- ui <- app <- main.
// engine/fields (the input fields as data, pure and dependency-free) is not
// re-exported by engine/index: state, ui and the widget protocol import it directly.
const root = resolve(__dirname, '..')
const src = join(root, 'src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

/** Each import of a file, as a bare package name or a path relative to src/ (no extension). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specs = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => m[1] ?? m[2] ?? m[3]!)
  return specs.map((s) => (s.startsWith('.') ? relative(src, resolve(dirname(file), s)).replace(/\.(tsx?|css)$/, '') : s))
}

type Rule = { applies: (f: string) => boolean; allowed: (imp: string) => boolean; what: string }

const isPackage = (imp: string, ...names: string[]) => names.some((n) => imp === n || imp.startsWith(`${n}/`))
const rules: Rule[] = [
  {
    what: 'src/engine may import only other engine files',
    applies: (f) => f.startsWith('engine/'),
    allowed: (imp) => imp.startsWith('engine/'),
  },
  {
    what: 'src/state/*.ts may import the engine (through engine/index, and its fields table), zustand/vanilla and other state modules',
    applies: (f) => f.startsWith('state/') && f !== 'state/react.tsx',
    allowed: (imp) =>
      imp === 'engine/index' || imp === 'engine/fields' || imp === 'zustand/vanilla' || (imp.startsWith('state/') && imp !== 'state/react'),
  },
  {
    what: 'src/state/react.tsx may import react, zustand and the store',
    applies: (f) => f === 'state/react.tsx',
    allowed: (imp) => isPackage(imp, 'react', 'zustand') || imp.startsWith('state/') || imp === 'engine/index',
  },
  {
    // Wider than the architecture notes' "engine types": components also call the
    // engine's pure helpers (a request unit's monthly count, a sheet's limits, the
    // chart series, loaded with the charts) and read store types and the presets.
    // None of these touch location, history or the store's instance.
    what: 'src/ui may import react, recharts, state/react, state/selectors, state modules without side effects, and the engine',
    applies: (f) => f.startsWith('ui/'),
    allowed: (imp) =>
      isPackage(imp, 'react', 'react-dom', 'recharts') ||
      imp.startsWith('ui/') ||
      [
        'state/react',
        'state/selectors',
        'state/presets',
        'state/url-codec',
        'state/store',
        'state/export',
        'state/cold-start',
        'state/usage-link',
        'engine/index',
        'engine/fields',
      ].includes(imp),
  },
  {
    what: 'src/app may import ui, state, engine, embed/iframe-bridge and embed/protocol',
    applies: (f) => f.startsWith('app/'),
    allowed: (imp) =>
      isPackage(imp, 'react', 'react-dom') ||
      ['ui/', 'state/', 'app/'].some((p) => imp.startsWith(p)) ||
      ['engine/index', 'embed/iframe-bridge', 'embed/protocol'].includes(imp),
  },
  {
    what: 'src/embed/loader.ts may import embed/element only',
    applies: (f) => f === 'embed/loader.ts',
    allowed: (imp) => imp === 'embed/element',
  },
  {
    what: 'src/embed/element.ts (the element, in embed.js and the widget package) may import embed/protocol only',
    applies: (f) => f === 'embed/element.ts',
    allowed: (imp) => imp === 'embed/protocol',
  },
  {
    what: 'src/embed/iframe-bridge.ts (inside the widget) may import embed/protocol and the link codec only',
    applies: (f) => f === 'embed/iframe-bridge.ts',
    allowed: (imp) => imp === 'embed/protocol' || imp === 'state/url-codec',
  },
  {
    what: 'src/embed/protocol.ts imports only the engine\u2019s fields table (pure data, no imports of its own but types)',
    applies: (f) => f === 'embed/protocol.ts',
    allowed: (imp) => imp === 'engine/fields',
  },
]

/** A file's code without its comments (an example in a comment is not a use). */
function code(path: string): string {
  return readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1')
}

const sources = files(src).map((path) => ({ path, name: relative(src, path) }))

describe('architecture', () => {
  it('has sources to check', () => {
    expect(sources.some((s) => s.name === 'engine/index.ts')).toBe(true)
  })

  it('every import follows the table in the architecture notes', () => {
    const broken: string[] = []
    for (const { path, name } of sources) {
      for (const rule of rules.filter((r) => r.applies(name))) {
        for (const imp of importsOf(path)) if (!rule.allowed(imp)) broken.push(`${name} imports ${imp}: ${rule.what}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('the engine touches no DOM or browser globals', () => {
    const broken = sources
      .filter((s) => s.name.startsWith('engine/'))
      .flatMap(({ path, name }) =>
        [...readFileSync(path, 'utf8').matchAll(/\b(window|document|localStorage|sessionStorage|location|history|navigator)\s*[.[]/g)].map(
          (m) => `${name} uses ${m[1]}`,
        ),
      )
    expect(broken).toEqual([])
  })

  it('the engine makes no requests, posts no messages and reads no Node globals (its tsconfig, without DOM or Node types, checks the same)', () => {
    const broken = sources
      .filter((s) => s.name.startsWith('engine/'))
      .flatMap(({ path, name }) =>
        [...code(path).matchAll(/\b(fetch|XMLHttpRequest|WebSocket|postMessage|importScripts|process|Buffer|require)\s*[.(]/g)].map(
          (m) => `${name} uses ${m[1]}`,
        ),
      )
    expect(broken).toEqual([])
    expect(readFileSync(join(src, 'engine/tsconfig.json'), 'utf8')).toMatch(/"types":\s*\[\]/)
  })

  it('only state/url-sync.ts touches location and history', () => {
    const broken = sources
      .filter((s) => s.name !== 'state/url-sync.ts')
      .flatMap(({ path, name }) =>
        [
          ...readFileSync(path, 'utf8').matchAll(
            /\b(?:window\.)?(location\.(?:search|href|hash|assign|replace)|history\.(?:pushState|replaceState|back))/g,
          ),
        ].map((m) => `${name} uses ${m[1]}`),
      )
    expect(broken).toEqual([])
  })
})
