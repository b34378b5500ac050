import { centsToUsdString, groupThousands, parseNumber, toDecimalString } from './decimal'
import { estimate } from './estimate'
import { estimateTotal } from './estimate-total'
import { requestsPerMonth } from './requests'
import { PRICE_SHEETS } from './sheets/registry'
import type { EstimateInput, FunctionInput } from './types'
import { HEADROOM_PERCENT } from './usage/compare-bills'
import { modelDurationMs, rightSizeMemoryMb } from './usage/memory-model'
import type { PowerTuningPoint } from './usage/power-tuning'
import { formatPlainNumber, InvalidInputError } from './validate'

// What the engine already knows that would lower a bill, as one line each,
// with the saving: every alternative is a whole input, checked and priced as
// any estimate is, and the saving is the difference of the two totals in
// whole cents. An alternative AWS does not allow has problems, and is skipped.

/**
 * What a piece of advice changes: provisioned concurrency given up, arm64,
 * another memory size, the free tier switched on, another region.
 *
 * @example const kind: AdviceKind = 'arm64'
 */
export type AdviceKind = 'provisioned' | 'arm64' | 'memory' | 'free-tier' | 'region'

/**
 * One way to pay less, with what it saves a month.
 *
 * @example
 * adviceFor({ sheet: 'aws-current', functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6 }] })[0]
 * // { kind: 'arm64', functionIndex: 0, text: 'On arm64 (Graviton), if its code runs there: $3.66 less.', savingCents: 366, savingUsd: '3.66', input: { ... } }
 */
export interface Advice {
  kind: AdviceKind
  /** The function the advice is about (0-based); absent for the account's (free tier, region). */
  functionIndex?: number
  /** One line, saving included, as a person would say it. */
  text: string
  /** What the change saves a month, whole cents, above 0: exact up to 2^53 cents (`savingUsd` is exact at any size). */
  savingCents: number
  /** The saving as dollars with two places, e.g. "108.81". */
  savingUsd: string
  /** The input with the change made: valid, and priced to find the saving. */
  input: EstimateInput
}

/**
 * What the engine may use beyond the input: how the duration of one function
 * follows its memory, measured (power tuning) or modelled, and the most memory
 * it was seen to use.
 *
 * @example { memory: { cpuBoundPercent: 80, peakMemoryUsedMb: 300 } }
 */
export interface AdviceOptions {
  memory?: {
    /** The function the figures are about; default 0, the first. */
    functionIndex?: number
    /** Durations measured at other memory sizes (power tuning): when present, the model is not used. */
    measured?: readonly PowerTuningPoint[]
    /** Share of the duration that is CPU-bound, 0-100 %, for the model of `modelDurationMs`; 0 (the default) gives no memory advice. */
    cpuBoundPercent?: number
    /** Multi-threaded code gains from more than one vCPU above 1,769 MB. */
    multiThreaded?: boolean
    /**
     * The most memory the function used (REPORT logs), MB: the model then
     * advises down to the smallest size with `HEADROOM_PERCENT` (20 %) above
     * it; without it (or at 0, a log that reports none), no size below the one
     * entered (the model cannot know what fits).
     */
    peakMemoryUsedMb?: number
  }
  /** The most pieces of advice; default 3. */
  limit?: number
}

/** Below this utilisation provisioned concurrency costs more than on demand, AWS says (x86_64 and arm64). */
const BREAK_EVEN_PERCENT = 60n

/** Whole cents of "18.74". */
function centsOfUsd(usd: string): bigint {
  const [whole = '0', fraction = ''] = usd.split('.')
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2))
}

/** The exact total of `input`, whole cents, or null where AWS would not allow it (the input has problems). */
function totalCents(input: EstimateInput): bigint | null {
  try {
    const total = estimateTotal(input)
    // Beyond 2^53 cents the number is the nearest double: the full estimate's dollars are exact.
    return Number.isSafeInteger(total.totalCents) ? BigInt(total.totalCents) : centsOfUsd(estimate(total.input).totalUsd)
  } catch (e) {
    if (e instanceof InvalidInputError) return null
    throw e
  }
}

