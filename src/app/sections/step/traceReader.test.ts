import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cifarRecordImage } from '../../../resnext/cifarBinary';
import { loadModel, type ResNeXtModel } from '../../../resnext/model';
import { cifarTestBatch } from '../../../resnext/node/cifarData';
import { seededRandom } from '../../../resnext/node/random';
import { setupNodeBackend } from '../../../resnext/node/setupBackend';
import { preprocess } from '../../../resnext/preprocess';
import { parseSafetensors } from '../../../resnext/safetensors';
import {
  computeBlockTrace,
  groupContributions,
  traceTensors,
  type BlockTrace,
} from '../../../resnext/stepThrough';
import { STEPS } from './steps';
import { stepNav, type NavAction, type NavState } from './stepNav';
import { TraceHolder } from './traceHolder';
import { TraceGoneError, TraceReader } from './traceReader';

const WEIGHTS = fileURLToPath(
  new URL('../../../../public/models/resnext29_32x4d.safetensors', import.meta.url),
);
const CIFAR = await cifarTestBatch();

let model: ResNeXtModel;
let image: tf.Tensor4D;

beforeAll(async () => {
  await setupNodeBackend('wasm');
  model = loadModel(parseSafetensors(new Uint8Array(readFileSync(WEIGHTS)), WEIGHTS));
  image = preprocess(cifarRecordImage(new Uint8Array(readFileSync(CIFAR).subarray(0, 3073)), 0), model.meta);
});

afterAll(() => {
  image?.dispose();
  model?.dispose();
});

describe('reading a trace while stepping', () => {
  it('1,000 random steps back and forth leave the tensor count unchanged', async () => {
    const trace = await computeBlockTrace(model, image, 'layer1.1');
    const reader = new TraceReader(trace, model.blockParams('layer1.1'));
    const before = tf.memory().numTensors;
    const uniform = seededRandom(7);
    const rand = () => (uniform() + 1) / 2; // [0, 1)
    const actions: NavAction[] = [{ type: 'next' }, { type: 'prev' }, { type: 'first' }, { type: 'last' }];
    let nav: NavState = { index: 0, playing: false };
    const out = trace.spec.outChannels;
    for (let i = 0; i < 1000; i++) {
      nav = stepNav(nav, actions[Math.floor(rand() * (rand() < 0.9 ? 2 : 4))], STEPS.length);
      const step = STEPS[nav.index];
      for (const name of step.tensors) {
        const values = await reader.values(name);
        expect(values.length).toBe(reader.shape(name).reduce((a, b) => a * b, 1));
      }
      if (step.panel === 'group') expect((await reader.kernel()).length).toBe(3 * 3 * 4 * 128);
      if (step.panel === 'merge') {
        const k = Math.floor(rand() * out);
        expect((await reader.contributions(k)).length).toBe(32 * 32 * 32);
      }
      expect(tf.memory().numTensors).toBe(before);
    }
    expect(nav.index).toBeGreaterThanOrEqual(0);
    tf.dispose(traceTensors(trace));
  });

  it("reads a contribution channel equal to that channel of the trace's Tᵢ", async () => {
    const trace = await computeBlockTrace(model, image, 'layer3.0');
    const reader = new TraceReader(trace, model.blockParams('layer3.0'));
    const params = model.blockParams('layer3.0');
    const allT = groupContributions(trace.tensors.relu2, params.conv3, params.spec.groups);
    const [c, h, w, out] = allT.shape;
    const all = allT.dataSync();
    allT.dispose();
    const k = 517;
    const got = await reader.contributions(k);
    for (const [i, y, x] of [
      [0, 0, 0],
      [c - 1, h - 1, w - 1],
      [7, 3, 5],
    ]) {
      expect(got[(i * h + y) * w + x]).toBeCloseTo(all[((i * h + y) * w + x) * out + k], 5);
    }
    tf.dispose(traceTensors(trace));
    await expect(reader.values('conv1')).rejects.toBeInstanceOf(TraceGoneError);
  });
});

describe('trace holder', () => {
  it('frees the old trace when another block replaces it, a superseded one, and all on release', async () => {
    const before = tf.memory().numTensors;
    const holder = new TraceHolder();
    const a = (await holder.load(() => computeBlockTrace(model, image, 'layer1.1'))) as BlockTrace;
    const countA = tf.memory().numTensors - before;
    expect(countA).toBe(traceTensors(a).length);

    const b = (await holder.load(() => computeBlockTrace(model, image, 'layer2.0'))) as BlockTrace;
    expect(traceTensors(a).every((t) => t.isDisposed)).toBe(true);
    expect(holder.trace).toBe(b);
    expect(tf.memory().numTensors - before).toBe(traceTensors(b).length);

    // Two loads at once: the first to start is superseded and freed on arrival.
    const slow = holder.load(() => computeBlockTrace(model, image, 'layer3.1'));
    const fast = holder.load(() => computeBlockTrace(model, image, 'layer1.0'));
    const [s, f] = await Promise.all([slow, fast]);
    expect(s).toBeNull();
    expect(holder.trace).toBe(f);
    expect(traceTensors(b).every((t) => t.isDisposed)).toBe(true);
    expect(tf.memory().numTensors - before).toBe(traceTensors(f as BlockTrace).length);

    const late = holder.load(() => computeBlockTrace(model, image, 'layer2.2'));
    holder.release();
    expect(await late).toBeNull();
    expect(holder.trace).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});
