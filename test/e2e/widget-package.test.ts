// lambda-cost-widget as docs authors get it: built, packed, installed from the
// tarball into a new project, and each README recipe run in Chromium against the
// calculator of global setup (vite preview), from a docs host of another site.
// The snippets are read from packages/widget/README.md, with the README's
// calculator (calc.example.com) and CDN (jsdelivr) replaced by the local ones.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildWidget, WIDGET_DIR } from '../../scripts/build-packages'
import { CALCULATOR_ATTRIBUTE } from '../../src/embed/element'
import { ATTRIBUTES, COMPACT_ATTRIBUTE } from '../../src/embed/protocol'
import { launchChromium } from './chromium'
import { freshProjectWith, pack, serveStatic } from './packages'
import { screenshotPath, watchErrors } from './helpers'

const root = resolve(__dirname, '../..')
const calculator = inject('baseURL')
const README = readFileSync(join(WIDGET_DIR, 'README.md'), 'utf8')
const README_CALCULATOR = 'https://calc.example.com/'
const README_CDN = 'https://cdn.jsdelivr.net/npm/lambda-cost-widget@1/'

/** The fenced block after `<!-- recipe: name -->` in the README. */
function recipe(name: string): string {
  const m = new RegExp(`<!-- recipe: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(README)
  if (!m) throw new Error(`packages/widget/README.md has no recipe "${name}"`)
  return m[1]!
}

let work: string
let project: string
let host: Awaited<ReturnType<typeof serveStatic>>
let hostOrigin: string
let browser: Browser
let close: (() => Promise<void>) | undefined

/** The README's URLs made local: the calculator of global setup, the packed package as the CDN. */
const local = (text: string) => text.replaceAll(README_CALCULATOR, `${calculator}/`).replaceAll(README_CDN, `${hostOrigin}/cdn/lambda-cost-widget/`)

// Reports each change event's total in the page, for the test to read.
const LISTEN = `document.addEventListener('lambda-cost-change', (e) => { document.getElementById('seen').textContent = e.detail.totalUsd })`

beforeAll(async () => {
  await buildWidget()
  work = mkdtempSync(join(tmpdir(), 'widget-package-'))
  const packed = pack(WIDGET_DIR, work)
  project = freshProjectWith(packed.tarball, 'widget-consumer')
  // React for the MDX page and the typed consumer: the project's own copies (a docs site has its own).
  for (const name of ['react', 'react-dom', 'scheduler', '@types/react']) {
    mkdirSync(join(project, 'node_modules', name, '..'), { recursive: true })
    symlinkSync(join(root, 'node_modules', name), join(project, 'node_modules', name), 'dir')
  }
  const site = join(work, 'site')
  mkdirSync(join(site, 'cdn'), { recursive: true })
  symlinkSync(join(project, 'node_modules/lambda-cost-widget'), join(site, 'cdn/lambda-cost-widget'), 'dir')
  writeFileSync(join(site, 'listen.js'), LISTEN)
  host = await serveStatic(site)
  // localhost and 127.0.0.1 are different sites: the widget is a third-party iframe, as on a docs site.
  hostOrigin = host.url.replace('127.0.0.1', 'localhost')
  ;({ browser, close } = await launchChromium())
}, 180_000)

afterAll(async () => {
  await close?.()
  await host?.close()
  if (work) rmSync(work, { recursive: true, force: true })
  if (project) rmSync(project, { recursive: true, force: true })
})

/** Writes `html` as the host's page `name` and opens it. */
async function openPage(name: string, html: string): Promise<{ page: Page; errors: string[] }> {
  writeFileSync(join(work, 'site', name), html)
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
  const errors = watchErrors(page)
  await page.goto(`${hostOrigin}/${name}`)
  return { page, errors }
}

/** Bundles the page `dir` (index.html and its module) with Vite from the consumer project, into the host's `/name/`. */
async function bundlePage(name: string, files: Record<string, string>): Promise<void> {
  const dir = join(project, name)
  mkdirSync(dir, { recursive: true })
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text)
  await build({
    configFile: false,
    root: dir,
    base: './',
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir: join(work, 'site', name), emptyOutDir: false },
  })
}

/** The classic example shows in the widget ($18.74, its iframe) and reaches the page (the change event). */
async function expectClassicExample(page: Page, errors: string[], shot: string): Promise<void> {
  const element = page.locator('lambda-cost-calculator')
  await element.scrollIntoViewIfNeeded({ timeout: 30_000 })
  const frame = page.frameLocator('lambda-cost-calculator iframe')
  await expect.poll(() => frame.getByTestId('monthly-total').allTextContents(), { timeout: 30_000 }).toEqual(['$18.74'])
  await expect.poll(() => page.locator('#seen').textContent(), { timeout: 30_000 }).toBe('18.74')
  // The frame is the calculator's, and sized to its content (not the 520 px it starts at).
  const src = new URL((await page.locator('lambda-cost-calculator iframe').getAttribute('src'))!)
  expect(`${src.origin}${src.pathname}`).toBe(`${calculator}/`)
  expect(['embed', 'p', 'm', 'd', 'r'].map((k) => src.searchParams.get(k))).toEqual(['1', '2016', '512', '1000', '3e6'])
  await expect.poll(async () => (await element.boundingBox())?.height ?? 0, { timeout: 30_000 }).not.toBe(520)
  await page.screenshot({ path: screenshotPath(`widget-package-${shot}`) })
  expect(errors).toEqual([])
  await page.close()
}

describe('lambda-cost-widget, packed and installed', () => {
  it('ships the element, the classic script, the React component, declarations and a Custom Elements Manifest', () => {
    const dir = join(project, 'node_modules/lambda-cost-widget')
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(pkg.dependencies ?? {}).toEqual({})
    expect(pkg.peerDependenciesMeta.react.optional).toBe(true)
    const manifest = JSON.parse(readFileSync(join(dir, pkg.customElements), 'utf8'))
    const element = manifest.modules[0].declarations[0]
    expect(element.tagName).toBe('lambda-cost-calculator')
    expect(element.customElement).toBe(true)
    // Every attribute the element reads, each described.
    expect(element.attributes.map((a: { name: string }) => a.name)).toEqual([...Object.keys(ATTRIBUTES), COMPACT_ATTRIBUTE, CALCULATOR_ATTRIBUTE])
    expect(element.attributes.every((a: { description: string }) => a.description.length > 5)).toBe(true)
    expect(element.events.map((e: { name: string }) => e.name)).toEqual(['lambda-cost-change'])
    for (const target of ['.', './define', './react']) {
      expect(readFileSync(join(dir, pkg.exports[target].types), 'utf8').length).toBeGreaterThan(0)
      expect(readFileSync(join(dir, pkg.exports[target].default), 'utf8').length).toBeGreaterThan(0)
    }
  })

  it('type-checks a React consumer: attributes as camelCase props, the change event’s detail typed, a misspelt prop refused', () => {
    writeFileSync(
      join(project, 'consumer.tsx'),
      `import { LambdaCostCalculator } from 'lambda-cost-widget/react'
import { defineLambdaCostCalculator, type LambdaCostCalculatorElement } from 'lambda-cost-widget'
defineLambdaCostCalculator({ calculator: 'https://calc.example.com/' })
const element: LambdaCostCalculatorElement | null = document.querySelector('lambda-cost-calculator')
element?.addEventListener('lambda-cost-change', (e) => e.detail.totalUsd?.toUpperCase())
export const page = <LambdaCostCalculator sheet="2016" memory={512} coldStartPercent={1} freeTier compact onChange={(d) => d.totalCents} />
// @ts-expect-error: no such attribute
export const wrong = <LambdaCostCalculator memroy={512} />
`,
    )
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          jsx: 'react-jsx',
          module: 'esnext',
          moduleResolution: 'bundler',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          noEmit: true,
          types: [],
        },
        files: ['consumer.tsx'],
      }),
    )
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' })
  })

  it('recipe "Plain HTML": the CDN script with data-calculator, then the element', async () => {
    const { page, errors } = await openPage(
      'plain.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Costs</title></head><body><h1>Costs</h1>
${local(recipe('plain-html'))}
<p>Total: <output id="seen"></output></p><script src="/listen.js"></script></body></html>`,
    )
    await expectClassicExample(page, errors, 'plain-html')
  })

  it('recipe "With a bundler": defineLambdaCostCalculator in a page bundled by Vite', async () => {
    await bundlePage('module', {
      'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Costs</title><script type="module" src="./main.js"></script></head><body>
<lambda-cost-calculator sheet="2016" memory="512" duration="1000" requests="3e6"></lambda-cost-calculator><p>Total: <output id="seen"></output></p></body></html>`,
      'main.js': `${local(recipe('module'))}\n${LISTEN}\n`,
    })
    const { page, errors } = await openPage('module/index.html', readFileSync(join(work, 'site/module/index.html'), 'utf8'))
    await expectClassicExample(page, errors, 'module')
  })

  it('recipe "MDX": the component rendered with React 19, as MDX compiles the page', async () => {
    const mdx = local(recipe('mdx'))
    const imports = mdx.split('\n').filter((l) => l.startsWith('import '))
    const body = mdx
      .split('\n')
      .filter((l) => !l.startsWith('import ') && l.trim() !== '')
      .map((l) => (l.startsWith('<') ? l : `<p>${l}</p>`))
    await bundlePage('mdx', {
      'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Costs</title><script type="module" src="./main.jsx"></script></head><body>
<div id="root"></div><p>Total: <output id="seen"></output></p></body></html>`,
      'main.jsx': `import { createRoot } from 'react-dom/client'
${imports.join('\n')}
function MDXContent() {
  return (
    <>
      ${body.join('\n      ')}
    </>
  )
}
${LISTEN}
createRoot(document.getElementById('root')).render(<MDXContent />)
`,
    })
    const { page, errors } = await openPage('mdx/index.html', readFileSync(join(work, 'site/mdx/index.html'), 'utf8'))
    await expectClassicExample(page, errors, 'mdx')
  })

  it('recipe "MkDocs": the script in the template’s scripts block, the element in a page’s Markdown', async () => {
    const script = /<script[\s\S]*?<\/script>/.exec(local(recipe('mkdocs')))![0]
    // As MkDocs (Material) renders a page: the Markdown's HTML inside the article, the template's scripts block at the end of the body.
    const { page, errors } = await openPage(
      'mkdocs.html',
      `<!doctype html><html lang="en" class="no-js"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Costs - Docs</title></head>
<body dir="ltr"><div class="md-container"><main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">
<h1 id="costs">Costs</h1>
<p>${recipe('mkdocs-page')}</p>
<p>Total: <output id="seen"></output></p>
</article></div></main></div>
<script src="/listen.js"></script>
${script}
</body></html>`,
    )
    await expectClassicExample(page, errors, 'mkdocs')
  })

  it('recipe "VitePress": the script in every page’s head, the element in a page’s Markdown', async () => {
    const config = local(recipe('vitepress'))
    const src = /src: '([^']+)'/.exec(config)![1]!
    const calculatorUrl = /'data-calculator': '([^']+)'/.exec(config)![1]!
    const element = /then `(<lambda-cost-calculator[^`]+)`\s+in any page/.exec(README.slice(README.indexOf('recipe: vitepress')))![1]!
    // As VitePress renders `head: [['script', {...}]]` and a page's Markdown inside its layout.
    const { page, errors } = await openPage(
      'vitepress.html',
      `<!doctype html><html lang="en-US" dir="ltr"><head><meta charset="utf-8"><title>Costs | Docs</title>
<script src="${src}" data-calculator="${calculatorUrl}" defer=""></script><script src="/listen.js" defer></script></head>
<body><div id="app"><div class="Layout"><div class="VPContent"><main class="main"><div class="vp-doc"><div>
<h1 id="costs" tabindex="-1">Costs</h1>
<p>${element}</p>
<p>Total: <output id="seen"></output></p>
</div></div></main></div></div></div></body></html>`,
    )
    await expectClassicExample(page, errors, 'vitepress')
  })
})
