import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InferenceClient } from './inferenceClient';
import type { TensorData } from './protocol';
import { withWorkerFallback } from './withWorkerFallback';

const model = {};
const holding = (has: boolean) => ({ has: (m: object) => has && m === model }) as InferenceClient;
let input: tf.Tensor;

beforeAll(async () => {
  await tf.setBackend('cpu');
  input = tf.tensor4d([1, 2, 3], [1, 1, 1, 3]);
});
afterAll(() => input.dispose());

describe('withWorkerFallback', () => {
  it('asks the worker, with a copy of the input, when it holds the model', async () => {
    const sent: TensorData[] = [];
    const answer = await withWorkerFallback(
      model,
      input,
      async (_w, data) => (sent.push(data), 'worker'),
      async () => 'page',
      holding(true),
    );
    expect(answer).toBe('worker');
    expect(sent).toEqual([{ values: new Float32Array([1, 2, 3]), shape: [1, 1, 1, 3] }]);
  });

  it('computes on the page when the worker does not hold the model, or cannot answer', async () => {
    let asked = 0;
    const inWorker = async () => (asked++, null);
    expect(await withWorkerFallback(model, input, inWorker, async () => 'page', holding(false))).toBe('page');
    expect(asked).toBe(0);
    expect(await withWorkerFallback(model, input, inWorker, async () => 'page', holding(true))).toBe('page');
    expect(asked).toBe(1);
  });
});
