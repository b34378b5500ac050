import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chartPng, chartSvg, svgDataUrl, wrapText } from '../../../src/ui/export/chart-image'

// A chart as the charts panel draws it: a figure with a heading, a recharts
// surface coloured through the page's CSS variables, and an HTML key.
const PAGE_CSS = `
  :root { --c-requests: light-dark(#0072b2, #56b4e9); --grid: #e3e8ef; --muted: light-dark(#566474, #a3b0bf); --surface: light-dark(#ffffff, #171e27) }
  .card { background-color: rgb(250, 251, 252) }
  .swatch { background-color: var(--c-requests) }
`
const FIGURE = `
  <figure data-testid="chart-requests" style="color: rgb(22, 32, 44); font-family: Inter, sans-serif">
    <figcaption><h3>Monthly cost vs monthly requests</h3><p class="chart-note">Requests on a log scale.</p></figcaption>
    <div class="chart-box">
      <svg class="recharts-surface" width="400" height="200" viewBox="0 0 400 200" style="width: 100%; height: 100%">
        <g class="grid"><line x1="0" y1="0" x2="400" y2="0" style="stroke: var(--grid)" /></g>
        <path class="area" d="M0 200L400 0" style="fill: var(--c-requests); fill-opacity: 0.35; stroke: var(--c-requests)" />
        <text x="10" y="190" style="fill: var(--muted); font-size: 12px">1M</text>
      </svg>
    </div>
    <ul class="legend"><li><span class="swatch"></span>Requests</li></ul>
  </figure>`

function setUp(theme?: 'light' | 'dark', card = true): Element {
  document.head.innerHTML = `<style>${PAGE_CSS}</style>`
  if (theme) document.documentElement.setAttribute('data-theme', theme)
  else document.documentElement.removeAttribute('data-theme')
  document.body.innerHTML = card ? `<section class="card">${FIGURE}</section>` : FIGURE
  return document.querySelector('[data-testid="chart-requests"]')!
}

function parse(svg: string): Document {
  return new DOMParser().parseFromString(svg, 'image/svg+xml')
}

