import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { proofBytes, planProof, TENSOR_BUDGET_BYTES } from '../../../resnext/budget';
import { strategyFor } from '../../../resnext/groupedConv';
import { setupNodeBackend } from '../../../resnext/node/setupBackend';
import { stagePreset } from '../../../resnext/stages';
import { runProof } from './proofRunner';

/**
 * The budget's estimate against what the proof really allocates (tf.profile's peak bytes), for a sample of
 * the app's blocks planned within small budgets so that they run quickly in Node. TensorFlow.js's CPU
 * backend is far slower than WASM on ResNet-50's wide stages, so there they are planned within a
 * quarter of the budget (fewer paths or a smaller input: other plans, measured the same way).
 */
const CPU_SHARE_OF_LARGE_BUDGETS = 0.25;
const SAMPLE = [
  { stage: 'c29-1', cardinality: 32, d: 4, budget: 2e6 },
  { stage: 'c29-2', cardinality: 8, d: 14, budget: 3e6 },
  { stage: 'r50-conv2', cardinality: 1, d: 64, budget: 4e6 },
  { stage: 'r50-conv2', cardinality: 64, d: 2, budget: 4e6 },
  { stage: 'r50-conv4', cardinality: 16, d: 16, budget: 40e6 },
  { stage: 'r50-conv5', cardinality: 64, d: 8, budget: 20e6 },
] as const;

describe('proof budget against the real allocation', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`bounds the peak bytes of the proof on ${backend}, within a factor of 2`, async () => {
      await setupNodeBackend(backend);
      for (const s of SAMPLE) {
        const stage = stagePreset(s.stage);
        const d = stage.dFor(s.cardinality, false, s.d);
        const plan = planProof(
          {
            inChannels: stage.inChannels,
            outChannels: stage.outChannels,
            cardinality: s.cardinality,
            d,
            spatial: 8,
          },
          strategyFor(),
          backend === 'cpu' && s.budget > 1e7 ? s.budget * CPU_SHARE_OF_LARGE_BUDGETS : s.budget,
        );
        expect(plan.refused, s.stage).toBe(false);
        const before = tf.memory().numBytes;
        const info = await tf.profile(async () => {
          const r = await runProof({ kind: 'random', ...plan.block, seed: 1 }, 1, () => false);
          expect(r).not.toBeNull();
        });
        const estimate = proofBytes(plan.block, strategyFor());
        const peak = info.peakBytes - before;
        expect(estimate, JSON.stringify(plan.block)).toBeGreaterThanOrEqual(peak);
        expect(estimate, JSON.stringify(plan.block)).toBeLessThanOrEqual(2 * peak);
        expect(tf.memory().numBytes).toBe(before);
      }
    });
  }

  it('refuses, before allocating anything, a block above the budget', async () => {
    await setupNodeBackend('cpu');
    const before = tf.memory();
    const huge = { inChannels: 2048, outChannels: 2048, cardinality: 64, d: 1024, spatial: 7 };
    expect(proofBytes(huge, 'depthwise')).toBeGreaterThan(TENSOR_BUDGET_BYTES);
    const info = await tf.profile(async () => {
      await expect(runProof({ kind: 'random', ...huge, seed: 1 }, 1, () => false)).rejects.toMatchObject({
        code: 'over-budget',
      });
    });
    expect(info.peakBytes).toBeLessThanOrEqual(before.numBytes);
    expect(tf.memory().numTensors).toBe(before.numTensors);
  });
});
