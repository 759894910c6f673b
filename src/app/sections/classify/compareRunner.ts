import { FAMILY } from '../../model/modelCatalog';
import type { ComparedModels } from '../../model/ModelStore';
import type { OnProgress } from '../../model/modelLoader';
import type { Pixels } from '../../model/image/pixels';

export interface CompareResult {
  id: string;
  cardinality: number;
  d: number;
  probs: Float64Array;
  classes: string[];
  ms: number;
  /** whether the model was built for this comparison (false: kept from an earlier one) */
  built: boolean;
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
 * Runs the five equal-complexity models on one picture, one at a time. Each is borrowed from the model
 * store, which downloads its weights the first time and builds it on the active backend the first time
 * there, then keeps both for the next comparison.
 */
export async function runComparison(
  pixels: Pixels,
  models: Pick<ComparedModels, 'borrow'>,
  cb: CompareCallbacks,
): Promise<CompareResult[]> {
  const results: CompareResult[] = [];
  for (const [i, f] of FAMILY.entries()) {
    cb.signal.throwIfAborted();
    cb.onModel(i, FAMILY.length);
    const loan = await models.borrow(f.id, cb.onProgress, cb.signal);
    try {
      cb.signal.throwIfAborted();
      const { model } = loan;
      const { classifyImage } = await import('./classifyImage');
      const { probs, ms } = await classifyImage(model, pixels);
      results.push({
        id: f.id,
        cardinality: f.cardinality,
        d: f.d,
        probs,
        classes: model.meta.classes,
        ms,
        built: loan.built,
      });
    } finally {
      loan.giveBack();
    }
    cb.onResult([...results]);
  }
  return results;
}
