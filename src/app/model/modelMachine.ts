/**
 * The shared model's life as a pure state machine: what to download, what to build, what to hand out and
 * what to dispose. The controller (modelController.ts) feeds it events and does what its state asks for:
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
 * The same cache keeps what "Compare cardinalities" runs (`kept`): each compared model's weights, for the
 * page's lifetime, and the model built from them on the current backend, so that a second comparison
 * downloads and builds nothing. The two share downloads: a model chosen in the menu after a comparison is
 * built from the weights the comparison keeps, and a comparison keeps the menu's weights of a model it runs.
 * The comparison borrows a kept model and gives it back; a model is retired (weights stay) when the backend
 * changes, when the comparison is closed, when the store goes away, and, once a model is given back, most
 * recently used first while the kept models' tensors exceed `keptBudget` bytes: the models kept first stay,
 * so a comparison of more models than fit reuses those and rebuilds only the rest (least recently used first
 * would rebuild every one). A model still lent out is retired only once
 * given back (`lent`), so none is disposed while a comparison runs it.
 *
 * Generic in the weights (F), the model (M) and the error (E), so it can be tested without TensorFlow.js.
 */

import { KEPT_MODELS_BUDGET_BYTES } from '../../resnext/budget';
import { CUSTOM_MODEL_ID } from './modelCatalog';

export type Phase = 'idle' | 'downloading' | 'building' | 'ready' | 'error';

interface Progress {
  loaded: number;
  total: number | null;
  /** how many times the download stalled and restarted (0 when it never did) */
  restarts?: number;
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
  /** the comparison's weights and models by model id, least recently used first */
  kept: ReadonlyMap<string, Kept<F, M>>;
  /** models dropped from `kept` while lent out, with how many borrowers still hold them */
  lent: ReadonlyMap<M, number>;
  /** most tensor bytes the kept models may hold while none of them is lent out */
  keptBudget: number;
}

/** A compared model's weights, and the model built from them on the current backend. */
interface Kept<F, M> {
  file: F;
  /** built on the state's backend; null until built, or once retired */
  model: M | null;
  /** bytes of the model's tensors (0 without a model) */
  bytes: number;
  /** borrowers holding the model now */
  users: number;
}

/** The bound on the kept models' tensors, within the page's tensor budget (src/resnext/budget.ts). */
export const KEPT_BUDGET_BYTES = KEPT_MODELS_BUDGET_BYTES;

export type MachineEvent<F, M, E> =
  /** sections need the model (or none does any more) */
  | { type: 'need'; wanted: boolean }
  /** the backend changed: its name once ready, null while another starts */
  | { type: 'backend'; backend: string | null }
  /** another model was chosen */
  | { type: 'model'; modelId: string }
  /** the reader's own weights, read and checked: they replace any earlier ones */
  | { type: 'custom'; id: string; file: F }
  | { type: 'progress'; run: number; loaded: number; total: number | null; restarts?: number }
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
  /** a compared model's weights arrived (kept for the page's lifetime; weights already kept stay) */
  | { type: 'keepWeights'; id: string; file: F }
  /**
   * A model built from `id`'s kept weights on `backend`, with its tensors' bytes: kept and lent to its
   * builder, unless the backend is no longer current or `id` has a model already (then it is retired).
   */
  | { type: 'keepModel'; id: string; backend: string; model: M; bytes: number }
  /** the kept model of `id` is lent out once more */
  | { type: 'borrow'; id: string }
  /** a borrower is done with this model */
  | { type: 'giveBack'; model: M }
  /** the comparison is closed: the kept models are retired, their weights stay */
  | { type: 'closeKept' }
  /** the store is going away: the model is retired, the cache emptied */
  | { type: 'dispose' };

export function initialState<F, M, E>(
  modelId: string,
  keptBudget = KEPT_BUDGET_BYTES,
): MachineState<F, M, E> {
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
    kept: new Map(),
    lent: new Map(),
    keptBudget,
  };
}

/** Bytes of the kept models' tensors. */
export const keptBytes = <F, M, E>(s: MachineState<F, M, E>): number =>
  [...s.kept.values()].reduce((n, k) => n + k.bytes, 0);

/** Lets go of every kept model: an idle one is retired, one lent out waits in `lent`. Weights stay. */
function dropKept<F, M, E>(s: MachineState<F, M, E>): MachineState<F, M, E> {
  if (![...s.kept.values()].some((k) => k.model)) return s;
  const kept = new Map<string, Kept<F, M>>();
  const lent = new Map(s.lent);
  const retired = [...s.retired];
  for (const [id, k] of s.kept) {
    if (k.model && k.users > 0) lent.set(k.model, k.users);
    else if (k.model) retired.push(k.model);
    kept.set(id, { file: k.file, model: null, bytes: 0, users: 0 });
  }
  return { ...s, kept, lent, retired };
}

/** Retires idle kept models, most recently used first, while the kept models exceed the budget. */
function fitBudget<F, M, E>(s: MachineState<F, M, E>): MachineState<F, M, E> {
  let total = keptBytes(s);
  if (total <= s.keptBudget) return s;
  const kept = new Map(s.kept);
  const retired = [...s.retired];
  for (const [id, k] of [...kept].reverse()) {
    if (total <= s.keptBudget) break;
    if (!k.model || k.users > 0) continue;
    retired.push(k.model);
    total -= k.bytes;
    kept.set(id, { file: k.file, model: null, bytes: 0, users: 0 });
  }
  return { ...s, kept, retired };
}

