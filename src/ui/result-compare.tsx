import { useMemo, useState } from 'react'
import {
  compareWithSheet,
  estimate as estimateBill,
  PRICE_SHEETS,
  type Architecture,
  type Comparison,
  type Estimate,
  type EstimateInput,
} from '../engine/index'
import { formatUsd, keepUnitsWhole } from './format'
import { centsOf, percentChange } from './money'

// The comparisons: loaded after the total, since nothing here is needed to read it.

/** The same workload under the other price sheet; recomputed when the input changes. */
function useComparison(input: EstimateInput): Comparison {
  return useMemo(() => compareWithSheet(input, input.sheet === 'aws-2016' ? 'aws-current' : 'aws-2016'), [input])
}

/** The docs widget's one comparison: the other price sheet. */
export function CompactComparison({ result }: { result: { estimate: Estimate; input: EstimateInput } }) {
  const comparison = useComparison(result.input)
  const { estimate } = result
  const other = comparison.sheet === 'aws-current' ? 'today\u2019s 1 ms billing' : 'the classic 2016 100 ms billing'
  if (!comparison.available) {
    return (
      <p className="comparison" data-testid="comparison">
        Under {other}: {keepUnitsWhole(comparison.missing ? comparison.reason : `not available. ${comparison.reason}`)}
      </p>
    )
  }
  const change = percentChange(centsOf(comparison.estimate.totalUsd), centsOf(estimate.totalUsd))
  return (
    <p className="comparison" data-testid="comparison">
      Under {other}: <strong>{formatUsd(comparison.estimate.totalUsd)}</strong>
      {change ? `, ${change}` : ''}
    </p>
  )
}

/** The same workload with every function that can move to `architecture` moved there (Edge stays on x86_64). */
function onArchitecture(input: EstimateInput, architecture: Architecture): EstimateInput {
  return { ...input, functions: input.functions.map((f) => (f.edge ? f : { ...f, architecture })) }
}

/** An estimate for a variant of the input, or null when the variant is not valid there. */
function tryEstimate(input: EstimateInput): Estimate | null {
  try {
    return estimateBill(input)
  } catch {
    return null
  }
}

function Figure({ label, other, current, testId, note }: { label: string; other: Estimate; current: Estimate; testId: string; note?: string }) {
  const change = percentChange(centsOf(other.totalUsd), centsOf(current.totalUsd))
  return (
    <div className="comparison-row" data-testid={testId}>
      <dt>{label}:</dt>
      <dd>
        {' '}
        <strong>{formatUsd(other.totalUsd)}</strong>
        {change ? <span className="comparison-change">, {change}</span> : null}
        {note ? <span className="comparison-note"> {keepUnitsWhole(note)}</span> : null}
      </dd>
    </div>
  )
}

const REGIONS = Object.entries(PRICE_SHEETS['aws-current'].regions).map(([id, r]) => ({ id, name: r.name }))

/**
 * The same workload under the other price sheet, on the other architecture and
 * in another region, as figures beside the total: no switching to find out.
 */
export default function Comparisons({ result }: { result: { estimate: Estimate; input: EstimateInput } }) {
  const { estimate, input } = result
  const comparison = useComparison(input)
  const current = input.sheet === 'aws-current'
  const [region, setRegion] = useState(() => (input.region === 'eu-west-1' ? 'us-east-1' : 'eu-west-1'))
  const variants = useMemo(() => {
    if (!current) return null
    const archs = new Set(input.functions.map((f) => f.architecture ?? 'x86_64'))
    const movable = input.functions.some((f) => !f.edge)
    const arch: { architecture: Architecture; estimate: Estimate }[] = []
    if (movable) {
      for (const a of ['arm64', 'x86_64'] as const) {
        if (archs.size === 1 && archs.has(a)) continue
        const e = tryEstimate(onArchitecture(input, a))
        if (e) arch.push({ architecture: a, estimate: e })
      }
    }
    return { arch, region: region === (input.region ?? 'us-east-1') ? null : tryEstimate({ ...input, region }) }
  }, [current, input, region])
  const other = comparison?.sheet === 'aws-current' ? 'Under today\u2019s 1 ms billing' : 'Under the classic 2016 100 ms billing'
  const several = input.functions.length > 1
  return (
    <section className="comparisons" aria-label="The same workload, other choices">
      <dl>
        {comparison ? (
          comparison.available ? (
            <Figure label={other} other={comparison.estimate} current={estimate} testId="comparison" />
          ) : (
            <div className="comparison-row" data-testid="comparison">
              <dt>{other}:</dt>
              <dd>{keepUnitsWhole(comparison.missing ? comparison.reason : `not available. ${comparison.reason}`)}</dd>
            </div>
          )
        ) : null}
        {variants?.arch.map(({ architecture, estimate: e }) => (
          <Figure
            key={architecture}
            label={several ? `All on ${architecture}` : `On ${architecture}`}
            other={e}
            current={estimate}
            testId={`compare-${architecture}`}
          />
        ))}
        {current ? (
          <div className="comparison-row comparison-region" data-testid="compare-region">
            <dt>
              <label htmlFor="compare-region">In region</label>{' '}
              <select id="compare-region" value={region} onChange={(e) => setRegion(e.target.value)}>
                {REGIONS.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id}
                  </option>
                ))}
              </select>
            </dt>
            <dd>
              {variants?.region ? (
                <>
                  <strong>{formatUsd(variants.region.totalUsd)}</strong>
                  <span className="comparison-change">, {percentChange(centsOf(variants.region.totalUsd), centsOf(estimate.totalUsd)) ?? ''}</span>
                </>
              ) : region === (input.region ?? 'us-east-1') ? (
                'the region of this estimate'
              ) : (
                'not available with these inputs'
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      {comparison?.available && comparison.adjustments.length > 0 ? (
        <ul className="adjustments">
          {comparison.adjustments.map((a) => (
            <li key={a}>{keepUnitsWhole(a)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
