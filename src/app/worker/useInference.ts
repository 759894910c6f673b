import { useEffect, useSyncExternalStore } from 'react';
import { inferenceClient } from './inference';
import type { InferenceState } from './inferenceClient';

/** The inference worker's state, kept current. */
export function useInference(): InferenceState {
  const client = inferenceClient();
  return useSyncExternalStore(client.subscribe, client.getState);
}

/** Marks the calling component as one that asks the worker for results, while it is mounted. */
export function useWantInference(): void {
  useEffect(() => inferenceClient().want(), []);
}
