import { start } from './app/start'
import './ui/styles.css'

// Composition root: read URL -> create store -> start URL sync -> mount App or EmbedApp.
start(document.getElementById('root')!)
// Escape closes any disclosure the focus is in; not needed for the first total, so loaded after it.
void import('./ui/disclosure-escape').then((m) => m.closeDisclosuresOnEscape(document))
