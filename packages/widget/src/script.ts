// dist/lambda-cost-calculator.js: a classic script for a page template (MkDocs,
// VitePress, plain HTML). The calculator is the script tag's data-calculator:
//   <script src=".../lambda-cost-calculator.js" data-calculator="https://calc.example.com/" defer></script>
import { defineLambdaCostCalculator } from './index'

// Read now: currentScript is only set while the script first runs (also with defer and async).
const script = document.currentScript as HTMLScriptElement | null
defineLambdaCostCalculator({ calculator: script?.dataset.calculator })
