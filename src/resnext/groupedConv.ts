import * as tf from '@tensorflow/tfjs-core';
import { hasGroupedConvKernel, runGroupedConvKernel } from './kernels/groupedConvOp';

/**
 * Grouped 2-D convolution, which tfjs lacks (tf.conv2d needs input depth = filter depth).
 * x: [N,H,W,Cin]; filter: HWIO per group, [kh, kw, Cin/groups, Cout]; output channels
 * [g·Cout/groups, (g+1)·Cout/groups) see only input channels of group g, as in PyTorch.
 * pad is explicit and symmetric, matching PyTorch's `padding=pad` (never 'same', which pads
 * asymmetrically at stride 2).
 *
 * Strategies, all equal up to float rounding:
 * - slice: split input and filter per group, one conv per group, concat;
 * - depthwise: a depthwise conv with channel multiplier Cout/groups computes every
 *   (input channel, output channel) product of a group, then a reshape + sum over the group's inputs;
 * - blockdiag: one dense conv whose filter is zero outside the groups (groups× the MACs);
 * - kernel: the project's own grouped-conv kernel (kernels/), where the backend has one registered.
 */
export type GroupedConvStrategy = 'slice' | 'depthwise' | 'blockdiag' | 'kernel';

/**
 * Strategy per tfjs backend when it has no kernel of ours, picked by timing scripts/bench-grouped-node.ts
 * (cpu, wasm); backends not measured use slice.
 */
export const groupedConvStrategyByBackend: Record<string, GroupedConvStrategy> = {
  cpu: 'depthwise',
  wasm: 'depthwise',
};

export const strategyFor = (backend: string = tf.getBackend()): GroupedConvStrategy =>
  hasGroupedConvKernel(backend) ? 'kernel' : (groupedConvStrategyByBackend[backend] ?? 'slice');

type Activation = 'linear' | 'relu';

type Padding = [[number, number], [number, number], [number, number], [number, number]];
const explicitPad = (pad: number): Padding => [
  [0, 0],
  [pad, pad],
  [pad, pad],
  [0, 0],
];

/** A grouped conv whose filter layouts are built once per strategy and kept until dispose(). */
export interface PreparedGroupedConv {
  readonly groups: number;
  readonly filterShape: [number, number, number, number];
  apply(
    x: tf.Tensor4D,
    stride: number,
    pad: number,
    activation?: Activation,
    strategy?: GroupedConvStrategy,
  ): tf.Tensor4D;
  /** Builds a strategy's filter layout now rather than on first use (default: the current backend's). */
  warm(strategy?: GroupedConvStrategy): void;
  dispose(): void;
}

/**
 * Prepares a grouped conv with an optional per-output-channel bias. The caller keeps ownership of
 * `filter` and `bias`; the prepared layouts are copies.
 */
