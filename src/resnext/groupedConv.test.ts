import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  groupedConv2d,
  groupedConv2dNaive,
  groupedConv2dScalar,
  prepareGroupedConv,
  type GroupedConvStrategy,
} from './groupedConv';
import { setupNodeBackend, type NodeBackend } from './node/setupBackend';
import { randomArray, seededRandom } from './node/random';

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

interface Case {
  n: number;
  h: number;
  w: number;
  groups: number;
  cinG: number;
  coutG: number;
  k: number;
  stride: 1 | 2;
  pad: number;
}

/** Random configurations: any cardinality and group widths, odd and even sizes, both strides. */
function randomCases(count: number, seed: number): Case[] {
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(((r() + 1) / 2) * xs.length)];
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const k = pick([1, 3, 3]);
    cases.push({
      n: pick([1, 2]),
      h: pick([4, 5, 7, 8]),
      w: pick([5, 6, 9]),
      groups: pick([1, 2, 3, 4, 8]),
      cinG: pick([1, 2, 3, 4]),
      coutG: pick([1, 2, 4, 5]),
      k,
      stride: pick([1, 2]),
      pad: k === 3 ? pick([0, 1, 1]) : 0,
    });
  }
  return cases;
}

const STRATEGIES: GroupedConvStrategy[] = ['slice', 'depthwise', 'blockdiag'];

describe.each<NodeBackend>(['cpu', 'wasm'])('grouped convolution on %s', (backend) => {
  const cases = randomCases(24, backend === 'cpu' ? 7 : 11);

  it.each(cases.map((c, i) => [i, c] as const))(
    'case %i equals the scalar definition and the naive oracle',
    async (i, c) => {
      await setupNodeBackend(backend);
      const rand = seededRandom(100 + i);
      const xs = {
        shape: [c.n, c.h, c.w, c.groups * c.cinG],
        data: randomArray(c.n * c.h * c.w * c.groups * c.cinG, rand),
      };
      const fs = {
        shape: [c.k, c.k, c.cinG, c.groups * c.coutG],
        data: randomArray(c.k * c.k * c.cinG * c.groups * c.coutG, rand),
      };
      const ref = groupedConv2dScalar(xs, fs, c.groups, c.stride, c.pad);
      const before = tf.memory().numTensors;
      const x = tf.tensor4d(xs.data, xs.shape as [number, number, number, number]);
      const f = tf.tensor4d(fs.data, fs.shape as [number, number, number, number]);

      const naive = groupedConv2dNaive(x, f, c.groups, c.stride, c.pad);
      expect(naive.shape).toEqual(ref.shape);
      expect(maxAbsDiff(naive.dataSync(), ref.data)).toBeLessThanOrEqual(1e-4);

      for (const s of STRATEGIES) {
        const y = groupedConv2d(x, f, c.groups, c.stride, c.pad, s);
        expect(y.shape, s).toEqual(ref.shape);
        expect(maxAbsDiff(y.dataSync(), ref.data), s).toBeLessThanOrEqual(1e-4);
        y.dispose();
      }
      const y = groupedConv2d(x, f, c.groups, c.stride, c.pad);
      expect(maxAbsDiff(y.dataSync(), naive.dataSync())).toBeLessThanOrEqual(1e-4);
      tf.dispose([x, f, naive, y]);
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('adds the bias before the ReLU in every strategy', async () => {
    await setupNodeBackend(backend);
    const rand = seededRandom(5);
    const [groups, cinG, coutG] = [4, 3, 2];
    const xs = { shape: [1, 6, 6, groups * cinG], data: randomArray(36 * groups * cinG, rand) };
    const fs = { shape: [3, 3, cinG, groups * coutG], data: randomArray(9 * cinG * groups * coutG, rand) };
    const bias = randomArray(groups * coutG, rand);
    const ref = groupedConv2dScalar(xs, fs, groups, 2, 1);
    const expected = ref.data.map((v, j) => Math.max(0, v + bias[j % bias.length]));
    const before = tf.memory().numTensors;
    const x = tf.tensor4d(xs.data, xs.shape as [number, number, number, number]);
    const f = tf.tensor4d(fs.data, fs.shape as [number, number, number, number]);
    const b = tf.tensor1d(bias);
    const conv = prepareGroupedConv(f, groups, b);
    for (const s of STRATEGIES) {
      const y = conv.apply(x, 2, 1, 'relu', s);
      expect(maxAbsDiff(y.dataSync(), expected), s).toBeLessThanOrEqual(1e-4);
      y.dispose();
    }
    conv.dispose();
    tf.dispose([x, f, b]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects inputs whose channels do not match the groups', async () => {
    await setupNodeBackend(backend);
    const x = tf.zeros([1, 4, 4, 6]) as tf.Tensor4D;
    const f = tf.zeros([3, 3, 2, 8]) as tf.Tensor4D;
    expect(() => groupedConv2d(x, f, 4, 1, 1)).toThrow(/6 channels/);
    expect(() => groupedConv2d(x, f, 3, 1, 1)).toThrow(/cannot form 3 groups/);
    tf.dispose([x, f]);
  });
});

describe('groupedConv2dScalar', () => {
  it('computes a hand-checked 2-group example', () => {
    // 1×2×2 input with 2 channels; 1×1 kernel, 2 groups of 1 → 1: channel g is scaled by filter g
    const x = { shape: [1, 2, 2, 2], data: Float32Array.from([1, 10, 2, 20, 3, 30, 4, 40]) };
    const f = { shape: [1, 1, 1, 2], data: Float32Array.from([2, -1]) };
    expect(Array.from(groupedConv2dScalar(x, f, 2, 1, 0).data)).toEqual([2, -10, 4, -20, 6, -30, 8, -40]);
    // 3×3 kernel of ones, pad 1, stride 2 on a 3×3 input of ones, one group: corners see 4 pixels
    const ones = { shape: [1, 3, 3, 1], data: new Float32Array(9).fill(1) };
    const k = { shape: [3, 3, 1, 1], data: new Float32Array(9).fill(1) };
    const r = groupedConv2dScalar(ones, k, 1, 2, 1);
    expect(r.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(r.data)).toEqual([4, 4, 4, 4]);
  });
});

afterAll(async () => {
  await setupNodeBackend('cpu');
});
