import * as tf from '@tensorflow/tfjs-core';

/**
 * Weights of one ResNeXt block's residual function in tfjs layout, with BN folded into the biases:
 * w1 [1,1,in,C·d], w2 [3,3,d,C·d] (grouped HWIO: output channels g·d … g·d+d−1 read input channels of group g),
 * w3 [1,1,C·d,out]. Path i of the block owns columns i·d … i·d+d−1 of w1/b1, group i of w2/b2 and rows
 * i·d … i·d+d−1 of w3.
 */
export interface BlockWeights {
  inChannels: number;
  outChannels: number;
  cardinality: number;
  d: number;
  w1: tf.Tensor4D;
  b1: tf.Tensor1D;
  w2: tf.Tensor4D;
  b2: tf.Tensor1D;
  w3: tf.Tensor4D;
  b3: tf.Tensor1D;
}

const normal = (shape: number[], std: number, seed: number) =>
  tf.randomNormal(shape, 0, std, 'float32', seed);
const bias = (n: number, std: number, seed: number): tf.Tensor1D =>
  std > 0 ? (normal([n], std, seed) as tf.Tensor1D) : tf.zeros([n]);

/** He-scaled random weights; biases are zero (BN of a fresh network) unless biasStd > 0. Deterministic per seed. */
export function randomBlockWeights(
  inChannels: number,
  outChannels: number,
  cardinality: number,
  d: number,
  seed: number,
  biasStd = 0,
): BlockWeights {
  const w = cardinality * d;
  return {
    inChannels,
    outChannels,
    cardinality,
    d,
    w1: normal([1, 1, inChannels, w], Math.sqrt(2 / inChannels), seed) as tf.Tensor4D,
    b1: bias(w, biasStd, seed + 1),
    w2: normal([3, 3, d, w], Math.sqrt(2 / (9 * d)), seed + 2) as tf.Tensor4D,
    b2: bias(w, biasStd, seed + 3),
    w3: normal([1, 1, w, outChannels], Math.sqrt(1 / w), seed + 4) as tf.Tensor4D,
    b3: bias(outChannels, biasStd, seed + 5),
  };
}

/** The ResNet bottleneck (C = 1) of the given width, for comparisons with ResNeXt forms. */
export const resnetBottleneckWeights = (
  inChannels: number,
  outChannels: number,
  width: number,
  seed: number,
): BlockWeights => randomBlockWeights(inChannels, outChannels, 1, width, seed);

export function disposeBlockWeights(w: BlockWeights): void {
  tf.dispose([w.w1, w.b1, w.w2, w.b2, w.w3, w.b3]);
}
