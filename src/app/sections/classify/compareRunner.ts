import { FAMILY, shippedModel } from '../../model/modelCatalog';
import { buildModel, fetchShippedFile, type OnProgress } from '../../model/modelLoader';
import type { Pixels } from '../../model/image/pixels';
import type { SafetensorsFile } from '../../../resnext/safetensors';
import { classifyImage } from './classifyImage';

/**
 * The five models' weights once downloaded (and hash-checked), kept for the page's lifetime: a second
 * comparison, or one on another picture or backend, downloads nothing.
 */
const files = new Map<string, SafetensorsFile>();

/** Weights of the comparison kept in memory (for tests and diagnostics). */
export const keptComparisonFiles = (): number => files.size;

export interface CompareResult {
  id: string;
  cardinality: number;
  d: number;
  probs: Float64Array;
  classes: string[];
  ms: number;
}

export interface CompareCallbacks {
  /** before model i (0-based) of n starts downloading */
  onModel(i: number, n: number): void;
  onProgress: OnProgress;
  /** after each model, with all results so far */
  onResult(results: CompareResult[]): void;
  signal: AbortSignal;
}

/**
 * Runs the five equal-complexity models on one picture, one at a time: download (the first time only), build
 * on the active backend, classify, dispose. Only one model is ever built; the weights' bytes are kept.
 */
export async function runComparison(pixels: Pixels, cb: CompareCallbacks): Promise<CompareResult[]> {
  const results: CompareResult[] = [];
  for (const [i, f] of FAMILY.entries()) {
    cb.signal.throwIfAborted();
    cb.onModel(i, FAMILY.length);
    const entry = shippedModel(f.id);
    if (!entry) throw new Error(`unknown model ${f.id}`);
    let file = files.get(f.id);
    if (!file) {
      file = await fetchShippedFile(entry, cb.onProgress, cb.signal);
      files.set(f.id, file);
    }
    cb.signal.throwIfAborted();
    const model = await buildModel(file);
    try {
      const { probs, ms } = await classifyImage(model, pixels);
      results.push({ id: f.id, cardinality: f.cardinality, d: f.d, probs, classes: model.meta.classes, ms });
    } finally {
      model.dispose();
    }
    cb.onResult([...results]);
  }
  return results;
}
