/**
 * The usage a CUR export says AWS billed, priced again by the engine and set
 * beside what AWS charged, line by line and function by function; then what
 * the same usage would cost otherwise (arm64, another memory size, a Savings
 * Plan, another region, Managed Instances).
 */
import { freeAllowance, lineShares, priceUsage, type LineBill } from '../bill'
import { compiledSheet, type CompiledRegion, type CompiledSheet } from '../compiled-sheet'
import { compareWaysToRun } from '../compute/ways-to-run'
import { compareRatio, gcd, groupThousands, mulRatio, parseNumber, reduceRatio, roundHalfUp, toDecimalString, ZERO, type Ratio } from '../decimal'
import { emptyUsage, type FunctionMeasure, type MeterUsage, type TypeUse } from '../measure'
import { METER_IDS, METERS, type FreePool, type MeterId } from '../meters'
import type { Architecture } from '../types'
import type { CurEntry, CurImport } from './cur'

/**
 * One line of the reconciliation: a meter in a region (and, for the Managed
 * Instances fee, an instance type), what AWS charged for it and what the
 * calculator bills for the same usage.
 *
 * @example { region: 'us-east-2', meter: 'armGbs', label: 'Compute (arm64)', awsUnblendedUsd: '1.67', calculatorUsd: '1.67', explanation: 'match', ... }
 */
export interface CurLine {
  region: string
  meter: MeterId
  instanceType?: string
  label: string
  /** The month's usage, exact decimal string (rounded to 6 places where it does not terminate), in `unit`. */
  quantity: string
  unit: string
  /** What AWS computed at on-demand rates, USD to the cent. */
  awsUnblendedUsd: string
  /** After Savings Plans. */
  awsEffectiveUsd: string
  /** Credits applied, USD (0 or negative). */
  awsCreditsUsd: string
  calculatorCents: number
  calculatorUsd: string
  /** Calculator - AWS unblended, USD to the cent (signed). */
  differenceUsd: string
  /** `match`: equal to the cent; `rounding`: within the half cents of rounding; `unexplained`: more. */
  explanation: 'match' | 'rounding' | 'unexplained'
}

/**
 * One function's month: its usage by meter, what AWS charged and the
 * calculator's share of its bill.
 *
 * @example { name: 'orders', awsUnblendedUsd: '12.40', calculatorUsd: '12.40', explanation: 'match', ... }
 */
export interface CurFunction {
  functionArn: string
  name: string
  account: string
  region: string
  architecture: Architecture
  /** Its usage by meter, exact decimal strings, in the meters' units. */
  usage: { meter: MeterId; label: string; quantity: string; unit: string; instanceType?: string }[]
  /** Requests, regional and Lambda@Edge, exact decimal string. */
  requests: string
  awsUnblendedUsd: string
  awsEffectiveUsd: string
  awsCreditsUsd: string
  calculatorCents: number
  calculatorUsd: string
  differenceUsd: string
  /** `shares`: the account's lines agree, and the difference is how the free tier and brackets are shared among functions. */
  explanation: 'match' | 'rounding' | 'shares' | 'unexplained'
  sentence: string
}

/**
 * A month of the CUR: per line, per function and for the account, AWS's
 * charge beside the calculator's, and the difference explained.
 *
 * @example reconcileCur(parseCur(csv)).months[0].sentence // 'AWS billed $1,234.56; the calculator reproduces ...'
 */
export interface CurMonth {
  month: string
  accounts: string[]
  regions: string[]
  lines: CurLine[]
  functions: CurFunction[]
  /** What AWS billed for the usage priced here: effective cost plus credits. */
  awsBilledUsd: string
  awsUnblendedUsd: string
  calculatorUsd: string
  calculatorCents: number
  /** Unblended - effective: what Savings Plans took off. */
  savingsPlanUsd: string
  /** Credits, as a positive amount taken off. */
  creditsUsd: string
  /** Differences within the half cents of rounding. */
  roundingUsd: string
  /** Differences beyond rounding, signed (calculator - AWS). */
  unexplainedUsd: string
  sentence: string
  /** Usage the calculator could not price (a region or an instance type it has no price for), with what AWS charged. */
  notPriced: { region: string; meter: MeterId; instanceType?: string; reason: string; awsUnblendedUsd: string }[]
  assumptions: string[]
}

/**
 * The reconciliation of every month in a CUR import.
 *
 * @example reconcileCur(parseCur(csv)).months.map((m) => m.month) // ['2026-09', '2026-10']
 */
export interface CurReconciliation {
  /** Every month in the import, `YYYY-MM`, in order. */
  monthIds: string[]
  /** The months reconciled: all of them, or those asked for (`months`). */
  months: CurMonth[]
  /** Usage types not priced by the calculator, with what AWS charged for them. */
  other: { usageType: string; what: string | null; rows: number; awsUnblendedUsd: string }[]
}

