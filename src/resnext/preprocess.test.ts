import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from './node/setupBackend';
import {
  centerCropResize,
  centerOffset,
  cropForNetwork,
  imagePixels,
  normalize,
  preprocess,
  resizeBilinearPil,
  shorterSideSize,
  toImageTensor,
  type RgbPixels,
} from './preprocess';

beforeAll(() => setupNodeBackend('cpu'));

/** RGB values at row y, column x of an [H,W,3] tensor. */
const pixel = (t: tf.Tensor3D, y: number, x: number) => {
  const i = (y * t.shape[1] + x) * 3;
  return Array.from(t.dataSync().slice(i, i + 3));
};

/** width×height RGBA pixels with r = x, g = y, b = 7, a = 255. */
function rgba(width: number, height: number): Uint8ClampedArray {
  const d = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) d.set([x, y, 7, 255], (y * width + x) * 4);
  }
  return d;
}

describe('toImageTensor', () => {
  it('reads RGBA pixels as [H,W,3] int32, dropping alpha', () => {
    const t = toImageTensor({ data: rgba(3, 2), width: 3, height: 2 });
    expect(t.shape).toEqual([2, 3, 3]);
    expect(t.dtype).toBe('int32');
    expect(Array.from(t.dataSync().slice(0, 6))).toEqual([0, 0, 7, 1, 0, 7]);
    expect(Array.from(t.dataSync().slice(15, 18))).toEqual([2, 1, 7]);
    t.dispose();
  });

  it('reads RGB pixels and rejects data of another length', () => {
    const t = toImageTensor({ data: new Uint8Array([1, 2, 3, 4, 5, 6]), width: 2, height: 1 });
    expect(Array.from(t.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    t.dispose();
    expect(() => toImageTensor({ data: new Uint8Array(5), width: 2, height: 1 })).toThrow(
      /neither RGB nor RGBA/,
    );
  });

  it('turns 1- and 4-channel tensors into 3 channels and copies 3-channel ones', () => {
    const gray = tf.tensor3d([5, 9], [1, 2, 1]);
    const four = tf.tensor3d([1, 2, 3, 4], [1, 1, 4]);
    const three = tf.tensor3d([1, 2, 3], [1, 1, 3]);
    const [a, b, c] = [toImageTensor(gray), toImageTensor(four), toImageTensor(three)];
    expect(Array.from(a.dataSync())).toEqual([5, 5, 5, 9, 9, 9]);
    expect(Array.from(b.dataSync())).toEqual([1, 2, 3]);
    three.dispose();
    expect(Array.from(c.dataSync())).toEqual([1, 2, 3]);
    tf.dispose([gray, four, a, b, c]);
  });
});

describe('centerCropResize', () => {
  it('leaves a 32×32 image unchanged for CIFAR', () => {
    const img = toImageTensor({ data: rgba(32, 32), width: 32, height: 32 });
    const out = centerCropResize(img, 32);
    expect(out.dtype).toBe('float32');
    expect(Array.from(out.dataSync())).toEqual(Array.from(img.dataSync()));
    tf.dispose([img, out]);
  });

  it('crops the centre square of a tall image (torchvision offsets)', () => {
    const img = toImageTensor({ data: rgba(32, 41), width: 32, height: 41 });
    const out = centerCropResize(img, 32);
    // round((41 − 32) / 2) = round(4.5) = 4 in Python (half to even): rows 4..35
    expect(pixel(out, 0, 0)).toEqual([0, 4, 7]);
    expect(pixel(out, 31, 31)).toEqual([31, 35, 7]);
    tf.dispose([img, out]);
  });

  it('halves a 64×64 image with PIL’s antialiased weights, rounding half up after each pass', () => {
    const img = toImageTensor({ data: rgba(64, 64), width: 64, height: 64 });
    const out = centerCropResize(img, 32);
    // output column j reads columns 2j−1 … 2j+2 with weights 1/8, 3/8, 3/8, 1/8: on the ramp r = x that is
    // 2j + 0.5, which PIL's fixed-point rounding takes up to 2j + 1 (likewise rows for g = y)
    expect(pixel(out, 3, 5)).toEqual([11, 7, 7]);
    // at the edge the taps outside the image drop out and the rest are renormalised:
    // (0·0.75 + 1·0.75 + 2·0.25) / 1.75 = 0.71 → 1
    expect(pixel(out, 0, 0)).toEqual([1, 1, 7]);
    tf.dispose([img, out]);
  });

  it('resizes the shorter side then crops the centre for ImageNet', () => {
    const img = tf.fill([300, 400, 3], 17, 'int32') as tf.Tensor3D;
    const out = centerCropResize(img, 224, { resizeShorter: 256 });
    expect(out.shape).toEqual([224, 224, 3]);
    expect(Array.from(new Set(out.dataSync()))).toEqual([17]);
    tf.dispose([img, out]);
  });
});

/** width×height RGB pixels from a function of (x, y). */
function rgb(width: number, height: number, f: (x: number, y: number) => number[]): RgbPixels {
  const data = new Uint8ClampedArray(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(f(x, y), (y * width + x) * 3);
  return { data, width, height };
}

describe('resizeBilinearPil', () => {
  it('keeps a flat colour flat, reducing and enlarging', () => {
    const flat = rgb(37, 23, () => [12, 200, 99]);
    for (const [w, h] of [
      [5, 3],
      [80, 41],
    ]) {
      const out = resizeBilinearPil(flat, w, h);
      expect([out.width, out.height, out.data.length]).toEqual([w, h, w * h * 3]);
      expect(new Set(out.data)).toEqual(new Set([12, 200, 99]));
    }
  });

  it('weights every covered pixel with the widened triangle when reducing (2×: 3/7, 3/7, 1/7 at the edge)', () => {
    // columns 0, 255, 0, 255 …: output 0 covers source x = 0, 1, 2 with weights 0.75, 0.75, 0.25 (sum 1.75)
    const stripes = rgb(8, 2, (x) => (x % 2 ? [255, 255, 255] : [0, 0, 0]));
    const out = resizeBilinearPil(stripes, 4, 1);
    expect(out.data[0]).toBe(Math.round((255 * 0.75) / 1.75));
    // an inner output pixel covers 4 source pixels: (0.25 + 0.75)·0 + (0.75 + 0.25)·255 over 2 → 127.5 → 128
    expect(out.data[3]).toBe(128);
  });

  it('averages fine detail instead of sampling it (no aliasing)', () => {
    // one-pixel checkerboard reduced 8×: plain bilinear sampling gives black or white, averaging gives grey
    const checker = rgb(256, 256, (x, y) => ((x + y) % 2 ? [255, 255, 255] : [0, 0, 0]));
    const out = resizeBilinearPil(checker, 32, 32);
    for (const v of out.data) expect(Math.abs(v - 127.5)).toBeLessThan(10);
  });

  it('interpolates between pixel centres when enlarging, holding the edge pixels', () => {
    // 2 → 4: outputs sit at −0.25, 0.25, 0.75, 1.25 in source pixel centres (0 and 1); beyond them, the edge
    const out = resizeBilinearPil(
      rgb(2, 1, (x) => [x * 200, 0, 0]),
      4,
      1,
    );
    expect([0, 1, 2, 3].map((i) => out.data[i * 3])).toEqual([0, 50, 150, 200]);
  });

  it('returns a copy when the size does not change', () => {
    const src = rgb(3, 2, (x, y) => [x, y, 1]);
    const out = resizeBilinearPil(src, 3, 2);
    expect(out.data).toEqual(src.data);
    expect(out.data).not.toBe(src.data);
  });
});

describe('crop geometry', () => {
  it('centres with torchvision’s offsets: Python’s round, halves to even', () => {
    expect([centerOffset(41, 32), centerOffset(43, 32), centerOffset(42, 32), centerOffset(32, 32)]).toEqual([
      4, 6, 5, 0,
    ]);
  });

  it('scales the shorter side and rounds the longer down (torchvision Resize(int))', () => {
    expect(shorterSideSize(500, 375, 256)).toEqual({ width: 341, height: 256 });
    expect(shorterSideSize(375, 500, 256)).toEqual({ width: 256, height: 341 });
    expect(shorterSideSize(8000, 100, 32)).toEqual({ width: 2560, height: 32 });
  });

  it('reads tensors and pixels into the same bytes', () => {
    const px = { data: rgba(5, 4), width: 5, height: 4 };
    const t = tf.tensor3d(Array.from(imagePixels(px).data), [4, 5, 3]);
    expect(imagePixels(t)).toEqual(imagePixels(px));
    expect(Array.from(imagePixels(px).data.slice(0, 6))).toEqual([0, 0, 7, 1, 0, 7]);
    t.dispose();
  });

  it('takes the centre of a wide picture for CIFAR', () => {
    // left third red, middle third green, right third blue, 96×32: the centre square is all green
    const px = rgb(96, 32, (x) => (x < 32 ? [255, 0, 0] : x < 64 ? [0, 255, 0] : [0, 0, 255]));
    const crop = cropForNetwork(px, { arch: 'cifar', inputSize: 32 });
    const mean = tf.mean(crop, [0, 1]);
    expect(Array.from(mean.dataSync())).toEqual([0, 255, 0]);
    tf.dispose([crop, mean]);
  });
});

describe('normalize and preprocess', () => {
  it('computes (x/255 − mean) / std per channel and adds the batch axis', () => {
    const x = tf.tensor3d([255, 0, 51], [1, 1, 3]);
    const y = normalize(x, [0.5, 0.5, 0.2], [0.25, 0.5, 0.1]);
    expect(y.shape).toEqual([1, 1, 1, 3]);
    const v = y.dataSync();
    expect(v[0]).toBeCloseTo(2, 6);
    expect(v[1]).toBeCloseTo(-1, 6);
    expect(v[2]).toBeCloseTo(0, 6);
    tf.dispose([x, y]);
  });

  it('combines the steps without leaking tensors', () => {
    const before = tf.memory().numTensors;
    const meta = { arch: 'cifar' as const, inputSize: 32, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] };
    const y = preprocess({ data: rgba(48, 40), width: 48, height: 40 }, meta);
    expect(y.shape).toEqual([1, 32, 32, 3]);
    const imagenet = preprocess(
      { data: rgba(50, 60), width: 50, height: 60 },
      { ...meta, arch: 'imagenet', inputSize: 224 },
    );
    expect(imagenet.shape).toEqual([1, 224, 224, 3]);
    tf.dispose([y, imagenet]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
