import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from './node/setupBackend';
import { centerCropResize, normalize, preprocess, toImageTensor } from './preprocess';

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

  it('halves a 64×64 image by averaging pixel pairs (half-pixel centres)', () => {
    const img = toImageTensor({ data: rgba(64, 64), width: 64, height: 64 });
    const out = centerCropResize(img, 32);
    // output column j samples input x = 2j + 0.5: the mean of columns 2j and 2j + 1
    expect(pixel(out, 3, 5)).toEqual([10.5, 6.5, 7]);
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
