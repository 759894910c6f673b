import {
  createContext,
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { ResNeXtModel } from '../../resnext/model';
import { useBackend } from '../backend/BackendContext';
import { useAppState } from '../state/AppStateContext';
import type { ByteProgress } from './downloadTotal';
import { CUSTOM_MODEL_ID } from './modelCatalog';
import type { Loan } from './comparedModels';
import { ModelController } from './modelController';
import { modelControllerDeps } from './modelControllerDeps';
import type { OnProgress, StoreError } from './modelLoader';
import { storeHooks } from './storeHooks';
import type { Variant } from './variant';

export type { ByteProgress };

export interface ModelState {
  status: 'idle' | 'loading' | 'ready' | 'error';
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

/**
 * Shares the model controller (./modelController: downloads, builds, disposal) with the sections. It tells the
 * controller the backend and the app state's model, and has it dispose what a published state let go of.
 */
export function ModelStoreProvider({ children }: { children: ReactNode }) {
  const [state, update] = useAppState();
  const backend = useBackend();
  const [controller] = useState(() => new ModelController(modelControllerDeps, state.model));
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const backendName = backend.status === 'ready' ? (backend.info?.name ?? null) : null;

  useEffect(() => controller.setBackend(backendName), [controller, backendName]);
  // A URL naming the reader's weights (not kept across reloads) or an unknown model falls back to the default.
  useEffect(() => {
    const inUse = controller.request(state.model);
    if (inUse !== state.model) update({ model: inUse });
  }, [controller, state.model, update]);
  // After the commit that published the state without them, so every section has let go of them first.
  useEffect(() => controller.release(snapshot), [controller, snapshot]);
  useEffect(() => () => controller.dispose(), [controller]);

  const loadCustom = useCallback(
    async (source: File | string, onProgress: OnProgress): Promise<Variant> => {
      const variant = await controller.loadCustom(source, onProgress);
      update({ model: CUSTOM_MODEL_ID });
      return variant;
    },
    [controller, update],
  );

  const { view } = snapshot;
  const { comparedModels, comparedBytes } = view;
  const compared = useMemo<ComparedModels>(
    () => ({
      borrow: controller.borrow,
      close: controller.closeCompared,
      models: comparedModels,
      bytes: comparedBytes,
    }),
    [controller, comparedModels, comparedBytes],
  );
  const value = useMemo<ModelStoreValue>(
    () => ({
      status: view.status,
      progress: view.progress,
      model: view.model,
      error: view.error,
      retry: controller.retry,
      modelId: view.modelId,
      customName: view.customName,
      loadCustom,
      acquire: controller.acquire,
      compared,
    }),
    [controller, view, loadCustom, compared],
  );

  return <ModelContext.Provider value={value}>{children}</ModelContext.Provider>;
}

const modelHooks = storeHooks(ModelContext, 'useModelStore');

export const useModelStore: () => ModelStoreValue = modelHooks.useStore;

/** The shared model (loaded on first use). Do not dispose it: the store does when it replaces it. */
export const useModel: () => ModelState = modelHooks.useAcquired;
