/** Turning a model's class probabilities into what the Classify section shows. */
import { CIFAR10_CLASSES } from '../../../resnext/modelMeta';

export interface RankedClass {
  index: number;
  /** the model's class name (English; CIFAR-10 ids such as `cat`) */
  id: string;
  p: number;
}

/** Classes by decreasing probability (ties keep class order), the first k. */
export function topK(probs: ArrayLike<number>, classes: readonly string[], k: number): RankedClass[] {
  const order = Array.from({ length: probs.length }, (_, i) => i);
  order.sort((a, b) => probs[b] - probs[a] || a - b);
  return order
    .slice(0, Math.max(0, k))
    .map((index) => ({ index, id: classes[index] ?? `class ${index}`, p: probs[index] }));
}

/** Softmax in float64, stable for large logits. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  const out = new Float64Array(logits.length);
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i] - max);
    total += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= total;
  return out;
}

/** CIFAR-10 ids in index order; a model with exactly these outputs gets translated class names. */
export { CIFAR10_CLASSES };

export const isCifarClasses = (classes: readonly string[]): boolean =>
  classes.length === CIFAR10_CLASSES.length && classes.every((c, i) => c === CIFAR10_CLASSES[i]);
