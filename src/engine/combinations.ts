import { FIELD_CONFLICTS, fieldAllows, functionField, isFieldSet, MAX_EDGE_DURATION_MS } from './fields'
import { groupThousands, parseNumber, toDecimalString } from './decimal'
import { isRequestUnit, requestsPerMonth } from './requests'
import { ec2InstanceType } from './sheets/ec2-instances'
import type { PriceSheetData } from './sheets/sheet-data'
import type { InputProblem } from './types'
import { checkArchitecturePriced, describeValue, formatPlainNumber } from './checks'

// Inputs each allowed on its own that AWS does not allow together, or that a
// region does not price. Each problem names the rule and what to change.

const PROVISIONED_CONCURRENCY = functionField('provisionedConcurrency')
const STREAMED = functionField('streamedMbPerRequest')
const DURABLE_EXECUTIONS = functionField('durableExecutions')
const INSTANCE_TYPE = functionField('instanceType')
const MEMORY_PER_VCPU = functionField('memoryGbPerVcpu')

/**
 * A Managed Instances function's own rules: an instance type, priced in the
 * region, of the function's architecture, that one environment fits; a price
 * paid above 0.
 */
function checkManaged(fn: Record<string, unknown>, sheet: PriceSheetData, region: string | undefined, base: string, out: InputProblem[]): void {
  const rules = sheet.extraMeters!.managedInstances
  const path = `${base}.instanceType`
  if (fn.ec2PricePerHour === 0) {
    out.push({
      path: `${base}.ec2PricePerHour`,
      message: 'EC2 price per instance-hour must be above 0 USD; got 0. Leave it empty for the on-demand price.',
    })
  }
  const name = fn.instanceType
  if (name === undefined) {
    out.push({
      path,
      message: `A Lambda Managed Instances function needs an instance type; got none. Choose one of ${INSTANCE_TYPE.choices!.map((c) => c.value).join(', ')}.`,
    })
    return
  }
  if (!fieldAllows(INSTANCE_TYPE, name)) return
  const t = ec2InstanceType(name as string)!
  const architecture = fn.architecture ?? 'x86_64'
  if ((architecture === 'x86_64' || architecture === 'arm64') && architecture !== t.architecture) {
    out.push({
      path,
      message: `Instance type ${t.name} is ${t.architecture}${t.architecture === 'arm64' ? ' (Graviton)' : ''}, but this function is ${architecture}: a Managed Instances function runs on its instances' architecture. Set the architecture to ${t.architecture}, or choose ${t.architecture === 'arm64' ? 'an x86_64 type (Intel i or AMD a, such as m7i.xlarge)' : 'an arm64 type (Graviton, such as m7g.xlarge)'}.`,
    })
  }
  if (region !== undefined && t.onDemandUsdPerHour[region] === undefined) {
    const priced = [...new Set(INSTANCE_TYPE.choices!.flatMap((c) => Object.keys(ec2InstanceType(c.value)!.onDemandUsdPerHour)))]
    out.push({
      path,
      message: `Instance type ${t.name} has no price in ${region} in this calculator: its EC2 prices (on which the management fee is charged) are for ${priced.join(', ')} only. Choose ${priced[0]}.`,
    })
  }
  const memoryMb = fn.memoryMb
  const ratio = fn.memoryGbPerVcpu ?? MEMORY_PER_VCPU.default
  if (typeof memoryMb !== 'number' || !Number.isInteger(memoryMb) || memoryMb < rules.minMemoryMb || memoryMb > rules.maxMemoryMb) return
  if (!fieldAllows(MEMORY_PER_VCPU, ratio)) return
  const vcpus = Math.ceil(memoryMb / ((ratio as number) * 1024))
  const byVcpu = Math.floor((t.vcpus - rules.reservedVcpus) / vcpus)
  const byMemory = Math.floor((t.memoryGib * 1024 - rules.reservedMemoryMb) / memoryMb)
  if (byVcpu < 1 || byMemory < 1) {
    out.push({
      path,
      message: `A ${formatPlainNumber(memoryMb)} MB environment (${vcpus} ${vcpus === 1 ? 'vCPU' : 'vCPUs'} at ${ratio} GB per vCPU) fits no ${t.name}: it has ${t.vcpus} vCPUs and ${formatPlainNumber(t.memoryGib * 1024)} MB, less ${rules.reservedVcpus} vCPU and ${formatPlainNumber(rules.reservedMemoryMb)} MB kept for the OS. Choose a larger type, or less memory.`,
    })
  }
}

