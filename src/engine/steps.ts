import { computeBill, lineShares, type Bill, type LineBill } from './bill'
import { assumptionsOf, lineExactUsd, lineLabel, tierCountOf } from './estimate'
import { importedBill, importedSteps } from './usage/imported-bill'
import { copyInput, InvalidInputError, validateInput } from './validate'
import { addRatio, parseNumber, groupThousands, scaleRatio, subRatio, toDecimalString, type Ratio } from './decimal'
import { computeMeterOf, COST_PARTS, METERS, ON_DEMAND_DURATION_METERS, type MeterId } from './meters'
import { count, dollars, GB, inUnit, METER_STEPS, n, q } from './meter-steps'
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

/** The exact amount of a line, USD. */
/** "x USD = y USD, rounded to z USD" for a line, with a Savings Plan's share where one applies. */
function priced(l: LineBill, unit: string): string {
  const e = lineExactUsd(l)
  const plan = l.discount ? ` x ${q(scaleRatio(l.discount, 100n))} % (the Savings Plan leaves the rest)` : ''
  return `${inUnit(l.quantity, unit)} x ${l.unitPriceText} USD${plan} = ${money(e.n, e.d)}, rounded to ${dollars(l.cents)} USD`
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
    if (f.managed) {
      compute.push(line(`${who}Lambda Managed Instances: billed by the instance-hour, with no duration (GB-s), INIT or ephemeral storage charge.`))
      continue
    }
    const edge = f.edge ? ' (Lambda@Edge)' : ''
    compute.push(line(`${who}Billed duration: ${n(f.durationMs)} ms rounded up to the next ${sheet.granularityMs} ms = ${n(f.billedMs)} ms`))
    const hasCold = f.cold.n !== 0n
    const onDemand = f.concurrency > 0 ? 'on-demand (spill-over) ' : ''
    const ms = addRatio(scaleRatio(f.warm, BigInt(f.billedMs)), scaleRatio(f.cold, BigInt(f.billedColdMs)))
    const seconds = scaleRatio(ms, 1n, 1000n)
    if (hasCold) {
      compute.push(
        line(
          `${who}Cold starts: ${count(f.spill, `${onDemand}request`, `${onDemand}requests`)} x ${q(f.coldPercent)} % = ${count(f.cold, 'cold invocation', 'cold invocations')}; ${q(f.spill)} - ${q(f.cold)} = ${count(f.warm, 'warm invocation', 'warm invocations')}`,
        ),
      )
      compute.push(
        line(
          `${who}Billed duration of a cold invocation: ${n(f.durationMs)} ms + ${n(f.initDurationMs)} ms ${f.snapStart === 'off' ? 'INIT' : 'restore'} = ${q(addRatio(parseNumber(f.durationMs), parseNumber(f.initDurationMs)))} ms, summed first and rounded up once to the next ${sheet.granularityMs} ms = ${n(f.billedColdMs)} ms`,
        ),
      )
      compute.push(
        line(
          `${who}${count(f.warm, 'warm request', 'warm requests')} x ${n(f.billedMs)} ms + ${count(f.cold, 'cold request', 'cold requests')} x ${n(f.billedColdMs)} ms = ${q(ms)} ms x 0.001 ms to sec conversion factor = ${q(seconds)} total compute (seconds)${edge}`,
        ),
      )
    } else {
      compute.push(
        line(
          `${who}${count(f.spill, `${onDemand}request`, `${onDemand}requests`)} x ${n(f.billedMs)} ms x 0.001 ms to sec conversion factor = ${q(seconds)} total compute (seconds)${edge}`,
        ),
      )
    }
    const gbs = ON_DEMAND_DURATION_METERS.reduce((sum, m) => addRatio(sum, f.meters[m.id]), { n: 0n, d: 1n })
    compute.push(line(`${who}${GB(f.memoryMb)} GB x ${q(seconds)} seconds = ${q(gbs)} total compute (GB-s)${edge}`))
    if (f.snapStart === 'java') {
      compute.push(line(`${who}SnapStart for Java: no cache or restore charge; the restore time is billed as duration on cold invocations.`))
    }
    if (f.ignored.length > 0) {
      compute.push(line(`${who}The classic 2016 sheet ignores ${f.ignored.join(', ')}: not billed here.`, 'assumption'))
    }
  }
  for (const a of bill.architectures) {
    const fns = bill.functions.filter((f) => !f.edge && f.architecture === a.architecture)
    if (fns.length > 1) {
      const key = computeMeterOf(a.architecture)
      compute.push(line(`Total compute (${a.architecture}): ${fns.map((f) => `${q(f.meters[key])} GB-s`).join(' + ')} = ${q(a.gbs)} GB-s`))
    }
  }
  sections.push({ title: 'Compute', lines: compute })

  // Each meter's own steps, a section per chart part, in the table's order.
  const explained = new Map<string, StepLine[]>()
  for (const m of METERS) {
    const steps = METER_STEPS[m.id]
    const title = COST_PARTS.find((p) => p.id === m.part)!.label
    const lines: StepLine[] = []
    let used = false
    for (const f of bill.functions) {
      const usage = f.meters[m.id]
      if (usage.n === 0n) continue
      used = true
      for (const text of steps.perFunction?.(f, `${q(usage)} ${m.unit}`, bill) ?? []) lines.push(line(`${fnLabel(bill, f)}${text}`))
    }
    if (used) for (const text of steps.perBill?.(bill) ?? []) lines.push(line(text))
    if (lines.length > 0) explained.set(title, [...(explained.get(title) ?? []), ...lines])
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
    free.push(line(`${inUnit(bill.totalRequests, 'requests')} - ${q(freeReq)} free tier requests = ${q(reqDiff)} requests`))
    free.push(line(`Max (${q(reqDiff)} requests, 0) = ${q(bill.billableRequests)} monthly billable requests`))
    free.push(line('The free tier applies once per account: all functions here share it.'))
    if (bill.functions.some((f) => f.concurrency > 0)) {
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

  // Each line at its price, meter by meter; a meter with price brackets is introduced by its billable total.
  // A meter the free tier covers whole says so; one nothing here uses (0 requests, 0 KB out) has no step.
  const charges: StepLine[] = []
  for (const m of METERS) {
    const lines = bill.lines.filter((l) => l.meter === m.id)
    if (lines.length === 0) continue
    const use = meterUse(bill, m.id, lines)
    if (use === 'unused') continue
    if (use === 'free') {
      charges.push(line(`${m.label}: ${inUnit(bill.usage[m.id], m.unit)}, all within the free tier: 0.00 USD (free)`))
      continue
    }
    const charge = METER_STEPS[m.id].charge
    const arch = m.architecture ? `, ${m.architecture}` : ''
    const bracketed = lines.length > 1 || Array.isArray(m.price(bill.sheet, bill.region))
    if (!bracketed) {
      for (const l of lines) {
        const note = l.estimatedPrice ? (l.kind.startsWith('provisioned') ? ' (estimated price: x86_64 x 0.8)' : ' (us-east-1’s price)') : ''
        charges.push(line(`${labelOf(l)}: ${priced(l, l.quantityUnit)}${note}${charge ? ` (${charge})` : ''}`))
      }
      continue
    }
    const billable = lines.reduce((sum, l) => addRatio(sum, l.quantity), { n: 0n, d: 1n })
    charges.push(line(`${lines.length > 1 ? 'Tiered price' : 'Price'} for: ${q(billable)} ${m.unit}${m.architecture ? ` (${m.architecture})` : ''}`))
    let exact: Ratio = { n: 0n, d: 1n }
    for (const l of lines) {
      charges.push(line(`${labelOf(l)}: ${priced(l, l.quantityUnit)}`))
      exact = addRatio(exact, lineExactUsd(l))
    }
    if (lines.length > 1) charges.push(line(`Total tier cost = ${money(exact.n, exact.d)} (${charge ?? m.label}${arch})`))
  }
  if (charges.length === 0) charges.push(line('Nothing here is used, so nothing is charged.'))
  sections.push({ title: 'Charges', lines: charges })

  const plan = bill.savingsPlanPercent
  if (plan.n > 0n) {
    const eligible = bill.lines.filter((l) => l.discount && meterUse(bill, l.meter, [l]) === 'billed')
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
            : 'No eligible usage is billed here (none, or all within the free tier), so the plan changes nothing.',
        ),
      ],
    })
  }

  if (bill.functions.length > 1) {
    const perFn: StepLine[] = []
    bill.functions.forEach((f, i) => {
      const parts = shares.map((s) => s[i]!)
      const total = parts.reduce((a, b) => a + b, 0n)
      // The lines it has a share of; a sum of one term or none is just the figure.
      const terms = parts.filter((c) => c !== 0n).map((c) => `${dollars(c)} USD`)
      const sum = terms.length > 1 ? `${terms.join(' + ')} = ` : ''
      perFn.push(line(`${f.name || `Function ${i + 1}`}: ${sum}${dollars(total)} USD`))
    })
    perFn.push(
      line(
        'Each line is split over the functions in proportion to their use of it before the free tier (the free tier and the price brackets are shared in proportion), in whole cents by largest remainder (ties to the earlier function): the shares of a line sum to the line.',
        'assumption',
      ),
    )
    sections.push({ title: 'Per function', lines: perFn })
  }

  // The lines the charges name: a meter nothing uses bills 0.00 USD and is left out, as the bill leaves it out.
  const named = bill.lines.filter((l) => meterUse(bill, l.meter, [l]) !== 'unused')
  const terms = named.map((l) => `${dollars(l.cents)} USD`)
  sections.push({
    title: 'Total',
    lines: [
      line(
        terms.length > 0
          ? `${terms.join(' + ')} = ${dollars(bill.totalCents)} USD`
          : `Nothing is used, so nothing is billed: ${dollars(bill.totalCents)} USD`,
      ),
      line('Each line is rounded half-up to the cent; the total is the sum of the rounded lines.'),
    ],
  })

  if (assumptions.length > 0) {
    sections.push({ title: 'Assumptions', lines: assumptions.map((a) => line(a, 'assumption')) })
  }

  const text = sections.map((s) => [s.title, ...s.lines.map((l) => `  ${l.text}`)].join('\n')).join('\n')
  return { sections, text }
}

/**
 * What a meter's lines are to a reader: billed (a quantity or an amount), all
 * within the free tier (usage the allowance covers whole), or unused (nothing
 * here uses the meter: a Lambda@Edge function's regional requests, 0 KB out).
 */
function meterUse(bill: Bill, meter: MeterId, lines: readonly LineBill[]): 'billed' | 'free' | 'unused' {
  if (lines.some((l) => l.quantity.n !== 0n || l.cents !== 0n)) return 'billed'
  return bill.usage[meter].n !== 0n ? 'free' : 'unused'
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