afterEach(() => {
  document.documentElement.removeAttribute('data-theme')
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('chartSvg', () => {
  it('makes a standalone document: sized, on the page background, with the heading and key', () => {
    const { svg, widthPx, heightPx } = chartSvg(setUp('light'))
    const doc = parse(svg)
    const root = doc.documentElement
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect([widthPx, heightPx]).toEqual([400, 200 + 56])
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['400', '256'])
    expect(root.querySelector(':scope > rect')?.getAttribute('fill')).toBe('rgb(250, 251, 252)')
    const texts = [...root.querySelectorAll(':scope > text')].map((t) => t.textContent)
    expect(texts).toEqual(['Monthly cost vs monthly requests', 'Requests'])
    // The plot keeps its own size below the heading, not the page's 100%.
    const plot = root.querySelector(':scope > svg')!
    expect([plot.getAttribute('y'), plot.getAttribute('width'), plot.getAttribute('height')]).toEqual(['56', '400', '200'])
    expect(plot.getAttribute('style')).not.toMatch(/100%/)
  })

  it('writes the colours out, so the file looks the same without the page CSS', () => {
    const { svg } = chartSvg(setUp('light'))
    expect(svg).not.toContain('var(')
    expect(svg).not.toContain('light-dark(')
    const doc = parse(svg)
    const area = doc.querySelector('path.area') as SVGElement
    expect(area.style.getPropertyValue('fill')).toBe('rgb(0, 114, 178)') // #0072b2
    expect(area.style.getPropertyValue('stroke')).toBe('rgb(0, 114, 178)')
    expect(area.style.getPropertyValue('fill-opacity')).toBe('0.35')
    expect((doc.querySelector('line') as SVGElement).style.getPropertyValue('stroke')).toBe('rgb(227, 232, 239)') // #e3e8ef
    const tick = doc.querySelector('svg svg text') as SVGElement
    expect(tick.style.getPropertyValue('fill')).toBe('rgb(86, 100, 116)') // #566474
    expect(tick.style.getPropertyValue('font-size')).toBe('12px')
    // The key's swatch, read from the HTML legend.
    expect(doc.documentElement.querySelector(':scope > rect[rx]')?.getAttribute('fill')).toBe('#0072b2')
  })

  it('exports a dark chart in the dark theme', () => {
    const { svg } = chartSvg(setUp('dark', false))
    const doc = parse(svg)
    expect((doc.querySelector('path.area') as SVGElement).style.getPropertyValue('fill')).toBe('rgb(86, 180, 233)') // #56b4e9
    // No ancestor paints a background here: the theme decides.
    expect(doc.documentElement.querySelector(':scope > rect')?.getAttribute('fill')).toBe('#171e27')
  })

  it('takes a title, a background and no heading when asked', () => {
    const { svg, heightPx } = chartSvg(setUp('light'), { title: null, legend: [], background: '#000000' })
    const root = parse(svg).documentElement
    expect(heightPx).toBe(200)
    expect(root.querySelector(':scope > text')).toBeNull()
    expect(root.querySelector(':scope > rect')?.getAttribute('fill')).toBe('#000000')
  })

  it('draws the details under the title, wrapped to the width, the strong ones bold, and makes room for them', () => {
    const summary =
      'Current: 1 ms billing, eu-west-1, free tier included, and a long tail of words that cannot fit on one line of a chart 400 px wide'
    const { svg, heightPx } = chartSvg(setUp('light'), {
      details: [{ text: summary }, { text: 'Monthly total: $87.85 (exported 2026-11-27)', strong: true }],
    })
    const root = parse(svg).documentElement
    const texts = [...root.querySelectorAll(':scope > text')]
    expect(texts[0]!.textContent).toBe('Monthly cost vs monthly requests')
    const detailLines = texts.slice(1, -1)
    // The summary is too long for one line: it wraps, losing no word, and the total follows in bold.
    expect(detailLines.length).toBeGreaterThanOrEqual(3)
    expect(
      detailLines
        .slice(0, -1)
        .map((t) => t.textContent)
        .join(' '),
    ).toBe(summary)
    expect(detailLines.at(-1)!.textContent).toBe('Monthly total: $87.85 (exported 2026-11-27)')
    expect(detailLines.at(-1)!.getAttribute('font-weight')).toBe('600')
    expect(detailLines[0]!.getAttribute('font-weight')).toBe('400')
    // Each line below the one before, all above the plot, which moves down to make room.
    const ys = texts.map((t) => Number(t.getAttribute('y')))
    for (let i = 1; i < ys.length - 1; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]!)
    const plotY = Number(root.querySelector(':scope > svg')!.getAttribute('y'))
    expect(plotY).toBeGreaterThan(ys.at(-1)!)
    expect(heightPx).toBe(200 + plotY)
    expect(texts.at(-1)!.textContent).toBe('Requests')
  })

  it('on a narrow chart, wraps a long title and the key into rows inside the width; a key entry with no colour is text alone', () => {
    const figure = setUp('light')
    const svgOnPage = figure.querySelector('svg')!
    svgOnPage.setAttribute('width', '200')
    figure.querySelector('h3')!.textContent = 'Monthly cost vs monthly requests, all of it'
    figure.querySelector('.legend')!.innerHTML =
      '<li><span class="swatch"></span>Requests</li><li><span class="swatch"></span>Compute</li><li><span class="swatch"></span>Ephemeral storage</li><li class="legend-total">Total (dashed)</li>'
    const root = parse(chartSvg(figure).svg).documentElement
    const texts = [...root.querySelectorAll(':scope > text')]
    const bold = texts.filter((t) => t.getAttribute('font-weight') === '600').map((t) => t.textContent)
    expect(bold.length).toBeGreaterThan(1)
    expect(bold.join(' ')).toBe('Monthly cost vs monthly requests, all of it')
    const key = texts.filter((t) => t.getAttribute('font-size') === '13')
    expect(key.map((t) => t.textContent)).toEqual(['Requests', 'Compute', 'Ephemeral storage', 'Total (dashed)'])
    // More than one row, every entry starting inside the image, and only the coloured ones with a swatch.
    expect(new Set(key.map((t) => t.getAttribute('y'))).size).toBeGreaterThan(1)
    for (const t of key) expect(Number(t.getAttribute('x'))).toBeLessThan(200)
    expect(root.querySelectorAll(':scope > rect[rx]')).toHaveLength(3)
    expect(Number(root.querySelector(':scope > svg')!.getAttribute('y'))).toBeGreaterThan(Number(key.at(-1)!.getAttribute('y')))
  })

  it('picks the chart, not a small icon beside it', () => {
    const figure = setUp('light')
    figure.insertAdjacentHTML('afterbegin', '<svg class="recharts-surface" width="14" height="14"><rect width="14" height="14"/></svg>')
    expect(chartSvg(figure).widthPx).toBe(400)
  })

  it('says so when there is nothing drawn', () => {
    document.body.innerHTML = '<figure><p class="charts-loading">Loading charts…</p></figure>'
    expect(() => chartSvg(document.querySelector('figure')!)).toThrow('There is no chart to export yet.')
    document.body.innerHTML = '<figure><svg></svg></figure>'
    expect(() => chartSvg(document.querySelector('figure')!)).toThrow('The chart is not drawn yet.')
  })
})

