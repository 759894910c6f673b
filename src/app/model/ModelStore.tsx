import { createContext, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ModelManifest } from '../../resnext/modelManifest';
import type { ResNeXtModel } from '../../resnext/model';
import type { SafetensorsFile } from '../../resnext/safetensors';
import { useBackend } from '../backend/BackendContext';
import { useAppState } from '../state/AppStateContext';
import { expectedBytes, withExpectedTotal, type ByteProgress } from './downloadTotal';
import { loadManifest, loadedManifest } from './manifest';
import { CUSTOM_MODEL_ID, DEFAULT_MODEL_ID, shippedModel } from './modelCatalog';
import {
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
import { WeightDownloads } from './weightDownloads';
import { describeVariant, type Variant } from './variant';

export type ModelStatus = 'idle' | 'loading' | 'ready' | 'error';

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
}

const ModelContext = createContext<ModelStoreValue | null>(null);

interface Snapshot {
  status: ModelStatus;
  progress: ByteProgress | null;
  model: ResNeXtModel | null;
  error: StoreError | null;
}

const IDLE: Snapshot = { status: 'idle', progress: null, model: null, error: null };

/**
 * Holds the one model the sections share. It loads when first needed, keeps the parsed weights so a change
 * of backend rebuilds the model there without downloading again, and disposes every model it replaces.
 */
export function ModelStoreProvider({ children }: { children: ReactNode }) {
  const [state, update] = useAppState();
  const backend = useBackend();
  const [users, setUsers] = useState(0);
  const [snap, setSnap] = useState<Snapshot>(IDLE);
  const [attempt, setAttempt] = useState(0);
  const [custom, setCustom] = useState<SafetensorsFile | null>(null);
  const files = useRef(new Map<string, SafetensorsFile>());
  const downloads = useRef<WeightDownloads | null>(null);
  downloads.current ??= new WeightDownloads((id, onProgress, signal) => {
    const entry = shippedModel(id);
    if (!entry) return Promise.reject(new Error(`unknown model ${id}`));
    return fetchShippedFile(entry, onProgress, signal);
  });
  const current = useRef<ResNeXtModel | null>(null);
  const built = useRef('');
  const [customVersion, setCustomVersion] = useState(0);

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
  // What the current model was built from; a change of any part builds another.
  const key = `${modelId}|${backendName}|${attempt}|${modelId === CUSTOM_MODEL_ID ? customVersion : 0}`;

  // The manifest lists each file's size: with it the progress bar has its total before the first byte.
  const [manifest, setManifest] = useState<ModelManifest | null>(loadedManifest);
  useEffect(() => {
    if (!wanted || manifest) return;
    let live = true;
    // A failure here is reported by the download, which needs the manifest too.
    loadManifest().then(
      (m) => live && setManifest(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, manifest]);

  // The weights download as soon as a section needs them, while the backend may still be starting.
  useEffect(() => {
    const d = downloads.current;
    if (!wanted || !d || modelId === CUSTOM_MODEL_ID || files.current.has(modelId)) return;
    d.get(modelId).then(
      (file) => {
        // Keep only the current shipped model's weights in memory.
        files.current.clear();
        files.current.set(modelId, file);
      },
      // A failure is reported by the build below, which awaits the same download.
      () => undefined,
    );
    return () => d.cancel(modelId);
  }, [wanted, modelId]);

  useEffect(() => {
    if (!wanted || (current.current && built.current === key)) return;
    const old = current.current;
    current.current = null;
    built.current = '';
    // Let the sections drop the old model before its tensors go.
    if (old) setTimeout(() => old.dispose(), 0);
    const cachedFile = modelId === CUSTOM_MODEL_ID ? custom : files.current.get(modelId);
    // Weights still to download show a bar from the start (its total comes from the manifest).
    const start = cachedFile ? null : { loaded: 0, total: null };
    let cancelled = false;
    let lastReport = 0;
    const onProgress: OnProgress = (loaded, total) => {
      const now = performance.now();
      if (cancelled || (now - lastReport < 80 && loaded !== total)) return;
      lastReport = now;
      setSnap((s) => ({ ...s, progress: { loaded, total } }));
    };
    const d = downloads.current;
    d?.listen(onProgress);
    setSnap({ status: 'loading', progress: start, model: null, error: null });
    if (!backendName || !d) {
      return () => {
        cancelled = true;
      };
    }
    (async () => {
      let file = cachedFile;
      if (!file) {
        file = await d.get(modelId);
        if (cancelled) return;
        files.current.clear();
        files.current.set(modelId, file);
      }
      const model = await buildModel(file);
      if (cancelled) {
        model.dispose();
        return;
      }
      current.current = model;
      built.current = key;
      setSnap({ status: 'ready', progress: null, model, error: null });
    })().catch((err: unknown) => {
      if (!cancelled) setSnap({ status: 'error', progress: null, model: null, error: toStoreError(err) });
    });
    return () => {
      cancelled = true;
    };
  }, [wanted, key, modelId, backendName, custom]);

  useEffect(
    () => () => {
      current.current?.dispose();
      current.current = null;
    },
    [],
  );

  const retry = useCallback(() => {
    files.current.clear();
    setAttempt((a) => a + 1);
  }, []);

  const acquire = useCallback(() => {
    setUsers((n) => n + 1);
    return () => setUsers((n) => n - 1);
  }, []);

  const loadCustom = useCallback(
    async (source: File | string, onProgress: OnProgress): Promise<Variant> => {
      const file =
        typeof source === 'string'
          ? await fetchWeightsUrl(source, onProgress)
          : await readWeightsFile(source, onProgress);
      const spec = await checkArchitecture(file);
      if (spec.numClasses === 1000) await loadImagenetClasses();
      setCustom(file);
      setCustomVersion((v) => v + 1);
      update({ model: CUSTOM_MODEL_ID });
      return describeVariant(spec);
    },
    [update],
  );

  const expected = expectedBytes(modelId, manifest);
  const value = useMemo<ModelStoreValue>(
    () => ({
      ...snap,
      progress: withExpectedTotal(snap.progress, expected),
      retry,
      modelId,
      customName: custom?.source ?? null,
      loadCustom,
      acquire,
    }),
    [snap, expected, retry, modelId, custom, loadCustom, acquire],
  );

  return <ModelContext.Provider value={value}>{children}</ModelContext.Provider>;
}

const modelHooks = storeHooks(ModelContext, 'useModelStore');

export const useModelStore: () => ModelStoreValue = modelHooks.useStore;

/** The shared model (loaded on first use). Do not dispose it: the store does when it replaces it. */
export const useModel: () => ModelState = modelHooks.useAcquired;
