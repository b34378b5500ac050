/**
 * Ways to run it, side by side: one function's workload priced as Lambda on
 * demand, as Lambda with provisioned concurrency sized to its average
 * concurrency, as Fargate tasks and as EC2 instances, across request rates,
 * with every rate where one becomes cheaper than another.
 *
 * The ways are a table (`WAYS_TO_RUN`): one entry per way, each giving its
 * label, its monthly cost at any volume, what it leaves out and its other
 * regions or architectures. The Lambda entries are bills, priced by the
 * engine's own bill (free tier, brackets, Savings Plan and all); Fargate and
 * EC2 are comparisons, priced from bundled rates.
 */
import { computeBill } from '../bill'
import { COMPARE_FIELDS } from '../compare-fields'
import { FUNCTION_FIELDS, functionField, MAX_PROVISIONED_CONCURRENCY } from '../fields'
import { compareRatio, parseDecimalString, parseNumber, roundHalfUp, toDecimalString, ZERO, type Ratio } from '../decimal'
import { lineExactUsd } from '../estimate'
import { requestsPerMonth } from '../requests'
import { ec2InstanceType, EC2_INSTANCE_TYPES, type Ec2InstanceType } from '../sheets/ec2-instances'
import { PRICE_SHEETS } from '../sheets/registry'
import type { Architecture, EstimateInput, FunctionInput, InputProblem, RequestUnit } from '../types'
import { validateInput } from '../validate'
import { FARGATE_PRICES, FARGATE_PRICES_SOURCE, fargateSizeProblem } from './fargate-prices'

/** Seconds in the 730-hour month every monthly figure here uses. */
const SECONDS_PER_MONTH = 2_628_000n
const HOURS_PER_MONTH = 730n

/**
 * What the comparison prices against, beside the account's own input. Every
 * field has a default (`COMPARE_FIELDS` in engine/fields.ts).
 *
 * @example { fargateVcpu: 0.5, fargateMemoryGb: 1, concurrentRequests: 4, ec2InstanceType: 't4g.small' }
 */
export interface ComputeSettings {
  /** Which function of the account, 1 for the first; default 1. */
  compareFunction?: number
  /** Fargate task vCPU: 0.25, 0.5, 1, 2, 4, 8 or 16; default 0.5. */
  fargateVcpu?: number
  /** Fargate task memory, GB, as Fargate allows it for the vCPU; default 1. */
  fargateMemoryGb?: number
  /** Default `'x86_64'`. */
  fargateArchitecture?: Architecture
  /** A bundled EC2 instance type; default `c7g.large`. */
  ec2InstanceType?: string
  /**
   * Requests one task or instance serves at once, 1-10,000; default 1. Lambda
   * bills each request's wall-clock time; a container overlaps them.
   */
  concurrentRequests?: number
}

type Settings = Required<ComputeSettings>

function defaults(): Settings {
  const value = (key: string) => COMPARE_FIELDS.find((f) => f.key === key)!.default
  return {
    compareFunction: value('compareFunction') as number,
    fargateVcpu: Number(value('fargateVcpu')),
    fargateMemoryGb: value('fargateMemoryGb') as number,
    fargateArchitecture: value('fargateArchitecture') as Architecture,
    ec2InstanceType: value('ec2InstanceType') as string,
    concurrentRequests: value('concurrentRequests') as number,
  }
}

/**
 * A setting that makes another region, architecture or instance type the one priced.
 *
 * @example { region: 'us-east-1', fargateArchitecture: 'arm64' }
 */
export interface WayChange {
  region?: string
  /** The compared function's architecture (Lambda). */
  architecture?: Architecture
  fargateArchitecture?: Architecture
  ec2InstanceType?: string
}

/**
 * A way's cheapest region or architecture at the current volume, where it is cheaper than the one priced.
 *
 * @example { label: 'arm64 in us-east-1', cents: 1442, usd: '14.42', change: { region: 'us-east-1', fargateArchitecture: 'arm64' } }
 */
export interface CheaperChoice {
  /** "arm64 in us-east-1". */
  label: string
  cents: number
  usd: string
  change: WayChange
}

/**
 * What one entry of the table gives for an input: its label, its cost at any volume, its other choices.
 *
 * @example WAYS_TO_RUN[3].build(ctx).cents(5_100_005) // 1802n: Fargate 0.5 vCPU / 1 GB in us-east-1
 */
