import type { Plugin } from 'vite'
import { loaderField } from '../src/embed/protocol'
import { ACCOUNT_FIELDS, FUNCTION_FIELDS } from '../src/engine/fields'

// What every build of the docs element shares: embed.js (vite.config.ts) and
// the widget package (scripts/build-packages.ts).

/**
 * The element reads the engine's table of fields for its attributes, but only
 * each field's key, type, link key, attribute and choices' codes (`LoaderField`
 * in src/embed/protocol.ts): its builds get just those, not the labels, hints
 * and messages the app shows (about 1.2 KB gzipped).
 */
export function loaderFieldsOnly(): Plugin {
  const fields = /[\\/]src[\\/]engine[\\/]fields\.ts$/
  return {
    name: 'loader-fields-only',
    load(id) {
      if (fields.test(id))
        return [
          `export const ACCOUNT_FIELDS = ${JSON.stringify(ACCOUNT_FIELDS.map(loaderField))}`,
          `export const FUNCTION_FIELDS = ${JSON.stringify(FUNCTION_FIELDS.map(loaderField))}`,
        ].join('\n')
    },
  }
}

/**
 * The browsers the element must still run in: a docs reader's browser may be
 * years older than the app's own baseline. Safari 14 (iOS 14 devices that
 * stopped updating), Firefox 78 ESR and Chrome 80.
 * test/e2e/cross-engine/embed-target.test.ts parses dist/embed.js at this target.
 */
export const EMBED_TARGET = ['safari14', 'firefox78', 'chrome80']
