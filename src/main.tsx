import { start } from './app/start'
import './ui/styles.css'

// Composition root: read URL -> create store -> start URL sync -> mount App or EmbedApp.
start(document.getElementById('root')!)
