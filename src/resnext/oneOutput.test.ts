import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cifarRecordImage } from './cifarBinary';
import { loadModel, type BnParams, type ResNeXtModel } from './model';
import { cifarTestBatch } from './node/cifarData';
import { setupNodeBackend } from './node/setupBackend';
import {
  bnArithmetic,
  groupedArithmetic,
  mergeArithmetic,
  outputChain,
  summariseTerms,
  type BnValues,
} from './oneOutput';
import { preprocess } from './preprocess';
import { parseSafetensors } from './safetensors';
import { computeBlockTrace, contributionsOfChannel, disposeTrace, type BlockTrace } from './stepThrough';

const WEIGHTS = fileURLToPath(new URL('../../public/models/resnext29_32x4d.safetensors', import.meta.url));
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

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));

const bnValues = (bn: BnParams): BnValues => ({
  gamma: bn.gamma.dataSync(),
  beta: bn.beta.dataSync(),
  mean: bn.mean.dataSync(),
  variance: bn.var.dataSync(),
});

/** One trace per block, computed once and shared by that block's tests; freed after them. */
const traces = new Map<string, Promise<BlockTrace>>();
async function withTrace(block: string, run: (trace: BlockTrace) => Promise<void>): Promise<void> {
  if (!traces.has(block)) traces.set(block, computeBlockTrace(model, image, block));
  await run(await traces.get(block)!);
}

afterAll(async () => {
  for (const trace of traces.values()) disposeTrace(await trace);
});

describe.each([
  ['layer1.1', 1],
  ['layer2.0', 2],
  ['layer3.0', 2],
])('one output of block %s (stride %i), computed from the trace and the weights', (block, stride) => {
  it('the window sum equals the grouped 3×3 at every position of one channel, then bn2 and ReLU', async () => {
    await withTrace(block, async (trace) => {
      const params = model.blockParams(block);
      const { groups: C, width } = trace.spec;
      expect(trace.spec.stride).toBe(stride);
      const d = width / C;
      const [, hi, wi] = trace.tensors.relu1.shape;
      const [, ho, wo] = trace.tensors.conv2.shape;
      const relu1 = trace.tensors.relu1.dataSync();
      const conv2 = trace.tensors.conv2.dataSync();
      const bn2 = trace.tensors.bn2.dataSync();
      const relu2 = trace.tensors.relu2.dataSync();
      const kernel = params.conv2.dataSync();
      const bn = bnValues(params.bn2);
      const geo = { inHeight: hi, inWidth: wi, outHeight: ho, outWidth: wo, width, groups: C, stride };
      const group = C - 3;
      const channel = d - 1;
      const o = group * d + channel;
      let worst = 0;
      let paddingSeen = 0;
      let outsideGroup = 0;
      const wrongCounts: string[] = [];
      const off: string[] = [];
      for (let y = 0; y < ho; y++) {
        for (let x = 0; x < wo; x++) {
          const a = groupedArithmetic(relu1, kernel, geo, { group, channel, y, x });
          if (
            a.outChannel !== o ||
            a.terms.length !== 9 * d ||
            a.reads !== d ||
            a.channels !== C * d ||
            a.weights !== 9 * d ||
            a.denseWeights !== 9 * C * d
          )
            wrongCounts.push(`${y},${x}`);
          // every term reads an input channel of the group only
          outsideGroup += a.terms.filter((t) => Math.floor(t.inChannel / d) !== group).length;
          paddingSeen += a.terms.filter((t) => t.padding).length;
          const i = (y * wo + x) * width + o;
          worst = Math.max(worst, Math.abs(a.sum - conv2[i]) / Math.max(1, Math.abs(conv2[i])));
          const b = bnArithmetic(a.sum, bn, o);
          if (!close(b.output, bn2[i]) || !close(Math.max(0, b.output), relu2[i])) off.push(`${y},${x}`);
        }
      }
      expect(wrongCounts).toEqual([]);
      expect(outsideGroup).toBe(0);
      expect(off).toEqual([]);
      expect(worst).toBeLessThanOrEqual(1e-4);
      // stride 1 pads every border; stride 2 (even sizes) pads the top and left only
      expect(paddingSeen).toBeGreaterThan(0);
    });
  });

  it('the C contributions add up to conv3, and bn3 + shortcut + ReLU give the block output', async () => {
    await withTrace(block, async (trace) => {
      const params = model.blockParams(block);
      const { groups: C, width, outChannels: out, inChannels } = trace.spec;
      const [, h, w] = trace.tensors.conv3.shape;
      const [, hin, win] = trace.tensors.in.shape;
      const k = out - 5;
      const fromTf = contributionsOfChannel(trace, k);
      const terms = fromTf.dataSync();
      fromTf.dispose();
      const values = {
        input: trace.tensors.in.dataSync(),
        inHeight: hin,
        inWidth: win,
        inChannels,
        relu2: trace.tensors.relu2.dataSync(),
        conv3: params.conv3.dataSync(),
        bn3: bnValues(params.bn3),
        stride,
        projection: params.downsample && {
          weights: params.downsample.conv.dataSync(),
          bn: bnValues(params.downsample.bn),
        },
      };
      expect(Boolean(values.projection)).toBe(trace.spec.projection);
      const geo = { height: h, width: w, channels: width, groups: C, out };
      const conv3 = trace.tensors.conv3.dataSync();
      const bn3 = trace.tensors.bn3.dataSync();
      const shortcut = trace.tensors.shortcut.dataSync();
      const add = trace.tensors.add.dataSync();
      const output = trace.tensors.out.dataSync();
      const off: string[] = [];
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const i = (y * w + x) * out + k;
          const m = mergeArithmetic(values.relu2, values.conv3, geo, k, y, x);
          if (m.terms.length !== C) off.push(`${y},${x}: ${m.terms.length} terms`);
          if (!close(m.sum, conv3[i])) off.push(`${y},${x}: Σ ${m.sum} vs conv3 ${conv3[i]}`);
          // each Tᵢ equals the one tfjs computed as a batched matrix product
          m.terms.forEach((t, g) => {
            if (!close(t, terms[(g * h + y) * w + x])) off.push(`${y},${x}: T${g}`);
          });
          const chain = outputChain(values, geo, k, y, x);
          if (!close(chain.bn3.output, bn3[i])) off.push(`${y},${x}: bn3`);
          if (!close(chain.shortcut.value, shortcut[i])) off.push(`${y},${x}: shortcut`);
          if (!close(chain.z, add[i])) off.push(`${y},${x}: add`);
          if (!close(chain.y, output[i])) off.push(`${y},${x}: out`);
        }
      }
      expect(off).toEqual([]);
    });
  });
});

describe('a long sum, summarised', () => {
  it('keeps the largest products by size and sums the rest, so that the whole is unchanged', () => {
    const terms = [0.5, -3, 2, 0.1, -0.2, 4];
    const s = summariseTerms(terms, 2, (t) => t);
    expect(s.largest).toEqual([4, -3]);
    expect(s.restCount).toBe(4);
    expect(s.restSum).toBeCloseTo(0.5 + 2 + 0.1 - 0.2, 12);
    expect(s.largest.reduce((a, b) => a + b, 0) + s.restSum).toBeCloseTo(
      terms.reduce((a, b) => a + b, 0),
      12,
    );
  });
});
