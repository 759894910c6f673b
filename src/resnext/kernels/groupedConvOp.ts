import * as tf from '@tensorflow/tfjs-core';

/**
 * The project's own grouped-convolution op. Each backend that has a kernel for it registers one under this
 * name (tf.registerKernel); groupedConv.ts runs it through tf.engine().runKernel when the active backend has one.
 *
 * Inputs: x [N,H,W,Cin] float32 NHWC; filter [kh,kw,Cin/groups,Cout] (HWIO per group, output channel
 * o = g·Cout/groups + j belongs to group g); bias [Cout] optional.
 * Output: [N,Ho,Wo,Cout], Ho = ⌊(H + 2·pad − kh)/stride⌋ + 1 (likewise Wo), zero padding, then + bias, then
 * the activation. Every shape the attributes allow is supported (any groups, Cin/groups, Cout/groups, stride, pad).
 */
export const GROUPED_CONV2D = 'ResnextGroupedConv2D';

export interface GroupedConvAttrs {
  groups: number;
  stride: number;
  pad: number;
  activation: 'linear' | 'relu';
}

export interface GroupedConvInputs {
  x: tf.TensorInfo;
  filter: tf.TensorInfo;
  bias?: tf.TensorInfo;
}

/** Output shape [N,Ho,Wo,Cout] of the op. */
export function groupedConvOutShape(
  xShape: readonly number[],
  filterShape: readonly number[],
  stride: number,
  pad: number,
): [number, number, number, number] {
  const [n, h, w] = xShape;
  const [kh, kw, , cout] = filterShape;
  return [n, Math.floor((h + 2 * pad - kh) / stride) + 1, Math.floor((w + 2 * pad - kw) / stride) + 1, cout];
}

/** Whether `backend` (default: the active one) has a kernel for the op. */
export function hasGroupedConvKernel(backend: string = tf.getBackend()): boolean {
  return tf.getKernel(GROUPED_CONV2D, backend) !== undefined;
}

/** Runs the op on the active backend; it must have a kernel (see hasGroupedConvKernel). */
export function runGroupedConvKernel(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  attrs: GroupedConvAttrs,
  bias?: tf.Tensor1D,
): tf.Tensor4D {
  const inputs: tf.NamedTensorMap = bias ? { x, filter, bias } : { x, filter };
  return tf.engine().runKernel(GROUPED_CONV2D, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor4D;
}