/** `kept` with `id`'s entry replaced and moved to the most recently used end. */
function touch<F, M>(
  kept: ReadonlyMap<string, Kept<F, M>>,
  id: string,
  k: Kept<F, M>,
): Map<string, Kept<F, M>> {
  const next = new Map(kept);
  next.delete(id);
  next.set(id, k);
  return next;
}

/** `files` with `id`'s weights in place of the previous shipped model's; the reader's own stay. */
function shippedFiles<F>(files: ReadonlyMap<string, F>, id: string, file: F): ReadonlyMap<string, F> {
  const next = new Map([...files].filter(([k]) => k === CUSTOM_MODEL_ID || k === id));
  next.set(id, file);
  return next;
}

/** The weights a build in this state would use, if they are in the cache. */
export const currentFile = <F, M, E>(s: MachineState<F, M, E>): F | undefined => s.files.get(s.modelId);

/**
 * Drops the current model (to `retired`) and starts another load for the current model id and backend:
 * `building` when its weights are cached (or kept by the comparison, unless `useKept` is false),
 * `downloading` when not; `idle` when no section needs it yet.
 */
function restart<F, M, E>(s: MachineState<F, M, E>, useKept = true): MachineState<F, M, E> {
  // A model the comparison has run is built from the weights it keeps, as if just downloaded.
  const keptFile = !useKept || s.files.has(s.modelId) ? undefined : s.kept.get(s.modelId)?.file;
  const files = keptFile ? shippedFiles(s.files, s.modelId, keptFile) : s.files;
  const cached = files.has(s.modelId);
  return {
    ...s,
    files,
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

    case 'backend': {
      if (e.backend === s.backend) return s;
      // Kept models live on the old backend too; their weights stay for the next comparison.
      const t = dropKept({ ...s, backend: e.backend });
      // A failed download does not depend on the backend: it waits for the reader's retry.
      if (t.phase === 'error' && !t.files.has(t.modelId)) return t;
      // The model lives on one backend: a new one (or none, while one starts) needs another build.
      return restart(t);
    }

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
      return {
        ...s,
        progress: { loaded: e.loaded, total: e.total, ...(e.restarts ? { restarts: e.restarts } : {}) },
      };

    case 'downloaded': {
      // Weights of a model no longer chosen are not kept.
      if (e.id !== s.modelId || s.phase !== 'downloading') return s;
      return { ...s, files: shippedFiles(s.files, e.id, e.file), phase: 'building' };
    }

    case 'built':
      if (e.run !== s.run || s.phase !== 'building') return { ...s, retired: [...s.retired, e.model] };
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
      // downloaded again, not taken from the comparison's copy: the same bytes may be what failed
      return restart({ ...s, files }, false);
    }

    case 'disposed': {
      const gone = new Set(e.models);
      return { ...s, retired: s.retired.filter((m) => !gone.has(m)) };
    }

    case 'keepWeights':
      if (s.kept.has(e.id)) return s;
      return { ...s, kept: touch(s.kept, e.id, { file: e.file, model: null, bytes: 0, users: 0 }) };

    case 'keepModel': {
      const k = s.kept.get(e.id);
      // Built on a backend since left, or a second time: no one may use it.
      if (!k || k.model || e.backend !== s.backend) return { ...s, retired: [...s.retired, e.model] };
      // lent to its builder: the budget is kept when it is given back
      return { ...s, kept: touch(s.kept, e.id, { file: k.file, model: e.model, bytes: e.bytes, users: 1 }) };
    }

    case 'borrow': {
      const k = s.kept.get(e.id);
      if (!k?.model) return s;
      return { ...s, kept: touch(s.kept, e.id, { ...k, users: k.users + 1 }) };
    }

    case 'giveBack': {
      const held = s.lent.get(e.model);
      if (held !== undefined) {
        const lent = new Map(s.lent);
        if (held > 1) lent.set(e.model, held - 1);
        else lent.delete(e.model);
        return held > 1 ? { ...s, lent } : { ...s, lent, retired: [...s.retired, e.model] };
      }
      const entry = [...s.kept].find(([, k]) => k.model === e.model && k.users > 0);
      if (!entry) return s;
      const [id, k] = entry;
      const kept = new Map(s.kept);
      kept.set(id, { ...k, users: k.users - 1 });
      // the budget may have been exceeded while it was lent out
      return fitBudget({ ...s, kept });
    }

    case 'closeKept':
      return dropKept(s);

    case 'dispose': {
      // Everything goes, lent-out models too: their borrowers go away with the store.
      const kept = [...s.kept.values()].flatMap((k) => (k.model ? [k.model] : []));
      return {
        ...initialState<F, M, E>(s.modelId, s.keptBudget),
        run: s.run + 1,
        retired: [...s.retired, ...(s.model ? [s.model] : []), ...kept, ...s.lent.keys()],
      };
    }
  }
}

/** What the store reports: 'loading' covers downloading and building. */
export function publicStatus(phase: Phase): 'idle' | 'loading' | 'ready' | 'error' {
  return phase === 'downloading' || phase === 'building' ? 'loading' : phase;
}
