import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORM_RUNNERS } from '../../../resnext/forms';
import { runProof, type ProofSource } from './proofRunner';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
});

const small: ProofSource = {
  kind: 'random',
  inChannels: 16,
  outChannels: 16,
  cardinality: 4,
  d: 2,
  spatial: 5,
  seed: 3,
};

describe('runProof', () => {
  it('finds the three forms equal up to float32 rounding and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const r = await runProof(small, 2, () => false);
    expect(r).not.toBeNull();
    expect(r!.maxAbs).toBeGreaterThan(0.1);
    expect(r!.maxDiffAB).toBeLessThan(1e-4);
    expect(r!.maxDiffAC).toBeLessThan(1e-4);
    expect(r!.inputShape).toEqual([1, 5, 5, 16]);
    expect(r!.backend).toBe('cpu');
    for (const f of ['a', 'b', 'c'] as const) expect(r!.medianMs[f]).toBeGreaterThanOrEqual(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports a form that computes something else', async () => {
    const shifted = {
      ...FORM_RUNNERS,
      b: (x: tf.Tensor4D, w: Parameters<typeof FORM_RUNNERS.b>[1]) =>
        tf.tidy(() => tf.add(FORM_RUNNERS.b(x, w), tf.scalar(0.5)) as tf.Tensor4D),
    };
    const r = await runProof(small, 1, () => false, shifted);
    expect(r!.maxDiffAB).toBeCloseTo(0.5, 4);
    expect(r!.maxDiffAC).toBeLessThan(1e-4);
  });

  it('stops when cancelled and still frees everything, including handed-over tensors', async () => {
    const before = tf.memory().numTensors;
    let calls = 0;
    const r = await runProof(small, 2, () => ++calls > 1);
    expect(r).toBeNull();
    const trained: ProofSource = {
      kind: 'trained',
      block: 'layer1.1',
      load: async () => {
        const { randomBlockWeights } = await import('../../../resnext/blockWeights');
        return { weights: randomBlockWeights(8, 8, 2, 2, 1), input: tf.ones([1, 3, 3, 8]) as tf.Tensor4D };
      },
    };
    let n = 0;
    expect(await runProof(trained, 1, () => ++n > 1)).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    const done = await runProof(trained, 1, () => false);
    expect(done!.source).toBe('trained');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('runs one proof at a time', async () => {
    const order: string[] = [];
    const slow = (tag: string): ProofSource => ({
      kind: 'trained',
      block: tag,
      load: async () => {
        order.push(`start ${tag}`);
        await new Promise((r) => setTimeout(r, 20));
        const { randomBlockWeights } = await import('../../../resnext/blockWeights');
        order.push(`loaded ${tag}`);
        return { weights: randomBlockWeights(8, 8, 2, 2, 1), input: tf.ones([1, 3, 3, 8]) as tf.Tensor4D };
      },
    });
    await Promise.all([runProof(slow('x'), 1, () => false), runProof(slow('y'), 1, () => false)]);
    expect(order).toEqual(['start x', 'loaded x', 'start y', 'loaded y']);
  });
});
