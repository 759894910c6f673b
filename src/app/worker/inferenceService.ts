import * as tf from '@tensorflow/tfjs-core';
import { canaryPassed, runCanary } from '../../resnext/canary';
import { loadModel, type ResNeXtModel } from '../../resnext/model';
import { blockInput } from '../../resnext/stepThrough';
import { canaryMismatch } from '../backend/canaryVerdict';
import type { InjectedFault } from '../backend/faultInjection';
import { errorMessage } from '../backend/startTfjs';
import type { BackendName } from '../backend/types';
import {
  InferenceWorkerError,
  type InferenceReply,
  type InferenceRequest,
  type ResultOf,
  type StartResult,
  type TensorData,
} from './protocol';

/** Starts a backend (in the worker: startWorkerBackend.ts; in tests: Node's). Throws when it cannot. */
export type StartBackend = (name: BackendName, fault: InjectedFault | null) => Promise<StartResult>;

export interface InferenceService {
  /** The reply to one request; never throws. Requests must be handled one after another. */
  handle(request: InferenceRequest): Promise<InferenceReply>;
  /** Buffers the reply may hand over to the other thread instead of copying. */
  transferables(reply: InferenceReply): Transferable[];
}

const toTensor = ({ values, shape }: TensorData): tf.Tensor4D => {
  if (shape.length !== 4) throw new Error(`an input of rank 4 was expected, got [${shape.join(', ')}]`);
  return tf.tensor4d(values, shape as [number, number, number, number]);
};

/**
 * What the inference worker does, without the worker: one model per id, on the backend `start` made active.
 * Every tensor a request makes is disposed before its reply; a model's are disposed by 'unload'. Pure
 * TensorFlow.js, so it runs in Node for its tests.
 */
export function createInferenceService(startBackend: StartBackend): InferenceService {
  const models = new Map<number, ResNeXtModel>();
  let started: BackendName | null = null;

  const modelOf = (id: number): ResNeXtModel => {
    const model = models.get(id);
    if (!model) throw new Error(`no model ${id} in the worker`);
    if (started === null || tf.getBackend() !== started) throw new Error('the worker has no backend running');
    return model;
  };

  async function run(request: InferenceRequest): Promise<ResultOf[InferenceRequest['type']]> {
    switch (request.type) {
      case 'start': {
        if (started !== null) throw new Error(`the worker already runs ${started}`);
        let result: StartResult;
        const t0 = performance.now();
        try {
          result = await startBackend(request.backend, request.fault);
        } catch (err) {
          throw new InferenceWorkerError({ code: 'start', message: errorMessage(err) });
        }
        started = request.backend;
        return { ...result, ms: performance.now() - t0 };
      }
      case 'load': {
        if (models.has(request.model)) throw new Error(`model ${request.model} is loaded already`);
        if (started === null) throw new Error('the worker has no backend running');
        const model = loadModel(request.file);
        if (!request.canary) {
          models.set(request.model, model);
          return {};
        }
        try {
          const canary = await runCanary(model);
          if (!canaryPassed(canary)) {
            throw new InferenceWorkerError({
              code: 'canary',
              message: canaryMismatch(canary),
              maxAbsDiff: canary.maxAbsDiff,
            });
          }
          models.set(request.model, model);
          const { maxAbsDiff, top1Matches, ms } = canary;
          return { canary: { maxAbsDiff, top1Matches, ms } };
        } catch (err) {
          model.dispose();
          throw err;
        }
      }
      case 'classify': {
        const model = modelOf(request.model);
        const t0 = performance.now();
        const logits = tf.tidy(() => model.predict(toTensor(request.input)));
        try {
          const values = (await logits.data()) as Float32Array;
          return { logits: values, ms: performance.now() - t0 };
        } finally {
          logits.dispose();
        }
      }
      case 'blockInput': {
        const model = modelOf(request.model);
        const x = toTensor(request.input);
        try {
          // One task: nothing waits on the worker's event loop while it runs.
          const y = await blockInput(model, x, request.block, () => Promise.resolve());
          try {
            return { values: (await y.data()) as Float32Array, shape: y.shape };
          } finally {
            y.dispose();
          }
        } finally {
          x.dispose();
        }
      }
      case 'unload': {
        models.get(request.model)?.dispose();
        models.delete(request.model);
        return null;
      }
      case 'memory': {
        const { numTensors, numBytes } = tf.memory();
        return { numTensors, numBytes };
      }
    }
  }

  return {
    async handle(request) {
      try {
        return { id: request.id, ok: true, result: await run(request) };
      } catch (err) {
        const failure =
          err instanceof InferenceWorkerError
            ? err.failure
            : { code: 'error' as const, message: errorMessage(err) };
        return { id: request.id, ok: false, failure };
      }
    },
    transferables(reply) {
      if (!reply.ok || reply.result === null) return [];
      if ('logits' in reply.result) return [reply.result.logits.buffer];
      if ('values' in reply.result) return [reply.result.values.buffer];
      return [];
    },
  };
}
