import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/AppRoot';
import { preloadDefaultWeights } from './app/model/preload';
import { registerServiceWorker } from './app/offline/serviceWorker';
import { watchFirstFigure } from './app/startup/firstFigure';
import { endFirstPaint } from './app/startup/firstPaint/endFirstPaint';
import { loadSection } from './app/sectionRegistry';
import { readLocationState } from './app/state/locationState';
import { loadCatalog } from './i18n/runtime';
import './app/styles.css';

// The section's first figure paints before the engine, the weights and the service worker start
// (src/app/startup/firstFigure.ts); then the first paint gives way to it (src/app/startup/firstPaint/), the
// weights download at once, and the loader takes that download over.
void watchFirstFigure().then(() => {
  endFirstPaint();
  preloadDefaultWeights();
  registerServiceWorker();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Only the language the page is shown in is loaded (src/i18n/runtime.ts), and the section on screen is in before
// the first render, which then draws it at once (src/app/sectionRegistry.ts); the head's script
// (src/app/startup/sectionPreloadScript.js) asked for both beside the main bundle. A section that fails to load
// is loaded again, and its error shown, by the section's own view.
const { lang, section } = readLocationState();
await Promise.all([loadCatalog(lang), loadSection(section).catch(() => undefined)]);

// As a transition, the first render yields to the browser every few milliseconds instead of holding the main
// thread for the whole tree (a phone's input and frames are not kept waiting).
startTransition(() => createRoot(root).render(<AppRoot />));
