/**
 * The convolution gradients of trainConv.ts (used where a backend has no filter-gradient kernel, as WASM)
 * against tfjs's own conv2d gradients on the cpu backend, at the strides, paddings and kernel sizes of the
 * lab's network; and the grouped form against one convolution per group.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../node/setupBackend';
import { makeRng } from './rng';
import { conv2dFilterGrad, conv2dInputGrad } from './trainConv';

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = makeRng(seed);
  const a = new Float32Array(shape.reduce((x, y) => x * y, 1));
  for (let i = 0; i < a.length; i++) a[i] = rng.normal();
  return tf.tensor(a, shape);
}

function maxRelDiff(
  a: tf.Tensor,
  b: { shape: number[]; data: Float32Array | Int32Array | Uint8Array },
): number {
  expect(a.shape).toEqual(b.shape);
  const x = a.dataSync();
  const y = b.data;
  let d = 0;
  let m = 1e-6;
  for (let i = 0; i < x.length; i++) {
    d = Math.max(d, Math.abs(x[i] - y[i]));
    m = Math.max(m, Math.abs(y[i]));
  }
  return d / m;
}

interface Case {
  k: number;
  stride: number;
  pad: number;
  size: number;
}

const paddingOf = (pad: number) =>
  pad === 0
    ? 'valid'
    : ([
        [0, 0],
        [pad, pad],
        [pad, pad],
        [0, 0],
      ] as [[number, number], [number, number], [number, number], [number, number]]);

/** tfjs's own gradients on the cpu backend, as host arrays. */
async function reference({ k, stride, pad, size }: Case) {
  await setupNodeBackend('cpu');
  return tf.tidy(() => {
    const x = randomTensor([2, size, size, 5], 1) as tf.Tensor4D;
    const w = randomTensor([k, k, 5, 6], 2) as tf.Tensor4D;
    const y = tf.conv2d(x, w, stride, paddingOf(pad));
    const dy = randomTensor(y.shape, 3) as tf.Tensor4D;
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, paddingOf(pad)), dy)),
    )([x, w]);
    return { dyShape: y.shape, dx: tf.clone(dx), dw: tf.clone(dw) };
  });
}

describe.each<Case>([
  { k: 3, stride: 1, pad: 1, size: 8 },
  { k: 3, stride: 2, pad: 1, size: 8 },
  { k: 1, stride: 1, pad: 0, size: 8 },
  { k: 1, stride: 2, pad: 0, size: 8 },
  { k: 3, stride: 2, pad: 1, size: 7 },
])('conv2d gradients, $k×$k, stride $stride, pad $pad, $size×$size', (c) => {
  it.each(['cpu', 'wasm'] as const)('equal tfjs’s own (cpu) on %s', async (backend) => {
    const ref = await reference(c);
    const dxRef = { shape: ref.dx.shape, data: ref.dx.dataSync().slice() };
    const dwRef = { shape: ref.dw.shape, data: ref.dw.dataSync().slice() };
    tf.dispose([ref.dx, ref.dw]);
    await setupNodeBackend(backend);
    const before = tf.memory().numTensors;
    const x = randomTensor([2, c.size, c.size, 5], 1) as tf.Tensor4D;
    const w = randomTensor([c.k, c.k, 5, 6], 2) as tf.Tensor4D;
    const dy = randomTensor(ref.dyShape, 3) as tf.Tensor4D;
    const ourDw = conv2dFilterGrad(x, dy, w.shape, c.stride, c.pad);
    const ourDx = conv2dInputGrad(dy, w, x.shape, c.stride, c.pad);
    expect(maxRelDiff(ourDw, dwRef)).toBeLessThan(1e-5);
    expect(maxRelDiff(ourDx, dxRef)).toBeLessThan(1e-5);
    tf.dispose([x, w, dy, ourDw, ourDx]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
