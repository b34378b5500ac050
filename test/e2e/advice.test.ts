import { describe, expect, inject, it } from 'vitest'
import { expectNoBrokenNumbers, openCalculator, screenshotPath, seriousA11yViolations, total, typeInto, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

describe('the classic comparison, where 2016 had no price', () => {
  it('a Lambda@Edge function: "not comparable", no figure', async () => {
    // 128 MB, 5 ms, 3M requests on Lambda@Edge: 3M x 0.0000006 = $1.80; 3M x 0.005 s x 0.125 GB = 1,875 GB-s x 0.00005001 = $0.09.
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&m=128&d=5&ed=1`)
    expect(await total(page)).toBe('$1.89')
    const comparison = page.getByTestId('comparison')
    await expect
      .poll(() => comparison.innerText())
      .toMatch(/^Under the classic 2016 100 ms billing:\s*not comparable: the 2016 sheet had no Lambda@Edge\.$/)
    expect(await comparison.innerText()).not.toContain('$')
    // Turning Edge off (More options is open: an option in it is set) makes it comparable again: a figure returns.
    expect(await page.getByRole('button', { name: /^More options/ }).getAttribute('aria-expanded')).toBe('true')
    await page.getByLabel('Lambda@Edge', { exact: true }).uncheck()
    await expect.poll(() => comparison.innerText()).toMatch(/classic 2016 100 ms billing:\s*\$\d/)
    await expectNoBrokenNumbers(page)
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('advice under the total', () => {
  for (const width of [375, 1280]) {
    it(`at ${width} px: provisioned concurrency barely used, with what on demand would save`, async () => {
      // 10 environments of 1 GB, 730 h: 26,280,000 s enabled; 1,051,200 requests of 100 ms: 105,120 s busy, 0.4 %.
      // PC $109.50 + PC duration $1.02 + requests $0.01 = $110.53; on demand: $0.01 (inside the free tier). $110.52 less.
      const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&m=1024&d=100&r=1051200&pc=10`, { width })
      expect(await total(page)).toBe('$110.53')
      const advice = page.getByRole('list', { name: 'Ways to pay less' })
      await expect
        .poll(async () => (await advice.count()) > 0 && (await advice.getByRole('listitem').first().innerText()))
        .toBe(
          'Provisioned concurrency is busy 0.4 % of the time, below the 60 % break-even: on demand would cost $110.52 less, counting no cold starts.',
        )
      // Under the total, above the bill lines.
      const totalBox = (await page.getByTestId('monthly-total').boundingBox())!
      const adviceBox = (await advice.boundingBox())!
      const linesBox = (await page.getByRole('table', { name: 'Bill lines' }).boundingBox())!
      expect(adviceBox.y).toBeGreaterThan(totalBox.y)
      expect(adviceBox.y).toBeLessThan(linesBox.y)
      expect(adviceBox.x + adviceBox.width).toBeLessThanOrEqual(width)
      expect(await advice.getByRole('listitem').count()).toBeLessThanOrEqual(3)
      await page.getByRole('heading', { name: 'Monthly cost', exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.screenshot({ path: screenshotPath(`advice-${width}`), fullPage: false })
      expect(await seriousA11yViolations(page)).toEqual([])
      await expectNoBrokenNumbers(page)
      expect(errors).toEqual([])
      await page.close()
    })
  }

  it('follows the inputs: the advice goes once the environments are busy', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&m=1024&d=100&r=1051200&pc=10`)
    const advice = page.getByRole('list', { name: 'Ways to pay less' })
    await expect.poll(() => advice.innerText()).toContain('Provisioned concurrency is busy 0.4 %')
    // 183,960,000 requests of 100 ms: 18,396,000 s of 26,280,000, 70 % busy: above the break-even.
    await typeInto(page, 'Requests', '183960000')
    await expect.poll(async () => ((await advice.count()) > 0 ? await advice.innerText() : '')).not.toContain('Provisioned concurrency')
    expect(errors).toEqual([])
    await page.close()
  })
})
