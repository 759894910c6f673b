import * as tf from '@tensorflow/tfjs-core';
import { WeightsError } from './errors';
import { linearToInOut, oihwToHwio } from './layout';
import type { SafetensorsFile } from './safetensors';
import type { BlockSpec, NetworkSpec } from './spec';

/** BatchNorm parameters and running statistics of one layer (inference uses eps = 1e-5). */
export interface BnParams {
  gamma: tf.Tensor1D;
  beta: tf.Tensor1D;
  mean: tf.Tensor1D;
  var: tf.Tensor1D;
}

/** One block's weights in tfjs layout: convs HWIO, the grouped conv2 as [3, 3, width/groups, width]. */
export interface BlockParams {
  spec: BlockSpec;
  conv1: tf.Tensor4D;
  bn1: BnParams;
  conv2: tf.Tensor4D;
  bn2: BnParams;
  conv3: tf.Tensor4D;
  bn3: BnParams;
  downsample?: { conv: tf.Tensor4D; bn: BnParams };
}

export interface NetworkWeights {
  conv1: tf.Tensor4D;
  bn1: BnParams;
  blocks: BlockParams[];
  /** [in, classes] */
  fcWeight: tf.Tensor2D;
  fcBias: tf.Tensor1D;
}

export const BN_EPS = 1e-5;

/** Uploads every weight once, converted from PyTorch's layout to tfjs's. */
export function uploadWeights(file: SafetensorsFile, spec: NetworkSpec): NetworkWeights {
  const created: tf.Tensor[] = [];
  const get = (name: string) => {
    const t = file.tensors.get(name);
    if (!t) throw new WeightsError('missing-tensor', { file: file.source, tensor: name });
    return t;
  };
  // kept: a model built inside someone's tf.tidy must outlive it
  const track = <T extends tf.Tensor>(t: T): T => {
    created.push(t);
    return tf.keep(t);
  };
  const conv = (name: string): tf.Tensor4D => {
    const hwio = oihwToHwio(get(name));
    return track(tf.tensor4d(hwio.data, hwio.shape as [number, number, number, number]));
  };
  const vec = (name: string): tf.Tensor1D => track(tf.tensor1d(get(name).data));
  const bn = (prefix: string): BnParams => ({
    gamma: vec(`${prefix}.weight`),
    beta: vec(`${prefix}.bias`),
    mean: vec(`${prefix}.running_mean`),
    var: vec(`${prefix}.running_var`),
  });
  try {
    const blocks = spec.stages.flat().map((b): BlockParams => ({
      spec: b,
      conv1: conv(`${b.name}.conv1.weight`),
      bn1: bn(`${b.name}.bn1`),
      conv2: conv(`${b.name}.conv2.weight`),
      bn2: bn(`${b.name}.bn2`),
      conv3: conv(`${b.name}.conv3.weight`),
      bn3: bn(`${b.name}.bn3`),
      downsample: b.projection
        ? { conv: conv(`${b.name}.downsample.0.weight`), bn: bn(`${b.name}.downsample.1`) }
        : undefined,
    }));
    const fc = linearToInOut(get('fc.weight'));
    return {
      conv1: conv('conv1.weight'),
      bn1: bn('bn1'),
      blocks,
      fcWeight: track(tf.tensor2d(fc.data, fc.shape as [number, number])),
      fcBias: vec('fc.bias'),
    };
  } catch (e) {
    tf.dispose(created);
    throw e;
  }
}

export function disposeWeights(w: NetworkWeights): void {
  const bn = (p: BnParams) => [p.gamma, p.beta, p.mean, p.var];
  tf.dispose([w.conv1, ...bn(w.bn1), w.fcWeight, w.fcBias]);
  for (const b of w.blocks) {
    tf.dispose([b.conv1, b.conv2, b.conv3, ...bn(b.bn1), ...bn(b.bn2), ...bn(b.bn3)]);
    if (b.downsample) tf.dispose([b.downsample.conv, ...bn(b.downsample.bn)]);
  }
}

/** Learnable parameters as torchvision counts them: every tensor but BatchNorm running statistics. */
export function countParams(file: SafetensorsFile): number {
  let n = 0;
  for (const [name, t] of file.tensors) {
    if (/\.(running_mean|running_var|num_batches_tracked)$/.test(name)) continue;
    n += t.data.length;
  }
  return n;
}

/** Conv (HWIO) + BN folded into one conv with bias: W·s, β − μ·s with s = γ / √(σ² + ε). Kept tensors. */
export function foldBn(filter: tf.Tensor4D, bn: BnParams): { filter: tf.Tensor4D; bias: tf.Tensor1D } {
  const folded = tf.tidy(() => {
    const scale = tf.mul(bn.gamma, tf.rsqrt(tf.add(bn.var, BN_EPS)));
    return {
      filter: tf.mul(filter, scale) as tf.Tensor4D,
      bias: tf.sub(bn.beta, tf.mul(bn.mean, scale)) as tf.Tensor1D,
    };
  });
  // kept: built lazily, possibly inside a caller's tf.tidy, and owned by the model
  return { filter: tf.keep(folded.filter), bias: tf.keep(folded.bias) };
}
