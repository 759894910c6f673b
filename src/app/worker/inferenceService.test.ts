/**
 * The inference worker's service, in Node on WebAssembly (the worker runs the same code on the page's
 * backend): its answers equal the page's computations bit for bit, it frees what it makes, it reports
 * failures by code, and a kernel broken only in the worker is caught by its canary.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_REFERENCE } from '../../resnext/canary';
import { loadModel, type ResNeXtModel } from '../../resnext/model';
import { setupNodeBackend } from '../../resnext/node/setupBackend';
import { parseSafetensors, type SafetensorsFile } from '../../resnext/safetensors';
import { injectRequestedFault } from '../backend/faultInjection';
import { createInferenceService, type InferenceService } from './inferenceService';
import type { InferenceReply, InferenceRequest, TensorData } from './protocol';

const path = `public/models/${CANARY_REFERENCE.model}`;
let file: SafetensorsFile;
let pageModel: ResNeXtModel;
let nextId = 1;

const started: string[] = [];
const service: InferenceService = createInferenceService(async (name, fault) => {
  if (name !== 'wasm') throw new Error(`${name} is not available in Node`);
  await setupNodeBackend('wasm');
  injectRequestedFault(tf, name, 'worker', fault);
  started.push(name);
  return { backend: name, groupedConvKernel: true };
});

type Without<R> = R extends unknown ? Omit<R, 'id'> : never;
const ask = (request: Without<InferenceRequest>): Promise<InferenceReply> =>
  service.handle({ ...request, id: nextId++ } as InferenceRequest);

async function result<T>(request: Without<InferenceRequest>): Promise<T> {
  const reply = await ask(request);
  if (!reply.ok) throw new Error(`${reply.failure.code}: ${reply.failure.message}`);
  return reply.result as T;
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
    const early = await ask({ type: 'load', model: 1, file, canary: false });
    expect(early).toMatchObject({ ok: false, failure: { code: 'error' } });
    const webgpu = await ask({ type: 'start', backend: 'webgpu', fault: null });
    expect(webgpu).toMatchObject({ ok: false, failure: { code: 'start' } });
    expect(await result({ type: 'start', backend: 'wasm', fault: null })).toMatchObject({ backend: 'wasm' });
  });

  it('loads the default model with the canary, and answers as the page computes, bit for bit', async () => {
    const load = await result<{ canary?: { maxAbsDiff: number } }>({
      type: 'load',
      model: 1,
      file,
      canary: true,
    });
    expect(load.canary!.maxAbsDiff).toBeLessThanOrEqual(CANARY_REFERENCE.tolerance);

    const x = input(1);
    const remote = await result<{ logits: Float32Array; ms: number }>({
      type: 'classify',
      model: 1,
      input: x,
    });
    const logits = tf.tidy(() => pageModel.predict(tf.tensor4d(x.values, [1, 32, 32, 3])));
    expect(Array.from(remote.logits)).toEqual(Array.from(await logits.data()));
    logits.dispose();
    expect(remote.ms).toBeGreaterThan(0);

    const block = 'layer3.1';
    const inBlock = await result<TensorData>({ type: 'blockInput', model: 1, input: x, block });
    const { logits: l2, tensors } = pageModel.forward(tf.tensor4d(x.values, [1, 32, 32, 3]), [`${block}.in`]);
    const expected = tensors[`${block}.in`];
    expect(inBlock.shape).toEqual(expected.shape);
    expect(Array.from(inBlock.values)).toEqual(Array.from(await expected.data()));
    tf.dispose([l2, expected]);
  });

  it('frees every tensor a request makes, and every one of a model it unloads', async () => {
    const base = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      await result({ type: 'classify', model: 1, input: input(i) });
      await result({ type: 'blockInput', model: 1, input: input(i), block: 'layer2.0' });
    }
    expect(tf.memory().numTensors).toBe(base);
    const bad = await ask({ type: 'blockInput', model: 1, input: input(0), block: 'layer9.9' });
    expect(bad).toMatchObject({ ok: false, failure: { code: 'error' } });
    const wrongRank = await ask({
      type: 'classify',
      model: 1,
      input: { values: new Float32Array(3), shape: [3] },
    });
    expect(wrongRank).toMatchObject({ ok: false, failure: { code: 'error' } });
    expect(tf.memory().numTensors).toBe(base);
    const memory = await result<{ numTensors: number }>({ type: 'memory' });
    expect(memory.numTensors).toBe(base);

    await result({ type: 'load', model: 2, file, canary: false });
    expect(tf.memory().numTensors).toBeGreaterThan(base);
    await result({ type: 'unload', model: 2 });
    expect(tf.memory().numTensors).toBe(base);
    expect(await ask({ type: 'classify', model: 2, input: input(0) })).toMatchObject({ ok: false });
  });

  it('hands the answers’ buffers over instead of copying them', async () => {
    const reply = await ask({ type: 'classify', model: 1, input: input(2) });
    expect(service.transferables(reply)).toHaveLength(1);
    expect(service.transferables(await ask({ type: 'memory' }))).toHaveLength(0);
  });

  // Last: the injected fault stays for the rest of this file's process.
  it('fails the canary with a kernel broken in the worker, and keeps none of that model', async () => {
    const base = tf.memory().numTensors;
    // A fault asked for on the page only does not reach the worker.
    expect(injectRequestedFault(tf, 'wasm', 'worker', { backend: 'wasm', where: 'page' })).toBe(false);
    expect(injectRequestedFault(tf, 'wasm', 'worker', { backend: 'wasm', where: 'worker' })).toBe(true);
    const reply = await ask({ type: 'load', model: 3, file, canary: true });
    expect(reply).toMatchObject({ ok: false, failure: { code: 'canary' } });
    if (reply.ok) return;
    expect(reply.failure.maxAbsDiff).toBeGreaterThan(CANARY_REFERENCE.tolerance);
    expect(reply.failure.message).toMatch(/max \|logit − PyTorch\| = /);
    expect(tf.memory().numTensors).toBe(base);
    expect(started).toEqual(['wasm']);
  });
});
