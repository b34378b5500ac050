import { readFile } from 'node:fs/promises'
import { describe, expect, inject, it } from 'vitest'
import { openCalculator, total, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

describe('exports hold what is on screen', () => {
  it('the CSV and the JSON carry the total, every bill line and the link shown on the page', async () => {
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&rg=eu-west-1&m=128&d=250&r=50&u=s`)
    expect(await total(page)).toBe('$87.85')
    const shownLines = await page
      .getByRole('table', { name: 'Bill lines' })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        // The amount cell's figure (not its column name, shown on narrow screens); units as the engine writes them
        // (the page writes "GB-s" with a non-breaking hyphen, U+2011, that never breaks a line).
        rows.map((r) => [
          r
            .querySelector('th')!
            .textContent!.trim()
            .replace(/\u2011/g, '-'),
          (r.querySelector('td.col-amount .cell-value') ?? r.querySelectorAll('td')[2]!).textContent!.trim(),
        ]),
      )
    await page.getByText('Export and print').click()

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
    expect(csvDownload.suggestedFilename()).toMatch(/^lambda-estimate-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = await readFile((await csvDownload.path())!, 'utf8')
    expect(csv).toContain('Total,Monthly total,,,,,87.85,')
    for (const [label, amount] of shownLines) {
      // A label with a comma in it is quoted, as CSV does.
      const row = csv.split('\r\n').find((r) => r.startsWith(`Bill line,${label},`) || r.startsWith(`Bill line,"${label}",`))
      expect(row, `CSV row for ${label}`).toBeDefined()
      expect(row).toContain(`,${amount!.replace('$', '')},`)
    }
    expect(csv).toContain('eu-west-1')

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()])
    expect(jsonDownload.suggestedFilename()).toMatch(/^lambda-estimate-\d{4}-\d{2}-\d{2}\.json$/)
    const json = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8'))
    expect(json.estimate.totalUsd).toBe('87.85')
    expect(json.estimate.lines.map((l: { label: string; usd: string }) => [l.label, `$${l.usd}`])).toEqual(shownLines)
    expect(json.input.region).toBe('eu-west-1')
    expect(json.link).toContain('rg=eu-west-1')
    expect(json.estimate.steps.sections.length).toBeGreaterThan(2)

    const [mdDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download steps (Markdown)' }).click()])
    expect(mdDownload.suggestedFilename()).toMatch(/^lambda-calculation-\d{4}-\d{2}-\d{2}\.md$/)
    expect(await readFile((await mdDownload.path())!, 'utf8')).toContain('$87.85')
    expect(errors).toEqual([])
    await page.close()
  })
})
