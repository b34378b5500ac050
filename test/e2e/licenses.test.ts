// The licence notices the bundled packages require, shipped with the build and
// linked from the page's footer. Global setup has just built dist/ as `npm run build` does.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './chromium'

const baseURL = inject('baseURL')
const dist = resolve(__dirname, '../../dist')

let browser: Browser
let close: (() => Promise<void>) | undefined

beforeAll(async () => {
  ;({ browser, close } = await launchChromium())
})

afterAll(async () => {
  await close?.()
})

/** The notice of package `name` in the file: from its heading ("name version", "License: ...") to the next package's. */
function noticeOf(text: string, name: string): string {
  const heading = /\n(\S+) \S+\nLicense: /g
  const starts = [...text.matchAll(heading)]
  const index = starts.findIndex((m) => m[1] === name)
  if (index < 0) return ''
  return text.slice(starts[index]!.index, starts[index + 1]?.index)
}

describe('third-party licences', () => {
  it('the build writes THIRD-PARTY-LICENSES.txt with each bundled package’s licence text', () => {
    const text = readFileSync(resolve(dist, 'THIRD-PARTY-LICENSES.txt'), 'utf8')
    // React and recharts (MIT): the permission notice must go with copies of the code.
    for (const name of ['react', 'react-dom', 'recharts', 'zustand']) {
      const notice = noticeOf(text, name)
      expect(notice, name).toMatch(/License: MIT/)
      expect(notice, name).toContain('Permission is hereby granted, free of charge')
    }
    // d3 (ISC), as recharts bundles it, and d3-ease (BSD-3-Clause) inside victory-vendor's notice.
    expect(noticeOf(text, 'd3-shape')).toMatch(/License: ISC[\s\S]*Permission to use, copy, modify, and\/or distribute this software/)
    expect(noticeOf(text, 'victory-vendor')).toMatch(/d3-ease \(BSD-3-Clause\)[\s\S]*Redistribution and use in source and binary forms/)
    // Only what ships: test and build tools are not in the page.
    for (const tool of ['vitest', 'vite', 'jsdom', 'playwright-core', 'typescript']) expect(text).not.toMatch(new RegExp(`^  ${tool} `, 'm'))
  })

  it('the page’s footer links to it', async () => {
    const page = await browser.newPage()
    await page.goto(`${baseURL}/`)
    const link = page.getByRole('link', { name: 'Third-party licences' })
    await link.waitFor({ timeout: 30_000 })
    const href = await link.getAttribute('href')
    const response = await page.request.get(new URL(href!, page.url()).href)
    expect(response.status()).toBe(200)
    const text = await response.text()
    expect(text).toMatch(/^ {2}react 19\./m)
    expect(text).toMatch(/^ {2}recharts 3\./m)
    await page.close()
  })
})
