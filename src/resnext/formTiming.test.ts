import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { disposeBlockWeights, randomBlockWeights } from './blockWeights';
import { timeForms } from './formTiming';

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
