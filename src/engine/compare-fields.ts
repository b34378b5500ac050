import { MAX_FUNCTIONS, type FieldSpec } from './fields'

/**
 * One input of the ways-to-run-it comparison: the parts of a field's spec the
 * comparison uses (it is not part of the bill, the form or the widget).
 *
 * @example COMPARE_FIELDS[0].urlKey // 'cmp'
 */
export type CompareFieldSpec = Pick<
  FieldSpec<CompareFieldKey>,
  'key' | 'type' | 'label' | 'name' | 'unit' | 'min' | 'max' | 'default' | 'choices' | 'urlKey'
>

/**
 * The comparison's fields' names.
 *
 * @example const key: CompareFieldKey = 'fargateVcpu'
 */
export type CompareFieldKey =
  'compareOpen' | 'compareFunction' | 'fargateVcpu' | 'fargateMemoryGb' | 'fargateArchitecture' | 'ec2InstanceType' | 'concurrentRequests'

/**
 * The ways-to-run-it comparison's inputs: the account's function it compares,
 * the Fargate task and the EC2 instance it prices against, and how many
 * requests one task or instance serves at once. They are not part of the
 * bill; the link carries them (`cmp=1` opens the comparison).
 *
 * @example COMPARE_FIELDS.find((f) => f.key === 'concurrentRequests')?.default // 1
 */
export const COMPARE_FIELDS: readonly CompareFieldSpec[] = [
  { key: 'compareOpen', type: 'boolean', label: 'Compare ways to run it', name: 'Compare ways to run it', default: false, urlKey: 'cmp' },
  {
    key: 'compareFunction',
    type: 'whole',
    label: 'Function compared',
    name: 'Function compared',
    min: 1,
    max: MAX_FUNCTIONS,
    default: 1,
    urlKey: 'xf',
  },
  {
    key: 'fargateVcpu',
    type: 'choice',
    label: 'Fargate task vCPU',
    name: 'Fargate task vCPU',
    default: '0.5',
    choices: ['0.25', '0.5', '1', '2', '4', '8', '16'].map((v) => ({ value: v, code: v, label: `${v} vCPU` })),
    urlKey: 'xv',
  },
  {
    key: 'fargateMemoryGb',
    type: 'number',
    label: 'Fargate task memory (GB)',
    name: 'Fargate task memory',
    unit: 'GB',
    min: 0.5,
    max: 120,
    default: 1,
    urlKey: 'xg',
  },
  {
    key: 'fargateArchitecture',
    type: 'choice',
    label: 'Fargate architecture',
    name: 'Fargate architecture',
    default: 'x86_64',
    choices: [
      { value: 'x86_64', code: 'x86', label: 'x86_64' },
      { value: 'arm64', code: 'arm', label: 'arm64 (Graviton)' },
    ],
    urlKey: 'xa',
  },
  { key: 'ec2InstanceType', type: 'text', label: 'EC2 instance type', name: 'EC2 instance type', max: 20, default: 'c7g.large', urlKey: 'xi' },
  {
    key: 'concurrentRequests',
    type: 'whole',
    label: 'Requests one task or instance serves at once',
    name: 'Requests served at once',
    min: 1,
    max: 10_000,
    default: 1,
    urlKey: 'xc',
  },
]
