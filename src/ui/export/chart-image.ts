// A chart on screen as a standalone SVG or PNG. The page's CSS (variables,
// light-dark colours) does not travel with an SVG file, so every drawing
// property is read from the computed style and written onto the copy. No
// network: the PNG is drawn from a data: URL, which a strict CSP
// (img-src 'self' data:) allows.

/** Drawing properties copied from the page; `INHERITED` ones are skipped where the parent already has the value. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'stop-color',
  'stop-opacity',
  'opacity',
  'display',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const
const NOT_INHERITED = new Set(['opacity', 'display', 'stop-color', 'stop-opacity'])

const SVG_NS = 'http://www.w3.org/2000/svg'
const LIGHT_BACKGROUND = '#ffffff'
const DARK_BACKGROUND = '#171e27'
const TRANSPARENT = /^(?:transparent|rgba\(\s*0,\s*0,\s*0,\s*0\s*\)|)$/

export interface ChartImageOptions {
  /** A heading drawn above the chart; default: the container's own heading, if any. `null` for none. */
  title?: string | null
  /** The background colour; default: the colour the chart sits on, so a dark theme exports dark. */
  background?: string
  /** The key drawn under the title; default: the container's HTML legend (`.legend li` with a `.swatch`). */
  legend?: LegendItem[]
  /** Lines drawn under the title, wrapped to the width: what the chart is of (the inputs, the total, the date). Default none. */
  details?: readonly ChartDetail[]
}

/** A line of text under an exported chart's title; `strong` ones are drawn bold (the total). */
export interface ChartDetail {
  text: string
  strong?: boolean
}

/** One entry of a chart's key: what a colour stands for; an empty colour draws the label alone. */
export interface LegendItem {
  label: string
  colour: string
}

/** The chart's HTML key (`.legend li`), read as drawn: an entry without a coloured `.swatch` ("Total (dashed)") is text alone. */
function legendOf(container: Element): LegendItem[] {
  return [...container.querySelectorAll('.legend li')].flatMap((li) => {
    const swatch = li.querySelector('.swatch')
    const label = li.textContent?.trim() ?? ''
    const colour = swatch ? computed(swatch, 'background-color') : ''
    return label ? [{ label, colour: TRANSPARENT.test(colour) ? '' : colour }] : []
  })
}

export interface ChartSvg {
  /** A standalone SVG document. */
  svg: string
  widthPx: number
  heightPx: number
}

function isDark(): boolean {
  const theme = document.documentElement.getAttribute('data-theme')
  if (theme) return theme === 'dark'
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
}

/**
 * `var(--x)` and `light-dark(a, b)` as colours. Browsers already resolve both in
 * computed styles; this covers environments that do not.
 */
function resolveValue(value: string, el: Element, depth = 0): string {
  let out = value
  if (out.includes('var(') && depth < 8) {
    out = out.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_m, name: string, fallback?: string) => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const v = getComputedStyle(node).getPropertyValue(name).trim()
        if (v) return resolveValue(v, el, depth + 1)
      }
      return fallback?.trim() ?? ''
    })
  }
  const dark = out.includes('light-dark(') ? isDark() : false
  return out.replace(/light-dark\(\s*((?:[^,()]|\([^()]*\))+?)\s*,\s*((?:[^,()]|\([^()]*\))+?)\s*\)/g, (_m, light: string, darkValue: string) =>
    dark ? darkValue : light,
  )
}

function computed(el: Element, property: string): string {
  return resolveValue(getComputedStyle(el).getPropertyValue(property).trim(), el)
}

/** Writes the computed drawing properties of `source` and its descendants onto `copy`. */
function inlineStyles(source: Element, copy: Element, parentValues: ReadonlyMap<string, string>): void {
  const values = new Map<string, string>()
  const style = (copy as SVGElement).style
  for (const property of PROPERTIES) {
    const value = computed(source, property)
    if (copy.getAttribute(property)?.includes('var(')) copy.removeAttribute(property)
    if (!value) continue
    values.set(property, value)
    if (!NOT_INHERITED.has(property) && parentValues.get(property) === value) continue
    style.setProperty(property, value)
  }
  for (const property of PROPERTIES) if (!values.has(property) && parentValues.has(property)) values.set(property, parentValues.get(property)!)
  const from = source.children
  const to = copy.children
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i]!, to[i]!, values)
}

