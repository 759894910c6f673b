import { describe, expect, it } from 'vitest';
import { linearToInOut, nchwToNhwc, oihwToHwio } from './layout';

const seq = (n: number) => Float32Array.from({ length: n }, (_, i) => i);

describe('layout conversion', () => {
  it('moves a conv weight from OIHW to HWIO', () => {
    // [out=2, in=1, kh=1, kw=2]: out 0 holds taps (0, 1), out 1 holds taps (2, 3)
    const r = oihwToHwio({ shape: [2, 1, 1, 2], data: seq(4) });
    expect(r.shape).toEqual([1, 2, 1, 2]);
    // HWIO: tap x=0 → (out0, out1) = (0, 2); tap x=1 → (1, 3)
    expect(Array.from(r.data)).toEqual([0, 2, 1, 3]);
  });

  it('puts element [o,i,y,x] at [y,x,i,o] for a 2×3×2×2 weight', () => {
    const [O, I, H, W] = [2, 3, 2, 2];
    const data = Float32Array.from({ length: O * I * H * W }, (_, k) => k);
    const r = oihwToHwio({ shape: [O, I, H, W], data });
    expect(r.shape).toEqual([H, W, I, O]);
    // element o=1, i=2, y=0, x=1 has value ((1·3+2)·2+0)·2+1 = 21
    expect(r.data[((0 * W + 1) * I + 2) * O + 1]).toBe(21);
    // element o=0, i=1, y=1, x=0 has value ((0·3+1)·2+1)·2+0 = 6
    expect(r.data[((1 * W + 0) * I + 1) * O + 0]).toBe(6);
  });

  it('keeps the per-group input width of a grouped weight', () => {
    // 4 outputs, 2 groups, 1 input channel per group, 1×1 kernel
    const r = oihwToHwio({ shape: [4, 1, 1, 1], data: Float32Array.from([10, 11, 12, 13]) });
    expect(r.shape).toEqual([1, 1, 1, 4]);
    expect(Array.from(r.data)).toEqual([10, 11, 12, 13]);
  });

  it('transposes a linear weight [out,in] to [in,out]', () => {
    const r = linearToInOut({ shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) });
    expect(r.shape).toEqual([3, 2]);
    expect(Array.from(r.data)).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('moves activations from NCHW to NHWC', () => {
    // one image, 2 channels of 1×2: channel 0 = (0, 1), channel 1 = (2, 3)
    const r = nchwToNhwc({ shape: [1, 2, 1, 2], data: seq(4) });
    expect(r.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(r.data)).toEqual([0, 2, 1, 3]);
  });

  it('rejects weights of the wrong rank', () => {
    expect(() => oihwToHwio({ shape: [2, 2], data: seq(4) })).toThrow(/4-D/);
    expect(() => linearToInOut({ shape: [4], data: seq(4) })).toThrow(/2-D/);
  });
});