/**
 * The combinations of one function's inputs that AWS does not allow, or that
 * `region` cannot price. `fn` is the function as `readFunction` reads it; a
 * value that is wrong on its own (a problem already) is left to that problem.
 *
 * - anywhere: an architecture the sheet offers but the region has no price for;
 * - where the sheet bills the 2026 inputs: Lambda@Edge with arm64, with
 *   provisioned concurrency, with ephemeral storage above 512 MB, with response
 *   streaming or with a duration above 30 seconds; SnapStart with provisioned
 *   concurrency or with ephemeral storage above 512 MB.
 *
 * @example
 * const out: InputProblem[] = []
 * checkCombinations({ memoryMb: 128, durationMs: 1, requests: 1, edge: true, architecture: 'arm64' }, PRICE_SHEETS['aws-current'], 'us-east-1', 'functions.0', out)
 * out[0].path // 'functions.0.edge'
 */
export function checkCombinations(
  fn: Record<string, unknown>,
  sheet: PriceSheetData,
  region: string | undefined,
  base: string,
  out: InputProblem[],
): void {
  checkArchitecturePriced(fn.architecture, sheet, region, base, out)
  // The classic sheet ignores the 2026 inputs: no combination of them is a problem there.
  if (!sheet.extraMeters) return
  if (fn.compute === 'managed-instances') checkManaged(fn, sheet, region, base, out)
  if (fn.frontDoor === 'function-url') {
    if (region !== undefined && sheet.extraMeters.besideLambda.noFunctionUrls.includes(region)) {
      out.push({
        path: `${base}.frontDoor`,
        message: `Function URLs are not available in ${region}; got function-url. Choose an API Gateway API or a load balancer, or another region.`,
      })
    }
    if (fn.tenantIsolation === true) {
      out.push({
        path: `${base}.frontDoor`,
        message:
          'A function URL cannot invoke a function with tenant isolation (AWS does not allow it); got function-url. Choose an API Gateway API, or turn tenant isolation off.',
      })
    }
  }
  if (fn.compute === 'managed-instances' && fn.logFormat === 'text') {
    out.push({
      path: `${base}.logFormat`,
      message:
        'Log format text is not available on Managed Instances: their functions log in JSON only; got text. Choose JSON, or turn the logs off.',
    })
  }
  // Every durable execution is at least one invocation: the requests count them all.
  const executions = fn.durableExecutions
  if (typeof executions === 'number' && executions > 0 && fieldAllows(DURABLE_EXECUTIONS, executions)) {
    const requests = fn.requests
    const per = fn.per ?? 'month'
    if (typeof requests === 'number' && Number.isFinite(requests) && requests >= 0 && isRequestUnit(per)) {
      const monthly = requestsPerMonth(requests, per)
      const e = parseNumber(executions)
      if (monthly.n * e.d < e.n * monthly.d) {
        out.push({
          path: `${base}.durableExecutions`,
          message: `Durable executions cannot outnumber the function's requests: each execution is at least one invocation, and the requests count them all (resumptions after a wait too); got ${formatPlainNumber(executions)} executions and ${groupThousands(toDecimalString(monthly.n, monthly.d, 2))} requests a month. Raise the requests or lower the executions.`,
        })
      }
    }
  }
  // The pairs the fields table names, each with its rule.
  for (const [spec, other, rule] of FIELD_CONFLICTS) {
    const value = fn[spec.key]
    const otherValue = fn[other.key]
    if (isFieldSet(spec, value) && fieldAllows(spec, value) && isFieldSet(other, otherValue) && fieldAllows(other, otherValue)) {
      out.push({
        path: `${base}.${spec.key}`,
        message: `${spec.name} cannot be used with ${other.name} (set to ${describeValue(otherValue)}): ${rule}. Turn one of them off.`,
      })
    }
  }
  const edge = fn.edge === true
  const snapStart = fn.snapStart === 'java' || fn.snapStart === 'priced' ? fn.snapStart : null
  if (!edge && snapStart === null) return
  const pc =
    typeof fn.provisionedConcurrency === 'number' && fieldAllows(PROVISIONED_CONCURRENCY, fn.provisionedConcurrency) ? fn.provisionedConcurrency : 0
  const includedMb = sheet.ephemeralStorage.includedMb
  const storage = typeof fn.ephemeralStorageMb === 'number' ? fn.ephemeralStorageMb : includedMb
  if (edge) {
    if (fn.architecture === 'arm64') {
      out.push({ path: `${base}.edge`, message: 'Lambda@Edge runs on x86_64 only; this function is arm64. Choose x86_64 or turn Lambda@Edge off.' })
    }
    if (pc > 0) {
      out.push({
        path: `${base}.provisionedConcurrency`,
        message: `Provisioned concurrency is not available on Lambda@Edge; got ${formatPlainNumber(pc)} ${pc === 1 ? 'environment' : 'environments'} on a Lambda@Edge function. Set it to 0 or turn Lambda@Edge off.`,
      })
    }
    if (storage > includedMb) {
      out.push({
        path: `${base}.ephemeralStorageMb`,
        message: `Lambda@Edge has no ephemeral storage above ${formatPlainNumber(includedMb)} MB; got ${formatPlainNumber(storage)} MB on a Lambda@Edge function. Set it to ${formatPlainNumber(includedMb)} MB or turn Lambda@Edge off.`,
      })
    }
    const streamed = fn.streamedMbPerRequest
    if (typeof streamed === 'number' && streamed > 0 && fieldAllows(STREAMED, streamed)) {
      out.push({
        path: `${base}.streamedMbPerRequest`,
        message: `Response streaming is not available on Lambda@Edge: streaming needs InvokeWithResponseStream or a function URL, and Lambda@Edge offers neither; got ${formatPlainNumber(streamed)} MB per request on a Lambda@Edge function. Set it to 0 or turn Lambda@Edge off.`,
      })
    }
    const duration = fn.durationMs
    if (typeof duration === 'number' && duration > MAX_EDGE_DURATION_MS && duration <= sheet.maxDurationMs) {
      out.push({
        path: `${base}.durationMs`,
        message: `Lambda@Edge functions run at most ${MAX_EDGE_DURATION_MS / 1000} seconds (origin requests and responses; viewer ones at most 5); got ${formatPlainNumber(duration)} ms on a Lambda@Edge function. Set the duration to ${formatPlainNumber(MAX_EDGE_DURATION_MS)} ms or less, or turn Lambda@Edge off.`,
      })
    }
  }
  if (snapStart !== null) {
    if (pc > 0) {
      out.push({
        path: `${base}.provisionedConcurrency`,
        message: `SnapStart does not support provisioned concurrency (AWS's rule); got ${formatPlainNumber(pc)} ${pc === 1 ? 'environment' : 'environments'} on a function with SnapStart (${snapStart}). Set provisioned concurrency to 0 or turn SnapStart off.`,
      })
    }
    if (storage > includedMb && storage <= sheet.ephemeralStorage.maxMb && Number.isInteger(storage)) {
      out.push({
        path: `${base}.ephemeralStorageMb`,
        message: `SnapStart does not support ephemeral storage greater than ${formatPlainNumber(includedMb)} MB (AWS's rule); got ${formatPlainNumber(storage)} MB on a function with SnapStart (${snapStart}). Set it to ${formatPlainNumber(includedMb)} MB or turn SnapStart off.`,
      })
    }
  }
}
