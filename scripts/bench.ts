/**
 * `npm run bench`: how fast the engine is on this machine.
 * Prints estimate() calls per second for a one-function input and the time to
 * compute 1,000-point chart series. Goals: >= 1,000,000 estimates/s, < 2 ms per series.
 */
import { costByMemory, costByRequests, estimate, type EstimateInput } from '../src/engine/index'

const oneFunction: EstimateInput = {
  sheet: 'aws-current',
  region: 'us-east-1',
  functions: [{ memoryMb: 1536, durationMs: 120.5, requests: 3_000_000, architecture: 'x86_64' }],
}
const classic: EstimateInput = { sheet: 'aws-2016', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function estimatesPerSecond(input: EstimateInput): number {
  let sink = 0
  for (let i = 0; i < 200_000; i++) sink += estimate(input).totalCents // warm-up
  const rates: number[] = []
  for (let round = 0; round < 7; round++) {
    const n = 500_000
    const start = process.hrtime.bigint()
    for (let i = 0; i < n; i++) sink += estimate(input).totalCents
    const ns = Number(process.hrtime.bigint() - start)
    rates.push(n / (ns / 1e9))
  }
  if (sink === -1) console.log(sink)
  return median(rates)
}

function msPerSeries(run: () => unknown): number {
  for (let i = 0; i < 50; i++) run()
  const times: number[] = []
  for (let i = 0; i < 200; i++) {
    const start = process.hrtime.bigint()
    run()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return median(times)
}

const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

console.log(`Node ${process.version}, median of repeated runs`)
const current = estimatesPerSecond(oneFunction)
console.log(`estimate(), current sheet, 1 function: ${fmt(current)} calls/s (goal >= 1,000,000)`)
const old = estimatesPerSecond(classic)
console.log(`estimate(), classic sheet, 1 function: ${fmt(old)} calls/s (goal >= 1,000,000)`)
const byRequests = msPerSeries(() => costByRequests(oneFunction, { points: 1000 }))
console.log(`costByRequests, 1,000 points: ${fmt(byRequests, 3)} ms per series (goal < 2 ms)`)
const withSteps = msPerSeries(() => estimate(oneFunction).steps)
console.log(`estimate() with steps text: ${fmt(withSteps * 1000, 1)} µs per call`)
const byMemory = msPerSeries(() => costByMemory(oneFunction))
console.log(`costByMemory, current sheet (159 sizes): ${fmt(byMemory, 3)} ms per series`)
