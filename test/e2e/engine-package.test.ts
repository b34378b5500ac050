// lambda-cost-engine as its users get it: built (npm run build:packages), packed
// (npm pack), installed from the tarball into a new project, then used from Node,
// type-checked as a TypeScript consumer, and bundled for a browser.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { build, type Rolldown } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEngine, ENGINE_DIR, pricesDate } from '../../scripts/build-packages'
import { launchChromium } from './chromium'
import { freshProjectWith, pack, serveStatic } from './packages'
import { watchErrors } from './helpers'

const root = resolve(__dirname, '../..')
// AWS's classic pricing example (AWS Lambda pricing page, 2016: example 1): 512 MB,
// 3M requests of 1 s a month, free tier: requests (3M - 1M) x $0.20/M = $0.40;
// compute 3M x 1 s x 0.5 GB = 1,500,000 GB-s - 400,000 free = 1,100,000 x
// $0.00001667 = $18.337 -> $18.34; $18.74 in all.
const CLASSIC = `{ sheet: 'aws-2016', freeTier: true, functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }`

let work: string
let project: string
let packed: ReturnType<typeof pack>

beforeAll(async () => {
  await buildEngine()
  work = mkdtempSync(join(tmpdir(), 'engine-package-'))
  packed = pack(ENGINE_DIR, work)
  project = freshProjectWith(packed.tarball, 'engine-consumer')
}, 180_000)

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
  if (project) rmSync(project, { recursive: true, force: true })
})

/** Bundles `code` (importing the package) for the browser, minified; returns the JavaScript. */
async function bundle(code: string): Promise<string> {
  const dir = mkdtempSync(join(project, 'bundle-'))
  writeFileSync(join(dir, 'entry.js'), code)
  const out = (await build({
    configFile: false,
    root: dir,
    logLevel: 'warn',
    build: { write: false, minify: true, lib: { entry: join(dir, 'entry.js'), formats: ['es'], fileName: 'entry' } },
  })) as Rolldown.RolldownOutput[]
  return out
    .flatMap((o) => o.output)
    .filter((c): c is Rolldown.OutputChunk => c.type === 'chunk')
    .map((c) => c.code)
    .join('\n')
}

const gzipKb = (code: string) => gzipSync(code, { level: 9 }).length / 1000

