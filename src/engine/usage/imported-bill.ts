/**
 * The bill of imported usage, from plain data (`ImportedUsage`): every logged
 * invocation billed on its own (see `summarizeBilledUsage`), then priced as
 * `estimate()` prices. Also the steps that say so. Kept apart from the log
 * reading so an estimate's steps can be rebuilt from its data alone.
 */
import { architecturesInUse, priceUsage, type Bill } from '../bill'
import { compiledSheet } from '../compiled-sheet'
import { groupThousands, parseNumber, reduceRatio, subRatio, ZERO, type Ratio } from '../decimal'
import { q } from '../meter-steps'
import type { CalculationSteps, EstimateInput, StepLine } from '../types'
import { emptyUsage, addUsage, reduceUsage, type FunctionMeasure } from '../measure'
import { computeMeterOf } from '../meters'
import type { ImportedUsage } from './types'

const MB_MS_PER_GB_S = 1_024_000n

const big = (x: bigint | number): string => groupThousands(String(x))
const msOfUs = (us: bigint): string => q({ n: us, d: 1000n }, 3)

/** Mean of `sumUs` (microseconds) over `n`, in ms rounded half-up to 0.01 ms; 0 when `n` is 0. */
export function meanMs(sumUs: bigint, n: number): number {
  if (n === 0) return 0
  return Number((sumUs * 100n + BigInt(n) * 500n) / (BigInt(n) * 1000n)) / 100
}

function ceilToGranule(ms: number, g: number): number {
  const whole = Math.ceil(ms)
  return Math.ceil(whole / g) * g
}

/** The name each memory size's function goes by. */
export function importedName(memoryMb: number, sizes: number): string {
  return sizes > 1 ? `${groupThousands(String(memoryMb))} MB (imported)` : 'imported usage'
}

/** Requests per logged invocation, exactly: 1 when the log is the month. */
function scaleOf(imported: ImportedUsage): Ratio {
  const monthly = imported.options.monthlyRequests
  if (monthly === undefined) return { n: 1n, d: 1n }
  const r = parseNumber(monthly)
  return reduceRatio({ n: r.n, d: r.d * BigInt(imported.summary.invocations) })
}

/**
 * The bill of imported usage, and the input that describes it (one function
 * per logged memory size). The options are taken as already checked.
 *
 * @example importedBill({ summary, options: { sheet: 'aws-2016' } }).bill.totalCents
 */
export function importedBill(imported: ImportedUsage): { bill: Bill; input: EstimateInput } {
  const { summary, options } = imported
  const architecture = options.architecture ?? 'x86_64'
  const scale = scaleOf(imported)
  const sheet = compiledSheet(options.sheet)
  const region = sheet.regions.get(options.region ?? sheet.data.defaultRegion)!
  const freeTier = options.freeTier ?? true
  const granularityMs = sheet.data.granularityMs
  const billInit = sheet.data.extraMeters !== undefined
  const measures: FunctionMeasure[] = summary.byMemory.map((m, index) => {
    const mb = BigInt(m.memoryMb)
    const R = reduceRatio({ n: BigInt(m.invocations) * scale.n, d: scale.d })
    const cold = reduceRatio({ n: BigInt(m.coldInvocations) * scale.n, d: scale.d })
    const gbs = reduceRatio({ n: m.billedMs * scale.n * mb, d: scale.d * MB_MS_PER_GB_S })
    const meters = emptyUsage()
    meters.requests = R
    meters[computeMeterOf(architecture)] = gbs
    const durationMs = meanMs(m.durationUs, m.invocations)
    const initDurationMs = billInit ? meanMs(m.initDurationUs, m.coldInvocations) : 0
    return {
      input: { name: importedName(m.memoryMb, summary.byMemory.length), memoryMb: m.memoryMb, durationMs: 1, requests: 1, architecture },
      index,
      name: importedName(m.memoryMb, summary.byMemory.length),
      architecture,
      memoryMb: m.memoryMb,
      durationMs,
      billedMs: ceilToGranule(durationMs, granularityMs),
      billedColdMs: ceilToGranule(durationMs + initDurationMs, granularityMs),
      initDurationMs,
      storageMb: sheet.data.ephemeralStorage.includedMb,
      requestsGiven: Number(R.n) / Number(R.d),
      per: 'month',
      edge: false,
      snapStart: 'off',
      monthlyRequests: R,
      served: ZERO,
      spill: R,
      cold,
      warm: subRatio(R, cold),
      coldPercent: m.invocations === 0 ? ZERO : reduceRatio({ n: BigInt(m.coldInvocations) * 100n, d: BigInt(m.invocations) }),
      concurrency: 0,
      provisionedHours: ZERO,
      provisionedSeconds: 0n,
      sharePercent: ZERO,
      snapStartVersions: 1,
      cacheHoursBilled: ZERO,
      streamedMb: ZERO,
      meters,
      managed: null,
      byType: [],
      used: 0,
      ignored: [],
    }
  })
  let usage = emptyUsage()
  for (const f of measures) usage = addUsage(usage, f.meters)
  usage = reduceUsage(usage)
  const priced = priceUsage(sheet, region, freeTier, usage, architecturesInUse(measures))
  const bill: Bill = { sheet, region, freeTier, savingsPlanPercent: ZERO, functions: measures, usage, ...priced }
  const input: EstimateInput = {
    sheet: options.sheet,
    region: region.id,
    freeTier,
    functions: measures.map((f) => ({ name: f.name, memoryMb: f.memoryMb, durationMs: f.durationMs, requests: f.requestsGiven, architecture })),
  }
  return { bill, input }
}

