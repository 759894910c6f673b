import * as tf from '@tensorflow/tfjs-core';

/**
 * A 2-D convolution (NHWC input, HWIO filter, explicit symmetric padding) that can be differentiated on
 * every backend. Where the backend has no kernel for the filter's gradient (WASM), both gradients are
 * computed here as forward convolutions (conv2dFilterGrad, conv2dInputGrad), which the backend runs fast.
 */

const hasFilterGradKernel = (): boolean =>
  tf.getKernel('Conv2DBackpropFilter', tf.getBackend()) !== undefined;

function explicit(pad: number): [[number, number], [number, number], [number, number], [number, number]] {
  return [
    [0, 0],
    [pad, pad],
    [pad, pad],
    [0, 0],
  ];
}

/**
 * Gradient of conv2d with respect to its filter, as one convolution: dW[ky, kx, i, o] = Σ over (n, y, x) of
 * xpad[n, s·y + ky, s·x + kx, i] · dY[n, y, x, o] is the input with batch and channels swapped
 * ([Cin, H, W, N]) convolved with dY as the filter ([Ho, Wo, N, Cout], dilated by the stride).
 */
export function conv2dFilterGrad(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  stride: number,
  pad: number,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, cin, cout] = filterShape;
    if (kh === 1 && kw === 1 && pad === 0) {
      // a 1×1 kernel: Xᵀ · dY over the positions it reads, one matrix product
      const [n, ho, wo] = dy.shape;
      const xs =
        stride === 1
          ? x
          : tf.stridedSlice(
              x,
              [0, 0, 0, 0],
              [n, stride * (ho - 1) + 1, stride * (wo - 1) + 1, cin],
              [1, stride, stride, 1],
            );
      const m = n * ho * wo;
      return tf.reshape(tf.matMul(tf.transpose(tf.reshape(xs, [m, cin])), tf.reshape(dy, [m, cout])), [
        1,
        1,
        cin,
        cout,
      ]) as tf.Tensor4D;
    }
    const xp =
      pad > 0
        ? tf.pad(x, [
            [0, 0],
            [pad, pad],
            [pad, pad],
            [0, 0],
          ])
        : x;
    const xt = tf.transpose(xp, [3, 1, 2, 0]);
    const dyt = tf.transpose(dy, [1, 2, 0, 3]);
    let r = tf.conv2d(xt, dyt, 1, 'valid', 'NHWC', stride);
    if (r.shape[1] !== kh || r.shape[2] !== kw) r = tf.slice(r, [0, 0, 0, 0], [cin, kh, kw, cout]);
    return tf.transpose(r, [1, 2, 0, 3]) as tf.Tensor4D;
  });
}

/** dY with stride − 1 zeros between its rows and between its columns. */
function dilate(dy: tf.Tensor4D, stride: number): tf.Tensor4D {
  if (stride === 1) return dy;
  if (stride !== 2) throw new Error(`trainConv2d: stride ${stride} is not supported`);
  const [n, h, w, c] = dy.shape;
  const z = tf.zerosLike(dy);
  const cols = tf.reshape(tf.stack([dy, z], 3), [n, h, 2 * w, c]);
  const rows = tf.reshape(tf.stack([cols, tf.zerosLike(cols)], 2), [n, 2 * h, 2 * w, c]);
  return tf.slice(rows, [0, 0, 0, 0], [n, 2 * h - 1, 2 * w - 1, c]) as tf.Tensor4D;
}

/**
 * Gradient of conv2d with respect to its input, as one convolution: the (dilated) output gradient, padded,
 * convolved with the filter turned by 180° with its input and output channels swapped.
 */
export function conv2dInputGrad(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  xShape: [number, number, number, number],
  stride: number,
  pad: number,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw] = filter.shape;
    const [, h, w] = xShape;
    let dd = dilate(dy, stride);
    const top = kh - 1 - pad;
    const left = kw - 1 - pad;
    const bottom = h + kh - 1 - top - dd.shape[1];
    const right = w + kw - 1 - left - dd.shape[2];
    if (top < 0 || left < 0) throw new Error('trainConv2d: padding larger than the kernel is not supported');
    if (bottom < 0 || right < 0) {
      dd = tf.slice(
        dd,
        [0, 0, 0, 0],
        [-1, dd.shape[1] + Math.min(bottom, 0), dd.shape[2] + Math.min(right, 0), -1],
      );
    }
    const wf = kh === 1 && kw === 1 ? filter : tf.reverse(filter, [0, 1]);
    const wt = tf.transpose(wf, [0, 1, 3, 2]);
    return tf.conv2d(dd, wt, 1, [
      [0, 0],
      [top, Math.max(bottom, 0)],
      [left, Math.max(right, 0)],
      [0, 0],
    ]);
  });
}

export function trainConv2d(x: tf.Tensor4D, filter: tf.Tensor4D, stride: number, pad: number): tf.Tensor4D {
  if (hasFilterGradKernel()) {
    return tf.conv2d(x, filter, stride, pad === 0 ? 'valid' : explicit(pad));
  }
  const body = (xt: tf.Tensor4D, wt: tf.Tensor4D, save: tf.GradSaveFunc) => {
    save([xt, wt]);
    return {
      value: tf.conv2d(xt, wt, stride, pad === 0 ? 'valid' : explicit(pad)),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sx, sw] = saved as [tf.Tensor4D, tf.Tensor4D];
        const g = dy as tf.Tensor4D;
        const dx = conv2dInputGrad(g, sw, sx.shape, stride, pad);
        const dw = conv2dFilterGrad(sx, g, sw.shape, stride, pad);
        return [dx, dw];
      },
    };
  };
  const f = tf.customGrad(body as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(x, filter) as tf.Tensor4D;
}

/**
 * Grouped convolution that can be trained: the input's channels split into `groups` equal parts, each
 * convolved with its slice of the filter ([kh, kw, in/groups, out], output channels of group g at
 * [g·out/groups, (g+1)·out/groups)), the outputs concatenated — PyTorch's `groups=` convolution.
 */
export function trainGroupedConv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  groups: number,
  stride: number,
  pad: number,
): tf.Tensor4D {
  if (groups === 1) return trainConv2d(x, filter, stride, pad);
  const xs = tf.split(x, groups, 3) as tf.Tensor4D[];
  const ws = tf.split(filter, groups, 3) as tf.Tensor4D[];
  return tf.concat(
    xs.map((xi, g) => trainConv2d(xi, ws[g], stride, pad)),
    3,
  );
}
