import { describe, expect, inject, it } from 'vitest'
import { billClipping, expectNoBrokenNumbers, openCalculator, screenshotPath, total, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

// AWS's Lambda Managed Instances example (Lambda pricing page): m7g.xlarge, $0.0457 an hour under a
// 3-year Compute Savings Plan ($0.1632 on demand), 2,000 instance-hours, 100M requests:
// $20.00 requests + $91.40 EC2 + $48.96 management fee = $160.36.
const EXAMPLE = 'v=2&p=current&m=2048&d=100&r=1e8&a=arm&mi=managed-instances&mt=m7g.xlarge&mh=2000&mp=0.0457'

describe('Lambda Managed Instances in Chromium', () => {
  it('a link with AWS’s example shows its three lines and $160.36', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?${EXAMPLE}`)
    expect(await total(page)).toBe('$160.36')
    const bill = page.locator('table.bill-lines')
    for (const [label, amount] of [
      ['Managed Instances requests', '$20.00'],
      ['Managed Instances EC2 (m7g.xlarge)', '$91.40'],
      ['Managed Instances management fee (m7g.xlarge)', '$48.96'],
    ] as const) {
      const row = bill.locator('tr', { hasText: label })
      await expect.poll(() => row.count()).toBe(1)
      expect(await row.textContent()).toContain(amount)
    }
    expect(await page.getByTestId('link-notice').count()).toBe(0)
    expect(await billClipping(page)).toEqual([])
    await expectNoBrokenNumbers(page)
    await page.screenshot({ path: screenshotPath('managed-instances-1280-light'), fullPage: true })
    expect(errors).toEqual([])
    await page.close()
  })

  it('a link with an unknown instance type says so and prices the function on Lambda', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&m=2048&a=arm&mi=managed-instances&mt=m7g.huge`)
    const notice = page.getByTestId('link-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('m7g.huge')
    expect(await page.locator('table.bill-lines').textContent()).not.toContain('Managed Instances')
    expect(errors).toEqual([])
    await page.close()
  })
})
