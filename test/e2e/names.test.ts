import { describe, expect, inject, it } from 'vitest'
import { openCalculator, total, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

const DOLLARS = /^\$\d[\d,]*\.\d\d$/

describe('function names', () => {
  it('the name field says its limit as the user types, takes no more than 64 characters, and a long name never blocks the total', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/`)
    const name = page.getByLabel('Name (optional)', { exact: true })
    const count = page.getByTestId('name-count')
    expect(await count.innerText()).toBe('At most 64 characters')
    await name.click()
    await name.pressSequentially('checkout')
    expect(await count.innerText()).toBe('8 of 64 characters')
    // The count is what a screen reader hears with the field.
    expect((await name.getAttribute('aria-describedby'))?.split(' ')).toContain(await count.getAttribute('id'))
    await name.pressSequentially('-'.repeat(62))
    expect(await name.inputValue()).toBe(`checkout${'-'.repeat(56)}`)
    expect(await count.innerText()).toBe('64 of 64 characters')
    expect(await total(page)).toMatch(DOLLARS)
    await expect(page.getByTestId('cannot-compute').count()).resolves.toBe(0)
    expect(await page.getByTestId('total-bar').innerText()).not.toMatch(/problem/)

    // A paste past the limit is cut, and the field says so.
    await name.fill('')
    expect(await count.innerText()).toBe('At most 64 characters')
    await name.fill('p'.repeat(100))
    expect(await name.inputValue()).toBe('p'.repeat(64))
    await expect.poll(() => count.innerText()).toBe('64 of 64 characters: the rest was left out')
    expect(await total(page)).toMatch(DOLLARS)
    // Deleting works as ever at the limit.
    await name.press('End')
    await name.press('Backspace')
    expect(await count.innerText()).toBe('63 of 64 characters')
    expect(errors).toEqual([])
    await page.close()
  })

  it('a link with a name past the limit shows the first 64 characters and a notice that says so; the rest of the link applies', async () => {
    const long = `orders-${'x'.repeat(70)}`
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&n=${long}&m=1024&d=250`)
    const notice = page.getByTestId('link-notice')
    await notice.waitFor()
    expect(await notice.innerText()).toMatch(/too long to keep in full[\s\S]*Names are at most 64 characters: the first 64 of its 77 were kept\./)
    expect(await page.getByLabel('Name (optional)', { exact: true }).inputValue()).toBe(long.slice(0, 64))
    expect(await page.getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('1024')
    expect(await page.getByLabel('Duration (ms)', { exact: true }).inputValue()).toBe('250')
    expect(await total(page)).toMatch(DOLLARS)
    expect(errors).toEqual([])
    await page.close()
  })

  it('an added function is unnamed: shown as "Function 2", with no name in the link', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&n=api`)
    await page.getByRole('button', { name: '+ Add a function' }).click()
    await expect.poll(() => page.locator('.function-card h3').allInnerTexts()).toEqual(['api', 'Function 2'])
    expect(await page.getByLabel('Name (optional) (function 2)', { exact: true }).inputValue()).toBe('')
    await page.getByRole('button', { name: 'Remove function 2' }).waitFor()
    await expect.poll(() => new URL(page.url()).searchParams.get('fns'), { timeout: 30_000 }).toBe('2')
    const params = new URL(page.url()).searchParams
    expect(params.get('n')).toBe('api')
    expect(params.has('n2')).toBe(false)
    expect(errors).toEqual([])
    await page.close()
  })
})
