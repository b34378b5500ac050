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
}

/** One entry of a chart's key: what a colour stands for. */
export interface LegendItem {
  label: string
  colour: string
}

/** The chart's HTML key (`.legend li`, each with a `.swatch`), read as drawn. */
function legendOf(container: Element): LegendItem[] {
  return [...container.querySelectorAll('.legend li')].flatMap((li) => {
    const swatch = li.querySelector('.swatch')
    const label = li.textContent?.trim() ?? ''
    const colour = swatch ? computed(swatch, 'background-color') : ''
    return label && colour && !TRANSPARENT.test(colour) ? [{ label, colour }] : []
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
  const headerPx = (title ? 32 : 0) + (legend.length > 0 ? 24 : 0)
  const heightPx = plotHeightPx + headerPx

  const root = svgElement('svg', { width: widthPx, height: heightPx, viewBox: `0 0 ${widthPx} ${heightPx}` })
  root.appendChild(svgElement('rect', { x: 0, y: 0, width: widthPx, height: heightPx, fill: options.background ?? backgroundOf(container) }))
  if (title) {
    const text = svgElement('text', { x: 12, y: 24, fill: textColour, 'font-family': fontFamily, 'font-size': 16, 'font-weight': 600 })
    text.textContent = title
    root.appendChild(text)
  }
  let x = 12
  const legendY = headerPx - 12
  for (const item of legend) {
    root.appendChild(svgElement('rect', { x, y: legendY - 10, width: 12, height: 12, rx: 2, fill: item.colour }))
    const text = svgElement('text', { x: x + 18, y: legendY, fill: textColour, 'font-family': fontFamily, 'font-size': 13 })
    text.textContent = item.label
    root.appendChild(text)
    x += 18 + item.label.length * 7.5 + 16
  }
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

/**
 * The chart in `container` as a PNG, drawn at the screen's pixel density
 * (`scale`, default `devicePixelRatio`, 1 to 4).
 */
export async function chartPng(container: Element, options: ChartImageOptions & { scale?: number } = {}): Promise<Blob> {
  const { svg, widthPx, heightPx } = chartSvg(container, options)
  const scale = Math.min(4, Math.max(1, options.scale ?? window.devicePixelRatio ?? 1))
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
