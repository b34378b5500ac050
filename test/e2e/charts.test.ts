import { copyFile, readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { expectNoBrokenNumbers, openCalculator, screenshotPath, total, useChromium } from './helpers'

const baseURL = inject('baseURL')
const chromium = useChromium()

/** "$1.25K" as 1250: an axis label read back as a number, independently of the app's formatter. */
function dollars(label: string): number {
  const m = /^\$(-?[\d.,]+)([KMBT]?)$/.exec(label.trim())
  if (!m) throw new Error(`not an axis amount: ${label}`)
  return Number(m[1]!.replace(/,/g, '')) * { '': 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[m[2] as '' | 'K' | 'M' | 'B' | 'T']
}

type Box = { left: number; top: number; right: number; bottom: number }

/** What the memory chart draws, in page pixels. */
async function memoryDrawing(page: Page) {
  const chart = page.getByTestId('chart-memory')
  await chart.locator('.recharts-area-curve').waitFor({ timeout: 30_000 })
  return chart.evaluate((figure) => {
    const svg = figure.querySelector('svg.recharts-surface')!
    const box = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
    }
    // The plot area is the rectangle recharts clips its series to.
    const clip = svg.querySelector('clipPath rect')!
    const toPage = (x: number, y: number) => {
      const p = new DOMPoint(x, y).matrixTransform((svg as SVGSVGElement).getScreenCTM()!)
      return { x: p.x, y: p.y }
    }
    const cx = Number(clip.getAttribute('x'))
    const cy = Number(clip.getAttribute('y'))
    const topLeft = toPage(cx, cy)
    const bottomRight = toPage(cx + Number(clip.getAttribute('width')), cy + Number(clip.getAttribute('height')))
    const plot = { left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y }
    // Every vertex of the drawn curve, and every dot.
    const curve = [...svg.querySelectorAll('.recharts-area-curve')].flatMap((path) =>
      [...(path.getAttribute('d') ?? '').matchAll(/(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)/g)].map((m) => toPage(Number(m[1]), Number(m[2]))),
    )
    const dots = [...svg.querySelectorAll('circle')].map((c) => {
      const r = c.getBoundingClientRect()
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
    })
    const yTicks = [...svg.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => ({
      text: t.textContent ?? '',
      y: (t.getBoundingClientRect().top + t.getBoundingClientRect().bottom) / 2,
      box: box(t),
    }))
    const xTicks = [...svg.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => ({
      text: t.textContent ?? '',
      box: box(t),
    }))
    const now = [...svg.querySelectorAll('text.recharts-label')].find((t) => t.textContent === 'now')
    // Shapes painted with a fill, other than dots: a band over the plot would be one.
    const filled = [...svg.querySelectorAll('path, rect, polygon')]
      .filter((el) => !el.closest('defs'))
      .filter((el) => {
        const s = getComputedStyle(el)
        return s.fill !== 'none' && Number(s.fillOpacity) > 0 && Number(s.opacity) > 0 && s.display !== 'none' && s.visibility !== 'hidden'
      })
      .map((el) => box(el))
    return { plot, curve, dots, yTicks, xTicks, now: now ? box(now) : null, filled }
  })
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

describe('the memory chart', () => {
  it('fits its y axis to the curve it draws, in even steps, where the curve runs far past four times the bill', async () => {
    // 128 MB, 250 ms, 50 a second: $87.85 a month, and about 80 times that at 10,240 MB.
    const { page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=current&rg=eu-west-1&m=128&d=250&r=50&u=s`)
    expect(await total(page)).toBe('$87.85')
    const chart = page.getByTestId('chart-memory')
    await chart.getByText('Show as a table').click()
    // The largest size's row, read from the table: the case a cap at 4 x the bill ($351.40) cut off.
    const lastRow = await chart.locator('tbody tr').last().innerText()
    expect(lastRow).toMatch(/^10,240 MB/)
    const largest = Number(/\$([\d,]+\.\d\d)\s*$/.exec(lastRow)![1]!.replace(/,/g, ''))
    expect(largest).toBeGreaterThan(4 * 87.85)

    const d = await memoryDrawing(page)
    expect(d.curve.length).toBeGreaterThan(10)
    for (const p of [...d.curve, ...d.dots]) {
      expect(p.x).toBeGreaterThanOrEqual(d.plot.left - 0.5)
      expect(p.x).toBeLessThanOrEqual(d.plot.right + 0.5)
      expect(p.y).toBeGreaterThanOrEqual(d.plot.top - 0.5)
      expect(p.y).toBeLessThanOrEqual(d.plot.bottom + 0.5)
    }
    // The curve uses the height it has: its top is in the upper half of the plot.
    expect(Math.min(...d.curve.map((p) => p.y))).toBeLessThan((d.plot.top + d.plot.bottom) / 2)

    // Ticks: from $0, evenly spaced in value and on the page, the top one at or above the largest size's cost.
    const values = d.yTicks.map((t) => dollars(t.text))
    expect(values.length).toBeGreaterThanOrEqual(3)
    expect(values[0]).toBe(0)
    const step = values[1]! - values[0]!
    for (let i = 1; i < values.length; i++) expect(values[i]! - values[i - 1]!).toBeCloseTo(step, 9)
    const gap = d.yTicks[0]!.y - d.yTicks[1]!.y
    for (let i = 1; i < d.yTicks.length; i++) expect(Math.abs(d.yTicks[i - 1]!.y - d.yTicks[i]!.y - gap)).toBeLessThan(1.5)
    expect(values.at(-1)!).toBeGreaterThanOrEqual(largest)
    expect(new Set(d.yTicks.map((t) => t.text)).size).toBe(d.yTicks.length)

    // No band shaded over most of the plot.
    const plotArea = (d.plot.right - d.plot.left) * (d.plot.bottom - d.plot.top)
    for (const f of d.filled) expect((f.right - f.left) * (f.bottom - f.top)).toBeLessThan(0.8 * plotArea)
    expect(errors).toEqual([])
    await page.close()
  })

  it('puts "now" where no tick label is, at either end of the axis and between, on both sheets, on a phone and a desktop', async () => {
    const links = [
      '?v=2&p=current&m=128&d=250&r=50&u=s',
      '?v=2&p=current&m=5120&d=250&r=50&u=s',
      '?v=2&p=current&m=10240&d=40&r=3&u=s',
      '?v=2&p=2016&m=3008&d=900&r=1000000',
      '?v=2&p=2016&m=128&d=900&r=1000000',
    ]
    for (const width of [375, 1280]) {
      const { page, errors } = await openCalculator(chromium(), `${baseURL}/${links[0]}`, { width })
      for (const link of links) {
        await page.goto(`${baseURL}/${link}`)
        await page.getByTestId('monthly-total').waitFor()
        const memory = Number(new URLSearchParams(link.slice(1)).get('m'))
        // The chart has settled on this link's size: its dot is where "now" is.
        await expect.poll(() => page.getByTestId('chart-memory').getByText('Show as a table').count(), { timeout: 30_000 }).toBe(1)
        await page.getByTestId('chart-memory').getByText('Show as a table').click()
        await expect
          .poll(() => page.getByTestId('chart-memory').locator('tr.current-row th').innerText(), { timeout: 30_000 })
          .toBe(`${memory.toLocaleString('en-US')} MB (now)`)
        const d = await memoryDrawing(page)
        expect(d.now, link).not.toBeNull()
        for (const tick of [...d.yTicks, ...d.xTicks]) expect(overlaps(d.now!, tick.box), `${link}: "now" on the tick ${tick.text}`).toBe(false)
        // Inside the plot, so nothing outside it (the axes' labels) can be under it.
        expect(d.now!.left).toBeGreaterThanOrEqual(d.plot.left - 0.5)
        expect(d.now!.right).toBeLessThanOrEqual(d.plot.right + 0.5)
        await expectNoBrokenNumbers(page)
      }
      await page
        .getByTestId('chart-memory')
        .locator('.chart-box')
        .screenshot({ path: screenshotPath(`memory-chart-now-right-${width}`) })
      expect(errors).toEqual([])
      await page.close()
    }
  })
})

/** A PNG's width and height, from its IHDR chunk: the 8-byte signature, the chunk's length and type, then two big-endian 32-bit numbers. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('a chart saved as PNG', () => {
  it('is twice the chart\u2019s size on the page at any screen density, with lines of text above the plot', async () => {
    for (const [deviceScaleFactor, width, colorScheme] of [
      [1, 1280, 'light'],
      [3, 375, 'dark'],
    ] as const) {
      const page = await chromium().newPage({ viewport: { width, height: 900 }, deviceScaleFactor, colorScheme })
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(`${baseURL}/?v=2&p=current&rg=eu-west-1&m=128&d=250&r=50&u=s`)
      expect(await total(page)).toBe('$87.85')
      const surface = page.getByTestId('chart-requests').locator('svg.recharts-surface').first()
      await page.getByTestId('chart-requests').locator('.recharts-area-curve').first().waitFor({ timeout: 30_000 })
      const onPage = await surface.evaluate((svg) => ({ width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height }))
      await page.getByText('Export and print').click()
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()])
      const file = (await download.path())!
      await copyFile(file, screenshotPath(`exported-requests-chart-${width}-${colorScheme}`))
      const bytes = await readFile(file)
      const size = pngSize(bytes)
      // Twice the CSS size, not the screen's density (3 on the phone here).
      expect(size.width).toBe(2 * Math.round(onPage.width))
      const headerRows = size.height - 2 * Math.round(onPage.height)
      expect(headerRows).toBeGreaterThan(0)

      // The rows above the plot: bands of rows with ink in them, one per line of text, separated by blank rows.
      const bands = await page.evaluate(
        async ({ base64, headerRows }) => {
          const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
          const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }))
          const canvas = document.createElement('canvas')
          canvas.width = bitmap.width
          canvas.height = bitmap.height
          const context = canvas.getContext('2d')!
          context.drawImage(bitmap, 0, 0)
          const pixels = context.getImageData(0, 0, bitmap.width, headerRows).data
          const background = [pixels[0]!, pixels[1]!, pixels[2]!]
          let count = 0
          let inBand = false
          for (let y = 0; y < headerRows; y++) {
            let ink = false
            for (let x = 0; x < bitmap.width && !ink; x++) {
              const i = (y * bitmap.width + x) * 4
              ink = Math.abs(pixels[i]! - background[0]!) + Math.abs(pixels[i + 1]! - background[1]!) + Math.abs(pixels[i + 2]! - background[2]!) > 90
            }
            if (ink && !inBand) count++
            inBand = ink
          }
          return count
        },
        { base64: bytes.toString('base64'), headerRows },
      )
      // The title, the account, the function, the total with the date, and the key: at least five lines (more where they wrap).
      expect(bands).toBeGreaterThanOrEqual(5)
      expect(errors).toEqual([])
      await page.close()
    }
  })
})
