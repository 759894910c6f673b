import { StrictMode } from 'react';
import { App } from './App';
import { BackendProvider } from './backend/BackendContext';
import { CanaryProvider } from './backend/CanaryContext';
import { ModelProvider } from './model/ModelProvider';
import { AppStateProvider } from './state/AppStateContext';
import { InferenceGate } from './worker/InferenceGate';

/** The whole app with its providers: what src/main.tsx renders, and what the first paint is drawn from. */
export function AppRoot() {
  return (
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
    </StrictMode>
  );
}
