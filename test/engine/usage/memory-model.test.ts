import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { modelDurationMs, rightSizeMemoryMb, vcpuShare } from '../../../src/engine/index'

const CURRENT = { minMb: 128, maxMb: 10_240, stepMb: 1 }
const CLASSIC = { minMb: 128, maxMb: 3008, stepMb: 64 }

describe('the memory curve model', () => {
  it('gives one vCPU at 1,769 MB and 6 at 10,240 MB only to multi-threaded code', () => {
    expect(vcpuShare(1769, false)).toBe(1)
    expect(vcpuShare(884.5, false)).toBe(0.5)
    expect(vcpuShare(3538, false)).toBe(1)
    expect(vcpuShare(10_240, true)).toBe(6)
    expect(vcpuShare(1769 + (10_240 - 1769) / 5, true)).toBeCloseTo(2, 12)
  })

  it('scales only the CPU-bound share with the vCPU share', () => {
    const base = { durationMs: 1000, atMemoryMb: 128 }
    expect(modelDurationMs({ ...base, memoryMb: 256, cpuBoundPercent: 100 })).toBe(500)
    expect(modelDurationMs({ ...base, memoryMb: 256, cpuBoundPercent: 50 })).toBe(750)
    expect(modelDurationMs({ ...base, memoryMb: 3008, cpuBoundPercent: 0 })).toBe(1000)
    // beyond one vCPU single-threaded code gains nothing: 1769 -> 10,240 MB stays 1000 ms
    expect(modelDurationMs({ durationMs: 1000, atMemoryMb: 1769, memoryMb: 10_240, cpuBoundPercent: 100 })).toBe(1000)
    // multi-threaded: 6 vCPUs, 1000 / 6 = 166.67
    expect(modelDurationMs({ durationMs: 1000, atMemoryMb: 1769, memoryMb: 10_240, cpuBoundPercent: 100, multiThreaded: true })).toBe(166.67)
    // going down: 1024 -> 512 MB, 80 % CPU-bound: 200 + 800 x 2 = 1800
    expect(modelDurationMs({ durationMs: 1000, atMemoryMb: 1024, memoryMb: 512, cpuBoundPercent: 80 })).toBe(1800)
  })

  it('is the measured duration at the measured memory, and never faster with less memory', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 90_000_000 }).map((x) => x / 100),
        fc.integer({ min: 128, max: 10_240 }),
        fc.integer({ min: 128, max: 10_240 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (durationMs, atMemoryMb, memoryMb, cpuBoundPercent, multiThreaded) => {
          const at = { durationMs, atMemoryMb, cpuBoundPercent, multiThreaded }
          expect(modelDurationMs({ ...at, memoryMb: atMemoryMb })).toBeCloseTo(durationMs, 2)
          const lo = Math.min(atMemoryMb, memoryMb)
          const hi = Math.max(atMemoryMb, memoryMb)
          expect(modelDurationMs({ ...at, memoryMb: lo })).toBeGreaterThanOrEqual(modelDurationMs({ ...at, memoryMb: hi }))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('names the field and the value it refuses', () => {
    expect(() => modelDurationMs({ durationMs: 10, atMemoryMb: 128, memoryMb: 256, cpuBoundPercent: 120 })).toThrow(
      'cpuBoundPercent must be a number from 0 to 100, not 120',
    )
    expect(() => modelDurationMs({ durationMs: Number.NaN, atMemoryMb: 128, memoryMb: 256, cpuBoundPercent: 1 })).toThrow(
      /durationMs must be .* not NaN/,
    )
  })
})

describe('right-sizing memory', () => {
  it('picks the smallest allowed size with the stated headroom', () => {
    expect(rightSizeMemoryMb(56, 20, CURRENT)).toBe(128) // 67.2 MB needed
    expect(rightSizeMemoryMb(300, 20, CURRENT)).toBe(360)
    expect(rightSizeMemoryMb(300, 20, CLASSIC)).toBe(384) // 360 rounded up to a 64 MB step from 128
    expect(rightSizeMemoryMb(301, 12.5, CURRENT)).toBe(339) // 338.625 -> 339
    expect(rightSizeMemoryMb(320, 0, CLASSIC)).toBe(320)
    expect(rightSizeMemoryMb(2900, 10, CLASSIC)).toBeNull() // 3190 MB needed, classic ends at 3008
    expect(rightSizeMemoryMb(9000, 15, CURRENT)).toBeNull()
    expect(rightSizeMemoryMb(8900, 15, CURRENT)).toBe(10_235)
  })

  it('refuses nonsense with a message', () => {
    expect(() => rightSizeMemoryMb(-1, 10, CURRENT)).toThrow('maxMemoryUsedMb must be a number from 0 to 100,000, not -1')
    expect(() => rightSizeMemoryMb(100, 10, { minMb: 128, maxMb: 64, stepMb: 1 })).toThrow(/Memory limits must be whole MB/)
  })
})