/** "$1,234.56". */
const dollars = (cents: bigint): string => `$${groupThousands(centsToUsdString(cents))}`

/** A line from an optional "name: " and its text: "On arm64 ..." alone, "api: on arm64 ..." after a name. */
function line(who: string, text: string): string {
  return who ? `${who}${text}` : text[0]!.toUpperCase() + text.slice(1)
}

interface Candidate {
  kind: AdviceKind
  functionIndex?: number
  /** The text before the saving; `said` adds it: "...: $3.67 less." */
  said: (saving: string) => string
  input: EstimateInput
}

/** A copy of `o` without its undefined properties. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

/** A checked input as a person would write it: only the fields it sets. */
function withoutUnset(input: EstimateInput): EstimateInput {
  return { ...defined(input), functions: input.functions.map(defined) }
}

/** `input` with function `i` replaced by `fn`. */
function withFunction(input: EstimateInput, i: number, fn: FunctionInput): EstimateInput {
  const functions = input.functions.slice()
  functions[i] = fn
  return { ...input, functions }
}

/**
 * The provisioned environments' utilisation, %: the served requests' time
 * over the environments' enabled time, exact; null where nothing is enabled.
 */
function utilisation(fn: FunctionInput): { n: bigint; d: bigint } | null {
  const environments = BigInt(fn.provisionedConcurrency ?? 0)
  const hours = parseNumber(fn.provisionedHours ?? 730)
  if (environments === 0n || hours.n === 0n) return null
  const monthly = requestsPerMonth(fn.requests, fn.per ?? 'month')
  const share = parseNumber(fn.provisionedSharePercent ?? 100)
  const ms = parseNumber(fn.durationMs)
  // busy s = monthly x share / 100 x ms / 1000; enabled s = environments x hours x 3,600; x 100 for a percentage.
  return {
    n: monthly.n * share.n * ms.n * hours.d,
    d: monthly.d * share.d * ms.d * 1000n * 3600n * environments * hours.n,
  }
}

function provisionedAdvice(input: EstimateInput, who: (i: number) => string, out: Candidate[]): void {
  if (!PRICE_SHEETS[input.sheet].extraMeters) return
  input.functions.forEach((fn, i) => {
    if (fn.edge === true) return
    const util = utilisation(fn)
    if (!util || util.n >= BREAK_EVEN_PERCENT * util.d) return
    const onDemand: FunctionInput = { ...fn }
    delete onDemand.provisionedConcurrency
    delete onDemand.provisionedHours
    delete onDemand.provisionedSharePercent
    const shown = toDecimalString(util.n, util.d, 1)
    const busy = shown === '0' && util.n > 0n ? 'less than 0.1' : groupThousands(shown)
    const cold = fn.coldStartPercent ?? 0
    const colds = cold === 0 ? 'counting no cold starts' : `with its ${formatPlainNumber(cold)} % cold starts`
    out.push({
      kind: 'provisioned',
      functionIndex: i,
      said: (s) =>
        line(
          who(i),
          `provisioned concurrency is busy ${busy} % of the time, below the ${BREAK_EVEN_PERCENT} % break-even: on demand would cost ${s} less, ${colds}.`,
        ),
      input: withFunction(input, i, onDemand),
    })
  })
}

function arm64Advice(input: EstimateInput, who: (i: number) => string, out: Candidate[]): void {
  if (!PRICE_SHEETS[input.sheet].architectures.includes('arm64')) return
  input.functions.forEach((fn, i) => {
    if (fn.edge === true || (fn.architecture ?? 'x86_64') === 'arm64') return
    out.push({
      kind: 'arm64',
      functionIndex: i,
      said: (s) => line(who(i), `on arm64 (Graviton), if its code runs there: ${s} less.`),
      input: withFunction(input, i, { ...fn, architecture: 'arm64' }),
    })
  })
}

