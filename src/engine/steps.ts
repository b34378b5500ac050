import { computeBill, lineShares, type Bill, type LineBill } from './bill'
import { assumptionsOf, lineExactUsd, lineLabel, tierCountOf } from './estimate'
import { importedBill, importedSteps } from './usage/imported-bill'
import { copyInput, InvalidInputError, validateInput } from './validate'
import {
  addRatio,
  centsToUsdString,
  parseNumber,
  groupThousands,
  mulRatio,
  pow10,
  scaleRatio,
  subRatio,
  toDecimalString,
  type Ratio,
} from './decimal'
import { COST_PARTS, METERS } from './meters'
import { REQUEST_UNIT_LABELS } from './requests'
import type { CalculationSteps, Estimate, EstimateTotal, RequestUnit, StepLine, StepSection } from './types'
import type { FunctionMeasure } from './measure'

/** How a unit's request count becomes a monthly one, in the AWS Pricing Calculator's words. */
const CONVERSIONS: Record<RequestUnit, string> = {
  second: ' x (60 seconds in a minute x 60 minutes in an hour x 730 hours in a month)',
  minute: ' x (60 minutes in an hour x 730 hours in a month)',
  hour: ' x (730 hours in a month)',
  day: ' x (730 hours in a month / 24 hours in a day)',
  month: '',
  'million-per-month': ' x 1,000,000',
}

/** An exact figure with separators; cut to 6 places with "…" where it goes on. */
function num(n: bigint, d: bigint, places = 6): string {
  const text = groupThousands(toDecimalString(n, d, places))
  return (n * pow10(places)) % d === 0n ? text : `${text}\u2026`
}

/** A ratio as `num` prints it. */
function q(r: Ratio, places = 6): string {
  return num(r.n, r.d, places)
}

/** A plain JS number with separators. */
function n(x: number): string {
  return groupThousands(String(x))
}

/** Whole cents as grouped dollars: 10000020n -> "100,000.20". */
function dollars(cents: bigint): string {
  return groupThousands(centsToUsdString(cents))
}

/** USD at full precision. */
function money(nn: bigint, d: bigint): string {
  return `${groupThousands(toDecimalString(nn, d, 10))} USD`
}

function fnLabel(bill: Bill, f: FunctionMeasure): string {
  if (bill.functions.length === 1) return ''
  return f.name ? `${f.name}: ` : `Function ${f.index + 1}: `
}

function line(text: string, note?: 'assumption'): StepLine {
  return note ? { text, note } : { text }
}

const GB = (mb: number): string => num(BigInt(mb), 1024n)

/** The exact amount of a line, USD. */
/** "x USD = y USD, rounded to z USD" for a line, with a Savings Plan's share where one applies. */
function priced(l: LineBill, unit: string): string {
  const e = lineExactUsd(l)
  const plan = l.discount ? ` x ${q(scaleRatio(l.discount, 100n))} % (the Savings Plan leaves the rest)` : ''
  return `${q(l.quantity)} ${unit} x ${l.unitPriceText} USD${plan} = ${money(e.n, e.d)}, rounded to ${dollars(l.cents)} USD`
}

/** Break-even utilisation of provisioned concurrency, as AWS states it. */
const BREAK_EVEN_PERCENT = 60

