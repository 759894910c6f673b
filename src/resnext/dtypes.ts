/** Safetensors floating-point dtypes and their conversion to and from float32. */

export type FloatDtype = 'F32' | 'F16' | 'BF16';

export const dtypeSize: Record<FloatDtype, number> = { F32: 4, F16: 2, BF16: 2 };

export const isFloatDtype = (d: unknown): d is FloatDtype => d === 'F32' || d === 'F16' || d === 'BF16';

/** IEEE 754 binary16 bits → number (exact). */
export function float16ToFloat32(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** number → binary16 bits, rounding to nearest even as numpy's astype(float16) does. */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rest = mant & ((1 << shift) - 1);
    let h = mant >>> shift;
    if (rest > half || (rest === half && h & 1)) h += 1;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && h & 1)) h += 1; // may carry into the exponent, which is correct
  return sign | h;
}

let f16Table: Float32Array | null = null;

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Decodes little-endian raw tensor bytes into a fresh float32 array. */
export function decodeFloats(bytes: Uint8Array, dtype: FloatDtype): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dtype === 'F32') {
    if (littleEndian) return new Float32Array(bytes.slice().buffer);
    const out = new Float32Array(bytes.byteLength / 4);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(4 * i, true);
    return out;
  }
  const out = new Float32Array(bytes.byteLength / 2);
  if (dtype === 'BF16') {
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < out.length; i++) bits[i] = view.getUint16(2 * i, true) << 16;
    return out;
  }
  if (!f16Table) {
    f16Table = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) f16Table[h] = float16ToFloat32(h);
  }
  for (let i = 0; i < out.length; i++) out[i] = f16Table[view.getUint16(2 * i, true)];
  return out;
}

/** Encodes float32 values as little-endian bytes of the given dtype. */
export function encodeFloats(values: Float32Array, dtype: FloatDtype): Uint8Array {
  const out = new Uint8Array(values.length * dtypeSize[dtype]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    if (dtype === 'F32') view.setFloat32(4 * i, values[i], true);
    else if (dtype === 'F16') view.setUint16(2 * i, float32ToFloat16Bits(values[i]), true);
    else {
      f32[0] = values[i];
      const x = u32[0];
      const nan = (x & 0x7fffffff) > 0x7f800000;
      // round to nearest even on the upper 16 bits; a NaN stays a (quiet) NaN
      const r = nan ? (x >>> 16) | 0x40 : (x + 0x7fff + ((x >>> 16) & 1)) >>> 16;
      view.setUint16(2 * i, r & 0xffff, true);
    }
  }
  return out;
}
