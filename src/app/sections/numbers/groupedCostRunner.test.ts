import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../../resnext/node/setupBackend';
import { runGroupedCost, type GroupedCostResult } from './groupedCostRunner';

// A small layer (8×8) so the test is quick; the page times 32×32.
const shape = { side: 8, channels: 256, templateD: 64 };

beforeAll(async () => {
  await setupNodeBackend('wasm');
});

describe('runGroupedCost (wasm)', () => {
  it('times dense, our kernel and the tfjs-op workaround per C, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const seen: GroupedCostResult[] = [];
    const run = await runGroupedCost({
      cardinalities: [1, 4, 32],
      shape,
      runs: 2,
      onResult: (r) => seen.push(r),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(run.backend).toBe('wasm');
    expect(run.strategy).toBe('kernel');
    expect(run.workaround).toBe('depthwise');
    expect(run.results.map((r) => [r.c, r.d])).toEqual([
      [1, 64],
      [4, 24],
      [32, 4],
    ]);
    expect(seen).toEqual(run.results);
    for (const r of run.results) {
      expect(r.msDense).toBeGreaterThan(0);
      expect(r.msGrouped).toBeGreaterThan(0);
      expect(r.msWorkaround).toBeGreaterThan(0);
    }
  });

  it('stops at the next pause when cancelled, rejects, and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runGroupedCost({
      cardinalities: [1, 2, 4, 8],
      shape,
      runs: 2,
      signal: controller.signal,
      onResult: (r) => {
        seen.push(r.c);
        controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(seen).toEqual([1]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cancels mid-conv too: an abort between two timed runs frees the conv it was timing', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let aliveAtAbort = 0;
    // aborts at the first pause at which the timed conv's tensors exist
    const watch = setInterval(() => {
      const n = tf.memory().numTensors;
      if (n > before && !controller.signal.aborted) {
        aliveAtAbort = n - before;
        controller.abort();
      }
    }, 0);
    try {
      const run = runGroupedCost({ cardinalities: [8, 16], shape, runs: 3, signal: controller.signal });
      await expect(run).rejects.toThrow();
    } finally {
      clearInterval(watch);
    }
    expect(aliveAtAbort).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
