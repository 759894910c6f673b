import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/AppRoot';
import { prefetchSample } from './app/model/ImageStore';
import { registerServiceWorker } from './app/offline/serviceWorker';
import { watchFirstFigure } from './app/startup/firstFigure';
import { showsPicture } from './app/startup/firstFigures';
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
  void import('./app/model/preload').then((m) => m.preloadDefaultWeights());
  registerServiceWorker();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Only the language the page is shown in is loaded (src/i18n/runtime.ts), and the section on screen is in before
// the first render, which then draws it at once (src/app/sectionRegistry.ts); the head's script
// (src/app/startup/sectionPreloadScript.js) asked for both beside the main bundle. A section that fails to load
// is loaded again, and its error shown, by the section's own view.
// Where the first figure is the sample photo (the head's script asked for it too), it is decoded before then.
const { lang, section, sample } = readLocationState();
await Promise.all([
  loadCatalog(lang),
  loadSection(section).catch(() => undefined),
  showsPicture(section) ? prefetchSample(sample) : undefined,
]);

// As a transition, the first render yields to the browser every few milliseconds instead of holding the main
// thread for the whole tree (a phone's input and frames are not kept waiting).
startTransition(() => createRoot(root).render(<AppRoot />));
