// Builds the npm packages in packages/: the pricing engine (lambda-cost-engine)
// and the docs widget (lambda-cost-widget), from the same sources the app uses.
//
//   npm run build:packages            both
//   npm run build:packages -- engine  one of them
//
// The widget's default calculator is LAMBDA_COST_CALCULATOR_URL at build time
// (where the calculator is deployed); every element can name another with its
// `calculator` attribute.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'vite'
import { allowedValues, ATTRIBUTES, COMPACT_ATTRIBUTE } from '../src/embed/protocol'
import { EMBED_TARGET, loaderFieldsOnly } from './embed-build'
import { CALCULATOR_ATTRIBUTE, CHANGE_EVENT, TAG } from '../src/embed/element'
import { ACCOUNT_FIELDS, FUNCTION_FIELDS, type FieldSpec } from '../src/engine/fields'
import { PRICE_SHEET_IDS, PRICE_SHEETS } from '../src/engine/sheets/registry'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const ENGINE_DIR = join(root, 'packages/engine')
export const WIDGET_DIR = join(root, 'packages/widget')
const DEFAULT_CALCULATOR = process.env.LAMBDA_COST_CALCULATOR_URL || 'https://calc.example.com/'

/** The newest date the price sheets' figures were checked against AWS's pages: the version's build metadata. */
export function pricesDate(): string {
  return PRICE_SHEET_IDS.map((id) => PRICE_SHEETS[id].checkedDate)
    .sort()
    .at(-1)!
}

/** `1.2.3` or `1.2.3+anything` -> `1.2.3+prices.<date>`. */
export function versionWithPrices(version: string, date: string): string {
  return `${version.replace(/\+.*$/, '')}+prices.${date}`
}

/** Writes `packageDir`/package.json's version with the sheets' date as build metadata, if it differs. */
function stampVersion(packageDir: string): string {
  const file = join(packageDir, 'package.json')
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version: string }
  const version = versionWithPrices(pkg.version, pricesDate())
  if (version !== pkg.version) {
    pkg.version = version
    writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`)
  }
  return version
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/**
 * Relative imports in the emitted declarations with the `.js` Node's ESM
 * resolution needs (`./types` -> `./types.js`, `./usage` -> `./usage/index.js`):
 * the sources leave them out, as the bundler allows.
 */
function addDeclarationExtensions(dir: string): void {
  for (const file of filesUnder(dir).filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(file, 'utf8')
    const fixed = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\2/g, (whole, lead: string, q: string, spec: string) => {
      if (/\.js$/.test(spec)) return whole
      const base = resolve(dirname(file), spec)
      if (existsSync(`${base}.d.ts`)) return `${lead}${q}${spec}.js${q}`
      if (existsSync(join(base, 'index.d.ts'))) return `${lead}${q}${spec}/index.js${q}`
      throw new Error(`${relative(root, file)}: cannot resolve ${spec}`)
    })
    if (fixed !== text) writeFileSync(file, fixed)
  }
}

function tsc(project: string): void {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: root, stdio: 'inherit' })
}

/**
 * lambda-cost-engine: src/engine as ES modules, one file per source module
 * (so a bundler keeps only what is imported), with declarations beside them.
 */
export async function buildEngine(): Promise<void> {
  const out = join(ENGINE_DIR, 'dist')
  rmSync(out, { recursive: true, force: true })
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: out,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      copyPublicDir: false,
      // The main entry, and lambda-cost-engine/aws-2016 (the engine bound to the classic sheet).
      lib: { entry: [join(root, 'src/engine/index.ts'), join(root, 'src/engine/entries/aws-2016.ts')], formats: ['es'] },
      rolldownOptions: {
        // The engine is pure (an architecture test enforces it): an import kept for
        // its side effects alone would only make consumers' bundlers warn.
        treeshake: { moduleSideEffects: false },
        output: { preserveModules: true, preserveModulesRoot: join(root, 'src/engine'), entryFileNames: '[name].js' },
      },
    },
  })
  // A constant the bundler inlined can leave its module imported for nothing
  // (`import "./fields.js"`): the engine has no side effects, so drop such imports.
  for (const file of filesUnder(out).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(file, 'utf8')
    const fixed = text.replace(/^import ["']\.{1,2}\/[^"']+["'];\n/gm, '')
    if (fixed !== text) writeFileSync(file, fixed)
  }
  tsc(join(ENGINE_DIR, 'tsconfig.build.json'))
  addDeclarationExtensions(out)
  stampVersion(ENGINE_DIR)
}

/** `cold-start-percent` -> `coldStartPercent`. */
export const propName = (attribute: string): string => attribute.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())

/** Every attribute of the element, with what it means and allows, for the manifest and the types. */
export function widgetAttributes(): { name: string; description: string; boolean: boolean }[] {
  const fields = new Map<string, FieldSpec>([...ACCOUNT_FIELDS, ...FUNCTION_FIELDS].map((f) => [f.attribute, f as FieldSpec]))
  const own: Record<string, string> = {
    preset: 'A preset of the calculator (its id), applied before the other attributes.',
    theme: 'light, dark or auto (follows the reader’s system).',
  }
  const list = Object.entries(ATTRIBUTES).map(([name, spec]) => {
    const field = fields.get(name)
    const what = field ? `${field.label}${field.unit && !field.label.includes(field.unit) ? `, ${field.unit}` : ''}.` : (own[name] ?? '')
    const allowedText = allowedValues(name)
    const allowed = allowedText ? ` Allowed: ${allowedText}.` : spec.boolean ? ' Allowed: true or false; present with no value means true.' : ''
    return { name, description: `${what}${allowed}`.trim(), boolean: spec.boolean === true || field?.type === 'boolean' }
  })
  return [
    ...list,
    { name: COMPACT_ATTRIBUTE, description: 'Present: the total and the main inputs only, under 600 px tall.', boolean: true },
    {
      name: CALCULATOR_ATTRIBUTE,
      description: `The calculator's URL (where it is deployed), read when the element is added to the page; default ${DEFAULT_CALCULATOR}.`,
      boolean: false,
    },
  ]
}