export interface WayToRun {
  id: string
  /** "Fargate 0.5 vCPU / 1 GB (x86_64)". */
  label: string
  /** A Lambda bill, exact to the cent; or a comparison priced from bundled rates. */
  kind: 'bill' | 'comparison'
  /** Why this way cannot be priced for this input (the sentence names the setting), or null. */
  problem: string | null
  /** What the figure leaves out, and how it is sized: one short sentence each. */
  notes: string[]
  /** What running it this way also needs that the figure leaves out, in one line shown beside it; null for nothing. */
  alsoNeeded: string | null
  /**
   * The exact monthly cost before rounding, USD, at `requests` per `per`; null
   * where this way cannot serve that volume (a limit).
   */
  exactUsd(requests: number, per?: RequestUnit): Ratio | null
  /** The monthly cost in whole cents at that volume: a bill's total (the sum of its rounded lines), or the exact cost rounded half-up. */
  cents(requests: number, per?: RequestUnit): bigint | null
  /** The same way in the other regions and architectures it has prices for. */
  choices(): { label: string; change: WayChange; way: WayToRun }[]
}

/**
 * What every entry of the table is built from: the account, the compared function, the region, the settings.
 *
 * @example { input, fn: input.functions[0], region: 'us-east-1', settings }
 */
export interface WayContext {
  /** The account's input (current sheet, valid). */
  input: EstimateInput
  /** The compared function, as entered. */
  fn: FunctionInput
  region: string
  settings: Settings
}

/**
 * One entry of the table: a way to run the workload.
 *
 * @example { id: 'fargate', build: (ctx) => fargateWay(ctx, ctx.region, ctx.settings.fargateArchitecture) }
 */
export interface WayToRunSpec {
  id: string
  build(ctx: WayContext): WayToRun
}

/** Average requests in flight at `monthly` requests a month of `durationMs` each: N x d / (1,000 x 2,628,000). */
function averageConcurrency(monthly: Ratio, durationMs: number): Ratio {
  const d = parseNumber(durationMs)
  return { n: monthly.n * d.n, d: monthly.d * d.d * 1000n * SECONDS_PER_MONTH }
}

/** ceil(a / b) for a non-negative ratio a and whole b >= 1, at least 1. */
function unitsFor(concurrency: Ratio, perUnit: number): bigint {
  const n = concurrency.n
  const d = concurrency.d * BigInt(perUnit)
  const units = (n + d - 1n) / d
  return units < 1n ? 1n : units
}

function centsOf(usd: Ratio): bigint {
  return roundHalfUp(usd.n * 100n, usd.d)
}

/** "0.5 vCPU / 1 GB". */
function gbText(gb: number): string {
  return String(gb)
}

// ---------------------------------------------------------------- Lambda

/** The function alone on the account, at `requests` per `per`. */
function alone(ctx: WayContext, fn: FunctionInput, requests: number, per: RequestUnit, region = ctx.region): EstimateInput {
  const { input } = ctx
  const out: EstimateInput = { sheet: input.sheet, region, functions: [{ ...fn, requests, per }] }
  if (input.freeTier !== undefined) out.freeTier = input.freeTier
  if (input.savingsPlanPercent !== undefined) out.savingsPlanPercent = input.savingsPlanPercent
  return out
}

/**
 * Lambda Managed Instances' per-function fields, where a function has them
 * (the compute type and the fields shown with it): the on-demand and
 * provisioned ways price Lambda's default compute instead.
 */
const MANAGED_INSTANCE_KEYS: readonly string[] = [
  'compute',
  ...FUNCTION_FIELDS.filter((f) => f.shownWhen?.key === 'compute' && f.shownWhen.equals === 'managed-instances').map((f) => f.key),
]

/** The inputs Managed Instances do not bill, as the compute field's conflicts name them. */
const LAMBDA_ONLY_KEYS: readonly string[] = (functionField('compute').conflicts ?? []).map((c) => c.key)

/** The instance type a Managed Instances way uses where the function names none of its architecture: general purpose, 4 vCPU. */
const DEFAULT_MANAGED_TYPE: Readonly<Record<Architecture, string>> = { arm64: 'm7g.xlarge', x86_64: 'm7i.xlarge' }

