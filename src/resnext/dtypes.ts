/** Safetensors floating-point dtypes and their conversion to and from float32. */

export type FloatDtype = 'F32' | 'F16' | 'BF16';

const dtypeSize: Record<FloatDtype, number> = { F32: 4, F16: 2, BF16: 2 };

const isFloatDtype = (d: unknown): d is FloatDtype => d === 'F32' || d === 'F16' || d === 'BF16';

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

/*
 * int8 weights: a tensor stored as I8 holds integers q in [-127, 127]; a float32 companion tensor
 * `<name>_scale` holds one scale per output channel (the first axis). The value is q × scale[channel]
 * (symmetric, per-output-channel quantisation), computed in float32 at load.
 */

/** Every dtype a weights file may store; I8 tensors are dequantised to float32 when read. */
export type StoredDtype = FloatDtype | 'I8';

export const storedDtypeSize: Record<StoredDtype, number> = { ...dtypeSize, I8: 1 };

export const isStoredDtype = (d: unknown): d is StoredDtype => isFloatDtype(d) || d === 'I8';

/** Name of the scale tensor that goes with an I8 tensor. */
export const scaleNameOf = (name: string): string => `${name}_scale`;

/** The largest magnitude of a quantised value (symmetric: -128 is never used). */
const INT8_MAX = 127;

/** Symmetric per-channel scales and integer values; channel c is the c-th of `channels` equal slices. */
export function quantizeInt8(values: Float32Array, channels: number): { q: Int8Array; scale: Float32Array } {
  if (!Number.isInteger(channels) || channels < 1 || values.length % channels !== 0) {
    throw new Error(`quantizeInt8: ${values.length} values do not split into ${channels} channels`);
  }
  const per = values.length / channels;
  const q = new Int8Array(values.length);
  const scale = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    let max = 0;
    for (let i = c * per; i < (c + 1) * per; i++) {
      if (!Number.isFinite(values[i])) throw new Error(`quantizeInt8: value ${values[i]} at ${i}`);
      max = Math.max(max, Math.abs(values[i]));
    }
    scale[c] = max / INT8_MAX;
    const s = scale[c];
    if (s === 0) continue;
    for (let i = c * per; i < (c + 1) * per; i++) {
      const r = Math.round(Math.abs(values[i]) / s); // halves away from zero
      q[i] = Math.sign(values[i]) * Math.min(INT8_MAX, r);
    }
  }
  return { q, scale };
}

/** q × scale[channel] in float32. */
export function dequantizeInt8(q: Int8Array, scale: Float32Array): Float32Array {
  const channels = scale.length;
  if (channels === 0 ? q.length !== 0 : q.length % channels !== 0) {
    throw new Error(`dequantizeInt8: ${q.length} values do not split into ${channels} channels`);
  }
  const out = new Float32Array(q.length);
  const per = channels ? q.length / channels : 0;
  for (let c = 0; c < channels; c++) {
    const s = scale[c];
    for (let i = c * per; i < (c + 1) * per; i++) out[i] = q[i] * s;
  }
  return out;
}

/** Little-endian bytes of a stored tensor: float dtypes as encodeFloats; I8 needs integers in [-128, 127]. */
export function encodeStored(values: Float32Array, dtype: StoredDtype): Uint8Array {
  if (dtype !== 'I8') return encodeFloats(values, dtype);
  const out = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < -128 || v > 127) throw new Error(`encodeStored: ${v} is not an int8`);
    out[i] = v;
  }
  return new Uint8Array(out.buffer);
}
