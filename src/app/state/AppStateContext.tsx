import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { normalizeState, serializeState, type AppState } from './appState';
import { isCatalogLoaded, loadCatalog } from '../../i18n/runtime';
import { readLocationState, tidyLocation, writeLocationState } from './locationState';

export type UpdateAppState = (patch: Partial<AppState>) => void;

const AppStateContext = createContext<readonly [AppState, UpdateAppState] | null>(null);

/**
 * Holds the app state and keeps it in step with the URL: a change of section adds a history entry
 * (so Back returns to the previous section), any other change replaces the current one.
 */
export function AppStateProvider({ children }: { children: ReactNode }) {
  const [state, setShown] = useState(readLocationState);
  // The latest state, so several updates in one event each build on the one before.
  const latest = useRef(state);
  // A state in another language is shown once that language's catalog has loaded (src/i18n/runtime.ts).
  const setState = useCallback((next: AppState) => {
    if (isCatalogLoaded(next.lang)) setShown(next);
    else
      loadCatalog(next.lang).then(
        () => latest.current === next && setShown(next),
        () => undefined,
      );
  }, []);

  const update = useCallback<UpdateAppState>(
    (patch) => {
      const prev = latest.current;
      const next = normalizeState({ ...prev, ...patch });
      if (serializeState(next) === serializeState(prev)) return;
      latest.current = next;
      writeLocationState(next, next.section !== prev.section ? 'push' : 'replace');
      setState(next);
    },
    [setState],
  );

  useEffect(() => {
    tidyLocation();
    const onPopState = () => {
      tidyLocation();
      const restored = readLocationState();
      latest.current = restored;
      setState(restored);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [setState]);

  const value = useMemo(() => [state, update] as const, [state, update]);
  return <AppStateContext.Provider value={value}>{children}</AppStateContext.Provider>;
}

/** The app state and a function that merges a patch into it. */
export function useAppState(): [AppState, UpdateAppState] {
  const value = useContext(AppStateContext);
  if (!value) throw new Error('useAppState must be used inside <AppStateProvider>');
  return [value[0], value[1]];
}