/** The function on demand: no provisioned concurrency, on Lambda's default compute. */
function onDemand(fn: FunctionInput): FunctionInput {
  const copy = { ...fn }
  delete copy.provisionedConcurrency
  delete copy.provisionedHours
  delete copy.provisionedSharePercent
  for (const key of MANAGED_INSTANCE_KEYS) delete (copy as Record<string, unknown>)[key]
  return copy
}

function billExact(input: EstimateInput): { exact: Ratio; cents: bigint } {
  const bill = computeBill(input)
  let exact: Ratio = ZERO
  for (const line of bill.lines) {
    const l = lineExactUsd(line)
    exact = exact.d === l.d ? { n: exact.n + l.n, d: exact.d } : { n: exact.n * l.d + l.n * exact.d, d: exact.d * l.d }
  }
  return { exact, cents: bill.totalCents }
}

function lambdaWay(
  ctx: WayContext,
  id: string,
  label: string,
  notes: string[],
  shape: (fn: FunctionInput, monthly: Ratio) => FunctionInput | null,
  region = ctx.region,
  architecture?: Architecture,
): WayToRun {
  const base = architecture ? { ...ctx.fn, architecture } : ctx.fn
  const priced = (requests: number, per: RequestUnit) => {
    const fn = shape(base, requestsPerMonth(requests, per))
    return fn ? billExact(alone(ctx, fn, requests, per, region)) : null
  }
  const fnNow = shape(base, requestsPerMonth(ctx.fn.requests, ctx.fn.per ?? 'month'))
  const found = fnNow ? validateInput(alone(ctx, fnNow, ctx.fn.requests, ctx.fn.per ?? 'month', region)) : []
  const problem =
    fnNow === null ? 'This volume needs more provisioned environments than one function may have.' : found.length > 0 ? found[0]!.message : null
  const way: WayToRun = {
    id,
    label,
    kind: 'bill',
    problem,
    notes,
    alsoNeeded: null,
    exactUsd: (requests, per = 'month') => priced(requests, per)?.exact ?? null,
    cents: (requests, per = 'month') => priced(requests, per)?.cents ?? null,
    choices: () =>
      Object.keys(PRICE_SHEETS[ctx.input.sheet].regions).flatMap((r) =>
        (['x86_64', 'arm64'] as const)
          .filter((a) => !ctx.fn.edge || a === 'x86_64')
          .map((a) => ({
            label: `${a} in ${r}`,
            change: { region: r, architecture: a },
            way: lambdaWay(ctx, id, label, notes, shape, r, a),
          })),
      ),
  }
  return way
}

const LAMBDA_ON_DEMAND: WayToRunSpec = {
  id: 'lambda-on-demand',
  build: (ctx) =>
    lambdaWay(
      ctx,
      'lambda-on-demand',
      'Lambda on demand',
      [
        'The function as entered, without provisioned concurrency, billed as the calculator bills it; priced alone on the account, so where the free tier is on it is all this function\u2019s.',
      ],
      (fn) => onDemand(fn),
    ),
}

const LAMBDA_PROVISIONED: WayToRunSpec = {
  id: 'lambda-provisioned',
  build: (ctx) =>
    lambdaWay(
      ctx,
      'lambda-provisioned',
      'Lambda with provisioned concurrency',
      [
        'Provisioned environments all month = the average concurrency rounded up (at least 1), serving every request; a peak above it runs on demand and is not in this figure.',
      ],
      (fn, monthly) => {
        const pc = unitsFor(averageConcurrency(monthly, fn.durationMs), 1)
        if (pc > BigInt(MAX_PROVISIONED_CONCURRENCY)) return null
        return { ...onDemand(fn), provisionedConcurrency: Number(pc), provisionedHours: 730, provisionedSharePercent: 100 }
      },
    ),
}

/**
 * The function on Lambda Managed Instances: its own instance type (where it
 * names one of its architecture) and settings, else an m7g.xlarge (arm64) or
 * m7i.xlarge (x86_64) sized from the traffic; the inputs Managed Instances do
 * not bill left out. A bill, by the engine's Managed Instances rules.
 */
