import { METERS } from './meters'
import type { Architecture, LineKind } from './types'

// A bill line's meter and bracket packed in one number, so the fast path's
// lines are a flat array of numbers.

/** Meters fit in the low 5 bits of a line code. */
const METER_BITS = 32

/** A line's meter (its index in METERS) and bracket (0 for none) packed in one number. */
export function lineCode(meter: number, tier: number): number {
  return meter + METER_BITS * tier
}

/** The meter index, kind, architecture and bracket (undefined for none) a line code stands for. */
export function lineOfCode(code: number): { meter: number; kind: LineKind; architecture: Architecture | undefined; tier: number | undefined } {
  const meter = code % METER_BITS
  const tier = Math.floor(code / METER_BITS)
  const spec = METERS[meter]!
  return { meter, kind: spec.kind, architecture: spec.architecture, tier: tier === 0 ? undefined : tier }
}
