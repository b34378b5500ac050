import type { Locator, Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { openCalculator, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    return el ? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}` : ''
  })

const isOpen = (details: Locator) => details.evaluate((d) => (d as HTMLDetailsElement).open)

describe('Escape on the page', () => {
  it('closes each disclosure the focus is in and puts the focus back on its control', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&m=512&d=120&r=3000000`)

    // <details> disclosures: opened from the keyboard, closed with Escape from a control inside.
    const details: { summary: Locator; inside: Locator }[] = [
      { summary: page.getByTestId('export').locator('summary'), inside: page.getByRole('button', { name: 'Download CSV' }) },
      { summary: page.locator('.steps-card summary'), inside: page.getByRole('button', { name: 'Copy as text' }) },
      { summary: page.getByTestId('chart-requests').locator('summary'), inside: page.getByTestId('chart-requests').locator('summary') },
    ]
    for (const { summary, inside } of details) {
      await summary.waitFor({ timeout: 30_000 })
      await summary.focus()
      await page.keyboard.press('Enter')
      const element = summary.locator('xpath=..')
      await expect.poll(() => isOpen(element)).toBe(true)
      await inside.focus()
      await page.keyboard.press('Escape')
      await expect.poll(() => isOpen(element)).toBe(false)
      expect(await summary.evaluate((s) => s === document.activeElement)).toBe(true)
    }

    // Buttons with aria-expanded: Embed (focus in its panel) and More options (focus in one of its fields).
    const embed = page.getByRole('button', { name: 'Embed' })
    await embed.click()
    const copyScript = page.getByRole('button', { name: 'Copy script and element' })
    await copyScript.focus()
    await page.keyboard.press('Escape')
    await expect.poll(() => embed.getAttribute('aria-expanded')).toBe('false')
    await expect.poll(() => copyScript.count()).toBe(0)
    expect(await focused(page)).toBe('button:Embed')

    const more = page.getByRole('button', { name: /^More options/ })
    await more.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true')
    await page.getByLabel('Cold starts (%)', { exact: true }).focus()
    await page.keyboard.press('Escape')
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false')
    expect(await more.evaluate((b) => b === document.activeElement)).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('the memory slider in the browser', () => {
  it('moves 64 MB with the arrows and 1,024 MB with Page Up and Page Down, not the browser\u2019s own steps', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&m=1000&d=120&r=3000000`)
    const memory = page.getByLabel('Memory (MB)', { exact: true })
    const slider = page.getByLabel(/^Memory slider/)
    await slider.focus()
    const steps: [string, string][] = [
      ['ArrowRight', '1024'],
      ['ArrowRight', '1088'],
      ['ArrowUp', '1152'],
      ['ArrowLeft', '1088'],
      ['ArrowDown', '1024'],
      ['PageUp', '2048'],
      ['PageDown', '1024'],
      ['PageDown', '128'],
      ['ArrowLeft', '128'],
      ['End', '10240'],
      ['ArrowRight', '10240'],
      ['PageDown', '9216'],
    ]
    for (const [key, expected] of steps) {
      await page.keyboard.press(key)
      await expect.poll(() => memory.inputValue(), { message: `after ${key}` }).toBe(expected)
    }
    expect(await slider.getAttribute('aria-valuetext')).toBe('9,216 MB')
    expect(errors).toEqual([])
    await page.close()
  })
})
