import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { downloadFile, printEstimate, REVOKE_AFTER_MS } from '../../../src/ui/export/download'

describe('downloadFile', () => {
  let created: Blob[]
  let clicked: HTMLAnchorElement[]
  const { createObjectURL, revokeObjectURL } = URL

  beforeEach(() => {
    vi.useFakeTimers()
    created = []
    clicked = []
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob)
      return `blob:test/${created.length}`
    })
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
      // Still in the document while it is clicked, as browsers require.
      expect(this.isConnected).toBe(true)
    })
  })

  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    Object.assign(URL, { createObjectURL, revokeObjectURL })
  })

  it('clicks a link that downloads the text under its name and type, then cleans up', async () => {
    downloadFile('lambda-estimate-2026-11-27.csv', 'text/csv;charset=utf-8', 'a,b\r\n1,2\r\n')
    expect(clicked).toHaveLength(1)
    expect(clicked[0]!.download).toBe('lambda-estimate-2026-11-27.csv')
    expect(clicked[0]!.getAttribute('href')).toBe('blob:test/1')
    expect(created[0]!.type).toBe('text/csv;charset=utf-8')
    expect(await created[0]!.text()).toBe('a,b\r\n1,2\r\n')
    expect(document.querySelector('a[download]')).toBeNull()
    expect(URL.revokeObjectURL).not.toHaveBeenCalled()
    vi.advanceTimersByTime(REVOKE_AFTER_MS)
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1')
  })

  it('downloads a Blob as it is', () => {
    const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' })
    downloadFile('chart.png', 'image/png', png)
    expect(created[0]).toBe(png)
  })
})

describe('printEstimate', () => {
  it('opens the print dialog', () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    printEstimate()
    expect(print).toHaveBeenCalledTimes(1)
    print.mockRestore()
  })
})
