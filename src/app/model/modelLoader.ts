import type { MessageKey } from '../../i18n';
import { AppError, WeightsError } from '../../resnext/errors';
import { errorMessage } from '../errors/errorMessage';
import { checkWeightsResponse } from '../sections/classify/weightsUrl';
import type { ResNeXtModel } from '../../resnext/model';
import type { SafetensorsFile } from '../../resnext/safetensors';
import type { NetworkSpec } from '../../resnext/spec';
import { evictFromOffline, keepForOffline } from '../offline/weightsCache';
import { loadImagenetClasses } from './imagenetClasses';
import { MODELS_URL, loadManifest, shippedFile } from './manifest';
import type { ShippedModel } from './modelCatalog';
import { testStallMs } from './stallTimeout';

/**
 * Getting weights and turning them into a model. The engine (and with it TensorFlow.js) is imported on
 * demand, so none of it is in the first paint's JavaScript.
 */

/** Bytes arrived and the file's size; `restarts`: how many times the download stalled and restarted. */
export type OnProgress = (loaded: number, total: number | null, restarts?: number) => void;

export interface StoreError {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** A translatable message for anything loading or building a model can throw. */
export function toStoreError(err: unknown): StoreError {
  if (err instanceof WeightsError || err instanceof AppError) return errorMessage(err);
  return {
    key: 'classify.model.error.generic',
    params: { message: err instanceof Error ? err.message : String(err) },
  };
}

/**
 * Downloads a shipped model's weights, checking the SHA-256 the manifest gives. A download of the same file
 * started with the page (preload.ts) is taken over rather than requested again: its bytes, joined and hashed
 * once there, are the ones the preload keeps for offline use; where there is none yet, the file is claimed,
 * so that the page's preload does not request it a second time. Other downloads are kept here, in the service
 * worker's weights cache, for the next visit and offline use. Bytes that fail their hash while the weights
 * cache holds a copy came from that copy (the service worker answers from it first): the copy is deleted and
 * the file downloaded once more, from the network.
 */
export async function fetchShippedFile(
  model: ShippedModel,
  onProgress: OnProgress,
  signal?: AbortSignal,
): Promise<SafetensorsFile> {
  const [{ fetchBytes, fileNameOf, parseSafetensors }, manifest] = await Promise.all([
    import('../../resnext/safetensors'),
    loadManifest(),
  ]);
  const entry = shippedFile(model, manifest);
  // never unverified bytes: a file the manifest does not list has no hash to check, and is not loaded
  if (!entry.sha256) throw new WeightsError('unlisted', { file: fileNameOf(entry.path) });
  const url = `${MODELS_URL}${entry.path}`;
  // The size is known before the first byte arrives: a progress bar can show 0 of it at once.
  onProgress(0, entry.bytes);
  // A compressed or chunked response has no Content-Length; the manifest knows the size.
  const progress: OnProgress = (loaded, total, restarts) =>
    onProgress(loaded, total ?? entry.bytes, restarts);
  const expectedSha256 = entry.sha256;
  const download = async (): Promise<Uint8Array> => {
    // a stalled download restarts (resumableFetch.ts); the progress bar says how many times
    let loaded = 0;
    let total: number | null = null;
    let restarts = 0;
    const bytes = await fetchBytes(url, {
      onProgress: (l, t) => progress((loaded = l), (total = t), restarts),
      onRestart: (n) => progress(loaded, total, (restarts = n)),
      signal,
      expectedSha256,
      stallMs: testStallMs(),
    });
    void keepForOffline(url, bytes);
    return bytes;
  };
  let bytes: Uint8Array;
  try {
    // the preloader (and the downloader it holds) loads with the first model, not with the page
    const preloads = await import('./preload');
    // decided at once: a preload that starts after this sees the claim and does not download the file again
    let taken: Uint8Array | null = null;
    if (preloads.isPreloading(url))
      taken = await preloads.takeVerified(url, { sha256: expectedSha256, onProgress: progress, signal });
    else preloads.claim(url);
    bytes = taken ?? (await download());
  } catch (err) {
    if (!(err instanceof WeightsError && err.code === 'integrity') || !(await evictFromOffline(url)))
      throw err;
    console.warn(`${entry.path}: the cached copy failed its SHA-256 and was deleted; downloading it again`);
    bytes = await download();
  }
  return parseSafetensors(bytes, fileNameOf(url));
}

/** Downloads weights from an address on the app’s own site (the form refuses others before calling this). */
export async function fetchWeightsUrl(
  url: string,
  onProgress: OnProgress,
  signal?: AbortSignal,
): Promise<SafetensorsFile> {
  const { fetchSafetensors } = await import('../../resnext/safetensors');
  const href = new URL(url, document.baseURI).href;
  let res: Response;
  try {
    res = await fetch(href, { signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new WeightsError('network', { file: url });
  }
  // status and content type are checked before the body is read as a safetensors file
  checkWeightsResponse(res, url);
  return fetchSafetensors(href, { onProgress, signal, fetchImpl: () => Promise.resolve(res) });
}

/** Reads a weights file from disk, reporting progress as it streams in. */
export async function readWeightsFile(file: File, onProgress: OnProgress): Promise<SafetensorsFile> {
  const { parseSafetensors, MAX_FILE_BYTES } = await import('../../resnext/safetensors');
  if (file.size > MAX_FILE_BYTES)
    throw new WeightsError('too-large', { file: file.name, size: file.size, max: MAX_FILE_BYTES });
  const bytes = new Uint8Array(file.size);
  let at = 0;
  onProgress(0, file.size);
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.byteLength > bytes.length)
      throw new WeightsError('truncated', {
        file: file.name,
        expected: file.size,
        actual: at + value.byteLength,
      });
    bytes.set(value, at);
    at += value.byteLength;
    onProgress(at, file.size);
  }
  return parseSafetensors(at === bytes.length ? bytes : bytes.subarray(0, at), file.name);
}

/** The architecture the file holds; a WeightsError names what does not fit a known ResNet/ResNeXt. */
export async function checkArchitecture(file: SafetensorsFile): Promise<NetworkSpec> {
  const { inferSpec } = await import('../../resnext/inferSpec');
  return inferSpec(new Map([...file.tensors].map(([k, t]) => [k, t.shape])), file.source);
}

export interface MeasuredModel {
  model: ResNeXtModel;
  /** bytes of the tensors the model holds, as tf.memory() counts them */
  bytes: number;
  /** the backend it was built on, as tf.getBackend() names it */
  backend: string;
}

/**
 * Uploads the weights to the active backend (a 1,000-way classifier gets the ImageNet class names), and tells
 * the bytes the model holds and the backend it lives on.
 */
export async function buildMeasuredModel(file: SafetensorsFile): Promise<MeasuredModel> {
  const [{ loadModel }, tf] = await Promise.all([
    import('../../resnext/model'),
    import('@tensorflow/tfjs-core'),
  ]);
  const outputs = file.tensors.get('fc.weight')?.shape[0];
  const classNames = outputs === 1000 ? await loadImagenetClasses() : undefined;
  // loadModel runs at once, so nothing else allocates between the two counts
  const before = tf.memory().numBytes;
  const model = loadModel(file, { classNames });
  return { model, bytes: tf.memory().numBytes - before, backend: tf.getBackend() };
}
