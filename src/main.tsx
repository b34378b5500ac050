import './ui/styles.css'
import './app/start-fallback.css'

// Composition root: read URL -> create store -> start URL sync -> hydrate (or mount) App or EmbedApp.
// The built page's HTML already shows the total and the bill (prerendered at build time): the
// code that makes them live loads by this import, requested as soon as the page is parsed.
void import('./app/start')
  .then((m) => m.start(document.getElementById('root')!))
  // Escape closes any disclosure the focus is in; not needed for the first total, so loaded after it.
  .then(() => import('./ui/disclosure-escape'))
  .then((m) => m.closeDisclosuresOnEscape(document))
