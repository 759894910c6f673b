import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { BackendProvider } from './app/backend/BackendContext';
import { CanaryProvider } from './app/backend/CanaryContext';
import { InferenceGate } from './app/worker/InferenceGate';
import { ModelProvider } from './app/model/ModelProvider';
import { preloadDefaultWeights } from './app/model/preload';
import { registerServiceWorker } from './app/offline/serviceWorker';
import { AppStateProvider } from './app/state/AppStateContext';
import { watchFirstFigure } from './app/startup/firstFigure';
import { readLocationState } from './app/state/locationState';
import { loadCatalog } from './i18n/runtime';
import './app/styles.css';

// The section's first figure paints before the engine, the weights and the service worker start
// (src/app/startup/firstFigure.ts); then the weights download at once, and the loader takes that download over.
void watchFirstFigure().then(() => {
  preloadDefaultWeights();
  registerServiceWorker();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Only the language the page is shown in is loaded (src/i18n/runtime.ts); public/section-preload.js asked for
// it beside the main bundle.
await loadCatalog(readLocationState().lang);

createRoot(root).render(
  <StrictMode>
    <AppStateProvider>
      <BackendProvider>
        <ModelProvider>
          <CanaryProvider>
            <InferenceGate>
              <App />
            </InferenceGate>
          </CanaryProvider>
        </ModelProvider>
      </BackendProvider>
    </AppStateProvider>
  </StrictMode>,
);
