import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { estimate, type EstimateInput } from '../../../src/engine/index'
import { ExportMenu } from '../../../src/ui/export/export-menu'

// AWS's classic pricing example 1: 512 MB, 1 s, 3M requests = $0.40 + $18.34 = $18.74.
const INPUT: EstimateInput = { sheet: 'aws-2016', functions: [{ name: 'api', memoryMb: 512, durationMs: 1000, requests: 3_000_000 }] }
const LINK = 'https://calc.example/?n=api'
const NOW = new Date(2026, 10, 27, 15, 0)

interface Download {
  name: string
  blob: Blob
}

let downloads: Download[]
let blobs: Map<string, Blob>
const { createObjectURL, revokeObjectURL } = URL

beforeEach(() => {
  downloads = []
  blobs = new Map()
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size + 1}`
    blobs.set(url, blob)
    return url
  })
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.getAttribute('href')!)! })
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  Object.assign(URL, { createObjectURL, revokeObjectURL })
})

function renderMenu(props: Partial<Parameters<typeof ExportMenu>[0]> = {}) {
  return render(<ExportMenu estimate={estimate(INPUT)} input={INPUT} link={LINK} now={() => NOW} {...props} />)
}

describe('ExportMenu', () => {
  it('offers each export as a labelled button in one named group', () => {
    renderMenu()
    const group = screen.getByRole('group', { name: 'Export this estimate' })
    expect(group).toBeInTheDocument()
    for (const name of ['Download CSV', 'Download JSON', 'Download steps (Markdown)', 'Print', 'Download PNG', 'Download SVG']) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument()
    }
    expect(screen.getByRole('combobox', { name: 'Chart' })).toHaveValue('requests')
  })

  it('downloads the bill as CSV with the figures on screen, named for today', async () => {
    renderMenu()
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    expect(downloads.map((d) => d.name)).toEqual(['lambda-estimate-2026-11-27.csv'])
    expect(downloads[0]!.blob.type).toBe('text/csv;charset=utf-8')
    // A byte order mark first, so spreadsheets read the file as UTF-8 (text() drops it).
    expect([...new Uint8Array(await downloads[0]!.blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = await downloads[0]!.blob.text()
    expect(text.startsWith('Section,Item,')).toBe(true)
    expect(text).toContain('\r\nBill line,Requests,2000000,requests,0.0000002,0.4,0.40,\r\n')
    expect(text).toContain('\r\nBill line,Compute (x86_64),1100000,GB-s,0.00001667,18.337,18.34,\r\n')
    expect(text).toContain('\r\nTotal,Monthly total,,,,,18.74,')
    expect(text).toContain('\r\nFunction,api,3000000,requests,')
    expect(text).toContain(`\r\nEstimate,Link,,,,,,${LINK}\r\n`)
    expect(screen.getByRole('status')).toHaveTextContent('Downloading lambda-estimate-2026-11-27.csv.')
  })

  it('downloads JSON of the input and the estimate, with the link read at the moment of export', async () => {
    let link = 'https://calc.example/?old'
    renderMenu({ link: () => link })
    link = 'https://calc.example/?new'
    await userEvent.click(screen.getByRole('button', { name: 'Download JSON' }))
    expect(downloads[0]!.name).toBe('lambda-estimate-2026-11-27.json')
    const parsed = JSON.parse(await downloads[0]!.blob.text())
    expect(parsed.input).toEqual(INPUT)
    expect(parsed.link).toBe('https://calc.example/?new')
    expect(parsed.estimate.totalUsd).toBe('18.74')
    expect(parsed.exportedAt).toBe(NOW.toISOString())
  })

  it('works from the keyboard: the steps as Markdown', async () => {
    const user = userEvent.setup()
    renderMenu()
    await user.tab()
    await user.tab()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Download steps (Markdown)' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(downloads[0]!.name).toBe('lambda-calculation-2026-11-27.md')
    const md = await downloads[0]!.blob.text()
    expect(md).toContain('- Monthly total: **$18.74**')
    expect(md).toContain('| Requests | 2,000,000 requests | $0.0000002 | $0.40 |')
  })

  it('prints', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    renderMenu()
    await userEvent.click(screen.getByRole('button', { name: 'Print' }))
    expect(print).toHaveBeenCalledTimes(1)
  })

  it('downloads the chart picked as SVG, from the element the page gives', async () => {
    const figure = document.createElement('figure')
    figure.innerHTML = '<h3>Monthly cost vs memory</h3><svg width="300" height="150"><path d="M0 0L300 150" style="stroke: rgb(1, 2, 3)"/></svg>'
    document.body.appendChild(figure)
    const chartElement = vi.fn((id: string) => (id === 'memory' ? figure : null))
    renderMenu({ chartElement })
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Chart' }), 'Cost vs memory')
    await userEvent.click(screen.getByRole('button', { name: 'Download SVG' }))
    expect(chartElement).toHaveBeenLastCalledWith('memory')
    expect(downloads[0]!.name).toBe('lambda-chart-cost-vs-memory-2026-11-27.svg')
    expect(downloads[0]!.blob.type).toBe('image/svg+xml;charset=utf-8')
    const svg = await downloads[0]!.blob.text()
    expect(svg).toContain('Monthly cost vs memory')
    expect(svg).toContain('rgb(1, 2, 3)')
    // The SVG says what it shows as the PNG does.
    expect(svg).toContain('$18.74')
    expect(svg).toContain('2026-11-27')
    figure.remove()
  })

  it('downloads the chart as a PNG twice its size on the page, with its title, the inputs, the total and the date drawn in', async () => {
    const figure = document.createElement('figure')
    figure.innerHTML = '<h3>Monthly cost vs memory</h3><svg width="300" height="150"><path d="M0 0L300 150" style="stroke: rgb(1, 2, 3)"/></svg>'
    document.body.appendChild(figure)
    // jsdom neither loads images nor draws: stand-ins record the picture handed to the canvas and the canvas's size.
    const drawn: string[] = []
    vi.stubGlobal(
      'Image',
      class {
        onload: (() => void) | null = null
        set src(value: string) {
          drawn.push(decodeURIComponent(value.slice(value.indexOf(',') + 1)))
          queueMicrotask(() => this.onload?.())
        }
      },
    )
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({ drawImage: vi.fn() } as unknown as CanvasRenderingContext2D)
    let size: number[] = []
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, done) {
      size = [this.width, this.height]
      done(new Blob(['png'], { type: 'image/png' }))
    })
    vi.stubGlobal('devicePixelRatio', 1)
    renderMenu({ chartElement: () => figure })
    await userEvent.click(screen.getByRole('button', { name: 'Download PNG' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]!.name).toBe('lambda-chart-cost-vs-requests-2026-11-27.png')
    expect(downloads[0]!.blob.type).toBe('image/png')
    const svg = new DOMParser().parseFromString(drawn[0]!, 'image/svg+xml').documentElement
    const lines = [...svg.querySelectorAll(':scope > text')].map((t) => t.textContent)
    expect(lines[0]).toBe('Monthly cost vs memory')
    const text = lines.join(' ')
    // Classic example 1 as given to the menu: the sheet, the function's inputs, its $18.74, and NOW's date.
    expect(text).toMatch(/Classic \(2016\)/)
    expect(text).toContain('api: 512 MB, 1,000 ms, 3,000,000 requests a month')
    expect(text).toContain('$18.74')
    expect(text).toContain('2026-11-27')
    // Twice the page's 300 px in width; the height is twice the plot's and the text's above it.
    const height = Number(svg.getAttribute('height'))
    expect(height).toBeGreaterThan(150)
    expect(size).toEqual([600, 2 * height])
    vi.unstubAllGlobals()
    figure.remove()
  })

  it('says why when the chart is not on screen, and downloads nothing', async () => {
    renderMenu({ chartElement: () => null })
    await userEvent.click(screen.getByRole('button', { name: 'Download PNG' }))
    expect(downloads).toEqual([])
    expect(screen.getByRole('status')).toHaveTextContent('The chart \u201cCost vs requests\u201d is not on screen yet.')
  })

  it('reports a chart that cannot be drawn', async () => {
    const empty = document.createElement('figure')
    renderMenu({ chartElement: () => empty })
    await userEvent.click(screen.getByRole('button', { name: 'Download PNG' }))
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Could not export \u201cCost vs requests\u201d: There is no chart to export yet.'),
    )
    expect(downloads).toEqual([])
  })

  it('leaves the chart export out when no chart is offered', () => {
    renderMenu({ charts: [] })
    expect(screen.queryByRole('button', { name: 'Download PNG' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument()
  })
})