/** The base steps with their unit conversions and compute told invocation by invocation. */
export function importedSteps(base: CalculationSteps, bill: Bill, imported: ImportedUsage): CalculationSteps {
  const { summary } = imported
  const monthlyRequests = imported.options.monthlyRequests
  const scale = scaleOf(imported)
  const line = (text: string, note?: 'assumption'): StepLine => (note ? { text, note } : { text })
  const g = summary.granularityMs
  const many = bill.functions.length > 1
  const who = (f: FunctionMeasure) => (many ? `${big(f.memoryMb)} MB: ` : '')
  const GB = (mb: number) => q({ n: BigInt(mb), d: 1024n })

  const conversions: StepLine[] = [
    line(
      `Imported usage: ${big(summary.invocations)} invocations read from ${summary.fromRows === undefined ? 'REPORT lines' : `${big(summary.fromRows)} Logs Insights rows`} (${big(summary.coldInvocations)} cold)${many ? `, at ${bill.functions.length} memory sizes` : ''}`,
    ),
  ]
  const totalRequests = bill.usage.requests
  conversions.push(
    line(
      monthlyRequests === undefined
        ? `Number of requests: ${q(totalRequests)} per month (the log is taken as the month)`
        : `Number of requests: ${q(totalRequests)} per month: each logged invocation stands for ${q(scale)} requests, keeping the log's mix of durations, memory sizes and cold starts`,
    ),
  )
  for (const f of bill.functions) {
    conversions.push(line(`${who(f)}Amount of memory allocated: ${big(f.memoryMb)} MB x 0.0009765625 GB in a MB = ${GB(f.memoryMb)} GB`))
  }

  const compute: StepLine[] = []
  compute.push(
    line(
      summary.billInit
        ? `Each invocation is billed on its own: Duration + Init Duration, summed first and rounded up once to the next ${g} ms (INIT is billed since 1 August 2025)`
        : `Each invocation is billed on its own: Duration rounded up to the next ${g} ms (INIT is not billed on this sheet)`,
    ),
  )
  if (summary.byMemory.some((m) => m.billedRestoreMs > 0n)) {
    compute.push(line("SnapStart's Billed Restore Duration is added to each restored invocation as logged"))
  }
  summary.byMemory.forEach((m, i) => {
    const f = bill.functions[i]!
    const initPart = summary.billInit && m.coldInvocations > 0 ? ` + ${msOfUs(m.initDurationUs)} ms of INIT` : ''
    compute.push(
      line(
        `${who(f)}${big(m.invocations)} logged invocation${m.invocations === 1 ? '' : 's'}: ${msOfUs(m.durationUs)} ms of Duration${initPart} bill ${
          m.billedMsUpper === undefined
            ? `${big(m.billedMs)} ms`
            : m.billedMsUpper === m.billedMs
              ? `at most ${big(m.billedMs)} ms (the rows give sums, not each invocation; this bill takes the most they allow)`
              : `at least ${big(m.billedMs)} ms and at most ${big(m.billedMsUpper)} ms (the rows give sums, not each invocation; this bill takes the least)`
        }, invocation by invocation (billing the average duration instead would give ${big(m.billedMsFromAverage)} ms)`,
      ),
    )
    if (m.loggedWithoutInit !== undefined) {
      compute.push(
        line(
          `${who(f)}${big(m.loggedWithoutInit)} cold invocation${m.loggedWithoutInit === 1 ? ' was' : 's were'} logged without INIT in Billed Duration (before 1 August 2025): billed as logged, so their INIT is not in this bill`,
          'assumption',
        ),
      )
    }
    if (m.billedDiffers > 0) {
      compute.push(
        line(
          `${who(f)}The logged Billed Duration differs on ${big(m.billedDiffers)} of ${big(m.invocations)} invocations (${big(m.loggedBilledMs)} ms logged in all): they are recomputed under this sheet's rules (a log from before 1 August 2025 did not bill INIT)`,
        ),
      )
    }
    const ms = { n: m.billedMs * scale.n, d: scale.d }
    const seconds = { n: ms.n, d: ms.d * 1000n }
    const gbs = f.meters[computeMeterOf(f.architecture)]
    compute.push(
      line(
        `${who(f)}${big(m.billedMs)} ms x ${q(scale)} requests per logged invocation = ${q(ms)} ms x 0.001 ms to sec conversion factor = ${q(seconds)} total compute (seconds)`,
      ),
    )
    compute.push(line(`${who(f)}${GB(f.memoryMb)} GB x ${q(seconds)} seconds = ${q(gbs)} total compute (GB-s)`))
  })
  if (many) {
    for (const a of bill.architectures) {
      const key = computeMeterOf(a.architecture)
      compute.push(line(`Total compute (${a.architecture}): ${bill.functions.map((f) => `${q(f.meters[key])} GB-s`).join(' + ')} = ${q(a.gbs)} GB-s`))
    }
  }

  const sections = base.sections.map((s) =>
    s.title === 'Unit conversions' ? { title: s.title, lines: conversions } : s.title === 'Compute' ? { title: s.title, lines: compute } : s,
  )
  const text = sections.map((s) => [s.title, ...s.lines.map((l) => `  ${l.text}`)].join('\n')).join('\n')
  return { sections, text }
}
