import { describe, expect, inject, it } from 'vitest'
import { expectNoBrokenNumbers, openCalculator, screenshotPath, seriousA11yViolations, useChromium } from './helpers'

const browser = useChromium()
const base = () => inject('baseURL')

// 1,024 MB, 200 ms, x86_64, 1M requests a month, no free tier: Lambda costs
// $0.00000353334 a request; Fargate 0.5 vCPU / 1 GB x86 in us-east-1 costs
// 730 x (0.5 x $0.04048 + $0.004445) = $18.02005 a month (pricing-next.md 6.1),
// so it becomes cheaper above 5,100,004 requests a month, 1.9 a second.
const LINK = '/?v=2&p=current&m=1024&d=200&r=1e6&ft=0&cmp=1'
const CROSSING = 'Fargate 0.5 vCPU / 1 GB (x86_64) becomes cheaper than Lambda on demand above 1.9 requests a second, 5.1M a month'

describe('ways to run it, side by side', () => {
  it('a link opens the comparison with its settings, names the crossing, and reproduces the view after a change', async () => {
    const { page, errors } = await openCalculator(browser(), `${base()}${LINK}`)
    const panel = page.getByTestId('compare-panel')
    await panel.getByText(CROSSING).waitFor({ timeout: 30_000 })
    const fargateRow = panel.locator('tr[data-way="fargate"]')
    await expect.poll(() => fargateRow.locator('td.num').textContent(), { timeout: 30_000 }).toBe('$18.02')
    await expect.poll(() => panel.locator('tr[data-way="ec2"] td.num').textContent()).toBe('$52.93')
    await panel.getByTestId('chart-ways').locator('.recharts-surface').waitFor({ timeout: 30_000 })
    await expectNoBrokenNumbers(page)
    await panel.screenshot({ path: screenshotPath('compare-1280-light') })

    // Fargate's cheapest choice, one click away: arm64 in us-east-1, 730 x (0.5 x 0.03238 + 0.00356) = $14.4175.
    await fargateRow.getByRole('button', { name: 'arm64 in us-east-1: $14.42' }).click()
    await expect.poll(() => fargateRow.locator('th').textContent(), { timeout: 30_000 }).toContain('Fargate 0.5 vCPU / 1 GB (arm64)')
    await expect.poll(() => fargateRow.locator('td.num').textContent(), { timeout: 30_000 }).toBe('$14.42')
    await panel.getByLabel('Requests one task or instance serves at once').fill('4')
    await expect.poll(() => page.url(), { timeout: 30_000 }).toMatch(/xc=4/)
    const url = page.url()
    expect(url).toMatch(/xa=arm/)
    expect(errors).toEqual([])

    // The link reproduces the view.
    const again = await openCalculator(browser(), url)
    const panel2 = again.page.getByTestId('compare-panel')
    await expect.poll(() => panel2.locator('tr[data-way="fargate"] td.num').textContent(), { timeout: 30_000 }).toBe('$14.42')
    expect(await panel2.getByLabel('Fargate architecture').inputValue()).toBe('arm')
    expect(await panel2.getByLabel('Requests one task or instance serves at once').inputValue()).toBe('4')
    expect(again.errors).toEqual([])
    await again.page.close()
    await page.close()
  })

  it('opens from the keyboard, names a bad setting, and reads at 360 px, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors } = await openCalculator(browser(), `${base()}/?v=2&p=current&m=1024&d=200&r=20&u=s`, { width: 360, colorScheme })
      const panel = page.getByTestId('compare-panel')
      const summary = panel.getByText('Compare ways to run it', { exact: true })
      await summary.focus()
      await page.keyboard.press('Enter')
      await panel.locator('tr[data-way="lambda-on-demand"]').waitFor({ timeout: 30_000 })
      await panel.getByLabel('Fargate task memory (GB)').fill('8')
      await panel.getByText('Fargate gives 0.5 vCPU 1 to 4 GB of memory, in steps of 1 GB; got 8 GB.').first().waitFor({ timeout: 30_000 })
      await panel.getByLabel('Fargate task memory (GB)').fill('2')
      await panel.locator('tr[data-way="fargate"] th').getByText('Fargate 0.5 vCPU / 2 GB (x86_64)').waitFor({ timeout: 30_000 })
      await panel.getByTestId('chart-ways').locator('.recharts-surface').waitFor({ timeout: 30_000 })
      await expectNoBrokenNumbers(page)
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(sideways).toBeLessThanOrEqual(0)
      await panel.screenshot({ path: screenshotPath(`compare-360-${colorScheme}`) })
      expect(await seriousA11yViolations(page)).toEqual([])
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
