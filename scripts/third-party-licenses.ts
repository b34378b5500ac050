// A Vite plugin that writes THIRD-PARTY-LICENSES.txt beside the build: the
// licence of every npm package whose code is in the emitted JavaScript (React,
// recharts, d3, ...), as their licences (MIT, ISC, BSD-3-Clause) require when
// the code is redistributed. Read from each package's own LICENSE file.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import type { Plugin } from 'vite'

export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.txt'

interface PackageNotice {
  name: string
  version: string
  license: string
  repository?: string
  text: string | null
}

/** The nearest directory above `file` (inside node_modules) with a named package.json, or null. */
function packageDirOf(file: string): string | null {
  let dir = dirname(file)
  while (dir.includes(`${sep}node_modules${sep}`)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string }
      if (pkg.name && pkg.version) return dir
    }
    dir = dirname(dir)
  }
  return null
}

function noticeOf(dir: string): PackageNotice {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string
    version: string
    license?: string | { type?: string }
    repository?: string | { url?: string }
  }
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(f))
  return {
    name: pkg.name,
    version: pkg.version,
    license: typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see the package'),
    repository: typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url,
    text: file ? readFileSync(join(dir, file), 'utf8').trim() : null,
  }
}

/** The notices file for `packages`, sorted by name. */
export function licensesText(packages: PackageNotice[]): string {
  const rule = '='.repeat(72)
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name))
  const head = [
    'Third-party software in this site',
    '',
    'The JavaScript of this site includes code from these npm packages, each',
    'under its own licence, reproduced below as each licence requires.',
    '',
    ...sorted.map((p) => `  ${p.name} ${p.version} (${p.license})`),
  ]
  const bodies = sorted.map((p) =>
    [
      rule,
      `${p.name} ${p.version}`,
      `License: ${p.license}`,
      ...(p.repository ? [`Source: ${p.repository.replace(/^git\+/, '')}`] : []),
      '',
      p.text ?? `The package ships no licence file; its package.json declares the ${p.license} licence.`,
    ].join('\n'),
  )
  return `${[...head, '', ...bodies].join('\n')}\n`
}

/** Emits THIRD-PARTY-LICENSES.txt with the packages of every chunk of the build. */
export function thirdPartyLicenses(): Plugin {
  return {
    name: 'third-party-licenses',
    apply: 'build',
    generateBundle(_options, bundle) {
      const dirs = new Set<string>()
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue
        for (const id of Object.keys(item.modules)) {
          const file = id.replace(/^\0/, '').replace(/\?.*$/, '')
          if (!file.includes(`${sep}node_modules${sep}`)) continue
          const dir = packageDirOf(file)
          if (dir) dirs.add(dir)
        }
      }
      // One notice per package name and version (a package may sit in two places).
      const notices = new Map<string, PackageNotice>()
      for (const dir of dirs) {
        const notice = noticeOf(dir)
        notices.set(`${notice.name}@${notice.version}`, notice)
      }
      this.emitFile({ type: 'asset', fileName: LICENSES_FILE, source: licensesText([...notices.values()]) })
    },
  }
}
