/**
 * The inference worker's service, in Node on WebAssembly (the worker runs the same code on the page's
 * backend), called as the page calls it: through Comlink (serveInference) over an in-memory channel. Its
 * answers equal the page's computations bit for bit, it frees what it makes, it reports failures by code,
 * and a kernel broken only in the worker is caught by its canary.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { wrap } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_REFERENCE } from '../../resnext/canary';
import { loadModel, type ResNeXtModel } from '../../resnext/model';
import { setupNodeBackend } from '../../resnext/node/setupBackend';
import { parseSafetensors, type SafetensorsFile } from '../../resnext/safetensors';
import { injectRequestedFault } from '../backend/faultInjection';
import { installErrorTransfer } from './errorTransfer';
import { createInferenceService } from './inferenceService';
import { memoryChannel } from './memoryChannel';
import { InferenceWorkerError, type InferenceApi, type TensorData } from './protocol';
import { serveInference } from './serveInference';

const path = `public/models/${CANARY_REFERENCE.model}`;
let file: SafetensorsFile;
let pageModel: ResNeXtModel;

const started: string[] = [];
const service = createInferenceService(async (name, fault) => {
  if (name !== 'wasm') throw new Error(`${name} is not available in Node`);
  await setupNodeBackend('wasm');
  injectRequestedFault(tf, name, 'worker', fault);
  started.push(name);
  return { backend: name, groupedConvKernel: true };
});
/** the buffers of the worker's last answer, as the worker side holds them once it has answered */
const sent: ArrayBufferLike[] = [];
const [page, worker] = memoryChannel();
serveInference(
  {
    ...service,
    classify: async (...args) => {
      const result = await service.classify(...args);
      sent.push(result.logits.buffer);
      return result;
    },
  },
  worker,
);
installErrorTransfer();
const remote = wrap<InferenceApi>(page);

/** The failure a call rejects with, as the page receives it. */
async function failureOf(call: Promise<unknown>) {
  const err: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InferenceWorkerError);
  return (err as InferenceWorkerError).failure;
}

/** A normalised input with values a picture could give. */
function input(seed: number): TensorData {
  const values = new Float32Array(32 * 32 * 3);
  for (let i = 0; i < values.length; i++) values[i] = Math.sin(seed * 7.1 + i * 0.37) * 1.8;
  return { values, shape: [1, 32, 32, 3] };
}

beforeAll(async () => {
  await setupNodeBackend('wasm');
  file = parseSafetensors(new Uint8Array(readFileSync(path)), path);
  pageModel = loadModel(file);
});

afterAll(() => pageModel.dispose());

describe('the inference service', () => {
  it('refuses work before a backend starts, and says which backend failed to start', async () => {
    expect(await failureOf(remote.load(1, file, false))).toMatchObject({ code: 'error' });
    expect(await failureOf(remote.start({ backend: 'webgpu', fault: null }))).toEqual({
      code: 'start',
      message: 'webgpu is not available in Node',
    });
    expect(await remote.start({ backend: 'wasm', fault: null })).toMatchObject({ backend: 'wasm' });
  });

  it('loads the default model with the canary, and answers as the page computes, bit for bit', async () => {
    const load = await remote.load(1, file, true);
    expect(load.canary!.maxAbsDiff).toBeLessThanOrEqual(CANARY_REFERENCE.tolerance);

    const x = input(1);
    const answer = await remote.classify(1, x);
    const logits = tf.tidy(() => pageModel.predict(tf.tensor4d(x.values, [1, 32, 32, 3])));
    expect(Array.from(answer.logits)).toEqual(Array.from(await logits.data()));
    logits.dispose();
    expect(answer.ms).toBeGreaterThan(0);

    const block = 'layer3.1';
    const inBlock = await remote.blockInput(1, x, block);
    const { logits: l2, tensors } = pageModel.forward(tf.tensor4d(x.values, [1, 32, 32, 3]), [`${block}.in`]);
    const expected = tensors[`${block}.in`];
    expect(inBlock.shape).toEqual(expected.shape);
    expect(Array.from(inBlock.values)).toEqual(Array.from(await expected.data()));
    tf.dispose([l2, expected]);
  });

  it('frees every tensor a call makes, and every one of a model it unloads', async () => {
    const base = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      await remote.classify(1, input(i));
      await remote.blockInput(1, input(i), 'layer2.0');
    }
    expect(tf.memory().numTensors).toBe(base);
    expect(await failureOf(remote.blockInput(1, input(0), 'layer9.9'))).toMatchObject({ code: 'error' });
    const wrongRank = remote.classify(1, { values: new Float32Array(3), shape: [3] });
    expect(await failureOf(wrongRank)).toEqual({
      code: 'error',
      message: 'an input of rank 4 was expected, got [3]',
    });
    expect(tf.memory().numTensors).toBe(base);
    expect((await remote.memory()).numTensors).toBe(base);

    await remote.load(2, file, false);
    expect(tf.memory().numTensors).toBeGreaterThan(base);
    await remote.unload(2);
    expect(tf.memory().numTensors).toBe(base);
    expect(await failureOf(remote.classify(2, input(0)))).toMatchObject({ code: 'error' });
  });

  it('hands the answers’ buffers over instead of copying them', async () => {
    sent.length = 0;
    const answer = await remote.classify(1, input(2));
    expect(answer.logits.length).toBe(10);
    expect(sent).toHaveLength(1);
    // moved to the page: nothing is left of it on the worker's side
    expect(sent[0].byteLength).toBe(0);
  });

  // Last: the injected fault stays for the rest of this file's process.
  it('fails the canary with a kernel broken in the worker, and keeps none of that model', async () => {
    const base = tf.memory().numTensors;
    // A fault asked for on the page only does not reach the worker.
    expect(injectRequestedFault(tf, 'wasm', 'worker', { backend: 'wasm', where: 'page' })).toBe(false);
    expect(injectRequestedFault(tf, 'wasm', 'worker', { backend: 'wasm', where: 'worker' })).toBe(true);
    const failure = await failureOf(remote.load(3, file, true));
    expect(failure.code).toBe('canary');
    expect(failure.maxAbsDiff).toBeGreaterThan(CANARY_REFERENCE.tolerance);
    expect(failure.message).toMatch(/max \|logit − PyTorch\| = /);
    expect(tf.memory().numTensors).toBe(base);
    expect(started).toEqual(['wasm']);
  });
});