describe('chartPng', () => {
  let sources: string[]

  beforeEach(() => {
    sources = []
    // jsdom neither loads images nor draws: stand-ins record what the browser would be asked.
    class FakeImage {
      onload: (() => void) | null = null
      onerror: (() => void) | null = null
      set src(value: string) {
        sources.push(value)
        queueMicrotask(() => this.onload?.())
      }
    }
    vi.stubGlobal('Image', FakeImage)
  })

  it('draws the SVG from a data: URL at twice its size, whatever the screen density, and returns a PNG', async () => {
    const drawImage = vi.fn()
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ drawImage } as unknown as CanvasRenderingContext2D)
    let canvas: HTMLCanvasElement | undefined
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, done, type) {
      canvas = this
      done(new Blob(['png'], { type: type ?? 'image/png' }))
    })
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    // A phone's density: the image is still twice the chart, not three times.
    vi.stubGlobal('devicePixelRatio', 3)

    const blob = await chartPng(setUp('light'))
    expect(blob.type).toBe('image/png')
    expect(sources).toHaveLength(1)
    expect(sources[0]!.startsWith('data:image/svg+xml')).toBe(true)
    expect(decodeURIComponent(sources[0]!.slice(sources[0]!.indexOf(',') + 1))).toBe(chartSvg(setUp('light')).svg)
    expect([canvas?.width, canvas?.height]).toEqual([800, 512])
    expect(drawImage).toHaveBeenCalledWith(expect.anything(), 0, 0, 800, 512)
    expect(fetchSpy).not.toHaveBeenCalled()

    // And on a plain screen, twice too; at a scale asked for, that scale.
    vi.stubGlobal('devicePixelRatio', 1)
    await chartPng(setUp('light'))
    expect([canvas?.width, canvas?.height]).toEqual([800, 512])
    await chartPng(setUp('light'), { scale: 1 })
    expect([canvas?.width, canvas?.height]).toEqual([400, 256])
    await chartPng(setUp('light'), { scale: NaN })
    expect([canvas?.width, canvas?.height]).toEqual([800, 512])
  })

  it('fails with a message when the image cannot be drawn', async () => {
    class BrokenImage {
      onerror: (() => void) | null = null
      set src(_value: string) {
        queueMicrotask(() => this.onerror?.())
      }
    }
    vi.stubGlobal('Image', BrokenImage)
    await expect(chartPng(setUp('light'), { scale: 1 })).rejects.toThrow('The chart image could not be drawn.')
  })
})

describe('svgDataUrl', () => {
  it('encodes the document so that # and quotes survive', () => {
    const url = svgDataUrl('<svg fill="#fff"/>')
    expect(url).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%20fill%3D%22%23fff%22%2F%3E')
  })
})

describe('wrapText', () => {
  it('breaks between words within the width, cuts a word longer than a line, and keeps every character', () => {
    // 12 px text at 0.6 em a character: 16 characters in 120 px.
    expect(wrapText('Function 1: 512 MB, 1,000 ms', 120, 12)).toEqual(['Function 1: 512', 'MB, 1,000 ms'])
    expect(wrapText('short', 400, 12)).toEqual(['short'])
    expect(wrapText('', 400, 12)).toEqual([])
    const long = 'x'.repeat(40)
    expect(wrapText(`a ${long} b`, 120, 12)).toEqual(['a', 'x'.repeat(16), 'x'.repeat(16), 'x'.repeat(8) + ' b'])
  })
})