const LAMBDA_MANAGED_INSTANCES: WayToRunSpec = {
  id: 'lambda-managed-instances',
  build: (ctx) => {
    const architecture = ctx.fn.architecture ?? 'x86_64'
    const own = ctx.fn.instanceType === undefined ? undefined : ec2InstanceType(ctx.fn.instanceType)
    const typeFor = (a: Architecture) => (own?.managedInstances && own.architecture === a ? own.name : DEFAULT_MANAGED_TYPE[a])
    return lambdaWay(
      ctx,
      'lambda-managed-instances',
      `Lambda Managed Instances (${typeFor(architecture)})`,
      [
        'At least three instances all month (AWS\u2019s default, for resilience across zones), sized for the average rate: they do not scale to zero. Requests at $0.20 per million with no free tier, the EC2 instance-hours and a 15 % management fee.',
      ],
      (fn) => {
        const copy: Record<string, unknown> = { ...fn }
        for (const key of LAMBDA_ONLY_KEYS) delete copy[key]
        const a = fn.architecture ?? 'x86_64'
        return { ...(copy as unknown as FunctionInput), compute: 'managed-instances', instanceType: typeFor(a) }
      },
    )
  },
}

// ---------------------------------------------------------------- containers

const ALSO_NEEDED = 'Also needed, not included: a load balancer, at least $16.43 a month.'

const LOAD_BALANCER_NOTE =
  'Not included: a load balancer in front (an Application Load Balancer costs at least $16.43 a month, $0.0225 an hour, plus LCUs), data transfer, storage and the work of running it.'

function containerWay(
  ctx: WayContext,
  id: string,
  label: string,
  notes: string[],
  usdPerUnitHour: Ratio | null,
  problem: string | null,
  choices: () => { label: string; change: WayChange; way: WayToRun }[],
): WayToRun {
  const perUnit = ctx.settings.concurrentRequests
  const exact = (requests: number, per: RequestUnit): Ratio | null => {
    if (!usdPerUnitHour || problem) return null
    const units = unitsFor(averageConcurrency(requestsPerMonth(requests, per), ctx.fn.durationMs), perUnit)
    return { n: usdPerUnitHour.n * units * HOURS_PER_MONTH, d: usdPerUnitHour.d }
  }
  return {
    id,
    label,
    kind: 'comparison',
    problem,
    notes,
    alsoNeeded: ALSO_NEEDED,
    exactUsd: (requests, per = 'month') => exact(requests, per),
    cents: (requests, per = 'month') => {
      const e = exact(requests, per)
      return e ? centsOf(e) : null
    },
    choices,
  }
}

function fargateWay(ctx: WayContext, region: string, architecture: Architecture): WayToRun {
  const { fargateVcpu: vcpu, fargateMemoryGb: gb } = ctx.settings
  const label = `Fargate ${vcpu} vCPU / ${gbText(gb)} GB (${architecture})`
  const rates = FARGATE_PRICES[region]?.[architecture]
  const sizeProblem = fargateSizeProblem(vcpu, gb)
  const problem =
    sizeProblem ?? (rates ? null : `No Fargate price for ${region} is bundled; prices are bundled for ${Object.keys(FARGATE_PRICES).join(', ')}.`)
  const hourly = rates
    ? (() => {
        const v = parseDecimalString(rates.usdPerVcpuHour)
        const m = parseDecimalString(rates.usdPerGbHour)
        const c = parseNumber(vcpu)
        const g = parseNumber(gb)
        // vCPU x rate + GB x rate, over one denominator
        return { n: c.n * v.n * g.d * m.d + g.n * m.n * c.d * v.d, d: c.d * v.d * g.d * m.d }
      })()
    : null
  const notes = [
    `Tasks running all month = the average concurrency / ${ctx.settings.concurrentRequests} request${ctx.settings.concurrentRequests === 1 ? '' : 's'} at once, rounded up (at least 1): sized for the average, not the peak.`,
    LOAD_BALANCER_NOTE,
    `Fargate on demand, Linux, ${region}${rates?.derived ? ' (arm64 rate derived: 0.8 x the region\u2019s x86_64 rate, no source gives it)' : ''}; a Savings Plan or Spot would lower it. Source: ${FARGATE_PRICES_SOURCE.url}, checked ${FARGATE_PRICES_SOURCE.checkedOn}.`,
  ]
  return containerWay(ctx, 'fargate', label, notes, hourly, problem, () =>
    Object.keys(FARGATE_PRICES)
      .filter((r) => r in PRICE_SHEETS[ctx.input.sheet].regions)
      .flatMap((r) =>
        (['x86_64', 'arm64'] as const).map((a) => ({
          label: `${a} in ${r}`,
          change: { region: r, fargateArchitecture: a },
          way: fargateWay(ctx, r, a),
        })),
      ),
  )
}

