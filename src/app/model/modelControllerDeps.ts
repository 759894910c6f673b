import type { ResNeXtModel } from '../../resnext/model';
import type { SafetensorsFile } from '../../resnext/safetensors';
import { afterFirstFigure } from '../startup/firstFigure';
import { inferenceClient } from '../worker/inference';
import { loadImagenetClasses } from './imagenetClasses';
import { loadManifest, loadedManifest } from './manifest';
import { shippedModel } from './modelCatalog';
import type { ModelControllerDeps } from './modelController';
import {
  buildMeasuredModel,
  checkArchitecture,
  fetchShippedFile,
  fetchWeightsUrl,
  readWeightsFile,
  type OnProgress,
} from './modelLoader';
import { describeVariant, type Variant } from './variant';

/** A shipped model's weights by id, downloaded and checked against the manifest. */
function fetchShipped(id: string, onProgress: OnProgress, signal: AbortSignal): Promise<SafetensorsFile> {
  const entry = shippedModel(id);
  if (!entry) return Promise.reject(new Error(`unknown model ${id}`));
  return fetchShippedFile(entry, onProgress, signal);
}

/** Names the network; a 1,000-way classifier gets the ImageNet class names first. */
async function checkCustom(file: SafetensorsFile): Promise<Variant> {
  const spec = await checkArchitecture(file);
  if (spec.numClasses === 1000) await loadImagenetClasses();
  return describeVariant(spec);
}

/** The page's model controller works with the real network, downloads, worker and clock. */
export const modelControllerDeps: ModelControllerDeps<ResNeXtModel> = {
  fetchShipped,
  build: buildMeasuredModel,
  readCustom: (source, onProgress) =>
    typeof source === 'string' ? fetchWeightsUrl(source, onProgress) : readWeightsFile(source, onProgress),
  checkCustom,
  loadedManifest,
  loadManifest,
  mayDownload: afterFirstFigure,
  inference: inferenceClient,
  now: () => performance.now(),
};
