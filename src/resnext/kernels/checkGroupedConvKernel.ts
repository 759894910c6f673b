import * as tf from '@tensorflow/tfjs-core';
import { groupedConv2dNaive } from '../groupedConv';
import { nextTask } from '../nextTask';
import { GROUPED_CONV2D, hasGroupedConvKernel, runGroupedConvKernel } from './groupedConvOp';
import {
  KERNEL_BACKENDS,
  kernelCheckCases,
  kernelVariants,
  type CheckCase,
  type KernelBackend,
} from './kernelVariants';

/** Largest |kernel − reference| this check accepts, relative to the output's size (float32 rounding is far less). */
const KERNEL_CHECK_TOLERANCE = 1e-4;

/** Groups of each check case; the variant a conv runs depends on its channels per group, not on the groups. */
const CHECK_GROUPS = 2;
const CHECK_SIDE = 5;

/** The first case the kernel got wrong (or threw on), or null when it passed them all. */
let lastFailure: CheckCase | null = null;
export const lastKernelCheckFailure = (): CheckCase | null => lastFailure;

/** What the last check ran and decided. */
export interface KernelCheckReport {
  backend: string;
  /** how many convolutions it compared */
  cases: number;
  /** the kernel's variants those convolutions ran (kernelVariants.ts) */
  variants: string[];
  passed: boolean;
  /** the first case the kernel got wrong (or threw on) */
  failure: CheckCase | null;
}

let lastReport: KernelCheckReport | null = null;
export const lastKernelCheck = (): KernelCheckReport | null => lastReport;

function caseDiff(c: CheckCase, i: number): tf.Scalar {
  return tf.tidy(() => {
    const cin = CHECK_GROUPS * c.cinG;
    const cout = CHECK_GROUPS * c.coutG;
    const x = tf.reshape(tf.sin(tf.range(i, i + CHECK_SIDE * CHECK_SIDE * cin, 1)), [
      1,
      CHECK_SIDE,
      CHECK_SIDE,
      cin,
    ]);
    const filter = tf.mul(
      tf.reshape(tf.cos(tf.range(i, i + 9 * c.cinG * cout, 1)), [3, 3, c.cinG, cout]),
      1 / Math.sqrt(9 * c.cinG),
    ) as tf.Tensor4D;
    const bias = c.hasBias ? (tf.linspace(-1, 1, cout) as tf.Tensor1D) : undefined;
    const attrs = {
      groups: CHECK_GROUPS,
      stride: c.stride,
      pad: 1,
      activation: c.relu ? 'relu' : 'linear',
    } as const;
    const got = runGroupedConvKernel(x as tf.Tensor4D, filter, attrs, bias);
    let want: tf.Tensor = groupedConv2dNaive(x as tf.Tensor4D, filter, CHECK_GROUPS, c.stride, 1);
    if (bias) want = tf.add(want, bias);
    if (c.relu) want = tf.relu(want);
    return tf.div(tf.max(tf.abs(tf.sub(got, want))), tf.maximum(1, tf.max(tf.abs(want)))) as tf.Scalar;
  });
}

/**
 * Runs the active backend's grouped-conv kernel on every case of kernelCheckCases (each variant of the kernel,
 * with and without bias, linear and ReLU, and every grouped 3×3 of the app's networks, on a small input) and
 * compares each with one tf.conv2d per group. A kernel that fails or disagrees anywhere is unregistered, so
 * the model falls back to tfjs ops; returns whether the kernel stays. Backends without variants of ours (a
 * kernel registered by a test) are checked on the WebGL cases.
 */
export async function checkGroupedConvKernel(): Promise<boolean> {
  const backend = tf.getBackend();
  if (!hasGroupedConvKernel(backend)) return false;
  const kind: KernelBackend = KERNEL_BACKENDS.includes(backend as KernelBackend)
    ? (backend as KernelBackend)
    : 'webgl';
  const cases = kernelCheckCases(kind);
  lastFailure = null;
  lastReport = null;
  let ok: boolean;
  const perCase: tf.Scalar[] = [];
  try {
    // each case runs in a task of its own, so the page paints and takes input while the backend starts
    for (const [i, c] of cases.entries()) {
      if (i > 0) await nextTask();
      if (tf.getBackend() !== backend)
        throw new Error(`the backend changed to ${tf.getBackend()} during the check`);
      perCase.push(caseDiff(c, i));
    }
    const diffs = tf.stack(perCase);
    const values = await diffs.data();
    diffs.dispose();
    const bad = Array.from(values).findIndex((v) => !(v <= KERNEL_CHECK_TOLERANCE));
    ok = bad < 0;
    if (!ok) lastFailure = cases[bad];
  } catch {
    ok = false;
  } finally {
    tf.dispose(perCase);
  }
  if (!ok) tf.unregisterKernel(GROUPED_CONV2D, backend);
  lastReport = {
    backend,
    cases: cases.length,
    variants: [...new Set(cases.flatMap((c) => kernelVariants(kind, c)))],
    passed: ok,
    failure: lastFailure,
  };
  return ok;
}
