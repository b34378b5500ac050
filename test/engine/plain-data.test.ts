import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { calculationSteps, estimate, estimateFromReports, estimateTotal, parseReports, type EstimateInput } from '../../src/engine/index'

// Estimates are plain data: a copy made by structuredClone (a worker, an
// iframe, history state) or by JSON holds every figure, and the steps are a
// function of that data, not of the object the engine returned.

const twoFunctions: EstimateInput = {
  sheet: 'aws-current',
  region: 'eu-west-1',
  savingsPlanPercent: 12,
  functions: [
    { name: 'api', memoryMb: 1024, durationMs: 120.5, requests: 50, per: 'second', architecture: 'arm64', coldStartPercent: 1, initDurationMs: 400 },
    { name: 'worker', memoryMb: 2048, durationMs: 900, requests: 2_000_000, provisionedConcurrency: 5, streamedMbPerRequest: 8 },
  ],
}

const usageLog = readFileSync(resolve(__dirname, '../fixtures/usage', 'init-billing.log'), 'utf8')

describe('an estimate is plain data', () => {
  it('structuredClone keeps every field, down to each line label and function share', () => {
    const e = estimate(twoFunctions)
    const copy = structuredClone(e)
    expect(copy).toEqual(e)
    // The fields a bill table and an export read, present on the copy with their figures.
    expect(copy.lines.map((l) => l.label)).toContain('Compute (arm64), first 7.5 billion GB-s, Savings Plan: 88 % paid')
    expect(copy.functions.map((f) => f.name)).toEqual(['api', 'worker'])
    expect(copy.functions.reduce((s, f) => s + f.cents, 0)).toBe(e.totalCents)
    expect(copy.assumptions.length).toBeGreaterThan(0)
    expect(copy.freeTier.included).toBe(true)
  })

  it('a JSON round trip keeps it too', () => {
    const e = estimate(twoFunctions)
    expect(JSON.parse(JSON.stringify(e))).toEqual(JSON.parse(JSON.stringify(structuredClone(e))))
    expect(JSON.parse(JSON.stringify(e)).lines).toHaveLength(e.lines.length)
  })

  it('carries its input: estimating it again gives the same estimate', () => {
    const e = estimate(twoFunctions)
    expect(estimate(structuredClone(e.input))).toEqual(e)
  })

  it("is a copy of the caller's input: changing the input afterwards changes nothing", () => {
    const input = structuredClone(twoFunctions)
    const e = estimate(input)
    const before = structuredClone(e)
    input.functions[0]!.memoryMb = 128
    expect(e).toEqual(before)
    expect(calculationSteps(e).text).toBe(calculationSteps(before).text)
  })

  it('explains a copy as it explains the original', () => {
    const e = estimate(twoFunctions)
    const steps = calculationSteps(e)
    expect(steps.text).toContain('Savings Plan')
    expect(calculationSteps(structuredClone(e))).toEqual(steps)
  })

  it('explains a copy of imported usage with its invocation-by-invocation compute', () => {
    const e = estimateFromReports(parseReports(usageLog), { sheet: 'aws-current', freeTier: false, monthlyRequests: 20_000_000 })
    const copy = structuredClone(e)
    expect(copy).toEqual(e)
    expect(copy.imported?.summary.invocations).toBe(2)
    const steps = calculationSteps(copy)
    expect(steps).toEqual(calculationSteps(e))
    expect(steps.text).toContain('Imported usage: 2 invocations read from REPORT lines (2 cold)')
  })
})

describe('estimateTotal', () => {
  it('is plain data with the same cents as the full estimate', () => {
    const total = estimateTotal(twoFunctions)
    const full = estimate(twoFunctions)
    expect(structuredClone(total)).toEqual(total)
    expect(total.totalCents).toBe(full.totalCents)
    expect(total.lines.map((l) => [l.kind, l.architecture, l.tier, l.cents])).toEqual(
      full.lines.map((l) => [l.kind, l.architecture, l.tier, l.cents]),
    )
  })

  it('gives the full estimate of its input on demand, and the steps', () => {
    const total = estimateTotal(twoFunctions)
    expect(estimate(total.input).totalUsd).toBe(estimate(twoFunctions).totalUsd)
    expect(calculationSteps(total).text).toBe(calculationSteps(estimate(twoFunctions)).text)
  })
})