/** The cheapest of the sizes by their durations, with its total; the smaller size on a tie. */
function cheapestSize(input: EstimateInput, i: number, sizes: readonly { memoryMb: number; durationMs: number }[]) {
  const fn = input.functions[i]!
  let best: { memoryMb: number; durationMs: number; input: EstimateInput; cents: bigint } | null = null
  for (const size of sizes) {
    if (size.memoryMb === fn.memoryMb) continue
    const alternative = withFunction(input, i, { ...fn, memoryMb: size.memoryMb, durationMs: size.durationMs })
    const cents = totalCents(alternative)
    if (cents === null) continue
    if (!best || cents < best.cents || (cents === best.cents && size.memoryMb < best.memoryMb)) best = { ...size, input: alternative, cents }
  }
  return best
}

function memoryAdvice(input: EstimateInput, who: (i: number) => string, options: AdviceOptions['memory'], out: Candidate[]): void {
  if (!options) return
  const i = options.functionIndex ?? 0
  const fn = input.functions[i]
  if (!fn) return
  const ms = (x: number) => `${formatPlainNumber(x)} ms`
  if (Array.isArray(options.measured) && options.measured.length > 0) {
    const best = cheapestSize(input, i, options.measured)
    if (!best) return
    out.push({
      kind: 'memory',
      functionIndex: i,
      said: (s) => line(who(i), `at ${formatPlainNumber(best.memoryMb)} MB, where power tuning measured ${ms(best.durationMs)} a call: ${s} less.`),
      input: best.input,
    })
    return
  }
  const cpu = options.cpuBoundPercent ?? 0
  if (!(typeof cpu === 'number' && cpu > 0 && cpu <= 100)) return
  const limits = PRICE_SHEETS[input.sheet].memory
  // Without the memory used (or with a log that reports none), no size below the one entered.
  let floor = fn.memoryMb
  const given = options.peakMemoryUsedMb
  const peak = typeof given === 'number' && Number.isFinite(given) && given > 0 && given <= 100_000 ? given : undefined
  if (peak !== undefined) floor = Math.min(rightSizeMemoryMb(peak, HEADROOM_PERCENT, limits) ?? fn.memoryMb, fn.memoryMb)
  // The sizes the memory chart draws: the sheet's, 64 MB apart at least, and its largest.
  const step = Math.max(limits.stepMb, 64)
  const sizesMb = new Set<number>()
  for (let m = limits.minMb; m <= limits.maxMb; m += step) sizesMb.add(m)
  sizesMb.add(limits.maxMb)
  // The smallest size that fits, as the usage panel's right-sizing names it.
  sizesMb.add(floor)
  const multiThreaded = options.multiThreaded === true
  const sizes = [...sizesMb]
    .filter((m) => m >= floor)
    .map((memoryMb) => ({
      memoryMb,
      // As the chart models it: at least 0.01 ms.
      durationMs: Math.max(
        0.01,
        modelDurationMs({ durationMs: fn.durationMs, atMemoryMb: fn.memoryMb, memoryMb, cpuBoundPercent: cpu, multiThreaded }),
      ),
    }))
  const best = cheapestSize(input, i, sizes)
  if (!best) return
  const model = `${formatPlainNumber(cpu)} % CPU-bound${multiThreaded ? ', multi-threaded' : ''}`
  const room = peak !== undefined && best.memoryMb < fn.memoryMb ? `, ${HEADROOM_PERCENT} % or more above the ${formatPlainNumber(peak)} MB used` : ''
  out.push({
    kind: 'memory',
    functionIndex: i,
    said: (s) =>
      line(who(i), `at ${formatPlainNumber(best.memoryMb)} MB${room}, where the model (${model}) puts a call at ${ms(best.durationMs)}: ${s} less.`),
    input: best.input,
  })
}

function freeTierAdvice(input: EstimateInput, out: Candidate[]): void {
  if (input.freeTier !== false) return
  const free = PRICE_SHEETS[input.sheet].freeTier
  out.push({
    kind: 'free-tier',
    said: (s) =>
      `With the free tier, switched off here (${groupThousands(free.requests)} requests and ${groupThousands(free.gbSeconds)} GB-s a month, once per account): ${s} less.`,
    input: { ...input, freeTier: true },
  })
}

