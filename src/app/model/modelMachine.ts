/**
 * The shared model's life as a pure state machine: what to download, what to build, what to hand out and
 * what to dispose. The store (ModelStore.tsx) feeds it events and carries out what its state asks for:
 *
 *   idle ──need──▶ downloading ──downloaded──▶ building ──built──▶ ready
 *                        │                        │
 *                        └────────failed──────────┴──▶ error ──retry──▶ downloading | building
 *
 * A change of model, backend or custom weights starts over from `downloading` (or `building`, when the
 * weights are in the cache). The machine never disposes anything itself: a model it lets go of (replaced,
 * or built for a request that is no longer current) goes to `retired`, which the store disposes once the
 * new state has been published, and then acknowledges with `disposed`.
 *
 * One cache holds parsed weights: the current shipped model's (kept when the backend changes, so the model
 * is rebuilt without downloading again) and the reader's own (which cannot be fetched again). A shipped
 * model's weights replace the previous shipped model's when they arrive; a retry forgets only the failed
 * model's weights.
 *
 * Generic in the weights (F), the model (M) and the error (E), so it can be tested without TensorFlow.js.
 */

import { CUSTOM_MODEL_ID } from './modelCatalog';

export type Phase = 'idle' | 'downloading' | 'building' | 'ready' | 'error';

export interface Progress {
  loaded: number;
  total: number | null;
}

export interface MachineState<F, M, E> {
  phase: Phase;
  /** the model id to show (a shipped id, or the custom id while custom weights are cached) */
  modelId: string;
  /** the backend models are built on; null while one is starting */
  backend: string | null;
  /** whether a section needs the model: nothing is downloaded or built until one does */
  wanted: boolean;
  /** counts the loads started; a result that carries an older number is stale */
  run: number;
  /** parsed weights by model id: at most the current shipped model's and the custom ones */
  files: ReadonlyMap<string, F>;
  /** the model built for `run` (phase 'ready' only) */
  model: M | null;
  /** bytes downloaded for this load ('downloading'; kept at its last value while building) */
  progress: Progress | null;
  error: E | null;
  /** models no one may use any more, still to be disposed by the store */
  retired: readonly M[];
}

export type MachineEvent<F, M, E> =
  /** sections need the model (or none does any more) */
  | { type: 'need'; wanted: boolean }
  /** the backend changed: its name once ready, null while another starts */
  | { type: 'backend'; backend: string | null }
  /** another model was chosen */
  | { type: 'model'; modelId: string }
  /** the reader's own weights, read and checked: they replace any earlier ones */
  | { type: 'custom'; id: string; file: F }
  | { type: 'progress'; run: number; loaded: number; total: number | null }
  /** a shipped model's weights arrived (the download is per model id, not per run) */
  | { type: 'downloaded'; id: string; file: F }
  /** the download of a shipped model's weights failed */
  | { type: 'downloadFailed'; id: string; error: E }
  | { type: 'built'; run: number; model: M }
  /** the build of `run` failed */
  | { type: 'failed'; run: number; error: E }
  | { type: 'retry' }
  /** the store disposed these retired models */
  | { type: 'disposed'; models: readonly M[] }
  /** the store is going away: the model is retired, the cache emptied */
  | { type: 'dispose' };

export function initialState<F, M, E>(modelId: string): MachineState<F, M, E> {
  return {
    phase: 'idle',
    modelId,
    backend: null,
    wanted: false,
    run: 0,
    files: new Map(),
    model: null,
    progress: null,
    error: null,
    retired: [],
  };
}

/** The weights a build in this state would use, if they are in the cache. */
export const currentFile = <F, M, E>(s: MachineState<F, M, E>): F | undefined => s.files.get(s.modelId);

/**
 * Drops the current model (to `retired`) and starts another load for the current model id and backend:
 * `building` when its weights are cached, `downloading` when not; `idle` when no section needs it yet.
 */
function restart<F, M, E>(s: MachineState<F, M, E>): MachineState<F, M, E> {
  const cached = s.files.has(s.modelId);
  return {
    ...s,
    phase: !s.wanted ? 'idle' : cached ? 'building' : 'downloading',
    run: s.run + 1,
    model: null,
    progress: !s.wanted || cached ? null : { loaded: 0, total: null },
    error: null,
    retired: s.model ? [...s.retired, s.model] : s.retired,
  };
}

export function modelReducer<F, M, E>(
  s: MachineState<F, M, E>,
  e: MachineEvent<F, M, E>,
): MachineState<F, M, E> {
  switch (e.type) {
    case 'need':
      if (e.wanted === s.wanted) return s;
      // Losing every user keeps what is there (the next section to need it gets it at once).
      if (!e.wanted) return { ...s, wanted: false };
      return s.phase === 'idle' ? restart({ ...s, wanted: true }) : { ...s, wanted: true };

    case 'backend':
      if (e.backend === s.backend) return s;
      // A failed download does not depend on the backend: it waits for the reader's retry.
      if (s.phase === 'error' && !s.files.has(s.modelId)) return { ...s, backend: e.backend };
      // The model lives on one backend: a new one (or none, while one starts) needs another build.
      return restart({ ...s, backend: e.backend });

    case 'model':
      if (e.modelId === s.modelId) return s;
      return restart({ ...s, modelId: e.modelId });

    case 'custom': {
      const files = new Map(s.files);
      files.set(e.id, e.file);
      const next = { ...s, files };
      // New weights under the id in use are another model; under another id they wait for 'model'.
      return s.modelId === e.id ? restart(next) : next;
    }

    case 'progress':
      if (e.run !== s.run || s.phase !== 'downloading') return s;
      return { ...s, progress: { loaded: e.loaded, total: e.total } };

    case 'downloaded': {
      // Weights of a model no longer chosen are not kept.
      if (e.id !== s.modelId || s.phase !== 'downloading') return s;
      // The new shipped model's weights replace the previous shipped model's; custom ones stay.
      const files = new Map([...s.files].filter(([id]) => id === CUSTOM_MODEL_ID || id === e.id));
      files.set(e.id, e.file);
      return { ...s, files, phase: 'building' };
    }

    case 'built':
      if (e.run !== s.run || s.phase !== 'building')
        return { ...s, retired: [...s.retired, e.model] };
      return { ...s, phase: 'ready', model: e.model, progress: null, error: null };

    case 'downloadFailed':
      if (e.id !== s.modelId || s.phase !== 'downloading') return s;
      return { ...s, phase: 'error', progress: null, error: e.error };

    case 'failed':
      if (e.run !== s.run || s.phase !== 'building') return s;
      return { ...s, phase: 'error', progress: null, error: e.error };

    case 'retry': {
      if (s.phase !== 'error') return s;
      // Only the failed model's weights are forgotten (they may be what failed); the reader's own cannot
      // be downloaded again and stay.
      const files = new Map(s.files);
      if (s.modelId !== CUSTOM_MODEL_ID) files.delete(s.modelId);
      return restart({ ...s, files });
    }

    case 'disposed': {
      const gone = new Set(e.models);
      return { ...s, retired: s.retired.filter((m) => !gone.has(m)) };
    }

    case 'dispose':
      return {
        ...initialState<F, M, E>(s.modelId),
        run: s.run + 1,
        retired: s.model ? [...s.retired, s.model] : s.retired,
      };
  }
}

/** What the store reports: 'loading' covers downloading and building. */
export function publicStatus(phase: Phase): 'idle' | 'loading' | 'ready' | 'error' {
  return phase === 'downloading' || phase === 'building' ? 'loading' : phase;
}