const FARGATE: WayToRunSpec = {
  id: 'fargate',
  build: (ctx) => fargateWay(ctx, ctx.region, ctx.settings.fargateArchitecture),
}

function ec2Way(ctx: WayContext, region: string, type: Ec2InstanceType | undefined, name: string): WayToRun {
  const label = type ? `EC2 ${type.name} (${type.vcpus} vCPU / ${type.memoryGib} GiB, ${type.architecture})` : `EC2 ${name}`
  const price = type?.onDemandUsdPerHour[region]
  const priced = type ? Object.keys(type.onDemandUsdPerHour) : []
  const problem = !type
    ? `EC2 instance type "${name}" is not in the bundled table; allowed: ${EC2_INSTANCE_TYPES.map((t) => t.name).join(', ')}.`
    : price === undefined
      ? `No EC2 price for ${type.name} in ${region} is bundled; it has prices for ${priced.join(', ')}.`
      : null
  const notes = [
    `Instances running all month = the average concurrency / ${ctx.settings.concurrentRequests} request${ctx.settings.concurrentRequests === 1 ? '' : 's'} at once, rounded up (at least 1): sized for the average, not the peak.`,
    LOAD_BALANCER_NOTE,
    'EC2 Linux on demand; not included: EBS volumes, the operating system\u2019s share of the instance, and spare instances for another Availability Zone. A Savings Plan or Reserved Instance would lower it.',
  ]
  return containerWay(ctx, 'ec2', label, notes, price ? parseDecimalString(price) : null, problem, () =>
    type
      ? EC2_INSTANCE_TYPES.filter((t) => t.vcpus === type.vcpus && t.memoryGib === type.memoryGib).flatMap((t) =>
          Object.keys(t.onDemandUsdPerHour)
            .filter((r) => r in PRICE_SHEETS[ctx.input.sheet].regions)
            .map((r) => ({
              label: r === region ? t.name : `${t.name} in ${r}`,
              change: r === region ? { ec2InstanceType: t.name } : { ec2InstanceType: t.name, region: r },
              way: ec2Way(ctx, r, t, t.name),
            })),
        )
      : [],
  )
}

/**
 * The EC2 instance types the comparison can price, for a picker: name, size,
 * architecture and the regions with a price.
 *
 * @example ec2ComparisonTypes()[0] // { name: 'c7g.large', label: 'c7g.large: 2 vCPU, 4 GiB, arm64', regions: ['us-east-1'] }
 */
export function ec2ComparisonTypes(): { name: string; label: string; regions: string[] }[] {
  return EC2_INSTANCE_TYPES.map((t) => ({
    name: t.name,
    label: `${t.name}: ${t.vcpus} vCPU, ${t.memoryGib} GiB, ${t.architecture}`,
    regions: Object.keys(t.onDemandUsdPerHour),
  }))
}

const EC2: WayToRunSpec = {
  id: 'ec2',
  build: (ctx) => ec2Way(ctx, ctx.region, ec2InstanceType(ctx.settings.ec2InstanceType), ctx.settings.ec2InstanceType),
}

/**
 * Every way to run it the comparison prices, in the order it lists them. A
 * new way is one entry here.
 *
 * @example WAYS_TO_RUN.map((w) => w.id) // ['lambda-on-demand', 'lambda-provisioned', 'lambda-managed-instances', 'fargate', 'ec2']
 */
export const WAYS_TO_RUN: readonly WayToRunSpec[] = [LAMBDA_ON_DEMAND, LAMBDA_PROVISIONED, LAMBDA_MANAGED_INSTANCES, FARGATE, EC2]

// ---------------------------------------------------------------- comparison

/**
 * One way's figures in a comparison: plain data.
 *
 * @example compareWaysToRun(input).ways[2] // { id: 'fargate', label: 'Fargate 0.5 vCPU / 1 GB (x86_64)', kind: 'comparison', cents: 1802, ... }
 */
export interface WayResult {
  id: string
  label: string
  kind: 'bill' | 'comparison'
  problem: string | null
  notes: string[]
  alsoNeeded: string | null
  /** Monthly cost at the current volume, whole cents; null where it cannot be priced. */
  cents: number | null
  usd: string | null
  /** Its cheapest region or architecture, where that is cheaper than the one priced. */
  cheaper: CheaperChoice | null
}