function provisionedSteps(bill: Bill, f: FunctionMeasure, out: StepLine[]): void {
  const who = fnLabel(bill, f)
  const gb = GB(f.memoryMb)
  const minutes = bill.sheet.data.extraMeters!.provisionedRoundingMinutes
  const periods = f.provisionedSeconds / BigInt(minutes * 60)
  const exactPeriods = scaleRatio(f.provisionedHours, 60n, BigInt(minutes))
  out.push(
    line(
      `${who}Enabled time: ${q(f.provisionedHours)} hours x 60 minutes / ${minutes} minutes = ${q(exactPeriods)} periods, rounded up to ${n(Number(periods))} x ${minutes * 60} seconds = ${n(Number(f.provisionedSeconds))} seconds`,
    ),
  )
  const pcGbs = f.architecture === 'arm64' ? f.meters.pcArmGbs : f.meters.pcX86Gbs
  const durGbs = f.architecture === 'arm64' ? f.meters.pcDurationArmGbs : f.meters.pcDurationX86Gbs
  out.push(
    line(
      `${who}${n(f.concurrency)} provisioned environments x ${gb} GB x ${n(Number(f.provisionedSeconds))} seconds = ${q(pcGbs)} GB-s of provisioned concurrency (${f.architecture})`,
    ),
  )
  out.push(
    line(
      `${who}${q(f.monthlyRequests)} requests x ${q(f.sharePercent)} % = ${q(f.served)} requests served by provisioned environments; ${q(f.spill)} run on demand (spill-over)`,
    ),
  )
  out.push(
    line(
      `${who}${q(f.served)} requests x ${n(f.billedMs)} ms x 0.001 ms to sec conversion factor x ${gb} GB = ${q(durGbs)} GB-s of provisioned duration (no INIT: the environments are initialised in advance)`,
    ),
  )
  // Utilisation: the served requests' time over the environments' enabled time.
  const capacity = BigInt(f.concurrency) * 3600n
  const capacityS = scaleRatio(f.provisionedHours, capacity)
  if (capacityS.n > 0n) {
    const busy = scaleRatio(mulRatio(f.served, parseNumber(f.durationMs)), 1n, 1000n)
    const util = { n: busy.n * capacityS.d * 100n, d: busy.d * capacityS.n }
    const prices = bill.region.provisioned[f.architecture]!
    const pcUsd = addRatio(mulRatio(pcGbs, prices.concurrency.usd), mulRatio(durGbs, prices.duration.usd))
    const onDemandRate = bill.region.compute[f.architecture]![0]!.usdPerGbSecond
    const onDemandUsd = mulRatio(durGbs, onDemandRate)
    const diff = subRatio(onDemandUsd, pcUsd)
    const cents = (x: Ratio) => {
      const c = (x.n < 0n ? -x.n : x.n) * 100n
      return dollars((2n * c + x.d) / (2n * x.d))
    }
    const verdict =
      diff.n >= 0n ? `provisioned concurrency saves ${cents(diff)} USD against on demand` : `on demand would cost ${cents(diff)} USD less`
    out.push(
      line(
        `${who}Your provisioned environments are busy ${groupThousands(toDecimalString(util.n, util.d, 1))} % of the time (break-even about ${BREAK_EVEN_PERCENT} %): ${verdict} (the same invocations at ${onDemandRate.n === 0n ? '0' : bill.region.compute[f.architecture]![0]!.usdPerGbSecondText} USD per GB-s, before the free tier).`,
      ),
    )
  }
}

/**
 * The calculation in the manner of the AWS Pricing Calculator's "Show
 * calculations": unit conversions, compute seconds and GB-s (warm and cold),
 * provisioned concurrency, SnapStart, Lambda@Edge, streaming, the free tier
 * with `Max(x, 0)`, each line, each function's share and the sum.
 */
