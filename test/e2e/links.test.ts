import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { PRESETS } from '../../src/state/presets'
import { expectNoBrokenNumbers, total, typeInto, watchErrors, openCalculator, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

const open = (path: string) => openCalculator(chromium(), `${baseURL}${path}`)

const notice = (page: Page) => page.getByTestId('link-notice')

describe('shareable links in Chromium', () => {
  it('the classic example link shows $18.74; the defaults make no notice', async () => {
    const { page, errors } = await open('/?p=2016&m=512&d=1000&r=3e6')
    expect(await total(page)).toBe('$18.74')
    expect(await notice(page).count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('the URL follows edits without a history entry per keystroke, and a reload gives the same total', async () => {
    const { page } = await open('/')
    const historyBefore = await page.evaluate(() => history.length)
    await page.getByRole('radio', { name: /Current/ }).check()
    await typeInto(page, 'Memory (MB)', '1536')
    await typeInto(page, 'Duration (ms)', '120')
    await page.getByLabel('Architecture', { exact: true }).selectOption('arm64')
    await expect.poll(() => total(page)).toBe('$2.27')
    await expect.poll(() => page.url()).toBe(`${baseURL}/?v=2&p=current&m=1536&d=120&a=arm`)
    expect(await page.evaluate(() => history.length)).toBe(historyBefore)
    await page.reload()
    await page.getByTestId('monthly-total').waitFor()
    expect(await total(page)).toBe('$2.27')
    expect(await page.getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('1536')
    await page.close()
  })

  it('keeps several functions, with names, through a reload', async () => {
    const { page } = await open('/?fns=2&n=api&n2=worker&m2=1024&r2=2e6')
    // api: 1,500,000 GB-s; worker: 2,000,000 x 1 s x 1 GB = 2,000,000 GB-s; 3,100,000 billable x 0.00001667 = $51.677 -> $51.68
    // requests: 5,000,000 - 1,000,000 = $0.80
    expect(await total(page)).toBe('$52.48')
    expect(await page.getByLabel(/^Name.*function 2/).inputValue()).toBe('worker')
    await page.close()
  })

  it('version 1 links keep their bills: the README’s examples, with and without p', async () => {
    const page = await chromium().newPage()
    // Worked by hand in test/state/url-codec.test.ts ("version 1 links keep their meaning").
    for (const [link, expected] of [
      ['/?p=2016&m=512&d=1000&r=3e6', '$18.74'],
      ['/?m=512&d=1000&r=3e6', '$18.74'],
      ['/?v=1&m=128&d=200&r=3e7', '$11.63'],
      ['/?p=current&fns=3&n=api&m3=2048&u3=d', '$3,104.26'],
      ['/?v=2&p=current&m=1536&d=120', '$2.73'],
    ] as const) {
      await page.goto(`${baseURL}${link}`)
      await page.getByTestId('monthly-total').waitFor()
      expect(await total(page), link).toBe(expected)
      expect(await notice(page).count(), link).toBe(0)
      const classic = !link.includes('current')
      expect(await page.getByRole('radio', { name: classic ? /Classic/ : /Current/ }).isChecked(), link).toBe(true)
    }
    await page.close()
  })

  it('every preset opens from its link, the same under version 1 and 2, with no notice', async () => {
    const page = await chromium().newPage()
    const published: Record<string, string> = { 'classic-example-1': '$18.74', 'classic-example-2': '$11.63', 'mobile-backend': '$2.73' }
    for (const preset of PRESETS) {
      const totals: string[] = []
      for (const prefix of ['/?', '/?v=2&']) {
        await page.goto(`${baseURL}${prefix}preset=${preset.id}`)
        await page.getByTestId('monthly-total').waitFor()
        expect(await notice(page).count(), preset.id).toBe(0)
        totals.push(await total(page))
      }
      expect(totals[1], preset.id).toBe(totals[0])
      if (published[preset.id]) expect(totals[0], preset.id).toBe(published[preset.id])
    }
    await page.close()
  })

  it('a link with the 2026 keys opens them in More options, and reproduces its bill', async () => {
    const { page, errors } = await open('/?v=2&p=current&cs=10&it=500')
    expect(await total(page)).toBe('$19.98')
    expect(await page.getByRole('button', { name: /^More options/ }).getAttribute('aria-expanded')).toBe('true')
    expect(await page.getByLabel('Cold starts (%)', { exact: true }).inputValue()).toBe('10')
    expect(errors).toEqual([])
    await page.close()
  })

  it('every preset opens from its link, with no notice', async () => {
    const page = await chromium().newPage()
    for (const preset of PRESETS) {
      await page.goto(`${baseURL}/?preset=${preset.id}`)
      await page.getByTestId('monthly-total').waitFor()
      expect(await total(page), preset.id).toMatch(/^\$[\d,]+\.\d\d$/)
      expect(await notice(page).count(), preset.id).toBe(0)
    }
    await page.goto(`${baseURL}/?preset=mobile-backend`)
    expect(await total(page)).toBe('$2.73')
    await page.close()
  })

  it('an invalid link applies what it can and names each bad key, value and what is allowed', async () => {
    const { page, errors } = await open('/?p=2016&m=4096&d=1000&r=3e6&u=week&a=arm&zzz=1')
    expect(await total(page)).toBe('$18.74')
    const text = await notice(page).innerText()
    expect(text).toContain('m=4096: Memory must be between 128 and 3,008 MB on the classic 2016 sheet; got 4,096 MB.')
    expect(text).toMatch(/u=week: .*s, min, h, d, mo, mpm/)
    expect(text).toMatch(/a=arm: /)
    expect(text).not.toContain('zzz')
    await page.getByRole('button', { name: 'Dismiss the notice about this link' }).click()
    expect(await notice(page).count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  it('a hostile link renders nothing as markup and runs nothing', async () => {
    const payload = encodeURIComponent('"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>')
    const { page, errors } = await open(`/?n=${payload}&m=${payload}&r=${'9'.repeat(5000)}&d=1e400`)
    await expect.poll(() => notice(page).count()).toBe(1)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('img[src="x"], main script').count()).toBe(0)
    const text = await notice(page).innerText()
    expect(text).toContain('m=">')
    expect(text).toContain('\u2026')
    await expectNoBrokenNumbers(page)
    expect(await total(page)).toMatch(/^\$\d/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('a link from a future version says so and applies what it can', async () => {
    const { page } = await open('/?v=3&m=1024&p=2016')
    expect(await notice(page).innerText()).toContain('may not be read correctly')
    expect(await page.getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('1024')
    await page.close()
  })

  it('choosing a preset pushes a history entry: Back returns to the previous estimate', async () => {
    const { page } = await open('/?m=1024')
    const before = await total(page)
    await page.getByRole('link', { name: /Classic example 2/ }).click()
    await expect.poll(() => total(page)).toBe('$11.63')
    expect(page.url()).toContain('m=128')
    await page.goBack()
    await expect.poll(() => total(page)).toBe(before)
    expect(await page.getByLabel('Memory (MB)', { exact: true }).inputValue()).toBe('1024')
    await page.goForward()
    await expect.poll(() => total(page)).toBe('$11.63')
    // Reset is a new page: today's prices, $18.73 for 512 MB, 1 s, 3M.
    await page.getByRole('button', { name: 'Reset' }).click()
    await expect.poll(() => total(page)).toBe('$18.73')
    await page.goBack()
    await expect.poll(() => total(page)).toBe('$11.63')
    await page.close()
  })

  it('Copy link puts the current estimate\u2019s URL on the clipboard, and it reproduces the estimate', async () => {
    const { page } = await open('/')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
    await typeInto(page, 'Duration (ms)', '250')
    await typeInto(page, 'Requests', '40')
    await page.getByLabel('Request unit', { exact: true }).selectOption('second')
    const shown = await total(page)
    await page.getByRole('button', { name: 'Copy link' }).click()
    await expect.poll(() => page.getByText('Link copied').count()).toBe(1)
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toBe(`${baseURL}/?v=2&p=current&d=250&r=40&u=s`)
    const other = await chromium().newPage()
    await other.goto(link)
    await other.getByTestId('monthly-total').waitFor()
    expect(await total(other)).toBe(shown)
    await other.close()
    await page.close()
  })
})
