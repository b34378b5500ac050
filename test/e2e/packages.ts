// Helpers for the npm package tests: pack a package as `npm publish` would,
// install the tarball into a fresh project, bundle a page and serve it.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** `npm pack`s `packageDir` into `into`; returns the tarball's path and the packed file list. */
export function pack(packageDir: string, into: string): { tarball: string; files: string[]; version: string } {
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', into], { cwd: packageDir, encoding: 'utf8' })
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[]; version: string }[]
  return { tarball: join(into, info!.filename), files: info!.files.map((f) => f.path), version: info!.version }
}

/**
 * A new project in a temporary directory with `tarball` installed, offline:
 * a package with no dependencies needs nothing from the registry.
 */
export function freshProjectWith(tarball: string, name = 'consumer'): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }, null, 2))
  execFileSync(npm, ['install', tarball, '--offline', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: dir, stdio: 'pipe' })
  return dir
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
}

/** Serves the files under `root` (GET only) at http://127.0.0.1:PORT; `routes` maps other paths to files. */
export async function serveStatic(root: string, routes: Record<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = routes[path] ?? join(root, normalize(path === '/' ? '/index.html' : path))
    if (!file.startsWith(root) && !routes[path]) return void res.writeHead(403).end()
    if (!existsSync(file) || !statSync(file).isFile()) return void res.writeHead(path === '/favicon.ico' ? 204 : 404).end()
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) }
}