export function buildSteps(bill: Bill, labelOf: (line: LineBill) => string, assumptions: string[], shares: bigint[][]): CalculationSteps {
  const sheet = bill.sheet.data
  const sections: StepSection[] = []

  const conversions: StepLine[] = []
  for (const f of bill.functions) {
    const who = fnLabel(bill, f)
    const given = n(f.requestsGiven)
    conversions.push(
      line(
        f.per === 'month'
          ? `${who}Number of requests: ${given} per month`
          : `${who}Number of requests: ${given} ${REQUEST_UNIT_LABELS[f.per]}${CONVERSIONS[f.per]} = ${q(f.monthlyRequests)} per month`,
      ),
    )
    conversions.push(line(`${who}Amount of memory allocated: ${n(f.memoryMb)} MB x 0.0009765625 GB in a MB = ${GB(f.memoryMb)} GB`))
    if (sheet.ephemeralStorage.maxMb > sheet.ephemeralStorage.includedMb && !f.edge) {
      conversions.push(line(`${who}Amount of ephemeral storage allocated: ${n(f.storageMb)} MB x 0.0009765625 GB in a MB = ${GB(f.storageMb)} GB`))
    }
  }
  sections.push({ title: 'Unit conversions', lines: conversions })

  const compute: StepLine[] = []
  for (const f of bill.functions) {
    const who = fnLabel(bill, f)
    const edge = f.edge ? ' (Lambda@Edge)' : ''
    compute.push(line(`${who}Billed duration: ${n(f.durationMs)} ms rounded up to the next ${sheet.granularityMs} ms = ${n(f.billedMs)} ms`))
    const hasCold = f.cold.n !== 0n
    const onDemand = f.concurrency > 0 ? 'on-demand (spill-over) ' : ''
    const ms = addRatio(scaleRatio(f.warm, BigInt(f.billedMs)), scaleRatio(f.cold, BigInt(f.billedColdMs)))
    const seconds = scaleRatio(ms, 1n, 1000n)
    if (hasCold) {
      compute.push(
        line(
          `${who}Cold starts: ${q(f.spill)} ${onDemand}requests x ${q(f.coldPercent)} % = ${q(f.cold)} cold invocations; ${q(f.spill)} - ${q(f.cold)} = ${q(f.warm)} warm invocations`,
        ),
      )
      compute.push(
        line(
          `${who}Billed duration of a cold invocation: ${n(f.durationMs)} ms + ${n(f.initDurationMs)} ms ${f.snapStart === 'off' ? 'INIT' : 'restore'} = ${q(addRatio(parseNumber(f.durationMs), parseNumber(f.initDurationMs)))} ms, summed first and rounded up once to the next ${sheet.granularityMs} ms = ${n(f.billedColdMs)} ms`,
        ),
      )
      compute.push(
        line(
          `${who}${q(f.warm)} warm requests x ${n(f.billedMs)} ms + ${q(f.cold)} cold requests x ${n(f.billedColdMs)} ms = ${q(ms)} ms x 0.001 ms to sec conversion factor = ${q(seconds)} total compute (seconds)${edge}`,
        ),
      )
    } else {
      compute.push(
        line(
          `${who}${q(f.spill)} ${onDemand}requests x ${n(f.billedMs)} ms x 0.001 ms to sec conversion factor = ${q(seconds)} total compute (seconds)${edge}`,
        ),
      )
    }
    const gbs = f.edge ? f.meters.edgeGbs : f.architecture === 'arm64' ? f.meters.armGbs : f.meters.x86Gbs
    compute.push(line(`${who}${GB(f.memoryMb)} GB x ${q(seconds)} seconds = ${q(gbs)} total compute (GB-s)${edge}`))
    if (f.ignored.length > 0) {
      compute.push(line(`${who}The classic 2016 sheet ignores ${f.ignored.join(', ')}: not billed here.`, 'assumption'))
    }
  }
  for (const a of bill.architectures) {
    const fns = bill.functions.filter((f) => !f.edge && f.architecture === a.architecture)
    if (fns.length > 1) {
      const key = a.architecture === 'arm64' ? 'armGbs' : 'x86Gbs'
      compute.push(line(`Total compute (${a.architecture}): ${fns.map((f) => `${q(f.meters[key])} GB-s`).join(' + ')} = ${q(a.gbs)} GB-s`))
    }
  }
  sections.push({ title: 'Compute', lines: compute })

  const pcFns = bill.functions.filter((f) => f.concurrency > 0)
  if (pcFns.length > 0) {
    const pc: StepLine[] = []
    for (const f of pcFns) provisionedSteps(bill, f, pc)
    sections.push({ title: 'Provisioned concurrency', lines: pc })
  }

  const snapFns = bill.functions.filter((f) => f.snapStart !== 'off')
  if (snapFns.length > 0) {
    const snap: StepLine[] = []
    for (const f of snapFns) {
      const who = fnLabel(bill, f)
      if (f.snapStart === 'java') {
        snap.push(line(`${who}SnapStart for Java: no cache or restore charge; restore time is billed as duration on cold invocations.`))
        continue
      }
      const min = bill.sheet.extra!.minCacheHours
      snap.push(
        line(
          `${who}${n(f.snapStartVersions)} version(s) x ${GB(f.memoryMb)} GB x ${q(f.cacheHoursBilled)} hours (at least ${min}) x 3,600 seconds = ${q(f.meters.cacheGbs)} GB-s of SnapStart cache`,
        ),
      )
      snap.push(line(`${who}${q(f.cold)} restores (the cold invocations) x ${GB(f.memoryMb)} GB = ${q(f.meters.restoreGb)} GB restored`))
    }
    sections.push({ title: 'SnapStart', lines: snap })
  }

  const streamFns = bill.functions.filter((f) => f.meters.streamGib.n > 0n)
  if (streamFns.length > 0) {
    const stream: StepLine[] = []
    const freeMb = sheet.extraMeters!.streaming.freeMbPerRequest
    for (const f of streamFns) {
      const who = fnLabel(bill, f)
      const beyond = subRatio(f.streamedMb, { n: BigInt(freeMb), d: 1n })
      stream.push(
        line(
          `${who}${q(f.monthlyRequests)} requests x (${q(f.streamedMb)} MB - ${freeMb} MB free per request) = ${q(mulRatio(f.monthlyRequests, beyond))} MB / 1,024 = ${q(f.meters.streamGib)} GiB streamed`,
        ),
      )
    }
    const total = bill.usage.streamGib
    if (bill.freeTier) {
      const free = bill.sheet.extra!.freeStreamingGib
      const diff = subRatio(total, { n: free, d: 1n })
      stream.push(line(`${q(total)} GiB - ${n(Number(free))} free tier GiB = ${q(diff)} GiB`))
      stream.push(line(`Max (${q(diff)} GiB, 0) = ${q(bill.billableStream)} billable GiB`))
    }
    sections.push({ title: 'Response streaming', lines: stream })
  }

  // Meters that explain their own measuring, a section per chart part.
  const explained = new Map<string, StepLine[]>()
  for (const m of METERS) {
    if (!m.explain) continue
    for (const f of bill.functions) {
      const usage = f.meters[m.id]
      if (usage.n === 0n) continue
      const title = COST_PARTS.find((p) => p.id === m.part)!.label
      const lines = explained.get(title) ?? []
      for (const text of m.explain(f.input, `${q(usage)} ${m.unit}`)) lines.push(line(`${fnLabel(bill, f)}${text}`))
      explained.set(title, lines)
    }
  }
  for (const [title, lines] of explained) sections.push({ title, lines })

  const free: StepLine[] = []
  if (bill.freeTier) {
    let left: Ratio = { n: bill.sheet.freeGbSeconds, d: 1n }
    for (const a of bill.architectures) {
      const label = bill.architectures.length > 1 ? ` (${a.architecture})` : ''
      const diff = subRatio(a.gbs, left)
      free.push(line(`${q(a.gbs)} GB-s${label} - ${q(left)} free tier GB-s = ${q(diff)} GB-s`))
      free.push(line(`Max (${q(diff)} GB-s, 0) = ${q(a.billable)} total billable GB-s${label}`))
      left = subRatio(left, a.freeUsed)
    }
    const freeReq = { n: bill.sheet.freeRequests, d: 1n }
    const reqDiff = subRatio(bill.totalRequests, freeReq)
    free.push(line(`${q(bill.totalRequests)} requests - ${q(freeReq)} free tier requests = ${q(reqDiff)} requests`))
    free.push(line(`Max (${q(reqDiff)} requests, 0) = ${q(bill.billableRequests)} monthly billable requests`))
    free.push(line('The free tier applies once per account: all functions here share it.'))
    if (pcFns.length > 0) {
      free.push(
        line(
          'The free tier covers all regional requests and on-demand GB-s (INIT and spill-over included), never the provisioned concurrency or provisioned duration lines.',
          'assumption',
        ),
      )
    }
    if (bill.functions.some((f) => f.edge)) free.push(line('Lambda@Edge has no free tier: its requests and GB-s are all billable.'))
  } else {
    free.push(line('Free tier not included: all usage is billable.'))
  }
  sections.push({ title: 'Free tier', lines: free })

  const charges: StepLine[] = []
  for (const a of bill.architectures) {
    const tierLines = bill.lines.filter((l) => l.kind === 'compute' && l.architecture === a.architecture)
    const priceWord = tierLines.length > 1 || (bill.region.compute[a.architecture]?.length ?? 1) > 1 ? 'Tiered price' : 'Price'
    charges.push(line(`${priceWord} for: ${q(a.billable)} GB-s (${a.architecture})`))
    let exact: Ratio = { n: 0n, d: 1n }
    for (const l of tierLines) {
      charges.push(line(`${labelOf(l)}: ${priced(l, 'GB-s')}`))
      exact = addRatio(exact, lineExactUsd(l))
    }
    if (tierLines.length > 1) charges.push(line(`Total tier cost = ${money(exact.n, exact.d)} (monthly compute charges, ${a.architecture})`))
  }
  const req = bill.lines.find((l) => l.kind === 'requests')!
  charges.push(line(`${priced(req, 'requests')} (monthly request charges)`))
  if (sheet.ephemeralStorage.maxMb > sheet.ephemeralStorage.includedMb) {
    for (const f of bill.functions) {
      if (f.edge) continue
      const who = fnLabel(bill, f)
      const extraMb = Math.max(0, f.storageMb - sheet.ephemeralStorage.includedMb)
      const allMs = addRatio(
        addRatio(scaleRatio(f.warm, BigInt(f.billedMs)), scaleRatio(f.cold, BigInt(f.billedColdMs))),
        scaleRatio(f.served, BigInt(f.billedMs)),
      )
      charges.push(
        line(
          `${who}${GB(f.storageMb)} GB - 0.5 GB (no additional charge) = ${GB(extraMb)} GB billable ephemeral storage${extraMb > 0 ? `; x ${q(scaleRatio(allMs, 1n, 1000n))} seconds (INIT and provisioned invocations included) = ${q(f.meters.storageGbs)} GB-s` : ''}`,
        ),
      )
    }
    const storage = bill.lines.find((l) => l.kind === 'ephemeral-storage')
    if (storage) charges.push(line(`${priced(storage, 'GB-s')} (monthly ephemeral storage charges)`))
  }
  for (const l of bill.lines) {
    if (l.kind === 'requests' || l.kind === 'compute' || l.kind === 'ephemeral-storage') continue
    charges.push(line(`${labelOf(l)}: ${priced(l, l.quantityUnit)}${l.estimatedPrice ? ' (estimated price: x86_64 x 0.8)' : ''}`))
  }
  sections.push({ title: 'Charges', lines: charges })

  const plan = bill.savingsPlanPercent
  if (plan.n > 0n) {
    const eligible = bill.lines.filter((l) => l.discount)
    const spend = eligible.reduce((sum, l) => sum + l.cents, 0n)
    const percent = q(plan)
    const hourly = { n: spend, d: 100n * 730n }
    sections.push({
      title: 'Compute Savings Plan',
      lines: [
        line(
          `A Compute Savings Plan of ${percent} % is assumed to cover all eligible usage: on-demand duration (INIT included), provisioned concurrency and provisioned duration. Not covered: ${NOT_COVERED}.`,
          'assumption',
        ),
        line(
          `Each eligible line's exact amount, after the free tier and the price brackets, is multiplied by (100 - ${percent}) / 100 and then rounded half-up to the cent; there is no separate discount line.`,
        ),
        line(
          eligible.length > 0
            ? `Discounted eligible spend: ${eligible.map((l) => `${dollars(l.cents)} USD`).join(' + ')} = ${dollars(spend)} USD a month / 730 hours = ${money(hourly.n, hourly.d)} an hour: the hourly commitment that covers it.`
            : 'No line of this bill is eligible, so the plan changes nothing here.',
        ),
      ],
    })
  }

  if (bill.functions.length > 1) {
    const perFn: StepLine[] = []
    bill.functions.forEach((f, i) => {
      const parts = shares.map((s) => s[i]!)
      const total = parts.reduce((a, b) => a + b, 0n)
      perFn.push(line(`${f.name || `Function ${i + 1}`}: ${parts.map((c) => `${dollars(c)} USD`).join(' + ')} = ${dollars(total)} USD`))
    })
    perFn.push(
      line(
        'Each line is split over the functions in proportion to their use of it before the free tier (the free tier and the price brackets are shared in proportion), in whole cents by largest remainder (ties to the earlier function): the shares of a line sum to the line.',
        'assumption',
      ),
    )
    sections.push({ title: 'Per function', lines: perFn })
  }

  sections.push({
    title: 'Total',
    lines: [
      line(`${bill.lines.map((l) => `${dollars(l.cents)} USD`).join(' + ')} = ${dollars(bill.totalCents)} USD`),
      line('Each line is rounded half-up to the cent; the total is the sum of the rounded lines.'),
    ],
  })

  if (assumptions.length > 0) {
    sections.push({ title: 'Assumptions', lines: assumptions.map((a) => line(a, 'assumption')) })
  }

  const text = sections.map((s) => [s.title, ...s.lines.map((l) => `  ${l.text}`)].join('\n')).join('\n')
  return { sections, text }
}

