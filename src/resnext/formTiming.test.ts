import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { disposeBlockWeights, randomBlockWeights } from './blockWeights';
import { speedTest, timeForms } from './formTiming';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('timeForms', () => {
  it('times each requested form and frees everything it made', async () => {
    const x = tf.randomNormal([1, 4, 4, 16], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = randomBlockWeights(16, 16, 4, 2, 1);
    const before = tf.memory().numTensors;
    const t = await timeForms(x, w, 2);
    expect(Object.keys(t).sort()).toEqual(['a', 'b', 'c']);
    for (const ms of Object.values(t)) expect(Number.isFinite(ms)).toBe(true);
    expect(Object.keys(await timeForms(x, w, 1, ['b']))).toEqual(['b']);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    disposeBlockWeights(w);
  });
});

describe('speedTest', () => {
  it('reports ResNet 1×64d and ResNeXt 32×4d forms per size with their MACs, disposing everything', async () => {
    const before = tf.memory().numTensors;
    const progress: [number, number][] = [];
    const rows = await speedTest({ sizes: [6, 4], runs: 1, channels: 32 }, (done, total) =>
      progress.push([done, total]),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(rows.map((r) => r.label)).toEqual([
      '1×64d 6×6',
      '32×4d (a) 6×6',
      '32×4d (b) 6×6',
      '32×4d (c) 6×6',
      '1×64d 4×4',
      '32×4d (a) 4×4',
      '32×4d (b) 4×4',
      '32×4d (c) 4×4',
    ]);
    // 32 → 64 → 64 → 32 and 32 paths of 32 → 4 → 4 → 32, per output position
    expect(rows[0].macs).toBe(36 * (32 * 64 + 9 * 64 * 64 + 64 * 32));
    expect(rows[1].macs).toBe(36 * 32 * (32 * 4 + 9 * 4 * 4 + 4 * 32));
    expect(rows[7].macs).toBe(16 * 32 * (32 * 4 + 9 * 4 * 4 + 4 * 32));
    expect(progress).toEqual(rows.map((_, i) => [i + 1, 8]));
    for (const r of rows) expect(Number.isFinite(r.medianMs)).toBe(true);
  });
});