function regionAdvice(input: EstimateInput, base: bigint, out: Candidate[]): void {
  const sheet = PRICE_SHEETS[input.sheet]
  const here = input.region ?? sheet.defaultRegion
  let best: { id: string; name: string; cents: bigint; input: EstimateInput } | null = null
  for (const [id, region] of Object.entries(sheet.regions)) {
    // A region whose prices sources dispute is no place to move to for a saving.
    if (id === here || !region.verified) continue
    const alternative = { ...input, region: id }
    const cents = totalCents(alternative)
    if (cents !== null && cents < base && (!best || cents < best.cents)) best = { id, name: region.name, cents, input: alternative }
  }
  if (!best) return
  const { id, name } = best
  out.push({ kind: 'region', said: (s) => `In ${name}, ${id}, the cheapest region that prices all of this: ${s} less.`, input: best.input })
}

/**
 * Ways to pay less for `input`'s workload, the largest saving first, at most
 * three (`options.limit`), each only where it applies and saves at least a
 * cent:
 *
 * - provisioned concurrency busy under the 60 % break-even: the function on demand;
 * - a function on x86_64 that can run on arm64 where the region prices it;
 * - a memory size where measured durations (power tuning) or the CPU-bound
 *   model (`modelDurationMs`, with `options.memory`) say the bill drops;
 * - the free tier, where it is switched off;
 * - the cheapest region (prices undisputed) that prices everything the workload uses.
 *
 * Each alternative is a whole input, validated and priced exactly
 * (`estimateTotal`); its saving is the difference of the totals in whole
 * cents. One AWS does not allow (arm64 on Lambda@Edge, a size the sheet does
 * not offer, a region without a price used) has problems and is skipped. An
 * invalid `input` has no advice.
 *
 * @example
 * adviceFor({ sheet: 'aws-current', freeTier: false, functions: [{ memoryMb: 512, durationMs: 1000, requests: 3e6 }] }).map((a) => a.text)
 * // ['With the free tier, switched off here (1,000,000 requests and 400,000 GB-s a month, once per account): $6.87 less.',
 * //  'On arm64 (Graviton), if its code runs there: $5.00 less.',
 * //  'In Asia Pacific (Malaysia), ap-southeast-5, the cheapest region that prices all of this: $2.56 less.']
 */
export function adviceFor(input: EstimateInput, options: AdviceOptions = {}): Advice[] {
  const base = totalCents(input)
  if (base === null) return []
  // The checked copy (what was priced is what the alternatives change), without the fields it leaves out.
  const own = withoutUnset(estimateTotal(input).input)
  const several = own.functions.length > 1
  const who = (i: number) => (several ? `${own.functions[i]!.name || `Function ${i + 1}`}: ` : '')
  const candidates: Candidate[] = []
  provisionedAdvice(own, who, candidates)
  arm64Advice(own, who, candidates)
  memoryAdvice(own, who, options.memory, candidates)
  freeTierAdvice(own, candidates)
  regionAdvice(own, base, candidates)
  const priced: (Candidate & { saving: bigint })[] = []
  for (const c of candidates) {
    const cents = totalCents(c.input)
    if (cents !== null && cents < base) priced.push({ ...c, saving: base - cents })
  }
  // Largest saving first; on a tie, the order above.
  priced.sort((a, b) => (a.saving === b.saving ? 0 : a.saving > b.saving ? -1 : 1))
  const limit = options.limit ?? 3
  return priced.slice(0, Math.max(0, limit)).map((c) => {
    const advice: Advice = {
      kind: c.kind,
      text: c.said(dollars(c.saving)),
      savingCents: Number(c.saving),
      savingUsd: centsToUsdString(c.saving),
      input: c.input,
    }
    if (c.functionIndex !== undefined) advice.functionIndex = c.functionIndex
    return advice
  })
}