/**
 * Options of `reconcileCur` and `curWhatIfs`.
 *
 * @example reconcileCur(parseCur(csv), { freeTier: false })
 */
export interface CurReconcileOptions {
  /** Apply the monthly free tier (once across the accounts and regions of the file); default true. */
  freeTier?: boolean
}

/**
 * Options of `reconcileCur`.
 *
 * @example reconcileCur(parseCur(csv), { months: ['2026-10'] })
 */
export interface CurReconcileMonthsOptions extends CurReconcileOptions {
  /** Reconcile only these months (`YYYY-MM`); default every month. A page shows one at a time. */
  months?: string[]
}

const SHEET_ID = 'aws-current' as const
const METER_INDEX = new Map<MeterId, number>(METER_IDS.map((id, i) => [id, i]))
const SPEC = new Map(METERS.map((m) => [m.id, m]))

/**
 * a + b over the larger denominator where one divides the other (the CUR's
 * decimals: powers of ten), so sums of many rows stay small.
 */
function addRatio(a: Ratio, b: Ratio): Ratio {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d }
  if (b.n === 0n) return a
  if (a.n === 0n) return b
  if (a.d % b.d === 0n) return { n: a.n + b.n * (a.d / b.d), d: a.d }
  if (b.d % a.d === 0n) return { n: a.n * (b.d / a.d) + b.n, d: b.d }
  const g = gcd(a.d, b.d)
  return { n: a.n * (b.d / g) + b.n * (a.d / g), d: (a.d / g) * b.d }
}
const subRatio = (a: Ratio, b: Ratio): Ratio => addRatio(a, { n: -b.n, d: b.d })

/** USD ratio to whole cents, half away from zero. */
function centsOf(r: Ratio): bigint {
  return roundHalfUp(r.n * 100n, r.d)
}
const usdOf = (r: Ratio): string => usdCents(centsOf(r))
/** Whole cents as dollars with two places ("-0.80"), by string: it runs for every line and function. */
function usdCents(c: bigint): string {
  const neg = c < 0n
  const digits = (neg ? -c : c).toString().padStart(3, '0')
  return `${neg ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`
}
const money = (usd: string) => (usd.startsWith('-') ? `-$${groupThousands(usd.slice(1))}` : `$${groupThousands(usd)}`)
const tenPowers = new Map<bigint, number>()
/** A quantity as a decimal string (6 places at most); fast for the CUR's power-of-ten denominators. */
function qty(r: Ratio): string {
  if (r.d === 1n) return r.n.toString()
  let k = tenPowers.get(r.d)
  if (k === undefined) {
    const text = r.d.toString()
    k = /^10+$/.test(text) ? text.length - 1 : -1
    if (tenPowers.size < 64) tenPowers.set(r.d, k)
  }
  if (k < 1 || k > 6) return toDecimalString(r.n, r.d, 6)
  const neg = r.n < 0n
  const digits = (neg ? -r.n : r.n).toString().padStart(k + 1, '0')
  const frac = digits.slice(-k).replace(/0+$/, '')
  return `${neg ? '-' : ''}${digits.slice(0, -k)}${frac === '' ? '' : `.${frac}`}`
}
const absR = (r: Ratio): Ratio => (r.n < 0n ? { n: -r.n, d: r.d } : r)

/**
 * The function's name from its ARN (`arn:aws:lambda:region:account:function:name[:qualifier]`).
 *
 * @example functionNameOf('arn:aws:lambda:us-east-2:123456789012:function:orders', '123456789012', 'us-east-2') // 'orders'
 */
export function functionNameOf(arn: string, account: string, region: string): string {
  if (arn === '') return `(no function ARN: ${account || 'account'} in ${region})`
  const at = arn.indexOf(':function:')
  if (at < 0) return arn
  const name = arn.slice(at + 10)
  const colon = name.indexOf(':')
  return (colon < 0 ? name : name.slice(0, colon)) || arn
}

/** One function's usage in one region, as the pricing takes it. */
interface FnUsage {
  key: string
  arn: string
  account: string
  region: string
  meters: MeterUsage
  byType: TypeUse[]
  entries: CurEntry[]
}

function lineLabel(meter: MeterId, instanceType?: string): string {
  const spec = SPEC.get(meter)!
  return instanceType ? `${spec.label} (${instanceType})` : spec.label
}

/** Why `region` cannot price `meter` (for `type`), or null when it can. */
function unpriced(sheet: CompiledSheet, region: CompiledRegion | undefined, regionId: string, meter: MeterId, type?: string): string | null {
  if (!region) return `${regionId} is not on the calculator's price sheet`
  const p = SPEC.get(meter)!.price(sheet, region)
  if (p === null || p === undefined) return `the calculator has no ${lineLabel(meter)} price for ${regionId}`
  if (type !== undefined && !('perType' in p && p.perType.has(type)))
    return `the calculator has no Managed Instances price for ${type} in ${regionId}`
  return null
}

