import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

// Sizes are deterministic for a given build: the browser project's global
// setup has just built dist/ as `npm run build` does.
const dist = resolve(__dirname, '../../dist')
const gzipBytes = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length

/**
 * The entry script of index.html and every chunk it preloads: what the page
 * fetches of its own accord. The total and the bill are already in its HTML
 * (prerendered); this is the code that starts and hydrates them.
 */
function initialScripts(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g)].map((m) => m[1]!)
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!)
  return [...entry, ...preloads]
}

/** A chunk and every chunk it imports statically, transitively (paths under dist/). */
function withStaticImports(file: string, into = new Set<string>()): Set<string> {
  if (into.has(file)) return into
  into.add(file)
  const code = readFileSync(join(dist, file), 'utf8')
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)) withStaticImports(`assets/${m[1]}`, into)
  return into
}

/**
 * What runs before the page answers input: the initial scripts and the chunk
 * the entry imports at once (src/app/start.tsx: the store, the engine, the
 * form and the result), with what it imports statically.
 */
function interactiveScripts(): string[] {
  const files = new Set<string>()
  for (const file of initialScripts()) withStaticImports(file, files)
  const entry = initialScripts()[0]!
  const start = [...readFileSync(join(dist, entry), 'utf8').matchAll(/import\(\s*["'`]\.\/(start-[^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!)
  expect(start).toHaveLength(1)
  withStaticImports(`assets/${start[0]}`, files)
  return [...files]
}

describe('bundle sizes', () => {
  // The budget was 90 KB for an engine of two simple sheets. The 2026 bill
  // (25 regions with their caveats, cold starts, provisioned concurrency,
  // SnapStart, Edge, streaming, per-function shares) has to run before the
  // first total; what does not (the engine's fast path, which the result does
  // not use since it shows every line's details, the steps, the comparisons,
  // the share bar, the link notice, the exports, the usage import, the presets
  // gallery, the charts) loads after it. React DOM alone is about 64 KB of this.
  // 101.5 KB before the meters-as-data work; the fields and meter tables, the
  // combinations AWS refuses, a Savings Plan, tenant isolation and durable
  // functions (seven fields and six meters more) brought it to 108.9 KB. The classic
  // comparison's "not comparable" check (meters the other sheet has no price for)
  // and the loader of the advice under the total (the advice itself, with the fast
  // path that prices it, loads after the total) add about 1.3 KB to 107.6: 108.9 KB.
  // The page's HTML now holds the total and the bill (prerendered), so the
  // first total needs no script: the initial JavaScript is the entry, Vite's
  // chunk loader and React, preloaded to hydrate the page (69.5 KB; React DOM
  // is about 64 KB of it). The calculator's own code (the store, the engine's
  // exact bill, the form, the result: about 42 KB) is imported by the entry as
  // soon as it runs. Together 111.4 KB: 109.7 KB when it was all initial, plus
  // about 0.8 KB for the chunks' boundaries (the entry, the loader and React
  // apart) and 0.9 KB for hydration (the edits made before it, the page's own
  // print link, the charts loaded without suspending the first render).
  // Lambda Managed Instances (seven fields, three meters, exact sizing and the
  // instance prices, all needed to price a link that uses them) then added
  // about 4.9 KB to the calculator's code: 116.7 KB in all.
  it('the initial JavaScript is at most 90 KB gzipped', () => {
    const files = initialScripts()
    expect(files.length).toBeGreaterThan(0)
    const total = files.reduce((sum, f) => sum + gzipBytes(f), 0)
    expect(total).toBeLessThanOrEqual(90 * 1000)
  })

  // The bill beside Lambda (CloudWatch Logs, the API in front and data out: eight
  // function fields and one account field, eleven meters, the account's allowances
  // kept by table, the load balancer's account rules, the prices beside Lambda for
  // every region, the "Beside Lambda" section and the bill's subtotals by service),
  // all needed to price a link that uses them, and the one-line hint where logs or
  // the API cost more than a function's compute, added 4.2 KB (116,823 -> 121,069
  // bytes; the initial JavaScript above, which its issue bounds to 3 KB more, did
  // not grow). API Gateway's free tier for new accounts in the form, the store and
  // links, and the engine's text helpers in a chunk of their own now that the usage
  // imports share them, 0.5 KB more: 121,529 bytes. The bill's services (a line's
  // service and share, for the subtotals the split chart shares), the usage link's
  // place in URL sync, and an idle load balancer's hours falling on the functions
  // behind it: 121,670 bytes in all, after the fast path's meters saved 78.
  it('the JavaScript that runs before the page answers input is at most 121.7 KB gzipped', () => {
    const total = interactiveScripts().reduce((sum, f) => sum + gzipBytes(f), 0)
    expect(total).toBeLessThanOrEqual(121.7 * 1000)
  })

  it('the calculation steps, the comparisons, the advice and the engine\u2019s fast path load after the total, not before', () => {
    const initial = interactiveScripts()
      .map((f) => readFileSync(join(dist, f), 'utf8'))
      .join('\n')
    expect(initial).not.toContain('Unit conversions')
    expect(initial).not.toContain('In region')
    expect(initial).not.toContain('the cheapest region that prices all of this')
    // The fast path's own figure, 2^52, the bound DOUBLES keeps whole numbers under:
    // in the built files, and not in the initial ones (the result uses the exact bill directly).
    const doublesBound = /2\*\*52|4503599627370496/
    const built = readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dist, 'assets', f), 'utf8'))
    expect(built.some((text) => doublesBound.test(text))).toBe(true)
    expect(initial).not.toMatch(doublesBound)
  })

  it('recharts is in its own lazily loaded chunk, not in the initial JavaScript', () => {
    const initial = interactiveScripts()
      .map((f) => readFileSync(join(dist, f), 'utf8'))
      .join('\n')
    expect(initial).not.toMatch(/recharts-wrapper|recharts-surface/)
    const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'))
    const chartChunk = chunks.find((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes('recharts-surface'))
    expect(chartChunk).toBeDefined()
    expect(interactiveScripts()).not.toContain(`assets/${chartChunk}`)
  })

  it('embed.js is plain JavaScript with no React, at most 3 KB gzipped, at a stable name', () => {
    const source = readFileSync(join(dist, 'embed.js'), 'utf8')
    expect(source).not.toMatch(/\bimport\s*[{(*]|\bexport\s*[{*]|react/i)
    expect(gzipBytes('embed.js')).toBeLessThanOrEqual(3 * 1024)
  })

  it('the embed demo page ships in dist', () => {
    expect(readFileSync(join(dist, 'embed-demo.html'), 'utf8')).toContain('<lambda-cost-calculator')
  })
})
