/**
 * Text as people see it: characters are grapheme clusters (an emoji with a
 * skin tone is one character, not four UTF-16 units), and characters that
 * change how text around them is shown without being visible themselves are
 * removed before any text is quoted back to a user.
 */

/**
 * Control characters, bidirectional controls (U+202A-U+202E, U+2066-U+2069),
 * and invisible characters (U+200B-U+200F, U+061C, U+FEFF, U+2028, U+2029):
 * a quoted `‮215` would otherwise print the message around it backwards.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null

/**
 * `text` without control, bidirectional-control and invisible characters.
 *
 * @example stripUnsafeCharacters('\u202e215') // '215'
 */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE, '')
}

/** Text of printable ASCII only (space to tilde): each unit is one grapheme cluster. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/** The grapheme clusters of `text`, at most `limit` of them. */
function graphemes(text: string, limit: number): string[] {
  const out: string[] = []
  if (segmenter) {
    for (const { segment } of segmenter.segment(text)) {
      if (out.length >= limit) break
      out.push(segment)
    }
    return out
  }
  for (const cp of text) {
    if (out.length >= limit) break
    out.push(cp)
  }
  return out
}

/**
 * How many characters a person counts in `text` (grapheme clusters).
 * Counting stops at `limit + 1`, so checking a huge text against a limit is cheap.
 *
 * @example characterCount('\u{1F44D}\u{1F3FD}ok') // 3
 */
export function characterCount(text: string, limit = Number.MAX_SAFE_INTEGER): number {
  // Each character is at least one UTF-16 unit: a short text needs no segmenting.
  if (text.length <= 1) return text.length
  // Printable ASCII is one character per unit: names as most people type them need no segmenting.
  if (PRINTABLE_ASCII.test(text)) return Math.min(text.length, limit + 1)
  return graphemes(text, limit + 1).length
}

/**
 * The first `max` characters (grapheme clusters) of `text`: a text cut to a
 * limit never ends inside an emoji or before its combining accent.
 *
 * @example firstCharacters('\u{1F44D}\u{1F3FD}ok', 2) // '\u{1F44D}\u{1F3FD}o'
 */
export function firstCharacters(text: string, max: number): string {
  if (text.length <= max) return text
  return graphemes(text, max).join('')
}

/**
 * `text` as quoted in a message: unsafe characters removed, cut to `max`
 * characters (never inside an emoji) with `…`, in plain double quotes, not
 * JSON-escaped: what was typed is what is shown.
 *
 * @example quoteText('"><img src=x>') // '""><img src=x>"'
 * @example quoteText('a'.repeat(50), 40) // '"aaaa…aaaa…"' (40 a's, then …)
 */
export function quoteText(text: string, max = 40): string {
  const clean = stripUnsafeCharacters(text)
  const kept = graphemes(clean, max + 1)
  const shown = kept.length > max ? `${kept.slice(0, max).join('')}\u2026` : clean
  return `"${shown}"`
}

/**
 * Items joined as a list of alternatives, for messages.
 *
 * @example orList(['x86', 'arm']) // 'x86 or arm'
 * @example orList(['a', 'b', 'c']) // 'a, b or c'
 */
export function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : (items[0] ?? '')
}
