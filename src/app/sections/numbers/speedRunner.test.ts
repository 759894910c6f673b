import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSpeedTest } from './speedRunner';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('runSpeedTest', () => {
  it('stops between two timings when its signal aborts, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runSpeedTest({
      sizes: [4],
      runs: 1,
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 1) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(Math.max(...seen)).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the backend it ran on', async () => {
    const r = await runSpeedTest({ sizes: [4], runs: 1 });
    expect(r.backend).toBe('cpu');
    expect(r.results).toHaveLength(4);
  });
});
