// embed.js: defines <lambda-cost-calculator> for docs pages. Plain DOM, no
// React; builds to one small classic script (vite build --mode embed).
import { defineCalculatorElement } from './element'

// No exports: the IIFE build then adds no global to the host page.

// The calculator lives next to this script: https://calc.example/base/embed.js
// -> app https://calc.example/base/. Captured now: currentScript is only set
// while the script first runs.
const script =
  (document.currentScript as HTMLScriptElement | null)?.src ||
  [...document.querySelectorAll<HTMLScriptElement>('script[src$="embed.js"]')].pop()?.src ||
  ''
defineCalculatorElement(new URL('./', new URL(script || 'embed.js', document.baseURI)))
