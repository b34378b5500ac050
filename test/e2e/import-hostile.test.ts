import type { JSHandle, Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { expectNoBrokenNumbers, openCalculator, screenshotPath, useChromium } from './helpers'

// What users paste and drop, by accident or on purpose (issue 18, "The import
// survives what users paste"): each case ends in a clear message on the page,
// never a crashed panel. One page serves the whole file.

const baseURL = inject('baseURL')
const chromium = useChromium()

const report = (durationMs: string, billedMs: number, memoryMb = 128) =>
  `REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95\tDuration: ${durationMs} ms\tBilled Duration: ${billedMs} ms\tMemory Size: ${memoryMb} MB\tMax Memory Used: 56 MB\t`
const INSIGHTS_HEADER = '@timestamp,@duration,@billedDuration,@memorySize,@maxMemoryUsed,@initDuration'

let page: Page
let errors: string[]
const requests: Request[] = []

beforeAll(async () => {
  ;({ page, errors } = await openCalculator(chromium(), `${baseURL}/?v=2&p=2016`))
  page.on('request', (r) => requests.push(r))
  await page.getByRole('button', { name: 'Choose a log file…' }).waitFor({ timeout: 30_000 })
})

afterAll(async () => {
  await page?.close()
})

async function chooseFile(name: string, content: string | Buffer): Promise<void> {
  await page.getByLabel('Log file', { exact: true }).setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(content) })
}

/** Clears the result of the last import, if any, so the next one starts from an empty panel. */
async function clearResults(): Promise<void> {
  const results = page.getByTestId('usage-results')
  if ((await results.count()) > 0) await results.getByRole('button', { name: 'Clear' }).click()
  await expect.poll(() => results.count(), { timeout: 30_000 }).toBe(0)
}

/** The import panel's alert once it appears (the only alert on this page). */
async function alertText(): Promise<string> {
  const alert = page.getByTestId('usage-panel').getByRole('alert').first()
  await alert.waitFor({ timeout: 60_000 })
  return alert.innerText()
}

/** Pastes `length` characters built in the page from `unit`, as one clipboard paste into the labelled field. */
async function pasteGenerated(label: string, unit: string, length: number): Promise<void> {
  const field = page.getByLabel(label, { exact: true })
  await field.focus()
  await field.evaluate(
    (el, { unit, length }) => {
      const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
      const data = new DataTransfer()
      data.setData('text/plain', text)
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
      if (el.dispatchEvent(event)) document.execCommand('insertText', false, text)
    },
    { unit, length },
  )
}

/** Drops files and/or text on the panel's drop zone as the browser does. */
async function drop(files: { name: string; text: string }[], text?: string): Promise<void> {
  const data: JSHandle<DataTransfer> = await page.evaluateHandle(
    ({ files, text }) => {
      const dt = new DataTransfer()
      for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }))
      if (text !== undefined) dt.setData('text/plain', text)
      return dt
    },
    { files, text },
  )
  await page.getByTestId('usage-drop-zone').dispatchEvent('drop', { dataTransfer: data })
}

