// embed.js: defines <lambda-cost-calculator> for docs pages. Plain DOM, no
// React; builds to one small classic script (vite build --mode embed).
import { defineCalculatorElement } from './element'

// No exports: the IIFE build then adds no global to the host page.

// The calculator lives next to this script: https://calc.example/base/embed.js
// -> app https://calc.example/base/. Captured now: currentScript is only set
// while the script first runs.
// Written without ?. : at embed.js's build target (Safari 14) each one costs a helper's bytes.
const current = document.currentScript as HTMLScriptElement | null
const scripts = document.querySelectorAll<HTMLScriptElement>('script[src$="embed.js"]')
const script = (current && current.src) || (scripts.length > 0 && scripts[scripts.length - 1]!.src) || 'embed.js'
defineCalculatorElement(new URL('./', new URL(script, document.baseURI)))
