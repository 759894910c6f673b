import { describe, expect, it } from 'vitest';
import { compositeOnWhite, fitPixelBudget } from './pixels';

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
});