interface PricedRegion {
  region: string
  fns: FnUsage[]
  lines: LineBill[]
  shares: bigint[][]
}

interface PricedAccount {
  regions: PricedRegion[]
  totalCents: bigint
}

/**
 * Prices the functions' usage as one account's month: the free tier once,
 * region by region in alphabetical order (x86_64 before arm64 in each, as the
 * engine does), then each region's brackets and lines.
 */
function priceAccount(fns: FnUsage[], freeTier: boolean, savingsPlanPercent: Ratio = ZERO): PricedAccount {
  const sheet = compiledSheet(SHEET_ID)
  const byRegion = new Map<string, FnUsage[]>()
  for (const f of fns) {
    let list = byRegion.get(f.region)
    if (!list) byRegion.set(f.region, (list = []))
    list.push(f)
  }
  // Every always-free allowance of the sheet, as the estimate has them (API Gateway's is for new accounts only).
  const left = Object.fromEntries(Object.entries(freeAllowance(sheet, true)!).map(([pool, n]) => [pool, { n, d: 1n }])) as Record<FreePool, Ratio>
  const regions: PricedRegion[] = []
  let totalCents = 0n
  for (const id of [...byRegion.keys()].sort()) {
    const list = byRegion.get(id)!
    const region = sheet.regions.get(id)!
    let usage = emptyUsage()
    let used = 0
    const byType: TypeUse[] = []
    for (const f of list) {
      for (let i = 0; i < METER_IDS.length; i++) {
        const m = METER_IDS[i]!
        const q = f.meters[m]
        if (q.n === 0n) continue
        usage[m] = addRatio(usage[m], q)
        used |= 1 << i
      }
      for (const t of f.byType) {
        byType.push(t)
        used |= 1 << METER_INDEX.get(t.meter)!
      }
    }
    const inUse = { x86_64: usage.x86Gbs.n !== 0n, arm64: usage.armGbs.n !== 0n }
    if (freeTier) {
      const after = { ...usage }
      for (const spec of METERS) {
        if (!spec.free) continue
        const have = usage[spec.id]
        const pool = left[spec.free]!
        const take = compareRatio(have, pool) <= 0 ? have : pool
        after[spec.id] = reduceRatio(subRatio(have, take))
        left[spec.free] = reduceRatio(subRatio(pool, take))
      }
      usage = after
    }
    const priced = priceUsage(sheet, region, false, usage, inUse, savingsPlanPercent, byType, used)
    const shares = lineShares({ functions: list as unknown as FunctionMeasure[], lines: priced.lines })
    regions.push({ region: id, fns: list, lines: priced.lines, shares })
    totalCents += priced.totalCents
  }
  return { regions, totalCents }
}

interface MonthUsage {
  fns: FnUsage[]
  notPriced: CurMonth['notPriced']
  /** Entries priced, and their AWS sums. */
  priced: CurEntry[]
}

/** The month's entries as functions' usage; entries the calculator cannot price are set apart. */
function monthUsage(entries: CurEntry[]): MonthUsage {
  const sheet = compiledSheet(SHEET_ID)
  const fns = new Map<string, FnUsage>()
  const notPriced: CurMonth['notPriced'] = []
  const priced: CurEntry[] = []
  for (const e of entries) {
    const why = unpriced(sheet, sheet.regions.get(e.region), e.region, e.meter, e.instanceType)
    if (why) {
      notPriced.push({ region: e.region, meter: e.meter, instanceType: e.instanceType, reason: why, awsUnblendedUsd: usdOf(e.unblendedUsd) })
      continue
    }
    priced.push(e)
    const key = `${e.account}\u0000${e.region}\u0000${e.functionArn}`
    let f = fns.get(key)
    if (!f) fns.set(key, (f = { key, arn: e.functionArn, account: e.account, region: e.region, meters: emptyUsage(), byType: [], entries: [] }))
    f.entries.push(e)
    if (e.instanceType !== undefined) f.byType.push({ meter: e.meter, type: e.instanceType, price: null, quantity: e.usage })
    else f.meters[e.meter] = addRatio(f.meters[e.meter], e.usage)
  }
  return { fns: [...fns.values()], notPriced, priced }
}

const groupKey = (region: string, meter: MeterId, type?: string) => `${region}\u0000${meter}\u0000${type ?? ''}`

function sumAws(entries: CurEntry[]): { unblended: Ratio; effective: Ratio; credit: Ratio } {
  let unblended = ZERO
  let effective = ZERO
  let credit = ZERO
  for (const e of entries) {
    unblended = addRatio(unblended, e.unblendedUsd)
    effective = addRatio(effective, e.effectiveUsd)
    credit = addRatio(credit, e.creditUsd)
  }
  return { unblended: reduceRatio(unblended), effective: reduceRatio(effective), credit: reduceRatio(credit) }
}

