import { describe, expect, it } from 'vitest';
import {
  decodeFloats,
  dequantizeInt8,
  encodeFloats,
  encodeStored,
  float16ToFloat32,
  float32ToFloat16Bits,
  quantizeInt8,
} from './dtypes';

describe('float16', () => {
  it('decodes known bit patterns', () => {
    expect(float16ToFloat32(0x3c00)).toBe(1);
    expect(float16ToFloat32(0xc000)).toBe(-2);
    expect(float16ToFloat32(0x3555)).toBeCloseTo(0.333251953125, 12);
    expect(float16ToFloat32(0x7bff)).toBe(65504);
    expect(float16ToFloat32(0x0001)).toBe(2 ** -24);
    expect(float16ToFloat32(0x0400)).toBe(2 ** -14);
    expect(float16ToFloat32(0x7c00)).toBe(Infinity);
    expect(float16ToFloat32(0xfc00)).toBe(-Infinity);
    expect(float16ToFloat32(0x7e00)).toBeNaN();
    expect(Object.is(float16ToFloat32(0x8000), -0)).toBe(true);
  });

  it('encodes every finite half value back to its own bits', () => {
    for (let h = 0; h < 0x10000; h++) {
      const v = float16ToFloat32(h);
      if (Number.isNaN(v)) continue;
      if (float32ToFloat16Bits(v) !== h)
        throw new Error(`half 0x${h.toString(16)} (${v}) did not round-trip`);
    }
  });

  it('rounds to nearest, ties to even, and overflows to infinity', () => {
    expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie → even mantissa 0
    expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie → even mantissa 2
    expect(float32ToFloat16Bits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01);
    expect(float32ToFloat16Bits(65519)).toBe(0x7bff);
    expect(float32ToFloat16Bits(65520)).toBe(0x7c00);
    expect(float32ToFloat16Bits(2 ** -25)).toBe(0); // tie between 0 and the smallest subnormal
    expect(float32ToFloat16Bits(1.5 * 2 ** -24)).toBe(0x0002);
    expect(float32ToFloat16Bits(-(2 ** -30))).toBe(0x8000);
    expect(float32ToFloat16Bits(NaN) & 0x7c00).toBe(0x7c00);
  });
});

describe('decodeFloats / encodeFloats', () => {
  const values = new Float32Array([0, 1, -2.5, 0.1, 1e-3, 300.75]);

  it('round-trips float32 exactly', () => {
    expect(Array.from(decodeFloats(encodeFloats(values, 'F32'), 'F32'))).toEqual(Array.from(values));
  });

  it('decodes float16 little-endian bytes', () => {
    const bytes = new Uint8Array([0x00, 0x3c, 0x00, 0xc0, 0xff, 0x7b]);
    expect(Array.from(decodeFloats(bytes, 'F16'))).toEqual([1, -2, 65504]);
  });

  it('decodes bfloat16 as the upper half of float32', () => {
    const bytes = new Uint8Array([0x80, 0x3f, 0x20, 0xc1, 0x00, 0x00]);
    expect(Array.from(decodeFloats(bytes, 'BF16'))).toEqual([1, -10, 0]);
  });

  it('keeps float16 and bfloat16 within their precision', () => {
    const h = decodeFloats(encodeFloats(values, 'F16'), 'F16');
    const b = decodeFloats(encodeFloats(values, 'BF16'), 'BF16');
    values.forEach((v, i) => {
      expect(Math.abs(h[i] - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 2 ** -25);
      expect(Math.abs(b[i] - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -8);
    });
    expect(Array.from(encodeFloats(new Float32Array([1 + 2 ** -8]), 'BF16'))).toEqual([0x80, 0x3f]);
  });

  it('decodes from an unaligned view', () => {
    const raw = encodeFloats(values, 'F32');
    const shifted = new Uint8Array(raw.byteLength + 1);
    shifted.set(raw, 1);
    expect(Array.from(decodeFloats(shifted.subarray(1), 'F32'))).toEqual(Array.from(values));
  });
});

describe('int8 per-channel quantisation', () => {
  it('maps each channel’s largest magnitude to ±127 and rounds the rest to the nearest step', () => {
    const values = new Float32Array([1, -0.5, 0.25, 0.004, -2, 2, 1, 0]);
    const { q, scale } = quantizeInt8(values, 2);
    expect(Array.from(scale)).toEqual([Math.fround(1 / 127), Math.fround(2 / 127)]);
    expect(Array.from(q)).toEqual([127, -64, 32, 1, -127, 127, 64, 0]);
    const back = dequantizeInt8(q, scale);
    for (let i = 0; i < values.length; i++) {
      expect(Math.abs(back[i] - values[i])).toBeLessThanOrEqual(scale[Math.floor(i / 4)] / 2 + 1e-9);
    }
  });

  it('keeps an all-zero channel at zero with scale 0', () => {
    const { q, scale } = quantizeInt8(new Float32Array([0, 0, 3, -3]), 2);
    expect(Array.from(scale)).toEqual([0, Math.fround(3 / 127)]);
    expect(Array.from(dequantizeInt8(q, scale))).toEqual([
      0,
      0,
      Math.fround(127 * Math.fround(3 / 127)),
      Math.fround(-127 * Math.fround(3 / 127)),
    ]);
  });

  it('refuses values that do not split into channels, and non-finite values', () => {
    expect(() => quantizeInt8(new Float32Array(5), 2)).toThrow();
    expect(() => quantizeInt8(new Float32Array([1, NaN]), 1)).toThrow();
    expect(() => dequantizeInt8(new Int8Array(5), new Float32Array(2))).toThrow();
  });

  it('stores I8 as one byte per integer and refuses anything that is not an int8', () => {
    expect(Array.from(encodeStored(new Float32Array([-128, -1, 0, 127]), 'I8'))).toEqual([128, 255, 0, 127]);
    expect(() => encodeStored(new Float32Array([0.5]), 'I8')).toThrow();
    expect(() => encodeStored(new Float32Array([128]), 'I8')).toThrow();
    expect(Array.from(encodeStored(new Float32Array([1]), 'F16'))).toEqual([0x00, 0x3c]);
  });
});
