import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cifarRecordImage } from './cifarBinary';
import { countNetwork } from './counting';
import { BLOCK_STEPS, loadModel, type ResNeXtModel } from './model';
import { cifarTestBatch } from './node/cifarData';
import { setupNodeBackend } from './node/setupBackend';
import { preprocess } from './preprocess';
import { parseSafetensors } from './safetensors';
import {
  computeBlockTrace,
  contributionsOfChannel,
  disposeTrace,
  groupContributions,
  isGrouped,
  isSigned,
  layersCost,
  traceTensors,
  type BlockTrace,
} from './stepThrough';

const WEIGHTS = fileURLToPath(new URL('../../public/models/resnext29_32x4d.safetensors', import.meta.url));
const CIFAR = await cifarTestBatch();

const maxAbs = (a: tf.Tensor, b: tf.Tensor): number =>
  tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
const maxOf = (a: tf.Tensor): number => tf.tidy(() => tf.max(tf.abs(a)).dataSync()[0]);

let model: ResNeXtModel;
let image: tf.Tensor4D;

beforeAll(async () => {
  await setupNodeBackend('wasm');
  model = loadModel(parseSafetensors(new Uint8Array(readFileSync(WEIGHTS)), WEIGHTS));
  // A CIFAR-10 test record, read at test time (never stored in the project).
  const bytes = new Uint8Array(readFileSync(CIFAR).subarray(0, 2 * 3073));
  image = preprocess(cifarRecordImage(bytes, 1), model.meta);
});

afterAll(() => {
  image?.dispose();
  model?.dispose();
});

describe('layer costs', () => {
  it("adds up to the network count's parameters and MACs for every block", () => {
    const spec = model.spec;
    const count = countNetwork(spec);
    const all = ['conv1', 'bn1', 'conv2', 'bn2', 'conv3', 'bn3', 'downsample.0', 'downsample.1'] as const;
    let side = 32;
    for (const block of spec.stages.flat()) {
      const rows = count.layers.filter((l) => l.name.startsWith(`${block.name}.`));
      const cost = layersCost(block, side, all);
      expect(cost.params, block.name).toBe(rows.reduce((s, r) => s + r.params, 0));
      expect(cost.macs, block.name).toBe(rows.reduce((s, r) => s + r.macs, 0));
      expect(cost.layers.map((l) => l.name)).toEqual(rows.map((r) => r.name));
      expect(layersCost(block, side, ['downsample.0', 'downsample.1']).layers.length, block.name).toBe(
        block.projection ? 2 : 0,
      );
      side /= block.stride;
    }
  });
});

