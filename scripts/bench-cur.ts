/**
 * How fast a CUR CSV (the Athena query's result) is read and reconciled on
 * this machine: generates a 50 MB export in memory (every value quoted, as
 * Athena writes it; 2,000 functions in 4 regions over 12 months, each usage
 * type in a free-tier and a billed rate code), reads it in 4 MB chunks as the
 * Worker does, then reprices and reconciles every month. Goal: under 3 s.
 *
 * Run: npx tsx scripts/bench-cur.ts
 */
import { pathToFileURL } from 'node:url'
import { createCurParser } from '../src/engine/usage/cur'
import { reconcileCur } from '../src/engine/usage/cur-reconcile'

const REGIONS = [
  ['us-east-1', ''],
  ['us-east-2', 'USE2-'],
  ['eu-west-1', 'EU-'],
  ['ap-northeast-1', 'APN1-'],
] as const
const TYPES = ['Request', 'Lambda-GB-Second', 'Request-ARM', 'Lambda-GB-Second-ARM', 'Lambda-Storage-GB-Second', 'Lambda-Provisioned-Concurrency']

/** A CUR query result of about `bytes` characters. */
export function generateCurCsv(bytes: number): string {
  const parts: string[] = [
    '"month","account","region","function_arn","usage_type","rate_code","usage_amount","unblended_cost","effective_cost","credits"\n',
  ]
  let size = parts[0]!.length
  let seed = 2026
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  for (let i = 0; size < bytes; i++) {
    const month = `2026-${String(1 + (Math.floor(i / 12_000) % 12)).padStart(2, '0')}-01 00:00:00.000`
    const [region, prefix] = REGIONS[i % REGIONS.length]!
    const account = String(123456789012 + (i % 3))
    const fn = `arn:aws:lambda:${region}:${account}:function:fn-${i % 2000}`
    const type = TYPES[Math.floor(i / 4) % TYPES.length]!
    const usage = (rand() * 1e7).toFixed(3)
    const cost = (rand() * 100).toFixed(8)
    const row = `"${month}","${account}","${region}","${fn}","${prefix}${type}","QX7T2K9WBN4M8RPF.JRTCKXETXF.${i % 2 === 0 ? '8EEUB22XNJ' : '6YS6EN2CT7'}","${usage}","${cost}","${cost}","0.0"\n`
    parts.push(row)
    size += row.length
  }
  return parts.join('')
}

/** Reads a 50 MB CUR CSV as the panel does (the latest month reconciled), and all 12 months; prints times and rows per second. */
export function benchCur(): void {
  const text = generateCurCsv(50_000_000)
  const imports: number[] = []
  const allMonths: number[] = []
  let rows = 0
  let months = 0
  let functionMonths = 0
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint()
    const parser = createCurParser()
    const chunk = 4 << 20
    for (let at = 0; at < text.length; at += chunk) parser.push(text.slice(at, at + chunk))
    const imported = parser.finish()
    let latest = ''
    for (const e of imported.entries) if (e.month > latest) latest = e.month
    reconcileCur(imported, { months: [latest] })
    imports.push(Number(process.hrtime.bigint() - start) / 1e6)
    const again = process.hrtime.bigint()
    const all = reconcileCur(imported).months
    months = all.length
    functionMonths = all.reduce((n, m) => n + m.functions.length, 0)
    allMonths.push(Number(process.hrtime.bigint() - again) / 1e6)
    rows = imported.rows
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!
  const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 })
  const ms = median(imports)
  console.log(
    `CUR CSV import, ${fmt(text.length / 1e6)} MB (${fmt(rows)} rows, ${months} months), read in 4 MB chunks with the latest month reconciled: ${fmt(ms)} ms, median of 3 (${fmt(rows / (ms / 1000))} rows/s; goal < 3,000 ms)`,
  )
  console.log(`CUR reconciliation of all ${months} months (${fmt(functionMonths)} function-months): ${fmt(median(allMonths))} ms, median of 3`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchCur()