/** The chart's drawing: the largest top-level `<svg>` in the container (legend icons are small ones). */
function findChartSvg(container: Element): SVGSVGElement | null {
  const all = [...container.querySelectorAll('svg')].filter((s) => !s.parentElement?.closest('svg'))
  let best: SVGSVGElement | null = null
  let bestArea = -1
  for (const s of all) {
    const { widthPx, heightPx } = sizeOf(s)
    if (widthPx * heightPx > bestArea) {
      best = s
      bestArea = widthPx * heightPx
    }
  }
  return best
}

function sizeOf(svg: SVGSVGElement): { widthPx: number; heightPx: number } {
  const rect = svg.getBoundingClientRect()
  const attr = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? '')
  const widthPx = attr('width') > 0 ? attr('width') : rect.width
  const heightPx = attr('height') > 0 ? attr('height') : rect.height
  return { widthPx: Math.round(widthPx), heightPx: Math.round(heightPx) }
}

/** The colour behind the chart on the page: the first ancestor with a background. */
function backgroundOf(container: Element): string {
  for (let node: Element | null = container; node; node = node.parentElement) {
    const bg = computed(node, 'background-color')
    if (!TRANSPARENT.test(bg)) return bg
  }
  return isDark() ? DARK_BACKGROUND : LIGHT_BACKGROUND
}

/** An average character's width in em: generous for a sans-serif, so a wrapped line never runs off the image. */
const CHARACTER_EM = 0.6
const DETAIL_FONT_PX = 12
const DETAIL_LINE_PX = 17

/**
 * `text` in lines of at most `maxPx` (estimated), broken between words; a word
 * longer than a line is cut.
 *
 * @example wrapText('Function 1: 512 MB, 1,000 ms', 120, 12) // ['Function 1: 512', 'MB, 1,000 ms']
 */
export function wrapText(text: string, maxPx: number, fontPx: number): string[] {
  const perLine = Math.max(8, Math.floor(maxPx / (fontPx * CHARACTER_EM)))
  const lines: string[] = []
  let line = ''
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > perLine) {
      if (line) lines.push(line)
      lines.push(word.slice(0, perLine))
      word = word.slice(perLine)
      line = ''
    }
    if (!word) continue
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, name)
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v))
  return el
}

/**
 * The chart in `container` (an element holding a recharts `<svg>`) as a
 * standalone SVG document: computed colours and fonts inlined, the page's
 * background behind it, and the container's heading above it.
 * Throws when the container holds no drawn chart.
 */