describe('The import survives what users paste, in Chromium', () => {
  it('a CSV row stamped 9999999999999999 and a 4,000,000 ms invocation are lines not read, named; the panel does not crash', async () => {
    const csv = [
      INSIGHTS_HEADER,
      '2023-03-04 07:38:52.235,12.5,13,1.28E8,7.9E7,',
      '9999999999999999,10,10,1.28E8,7.9E7,',
      '2023-03-04 07:39:52.235,4000000,4000000,1.28E8,7.9E7,',
      '2023-03-04 07:40:02.100,2.05,3,1.28E8,7.6E7,',
    ].join('\r\n')
    await chooseFile('insights.csv', csv)
    const results = page.getByTestId('usage-results')
    await results.waitFor({ timeout: 30_000 })
    expect(await results.innerText()).toMatch(/2\s+invocations over 1 min, 2023-03-04 07:38:52 UTC to 2023-03-04 07:40:02 UTC, at 128 MB\./)
    expect(await results.innerText()).toMatch(/2 REPORT lines could not be read and are not counted/)
    await results.getByText('Lines not read').click()
    const lines = await results.locator('.usage-problems li').allInnerTexts()
    expect(lines).toEqual([
      'Line 3: Timestamp 9999999999999999 is past the year 9999 as milliseconds since 1970 (at most 253402300799999 is read)',
      'Line 4: Duration 4000000 ms is longer than an invocation can run (at most 900,000 ms, 15 minutes)',
    ])
    await page.getByTestId('usage-panel').screenshot({ path: screenshotPath('usage-lines-not-read') })
    expect(await page.getByTestId('part-error').count()).toBe(0)
    await expectNoBrokenNumbers(page)
    await clearResults()

    // the same timestamp in a Logs Insights JSON export
    const json = JSON.stringify(
      [
        { '@timestamp': '9999999999999999', '@duration': '10', '@billedDuration': '10', '@memorySize': '1.28E8', '@maxMemoryUsed': '7.9E7' },
        { '@timestamp': '2023-03-04 07:38:52.235', '@duration': '12.5', '@billedDuration': '13', '@memorySize': '1.28E8', '@maxMemoryUsed': '7.9E7' },
      ],
      null,
      2,
    )
    await chooseFile('insights.json', json)
    await results.waitFor({ timeout: 30_000 })
    expect(await results.innerText()).toMatch(/1 REPORT line could not be read/)
    expect(await page.getByTestId('part-error').count()).toBe(0)
    await clearResults()
  })

  it('a 1 MB CSV with an unclosed quote is read, the quote named at its line; an 8 MB line of bare REPORT marks says why nothing was read', async () => {
    const rows = [INSIGHTS_HEADER, '"2023-03-04 07:38:52.235,12,12,1.28E8,7.9E7,']
    for (let i = 0, size = rows.join('\n').length; size < 1_000_000; i++) {
      const row = `2023-03-04 07:${String(40 + (i % 20)).padStart(2, '0')}:02.100,10,10,1.28E8,7.9E7,`
      rows.push(row)
      size += row.length + 1
    }
    const count = rows.length - 2
    await chooseFile('unclosed.csv', rows.join('\n'))
    const results = page.getByTestId('usage-results')
    await results.waitFor({ timeout: 60_000 })
    expect(await results.innerText()).toMatch(new RegExp(`${count.toLocaleString('en-US')}\\s+invocations`))
    await results.getByText('Lines not read').click()
    expect(await results.locator('.usage-problems li').first().innerText()).toMatch(/^Line 2: Logs Insights row with an unclosed quote/)
    await clearResults()

    // 8 MB in one line: read in the worker (a paste over 1 MB is read at once), then said plainly
    await pasteGenerated('Paste log lines', 'REPORT RequestId: x ', 8_000_000)
    expect(await alertText()).toBe(
      'No invocation could be read from pasted text: 400,000 reports in its 1 line cannot be read (line 1: REPORT line without Duration; line 1: REPORT line without Duration; line 1: REPORT line without Duration; …).',
    )
  })

  it('power tuning is read in a worker, within stated limits, with clear messages for bad escapes, hex numbers and too much text', async () => {
    const panel = page.getByTestId('power-tuning')
    expect(await panel.innerText()).toMatch(/up to 100,000 characters and 200 memory sizes/)
    const field = page.getByLabel('Power-tuning link or JSON', { exact: true })
    const read = page.getByRole('button', { name: 'Read power-tuning results' })
    const before = requests.length

    await field.fill('{"stats":[{"value":"0x80","averageDuration":3}]}')
    await read.click()
    await expect
      .poll(() => panel.getByRole('alert').innerText(), { timeout: 30_000 })
      .toBe('stats[0].value (memory) is "0x80", not a number (hexadecimal, binary and octal are not read: write it in decimal)')
    expect(requests.slice(before).some((r) => /power-tuning-worker/.test(r.url()))).toBe(true)

    const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')
    const good = `${b64(new Int16Array([128, 256]))};${b64(new Float32Array([20, 10]))}`
    await field.fill(`https://lambda-power-tuning.show/#%ZZ${good}`)
    await read.click()
    await expect
      .poll(() => panel.getByRole('alert').innerText(), { timeout: 30_000 })
      .toMatch(/^The link has a broken percent-escape, "%ZZ" at character 1 of its hash/)

    const sizes = Array.from({ length: 10_113 }, (_, i) => 128 + i)
    await field.fill(`https://lambda-power-tuning.show/#${b64(new Int16Array(sizes))};${b64(new Float32Array(sizes.map(() => 10)))}`)
    await read.click()
    await expect
      .poll(() => panel.getByRole('alert').innerText(), { timeout: 30_000 })
      .toMatch(/^These power-tuning results list 10,113 memory sizes; at most 200 are read/)

    // 30 MB pasted: refused before it fills the field
    await field.fill('')
    await pasteGenerated('Power-tuning link or JSON', '{"value":128},', 30_000_000)
    await expect
      .poll(() => panel.getByRole('alert').innerText(), { timeout: 30_000 })
      .toMatch(/^This paste is 30,000,000 characters long; power-tuning results are read up to 100,000 characters/)
    expect(await field.inputValue()).toBe('')

    await field.fill(`https://lambda-power-tuning.show/#${good}`)
    await read.click()
    await expect.poll(() => panel.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/^2 measured sizes: 128 MB in 20 ms, 256 MB in 10 ms/)
    expect(await panel.getByRole('alert').count()).toBe(0)
    await panel.getByRole('button', { name: 'Clear measurements' }).click()
    await expect.poll(() => panel.getByRole('status').count()).toBe(0)
  })

  it('reads a UTF-16 log with a byte order mark; says why a binary file, or one with 51 memory sizes, cannot be billed', async () => {
    const log = `${report('15.74', 16)}\r\n${report('2.75', 3, 256)}\r\n`
    // What Windows PowerShell 5's `>` writes: UTF-16LE behind FF FE
    await chooseFile('powershell.log', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(log, 'utf16le')]))
    const results = page.getByTestId('usage-results')
    await results.waitFor({ timeout: 30_000 })
    expect(await results.innerText()).toMatch(/2\s+invocations \(the lines had no timestamps\), at 128 MB and 256 MB\./)
    await clearResults()

    await chooseFile('picture.png', Buffer.concat([Buffer.from('line one\nline two\n'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])]))
    expect(await alertText()).toBe(
      'No REPORT lines were found in picture.png: it does not look like text (NUL or undecodable bytes from line 3). Export the log as text (UTF-8 or UTF-16), then import it again.',
    )

    const sizes = Array.from({ length: 51 }, (_, i) => 128 + i * 64)
    await chooseFile('many.log', sizes.map((m) => report('10.00', 10, m)).join('\n'))
    await expect
      .poll(() => alertText(), { timeout: 30_000 })
      .toBe(
        'many.log holds invocations at 51 memory sizes, and one estimate holds at most 50 (one function each). Import the log of one function at a time (export each log group on its own), or keep only the lines of the memory sizes to compare.',
      )
  })

  it('a drop of two files reads the first and says the other was left out; dropped text is read', async () => {
    await drop([
      { name: 'a.log', text: report('10.00', 10) },
      { name: 'b.log', text: report('20.00', 20) },
    ])
    const results = page.getByTestId('usage-results')
    await results.waitFor({ timeout: 30_000 })
    expect(await results.getByRole('heading').first().innerText()).toBe('a.log')
    expect(await page.getByTestId('usage-drop-note').innerText()).toBe(
      'Only a.log was read: the other dropped file was left out (b.log). Drop or choose one log at a time.',
    )
    await clearResults()

    await drop([], `${report('10.00', 10)}\n${report('30.00', 30)}`)
    await results.waitFor({ timeout: 30_000 })
    expect(await results.getByRole('heading').first().innerText()).toBe('dropped text')
    expect(await results.innerText()).toMatch(/2\s+invocations/)
    expect(await page.getByTestId('usage-drop-note').count()).toBe(0)
    await clearResults()
    expect(errors).toEqual([])
  })
})
