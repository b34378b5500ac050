// The app build's last step: the page's HTML, ready to read before any script runs.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runnerImport, type Plugin, type Rollup } from 'vite'

/**
 * The policy of the built pages, in their own `<meta http-equiv="Content-Security-Policy">`:
 * the one inline script and the one inline stylesheet by their hashes, everything
 * else from the app's own origin. What a `<meta>` cannot say (`frame-ancestors`)
 * the server sends (README, "Deploying").
 */
export function pagePolicy(hashes: { script: string; style: string }): string {
  return (
    `default-src 'none'; script-src 'self' '${hashes.script}'; style-src 'self' '${hashes.style}'; ` +
    "img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'"
  )
}

/** A CSP source for `text`: `sha256-<base64>`. */
export function cspHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`
}

/** Where a preset's prerendered page is written, in dist/: the page for `/?preset=<id>`. */
export const presetPage = (id: string) => `presets/${id}.html`

/** A preset link's id, when `url` is exactly `/?preset=<id>`; null for any other address. */
export function presetOf(url: string): string | null {
  return /^\/\?preset=([a-z0-9-]+)$/.exec(url)?.[1] ?? null
}

function only<T>(found: T[], what: string): T {
  if (found.length !== 1) throw new Error(`prerender: expected one ${what} in index.html, found ${found.length}.`)
  return found[0]!
}

/**
 * After `vite build` has written index.html:
 *
 * - its #root gets the full page rendered in Node (src/app/prerender.tsx), and
 *   `<html data-prerender="QUERY">` names the link it is the page of (index.html's
 *   inline script and src/app/start.tsx read it); each preset gets its own page,
 *   dist/presets/<id>.html, for `/?preset=<id>`;
 * - the stylesheet is inlined: the first paint waits for no other request;
 * - React, which hydrates the page, is preloaded after the page's markup, so it
 *   never holds back the HTML's own bytes; the calculator's code is a dynamic
 *   import of the entry;
 * - a `<meta>` policy allows the inline script and stylesheet by their hashes.
 */
export function prerender(): Plugin {
  let root = ''
  return {
    name: 'prerender',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const index = bundle['index.html']
        if (!index || index.type !== 'asset') return
        let template = String(index.source)

        // The stylesheet, inline.
        const link = only([...template.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g)], 'stylesheet')
        const css = bundle[link[1]!]
        if (!css || css.type !== 'asset') throw new Error(`prerender: ${link[1]} is not in the bundle.`)
        const style = String(css.source)
        if (/<\/style/i.test(style)) throw new Error('prerender: the stylesheet contains "</style", which would end it inline.')
        template = template.replace(link[0], `<style>${style}</style>`)
        delete bundle[link[1]!]
        // Nothing may load it again (vite.config.ts keeps Vite's chunk loader out of the entry for that).
        const loader = Object.values(bundle).find((c) => c.type === 'chunk' && c.code.includes(link[1]!))
        if (loader) throw new Error(`prerender: ${loader.fileName} would load ${link[1]}, which the page has inline.`)

        // React and what it imports, preloaded at the end of the body.
        const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk')
        const react = only(
          chunks.filter((c) => c.moduleIds.some((id) => /[\\/]react-dom[\\/]cjs[\\/]react-dom-client\./.test(id))),
          'chunk with react-dom/client',
        )
        const preloads = new Set<string>()
        const add = (file: string) => {
          if (preloads.has(file)) return
          preloads.add(file)
          for (const dep of chunks.find((c) => c.fileName === file)?.imports ?? []) add(dep)
        }
        add(react.fileName)
        template = template.replace(
          '</body>',
          `${[...preloads].map((file) => `  <link rel="modulepreload" crossorigin href="/${file}">\n`).join('')}  </body>`,
        )

        // The policy, first in <head>: it governs only what comes after it.
        const script = only([...template.matchAll(/<script>([\s\S]*?)<\/script>/g)], 'inline script')[1]!
        const meta = `<meta http-equiv="Content-Security-Policy" content="${pagePolicy({ script: cspHash(script), style: cspHash(style) })}" />`
        template = template.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${meta}`)
        if (!template.includes(meta)) throw new Error('prerender: index.html has no <meta charset="UTF-8" /> to put the policy after.')

        const { module } = await runnerImport<typeof import('../src/app/prerender')>('/src/app/prerender.tsx', {
          root,
          configFile: false,
          logLevel: 'error',
        })
        const page = (query: string) => {
          const markup = module.prerenderPage(query)
          // An inline style attribute would need 'unsafe-inline': the page's policy refuses it.
          if (/\sstyle="/.test(markup)) throw new Error(`prerender: the page for "${query}" has an inline style attribute, which its policy refuses.`)
          const attribute = query.replaceAll('&', '&amp;').replaceAll('"', '&quot;')
          const filled = template.replace('<html lang="en">', `<html lang="en" data-prerender="${attribute}">`).replace('<!--prerendered-->', markup)
          if (!filled.includes(`data-prerender="${attribute}"`) || !filled.includes(markup)) {
            throw new Error('prerender: index.html needs <html lang="en"> and <!--prerendered--> in its #root.')
          }
          return filled
        }
        index.source = page('')
        for (const query of module.PRERENDERED_QUERIES) {
          const id = new URLSearchParams(query).get('preset')
          if (id) this.emitFile({ type: 'asset', fileName: presetPage(id), source: page(query) })
        }
      },
    },
  }
}

/**
 * `vite preview` serves a preset's link, `/?preset=<id>`, with that preset's
 * prerendered page, as the deployment does (README, "Deploying"). Any other
 * address gets index.html, whose inline script sees that it is not its link.
 */
export function presetPages(): Plugin {
  let outDir = ''
  return {
    name: 'preset-pages',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, _res, next) => {
        const id = presetOf(req.url ?? '')
        if (id && existsSync(join(outDir, presetPage(id)))) req.url = `/${presetPage(id)}`
        next()
      })
    },
  }
}
