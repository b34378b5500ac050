/**
 * `npm run bench`: how fast the engine is on this machine.
 * Prints estimate() calls per second for a one-function input, fixed and
 * varying from call to call (1,024 pre-generated inputs cycled), and the time to
 * compute 1,000-point chart series, then how fast REPORT logs are read
 * (scripts/bench-reports.ts) and a 50 MB CUR CSV is read and reconciled
 * (scripts/bench-cur.ts). Goals: >= 1,000,000 estimates/s, < 2 ms per series,
 * 1,000,000 REPORT lines in < 2 s, a 50 MB CUR CSV in < 3 s.
 */
import { spawnSync } from 'node:child_process'
import { availableParallelism, loadavg } from 'node:os'
import {
  calculationSteps,
  costByMemory,
  costByRequests,
  estimate,
  estimateTotal,
  validateInput,
  type EstimateInput,
  type FunctionInput,
} from '../src/engine/index'
import { benchReports } from './bench-reports'

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

/** A seeded generator (mulberry32): the same 1,024 inputs on every run. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!
  return { next, int, pick }
}

/**
 * 1,024 one-function inputs as users enter them: both sheets; memory 128 MB to
 * 10 GB; durations 1 ms to 10 s (log-uniform, up to two decimals); 1,000 to
 * 1 billion requests a month, given per month, hour or second; half of them with
 * the 2026 options (cold starts, provisioned concurrency, SnapStart, Edge,
 * streaming, storage, arm64, another region).
 */
function variedInputs(): EstimateInput[] {
  const r = rng(2026)
  const out: EstimateInput[] = []
  while (out.length < 1024) {
    const sheet = r.next() < 0.3 ? ('aws-2016' as const) : ('aws-current' as const)
    const monthly = Math.round(10 ** (3 + 6 * r.next()))
    const per = r.pick(['month', 'month', 'hour', 'second'] as const)
    const requests = per === 'month' ? monthly : Math.max(1, Math.round(monthly / (per === 'hour' ? 730 : 2_628_000)))
    const fn: FunctionInput = {
      memoryMb: sheet === 'aws-2016' ? 128 + 64 * r.int(0, 45) : r.int(128, 10_240),
      durationMs: Math.round(10 ** (4 * r.next()) * 100) / 100,
      requests,
      per,
    }
    if (sheet === 'aws-current' && r.next() < 0.5) {
      fn.architecture = r.pick(['x86_64', 'arm64'] as const)
      if (r.next() < 0.2) fn.ephemeralStorageMb = r.int(512, 10_240)
      if (r.next() < 0.6) {
        fn.coldStartPercent = r.pick([0.5, 1, 2, 5, 0.25])
        fn.initDurationMs = r.int(50, 2000) + r.pick([0, 0.5, 0.77])
      }
      if (r.next() < 0.2) {
        fn.provisionedConcurrency = r.int(1, 200)
        fn.provisionedHours = r.pick([730, 8, 24, 12.5])
        fn.provisionedSharePercent = r.pick([100, 80, 50])
      } else if (r.next() < 0.2) {
        fn.snapStart = r.pick(['java', 'priced'] as const)
        fn.snapStartCacheHours = r.pick([730, 744, 2])
      }
      if (r.next() < 0.2) fn.streamedMbPerRequest = r.pick([7, 10, 6.5])
      if (r.next() < 0.1 && fn.architecture !== 'arm64' && !fn.provisionedConcurrency) {
        fn.edge = true
        delete fn.ephemeralStorageMb
      }
    }
    const input: EstimateInput = { sheet, functions: [fn], freeTier: r.next() < 0.7 }
    if (sheet === 'aws-current' && r.next() < 0.3)
      input.region = r.pick(['eu-west-1', 'eu-central-2', 'ap-southeast-5', 'sa-east-1', 'ap-northeast-3'])
    if (validateInput(input).length === 0) out.push(input)
  }
  return out
}

/**
 * Calls a second: the median of 7 rounds of 500,000 calls, and the slowest
 * round; and the median per second of CPU time the process was given, which
 * other work on a shared machine disturbs far less than the clock.
 */
function estimatesPerSecond(
  inputs: EstimateInput | EstimateInput[],
  run: (input: EstimateInput) => { totalCents: number } = estimateTotal,
): { median: number; slowest: number; cpu: number } {
  const list = Array.isArray(inputs) ? inputs : [inputs]
  const mask = list.length - 1 // 1 or 1,024: a power of two
  let sink = 0
  for (let i = 0; i < 200_000; i++) sink += run(list[i & mask]!).totalCents // warm-up
  const rates: number[] = []
  const cpuRates: number[] = []
  for (let round = 0; round < 7; round++) {
    const n = 500_000
    const start = process.hrtime.bigint()
    const cpuStart = process.cpuUsage()
    for (let i = 0; i < n; i++) sink += run(list[i & mask]!).totalCents
    const ns = Number(process.hrtime.bigint() - start)
    const cpu = process.cpuUsage(cpuStart)
    rates.push(n / (ns / 1e9))
    cpuRates.push(n / ((cpu.user + cpu.system) / 1e6))
  }
  if (sink === -1) console.log(sink)
  return { median: median(rates), slowest: Math.min(...rates), cpu: median(cpuRates) }
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
const rate = (r: { median: number; slowest: number; cpu: number }) =>
  `${fmt(r.median)} calls/s (slowest round ${fmt(r.slowest)}; ${fmt(r.cpu)} per CPU-second)`
console.log(`estimateTotal(), current sheet, 1 function: ${rate(estimatesPerSecond(oneFunction))} (goal >= 1,000,000)`)
console.log(`estimateTotal(), classic sheet, 1 function: ${rate(estimatesPerSecond(classic))} (goal >= 1,000,000)`)
const varied = variedInputs()
console.log(`estimateTotal(), 1,024 varied one-function inputs cycled: ${rate(estimatesPerSecond(varied))} (goal >= 1,000,000)`)
console.log(`estimate() in full (labels, quantities, shares, assumptions), the same inputs: ${rate(estimatesPerSecond(varied, estimate))}`)
const byRequests = msPerSeries(() => costByRequests(oneFunction, { points: 1000 }))
console.log(`costByRequests, 1,000 points: ${fmt(byRequests, 3)} ms per series (goal < 2 ms)`)
const withSteps = msPerSeries(() => calculationSteps(estimate(oneFunction)))
console.log(`estimate() with steps text: ${fmt(withSteps * 1000, 1)} µs per call`)
const byMemory = msPerSeries(() => costByMemory(oneFunction))
console.log(`costByMemory, current sheet (159 sizes): ${fmt(byMemory, 3)} ms per series`)
console.log(
  `Load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')} on ${availableParallelism()} cores`,
)

console.log('')
benchReports()
// The streamed log and the CUR file each in a process of their own, as the page reads a file in its own
// Worker: a fresh heap, not the one the log above filled.
spawnSync(process.execPath, [...process.execArgv, new URL('./bench-reports.ts', import.meta.url).pathname, 'streamed'], { stdio: 'inherit' })
console.log('')
spawnSync(process.execPath, [...process.execArgv, new URL('./bench-cur.ts', import.meta.url).pathname], { stdio: 'inherit' })