/**
 * A point of the cost curves: one volume, each way's monthly cost in cents (null where it cannot be priced), in table order.
 *
 * @example { requestsPerMonth: 26280, perSecond: 0.01, cents: [0, 1096, 1802, 5293] }
 */
export interface WaysPoint {
  requestsPerMonth: number
  perSecond: number
  cents: (number | null)[]
}

/**
 * Where one way becomes cheaper than another: above `requestsPerMonth` (a
 * whole number) `cheaper` costs less than `dearer`; at it, it does not yet.
 * Exact costs are compared, before rounding.
 *
 * @example { cheaper: 'fargate', dearer: 'lambda-on-demand', requestsPerMonth: 5100004, perSecond: 1.94, text: '...', cheapestChanges: true }
 */
export interface Crossing {
  cheaper: string
  dearer: string
  requestsPerMonth: number
  perSecond: number
  /** "Fargate ... becomes cheaper than Lambda on demand above 1.9 requests a second, 5.1M a month". */
  text: string
  /** The cheapest of all ways changes here. */
  cheapestChanges: boolean
}

/**
 * The comparison, as plain data: the ways at the current volume, the curves and the crossings.
 *
 * @example compareWaysToRun(input).crossings[0].text
 */
export interface WaysComparison {
  /** 0-based index of the compared function, and its name. */
  functionIndex: number
  functionName: string
  currentRequestsPerMonth: number
  currentPerSecond: number
  ways: WayResult[]
  points: WaysPoint[]
  crossings: Crossing[]
  /** Pairs whose crossings were more than could be named: how many more, by pair. */
  moreCrossings: { cheaper: string; dearer: string; count: number }[]
  /** Settings that cannot be used, each naming the field (`compare.fargateMemoryGb`). */
  problems: InputProblem[]
  /** The one line of honesty. */
  caveat: string
}

/**
 * Options for {@link compareWaysToRun}.
 *
 * @example { minPerSecond: 0.1, maxPerSecond: 1000, pointsPerDecade: 10 }
 */
export interface WaysOptions {
  /** Lowest and highest rate drawn, requests a second; default 0.01 and 10,000. */
  minPerSecond?: number
  maxPerSecond?: number
  /** Points per decade of rate; default 20. */
  pointsPerDecade?: number
  /** Most crossings named per pair of ways; default 8. */
  maxCrossingsPerPair?: number
}

/** The settings checked against `COMPARE_FIELDS`: the usable ones, and a problem for each other. */
function checkSettings(given: ComputeSettings, functionCount: number): { settings: Settings; problems: InputProblem[] } {
  const settings = defaults()
  const problems: InputProblem[] = []
  for (const spec of COMPARE_FIELDS) {
    if (spec.key === 'compareOpen') continue
    const key = spec.key as keyof Settings
    const value = given[key]
    if (value === undefined) continue
    const path = `compare.${key}`
    if (spec.type === 'choice') {
      const ok = spec.choices!.find((c) => c.value === String(value))
      if (ok) (settings as Record<string, unknown>)[key] = key === 'fargateVcpu' ? Number(value) : value
      else {
        const values = spec.choices!.map((c) => c.value)
        problems.push({ path, message: `${spec.name} must be ${values.slice(0, -1).join(', ')} or ${values.at(-1)}; got ${String(value)}.` })
      }
      continue
    }
    if (spec.type === 'text') {
      if (typeof value === 'string' && value.trim() !== '') (settings as Record<string, unknown>)[key] = value.trim()
      continue
    }
    const max = key === 'compareFunction' ? functionCount : spec.max!
    const whole = spec.type === 'whole'
    if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min! || value > max || (whole && !Number.isInteger(value))) {
      const unit = spec.unit ? ` ${spec.unit}` : ''
      problems.push({
        path,
        message: `${spec.name} must be ${whole ? 'a whole number ' : ''}from ${spec.min}${unit} to ${max.toLocaleString('en-US')}${unit}; got ${String(value)}.`,
      })
      continue
    }
    ;(settings as Record<string, unknown>)[key] = value
  }
  return { settings, problems }
}

/**
 * A rate a person reads: two significant figures below 10, whole numbers from 10.
 *
 * @example formatRate(1.9406) // '1.9'
 */
export function formatRate(perSecond: number): string {
  if (perSecond >= 10) return Math.round(perSecond).toLocaleString('en-US')
  return Number(perSecond.toPrecision(2)).toString()
}

