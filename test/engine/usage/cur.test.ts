import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyUsageType, compareWaysToRun, createCurParser, CUR_ATHENA_QUERY, curWhatIfs, parseCur, reconcileCur } from '../../../src/engine/index'

/**
 * Fixture: test/fixtures/cur/athena-lambda-2026-10.csv, the CUR query's
 * result in the layout Athena's "Download results" writes: a header of the
 * query's column aliases, every value double-quoted, DOUBLE values as Java's
 * Double.toString prints them (500000.0, 5.00001), LF line ends.
 *
 * Prices (aws-current sheet; AWS Lambda pricing page, pricing.md §7-10):
 * requests $0.20 per million; x86_64 $0.0000166667 and arm64 $0.0000133334
 * per GB-s (first bracket); ephemeral storage in us-east-1 $0.0000000309 per
 * GB-s; Lambda@Edge $0.60 per million requests and $0.00005001 per GB-s.
 * Free tier: 1,000,000 requests and 400,000 GB-s a month, once for the bill.
 */
const FIXTURE = readFileSync(new URL('../../fixtures/cur/athena-lambda-2026-10.csv', import.meta.url), 'utf8')

describe('usage types, by suffix after the region prefix', () => {
  it('reads the prefix as a region and the suffix exactly', () => {
    expect(classifyUsageType('USE2-Lambda-GB-Second-ARM')).toMatchObject({ kind: 'meter', meter: 'armGbs', region: 'us-east-2' })
    // us-east-1 may carry no prefix; eu-west-1's prefix is EU.
    expect(classifyUsageType('Request')).toMatchObject({ kind: 'meter', meter: 'requests', region: null })
    expect(classifyUsageType('EU-Lambda-GB-Second')).toMatchObject({ kind: 'meter', meter: 'x86Gbs', region: 'eu-west-1' })
    expect(classifyUsageType('APN1-Lambda-Provisioned-GB-Second-ARM')).toMatchObject({ meter: 'pcDurationArmGbs', region: 'ap-northeast-1' })
    expect(classifyUsageType('USE1-Lambda-Managed-Instances-m7g.xlarge-Management-Hours')).toMatchObject({
      meter: 'managedFeeHours',
      instanceType: 'm7g.xlarge',
      region: 'us-east-1',
    })
  })

  it('takes Lambda@Edge types for Edge, never for plain requests or duration', () => {
    expect(classifyUsageType('Lambda-Edge-Request')).toMatchObject({ kind: 'meter', meter: 'edgeRequests' })
    expect(classifyUsageType('EU-Lambda-Edge-GB-Second')).toMatchObject({ kind: 'meter', meter: 'edgeGbs', region: 'eu-west-1' })
  })

  it('sets apart data transfer and usage types it does not know', () => {
    expect(classifyUsageType('USE2-DataTransfer-Out-Bytes')).toMatchObject({ kind: 'not-priced', what: 'data transfer' })
    expect(classifyUsageType('USE2-Lambda-Mystery-Units')).toMatchObject({ kind: 'unknown', region: 'us-east-2' })
  })
})