describe.each(['layer1.1', 'layer2.0', 'layer3.2'])('trace of %s on a CIFAR-10 image (wasm)', (block) => {
  let trace: BlockTrace;
  let engine: Record<string, tf.Tensor>;

  beforeAll(async () => {
    trace = await computeBlockTrace(model, image, block);
    const names = BLOCK_STEPS.map((s) => `${block}.${s}`);
    const r = model.forward(image, names);
    r.logits.dispose();
    engine = r.tensors;
  });

  afterAll(() => {
    disposeTrace(trace);
    tf.dispose(Object.values(engine));
  });

  it("holds every step equal to the engine's named intermediate from forward()", () => {
    for (const s of BLOCK_STEPS) {
      const ours = trace.tensors[s];
      const theirs = engine[`${block}.${s}`];
      expect(ours.shape, s).toEqual(theirs.shape);
      expect(maxAbs(ours, theirs) / Math.max(1, maxOf(theirs)), s).toBeLessThanOrEqual(1e-6);
    }
    expect(trace.spec.name).toBe(block);
  });

  it('has C·d channels exactly in the grouped tensors', () => {
    for (const s of BLOCK_STEPS) {
      const channels = trace.tensors[s].shape[3];
      if (isGrouped(s)) expect(channels, s).toBe(trace.spec.width);
      else expect(channels, s).toBe(s === 'in' ? trace.spec.inChannels : trace.spec.outChannels);
    }
  });

  it('keeps values after a ReLU non-negative and the signed ones with negatives', () => {
    for (const s of BLOCK_STEPS) {
      const min = tf.tidy(() => tf.min(trace.tensors[s]).dataSync()[0]);
      if (isSigned(s, trace.spec)) expect(min, s).toBeLessThan(0);
      else expect(min, s).toBeGreaterThanOrEqual(0);
    }
  });

  it('splits conv3 into per-group contributions that sum to it to 1e-4', () => {
    const { groups, width, outChannels } = trace.spec;
    const [, h, w] = trace.tensors.conv3.shape;
    const d = width / groups;
    const conv3 = model.blockParams(block).conv3;
    expect(trace.groupInputs.shape).toEqual([groups, h * w, d]);
    expect(trace.groupWeights.shape).toEqual([groups, d, outChannels]);
    const all = groupContributions(trace.tensors.relu2, conv3, groups);
    expect(all.shape).toEqual([groups, h, w, outChannels]);
    const sum = tf.tidy(() => tf.sum(all, 0, true));
    const diff = maxAbs(sum, trace.tensors.conv3);
    sum.dispose();
    expect(diff).toBeLessThanOrEqual(1e-4);
    expect(trace.mergeMaxDiff).toBeLessThanOrEqual(1e-4);
    expect(maxAbs(trace.contributionSum, trace.tensors.conv3)).toBeCloseTo(trace.mergeMaxDiff, 7);
    expect(trace.mergeScale).toBeCloseTo(maxOf(trace.tensors.conv3), 5);

    // Tᵢ is conv3 on group i's d channels alone, computed here with a plain conv on the sliced tensors.
    for (const i of [0, groups - 1]) {
      const direct = tf.tidy(() =>
        tf.conv2d(
          tf.slice(trace.tensors.relu2, [0, 0, 0, i * d], [1, h, w, d]),
          tf.slice(conv3, [0, 0, i * d, 0], [1, 1, d, outChannels]),
          1,
          'valid',
        ),
      );
      const mine = tf.slice(all, [i, 0, 0, 0], [1, h, w, outChannels]);
      expect(maxAbs(mine, direct) / Math.max(1, maxOf(direct)), `T${i}`).toBeLessThanOrEqual(1e-5);
      expect(maxOf(direct), `T${i} is not zero`).toBeGreaterThan(0);
      tf.dispose([direct, mine]);
    }
    all.dispose();
  });

  it('slices one output channel of every contribution', () => {
    const k = trace.spec.outChannels - 1;
    const ch = contributionsOfChannel(trace, k);
    const [c, h, w] = ch.shape;
    const all = groupContributions(trace.tensors.relu2, model.blockParams(block).conv3, trace.spec.groups);
    const want = tf.slice(all, [0, 0, 0, k], [c, h, w, 1]);
    expect(maxAbs(tf.reshape(want, [c, h, w]), ch) / Math.max(1, maxOf(want))).toBeLessThanOrEqual(1e-6);
    tf.dispose([ch, want, all]);
    expect(() => contributionsOfChannel(trace, trace.spec.outChannels)).toThrow();
  });
});

describe('trace memory', () => {
  it('owns exactly its tensors and frees them all', async () => {
    const before = tf.memory().numTensors;
    const trace = await computeBlockTrace(model, image, 'layer1.0');
    const owned = traceTensors(trace);
    expect(tf.memory().numTensors - before).toBe(owned.length);
    disposeTrace(trace);
    expect(tf.memory().numTensors).toBe(before);
    expect(owned.every((t) => t.isDisposed)).toBe(true);
  });

  it('frees what it made when it fails', async () => {
    const before = tf.memory().numTensors;
    await expect(computeBlockTrace(model, image, 'layer9.9')).rejects.toThrow();
    const batch = tf.concat([image, image]) as tf.Tensor4D;
    await expect(computeBlockTrace(model, batch, 'layer1.1')).rejects.toThrow();
    batch.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('groupContributions refuses widths that do not split', () => {
    const x = tf.zeros([1, 2, 2, 6]) as tf.Tensor4D;
    const k = tf.zeros([1, 1, 6, 3]) as tf.Tensor4D;
    expect(() => groupContributions(x, k, 4)).toThrow();
    tf.dispose([x, k]);
  });
});
