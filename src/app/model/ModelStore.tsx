import {
  createContext,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { ModelManifest } from '../../resnext/modelManifest';
import type { ResNeXtModel } from '../../resnext/model';
import type { SafetensorsFile } from '../../resnext/safetensors';
import { useBackend } from '../backend/BackendContext';
import { useAppState } from '../state/AppStateContext';
import { expectedBytes, withExpectedTotal, type ByteProgress } from './downloadTotal';
import { loadManifest, loadedManifest } from './manifest';
import { CUSTOM_MODEL_ID, DEFAULT_MODEL_ID, shippedModel } from './modelCatalog';
import {
  buildMeasuredModel,
  buildModel,
  checkArchitecture,
  fetchShippedFile,
  fetchWeightsUrl,
  readWeightsFile,
  toStoreError,
  type OnProgress,
  type StoreError,
} from './modelLoader';
import { loadImagenetClasses } from './imagenetClasses';
import { storeHooks } from './storeHooks';
import { borrowComparedModel, type Loan } from './comparedModels';
import { MachineStore } from './machineStore';
import {
  currentFile,
  initialState,
  keptBytes,
  modelReducer,
  publicStatus,
  type MachineEvent,
  type MachineState,
} from './modelMachine';
import { WeightDownloads } from './weightDownloads';
import { describeVariant, type Variant } from './variant';
import { inferenceClient } from '../worker/inference';
import { afterFirstFigure } from '../startup/firstFigure';

type ModelStatus = 'idle' | 'loading' | 'ready' | 'error';

export type { ByteProgress };

export interface ModelState {
  status: ModelStatus;
  /** bytes of weights downloaded so far, and of how many (from the manifest until the response says) */
  progress: ByteProgress | null;
  /** the model, built on the active backend; owned by the store (never dispose it) */
  model: ResNeXtModel | null;
  error: StoreError | null;
  /** loads again after an error */
  retry(): void;
}

export interface ModelStoreValue extends ModelState {
  /** the model id in use: the app state's, or the default when that names nothing loadable */
  modelId: string;
  /** name of the reader's own weights file while one is held in memory */
  customName: string | null;
  /**
   * Reads the reader's weights (a File, or a URL), checks they are a known ResNet/ResNeXt and switches to
   * them. Throws (the current model stays) when they cannot be used.
   */
  loadCustom(source: File | string, onProgress: OnProgress): Promise<Variant>;
  /** counts a component that needs the model: nothing loads until one does */
  acquire(): () => void;
  /** the models "Compare cardinalities" runs, kept for the next comparison */
  compared: ComparedModels;
}

/** The comparison's share of the store: its models are kept in the model machine (see there). */
export interface ComparedModels {
  /**
   * Lends shipped model `id`, built on the active backend: the one kept from an earlier comparison, else
   * built now (its weights kept, or downloaded now). Give it back when done; never dispose it.
   */
  borrow(id: string, onProgress: OnProgress, signal: AbortSignal): Promise<Loan<ResNeXtModel>>;
  /** The comparison is closed: its models are disposed once no one holds them; the weights stay. */
  close(): void;
  /** models kept built, and the bytes their tensors hold */
  models: number;
  bytes: number;
}

const ModelContext = createContext<ModelStoreValue | null>(null);

type Machine = MachineState<SafetensorsFile, ResNeXtModel, StoreError>;
type Event = MachineEvent<SafetensorsFile, ResNeXtModel, StoreError>;
const reducer: (s: Machine, e: Event) => Machine = modelReducer;

/** Progress reports closer together than this are dropped (the last one of a download never is). */
const PROGRESS_INTERVAL_MS = 80;

/**
 * Holds the one model the sections share. It loads when first needed, keeps the parsed weights so a change
 * of backend rebuilds the model there without downloading again, and disposes every model it replaces.
 * What to download, build, keep and dispose is decided by the state machine in ./modelMachine; this
 * component feeds it events and does what its state asks.
 */
export function ModelStoreProvider({ children }: { children: ReactNode }) {
  const [state, update] = useAppState();
  const backend = useBackend();
  const [users, setUsers] = useState(0);
  const downloads = useRef<WeightDownloads | null>(null);
  downloads.current ??= new WeightDownloads((id, onProgress, signal) => {
    const entry = shippedModel(id);
    if (!entry) return Promise.reject(new Error(`unknown model ${id}`));
    return fetchShippedFile(entry, onProgress, signal);
  });
  // The machine's state lives outside React, so that the comparison can borrow a kept model at once.
  const [machine] = useState(
    () =>
      new MachineStore<Machine, Event>(
        initialState(shippedModel(state.model) ? state.model : DEFAULT_MODEL_ID),
        reducer,
      ),
  );
  const m = useSyncExternalStore(machine.subscribe, machine.get);
  const dispatch = useCallback((e: Event): void => void machine.send(e), [machine]);
  const custom = m.files.get(CUSTOM_MODEL_ID) ?? null;

  const modelId =
    state.model === CUSTOM_MODEL_ID
      ? custom
        ? CUSTOM_MODEL_ID
        : DEFAULT_MODEL_ID
      : shippedModel(state.model)
        ? state.model
        : DEFAULT_MODEL_ID;

  // A URL naming the reader's weights (not kept across reloads) or an unknown model falls back to the default.
  useEffect(() => {
    if (state.model !== modelId) update({ model: modelId });
  }, [state.model, modelId, update]);

  const backendName = backend.status === 'ready' ? (backend.info?.name ?? null) : null;
  const wanted = users > 0;

  // The machine learns of every change; it starts over when the model or the backend is another.
  useEffect(() => dispatch({ type: 'backend', backend: backendName }), [dispatch, backendName]);
  useEffect(() => dispatch({ type: 'model', modelId }), [dispatch, modelId]);
  useEffect(() => dispatch({ type: 'need', wanted }), [dispatch, wanted]);

  // The manifest lists each file's size: with it the progress bar has its total before the first byte.
  const [manifest, setManifest] = useState<ModelManifest | null>(loadedManifest);
  useEffect(() => {
    if (!wanted || manifest) return;
    let live = true;
    // A failure here is reported by the download, which needs the manifest too.
    loadManifest().then(
      (found) => live && setManifest(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, manifest]);

  // Downloading: the weights download as soon as a section needs them, while the backend may still be
  // starting. A change of backend meanwhile does not interrupt the download; a change of model cancels it.
  const downloadId = m.wanted && m.phase === 'downloading' ? m.modelId : null;
  useEffect(() => {
    const d = downloads.current;
    if (!d || downloadId === null) return;
    let live = true;
    // Nothing downloads ahead of the section's first figure (src/app/startup/firstFigure.ts).
    afterFirstFigure()
      .then(() => (live ? d.get(downloadId) : new Promise<never>(() => {})))
      .then(
        (file) => live && dispatch({ type: 'downloaded', id: downloadId, file }),
        (err: unknown) =>
          live && dispatch({ type: 'downloadFailed', id: downloadId, error: toStoreError(err) }),
      );
    return () => {
      live = false;
      d.cancel(downloadId);
    };
  }, [dispatch, downloadId]);

  // Its progress, for the load under way.
  const progressRun = m.phase === 'downloading' ? m.run : null;
  useEffect(() => {
    const d = downloads.current;
    if (!d || progressRun === null) return;
    let lastReport = 0;
    let lastRestarts = 0;
    d.listen((loaded, total, restarts = 0) => {
      const now = performance.now();
      // a restart is reported at once; bytes at most every PROGRESS_INTERVAL_MS
      if (now - lastReport < PROGRESS_INTERVAL_MS && loaded !== total && restarts === lastRestarts) return;
      lastReport = now;
      lastRestarts = restarts;
      dispatch({ type: 'progress', run: progressRun, loaded, total, restarts });
    });
    return () => d.listen(null);
  }, [dispatch, progressRun]);

  // Building: once the weights are here and the backend they are for is running.
  const file = currentFile(m);
  const buildRun =
    m.wanted && m.phase === 'building' && file && m.backend !== null && m.backend === backendName
      ? m.run
      : null;
  // The inference worker gets the same weights on the same backend (InferenceGate.tsx says when); the default
  // model is canary-checked there.
  const buildBackend = buildRun === null ? null : backendName;
  const buildDefault = m.modelId === DEFAULT_MODEL_ID;
  useEffect(() => {
    if (buildRun === null || !file || buildBackend === null) return;
    let cancelled = false;
    buildModel(file).then(
      (model) => {
        if (cancelled) model.dispose();
        else {
          inferenceClient().offer(model, file, buildBackend, buildDefault);
          dispatch({ type: 'built', run: buildRun, model });
        }
      },
      (err: unknown) => {
        if (!cancelled) dispatch({ type: 'failed', run: buildRun, error: toStoreError(err) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [dispatch, buildRun, file, buildBackend, buildDefault]);

  // Disposing: a model the machine let go of is disposed here, in the commit that published the state
  // without it (so every section has let go of it too, its effects cleaned up first).
  const disposed = useRef(new WeakSet<ResNeXtModel>());
  const disposeOnce = useCallback((model: ResNeXtModel) => {
    if (disposed.current.has(model)) return;
    disposed.current.add(model);
    inferenceClient().detach(model);
    model.dispose();
  }, []);
  useEffect(() => {
    if (m.retired.length === 0) return;
    m.retired.forEach(disposeOnce);
    dispatch({ type: 'disposed', models: m.retired });
  }, [dispatch, m.retired, disposeOnce]);

  // Unmounting: the model in use, the kept ones and any not yet disposed go too.
  useEffect(
    () => () => {
      modelReducer(machine.get(), { type: 'dispose' }).retired.forEach(disposeOnce);
    },
    [machine, disposeOnce],
  );

  const borrow = useCallback(
    (id: string, onProgress: OnProgress, signal: AbortSignal) =>
      borrowComparedModel(
        machine,
        {
          fetchWeights: (shipped, progress, abort) => {
            const entry = shippedModel(shipped);
            if (!entry) return Promise.reject(new Error(`unknown model ${shipped}`));
            return fetchShippedFile(entry, progress, abort);
          },
          build: buildMeasuredModel,
        },
        id,
        onProgress,
        signal,
      ),
    [machine],
  );
  const closeCompared = useCallback(() => dispatch({ type: 'closeKept' }), [dispatch]);
  const keptModels = [...m.kept.values()].filter((k) => k.model).length;
  const keptModelBytes = keptBytes(m);
  const compared = useMemo<ComparedModels>(
    () => ({ borrow, close: closeCompared, models: keptModels, bytes: keptModelBytes }),
    [borrow, closeCompared, keptModels, keptModelBytes],
  );

  const retry = useCallback(() => dispatch({ type: 'retry' }), [dispatch]);

  const acquire = useCallback(() => {
    setUsers((n) => n + 1);
    return () => setUsers((n) => n - 1);
  }, []);

  const loadCustom = useCallback(
    async (source: File | string, onProgress: OnProgress): Promise<Variant> => {
      const weights =
        typeof source === 'string'
          ? await fetchWeightsUrl(source, onProgress)
          : await readWeightsFile(source, onProgress);
      const spec = await checkArchitecture(weights);
      if (spec.numClasses === 1000) await loadImagenetClasses();
      dispatch({ type: 'custom', id: CUSTOM_MODEL_ID, file: weights });
      update({ model: CUSTOM_MODEL_ID });
      return describeVariant(spec);
    },
    [dispatch, update],
  );

  const expected = expectedBytes(modelId, manifest);
  const { phase, progress, model, error } = m;
  const value = useMemo<ModelStoreValue>(
    () => ({
      status: publicStatus(phase),
      progress: withExpectedTotal(progress, expected),
      model,
      error,
      retry,
      modelId,
      customName: custom?.source ?? null,
      loadCustom,
      acquire,
      compared,
    }),
    [phase, progress, model, error, expected, retry, modelId, custom, loadCustom, acquire, compared],
  );

  return <ModelContext.Provider value={value}>{children}</ModelContext.Provider>;
}

const modelHooks = storeHooks(ModelContext, 'useModelStore');

export const useModelStore: () => ModelStoreValue = modelHooks.useStore;

/** The shared model (loaded on first use). Do not dispose it: the store does when it replaces it. */
export const useModel: () => ModelState = modelHooks.useAcquired;
