import * as tf from '@tensorflow/tfjs-core';
import { canaryPassed, runCanary } from '../../resnext/canary';
import { loadModel, type ResNeXtModel } from '../../resnext/model';
import { blockInput } from '../../resnext/stepThrough';
import { canaryMismatch } from '../backend/canaryVerdict';
import type { InjectedFault } from '../backend/faultInjection';
import { errorMessage } from '../backend/startTfjs';
import type { BackendName } from '../backend/types';
import { InferenceWorkerError, type InferenceApi, type StartResult, type TensorData } from './protocol';

/** Starts a backend (in the worker: startWorkerBackend.ts; in tests: Node's). Throws when it cannot. */
export type StartBackend = (name: BackendName, fault: InjectedFault | null) => Promise<StartResult>;

const toTensor = ({ values, shape }: TensorData): tf.Tensor4D => {
  if (shape.length !== 4) throw new Error(`an input of rank 4 was expected, got [${shape.join(', ')}]`);
  return tf.tensor4d(values, shape as [number, number, number, number]);
};

/**
 * What the inference worker does, without the worker: one model per id, on the backend `start` made active.
 * Calls must come one after another (serveInference.ts queues them). A failure is thrown: an
 * InferenceWorkerError with its code, or any other error (code 'error'). Every tensor a call makes is disposed
 * before it returns; a model's are disposed by `unload`. Pure TensorFlow.js, so it runs in Node for its tests.
 */
export function createInferenceService(startBackend: StartBackend): InferenceApi {
  const models = new Map<number, ResNeXtModel>();
  let started: BackendName | null = null;

  const modelOf = (id: number): ResNeXtModel => {
    const model = models.get(id);
    if (!model) throw new Error(`no model ${id} in the worker`);
    if (started === null || tf.getBackend() !== started) throw new Error('the worker has no backend running');
    return model;
  };

  return {
    async start({ backend, fault }) {
      if (started !== null) throw new Error(`the worker already runs ${started}`);
      let result: StartResult;
      const t0 = performance.now();
      try {
        result = await startBackend(backend, fault);
      } catch (err) {
        throw new InferenceWorkerError({ code: 'start', message: errorMessage(err) });
      }
      started = backend;
      return { ...result, ms: performance.now() - t0 };
    },

    async load(id, file, canary) {
      if (models.has(id)) throw new Error(`model ${id} is loaded already`);
      if (started === null) throw new Error('the worker has no backend running');
      const model = loadModel(file);
      if (!canary) {
        models.set(id, model);
        return {};
      }
      try {
        const result = await runCanary(model);
        if (!canaryPassed(result)) {
          throw new InferenceWorkerError({
            code: 'canary',
            message: canaryMismatch(result),
            maxAbsDiff: result.maxAbsDiff,
          });
        }
        models.set(id, model);
        const { maxAbsDiff, top1Matches, ms } = result;
        return { canary: { maxAbsDiff, top1Matches, ms } };
      } catch (err) {
        model.dispose();
        throw err;
      }
    },

    async classify(id, input) {
      const model = modelOf(id);
      const t0 = performance.now();
      const logits = tf.tidy(() => model.predict(toTensor(input)));
      try {
        const values = (await logits.data()) as Float32Array;
        return { logits: values, ms: performance.now() - t0 };
      } finally {
        logits.dispose();
      }
    },

    async blockInput(id, input, block) {
      const model = modelOf(id);
      const x = toTensor(input);
      try {
        // One task: nothing waits on the worker's event loop while it runs.
        const y = await blockInput(model, x, block, () => Promise.resolve());
        try {
          return { values: (await y.data()) as Float32Array, shape: y.shape };
        } finally {
          y.dispose();
        }
      } finally {
        x.dispose();
      }
    },

    async unload(id) {
      models.get(id)?.dispose();
      models.delete(id);
    },

    async memory() {
      const { numTensors, numBytes } = tf.memory();
      return { numTensors, numBytes };
    },
  };
}
