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
import { afterFirstFigure } from '../startup/firstFigure';
import { useAppState } from '../state/AppStateContext';
import { watchGpuLoss } from './gpuLoss';
import { initBackend } from './initBackend';
import type { SelectOptions } from './selectBackend';
import type { BackendAttempt, BackendInfo, BackendName, BackendPreference } from './types';

/** How often a backend may lose its GPU and be started again before others are tried instead. */
const MAX_RESTARTS = 1;

type BackendStatus = 'starting' | 'ready' | 'failed';

export interface BackendState {
  /** 'ready' once the backend for the current preference runs; 'starting' while one is being switched to. */
  status: BackendStatus;
  /** The backend last started successfully (kept while a switch is in progress). */
  info: BackendInfo | null;
  /** Why no backend could start, when status is 'failed' (the thrown value; see backendFailureText). */
  error: unknown;
  preference: BackendPreference;
  setPreference(preference: BackendPreference): void;
  /**
   * Stops trusting a backend that computed wrongly once started (the canary): it is not started again on
   * this page, and when it is the one in use the next one starts, saying why (`attempt`).
   */
  distrust(attempt: BackendAttempt): void;
  /** The backends distrusted so far, in order (see `distrust`). */
  distrusted: readonly BackendAttempt[];
}

const BackendContext = createContext<BackendState | null>(null);

interface Outcome {
  preference: BackendPreference;
  /** how many GPU losses had happened when this backend was started */
  epoch: number;
  info: BackendInfo | null;
  error: unknown;
}

interface Loss {
  /** the epoch the loss started */
  epoch: number;
  name: BackendName;
  preference: BackendPreference;
}

/**
 * Starts the backend named in the app state, and starts another whenever that choice changes. When the
 * GPU backend in use loses its WebGL context or WebGPU device, it is started again (status 'starting' in
 * between, so the model and every panel rebuild on it); after repeated losses, another backend takes over.
 * A backend distrusted after the canary is passed over from then on, whatever the preference.
 */
export function BackendProvider({ children }: { children: ReactNode }) {
  const [state, update] = useAppState();
  const preference = state.backend;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [epoch, setEpoch] = useState(0);
  const lastLoss = useRef<Loss | null>(null);
  const lossCounts = useRef(new Map<BackendName, number>());
  const distrusted = useRef<BackendAttempt[]>([]);
  const running = useRef<BackendName | null>(null);

  useEffect(() => {
    let current = true;
    let stopWatching = () => {};
    const loss = lastLoss.current;
    const options: SelectOptions = {};
    if (distrusted.current.length > 0) options.failed = [...distrusted.current];
    // A new choice of backend is honoured as made; a loss only shapes the restart it caused.
    if (loss && loss.preference !== preference) lastLoss.current = null;
    else if (loss && loss.epoch === epoch) {
      options.lost = loss.name;
      options.exclude = [...lossCounts.current].filter(([, n]) => n > MAX_RESTARTS).map(([name]) => name);
    }
    // The first figure paints before the engine loads (src/app/startup/firstFigure.ts).
    afterFirstFigure()
      .then(() => (current ? initBackend(preference, options) : new Promise<never>(() => {})))
      .then(
        (info) => {
          if (!current) return;
          running.current = info.name;
          setOutcome({ preference, epoch, info, error: null });
          stopWatching = watchGpuLoss(info.name, (detail) => {
            console.warn(`${detail}: starting the compute backend again`);
            lossCounts.current.set(info.name, (lossCounts.current.get(info.name) ?? 0) + 1);
            lastLoss.current = { epoch: epoch + 1, name: info.name, preference };
            setEpoch(epoch + 1);
          });
        },
        (err: unknown) =>
          current &&
          setOutcome((prev) => ({
            preference,
            epoch,
            info: prev?.info ?? null,
            error: err ?? new Error('backend failed'),
          })),
      );
    return () => {
      current = false;
      stopWatching();
    };
  }, [preference, epoch]);

  const setPreference = useCallback((next: BackendPreference) => update({ backend: next }), [update]);

  const distrust = useCallback((attempt: BackendAttempt) => {
    if (distrusted.current.some((a) => a.name === attempt.name)) return;
    distrusted.current = [...distrusted.current, attempt];
    console.warn(
      `${attempt.name} ${attempt.message ?? 'computes wrongly'}: starting the next compute backend`,
    );
    if (running.current === attempt.name) setEpoch((e) => e + 1);
  }, []);

  const value = useMemo<BackendState>(() => {
    const settled = outcome?.preference === preference && outcome.epoch === epoch;
    return {
      status: !settled ? 'starting' : outcome.error != null ? 'failed' : 'ready',
      info: outcome?.info ?? null,
      error: settled ? (outcome.error ?? null) : null,
      preference,
      setPreference,
      distrust,
      distrusted: distrusted.current,
    };
  }, [outcome, preference, epoch, setPreference, distrust]);

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