/** The difference explained: within `halfCents` half cents of rounding, or not. */
function explain(diff: Ratio, halfCents: number): 'match' | 'rounding' | 'unexplained' {
  if (diff.n === 0n) return 'match'
  // |diff| <= halfCents x $0.005
  return compareRatio(absR(diff), { n: BigInt(halfCents), d: 200n }) <= 0 ? 'rounding' : 'unexplained'
}

function architectureOf(f: FnUsage): Architecture {
  return f.meters.armGbs.n !== 0n ||
    f.meters.pcArmGbs.n !== 0n ||
    f.meters.pcDurationArmGbs.n !== 0n ||
    f.entries.some((e) => e.usageTypes.some((t) => t.endsWith('-ARM')))
    ? 'arm64'
    : 'x86_64'
}

function monthOf(month: string, entries: CurEntry[], freeTier: boolean): CurMonth {
  const { fns, notPriced, priced } = monthUsage(entries)
  const account = priceAccount(fns, freeTier)

  // Lines: the calculator's lines of a meter (its brackets together) beside AWS's rows of it.
  const awsByGroup = new Map<string, CurEntry[]>()
  for (const e of priced) {
    const k = groupKey(e.region, e.meter, e.instanceType)
    let list = awsByGroup.get(k)
    if (!list) awsByGroup.set(k, (list = []))
    list.push(e)
  }
  const calcByGroup = new Map<
    string,
    { cents: bigint; count: number; quantity: Ratio; unit: string; region: string; meter: MeterId; type?: string }
  >()
  for (const r of account.regions) {
    for (const l of r.lines) {
      const k = groupKey(r.region, l.meter, l.instanceType)
      let g = calcByGroup.get(k)
      if (!g)
        calcByGroup.set(
          k,
          (g = { cents: 0n, count: 0, quantity: ZERO, unit: l.quantityUnit, region: r.region, meter: l.meter, type: l.instanceType }),
        )
      g.cents += l.cents
      g.count++
    }
  }
  const lines: CurLine[] = []
  const lineExplained = new Map<string, boolean>()
  let rounding = ZERO
  let unexplained = ZERO
  const keys = new Set([...calcByGroup.keys(), ...awsByGroup.keys()])
  for (const k of keys) {
    const calc = calcByGroup.get(k)
    const aws = awsByGroup.get(k) ?? []
    if (!calc && aws.length === 0) continue
    const [region, meter, type] = k.split('\u0000') as [string, MeterId, string]
    const sums = sumAws(aws)
    let quantity = ZERO
    for (const e of aws) quantity = addRatio(quantity, e.usage)
    const cents = calc?.cents ?? 0n
    // Requests always have a line; with no AWS rows of it and none billed it is noise.
    if (aws.length === 0 && cents === 0n) continue
    const diff = reduceRatio(subRatio({ n: cents, d: 100n }, sums.unblended))
    const how = explain(diff, calc?.count ?? 1)
    if (how === 'rounding') rounding = addRatio(rounding, diff)
    if (how === 'unexplained') unexplained = addRatio(unexplained, diff)
    lineExplained.set(k, how !== 'unexplained')
    const line: CurLine = {
      region,
      meter,
      label: lineLabel(meter, type || undefined),
      quantity: qty(reduceRatio(quantity)),
      unit: SPEC.get(meter)!.unit,
      awsUnblendedUsd: usdOf(sums.unblended),
      awsEffectiveUsd: usdOf(sums.effective),
      awsCreditsUsd: usdOf(sums.credit),
      calculatorCents: Number(cents),
      calculatorUsd: usdCents(cents),
      differenceUsd: usdOf(diff),
      explanation: how,
    }
    if (type) line.instanceType = type
    lines.push(line)
  }
  lines.sort((a, b) => (a.region === b.region ? METER_INDEX.get(a.meter)! - METER_INDEX.get(b.meter)! : a.region < b.region ? -1 : 1))

  // Functions: their share of each line beside their own rows.
  const functions: CurFunction[] = []
  for (const r of account.regions) {
    const explained = r.lines.map((l) => lineExplained.get(groupKey(r.region, l.meter, l.instanceType)) !== false)
    r.fns.forEach((f, i) => {
      let cents = 0n
      let shared = 0
      let allLinesExplained = true
      for (let li = 0; li < r.lines.length; li++) {
        const l = r.lines[li]!
        cents += r.shares[li]![i]!
        const usesIt = l.typeKey === undefined ? f.meters[l.meter].n !== 0n : f.byType.some((t) => t.meter === l.meter && t.type === l.instanceType)
        if (usesIt) {
          shared++
          if (!explained[li]) allLinesExplained = false
        }
      }
      const sums = sumAws(f.entries)
      const diff = subRatio({ n: cents, d: 100n }, sums.unblended)
      let how: CurFunction['explanation'] = explain(diff, 2 * Math.max(1, shared))
      if (how === 'unexplained' && allLinesExplained) how = 'shares'
      const name = functionNameOf(f.arn, f.account, f.region)
      const usage = METER_IDS.filter((m) => f.meters[m].n !== 0n).map((m) => ({
        meter: m,
        label: lineLabel(m),
        quantity: qty(f.meters[m]),
        unit: SPEC.get(m)!.unit,
      }))
      for (const t of f.byType)
        usage.push({
          meter: t.meter,
          label: lineLabel(t.meter, t.type),
          quantity: qty(t.quantity),
          unit: SPEC.get(t.meter)!.unit,
          instanceType: t.type,
        } as (typeof usage)[number])
      const billed = addRatio(sums.effective, sums.credit)
      const fn: CurFunction = {
        functionArn: f.arn,
        name,
        account: f.account,
        region: f.region,
        architecture: architectureOf(f),
        usage,
        requests: qty(addRatio(f.meters.requests, f.meters.edgeRequests)),
        awsUnblendedUsd: usdOf(sums.unblended),
        awsEffectiveUsd: usdOf(sums.effective),
        awsCreditsUsd: usdOf(sums.credit),
        calculatorCents: Number(cents),
        calculatorUsd: usdCents(cents),
        differenceUsd: usdOf(diff),
        explanation: how,
        sentence: differenceSentence(
          billed,
          sums,
          cents,
          how === 'rounding' || how === 'match' ? diff : ZERO,
          how === 'unexplained' ? diff : ZERO,
          how === 'shares' ? diff : ZERO,
        ),
      }
      functions.push(fn)
    })
  }
  functions.sort((a, b) => b.calculatorCents - a.calculatorCents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

  const sums = sumAws(priced)
  const billed = addRatio(sums.effective, sums.credit)
  const assumptions = [
    'AWS bills the free tier once per month for the whole bill (all the accounts of an organization, every region): the calculator applies it once across the file, region by region in alphabetical order; AWS does not publish the order it uses.',
    'Price brackets are taken per region and architecture across all the accounts in the file, as consolidated billing does.',
  ]
  if (priced.some((e) => e.meter === 'streamGib'))
    assumptions.push(
      'Response streaming usage is read in the unit AWS reports it (Processed-Gigabytes) and priced per GiB as the calculator prices it.',
    )
  return {
    month,
    accounts: [...new Set(entries.map((e) => e.account))].sort(),
    regions: [...new Set(entries.map((e) => e.region))].sort(),
    lines,
    functions,
    awsBilledUsd: usdOf(billed),
    awsUnblendedUsd: usdOf(sums.unblended),
    calculatorUsd: usdCents(account.totalCents),
    calculatorCents: Number(account.totalCents),
    savingsPlanUsd: usdOf(subRatio(sums.unblended, sums.effective)),
    creditsUsd: usdOf({ n: -sums.credit.n, d: sums.credit.d }),
    roundingUsd: usdOf(rounding),
    unexplainedUsd: usdOf(unexplained),
    sentence: differenceSentence(billed, sums, account.totalCents, rounding, unexplained, ZERO),
    notPriced,
    assumptions,
  }
}

/** "AWS billed $X; the calculator reproduces $Y for the same usage; the difference is ...". */
function differenceSentence(
  billed: Ratio,
  sums: { unblended: Ratio; effective: Ratio; credit: Ratio },
  calcCents: bigint,
  rounding: Ratio,
  unexplained: Ratio,
  shares: Ratio,
): string {
  const head = `AWS billed ${money(usdOf(billed))}; the calculator reproduces ${money(usdCents(calcCents))} for the same usage`
  const parts: string[] = []
  const sp = subRatio(sums.unblended, sums.effective)
  if (centsOf(sp) !== 0n) parts.push(`the Savings Plan (${money(usdOf(sp))}, effective cost)`)
  if (centsOf(sums.credit) !== 0n) parts.push(`credits (${money(usdOf({ n: -sums.credit.n, d: sums.credit.d }))})`)
  if (centsOf(rounding) !== 0n) parts.push(`rounding (${money(usdOf(absR(rounding)))})`)
  if (centsOf(shares) !== 0n) parts.push(`the share of the free tier and price brackets given to this function (${money(usdOf(absR(shares)))})`)
  const un =
    centsOf(unexplained) !== 0n
      ? `; ${money(usdOf(absR(unexplained)))} ${unexplained.n > 0n ? 'more' : 'less'} is not explained by the calculator`
      : ''
  if (parts.length === 0) return `${head}${un === '' ? ': the same to the cent.' : `${un}.`}`
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
  return `${head}; the difference is ${list}${un}.`
}

/**
 * Reprices every month of a CUR import with the engine (the free tier once
 * for the bill, brackets per region and architecture, each line rounded
 * half-up to the cent) and sets it beside what AWS charged, per line and per
 * function, explaining the difference: the Savings Plan (unblended - effective
 * cost), credits, rounding, and what is left unexplained (shown, never hidden).
 *
 * @example reconcileCur(parseCur(csv)).months[0].sentence // 'AWS billed $10.51; the calculator reproduces $12.00 for the same usage; the difference is the Savings Plan ($1.49, effective cost).'
 */
export function reconcileCur(imported: CurImport, options: CurReconcileMonthsOptions = {}): CurReconciliation {
  const freeTier = options.freeTier ?? true
  const byMonth = new Map<string, CurEntry[]>()
  for (const e of imported.entries) {
    let list = byMonth.get(e.month)
    if (!list) byMonth.set(e.month, (list = []))
    list.push(e)
  }
  const monthIds = [...byMonth.keys()].sort()
  const wanted = options.months === undefined ? monthIds : monthIds.filter((m) => options.months!.includes(m))
  const months = wanted.map((m) => monthOf(m, byMonth.get(m)!, freeTier))
  const other = imported.other
    .map((o) => ({ usageType: o.usageType, what: o.what, rows: o.rows, awsUnblendedUsd: usdOf(o.unblendedUsd) }))
    .sort((a, b) => (a.usageType < b.usageType ? -1 : 1))
  return { monthIds, months, other }
}

// ------------------------------------------------------------------ what if

/**
 * One "what if" priced from the billed usage: the month's bill on demand now,
 * under the change, and the saving a month and a year (negative: it costs more).
 *
 * @example { id: 'arm64', label: 'arm64 for the x86_64 functions', savingCents: 1234, savingPerYearCents: 14808, ... }
 */
export interface CurWhatIf {
  id: 'arm64' | 'memory' | 'savings-plan' | 'region' | 'managed-instances'
  label: string
  /** What the figure assumes, stated. */
  assumptions: string[]
  /** The month's bill as the calculator reproduces it, and under the change. */
  currentCents: number
  newCents: number
  savingCents: number
  savingPerYearCents: number
  savingUsd: string
  savingPerYearUsd: string
  /** The functions concerned, by name, with their own figures where there are. */
  details: string[]
  /** Why it cannot be priced, or null. */
  problem: string | null
}

/**
 * Options of `curWhatIfs`.
 *
 * @example curWhatIfs(imported, { savingsPlanPercent: 17, memory: { function: 'orders', fromMb: 1024, toMb: 512 } })
 */
export interface CurWhatIfOptions extends CurReconcileOptions {
  /** The month to start from, `YYYY-MM`; default the latest. */
  month?: string
  /** A Compute Savings Plan's discount, %, 0-17; default 12 (no upfront payment). */
  savingsPlanPercent?: number
  /** The region to compare with; default the cheapest on the sheet for this usage. */
  region?: string
  /** Another memory size for one function: its ARN (or name), its memory now and the new one, MB. */
  memory?: { function: string; fromMb: number; toMb: number }
  /** Memory of the functions, by ARN or name, MB, for the Managed Instances comparison; default 1,024 MB. */
  memoryMb?: Record<string, number>
}

const ARM_DURATION = { n: 4n, d: 5n }
/** Functions compared with Managed Instances, the largest first. */
const MAX_MANAGED_COMPARED = 20

function transform(fns: FnUsage[], change: (f: FnUsage) => FnUsage | null): { fns: FnUsage[]; changed: FnUsage[] } {
  const changed: FnUsage[] = []
  const out = fns.map((f) => {
    const g = change(f)
    if (!g) return f
    changed.push(f)
    return g
  })
  return { fns: out, changed }
}

function moveMeter(m: MeterUsage, from: MeterId, to: MeterId, factor: Ratio): void {
  if (m[from].n === 0n) return
  m[to] = reduceRatio(addRatio(m[to], mulRatio(m[from], factor)))
  m[from] = ZERO
}

function whatIf(
  id: CurWhatIf['id'],
  label: string,
  assumptions: string[],
  current: bigint,
  next: bigint | null,
  details: string[],
  problem: string | null = null,
): CurWhatIf {
  const saving = next === null ? 0n : current - next
  return {
    id,
    label,
    assumptions,
    currentCents: Number(current),
    newCents: Number(next ?? current),
    savingCents: Number(saving),
    savingPerYearCents: Number(saving * 12n),
    savingUsd: usdCents(saving),
    savingPerYearUsd: usdCents(saving * 12n),
    details,
    problem,
  }
}

const named = (f: FnUsage) => functionNameOf(f.arn, f.account, f.region)
const matches = (f: FnUsage, who: string) => f.arn === who || named(f) === who

/**
 * What the month's billed usage would cost otherwise, each with its saving a
 * month and a year, priced by the engine from the same usage:
 * - arm64 for the x86_64 functions (on-demand and provisioned duration x 0.8,
 *   a stated assumption; measure with power tuning);
 * - another memory size for one function (same duration: stated);
 * - a Compute Savings Plan of a given percentage;
 * - the same usage in another region (the cheapest by default);
 * - Lambda Managed Instances for the steady functions (averaging at least one
 *   request a second), by `compareWaysToRun`.
 *
 * @example curWhatIfs(parseCur(csv)).find((w) => w.id === 'arm64')?.savingPerYearUsd
 */
export function curWhatIfs(imported: CurImport, options: CurWhatIfOptions = {}): CurWhatIf[] {
  const freeTier = options.freeTier ?? true
  const months = [...new Set(imported.entries.map((e) => e.month))].sort()
  const month = options.month ?? months.at(-1)
  if (month === undefined) return []
  const { fns } = monthUsage(imported.entries.filter((e) => e.month === month))
  const base = priceAccount(fns, freeTier).totalCents
  const out: CurWhatIf[] = []
  const sheet = compiledSheet(SHEET_ID)

  // arm64
  {
    const { fns: next, changed } = transform(fns, (f) => {
      const x86 = f.meters.x86Gbs.n !== 0n || f.meters.pcX86Gbs.n !== 0n || f.meters.pcDurationX86Gbs.n !== 0n
      const region = sheet.regions.get(f.region)!
      if (!x86 || !region.compute.arm64) return null
      const meters = { ...f.meters }
      moveMeter(meters, 'x86Gbs', 'armGbs', ARM_DURATION)
      moveMeter(meters, 'pcDurationX86Gbs', 'pcDurationArmGbs', ARM_DURATION)
      moveMeter(meters, 'pcX86Gbs', 'pcArmGbs', { n: 1n, d: 1n })
      return { ...f, meters }
    })
    out.push(
      whatIf(
        'arm64',
        'arm64 (Graviton) for the x86_64 functions',
        [
          'Assumed: a function runs in 0.8 x its x86_64 duration on arm64 (AWS quotes up to 34 % better price performance); measure yours with power tuning before moving.',
        ],
        base,
        changed.length === 0 ? null : priceAccount(next, freeTier).totalCents,
        changed.map(named),
        changed.length === 0 ? 'No function runs on x86_64 in a region with arm64 prices.' : null,
      ),
    )
  }

  // another memory size
  if (options.memory) {
    const { function: who, fromMb, toMb } = options.memory
    const bad = [fromMb, toMb].find((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 128 || v > 10_240)
    const target = fns.filter((f) => matches(f, who))
    if (bad !== undefined) {
      out.push(
        whatIf('memory', 'Another memory size', [], base, null, [], `Memory must be a whole number of MB from 128 to 10,240; got ${String(bad)}.`),
      )
    } else if (target.length === 0) {
      out.push(whatIf('memory', 'Another memory size', [], base, null, [], `No function named ${who} in ${month}.`))
    } else {
      const factor = reduceRatio({ n: BigInt(toMb), d: BigInt(fromMb) })
      const { fns: next } = transform(fns, (f) => {
        if (!matches(f, who)) return null
        const meters = { ...f.meters }
        for (const m of [
          'x86Gbs',
          'armGbs',
          'pcX86Gbs',
          'pcArmGbs',
          'pcDurationX86Gbs',
          'pcDurationArmGbs',
          'edgeGbs',
          'cacheGbs',
          'restoreGb',
        ] as MeterId[]) {
          meters[m] = reduceRatio(mulRatio(meters[m], factor))
        }
        return { ...f, meters }
      })
      out.push(
        whatIf(
          'memory',
          `${named(target[0]!)} at ${groupThousands(String(toMb))} MB instead of ${groupThousands(String(fromMb))} MB`,
          [
            'Assumed: the same duration at the new size, so GB-s scale with memory. CPU-bound code runs faster with more memory (and slower with less): measure with power tuning.',
          ],
          base,
          priceAccount(next, freeTier).totalCents,
          target.map(named),
        ),
      )
    }
  }

  // Savings Plan
  {
    const pct = options.savingsPlanPercent ?? 12
    if (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > 17) {
      out.push(
        whatIf('savings-plan', 'A Compute Savings Plan', [], base, null, [], `The Savings Plan discount must be 0 to 17 %; got ${String(pct)}.`),
      )
    } else {
      out.push(
        whatIf(
          'savings-plan',
          `A Compute Savings Plan of ${pct} %`,
          [
            `Assumed: the plan covers all the on-demand and provisioned duration (${pct} %: 12 % is AWS's no-upfront rate, 17 % all upfront); requests, storage, Lambda@Edge and the rest are never covered. Usage a plan already covered is shown here at on-demand prices.`,
          ],
          base,
          priceAccount(fns, freeTier, parseNumber(pct)).totalCents,
          [],
        ),
      )
    }
  }

  // another region
  {
    const regions = options.region !== undefined ? [options.region] : [...sheet.regions.keys()]
    let best: { id: string; cents: bigint } | null = null
    const problems: string[] = []
    for (const id of regions) {
      const moved = fns.map((f) => ({ ...f, region: id, byType: f.byType }))
      const why = moved
        .flatMap((f) => [
          ...METER_IDS.filter((m) => f.meters[m].n !== 0n).map((m) => unpriced(sheet, sheet.regions.get(id), id, m)),
          ...f.byType.map((t) => unpriced(sheet, sheet.regions.get(id), id, t.meter, t.type)),
        ])
        .find((w) => w !== null)
      if (why) {
        problems.push(why)
        continue
      }
      const cents = priceAccount(moved, freeTier).totalCents
      if (!best || cents < best.cents || (cents === best.cents && id < best.id)) best = { id, cents }
    }
    const from = [...new Set(fns.map((f) => f.region))].sort().join(', ')
    out.push(
      best
        ? whatIf(
            'region',
            `The same usage in ${best.id}${options.region === undefined ? ' (the cheapest region for it)' : ''}`,
            ['Assumed: the same usage (requests, GB-s) in the other region, all of it there; data transfer and latency are not priced.'],
            base,
            best.cents,
            [`From ${from}`],
          )
        : whatIf('region', `Another region`, [], base, null, [], problems[0] ?? 'No region prices this usage.'),
    )
  }

  // Managed Instances for the steady functions
  {
    const details: string[] = []
    let saving = 0n
    const secondsPerMonth = 2_628_000n
    // The steady functions, most requests first; the 20 largest are compared (each comparison prices a curve).
    const steady = fns
      .filter((f) => (f.meters.x86Gbs.n !== 0n || f.meters.armGbs.n !== 0n) && compareRatio(f.meters.requests, { n: secondsPerMonth, d: 1n }) >= 0)
      .sort((a, b) => compareRatio(b.meters.requests, a.meters.requests))
    for (const f of steady.slice(0, MAX_MANAGED_COMPARED)) {
      const requests = f.meters.requests
      const arch: Architecture = f.meters.armGbs.n !== 0n ? 'arm64' : 'x86_64'
      const gbs = arch === 'arm64' ? f.meters.armGbs : f.meters.x86Gbs
      if (gbs.n === 0n || compareRatio(requests, { n: secondsPerMonth, d: 1n }) < 0) continue
      const memoryMb = options.memoryMb?.[f.arn] ?? options.memoryMb?.[named(f)] ?? 1024
      // Average ms = GB-s x 1,024,000 / (requests x MB).
      const ms = { n: gbs.n * 1_024_000n * requests.d, d: gbs.d * requests.n * BigInt(memoryMb) }
      const durationMs = Math.max(0.01, Number(roundHalfUp(ms.n * 100n, ms.d)) / 100)
      const r = Number(roundHalfUp(requests.n, requests.d))
      const cmp = compareWaysToRun({
        sheet: SHEET_ID,
        region: f.region,
        freeTier: false,
        functions: [{ name: named(f), memoryMb, durationMs, requests: r, per: 'month', architecture: arch }],
      })
      const od = cmp.ways.find((w) => w.id === 'lambda-on-demand')?.cents
      const lmi = cmp.ways.find((w) => w.id === 'lambda-managed-instances')
      if (od == null || lmi?.cents == null) continue
      const s = BigInt(od - lmi.cents)
      details.push(`${named(f)}: ${money(usdCents(BigInt(od)))} on demand, ${money(usdCents(BigInt(lmi.cents)))} on ${lmi.label}`)
      if (s > 0n) saving += s
    }
    out.push(
      whatIf(
        'managed-instances',
        'Lambda Managed Instances for the steady functions',
        [
          'Steady functions: those averaging at least one request a second, assumed steady through the month (the CUR\u2019s monthly rows do not show the traffic\u2019s shape). Each is priced alone, without the free tier, by the calculator\u2019s ways-to-run comparison, at 1,024 MB unless its memory is given; the saving counts only the functions Managed Instances make cheaper.',
        ],
        base,
        details.length === 0 ? null : base - saving,
        details,
        details.length === 0 ? 'No function averages one request a second or more on demand.' : null,
      ),
    )
    if (steady.length > MAX_MANAGED_COMPARED)
      out.at(-1)!.details.push(`and ${steady.length - MAX_MANAGED_COMPARED} smaller steady functions, not compared`)
  }
  return out
}