/**
 * A monthly volume in short form: 5.1M, 620K, 26B.
 *
 * @example formatMonthly(5_100_004) // '5.1M'
 */
export function formatMonthly(requests: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ]
  for (const [size, suffix] of units) {
    if (requests >= size) {
      const v = requests / size
      return `${v >= 100 ? Math.round(v) : Number(v.toPrecision(2))}${suffix}`
    }
  }
  return String(Math.round(requests))
}

function crossingText(cheaper: string, dearer: string, requests: number): string {
  return `${cheaper} becomes cheaper than ${dearer} above ${formatRate(requests / Number(SECONDS_PER_MONTH))} requests a second, ${formatMonthly(requests)} a month`
}

/**
 * One function's workload priced every way it could run (`WAYS_TO_RUN`), at
 * its current volume and across request rates (log-spaced, 0.01 to 10,000
 * requests a second by default), with every rate where one way becomes
 * cheaper than another, found to the request (on exact costs, before
 * rounding). Throws `InvalidInputError`-style problems as values: an invalid
 * account input gives no ways (`problems` says why).
 *
 * @example
 * const c = compareWaysToRun({ sheet: 'aws-current', freeTier: false, functions: [{ memoryMb: 1024, durationMs: 200, requests: 1e6 }] })
 * c.crossings.find((x) => x.cheaper === 'fargate' && x.dearer === 'lambda-on-demand')?.perSecond // about 1.94
 */
