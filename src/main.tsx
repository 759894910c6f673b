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
import './app/styles.css';

// The weights download alongside everything else from the start: the loader takes this download over.
preloadDefaultWeights();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

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

registerServiceWorker();
