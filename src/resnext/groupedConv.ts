import * as tf from '@tensorflow/tfjs-core';

/**
 * Grouped 2-D convolution, which tfjs lacks (tf.conv2d needs input depth = filter depth).
 * x: [N,H,W,Cin], filter: HWIO per group, i.e. [kh, kw, Cin/groups, Cout]; output channels
 * [g·Cout/groups, (g+1)·Cout/groups) see only input channels of group g, as in PyTorch.
 * pad is explicit and symmetric, matching PyTorch's `padding=pad`.
 */
export function groupedConv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  groups: number,
  stride: number,
  pad: number,
): tf.Tensor4D {
  return tf.tidy(() => {
    const cin = x.shape[3];
    const [kh, kw, cinG, cout] = filter.shape;
    if (cin !== cinG * groups || cout % groups !== 0) {
      throw new Error(
        `groupedConv2d: input has ${cin} channels, filter [${kh},${kw},${cinG},${cout}] with ${groups} groups`,
      );
    }
    const padding: [[number, number], [number, number], [number, number], [number, number]] = [
      [0, 0],
      [pad, pad],
      [pad, pad],
      [0, 0],
    ];
    if (groups === 1) return tf.conv2d(x, filter, stride, padding);
    const xs = tf.split(x, groups, 3);
    const fs = tf.split(filter, groups, 3);
    const ys = xs.map((xi, g) => tf.conv2d(xi as tf.Tensor4D, fs[g] as tf.Tensor4D, stride, padding));
    return tf.concat(ys, 3) as tf.Tensor4D;
  });
}
