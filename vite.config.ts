/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { prerender, presetPages } from './scripts/prerender'
import { EMBED_TARGET, loaderFieldsOnly } from './scripts/embed-build'
import { thirdPartyLicenses } from './scripts/third-party-licenses'

/**
 * `vite preview` sends the one header the deployment's (README, "Deploying")
 * that the widget cannot run without in a sandboxed docs page: `/assets/` open
 * to any origin. A frame sandboxed without allow-same-origin has no origin, so
 * its module scripts and styles (always fetched with CORS) are cross-origin.
 */
function assetsForAnyOrigin(): Plugin {
  return {
    name: 'assets-for-any-origin',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/assets/')) res.setHeader('Access-Control-Allow-Origin', '*')
        next()
      })
    },
  }
}

// `vite build` builds the app; `vite build --mode embed` builds the docs
// loader on its own as one classic script, dist/embed.js, with no shared chunks.
export default defineConfig(({ mode }) => {
  if (mode === 'embed') {
    return {
      publicDir: false,
      plugins: [loaderFieldsOnly()],
      build: {
        emptyOutDir: false,
        copyPublicDir: false,
        target: EMBED_TARGET,
        lib: {
          entry: 'src/embed/loader.ts',
          formats: ['iife'],
          name: 'LambdaCostCalculatorEmbed',
          fileName: () => 'embed.js',
        },
      },
    }
  }
  return {
    // thirdPartyLicenses: dist/THIRD-PARTY-LICENSES.txt, the bundled packages' licence notices (linked from the footer).
    plugins: [react(), assetsForAnyOrigin(), thirdPartyLicenses(), presetPages(), prerender()],
    build: {
      target: 'es2022',
      rolldownOptions: {
        // The engine is pure (an architecture test enforces it): importing one of
        // its modules does nothing but define functions. Saying so lets the
        // bundler leave the chart series out of the initial JavaScript, in the
        // charts' chunk, though the engine's index re-exports them.
        treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]engine[\\/]/.test(id) },
        output: {
          codeSplitting: {
            groups: [
              // React in a chunk of its own, which the page preloads (scripts/prerender.ts):
              // it hydrates the page whatever else loads with it.
              { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
              // Vite's loader of lazy chunks, out of the entry: the chunks that use it then do not
              // depend on the entry, whose stylesheet is inline in the page and must not load again.
              { name: 'preload-helper', test: /vite[\\/]preload-helper/ },
              // The fields table and its first part (fields-core.ts, which the classic sheet's
              // package entry reads alone) load together: both are needed before the first input.
              { name: 'fields', test: /[\\/]src[\\/]engine[\\/]fields(-core)?\.ts$/ },
            ],
          },
        },
      },
    },
    test: {
      // Ceilings that catch a hang, not speed budgets: the property tests run
      // thousands of cases and take many times longer on a busy machine (a
      // 10,000-case codec property took 84 s beside two CPU-bound processes).
      testTimeout: 300_000,
      // expect.poll waits for a state; its default 1 s ceiling would time the machine instead.
      expect: { poll: { timeout: 30_000 } },
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['test/engine/**/*.test.ts', 'test/state/**/*.test.ts', 'test/architecture.test.ts'],
            exclude: ['test/state/**/*.dom.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['test/ui/**/*.test.{ts,tsx}', 'test/app/**/*.test.{ts,tsx}', 'test/embed/**/*.test.{ts,tsx}', 'test/state/**/*.dom.test.ts'],
            setupFiles: ['test/setup-dom.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            environment: 'node',
            include: ['test/e2e/**/*.test.ts'],
            globalSetup: ['test/e2e/global-setup.ts'],
            testTimeout: 180_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  }
})
