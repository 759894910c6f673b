import * as tf from '@tensorflow/tfjs-core';
import type { BlockForm } from './blockCounts';
import type { BlockWeights } from './blockWeights';
import { groupedConv2d } from './groupedConv';

/**
 * The residual function T(x) = conv3(relu(conv2(relu(conv1 x + b1)) + b2)) + b3 of a ResNeXt block (3×3 with
 * stride 1, padding 1), computed three equivalent ways (the paper's Figure 3). Each returns a new tensor that
 * the caller disposes; intermediates are freed.
 */

const PAD1: [[number, number], [number, number], [number, number], [number, number]] = [
  [0, 0],
  [1, 1],
  [1, 1],
  [0, 0],
];

function checkInput(x: tf.Tensor4D, w: BlockWeights): void {
  if (x.shape[3] !== w.inChannels) {
    throw new Error(`block expects ${w.inChannels} input channels, got ${x.shape[3]}`);
  }
}

/** Path i up to its 3×3 conv: relu(conv2_i(relu(conv1_i x + b1_i)) + b2_i), d channels. */
function pathHidden(x: tf.Tensor4D, w: BlockWeights, i: number): tf.Tensor4D {
  const { inChannels, d } = w;
  return tf.tidy(() => {
    const w1 = tf.slice(w.w1, [0, 0, 0, i * d], [1, 1, inChannels, d]);
    const h1 = tf.relu(tf.add(tf.conv2d(x, w1, 1, 'valid'), tf.slice(w.b1, i * d, d))) as tf.Tensor4D;
    const w2 = tf.slice(w.w2, [0, 0, 0, i * d], [3, 3, d, d]);
    return tf.relu(tf.add(tf.conv2d(h1, w2, 1, PAD1), tf.slice(w.b2, i * d, d))) as tf.Tensor4D;
  });
}

/** Path i's whole transform T_i(x), through its own d→out 1×1 (no b3). */
function pathOutput(x: tf.Tensor4D, w: BlockWeights, i: number): tf.Tensor4D {
  const { d, outChannels } = w;
  return tf.tidy(() => {
    const w3 = tf.slice(w.w3, [0, 0, i * d, 0], [1, 1, d, outChannels]);
    return tf.conv2d(pathHidden(x, w, i), w3, 1, 'valid');
  });
}

/** Form (a): C separate paths, each ending in its own 1×1 to out channels, summed; b3 added once. */
export function runFormA(x: tf.Tensor4D, w: BlockWeights): tf.Tensor4D {
  checkInput(x, w);
  return tf.tidy(() => {
    let sum = pathOutput(x, w, 0);
    for (let i = 1; i < w.cardinality; i++) {
      const t = pathOutput(x, w, i);
      const next = tf.add(sum, t) as tf.Tensor4D;
      tf.dispose([sum, t]);
      sum = next;
    }
    return tf.add(sum, w.b3);
  });
}

/** Form (b): C paths of 1×1 and 3×3, concatenated to C·d channels, then one 1×1 to out channels. */
export function runFormB(x: tf.Tensor4D, w: BlockWeights): tf.Tensor4D {
  checkInput(x, w);
  return tf.tidy(() => {
    const paths = Array.from({ length: w.cardinality }, (_, i) => pathHidden(x, w, i));
    const cat = tf.concat(paths, 3);
    tf.dispose(paths);
    return tf.add(tf.conv2d(cat, w.w3, 1, 'valid'), w.b3);
  });
}

/** Form (c): dense 1×1 to C·d, grouped 3×3 with C groups, dense 1×1 to out channels. */
export function runFormC(x: tf.Tensor4D, w: BlockWeights): tf.Tensor4D {
  checkInput(x, w);
  return tf.tidy(() => {
    const h1 = tf.relu(tf.add(tf.conv2d(x, w.w1, 1, 'valid'), w.b1)) as tf.Tensor4D;
    const h2 = tf.relu(tf.add(groupedConv2d(h1, w.w2, w.cardinality, 1, 1), w.b2)) as tf.Tensor4D;
    return tf.add(tf.conv2d(h2, w.w3, 1, 'valid'), w.b3);
  });
}

export const FORM_RUNNERS: Readonly<Record<BlockForm, (x: tf.Tensor4D, w: BlockWeights) => tf.Tensor4D>> = {
  a: runFormA,
  b: runFormB,
  c: runFormC,
};

export const runForm = (form: BlockForm, x: tf.Tensor4D, w: BlockWeights): tf.Tensor4D =>
  FORM_RUNNERS[form](x, w);

/** T_i(x) for the chosen paths i (before b3), for the merge view: Σ_i T_i(x) + b3 = T(x). */
export function branchContributions(x: tf.Tensor4D, w: BlockWeights, branches: number[]): tf.Tensor4D[] {
  checkInput(x, w);
  for (const i of branches) {
    if (!(Number.isInteger(i) && i >= 0 && i < w.cardinality)) {
      throw new Error(`path ${i} does not exist in a block of cardinality ${w.cardinality}`);
    }
  }
  return tf.tidy(() => branches.map((i) => pathOutput(x, w, i)));
}