export function prepareGroupedConv(
  filter: tf.Tensor4D,
  groups: number,
  bias?: tf.Tensor1D,
): PreparedGroupedConv {
  const [kh, kw, cinG, cout] = filter.shape;
  if (!Number.isInteger(groups) || groups < 1 || cout % groups !== 0) {
    throw new Error(`groupedConv2d: filter [${kh},${kw},${cinG},${cout}] cannot form ${groups} groups`);
  }
  if (bias && bias.shape[0] !== cout)
    throw new Error(`groupedConv2d: bias of ${bias.shape[0]} for ${cout} outputs`);
  const coutG = cout / groups;
  const cache = new Map<GroupedConvStrategy, tf.Tensor[]>();
  let disposed = false;

  const layouts = (strategy: GroupedConvStrategy): tf.Tensor[] => {
    if (disposed) throw new Error('groupedConv2d: used after dispose()');
    let t = cache.get(strategy);
    if (!t) {
      t = tf.tidy(() => buildLayouts(strategy));
      t.forEach((x) => tf.keep(x));
      cache.set(strategy, t);
    }
    return t;
  };

  const buildLayouts = (strategy: GroupedConvStrategy): tf.Tensor[] => {
    const b = bias ? [bias.clone()] : [];
    if (groups === 1 || strategy === 'kernel') return [filter.clone(), ...b];
    if (strategy === 'slice') {
      return [...tf.split(filter, groups, 3), ...(bias ? tf.split(bias, groups, 0) : [])];
    }
    if (strategy === 'depthwise') {
      // dw[., ., g·cinG + i, j] = filter[., ., i, g·coutG + j]
      const f = tf.transpose(tf.reshape(filter, [kh, kw, cinG, groups, coutG]), [0, 1, 3, 2, 4]);
      return [tf.reshape(f, [kh, kw, groups * cinG, coutG]), ...b];
    }
    // block-diagonal dense filter: zero where input group ≠ output group
    const gi = tf.reshape(tf.floorDiv(tf.range(0, groups * cinG, 1, 'int32'), cinG), [groups * cinG, 1]);
    const go = tf.reshape(tf.floorDiv(tf.range(0, cout, 1, 'int32'), coutG), [1, cout]);
    const mask = tf.reshape(tf.cast(tf.equal(gi, go), 'float32'), [1, 1, groups * cinG, cout]);
    const dense = tf.mul(tf.tile(filter, [1, 1, groups, 1]), mask);
    return [dense, ...b];
  };

  const apply = (
    x: tf.Tensor4D,
    stride: number,
    pad: number,
    activation: Activation = 'linear',
    strategy: GroupedConvStrategy = strategyFor(),
  ): tf.Tensor4D => {
    const cin = x.shape[3];
    if (cin !== cinG * groups) {
      throw new Error(
        `groupedConv2d: input has ${cin} channels, filter [${kh},${kw},${cinG},${cout}] with ${groups} groups`,
      );
    }
    const padding = explicitPad(pad);
    const t = layouts(groups === 1 ? 'blockdiag' : strategy);
    if (groups > 1 && strategy === 'kernel') {
      if (!hasGroupedConvKernel()) throw new Error(`groupedConv2d: no kernel on ${tf.getBackend()}`);
      return runGroupedConvKernel(
        x,
        t[0] as tf.Tensor4D,
        { groups, stride, pad, activation },
        bias ? (t[1] as tf.Tensor1D) : undefined,
      );
    }
    return tf.tidy(() => {
      if (groups === 1 || strategy === 'blockdiag') {
        return tf.fused.conv2d({
          x,
          filter: t[0] as tf.Tensor4D,
          strides: stride,
          pad: padding,
          bias: t[1],
          activation,
        });
      }
      if (strategy === 'slice') {
        const xs = tf.split(x, groups, 3);
        const ys = xs.map((xi, g) =>
          tf.fused.conv2d({
            x: xi as tf.Tensor4D,
            filter: t[g] as tf.Tensor4D,
            strides: stride,
            pad: padding,
            bias: bias ? t[groups + g] : undefined,
            activation,
          }),
        );
        return tf.concat(ys, 3);
      }
      const dw = tf.depthwiseConv2d(x, t[0] as tf.Tensor4D, stride, padding);
      const [n, h, w] = dw.shape;
      let y: tf.Tensor4D = tf.reshape(tf.sum(tf.reshape(dw, [n, h, w, groups, cinG, coutG]), 4), [
        n,
        h,
        w,
        cout,
      ]);
      if (bias) y = tf.add(y, t[1]);
      return activation === 'relu' ? tf.relu(y) : y;
    });
  };

  return {
    groups,
    filterShape: [kh, kw, cinG, cout],
    apply,
    warm(strategy = strategyFor()) {
      layouts(groups === 1 ? 'blockdiag' : strategy);
    },
    dispose() {
      disposed = true;
      cache.forEach((ts) => tf.dispose(ts));
      cache.clear();
    },
  };
}

/** One grouped conv; builds the strategy's filter layout for this call only. */
export function groupedConv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  groups: number,
  stride: number,
  pad: number,
  strategy: GroupedConvStrategy = strategyFor(),
): tf.Tensor4D {
  const conv = prepareGroupedConv(filter, groups);
  try {
    return conv.apply(x, stride, pad, 'linear', strategy);
  } finally {
    conv.dispose();
  }
}

/** Test oracle: one tf.conv2d per group on tf.slice'd channels. */
export function groupedConv2dNaive(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  groups: number,
  stride: number,
  pad: number,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, cin] = x.shape;
    const [kh, kw, cinG, cout] = filter.shape;
    const cg = cin / groups;
    const og = cout / groups;
    const outs: tf.Tensor4D[] = [];
    for (let g = 0; g < groups; g++) {
      const xg = tf.slice(x, [0, 0, 0, g * cg], [n, h, w, cg]);
      const fg = tf.slice(filter, [0, 0, 0, g * og], [kh, kw, cinG, og]);
      outs.push(tf.conv2d(xg, fg, stride, explicitPad(pad)));
    }
    return tf.concat(outs, 3);
  });
}

export interface HostArray {
  shape: number[];
  data: Float32Array;
}

/** Plain-JS scalar grouped conv (NHWC input, [kh,kw,Cin/groups,Cout] filter), the definition itself. */
export function groupedConv2dScalar(
  x: HostArray,
  filter: HostArray,
  groups: number,
  stride: number,
  pad: number,
): HostArray {
  const [n, h, w, cin] = x.shape;
  const [kh, kw, cinG, cout] = filter.shape;
  const og = cout / groups;
  const ho = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const wo = Math.floor((w + 2 * pad - kw) / stride) + 1;
  const out = new Float32Array(n * ho * wo * cout);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < ho; oy++) {
      for (let ox = 0; ox < wo; ox++) {
        for (let o = 0; o < cout; o++) {
          const g = Math.floor(o / og);
          let acc = 0;
          for (let ky = 0; ky < kh; ky++) {
            const iy = oy * stride - pad + ky;
            if (iy < 0 || iy >= h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ox * stride - pad + kx;
              if (ix < 0 || ix >= w) continue;
              for (let i = 0; i < cinG; i++) {
                acc +=
                  x.data[((b * h + iy) * w + ix) * cin + g * cinG + i] *
                  filter.data[((ky * kw + kx) * cinG + i) * cout + o];
              }
            }
          }
          out[((b * ho + oy) * wo + ox) * cout + o] = acc;
        }
      }
    }
  }
  return { shape: [n, ho, wo, cout], data: out };
}