describe('lambda-cost-engine, packed and installed', () => {
  it('packs its modules, declarations, README and CHANGELOG, and nothing else', () => {
    expect(packed.files).toContain('dist/index.js')
    expect(packed.files).toContain('dist/index.d.ts')
    expect(packed.files).toContain('dist/sheets/aws-2016.js')
    expect(packed.files).toEqual(expect.arrayContaining(['dist/entries/aws-2016.js', 'dist/entries/aws-2016.d.ts']))
    expect(packed.files).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'package.json']))
    expect(packed.files.filter((f) => !/^dist\/.+\.(js|d\.ts)$/.test(f)).sort()).toEqual(['CHANGELOG.md', 'README.md', 'package.json'])
  })

  it('is an ES module package with an exports map, no dependencies, no side effects, and the sheets’ date in its version', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules/lambda-cost-engine/package.json'), 'utf8'))
    expect(pkg.type).toBe('module')
    expect(pkg.sideEffects).toBe(false)
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' })
    expect(pkg.exports['./aws-2016']).toEqual({ types: './dist/entries/aws-2016.d.ts', default: './dist/entries/aws-2016.js' })
    expect(pkg.dependencies ?? {}).toEqual({})
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+\+prices\.\d{4}-\d{2}-\d{2}$/)
    // Both sheets were last checked against AWS's pages on 2026-11-27 (src/engine/sheets).
    expect(pricesDate()).toBe('2026-11-27')
    expect(pkg.version.endsWith(`+prices.${pricesDate()}`)).toBe(true)
    // Each version has its entry in the changelog.
    expect(readFileSync(join(ENGINE_DIR, 'CHANGELOG.md'), 'utf8')).toContain(`## ${pkg.version}`)
  })

  it('prices the classic example from Node: import { estimate } from the package', () => {
    writeFileSync(
      join(project, 'classic.js'),
      `import { estimate, estimateTotal, InvalidInputError } from 'lambda-cost-engine'
const bill = estimate(${CLASSIC})
let problem = null
try { estimateTotal({ sheet: 'aws-2016', functions: [{ memoryMb: 4096, durationMs: 1000, requests: 1 }] }) } catch (e) { problem = e instanceof InvalidInputError ? e.problems[0] : String(e) }
console.log(JSON.stringify({ cents: bill.totalCents, usd: bill.totalUsd, lines: bill.lines.map((l) => [l.kind, l.cents]), total: estimateTotal(${CLASSIC}).totalCents, problem }))
`,
    )
    const result = JSON.parse(execFileSync(process.execPath, ['classic.js'], { cwd: project, encoding: 'utf8' }))
    expect(result).toEqual({
      cents: 1874,
      usd: '18.74',
      lines: [
        ['requests', 40],
        ['compute', 1834],
      ],
      total: 1874,
      problem: { path: 'functions.0.memoryMb', message: expect.stringMatching(/Memory must be between 128 and 3,008 MB.*4,096/) },
    })
  })

  it('prices the classic example from Node through the classic-sheet entry: import { estimate } from lambda-cost-engine/aws-2016', () => {
    writeFileSync(
      join(project, 'classic-entry.js'),
      `import { estimate, estimateTotal, InvalidInputError } from 'lambda-cost-engine/aws-2016'
const problemOf = (input) => { try { estimateTotal(input); return null } catch (e) { return e instanceof InvalidInputError ? e.problems : String(e) } }
const fn = { memoryMb: 512, durationMs: 1000, requests: 3_000_000 }
console.log(JSON.stringify({
  cents: estimate(${CLASSIC}).totalCents,
  unnamed: estimateTotal({ freeTier: true, functions: [fn] }).totalCents,
  arm64: problemOf({ functions: [{ ...fn, architecture: 'arm64' }] }),
  current: problemOf({ sheet: 'aws-current', functions: [fn] }),
}))
`,
    )
    const result = JSON.parse(execFileSync(process.execPath, ['classic-entry.js'], { cwd: project, encoding: 'utf8' }))
    expect(result).toEqual({
      cents: 1874,
      unnamed: 1874,
      arm64: [
        {
          path: 'functions.0.architecture',
          message: 'Architecture arm64 is not on the classic 2016 sheet, which offers x86_64 only. Switch to the current sheet for arm64.',
        },
      ],
      current: [{ path: 'sheet', message: expect.stringContaining('prices the classic 2016 sheet only; got sheet "aws-current"') }],
    })
  })

  it('type-checks a strict TypeScript consumer through its declarations (Node16 resolution)', () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { estimate, type Estimate, type EstimateInput, type InputProblem } from 'lambda-cost-engine'
import { estimate as classicEstimate, type ClassicEstimateInput } from 'lambda-cost-engine/aws-2016'
const input: EstimateInput = ${CLASSIC}
const bill: Estimate = estimate(input)
const cents: number = bill.totalCents
const problems: InputProblem[] = []
// @ts-expect-error: the sheet must be one the engine knows
const wrong: EstimateInput = { sheet: 'aws-2030', functions: [] }
const classic: ClassicEstimateInput = { functions: [{ memoryMb: 512, durationMs: 1000, requests: 1 }] }
const classicCents: number = classicEstimate(classic).totalCents
// @ts-expect-error: the classic entry prices the classic sheet only
const notClassic: ClassicEstimateInput = { sheet: 'aws-current', functions: [] }
export { cents, problems, wrong, classicCents, notClassic }
`,
    )
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', noEmit: true, types: [] },
        files: ['consumer.ts'],
      }),
    )
    // Throws, with tsc's messages, if anything fails to compile.
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' })
  })

  it('runs in a browser: a page bundled with Vite from the installed package shows the classic example', async () => {
    const page = join(project, 'page')
    mkdirSync(page)
    writeFileSync(
      join(page, 'index.html'),
      `<!doctype html><title>engine</title><output id="total">…</output><output id="classic">…</output><script type="module" src="./main.js"></script>`,
    )
    writeFileSync(
      join(page, 'main.js'),
      `import { estimate } from 'lambda-cost-engine'
import { estimate as classicEstimate } from 'lambda-cost-engine/aws-2016'
document.getElementById('total').textContent = estimate(${CLASSIC}).totalUsd
document.getElementById('classic').textContent = classicEstimate(${CLASSIC}).totalUsd
`,
    )
    await build({ configFile: false, root: page, logLevel: 'warn', build: { outDir: join(page, 'dist') } })
    const server = await serveStatic(join(page, 'dist'))
    let browser: Browser | undefined
    let close: (() => Promise<void>) | undefined
    try {
      ;({ browser, close } = await launchChromium())
      const tab = await browser.newPage()
      const errors = watchErrors(tab)
      await tab.goto(`${server.url}/`)
      await expect.poll(() => tab.locator('#total').textContent(), { timeout: 30_000 }).toBe('18.74')
      await expect.poll(() => tab.locator('#classic').textContent(), { timeout: 30_000 }).toBe('18.74')
      expect(errors).toEqual([])
    } finally {
      await close?.()
      await server.close()
    }
  })

  it('is tree-shakeable: a bundle of estimate alone leaves out the log parser, the advice and the charts’ series', async () => {
    const alone = await bundle(`import { estimate } from 'lambda-cost-engine'\nexport const cents = estimate(${CLASSIC}).totalCents\n`)
    const whole = await bundle(`export * from 'lambda-cost-engine'\n`)
    for (const text of ['Logs Insights row with an unclosed quote', 'the cheapest region that prices']) {
      expect(whole).toContain(text)
      expect(alone).not.toContain(text)
    }
    // The measured sizes, for the README's "Size" (minified, gzip -9).
    console.info(`lambda-cost-engine: estimate alone ${gzipKb(alone).toFixed(1)} KB gzipped; the whole package ${gzipKb(whole).toFixed(1)} KB`)
  })

  it('lambda-cost-engine/aws-2016 bundles estimate and estimateTotal without the log parser, the advice or the series', async () => {
    const code = await bundle(
      `import { estimate, estimateTotal } from 'lambda-cost-engine/aws-2016'\nexport const cents = [estimate(${CLASSIC}).totalCents, estimateTotal(${CLASSIC}).totalCents]\n`,
    )
    for (const text of ['Logs Insights row with an unclosed quote', 'the cheapest region that prices']) expect(code).not.toContain(text)
    const kb = gzipKb(code)
    // The README's "Size": the classic sheet alone, under 10 KB (it prices the two lines
    // itself, without the current sheet's tables of fields and meters).
    console.info(`lambda-cost-engine/aws-2016: estimate and estimateTotal ${kb.toFixed(1)} KB gzipped`)
    expect(kb).toBeLessThan(10)
  })
})
