import * as tf from '@tensorflow/tfjs-core';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIFAR_RECORD_BYTES, cifarRecordImage } from '../../../resnext/cifarBinary';
import { loadModel, type ResNeXtModel } from '../../../resnext/model';
import { cifarTestBatch } from '../../../resnext/node/cifarData';
import { setupNodeBackend } from '../../../resnext/node/setupBackend';
import { preprocess } from '../../../resnext/preprocess';
import { parseSafetensors } from '../../../resnext/safetensors';
import type { Pixels } from '../../model/image/pixels';
import { makeInput, networkCrop } from '../../model/makeInput';
import { classifyImage } from './classifyImage';

const WEIGHTS = fileURLToPath(
  new URL('../../../../public/models/resnext29_32x4d.safetensors', import.meta.url),
);
const TEST_BIN = await cifarTestBatch();
const RECORDS = 4;

let model: ResNeXtModel;
let records: Uint8Array;

/** CIFAR record i as RGB pixels. */
function record(i: number): Pixels & { label: number } {
  const r = cifarRecordImage(records, i);
  return { data: new Uint8ClampedArray(r.data), width: r.width, height: r.height, label: r.label };
}

/** Each pixel repeated k×k times (nearest-neighbour enlargement). */
function enlarge(p: Pixels, k: number): Pixels {
  const width = p.width * k;
  const height = p.height * k;
  const data = new Uint8ClampedArray(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s = (Math.floor(y / k) * p.width + Math.floor(x / k)) * 3;
      data.set(p.data.subarray(s, s + 3), (y * width + x) * 3);
    }
  return { data, width, height };
}

beforeAll(async () => {
  // WebAssembly, as the app runs by default: the pure-JS CPU backend takes seconds per image.
  await setupNodeBackend('wasm');
  model = loadModel(parseSafetensors(new Uint8Array(readFileSync(WEIGHTS)), WEIGHTS));
  // The fast path folds its batch norms once and keeps them; do that before counting tensors.
  tf.dispose(model.predict(tf.zeros([1, 32, 32, 3]) as tf.Tensor4D));
  const fd = openSync(TEST_BIN, 'r');
  records = new Uint8Array(RECORDS * CIFAR_RECORD_BYTES);
  readSync(fd, records, 0, records.length, 0);
  closeSync(fd);
});

afterAll(() => model?.dispose());

describe('makeInput', () => {
  it('gives a 32×32 picture exactly the engine preprocessing', () => {
    const px = record(0);
    const a = makeInput(model, px);
    const b = preprocess(px, model.meta);
    expect(a.shape).toEqual([1, 32, 32, 3]);
    expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBe(0);
    tf.dispose([a, b]);
  });

  it('brings a photo enlarged 8× back close to the original 32×32 (antialiased, aligned)', () => {
    for (const i of [1, 2, 3]) {
      const px = record(i);
      const crop = networkCrop(enlarge(px, 8), model.meta);
      const original = tf.tensor3d(Array.from(px.data), [32, 32, 3]);
      // a triangle filter over 8×8 blocks mixes in a little of each neighbour: small mean error
      const meanError = tf.mean(tf.abs(tf.sub(crop, original))).dataSync()[0];
      expect(meanError).toBeLessThan(12);
      tf.dispose([crop, original]);
    }
  });

  it('uses the centre of a wide picture', () => {
    // left third red, middle third green, right third blue: the square centre crop is all green
    const width = 96;
    const data = new Uint8ClampedArray(width * 32 * 3);
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < width; x++)
        data.set(x < 32 ? [255, 0, 0] : x < 64 ? [0, 255, 0] : [0, 0, 255], (y * width + x) * 3);
    const crop = networkCrop({ data, width, height: 32 }, model.meta);
    const [r, g, b] = Array.from(tf.mean(crop, [0, 1]).dataSync());
    expect([r, g, b]).toEqual([0, 255, 0]);
    crop.dispose();
  });
});

describe('classifyImage', () => {
  // A few records only. PyTorch classifies each of the first twelve test records correctly with these weights.
  it(
    'names the right class for CIFAR-10 test records and leaves no tensor behind',
    { timeout: 600_000 },
    async () => {
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++) {
        const px = record(i);
        const { probs, ms } = await classifyImage(model, px);
        expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
        expect(ms).toBeGreaterThan(0);
        expect(probs.indexOf(Math.max(...probs)), `record ${i}`).toBe(px.label);
        if (i === 0) {
          // the same record enlarged 4× (a 128×128 picture) gets the same answer
          const big = await classifyImage(model, enlarge(px, 4));
          expect(big.probs.indexOf(Math.max(...big.probs))).toBe(px.label);
        }
      }
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});
