import { FAMILY, shippedModel } from '../../model/modelCatalog';
import { buildModel, fetchShippedFile, type OnProgress } from '../../model/modelLoader';
import type { Pixels } from '../../model/image/pixels';
import { classifyImage } from './classifyImage';

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
 * Runs the five equal-complexity models on one picture, one at a time: download, build on the active
 * backend, classify, dispose. Only one of them is ever in memory.
 */
export async function runComparison(pixels: Pixels, cb: CompareCallbacks): Promise<CompareResult[]> {
  const results: CompareResult[] = [];
  for (const [i, f] of FAMILY.entries()) {
    cb.signal.throwIfAborted();
    cb.onModel(i, FAMILY.length);
    const entry = shippedModel(f.id);
    if (!entry) throw new Error(`unknown model ${f.id}`);
    const file = await fetchShippedFile(entry, cb.onProgress, cb.signal);
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