export function chartSvg(container: Element, options: ChartImageOptions = {}): ChartSvg {
  const source = findChartSvg(container)
  if (!source) throw new Error('There is no chart to export yet.')
  const { widthPx, heightPx: plotHeightPx } = sizeOf(source)
  if (!(widthPx > 0 && plotHeightPx > 0)) throw new Error('The chart is not drawn yet.')

  const heading = container.querySelector('h1, h2, h3, h4') ?? container.querySelector('figcaption')
  const title = options.title === undefined ? (heading?.textContent?.trim() ?? '') : (options.title ?? '')
  const legend = options.legend ?? legendOf(container)
  const fontFamily = computed(container, 'font-family') || 'system-ui, sans-serif'
  const textColour = computed(container, 'color') || (isDark() ? '#e6ebf1' : '#16202c')
  const mutedColour = resolveValue('var(--muted)', container) || textColour
  const details = (options.details ?? []).flatMap((d) =>
    wrapText(d.text, widthPx - 24, DETAIL_FONT_PX).map((text) => ({ text, strong: d.strong === true })),
  )
  // Bold 16 px text: estimated as 17 px regular, so a long title wraps rather than runs off a phone-sized chart.
  const titleLines = title ? wrapText(title, widthPx - 24, 17) : []
  const titlePx = titleLines.length > 0 ? 10 + titleLines.length * 22 : 0
  const detailsPx = details.length > 0 ? details.length * DETAIL_LINE_PX + 8 : 0
  // The key in rows that fit the width.
  const keyRows: { item: LegendItem; x: number }[][] = []
  let x = 12
  for (const item of legend) {
    const itemPx = (item.colour ? 18 : 0) + item.label.length * 7.5 + 16
    if (keyRows.length === 0 || (x + itemPx > widthPx - 12 && x > 12)) {
      keyRows.push([])
      x = 12
    }
    keyRows.at(-1)!.push({ item, x })
    x += itemPx
  }
  const headerPx = titlePx + detailsPx + keyRows.length * 24
  const heightPx = plotHeightPx + headerPx

  const root = svgElement('svg', { width: widthPx, height: heightPx, viewBox: `0 0 ${widthPx} ${heightPx}` })
  root.appendChild(svgElement('rect', { x: 0, y: 0, width: widthPx, height: heightPx, fill: options.background ?? backgroundOf(container) }))
  titleLines.forEach((line, i) => {
    const text = svgElement('text', { x: 12, y: 24 + i * 22, fill: textColour, 'font-family': fontFamily, 'font-size': 16, 'font-weight': 600 })
    text.textContent = line
    root.appendChild(text)
  })
  details.forEach((line, i) => {
    const text = svgElement('text', {
      x: 12,
      y: titlePx + (i + 1) * DETAIL_LINE_PX - 4,
      fill: line.strong ? textColour : mutedColour,
      'font-family': fontFamily,
      'font-size': DETAIL_FONT_PX,
      'font-weight': line.strong ? 600 : 400,
    })
    text.textContent = line.text
    root.appendChild(text)
  })
  keyRows.forEach((row, r) => {
    const y = titlePx + detailsPx + r * 24 + 12
    for (const { item, x } of row) {
      if (item.colour) root.appendChild(svgElement('rect', { x, y: y - 10, width: 12, height: 12, rx: 2, fill: item.colour }))
      const text = svgElement('text', { x: item.colour ? x + 18 : x, y, fill: textColour, 'font-family': fontFamily, 'font-size': 13 })
      text.textContent = item.label
      root.appendChild(text)
    }
  })
  const plot = source.cloneNode(true) as SVGSVGElement
  // The page sizes the drawing with CSS (e.g. 100%): here its attributes size it.
  plot.removeAttribute('style')
  inlineStyles(source, plot, new Map())
  plot.setAttribute('x', '0')
  plot.setAttribute('y', String(headerPx))
  plot.setAttribute('width', String(widthPx))
  plot.setAttribute('height', String(plotHeightPx))
  if (!plot.hasAttribute('viewBox')) plot.setAttribute('viewBox', `0 0 ${widthPx} ${plotHeightPx}`)
  root.appendChild(plot)
  return { svg: new XMLSerializer().serializeToString(root), widthPx, heightPx }
}

/** An SVG document as a data: URL (allowed by `img-src data:`, unlike a blob: URL under some policies). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** A PNG has twice the pixels of the chart on screen, whatever the screen: sharp in a document or on a slide. */
export const PNG_SCALE = 2

/**
 * The chart in `container` as a PNG, `scale` (default 2, from 1 to 4) times its
 * size on the page in each direction, whatever the screen's pixel density.
 */
export async function chartPng(container: Element, options: ChartImageOptions & { scale?: number } = {}): Promise<Blob> {
  const { svg, widthPx, heightPx } = chartSvg(container, options)
  const scale = Number.isFinite(options.scale) ? Math.min(4, Math.max(1, options.scale!)) : PNG_SCALE
  const image = new Image()
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve()
    image.onerror = () => reject(new Error('The chart image could not be drawn.'))
  })
  image.src = svgDataUrl(svg)
  await loaded
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(widthPx * scale)
  canvas.height = Math.round(heightPx * scale)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This browser cannot draw images.')
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart image could not be made.'))), 'image/png'),
  )
}
