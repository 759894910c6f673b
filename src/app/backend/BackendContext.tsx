import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useAppState } from '../state/AppStateContext';
import { initBackend } from './initBackend';
import type { BackendInfo, BackendPreference } from './types';

export type BackendStatus = 'starting' | 'ready' | 'failed';

export interface BackendState {
  /** 'ready' once the backend for the current preference runs; 'starting' while one is being switched to. */
  status: BackendStatus;
  /** The backend last started successfully (kept while a switch is in progress). */
  info: BackendInfo | null;
  /** Why no backend could start, when status is 'failed'. */
  error: string | null;
  preference: BackendPreference;
  setPreference(preference: BackendPreference): void;
}

const BackendContext = createContext<BackendState | null>(null);

interface Outcome {
  preference: BackendPreference;
  info: BackendInfo | null;
  error: string | null;
}

/** Starts the backend named in the app state, and starts another whenever that choice changes. */
export function BackendProvider({ children }: { children: ReactNode }) {
  const [state, update] = useAppState();
  const preference = state.backend;
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let current = true;
    initBackend(preference).then(
      (info) => current && setOutcome({ preference, info, error: null }),
      (err: unknown) =>
        current &&
        setOutcome((prev) => ({
          preference,
          info: prev?.info ?? null,
          error: err instanceof Error ? err.message : String(err),
        })),
    );
    return () => {
      current = false;
    };
  }, [preference]);

  const setPreference = useCallback((next: BackendPreference) => update({ backend: next }), [update]);

  const value = useMemo<BackendState>(() => {
    const settled = outcome?.preference === preference;
    return {
      status: !settled ? 'starting' : outcome.error ? 'failed' : 'ready',
      info: outcome?.info ?? null,
      error: settled ? outcome.error : null,
      preference,
      setPreference,
    };
  }, [outcome, preference, setPreference]);

  return <BackendContext.Provider value={value}>{children}</BackendContext.Provider>;
}

/**
 * The active TensorFlow.js backend. Panels that compute should wait for status 'ready' and list
 * `info?.name` among their effect's dependencies, so they run again on a new backend.
 */
export function useBackend(): BackendState {
  const value = useContext(BackendContext);
  if (!value) throw new Error('useBackend must be used inside <BackendProvider>');
  return value;
}
