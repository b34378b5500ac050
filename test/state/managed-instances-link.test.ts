import { describe, expect, it } from 'vitest'
import { estimate } from '../../src/engine/index'
import { ATTRIBUTES, attributesToQuery } from '../../src/embed/protocol'
import { toEstimateInput } from '../../src/state/selectors'
import { decode, encode } from '../../src/state/url-codec'

// AWS's example (Lambda pricing page): m7g.xlarge, $0.0457 an hour paid, 2,000 instance-hours, 100M requests: $160.36.
const EXAMPLE = 'v=2&p=current&m=2048&d=100&r=1e8&a=arm&mi=managed-instances&mt=m7g.xlarge&mh=2000&mp=0.0457'

const messages = (query: string) => decode(query).problems.map((p) => `${p.key}: ${p.message}`)

describe('links with a Managed Instances function', () => {
  it('AWS’s example opens to $160.36 and is written back the same', () => {
    const read = decode(EXAMPLE)
    expect(read.problems).toEqual([])
    expect(estimate(toEstimateInput(read.inputs)).totalUsd).toBe('160.36')
    expect(encode(read.inputs)).toBe(EXAMPLE)
  })

  it('an unknown instance type is named with what is allowed; the function is priced on Lambda', () => {
    const out = messages('v=2&p=current&m=2048&a=arm&mi=managed-instances&mt=m7g.huge')
    expect(out.some((m) => m.startsWith('mt: mt=m7g.huge: Instance type must be c7g.large, ') && m.endsWith('; got "m7g.huge".'))).toBe(true)
    expect(out.some((m) => m.startsWith('mi: mi=managed-instances: A Lambda Managed Instances function needs an instance type'))).toBe(true)
    expect(decode('v=2&p=current&m=2048&a=arm&mi=managed-instances&mt=m7g.huge').inputs.functions[0]!.compute).toBe('lambda')
  })

  it('with SnapStart, provisioned concurrency or Lambda@Edge: named, and Managed Instances left out', () => {
    for (const extra of ['ss=java', 'pc=2', 'ed=1']) {
      const query = `v=2&p=current&m=2048&a=arm&mi=managed-instances&mt=m7g.xlarge&${extra}`
      const out = messages(query)
      expect(out[0]).toMatch(/^mi: mi=managed-instances: Compute type cannot be used with (SnapStart|Provisioned concurrency|Lambda@Edge)/)
      expect(decode(query).inputs.functions[0]!.compute).toBe('lambda')
    }
  })

  it('memory under 2,048 MB, and a region without a price, are named', () => {
    expect(messages('v=2&p=current&m=1024&a=arm&mi=managed-instances&mt=m7g.xlarge').join('\n')).toContain(
      'Memory must be between 2,048 and 32,768 MB on a Lambda Managed Instances function; got 1,024 MB.',
    )
    expect(messages('v=2&p=current&rg=eu-west-1&m=2048&a=arm&mi=managed-instances&mt=m7g.xlarge').join('\n')).toContain(
      'Instance type m7g.xlarge has no price in eu-west-1',
    )
  })
})

describe('widget attributes for Managed Instances', () => {
  it('compute (in any case) and instance-type are attributes; an unknown type reaches the app, which names it', () => {
    expect(ATTRIBUTES.compute?.key).toBe('mi')
    // The instance types are too many to list in embed.js: the value passes through as written.
    expect(ATTRIBUTES['instance-type']).toEqual({ key: 'mt' })
    const query = attributesToQuery(
      (name) =>
        ({ sheet: 'current', memory: '2048', architecture: 'arm64', compute: 'Managed-Instances', 'instance-type': 'm7g.xlarge' })[name] ?? null,
    )
    expect(query).toBe('p=current&m=2048&a=arm&mi=managed-instances&mt=m7g.xlarge')
    const bad = attributesToQuery((name) => ({ sheet: 'current', compute: 'managed-instances', 'instance-type': 'x9.huge' })[name] ?? null)
    expect(messages(bad).join('\n')).toContain('mt=x9.huge: Instance type must be')
  })
})
