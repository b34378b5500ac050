import type { BillLine, Estimate } from '../engine/index'
import { countOf, formatNumber, formatQuantity, formatSmallUsd } from './format'
import { LongNumber } from './long-number'
import { isZero } from './shown-lines'

/** Exact decimal strings added up, exactly ("1500000" + "0.5" = "1500000.5"). */
function addDecimals(values: readonly string[]): string {
  const places = Math.max(0, ...values.map((v) => v.split('.')[1]?.length ?? 0))
  const scaled = values.reduce((sum, v) => {
    const [whole = '0', fraction = ''] = v.split('.')
    return sum + BigInt(whole + fraction.padEnd(places, '0'))
  }, 0n)
  const digits = scaled.toString().padStart(places + 1, '0')
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`
}

/**
 * The compute the functions run, in GB-s: on demand (free tier included), and
 * apart from it what provisioned environments and Lambda@Edge run, which the
 * on-demand figure does not count. A Lambda@Edge or provisioned function's
 * compute is then never shown as 0.
 */
function computeParts(estimate: Estimate): { gbSeconds: string; where: string }[] {
  const sum = (kind: BillLine['kind']) => addDecimals(estimate.lines.filter((l) => l.kind === kind).map((l) => l.quantity))
  const parts = [
    { gbSeconds: estimate.totals.gbSeconds, where: 'on demand' },
    { gbSeconds: sum('provisioned-duration'), where: 'on provisioned environments' },
    { gbSeconds: sum('edge-duration'), where: 'on Lambda@Edge' },
  ].filter((p) => !isZero(p.gbSeconds))
  if (parts.length === 1 && parts[0]!.where === 'on demand') return [{ gbSeconds: parts[0]!.gbSeconds, where: '' }]
  return parts.length > 0 ? parts : [{ gbSeconds: '0', where: '' }]
}

export function Facts({ estimate }: { estimate: Estimate }) {
  const free = estimate.freeTier
  const compute = computeParts(estimate)
  return (
    <dl className="facts">
      <div className="fact-wide">
        <dt>Free tier used</dt>
        <dd>
          {free.included ? (
            <>
              <span className="fact-line">
                {formatNumber(free.requestsUsed)} of {formatNumber(free.requestsAllowance)} requests
              </span>{' '}
              <span className="fact-line">
                {formatNumber(free.gbSecondsUsed)} of {formatNumber(free.gbSecondsAllowance)} GB&#8209;s
              </span>
            </>
          ) : (
            'Not included'
          )}
        </dd>
      </div>
      <div>
        <dt>Per invocation</dt>
        <dd>{estimate.costPerRequestUsd === null ? 'No requests' : formatSmallUsd(estimate.costPerRequestUsd)}</dd>
      </div>
      <div>
        <dt>Per million invocations</dt>
        <dd>
          {estimate.costPerMillionRequestsUsd === null ? 'No requests' : <LongNumber text={formatSmallUsd(estimate.costPerMillionRequestsUsd)} />}
        </dd>
      </div>
      <div>
        <dt>Compute</dt>
        <dd>
          {compute.map((p) => (
            <span key={p.where} className="fact-part">
              <LongNumber text={formatQuantity(p.gbSeconds, 'GB-s')} /> GB&#8209;s {p.where ? p.where : 'a month'}
            </span>
          ))}
        </dd>
      </div>
      <div>
        <dt>Requests</dt>
        <dd title={`Exact: ${estimate.totals.requestsPerMonth}`}>
          <LongNumber text={countOf(estimate.totals.requestsPerMonth, 'requests')} /> a month
        </dd>
      </div>
    </dl>
  )
}