/** The parts of a bill no Savings Plan covers, as the charts name them: "Requests, Ephemeral storage, ...". */
const NOT_COVERED = [...new Set(METERS.filter((m) => !m.savingsPlan).map((m) => m.part))]
  .map((id) => COST_PARTS.find((p) => p.id === id)!.label)
  .join(', ')

/** The parts of a bill the calculation steps are written from. */
interface StepsSource {
  bill: Bill
  labelOf: (line: LineBill) => string
  assumptions: string[]
  shares: bigint[][]
  /** Rewrites the built steps (an estimate of imported usage explains its own compute). */
  edit?: (steps: CalculationSteps) => CalculationSteps
}

/**
 * What an estimate's steps are written from, rebuilt from its data alone (its
 * `input`, or the imported usage it priced), so that a copy of an estimate
 * (`structuredClone`, JSON) explains itself as the original does.
 */
function stepsSourceOf(estimate: Estimate | EstimateTotal): StepsSource {
  let bill: Bill
  let edit: StepsSource['edit']
  const imported = 'imported' in estimate ? estimate.imported : undefined
  if (imported) {
    bill = importedBill(imported).bill
    edit = (steps) => importedSteps(steps, bill, imported)
  } else {
    const problems = validateInput(estimate.input)
    if (problems.length > 0) throw new InvalidInputError(problems)
    bill = computeBill(copyInput(estimate.input))
  }
  const source: StepsSource = {
    bill,
    labelOf: (line) => lineLabel(line, tierCountOf(bill, line)),
    assumptions: assumptionsOf(bill),
    shares: lineShares(bill),
  }
  if (edit) source.edit = edit
  return source
}

const built = new WeakMap<Estimate | EstimateTotal, CalculationSteps>()

/**
 * "Show calculations" for an estimate: the calculation in the manner of the
 * AWS Pricing Calculator, as sections of lines and as plain text. Built once
 * per estimate. Its own module, so the code loads only where the steps are shown.
 *
 * @example calculationSteps(estimate(input)).sections[0].title // 'Unit conversions'
 */
export function calculationSteps(estimate: Estimate | EstimateTotal): CalculationSteps {
  let steps = built.get(estimate)
  if (!steps) {
    const source = stepsSourceOf(estimate)
    steps = buildSteps(source.bill, source.labelOf, source.assumptions, source.shares)
    if (source.edit) steps = source.edit(steps)
    built.set(estimate, steps)
  }
  return steps
}
