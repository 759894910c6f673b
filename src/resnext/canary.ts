/**
 * The golden canary: the default model classifies one small synthetic picture and its logits are compared
 * with PyTorch's for the same picture and weights (src/resnext/canaryReference.json, written by
 * training/canary_reference.py). A backend whose kernels compute wrongly somewhere the model goes, and the
 * start-up checks do not, shows up here. Pure tfjs: no React, no DOM.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ResNeXtModel } from './model';
import { timedPause } from './nextTask';
import { normalize } from './preprocess';
import {
  CANARY_REFERENCE,
  canaryPixels,
  compareLogits,
  type CanaryReference,
  type CanaryResult,
} from './canaryCompare';

export * from './canaryCompare';

/**
 * Runs `model` on the canary picture on the active backend and compares its logits with PyTorch's. The
 * model must be the default one (the weights the reference was computed with). The network runs a block per
 * task (predictInTasks), and `ms` counts the time spent running it, not the waits between its tasks. Disposes
 * every tensor it makes; the model stays the caller's.
 */
export async function runCanary(
  model: Pick<ResNeXtModel, 'predictInTasks' | 'meta'>,
  ref: CanaryReference = CANARY_REFERENCE,
): Promise<CanaryResult> {
  const size = ref.input.size;
  if (model.meta.inputSize !== size) {
    throw new Error(`the canary needs a ${size}×${size} model, this one takes ${model.meta.inputSize}`);
  }
  const pixels = canaryPixels(size);
  const { pause, waited } = timedPause();
  const t0 = performance.now();
  const input = tf.tidy(() =>
    normalize(
      tf.tensor3d(Int32Array.from(pixels), [size, size, 3], 'int32'),
      model.meta.mean,
      model.meta.std,
    ),
  );
  let values: Float32Array;
  try {
    const logits = await model.predictInTasks(input, pause);
    try {
      values = (await logits.data()) as Float32Array;
    } finally {
      logits.dispose();
    }
  } finally {
    input.dispose();
  }
  const ms = performance.now() - t0 - waited();
  return { ...compareLogits(values, ref.logits), ms };
}
