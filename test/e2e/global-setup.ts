import { build, preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

let server: PreviewServer | undefined

/** Builds the app as a user gets it (npm run build) and serves dist/ with `vite preview`. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vitest sets NODE_ENV=test, and Vite would honour it with a development
  // build of React; the browser tests must run what users get.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ logLevel: 'warn' })
    await build({ logLevel: 'warn', mode: 'embed' })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  server = await preview({ logLevel: 'warn', preview: { port: 4300, strictPort: false, host: '127.0.0.1' } })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report its address')
  project.provide('baseURL', url.replace(/\/$/, ''))
  return async () => {
    await server?.close()
  }
}