export function compareWaysToRun(input: EstimateInput, given: ComputeSettings = {}, options: WaysOptions = {}): WaysComparison {
  const found = validateInput(input)
  const functionCount = Array.isArray(input?.functions) ? input.functions.length : 0
  const { settings, problems } = checkSettings(given, Math.max(1, functionCount))
  const caveat = 'Containers are sized here for the average rate and run all month: they need capacity for peaks, while Lambda scales to zero.'
  const empty = (more: InputProblem[]): WaysComparison => ({
    functionIndex: 0,
    functionName: '',
    currentRequestsPerMonth: 0,
    currentPerSecond: 0,
    ways: [],
    points: [],
    crossings: [],
    moreCrossings: [],
    problems: [...more, ...problems],
    caveat,
  })
  if (found.length > 0) return empty(found)
  if (input.sheet !== 'aws-current') {
    return empty([{ path: 'sheet', message: 'The ways to run it are compared at today\u2019s prices: switch to the current price sheet.' }])
  }
  const index = settings.compareFunction - 1
  const fn = input.functions[index]!
  const region = input.region ?? PRICE_SHEETS[input.sheet].defaultRegion
  const ctx: WayContext = { input, fn, region, settings }
  const built = WAYS_TO_RUN.map((spec) => spec.build(ctx))
  const per = fn.per ?? 'month'
  const monthly = requestsPerMonth(fn.requests, per)
  const currentRequestsPerMonth = Number(monthly.n) / Number(monthly.d)

  const ways: WayResult[] = built.map((way) => {
    const cents = way.problem ? null : way.cents(fn.requests, per)
    let cheaper: CheaperChoice | null = null
    if (cents !== null) {
      for (const choice of way.choices()) {
        if (choice.way.problem) continue
        const c = choice.way.cents(fn.requests, per)
        if (c !== null && c < cents && (cheaper === null || c < BigInt(cheaper.cents))) {
          cheaper = { label: choice.label, cents: Number(c), usd: toDecimalString(c, 100n, 2, 2), change: choice.change }
        }
      }
    }
    return {
      id: way.id,
      label: way.label,
      kind: way.kind,
      problem: way.problem,
      notes: way.notes,
      alsoNeeded: way.alsoNeeded,
      cents: cents === null ? null : Number(cents),
      usd: cents === null ? null : toDecimalString(cents, 100n, 2, 2),
      cheaper,
    }
  })

  // The curves: whole monthly volumes, log-spaced in rate.
  const lo = options.minPerSecond ?? 0.01
  const hi = options.maxPerSecond ?? 10_000
  const perDecade = options.pointsPerDecade ?? 20
  const steps = Math.max(1, Math.round(Math.log10(hi / lo) * perDecade))
  const volumes = new Set<number>()
  for (let i = 0; i <= steps; i++) volumes.add(Math.max(1, Math.round(lo * 10 ** ((i / steps) * Math.log10(hi / lo)) * Number(SECONDS_PER_MONTH))))
  const priceable = built.map((w) => w.problem === null)
  const points: WaysPoint[] = [...volumes]
    .sort((a, b) => a - b)
    .map((n) => ({
      requestsPerMonth: n,
      perSecond: n / Number(SECONDS_PER_MONTH),
      cents: built.map((w, i) => {
        if (!priceable[i]) return null
        const c = w.cents(n)
        return c === null ? null : Number(c)
      }),
    }))
  // The current volume is one of the points.
  const nowCents = ways.map((w) => w.cents)
  const at = points.findIndex((p) => p.requestsPerMonth >= currentRequestsPerMonth)
  const nowPoint = { requestsPerMonth: currentRequestsPerMonth, perSecond: currentRequestsPerMonth / Number(SECONDS_PER_MONTH), cents: nowCents }
  if (currentRequestsPerMonth >= points[0]!.requestsPerMonth && currentRequestsPerMonth <= points.at(-1)!.requestsPerMonth) {
    if (points[at]!.requestsPerMonth === currentRequestsPerMonth) points[at] = nowPoint
    else points.splice(at, 0, nowPoint)
  }

  // Crossings, on exact costs at whole volumes: bisection between grid points where the cheaper of a pair changes.
  const grid = [...volumes].sort((a, b) => a - b)
  const cache = built.map(() => new Map<number, Ratio | null>())
  const exactAt = (i: number, n: number): Ratio | null => {
    let v = cache[i]!.get(n)
    if (v === undefined) cache[i]!.set(n, (v = built[i]!.exactUsd(n)))
    return v
  }
  const maxPerPair = options.maxCrossingsPerPair ?? 8
  const crossings: Crossing[] = []
  const moreCrossings: WaysComparison['moreCrossings'] = []
  for (let i = 0; i < built.length; i++) {
    for (let j = i + 1; j < built.length; j++) {
      if (!priceable[i] || !priceable[j]) continue
      // -1: i is cheaper; 1: j is cheaper; 0: equal or one cannot be priced.
      const side = (n: number): number => {
        const a = exactAt(i, n)
        const b = exactAt(j, n)
        return a && b ? compareRatio(a, b) : 0
      }
      let named = 0
      let more = 0
      let prev = 0
      let prevN = 0
      for (const n of grid) {
        const s = side(n)
        if (s === 0) continue
        if (prev !== 0 && s !== prev) {
          if (named >= maxPerPair) more++
          else {
            // smallest whole N in (prevN, n] on the side of n
            let a = prevN
            let b = n
            while (b - a > 1) {
              const mid = Math.floor((a + b) / 2)
              if (side(mid) === s) b = mid
              else a = mid
            }
            const cheaper = s < 0 ? i : j
            const dearer = s < 0 ? j : i
            crossings.push({
              cheaper: built[cheaper]!.id,
              dearer: built[dearer]!.id,
              requestsPerMonth: b - 1,
              perSecond: (b - 1) / Number(SECONDS_PER_MONTH),
              text: crossingText(built[cheaper]!.label, built[dearer]!.label, b - 1),
              cheapestChanges: cheapestAt(b) === cheaper && cheapestAt(b - 1) === dearer,
            })
            named++
          }
        }
        prev = s
        prevN = n
      }
      if (more > 0) {
        const last = crossings
          .filter((c) => (c.cheaper === built[i]!.id || c.cheaper === built[j]!.id) && (c.dearer === built[i]!.id || c.dearer === built[j]!.id))
          .at(-1)!
        moreCrossings.push({ cheaper: last.dearer, dearer: last.cheaper, count: more })
      }
    }
  }
  /** Which way is cheapest at `n` (exact), by index; -1 for none. */
  function cheapestAt(n: number): number {
    let best = -1
    let bestUsd: Ratio | null = null
    built.forEach((_, k) => {
      if (!priceable[k]) return
      const v = exactAt(k, n)
      if (v && (bestUsd === null || compareRatio(v, bestUsd) < 0)) {
        best = k
        bestUsd = v
      }
    })
    return best
  }
  crossings.sort((a, b) => a.requestsPerMonth - b.requestsPerMonth)

  return {
    functionIndex: index,
    functionName: fn.name ?? '',
    currentRequestsPerMonth,
    currentPerSecond: currentRequestsPerMonth / Number(SECONDS_PER_MONTH),
    ways,
    points,
    crossings,
    moreCrossings,
    problems,
    caveat,
  }
}
