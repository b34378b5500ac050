import type { Bill, FunctionBill, LineBill } from './bill'
import { centsToUsdString, groupThousands, pow10, toDecimalString } from './decimal'
import { REQUEST_UNIT_LABELS } from './requests'
import type { CalculationSteps, RequestUnit, StepLine, StepSection } from './types'

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

/** Whole cents as grouped dollars: 10000020n -> "100,000.20". */
function dollars(cents: bigint): string {
  return groupThousands(centsToUsdString(cents))
}

/** USD at full precision, then the rounded cents the bill uses. */
function money(n: bigint, d: bigint): string {
  return `${groupThousands(toDecimalString(n, d, 10))} USD`
}

function fnLabel(bill: Bill, f: FunctionBill): string {
  if (bill.functions.length === 1) return ''
  return f.name ? `${f.name}: ` : `Function ${f.index + 1}: `
}

function line(text: string, note?: 'assumption'): StepLine {
  return note ? { text, note } : { text }
}

/**
 * The calculation in the manner of the AWS Pricing Calculator's "Show
 * calculations": unit conversions, compute seconds and GB-s, the free tier with
 * `Max(x, 0)`, each tier, each line and the sum.
 */
export function buildSteps(bill: Bill, labelOf: (line: LineBill) => string, assumptions: string[]): CalculationSteps {
  const { requestDen: rd, gbsDen: gd } = bill
  const sheet = bill.sheet.data
  const sections: StepSection[] = []

  const conversions: StepLine[] = []
  for (const f of bill.functions) {
    const who = fnLabel(bill, f)
    const given = groupThousands(String(f.requestsGiven))
    conversions.push(
      line(
        f.per === 'month'
          ? `${who}Number of requests: ${given} per month`
          : `${who}Number of requests: ${given} ${REQUEST_UNIT_LABELS[f.per]}${CONVERSIONS[f.per]} = ${num(f.monthlyRequests, rd)} per month`,
      ),
    )
    conversions.push(
      line(
        `${who}Amount of memory allocated: ${groupThousands(String(f.memoryMb))} MB x 0.0009765625 GB in a MB = ${num(BigInt(f.memoryMb), 1024n)} GB`,
      ),
    )
    if (sheet.ephemeralStorage.maxMb > sheet.ephemeralStorage.includedMb) {
      conversions.push(
        line(
          `${who}Amount of ephemeral storage allocated: ${groupThousands(String(f.storageMb))} MB x 0.0009765625 GB in a MB = ${num(BigInt(f.storageMb), 1024n)} GB`,
        ),
      )
    }
  }
  sections.push({ title: 'Unit conversions', lines: conversions })

  const compute: StepLine[] = []
  for (const f of bill.functions) {
    const who = fnLabel(bill, f)
    const seconds = f.monthlyRequests * BigInt(f.billedMs)
    compute.push(
      line(
        `${who}Billed duration: ${groupThousands(String(f.durationMs))} ms rounded up to the next ${sheet.granularityMs} ms = ${groupThousands(String(f.billedMs))} ms`,
      ),
    )
    compute.push(
      line(
        `${who}${num(f.monthlyRequests, rd)} requests x ${groupThousands(String(f.billedMs))} ms x 0.001 ms to sec conversion factor = ${num(seconds, rd * 1000n)} total compute (seconds)`,
      ),
    )
    compute.push(line(`${who}${num(BigInt(f.memoryMb), 1024n)} GB x ${num(seconds, rd * 1000n)} seconds = ${num(f.gbs, gd)} total compute (GB-s)`))
  }
  for (const a of bill.architectures) {
    const fns = bill.functions.filter((f) => f.architecture === a.architecture)
    if (fns.length > 1) {
      compute.push(line(`Total compute (${a.architecture}): ${fns.map((f) => `${num(f.gbs, gd)} GB-s`).join(' + ')} = ${num(a.gbs, gd)} GB-s`))
    }
  }
  sections.push({ title: 'Compute', lines: compute })

  const free: StepLine[] = []
  if (bill.freeTier) {
    let left = bill.sheet.freeGbSeconds * gd
    for (const a of bill.architectures) {
      const label = bill.architectures.length > 1 ? ` (${a.architecture})` : ''
      const diff = a.gbs - left
      free.push(line(`${num(a.gbs, gd)} GB-s${label} - ${num(left, gd)} free tier GB-s = ${num(diff, gd)} GB-s`))
      free.push(line(`Max (${num(diff, gd)} GB-s, 0) = ${num(a.billable, gd)} total billable GB-s${label}`))
      left -= a.freeUsed
    }
    const freeReq = bill.sheet.freeRequests * rd
    free.push(
      line(`${num(bill.totalRequests, rd)} requests - ${num(freeReq, rd)} free tier requests = ${num(bill.totalRequests - freeReq, rd)} requests`),
    )
    free.push(line(`Max (${num(bill.totalRequests - freeReq, rd)} requests, 0) = ${num(bill.billableRequests, rd)} monthly billable requests`))
    free.push(line('The free tier applies once per account: all functions here share it.'))
  } else {
    free.push(line('Free tier not included: all usage is billable.'))
  }
  sections.push({ title: 'Free tier', lines: free })

  const charges: StepLine[] = []
  for (const a of bill.architectures) {
    const tierLines = bill.lines.filter((l) => l.kind === 'compute' && l.architecture === a.architecture)
    const priceWord = tierLines.length > 1 || (bill.region.compute[a.architecture]?.length ?? 1) > 1 ? 'Tiered price' : 'Price'
    charges.push(line(`${priceWord} for: ${num(a.billable, gd)} GB-s (${a.architecture})`))
    let exactN = 0n
    for (const l of tierLines) {
      charges.push(
        line(
          `${labelOf(l)}: ${num(l.quantity, l.den)} GB-s x ${l.unitPriceText} USD = ${money(l.quantity * l.unitPrice.n, l.den * l.unitPrice.d)}, rounded to ${dollars(l.cents)} USD`,
        ),
      )
      exactN += l.quantity * l.unitPrice.n
    }
    if (tierLines.length > 1) {
      const d = gd * tierLines[0]!.unitPrice.d
      const sameDen = tierLines.every((l) => l.unitPrice.d === tierLines[0]!.unitPrice.d)
      if (sameDen) charges.push(line(`Total tier cost = ${money(exactN, d)} (monthly compute charges, ${a.architecture})`))
    }
  }
  const req = bill.lines.find((l) => l.kind === 'requests')!
  charges.push(
    line(
      `${num(req.quantity, req.den)} requests x ${req.unitPriceText} USD = ${money(req.quantity * req.unitPrice.n, req.den * req.unitPrice.d)}, rounded to ${dollars(req.cents)} USD (monthly request charges)`,
    ),
  )
  if (sheet.ephemeralStorage.maxMb > sheet.ephemeralStorage.includedMb) {
    for (const f of bill.functions) {
      const who = fnLabel(bill, f)
      const extraMb = Math.max(0, f.storageMb - sheet.ephemeralStorage.includedMb)
      charges.push(
        line(
          `${who}${num(BigInt(f.storageMb), 1024n)} GB - 0.5 GB (no additional charge) = ${num(BigInt(extraMb), 1024n)} GB billable ephemeral storage${extraMb > 0 ? `; x ${num(f.monthlyRequests * BigInt(f.billedMs), rd * 1000n)} seconds = ${num(f.storageGbs, gd)} GB-s` : ''}`,
        ),
      )
    }
    const storage = bill.lines.find((l) => l.kind === 'ephemeral-storage')
    if (storage) {
      charges.push(
        line(
          `${num(storage.quantity, storage.den)} GB-s x ${storage.unitPriceText} USD = ${money(storage.quantity * storage.unitPrice.n, storage.den * storage.unitPrice.d)}, rounded to ${dollars(storage.cents)} USD (monthly ephemeral storage charges)`,
        ),
      )
    }
  }
  sections.push({ title: 'Charges', lines: charges })

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