/** The Custom Elements Manifest (schema 2.1) of `<lambda-cost-calculator>`. */
function manifest(attributes: ReturnType<typeof widgetAttributes>) {
  const declaration = {
    kind: 'class',
    name: 'LambdaCostCalculatorElement',
    tagName: TAG,
    customElement: true,
    superclass: { name: 'HTMLElement' },
    description: 'An AWS Lambda cost calculator in an auto-sized iframe, configured by attributes. Changing an attribute updates it live.',
    attributes: attributes.map((a) => ({ name: a.name, type: { text: a.boolean ? 'boolean | string' : 'string' }, description: a.description })),
    events: [
      {
        name: CHANGE_EVENT,
        type: { text: 'CustomEvent<LambdaCostChangeDetail>' },
        description: 'When the widget loads and after each change: detail { query, totalCents, totalUsd, problems }.',
      },
    ],
  }
  return {
    schemaVersion: '2.1.0',
    modules: [
      {
        kind: 'javascript-module',
        path: 'dist/define.js',
        declarations: [declaration],
        exports: [{ kind: 'custom-element-definition', name: TAG, declaration: { name: 'LambdaCostCalculatorElement', module: 'dist/define.js' } }],
      },
      {
        kind: 'javascript-module',
        path: 'dist/lambda-cost-calculator.js',
        declarations: [],
        exports: [{ kind: 'custom-element-definition', name: TAG, declaration: { name: 'LambdaCostCalculatorElement', module: 'dist/define.js' } }],
      },
    ],
  }
}

/** The widget's declarations, written from the attribute table so they cannot drift from it. */
function widgetDeclarations(attributes: ReturnType<typeof widgetAttributes>) {
  const doc = (text: string) => `  /** ${text.replaceAll('*/', '*\\/')} */`
  const attributeProps = attributes
    .filter((a) => a.name !== CALCULATOR_ATTRIBUTE)
    .map((a) => `${doc(`\`${a.name}\`: ${a.description}`)}\n  ${propName(a.name)}?: ${a.boolean ? 'boolean | string' : 'string | number'}`)
    .join('\n')
  const names = attributes.map((a) => `'${a.name}'`).join(' | ')
  const index = `/** The element's tag. */
export declare const TAG: '${TAG}'
/** The event the element fires when the widget loads and after each change. */
export declare const CHANGE_EVENT: '${CHANGE_EVENT}'
/** The calculator an element shows when it names none (its \`calculator\` attribute). */
export declare const DEFAULT_CALCULATOR: string

/** Every attribute \`<${TAG}>\` reads. */
export type CalculatorAttributeName = ${names}

/** Something the widget could not use: the attribute, and a sentence naming the value and what is allowed. */
export interface AttributeProblem {
  attribute: string
  message: string
}

