import { ATTRIBUTES } from '../embed/protocol'
import { encode } from '../state/url-codec'
import type { CalculatorInputs } from '../state/store'
import type { EmbedSnippets } from '../ui/share-bar'

/** The URL key of each attribute, turned around: `m` -> `memory`. */
const ATTRIBUTE_OF_KEY = new Map(Object.entries(ATTRIBUTES).map(([name, spec]) => [spec.key, name]))
/** Readable values of the yes/no attributes (`free-tier`, `edge`, ...), whose link values are 1 and 0, by URL key. */
const READABLE: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map(
  Object.values(ATTRIBUTES)
    .filter((spec) => spec.aliases?.true === '1' && spec.aliases.false === '0')
    .map((spec) => [spec.key, { '1': 'true', '0': 'false' }]),
)

/**
 * The plain iframe's fixed height, px. It asks for the compact layout, whose one function is
 * under 600 px tall at any width from 280 px, so 640 px holds it. At 280 px wide, with the
 * longest usual values, a second function adds about 600 px (its card and heading, the first
 * one's heading, the note on how a line's cost is shared) and each further one about 350:
 * 560 and 380 cover them (test/e2e/embed.test.ts tries two).
 */
function iframeHeight(functions: number): number {
  return functions <= 1 ? 640 : 640 + 180 + 380 * (functions - 1)
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

/**
 * The two ways to embed the current estimate: embed.js with the element, and
 * a plain iframe for sites that allow no scripts. The element's attributes
 * describe one function; the iframe carries every function, in the compact
 * layout, at a height that holds them.
 */
export function embedSnippets(inputs: CalculatorInputs, appUrl: string): EmbedSnippets {
  const query = encode(inputs)
  const base = appUrl.endsWith('/') ? appUrl : `${appUrl}/`
  const first: CalculatorInputs = { ...inputs, functions: inputs.functions.slice(0, 1) }
  const attributes: string[] = []
  // The link always names its sheet (p), and so does the element: without `sheet` it would show the
  // classic sheet, as it always has. The link's `v` has no attribute.
  for (const [key, value] of new URLSearchParams(encode(first))) {
    const name = ATTRIBUTE_OF_KEY.get(key)
    if (!name) continue
    attributes.push(`${name}="${escapeAttribute(READABLE.get(key)?.[value] ?? value)}"`)
  }
  const iframeSrc = `${base}?embed=1&compact=1${query ? `&${query}` : ''}`
  return {
    script: `<script src="${base}embed.js" async></script>\n<lambda-cost-calculator ${attributes.join(' ')}></lambda-cost-calculator>`,
    iframe: `<iframe src="${escapeAttribute(iframeSrc)}" title="AWS Lambda cost calculator" width="100%" height="${iframeHeight(inputs.functions.length)}" style="border:0" loading="lazy"></iframe>`,
    note:
      inputs.functions.length > 1
        ? `The element's attributes describe the first function only; the plain iframe carries all ${inputs.functions.length} functions.`
        : undefined,
  }
}
