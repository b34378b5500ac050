// embed.js runs in the docs reader's browser, which may be years older than
// the ones the tests drive. dist/embed.js (built by global setup) must hold
// nothing newer than its build target (EMBED_TARGET in scripts/embed-build.ts): a
// single construct too new is a syntax error that stops the whole script, and
// the element is never defined.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { transform } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { EMBED_TARGET } from '../../../scripts/embed-build'

const EMBED_JS = join(__dirname, '../../../dist/embed.js')

/**
 * esbuild holds destructuring back to Safari 14.1 for an edge case of the
 * conformance tests its feature table comes from; the destructuring embed.js
 * uses (declarations, parameters, for-of) parses and runs since Safari 10
 * (MDN browser-compat-data, "Destructuring assignment").
 */
const SUPPORTED_DESPITE_TABLE = { destructuring: true }

describe('embed.js in older browsers', () => {
  it(`has no syntax newer than ${EMBED_TARGET.join(', ')}`, async () => {
    const code = readFileSync(EMBED_JS, 'utf8')
    // Printed at the newest target, then at the loader's: any construct the
    // target lacks is rewritten (or refused), so the two differ.
    const newest = await transform(code, { loader: 'js', target: 'esnext' })
    const older = await transform(code, { loader: 'js', target: EMBED_TARGET, supported: SUPPORTED_DESPITE_TABLE })
    const newestLines = newest.code.split('\n')
    const changed = older.code
      .split('\n')
      .map((line, i) => ({ line, was: newestLines[i] }))
      .filter(({ line, was }) => line !== was)
      .slice(0, 5)
    expect(changed, 'lines esbuild had to rewrite for the target').toEqual([])
    expect(older.code).toBe(newest.code)
  })

  it('has no regular expression feature newer than the target, even inside new RegExp()', () => {
    const code = readFileSync(EMBED_JS, 'utf8')
    // Lookbehind: Safari 16.4 (checked in WPE WebKit 2.38: SyntaxError). A bundler
    // turns the literal into `new RegExp(...)`, which parses but throws when run.
    expect(code).not.toMatch(/\(\?<[=!]/)
  })

  it('calls no built-in newer than the target', () => {
    const code = readFileSync(EMBED_JS, 'utf8')
    // First versions per MDN browser-compat-data (Safari / Firefox / Chrome); each is past one of the target's.
    const tooNew: Record<string, RegExp> = {
      'Array.prototype.at / String.prototype.at (15.4 / 90 / 92)': /\.at\(/,
      'Object.hasOwn (15.4 / 92 / 93)': /\bhasOwn\(/,
      'structuredClone (15.4 / 94 / 98)': /\bstructuredClone\b/,
      'Array.prototype.findLast (15.4 / 104 / 97)': /\.findLast(Index)?\(/,
      'String.prototype.replaceAll (13.1 / 77 / 85)': /\.replaceAll\(/,
      'Promise.any, AggregateError (14 / 79 / 85)': /\bPromise\.any\b|\bAggregateError\b/,
      'WeakRef, FinalizationRegistry (14.1 / 79 / 84)': /\bWeakRef\b|\bFinalizationRegistry\b/,
      'String.prototype.isWellFormed / toWellFormed (16.4 / 119 / 111)': /\.(is|to)WellFormed\(/,
      'Array.prototype.toSorted / toReversed / toSpliced (16 / 115 / 110)': /\.to(Sorted|Reversed|Spliced)\(/,
      'Object.groupBy (17.4 / 119 / 117)': /\bgroupBy\(/,
    }
    const found = Object.entries(tooNew)
      .filter(([, pattern]) => pattern.test(code))
      .map(([name]) => name)
    expect(found).toEqual([])
  })
})
