import { describe, expect, it } from 'vitest';
import {
  compositeOnWhite,
  fitPixelBudget,
  resizeAntialiased,
  shorterSideSize,
  shrinkToShorterSide,
  type Pixels,
} from './pixels';

const rgb = (
  width: number,
  height: number,
  f: (x: number, y: number) => [number, number, number],
): Pixels => {
  const data = new Uint8ClampedArray(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(f(x, y), (y * width + x) * 3);
  return { data, width, height };
};

describe('compositeOnWhite', () => {
  it('keeps opaque pixels, turns transparent ones white and blends the rest', () => {
    const { data, hadAlpha } = compositeOnWhite(
      new Uint8ClampedArray([10, 20, 30, 255, 10, 20, 30, 0, 0, 0, 0, 128]),
    );
    expect(hadAlpha).toBe(true);
    // 50% black on white: 255 · 127/255 = 127
    expect(Array.from(data)).toEqual([10, 20, 30, 255, 255, 255, 255, 255, 127, 127, 127, 255]);
  });
  it('says when nothing was transparent', () => {
    expect(compositeOnWhite(new Uint8ClampedArray([1, 2, 3, 255])).hadAlpha).toBe(false);
  });
});

describe('sizes', () => {
  it('fits a pixel budget keeping the shape', () => {
    expect(fitPixelBudget(640, 480, 1e6)).toEqual({ width: 640, height: 480 });
    const big = fitPixelBudget(4000, 3000, 1 << 20);
    expect(big.width * big.height).toBeLessThanOrEqual(1 << 20);
    expect(big.width / big.height).toBeCloseTo(4 / 3, 2);
    expect(fitPixelBudget(8000, 1, 100)).toEqual({ width: 100, height: 1 });
  });
  it('scales the shorter side like torchvision Resize(int): the longer side rounds down', () => {
    expect(shorterSideSize(500, 375, 256)).toEqual({ width: 341, height: 256 });
    expect(shorterSideSize(375, 500, 256)).toEqual({ width: 256, height: 341 });
    expect(shorterSideSize(8000, 100, 32)).toEqual({ width: 2560, height: 32 });
  });
});

describe('resizeAntialiased', () => {
  it('keeps a flat colour flat', () => {
    const out = resizeAntialiased(
      rgb(37, 23, () => [12, 200, 99]),
      5,
      3,
    );
    for (let i = 0; i < out.data.length; i += 3)
      expect([out.data[i], out.data[i + 1], out.data[i + 2]]).toEqual([12, 200, 99]);
  });

  it('weights every covered pixel with the widened triangle filter (2× shrink: 3/7, 3/7, 1/7)', () => {
    // columns 0, 255, 0, 255 … : output 0 covers source x = 0, 1, 2 with weights 0.75, 0.75, 0.25 (sum 1.75)
    const stripes = rgb(8, 2, (x) => (x % 2 ? [255, 255, 255] : [0, 0, 0]));
    const out = resizeAntialiased(stripes, 4, 1);
    expect(out.data[0]).toBe(Math.round((255 * 0.75) / 1.75));
    // an inner output pixel covers 4 source pixels: 0.25·a + 0.75·b + 0.75·a + 0.25·b → half grey
    expect(out.data[3]).toBe(128);
  });

  it('averages fine detail instead of sampling it (no aliasing)', () => {
    // one-pixel checkerboard shrunk 8×: plain sampling gives pure black or white, averaging gives grey
    const checker = rgb(256, 256, (x, y) => ((x + y) % 2 ? [255, 255, 255] : [0, 0, 0]));
    const out = resizeAntialiased(checker, 32, 32);
    for (let i = 0; i < out.data.length; i++) expect(Math.abs(out.data[i] - 127.5)).toBeLessThan(10);
  });

  it('reads RGBA input and writes RGB', () => {
    const rgba: Pixels = { data: new Uint8ClampedArray([9, 8, 7, 255, 9, 8, 7, 255]), width: 2, height: 1 };
    expect(Array.from(resizeAntialiased(rgba, 1, 1).data)).toEqual([9, 8, 7]);
  });
});

describe('shrinkToShorterSide', () => {
  it('leaves small pictures alone and shrinks large ones to the side asked for', () => {
    const small = rgb(20, 30, () => [1, 2, 3]);
    expect(shrinkToShorterSide(small, 32)).toBe(small);
    const wide = shrinkToShorterSide(
      rgb(800, 100, () => [1, 2, 3]),
      32,
    );
    expect([wide.width, wide.height]).toEqual([256, 32]);
  });
});
