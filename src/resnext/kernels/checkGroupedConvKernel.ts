import * as tf from '@tensorflow/tfjs-core';
import { groupedConv2dNaive } from '../groupedConv';
import { GROUPED_CONV2D, hasGroupedConvKernel, runGroupedConvKernel } from './groupedConvOp';

/** Largest |kernel − reference| this check accepts; float32 sums of 18 products differ far less. */
export const KERNEL_CHECK_TOLERANCE = 1e-4;

/**
 * Runs the active backend's grouped-conv kernel once on a small case (2 groups, 3×3, stride 2, bias, relu)
 * and compares it with one tf.conv2d per group. A kernel that fails or disagrees is unregistered, so the
 * model falls back to tfjs ops; returns whether the kernel stays.
 */
export async function checkGroupedConvKernel(): Promise<boolean> {
  const backend = tf.getBackend();
  if (!hasGroupedConvKernel(backend)) return false;
  const [x, filter, bias] = tf.tidy(() => [
    tf.reshape(tf.sin(tf.range(0, 2 * 5 * 5 * 4, 1)), [2, 5, 5, 4]) as tf.Tensor4D,
    tf.reshape(tf.cos(tf.range(0, 3 * 3 * 2 * 6, 1)), [3, 3, 2, 6]) as tf.Tensor4D,
    tf.linspace(-1, 1, 6) as tf.Tensor1D,
  ]);
  let ok: boolean;
  try {
    const diff = tf.tidy(() => {
      const got = runGroupedConvKernel(x, filter, { groups: 2, stride: 2, pad: 1, activation: 'relu' }, bias);
      const want = tf.relu(tf.add(groupedConv2dNaive(x, filter, 2, 2, 1), bias));
      return tf.max(tf.abs(tf.sub(got, want)));
    });
    ok = (await diff.data())[0] <= KERNEL_CHECK_TOLERANCE;
    diff.dispose();
  } catch {
    ok = false;
  } finally {
    tf.dispose([x, filter, bias]);
  }
  if (!ok) tf.unregisterKernel(GROUPED_CONV2D, backend);
  return ok;
}
