import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockThumbnails, channelMean, readThumbnail, STEM_THUMBNAIL } from './blockThumbnails';
import { canaryPixels } from './canaryCompare';
import { loadModel, type ResNeXtModel } from './model';
import { setupNodeBackend } from './node/setupBackend';
import { normalize } from './preprocess';
import { parseSafetensors } from './safetensors';

const WEIGHTS = fileURLToPath(new URL('../../public/models/resnext29_32x4d.safetensors', import.meta.url));

let model: ResNeXtModel;
let image: tf.Tensor4D;

beforeAll(async () => {
  await setupNodeBackend('wasm');
  model = loadModel(parseSafetensors(new Uint8Array(readFileSync(WEIGHTS)), WEIGHTS));
  // The canary's synthetic picture: made by a formula, no dataset needed.
  const size = model.meta.inputSize;
  image = tf.tidy(() =>
    normalize(
      tf.tensor3d(Int32Array.from(canaryPixels(size)), [size, size, 3], 'int32'),
      model.meta.mean,
      model.meta.std,
    ),
  );
});

afterAll(() => {
  image?.dispose();
  model?.dispose();
});

/** The channel mean of a [1, H, W, C] tensor, computed in plain JavaScript from its values. */
function meanOverChannels(t: tf.Tensor): Float32Array {
  const [, h, w, c] = t.shape;
  const data = t.dataSync();
  const out = new Float32Array(h * w);
  for (let p = 0; p < h * w; p++) {
    let s = 0;
    for (let k = 0; k < c; k++) s += data[p * c + k];
    out[p] = s / c;
  }
  return out;
}

describe('channelMean', () => {
  it('averages the channels at every position', () => {
    // [1, 1, 2, 3]: positions (0,0) = 1, 2, 6 and (0,1) = −3, 0, 9.
    const x = tf.tensor4d([1, 2, 6, -3, 0, 9], [1, 1, 2, 3]);
    const m = channelMean(x);
    expect(m.shape).toEqual([1, 2]);
    expect(Array.from(m.dataSync())).toEqual([3, 2]);
    tf.dispose([x, m]);
  });

  it('refuses a batch of more than one image', () => {
    const x = tf.zeros([2, 2, 2, 3]) as tf.Tensor4D;
    expect(() => channelMean(x)).toThrow(/\[1,H,W,C\]/);
    x.dispose();
  });

  it('reads a map and its largest value, freeing what it made', async () => {
    const x = tf.tensor4d([0, 4, 1, 1, 8, 0, 2, 2], [1, 2, 2, 2]);
    const before = tf.memory().numTensors;
    const t = await readThumbnail('layer9.9', x);
    expect(tf.memory().numTensors).toBe(before);
    expect(t).toMatchObject({ name: 'layer9.9', height: 2, width: 2, channels: 2, max: 4 });
    expect(Array.from(t.values)).toEqual([2, 1, 4, 2]);
    x.dispose();
  });
});

describe('blockThumbnails on the shipped model', () => {
  it('gives the stem and every block, each the channel mean of forward()’s captured tensor', async () => {
    const names = model.blockNames();
    const before = tf.memory().numTensors;
    const thumbs = await blockThumbnails(model, image);
    expect(tf.memory().numTensors, 'tensors left behind').toBe(before);
    expect(thumbs).not.toBeNull();
    expect(thumbs!.map((t) => t.name)).toEqual([STEM_THUMBNAIL, ...names]);

    const capture = ['relu', ...names.map((n) => `${n}.out`)];
    const { logits, tensors } = model.forward(image, capture);
    try {
      thumbs!.forEach((thumb, i) => {
        const captured = tensors[capture[i]];
        const [, h, w, c] = captured.shape;
        expect([thumb.height, thumb.width, thumb.channels], thumb.name).toEqual([h, w, c]);
        const expected = meanOverChannels(captured);
        let worst = 0;
        let max = 0;
        for (let p = 0; p < expected.length; p++) {
          worst = Math.max(worst, Math.abs(thumb.values[p] - expected[p]));
          max = Math.max(max, expected[p]);
        }
        expect(worst, `${thumb.name}: thumbnail vs forward()`).toBeLessThan(1e-4 * Math.max(1, max));
        expect(thumb.max, thumb.name).toBeCloseTo(max, 4);
        // A block output is a ReLU output: a map of some positive activity, never negative.
        expect(max, thumb.name).toBeGreaterThan(0);
        expect(Math.min(...thumb.values), thumb.name).toBeGreaterThanOrEqual(0);
      });
    } finally {
      tf.dispose([logits, ...Object.values(tensors)]);
    }
    // The maps differ from block to block (each is its own block's output, not one map repeated).
    const first = thumbs![1];
    const same = thumbs!
      .slice(2)
      .filter((t) => t.height === first.height && t.values.every((v, p) => v === first.values[p]));
    expect(same).toEqual([]);
  });

  it('pauses between blocks, and frees everything when cancelled part way', async () => {
    let pauses = 0;
    const before = tf.memory().numTensors;
    const thumbs = await blockThumbnails(model, image, {
      pause: async () => {
        pauses++;
      },
      cancelled: () => pauses >= 4,
    });
    expect(thumbs).toBeNull();
    expect(pauses).toBe(4);
    expect(tf.memory().numTensors).toBe(before);

    let all = 0;
    await blockThumbnails(model, image, {
      pause: async () => {
        all++;
      },
    });
    expect(all).toBe(model.blockNames().length);
    expect(tf.memory().numTensors).toBe(before);
  });
});