describe('the query', () => {
  it('groups by month, account, region, function ARN, usage type and rate code, without SavingsPlanNegation rows', () => {
    expect(CUR_ATHENA_QUERY).toMatch(/GROUP BY 1, 2, 3, 4, 5, 6/)
    for (const col of ['line_item_resource_id', 'line_item_usage_type', 'pricing_rate_code', 'savings_plan_savings_plan_effective_cost']) {
      expect(CUR_ATHENA_QUERY).toContain(col)
    }
    expect(CUR_ATHENA_QUERY).toContain("IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage', 'Credit')")
    expect(CUR_ATHENA_QUERY).not.toMatch(/IN \([^)]*SavingsPlanNegation/)
  })

  it('is in the README as the panel has it', () => {
    expect(readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')).toContain(CUR_ATHENA_QUERY)
  })
})

describe('reconciliation of the fixture, worked by hand', () => {
  const imported = parseCur(FIXTURE)
  const month = reconcileCur(imported).months[0]!

  it('names the malformed rows by their line and lists what it does not price', () => {
    expect(imported.problems.map((p) => p.line)).toEqual([15, 16])
    expect(imported.problems[0]!.message).toContain('2026-13-01')
    expect(imported.problems[1]!.message).toContain('usage_amount "lots"')
    expect(reconcileCur(imported).other.map((o) => [o.usageType, o.what, o.awsUnblendedUsd])).toEqual([
      ['USE2-DataTransfer-Out-Bytes', 'data transfer', '0.09'],
      ['USE2-Lambda-Mystery-Units', null, '0.05'],
    ])
  })

  it('reprices every line with the free tier once for the bill, regions in alphabetical order', () => {
    const lines = month.lines.map((l) => [l.region, l.meter, l.quantity, l.calculatorUsd, l.awsUnblendedUsd, l.explanation])
    expect(lines).toEqual([
      // eu-west-1 first: its 500,000 requests and 100,000 GB-s are all free.
      ['eu-west-1', 'requests', '500000', '0.00', '0.00', 'match'],
      ['eu-west-1', 'x86Gbs', '100000', '0.00', '0.00', 'match'],
      // us-east-1: 500,000 free requests left, so 1,500,000 x $0.20/M = $0.30.
      ['us-east-1', 'requests', '2000000', '0.30', '0.30', 'match'],
      // 300,000 GB-s left free: 300,000 x 0.0000166667 = 5.00001 -> $5.00.
      ['us-east-1', 'x86Gbs', '600000', '5.00', '5.00', 'rounding'],
      // 1,000,000 x 0.0000000309 = 0.0309 -> $0.03.
      ['us-east-1', 'storageGbs', '1000000', '0.03', '0.03', 'rounding'],
      ['us-east-1', 'edgeRequests', '1000000', '0.60', '0.60', 'match'],
      // 50,000 x 0.00005001 = 2.5005 -> $2.50.
      ['us-east-1', 'edgeGbs', '50000', '2.50', '2.50', 'rounding'],
      ['us-east-2', 'requests', '3000000', '0.60', '0.60', 'match'],
      // 1,250,000 x 0.0000133334 = 16.66675 -> $16.67.
      ['us-east-2', 'armGbs', '1250000', '16.67', '16.67', 'rounding'],
    ])
    expect(month.calculatorUsd).toBe('25.70')
  })

  it('explains the difference: the Savings Plan (effective cost) and credits', () => {
    // Unblended 25.69681; effective 25.69681 - 2.00001 (the plan on orders); credits -0.10: billed 23.5968 -> $23.60.
    expect(month.awsBilledUsd).toBe('23.60')
    expect(month.savingsPlanUsd).toBe('2.00')
    expect(month.creditsUsd).toBe('0.10')
    expect(month.unexplainedUsd).toBe('0.00')
    expect(month.sentence).toBe(
      'AWS billed $23.60; the calculator reproduces $25.70 for the same usage; the difference is the Savings Plan ($2.00, effective cost) and credits ($0.10).',
    )
  })

  it('reconciles each function', () => {
    const byName = Object.fromEntries(month.functions.map((f) => [f.name, f]))
    expect(byName.orders).toMatchObject({
      architecture: 'arm64',
      requests: '3000000',
      calculatorUsd: '17.27',
      awsUnblendedUsd: '17.27',
      awsEffectiveUsd: '15.27',
    })
    expect(byName.orders!.sentence).toContain('the Savings Plan ($2.00, effective cost)')
    // thumbs: $0.30 + $5.00 + $0.03; the credit of $0.10 is its own.
    expect(byName.thumbs).toMatchObject({ architecture: 'x86_64', calculatorUsd: '5.33', awsCreditsUsd: '-0.10' })
    expect(byName['us-east-1.edge-auth']).toMatchObject({ calculatorUsd: '3.10', requests: '1000000' })
    expect(byName.reports!.calculatorUsd).toBe('0.00')
  })

  it('shows a difference it cannot explain', () => {
    // 2,000,000 requests, 1,000,000 of them free: the calculator bills $0.20 where AWS charged $1.00.
    const csv =
      'month,account,region,function_arn,usage_type,rate_code,usage_amount,unblended_cost,effective_cost,credits\r\n' +
      '2026-11-01 00:00:00.000,111122223333,us-east-1,arn:aws:lambda:us-east-1:111122223333:function:api,Request,A.B.C,2000000,1.0,1.0,0\r\n'
    const m = reconcileCur(parseCur(csv)).months[0]!
    expect(m.lines[0]).toMatchObject({ calculatorUsd: '0.20', awsUnblendedUsd: '1.00', differenceUsd: '-0.80', explanation: 'unexplained' })
    expect(m.unexplainedUsd).toBe('-0.80')
    expect(m.sentence).toBe('AWS billed $1.00; the calculator reproduces $0.20 for the same usage; $0.80 less is not explained by the calculator.')
    expect(m.functions[0]!.explanation).toBe('unexplained')
  })
})

/**
 * Fixture: test/fixtures/cur/athena-lmi-2026-10.csv, the query's result (Athena's layout, as above) for
 * AWS's Lambda Managed Instances example (AWS Lambda pricing page; pricing.md §9): 100,000,000 requests,
 * 2,000 m7g.xlarge instance-hours at $0.1632 on demand ($326.40) covered by a 3-year Compute Savings Plan
 * at $0.0457 ($91.40 effective), and the management fee of 15 % of on demand, $0.02448 an hour ($48.96):
 * $20.00 + $91.40 + $48.96 = $160.36.
 * Assumed, not documented: the instances carry the lambda-capacity-provider tag with the capacity
 * provider's ARN as its value (so the query gives that as their function_arn); the fee rows' resource is
 * that ARN too; Managed Instances requests bill under `Request`.
 * The last two rows carry usage type names AWS has not published (made up for the test, after the
 * pricing page's durable example, 4,000,000 operations at $8.00 per million, and its tenant isolation
 * example, 200,000 environments of 1 GB at $0.000166667): they are listed by what their names say, not priced.
 */
const LMI_FIXTURE = readFileSync(new URL('../../fixtures/cur/athena-lmi-2026-10.csv', import.meta.url), 'utf8')

describe('Managed Instances in the CUR: EC2 instance-hours and the management fee', () => {
  it('reads BoxUsage:<type> as instance-hours of that type, with or without a region prefix', () => {
    expect(classifyUsageType('BoxUsage:m7g.xlarge')).toMatchObject({
      kind: 'meter',
      meter: 'managedEc2Hours',
      instanceType: 'm7g.xlarge',
      region: null,
    })
    expect(classifyUsageType('USE2-BoxUsage:c7i.2xlarge')).toMatchObject({
      meter: 'managedEc2Hours',
      instanceType: 'c7i.2xlarge',
      region: 'us-east-2',
    })
    expect(classifyUsageType('USE2-EBS:VolumeUsage.gp3')).toMatchObject({ kind: 'unknown' })
  })

  it('reconciles AWS\u2019s example to the cent: $395.36 on demand, $160.36 billed after the Savings Plan', () => {
    const imported = parseCur(LMI_FIXTURE)
    expect(imported).toMatchObject({ rows: 5, rowsUsed: 5, problemCount: 0 })
    const m = reconcileCur(imported, { freeTier: false }).months[0]!
    expect(
      m.lines.map((l) => [l.meter, l.instanceType ?? '', l.quantity, l.calculatorUsd, l.awsUnblendedUsd, l.awsEffectiveUsd, l.explanation]),
    ).toEqual([
      ['requests', '', '100000000', '20.00', '20.00', '20.00', 'match'],
      // 2,000 h x $0.1632
      ['managedEc2Hours', 'm7g.xlarge', '2000', '326.40', '326.40', '91.40', 'match'],
      // 2,000 h x 0.15 x $0.1632 = 2,000 x $0.02448
      ['managedFeeHours', 'm7g.xlarge', '2000', '48.96', '48.96', '48.96', 'match'],
    ])
    // the plan took $326.40 - $91.40 = $235.00 off
    expect(m).toMatchObject({
      calculatorUsd: '395.36',
      awsUnblendedUsd: '395.36',
      awsBilledUsd: '160.36',
      savingsPlanUsd: '235.00',
      unexplainedUsd: '0.00',
    })
    const provider = m.functions.find((f) => f.functionArn.endsWith(':capacity-provider:batch'))!
    expect(provider).toMatchObject({ calculatorUsd: '375.36', awsEffectiveUsd: '140.36' })
  })

  it('lists durable functions and tenant isolation rows by what their names say, with what AWS charged, unpriced', () => {
    const other = reconcileCur(parseCur(LMI_FIXTURE), { freeTier: false }).other
    const byType = Object.fromEntries(other.map((o) => [o.usageType, o]))
    expect(Object.keys(byType).sort()).toEqual(['Lambda-Tenant-Isolation-GB', 'USE2-Lambda-Durable-Operations'])
    expect(byType['USE2-Lambda-Durable-Operations']).toMatchObject({ rows: 1, awsUnblendedUsd: '32.00' })
    expect(byType['Lambda-Tenant-Isolation-GB']).toMatchObject({ rows: 1, awsUnblendedUsd: '33.33' })
    expect(byType['USE2-Lambda-Durable-Operations']!.what).toMatch(/^durable functions, by its name: AWS publishes no usage type/)
    expect(byType['Lambda-Tenant-Isolation-GB']!.what).toMatch(/^tenant isolation, by its name: AWS publishes no usage type/)
    // a name that says neither stays unknown
    expect(classifyUsageType('USE2-Lambda-Mystery-Units')).toMatchObject({ kind: 'unknown' })
  })

  it('takes an export\u2019s AmazonEC2 instance-hours only where the capacity provider\u2019s tag marks them', () => {
    const provider = 'arn:aws:lambda:us-east-2:123456789012:capacity-provider:batch'
    const head =
      'bill_billing_period_start_date,line_item_usage_account_id,line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_resource_id,product_region_code,line_item_usage_amount,line_item_unblended_cost,resource_tags'
    const row = (product: string, usageType: string, hours: string, cost: string, tags: string) =>
      `2026-10-01T00:00:00Z,123456789012,Usage,${product},${usageType},i-0abc,us-east-2,${hours},${cost},"${tags.replace(/"/g, '""')}"`
    const tagged = JSON.stringify({ 'user:lambda-capacity-provider': provider })
    const csv = [
      head,
      // 730 h x $0.2016 (m7i.xlarge, us-east-1's price: the sheet has instance prices for us-east-1 only, so this is set apart as not priced)
      row('AmazonEC2', 'USE2-BoxUsage:m7i.xlarge', '730', '147.168', tagged),
      // an untagged instance: not Lambda's
      row('AmazonEC2', 'USE2-BoxUsage:m7i.xlarge', '730', '147.168', '{}'),
      // the tagged instance's volume: EC2 storage, not instance-hours
      row('AmazonEC2', 'USE2-EBS:VolumeUsage.gp3', '20', '1.6', tagged),
    ].join('\n')
    const imported = parseCur(csv)
    expect(imported).toMatchObject({ rows: 3, rowsUsed: 1, rowsSkipped: 2, problemCount: 0 })
    expect(imported.entries.map((e) => [e.functionArn, e.meter, e.instanceType, e.region])).toEqual([
      [provider, 'managedEc2Hours', 'm7i.xlarge', 'us-east-2'],
    ])
    // the legacy CUR: one column per tag
    const legacy = [
      'bill/BillingPeriodStartDate,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/ProductCode,lineItem/UsageType,lineItem/ResourceId,lineItem/UsageAmount,lineItem/UnblendedCost,product/region,resourceTags/user:lambda-capacity-provider',
      `2026-10-01T00:00:00Z,123456789012,Usage,AmazonEC2,BoxUsage:m7g.xlarge,i-0abc,2000,326.4,us-east-1,${provider.replace('us-east-2', 'us-east-1')}`,
      '2026-10-01T00:00:00Z,123456789012,Usage,AmazonEC2,BoxUsage:m7g.xlarge,i-0def,2000,326.4,us-east-1,',
    ].join('\n')
    const m = reconcileCur(parseCur(legacy), { freeTier: false }).months[0]!
    expect(m.lines.map((l) => [l.meter, l.instanceType, l.calculatorUsd, l.awsUnblendedUsd])).toEqual([
      ['managedEc2Hours', 'm7g.xlarge', '326.40', '326.40'],
    ])
  })
})

describe('a CUR 2.0 export read row by row', () => {
  it('uses the plan effective cost of covered usage, skips SavingsPlanNegation and other services, takes credits', () => {
    const head =
      'bill_billing_period_start_date,line_item_usage_account_id,line_item_line_item_type,line_item_product_code,line_item_usage_type,line_item_resource_id,product_region_code,pricing_rate_code,line_item_usage_amount,line_item_unblended_cost,savings_plan_savings_plan_effective_cost'
    const fn = 'arn:aws:lambda:us-east-2:123456789012:function:orders'
    const csv = [
      head,
      `2026-10-01T00:00:00Z,123456789012,SavingsPlanCoveredUsage,AWSLambda,USE2-Lambda-GB-Second,${fn},us-east-2,X.Y.Z,1000000,16.6667,14.7`,
      `2026-10-01T00:00:00Z,123456789012,SavingsPlanNegation,AWSLambda,USE2-Lambda-GB-Second,${fn},us-east-2,X.Y.Z,0,-1.9667,0`,
      `2026-10-01T00:00:00Z,123456789012,Usage,AmazonS3,USE2-TimedStorage-ByteHrs,,us-east-2,X.Y.Z,5,0.1,0`,
      `2026-10-01T00:00:00Z,123456789012,Credit,AWSLambda,USE2-Lambda-GB-Second,${fn},us-east-2,X.Y.Z,0,-1.00,0`,
    ].join('\n')
    const imported = parseCur(csv)
    expect(imported).toMatchObject({ rows: 4, rowsUsed: 2, rowsSkipped: 2, problemCount: 0 })
    const m = reconcileCur(imported, { freeTier: false }).months[0]!
    // 1,000,000 GB-s x 0.0000166667 = $16.6667 -> $16.67; effective $14.70; credits $1.00: billed $13.70.
    expect(m).toMatchObject({ calculatorUsd: '16.67', awsUnblendedUsd: '16.67', savingsPlanUsd: '1.97', creditsUsd: '1.00', awsBilledUsd: '13.70' })
  })
})

describe('a legacy CUR export', () => {
  it('reads the same columns by their legacy names, and takes a discount row as money off', () => {
    const csv = [
      'identity/LineItemId,bill/BillingPeriodStartDate,lineItem/UsageAccountId,lineItem/LineItemType,lineItem/ProductCode,lineItem/UsageType,lineItem/ResourceId,lineItem/UsageAmount,lineItem/UnblendedCost,product/region,pricing/RateCode',
      'a1,2026-10-01T00:00:00Z,123456789012,Usage,AWSLambda,EU-Request,arn:aws:lambda:eu-west-1:123456789012:function:api,3000000,0.4,eu-west-1,X.Y.Z',
      'a2,2026-10-01T00:00:00Z,123456789012,EdpDiscount,AWSLambda,EU-Request,arn:aws:lambda:eu-west-1:123456789012:function:api,0,-0.04,eu-west-1,X.Y.Z',
      'a3,2026-10-01T00:00:00Z,123456789012,Tax,AWSLambda,EU-Request,,0,0.08,eu-west-1,',
    ].join('\n')
    const imported = parseCur(csv)
    expect(imported).toMatchObject({ rows: 3, rowsUsed: 2, rowsSkipped: 1, problemCount: 0 })
    // 3,000,000 requests, 1,000,000 free: 2,000,000 x $0.20 per million = $0.40; the discount takes $0.04 off.
    const m = reconcileCur(imported).months[0]!
    expect(m).toMatchObject({ calculatorUsd: '0.40', awsUnblendedUsd: '0.40', creditsUsd: '0.04', awsBilledUsd: '0.36' })
    expect(m.sentence).toBe('AWS billed $0.36; the calculator reproduces $0.40 for the same usage; the difference is credits ($0.04).')
  })
})

describe('rows that cannot be read', () => {
  it('names each by its line and keeps every other row', () => {
    const csv = [
      '"month","account","region","function_arn","usage_type","rate_code","usage_amount","unblended_cost","effective_cost","credits"',
      '"2026-10-01 00:00:00.000","1","us-east-1","arn:aws:lambda:us-east-1:1:function:a","Request","r","1.0E7","2.0","2.0","0.0"',
      '"2026-10-01 00:00:00.000","1","us-east-1","arn:aws:lambda:us-east-1:1:function:a","Request","r",12,5,"1","1","0"',
      '"2026-10-01 00:00:00.000","1","us-east-1","arn:aws:lambda:us-east-1:1:function:a","Request","r","1.0","0.0","0.0',
      '"2026-10-01 00:00:00.000","1","us-east-2","arn:aws:lambda:us-east-1:1:function:a","USE1-Request","r","1.0","0.0","0.0","0.0"',
      '',
      '"2026-10-01 00:00:00.000","1","us-east-1","arn:aws:lambda:us-east-1:1:function:a","Request","r","5.0E6","1.0","1.0","0.0"',
    ].join('\n')
    const imported = parseCur(csv)
    expect(imported.problems.map((p) => p.line)).toEqual([3, 4, 5])
    expect(imported.problems[0]!.message).toContain('11 values where the header has 10 columns')
    expect(imported.problems[1]!.message).toContain('not closed')
    expect(imported.problems[2]!.message).toContain('billed in us-east-1 but the region column says us-east-2')
    // Rows 2 and 7: 1.0E7 + 5.0E6 requests.
    const u = imported.entries[0]!.usage
    expect(u.n).toBe(15_000_000n * u.d)
  })

  it('says when the header is not the query\u2019s', () => {
    const imported = parseCur('a,b,c\n1,2,3\n')
    expect(imported.entries).toEqual([])
    expect(imported.problems[0]!.line).toBe(1)
    expect(imported.problems[0]!.message).toContain('no month, usage_type, usage_amount, unblended_cost column')
  })
})

describe('what if, from the billed usage of the fixture', () => {
  const whatIfs = curWhatIfs(parseCur(FIXTURE), { savingsPlanPercent: 12 })
  const by = Object.fromEntries(whatIfs.map((w) => [w.id, w]))

  it('arm64 for the x86_64 functions, duration x 0.8 stated', () => {
    // thumbs 600,000 -> 480,000 arm64 GB-s, reports 100,000 -> 80,000. Free tier: eu-west-1 80,000,
    // then 320,000 of us-east-1's 480,000: 160,000 x 0.0000133334 = 2.133344 -> $2.13 instead of $5.00.
    expect(by['arm64']).toMatchObject({ currentCents: 2570, newCents: 2283, savingUsd: '2.87', savingPerYearUsd: '34.44' })
    expect(by['arm64']!.assumptions[0]).toContain('0.8')
  })

  it('a Savings Plan of 12 %', () => {
    // Covered: us-east-1 x86 5.00001 x 0.88 = 4.4000088 -> $4.40; us-east-2 arm 16.66675 x 0.88 = 14.66674 -> $14.67.
    expect(by['savings-plan']).toMatchObject({ newCents: 2310, savingUsd: '2.60', savingPerYearUsd: '31.20' })
  })

  it('another memory size for one function, and another region', () => {
    const [memory] = curWhatIfs(parseCur(FIXTURE), { memory: { function: 'orders', fromMb: 1024, toMb: 512 } }).filter((w) => w.id === 'memory')
    // orders: 625,000 arm64 GB-s x 0.0000133334 = 8.333375 -> $8.33 instead of $16.67.
    expect(memory).toMatchObject({ newCents: 1736, savingUsd: '8.34' })
    expect(by['region']!.problem).toBeNull()
  })
})

describe('Managed Instances for the steady functions', () => {
  it('prices a function averaging a request a second or more with the ways-to-run comparison, from its billed usage', () => {
    // 100,000,000 arm64 requests at 2,048 MB and 20,000,000 GB-s: 100 ms on average.
    const csv = [
      'month,account,region,function_arn,usage_type,rate_code,usage_amount,unblended_cost,effective_cost,credits',
      '2026-10-01,1,us-east-1,arn:aws:lambda:us-east-1:1:function:steady,Request-ARM,r,100000000,19.8,19.8,0',
      '2026-10-01,1,us-east-1,arn:aws:lambda:us-east-1:1:function:steady,Lambda-GB-Second-ARM,r,20000000,261.33464,261.33464,0',
      '2026-10-01,1,us-east-1,arn:aws:lambda:us-east-1:1:function:rare,Request,r,1000,0,0,0',
    ].join('\n')
    const lmi = curWhatIfs(parseCur(csv), { memoryMb: { steady: 2048 } }).find((w) => w.id === 'managed-instances')!
    const ways = compareWaysToRun({
      sheet: 'aws-current',
      region: 'us-east-1',
      freeTier: false,
      functions: [{ name: 'steady', memoryMb: 2048, durationMs: 100, requests: 100_000_000, per: 'month', architecture: 'arm64' }],
    }).ways
    const onDemand = ways.find((w) => w.id === 'lambda-on-demand')!.cents!
    const managed = ways.find((w) => w.id === 'lambda-managed-instances')!.cents!
    expect(lmi.problem).toBeNull()
    expect(lmi.details).toHaveLength(1)
    expect(lmi.details[0]).toMatch(/^steady: /)
    expect(lmi.savingCents).toBe(Math.max(0, onDemand - managed))
    expect(lmi.savingPerYearCents).toBe(12 * lmi.savingCents)
  })
})

describe('the reader is linear and loses nothing', () => {
  const HEADER = 'month,account,region,function_arn,usage_type,rate_code,usage_amount,unblended_cost,effective_cost,credits'
  const valid = fc
    .integer({ min: 1, max: 10_000_000 })
    .map((n) => ({ n, text: `2026-10-01,1,us-east-1,arn:aws:lambda:us-east-1:1:function:f,Request,r,${n},0,0,0` }))
  const garbage = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.constant('"'.repeat(5000)),
    fc.constant('"2026-10-01,1,us-east-1,' + 'x'.repeat(3000)),
    fc.constant(','.repeat(2000)),
  )
  const piece = fc.oneof(
    valid.map((v) => ({ ...v, kind: 'valid' as const })),
    garbage.map((g) => ({ n: 0, text: g.replace(/[\r\n]/g, ' '), kind: 'garbage' as const })),
    valid.map((v) => ({ n: 0, text: v.text.slice(0, Math.max(1, Math.floor(v.text.length / 2))), kind: 'truncated' as const })),
  )

  it('counts every valid row once, never throws, and examines each character a bounded number of times', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 97 }), (pieces, chunk) => {
        const text = [HEADER, ...pieces.map((p) => p.text)].join('\n')
        const parser = createCurParser()
        for (let at = 0; at < text.length; at += chunk) parser.push(text.slice(at, at + chunk))
        const result = parser.finish()
        const expected = pieces.filter((p) => p.kind === 'valid').reduce((s, p) => s + BigInt(p.n), 0n)
        const got = result.entries.reduce((s, e) => s + e.usage.n / e.usage.d, 0n)
        expect(got).toBe(expected)
        expect(result.work).toBeLessThanOrEqual(3 * text.length + 3)
      }),
      { numRuns: 150 },
    )
  })
})
