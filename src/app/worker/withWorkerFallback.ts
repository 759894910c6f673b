import type * as tf from '@tensorflow/tfjs-core';
import { inferenceClient } from './inference';
import type { InferenceClient } from './inferenceClient';
import type { TensorData } from './protocol';
import { tensorData } from './tensorData';

/**
 * Computes from `input` (a normalised NHWC input of `model`, still the caller's) in the inference worker when
 * it holds `model` (`inWorker`, which answers null when the worker cannot), else on the page (`onPage`).
 */
export async function withWorkerFallback<T>(
  model: object,
  input: tf.Tensor,
  inWorker: (worker: InferenceClient, data: TensorData) => Promise<T | null>,
  onPage: () => Promise<T>,
  worker: InferenceClient = inferenceClient(),
): Promise<T> {
  const answer = worker.has(model) ? await inWorker(worker, await tensorData(input)) : null;
  return answer ?? (await onPage());
}
