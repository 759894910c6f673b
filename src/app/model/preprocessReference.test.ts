import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkCrop, type InputMeta } from './makeInput';
import { CIFAR_MEAN, CIFAR_STD, IMAGENET_MEAN, IMAGENET_STD } from '../../resnext/modelMeta';

// Photos the app ships, and random pictures whose sizes the photos lack: reduced and enlarged, crop offsets
// that are whole (28), half-to-even down (64.5 → 64, 12.5 → 12) and half-to-even up (13.5 → 14).
// PIL (Debian's python3-pil) decodes the photos and computes the reference, as torchvision would.
const PHOTOS = ['cat', 'rocket', 'coffee', 'horse', 'astronaut'].map((n) => `public/samples/${n}.jpg`);
const NOISE = ['noise:77x50:1', 'noise:75x50:2', 'noise:50x77:3', 'noise:20x13:4', 'noise:33x32:5'];

const CIFAR: InputMeta = { arch: 'cifar', inputSize: 32, mean: CIFAR_MEAN, std: CIFAR_STD };
const IMAGENET: InputMeta = { arch: 'imagenet', inputSize: 224, mean: IMAGENET_MEAN, std: IMAGENET_STD };

// Stated tolerance on the 0..255 scale. The app repeats PIL's fixed-point arithmetic (the same crop box, the
// same antialiased BILINEAR weights, the same rounding after each pass), so the crops should be equal; one
// level of difference is allowed for an off-by-one rounding, and the mean must stay far below that.
const MEAN_ABS_TOLERANCE = 0.01;
const MAX_ABS_TOLERANCE = 1;

interface Reference {
  path: string;
  width: number;
  height: number;
  rgb: string;
  ref: string;
}

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

function pilReference(size: number, images: string[], resizeShorter?: number): Reference[] {
  const args = ['training/reference_preprocess.py', String(size)];
  if (resizeShorter) args.push('--resize-shorter', String(resizeShorter));
  const out = execFileSync('/usr/bin/python3', [...args, ...images], { maxBuffer: 1 << 28 });
  return JSON.parse(out.toString()) as Reference[];
}

/** The app's crop of the reference's decoded pixels (as RGBA, like the app's decoder gives), against PIL's. */
function compare(r: Reference, meta: InputMeta): { mean: number; max: number } {
  const { width, height } = r;
  const rgb = bytes(r.rgb);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(rgb.subarray(i * 3, i * 3 + 3), i * 4);
    rgba[i * 4 + 3] = 255;
  }
  const before = tf.memory().numTensors;
  const crop = networkCrop({ data: rgba, width, height }, meta);
  expect(crop.shape).toEqual([meta.inputSize, meta.inputSize, 3]);
  const ours = crop.dataSync();
  crop.dispose();
  expect(tf.memory().numTensors).toBe(before);

  const ref = bytes(r.ref);
  expect(ours.length).toBe(ref.length);
  let sum = 0;
  let max = 0;
  for (let i = 0; i < ref.length; i++) {
    const d = Math.abs(ours[i] - ref[i]);
    sum += d;
    max = Math.max(max, d);
  }
  const mean = sum / ref.length;
  console.log(`${meta.arch} ${r.path}: mean |Δ| ${mean.toFixed(4)}, max |Δ| ${max} (0..255)`);
  return { mean, max };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('CIFAR preprocessing against PIL (centre square + BILINEAR resize to 32×32)', () => {
  let refs: Reference[];
  beforeAll(() => {
    refs = pilReference(32, [...PHOTOS, ...NOISE]);
  });

  it.each([...PHOTOS, ...NOISE])('%s: the 32×32 crop matches PIL within the stated tolerance', (path) => {
    const r = refs.find((x) => x.path === path);
    expect(r).toBeDefined();
    const { mean, max } = compare(r!, CIFAR);
    expect(mean).toBeLessThanOrEqual(MEAN_ABS_TOLERANCE);
    expect(max).toBeLessThanOrEqual(MAX_ABS_TOLERANCE);
  });
});

describe('ImageNet preprocessing against PIL (Resize(256) + CenterCrop(224))', () => {
  const images = ['public/samples/cat.jpg', 'public/samples/horse.jpg', 'noise:301x250:6', 'noise:200x230:7'];
  let refs: Reference[];
  beforeAll(() => {
    refs = pilReference(224, images, 256);
  });

  it.each(images)('%s: the 224×224 crop matches PIL within the stated tolerance', (path) => {
    const r = refs.find((x) => x.path === path);
    expect(r).toBeDefined();
    const { mean, max } = compare(r!, IMAGENET);
    expect(mean).toBeLessThanOrEqual(MEAN_ABS_TOLERANCE);
    expect(max).toBeLessThanOrEqual(MAX_ABS_TOLERANCE);
  });
});