/** \`event.detail\` of \`${CHANGE_EVENT}\`. */
export interface LambdaCostChangeDetail {
  /** The inputs as a link query (without \`?\`). */
  query: string
  /** The monthly bill in cents; null while the inputs are invalid, and for a bill of 2^53 cents or more (use totalUsd). */
  totalCents: number | null
  /** The monthly bill in dollars, exact, e.g. "18.74"; null only while the inputs are invalid. */
  totalUsd: string | null
  problems: AttributeProblem[]
}

/** \`<${TAG}>\`: an auto-sized iframe onto the calculator. */
export interface LambdaCostCalculatorElement extends HTMLElement {
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: LambdaCostCalculatorElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void
}

export interface DefineOptions {
  /** The calculator's URL, e.g. "https://calc.example.com/"; default DEFAULT_CALCULATOR. An element's \`calculator\` attribute overrides it. */
  calculator?: string
}

/** Defines \`<${TAG}>\` (once: later calls do nothing). */
export declare function defineLambdaCostCalculator(options?: DefineOptions): void

declare global {
  interface HTMLElementTagNameMap {
    '${TAG}': LambdaCostCalculatorElement
  }
  interface HTMLElementEventMap {
    '${CHANGE_EVENT}': CustomEvent<LambdaCostChangeDetail>
  }
}
`
  const react = `import type { CSSProperties, JSX } from 'react'
import type { LambdaCostChangeDetail } from './index.js'

export type { LambdaCostChangeDetail } from './index.js'

/** The element's attributes as props (camelCase: \`cold-start-percent\` -> \`coldStartPercent\`). */
export interface LambdaCostCalculatorProps {
${attributeProps}
${doc(`The calculator's URL, e.g. "https://calc.example.com/"; default ${DEFAULT_CALCULATOR}.`)}
  calculator?: string
  /** When the widget loads and after each change. */
  onChange?: (detail: LambdaCostChangeDetail) => void
  id?: string
  className?: string
  style?: CSSProperties
}

/** \`<${TAG}>\` as a React component, for MDX pages (Docusaurus, Starlight, Nextra). */
export declare function LambdaCostCalculator(props: LambdaCostCalculatorProps): JSX.Element

/** A prop name -> its attribute name: \`coldStartPercent\` -> \`cold-start-percent\`. */
export declare function attributeOf(prop: string): string | null
`
  return { index, react }
}

/**
 * lambda-cost-widget: the element as an ES module (`define.js`, and an entry
 * that defines it on demand), as a classic script for a page template
 * (`lambda-cost-calculator.js`), and as a React component (`react.js`).
 */
export async function buildWidget(): Promise<void> {
  const out = join(WIDGET_DIR, 'dist')
  rmSync(out, { recursive: true, force: true })
  const define = { __DEFAULT_CALCULATOR__: JSON.stringify(DEFAULT_CALCULATOR) }
  const common = { configFile: false as const, root, logLevel: 'warn' as const, publicDir: false as const, define }
  await build({
    ...common,
    plugins: [loaderFieldsOnly()],
    build: {
      outDir: out,
      emptyOutDir: false,
      target: ['es2020', ...EMBED_TARGET],
      copyPublicDir: false,
      minify: true,
      lib: {
        entry: { index: join(WIDGET_DIR, 'src/index.ts'), define: join(WIDGET_DIR, 'src/define.ts'), react: join(WIDGET_DIR, 'src/react.ts') },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: { external: ['react', 'react/jsx-runtime'], output: { chunkFileNames: 'element-[hash].js' } },
    },
  })
  await build({
    ...common,
    plugins: [loaderFieldsOnly()],
    build: {
      outDir: out,
      emptyOutDir: false,
      target: ['es2020', ...EMBED_TARGET],
      copyPublicDir: false,
      lib: {
        entry: join(WIDGET_DIR, 'src/script.ts'),
        formats: ['iife'],
        name: 'LambdaCostCalculatorScript',
        fileName: () => 'lambda-cost-calculator.js',
      },
    },
  })
  const attributes = widgetAttributes()
  const { index, react } = widgetDeclarations(attributes)
  writeFileSync(join(out, 'index.d.ts'), index)
  writeFileSync(join(out, 'define.d.ts'), `export {}\n`)
  writeFileSync(join(out, 'react.d.ts'), react)
  writeFileSync(join(out, 'custom-elements.json'), `${JSON.stringify(manifest(attributes), null, 2)}\n`)
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const which = process.argv.slice(2)
  const all = which.length === 0
  mkdirSync(join(root, 'packages'), { recursive: true })
  if (all || which.includes('engine')) await buildEngine()
  if (all || which.includes('widget')) await buildWidget()
}
