import type { ModelManifest } from '../../resnext/modelManifest';
import type { SafetensorsFile } from '../../resnext/safetensors';
import { expectedBytes, withExpectedTotal, type ByteProgress } from './downloadTotal';
import { CUSTOM_MODEL_ID, DEFAULT_MODEL_ID, shippedModel } from './modelCatalog';
import type { StoreError } from './modelLoader';
import { keptBytes, publicStatus, type MachineState } from './modelMachine';

/** What the page shows of the model machine's state. */
export interface ModelView<M> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** bytes of weights downloaded so far, and of how many (from the manifest until the response says) */
  progress: ByteProgress | null;
  model: M | null;
  error: StoreError | null;
  /** the model id in use */
  modelId: string;
  /** name of the reader's own weights file while one is held in memory */
  customName: string | null;
  /** models kept built for the comparison, and the bytes their tensors hold */
  comparedModels: number;
  comparedBytes: number;
}

/**
 * The model id to use for `requested` (the app state's): the reader's own weights only while they are held
 * (they are not kept across reloads), a shipped model, else the default.
 */
export function resolveModelId(requested: string, hasCustom: boolean): string {
  if (requested === CUSTOM_MODEL_ID) return hasCustom ? CUSTOM_MODEL_ID : DEFAULT_MODEL_ID;
  return shippedModel(requested) ? requested : DEFAULT_MODEL_ID;
}

export function viewOf<M>(
  m: MachineState<SafetensorsFile, M, StoreError>,
  manifest: ModelManifest | null,
): ModelView<M> {
  return {
    status: publicStatus(m.phase),
    progress: withExpectedTotal(m.progress, expectedBytes(m.modelId, manifest)),
    model: m.model,
    error: m.error,
    modelId: m.modelId,
    customName: m.files.get(CUSTOM_MODEL_ID)?.source ?? null,
    comparedModels: [...m.kept.values()].filter((k) => k.model).length,
    comparedBytes: keptBytes(m),
  };
}

const sameProgress = (a: ByteProgress | null, b: ByteProgress | null): boolean =>
  a === b ||
  (a !== null && b !== null && a.loaded === b.loaded && a.total === b.total && a.restarts === b.restarts);

/** Whether the two views show the same (then the earlier object is kept, and nothing re-renders). */
export function sameView<M>(a: ModelView<M>, b: ModelView<M>): boolean {
  return (
    a.status === b.status &&
    sameProgress(a.progress, b.progress) &&
    a.model === b.model &&
    a.error === b.error &&
    a.modelId === b.modelId &&
    a.customName === b.customName &&
    a.comparedModels === b.comparedModels &&
    a.comparedBytes === b.comparedBytes
  );
}
