import type * as tf from '@tensorflow/tfjs-core';
import type { TensorData } from './protocol';

/** A tensor's values (a copy) and shape, to hand to the inference worker; the tensor stays the caller's. */
export async function tensorData(t: tf.Tensor): Promise<TensorData> {
  return { values: Float32Array.from(await t.data()), shape: [...t.shape] };
}
