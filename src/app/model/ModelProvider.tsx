import type { ReactNode } from 'react';
import { ImageStoreProvider } from './ImageStore';
import { ModelStoreProvider } from './ModelStore';

/**
 * The app-wide model and picture shared by Classify, Block forms and Step-through. Goes inside
 * <BackendProvider> (it rebuilds the model when the backend changes).
 */
export function ModelProvider({ children }: { children: ReactNode }) {
  return (
    <ModelStoreProvider>
      <ImageStoreProvider>{children}</ImageStoreProvider>
    </ModelStoreProvider>
  );
}
