import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeBlockWeights, randomBlockWeights, type BlockWeights } from './blockWeights';
import { branchContributions, runFormA, runFormB, runFormC } from './forms';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** max |a − b| relative to max |b| */
function relDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] / tf.max(tf.abs(b)).dataSync()[0]);
}

/**
 * Plain-loop T(x) with PyTorch's grouped-conv semantics, independent of tfjs convs: conv2 output channel o
 * (group g = floor(o/d)) reads h1 channels g·d … g·d+d−1 through w2[ky][kx][j][o].
 */
function referenceBlock(xs: tf.Tensor4D, w: BlockWeights): Float32Array {
  const [n, h, wd, cin] = xs.shape;
  const { d, outChannels: cout } = w;
  const cw = w.cardinality * d;
  const x = xs.dataSync();
  const [w1, b1, w2, b2, w3, b3] = [w.w1, w.b1, w.w2, w.b2, w.w3, w.b3].map((t) => t.dataSync());
  const at = (b: number, y: number, xx: number, c: number, ch: number) => ((b * h + y) * wd + xx) * ch + c;
  const h1 = new Float32Array(n * h * wd * cw);
  const h2 = new Float32Array(n * h * wd * cw);
  const out = new Float32Array(n * h * wd * cout);
  for (let b = 0; b < n; b++)
    for (let y = 0; y < h; y++)
      for (let xx = 0; xx < wd; xx++) {
        for (let o = 0; o < cw; o++) {
          let s = b1[o];
          for (let c = 0; c < cin; c++) s += x[at(b, y, xx, c, cin)] * w1[c * cw + o];
          h1[at(b, y, xx, o, cw)] = Math.max(0, s);
        }
      }
  for (let b = 0; b < n; b++)
    for (let y = 0; y < h; y++)
      for (let xx = 0; xx < wd; xx++)
        for (let o = 0; o < cw; o++) {
          const g = Math.floor(o / d);
          let s = b2[o];
          for (let ky = 0; ky < 3; ky++)
            for (let kx = 0; kx < 3; kx++) {
              const yy = y + ky - 1;
              const xi = xx + kx - 1;
              if (yy < 0 || yy >= h || xi < 0 || xi >= wd) continue;
              for (let j = 0; j < d; j++)
                s += h1[at(b, yy, xi, g * d + j, cw)] * w2[((ky * 3 + kx) * d + j) * cw + o];
            }
          h2[at(b, y, xx, o, cw)] = Math.max(0, s);
        }
  for (let b = 0; b < n; b++)
    for (let y = 0; y < h; y++)
      for (let xx = 0; xx < wd; xx++)
        for (let o = 0; o < cout; o++) {
          let s = b3[o];
          for (let c = 0; c < cw; c++) s += h2[at(b, y, xx, c, cw)] * w3[c * cout + o];
          out[at(b, y, xx, o, cout)] = s;
        }
  return out;
}

// in ≠ out and a non-square input so that swapped axes cannot pass
const IN = 24;
const OUT = 40;
const cases: [number, number][] = [
  [1, 16],
  [2, 8],
  [4, 6],
  [8, 3],
  [32, 2],
];

describe('the three forms of a ResNeXt block compute the same T(x)', () => {
  let x: tf.Tensor4D;
  beforeAll(() => {
    x = tf.randomNormal([2, 6, 7, IN], 0, 1, 'float32', 7);
  });
  afterAll(() => x.dispose());

  it.each(cases)('C=%i, d=%i: forms a, b, c agree with a plain-loop reference', (c, d) => {
    const before = tf.memory().numTensors;
    const w = randomBlockWeights(IN, OUT, c, d, 100 + c, 0.1);
    const [a, b, cc] = [runFormA(x, w), runFormB(x, w), runFormC(x, w)];
    expect(cc.shape).toEqual([2, 6, 7, OUT]);
    expect(relDiff(a, cc)).toBeLessThanOrEqual(1e-5);
    expect(relDiff(b, cc)).toBeLessThanOrEqual(1e-5);
    const ref = tf.tensor4d(referenceBlock(x, w), cc.shape);
    expect(relDiff(cc, ref)).toBeLessThanOrEqual(1e-5);
    tf.dispose([a, b, cc, ref]);
    disposeBlockWeights(w);
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(cases)('C=%i, d=%i: Σ_i T_i(x) + b3 equals the block output', (c, d) => {
    const before = tf.memory().numTensors;
    const w = randomBlockWeights(IN, OUT, c, d, 200 + c, 0.1);
    const all = Array.from({ length: c }, (_, i) => i);
    const parts = branchContributions(x, w, all);
    expect(parts.length).toBe(c);
    const merged = tf.tidy(() => tf.add(tf.addN(parts), w.b3));
    const y = runFormC(x, w);
    expect(relDiff(merged, y)).toBeLessThanOrEqual(1e-5);
    tf.dispose([...parts, merged, y]);
    disposeBlockWeights(w);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('branchContributions returns only the chosen paths, in order, and rejects missing ones', () => {
    const before = tf.memory().numTensors;
    const w = randomBlockWeights(IN, OUT, 4, 6, 3, 0.1);
    const [p2, p0] = branchContributions(x, w, [2, 0]);
    const [q0, q1, q2] = branchContributions(x, w, [0, 1, 2]);
    expect(relDiff(p2, q2)).toBe(0);
    expect(relDiff(p0, q0)).toBe(0);
    expect(relDiff(p0, p2)).toBeGreaterThan(0.01);
    expect(() => branchContributions(x, w, [4])).toThrow();
    tf.dispose([p2, p0, q0, q1, q2]);
    disposeBlockWeights(w);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an input with the wrong number of channels without leaking', () => {
    const before = tf.memory().numTensors;
    const w = randomBlockWeights(IN + 1, OUT, 2, 4, 1);
    expect(() => runFormA(x, w)).toThrow(/25 input channels/);
    expect(() => runFormC(x, w)).toThrow();
    disposeBlockWeights(w);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('random weights are deterministic per seed with zero biases by default', () => {
    const [w, v] = [randomBlockWeights(8, 8, 2, 2, 5), randomBlockWeights(8, 8, 2, 2, 5)];
    expect(w.w2.shape).toEqual([3, 3, 2, 4]);
    expect(relDiff(w.w2, v.w2)).toBe(0);
    expect(Array.from(w.b1.dataSync())).toEqual([0, 0, 0, 0]);
    disposeBlockWeights(w);
    disposeBlockWeights(v);
  });
});
