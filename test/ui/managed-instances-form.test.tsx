import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { estimate, type EstimateInput } from '../../src/engine/index'
import { estimateCsv } from '../../src/state/export'
import { defaultFunction } from '../../src/state/store'
import { FunctionList } from '../../src/ui/function-list'
import { ResultPanel } from '../../src/ui/result'
import { renderWithStore } from './render'

function Calculator() {
  return (
    <>
      <FunctionList />
      <ResultPanel />
    </>
  )
}

const group = () => screen.getByRole('group', { name: /More options/ })
const total = () => screen.getByTestId('monthly-total').textContent

describe('the function card on Lambda Managed Instances', () => {
  it('shows the Managed Instances fields only once the compute type is chosen, and hides the Lambda-only ones', async () => {
    renderWithStore(<Calculator />)
    await userEvent.click(screen.getByRole('button', { name: /^More options/ }))
    expect(within(group()).queryByLabelText('Instance type')).toBeNull()
    expect(within(group()).getByLabelText('Cold starts (%)', { selector: 'input' })).toBeInTheDocument()
    await userEvent.selectOptions(within(group()).getByLabelText('Compute'), 'managed-instances')
    for (const label of ['Instance type', 'Instance-hours a month', 'EC2 price paid per instance-hour (USD)', 'Requests at once per environment']) {
      expect(within(group()).getByLabelText(label)).toBeInTheDocument()
    }
    // The default of 16 is said to be a default, not the runtime's.
    expect(within(group()).getByLabelText('Requests at once per environment')).toHaveAccessibleDescription(
      expect.stringContaining('empty is 16, a default'),
    )
    for (const label of ['Cold starts (%)', 'INIT duration (ms)', 'Provisioned concurrency (environments)', 'SnapStart', 'Lambda@Edge']) {
      expect(within(group()).queryByLabelText(label)).toBeNull()
    }
    expect(screen.queryByLabelText('Ephemeral storage (MB)')).toBeNull()
    // No type chosen yet: the problem is on the instance type; memory 512 MB is below 2,048 MB.
    expect(within(group()).getByLabelText('Instance type')).toHaveAccessibleDescription(expect.stringContaining('needs an instance type'))
    expect(screen.getByLabelText('Memory (MB)', { selector: 'input' })).toHaveAccessibleDescription(
      expect.stringContaining('between 2,048 and 32,768 MB on a Lambda Managed Instances function; got 512 MB'),
    )
  })

  it('prices AWS’s example from the form: $160.36', async () => {
    renderWithStore(<Calculator />, {
      functions: [
        defaultFunction({
          memoryMb: '2048',
          requests: '100000000',
          architecture: 'arm64',
          compute: 'managed-instances',
          instanceType: 'm7g.xlarge',
          instanceHours: '2000',
          ec2PricePerHour: '0.0457',
        }),
      ],
    })
    expect(total()).toContain('160.36')
    expect(screen.getByText('Managed Instances EC2 (m7g.xlarge)')).toBeInTheDocument()
    expect(screen.getByText('Managed Instances management fee (m7g.xlarge)')).toBeInTheDocument()
  })

  it('names SnapStart set on a Managed Instances function, on the compute control, and keeps the field shown', () => {
    renderWithStore(<Calculator />, {
      functions: [
        defaultFunction({ memoryMb: '2048', architecture: 'arm64', compute: 'managed-instances', instanceType: 'm7g.xlarge', snapStart: 'java' }),
      ],
    })
    expect(within(group()).getByLabelText('Compute')).toHaveAccessibleDescription(
      expect.stringContaining('Compute type cannot be used with SnapStart (set to "java"): AWS does not offer SnapStart on Managed Instances'),
    )
    expect(within(group()).getByLabelText('SnapStart')).toHaveValue('java')
  })

  it('an unknown instance type or a region without a price is named on the instance type', () => {
    renderWithStore(<Calculator />, {
      region: 'eu-west-1',
      functions: [defaultFunction({ memoryMb: '2048', architecture: 'arm64', compute: 'managed-instances', instanceType: 'm7g.xlarge' })],
    })
    expect(within(group()).getByLabelText('Instance type')).toHaveAccessibleDescription(
      expect.stringContaining('Instance type m7g.xlarge has no price in eu-west-1'),
    )
  })
})

describe('exports of a Managed Instances estimate', () => {
  it('the CSV has its lines by instance type and says how the function was sized', () => {
    const input: EstimateInput = {
      sheet: 'aws-current',
      functions: [
        { memoryMb: 2048, durationMs: 100, requests: 1e8, architecture: 'arm64', compute: 'managed-instances', instanceType: 'm7g.xlarge' },
      ],
    }
    const csv = estimateCsv({ estimate: estimate(input), input, link: 'https://calc.example/' })
    // 3 instances x 730 h = 2,190 h: x 0.1632 = 357.408; x 0.02448 = 53.6112.
    expect(csv).toContain('Bill line,Managed Instances EC2 (m7g.xlarge),2190,instance-hours,0.1632,357.408,357.41,')
    expect(csv).toContain('Bill line,Managed Instances management fee (m7g.xlarge),2190,instance-hours,0.02448,53.6112,53.61,')
    expect(csv).toContain('Lambda Managed Instances on m7g.xlarge, 2190 instance-hours a month (sized for the average load)')
  })
})
