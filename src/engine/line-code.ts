import type { Architecture, LineKind } from './types'

// A bill line's kind, architecture and tier packed in one number, so the fast
// path's lines are a flat array of numbers.

const KINDS: LineKind[] = [
  'requests',
  'compute',
  'ephemeral-storage',
  'provisioned-concurrency',
  'provisioned-duration',
  'snapstart-cache',
  'snapstart-restore',
  'edge-requests',
  'edge-duration',
  'response-streaming',
]
const KIND_INDEX = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<LineKind, number>

/** A line's kind, architecture and tier packed in one number: kind + 16 x architecture (1 x86_64, 2 arm64) + 64 x tier. */
export function lineCode(kind: LineKind, arch: Architecture | undefined, tier: number): number {
  return KIND_INDEX[kind] + (arch === undefined ? 0 : arch === 'x86_64' ? 16 : 32) + 64 * tier
}

/** The kind, architecture and tier (undefined outside compute) a line code stands for. */
export function lineOfCode(code: number): { kind: LineKind; architecture: Architecture | undefined; tier: number | undefined } {
  const arch = (code >> 4) & 3
  const tier = code >> 6
  return { kind: KINDS[code & 15]!, architecture: arch === 0 ? undefined : arch === 1 ? 'x86_64' : 'arm64', tier: tier === 0 ? undefined : tier }
}
