import * as tf from '@tensorflow/tfjs-core';
import type { ModelMeta } from './modelMeta';

/** Raw pixels, row-major, RGB (3 values per pixel) or RGBA (4, alpha ignored). */
interface RawPixels {
  data: Uint8ClampedArray | Uint8Array;
  width: number;
  height: number;
}

export type ImageSource =
  tf.Tensor3D | ImageData | ImageBitmap | HTMLImageElement | HTMLCanvasElement | HTMLVideoElement | RawPixels;

type DomSource = ImageData | ImageBitmap | HTMLImageElement | HTMLCanvasElement | HTMLVideoElement;

/** True for the DOM image types fromPixels reads; the typeof guards keep this working in Node. */
function isDomSource(src: unknown): src is DomSource {
  return (
    (typeof ImageData !== 'undefined' && src instanceof ImageData) ||
    (typeof ImageBitmap !== 'undefined' && src instanceof ImageBitmap) ||
    (typeof HTMLImageElement !== 'undefined' && src instanceof HTMLImageElement) ||
    (typeof HTMLCanvasElement !== 'undefined' && src instanceof HTMLCanvasElement) ||
    (typeof HTMLVideoElement !== 'undefined' && src instanceof HTMLVideoElement)
  );
}

/** Any supported image → [H,W,3] RGB tensor (int32 from pixels; a tensor keeps its dtype). Caller owns it. */
export function toImageTensor(src: ImageSource): tf.Tensor3D {
  if (src instanceof tf.Tensor) {
    if (src.rank !== 3 || ![1, 3, 4].includes(src.shape[2])) {
      throw new Error(`expected an image tensor [H,W,1|3|4], got [${src.shape.join(',')}]`);
    }
    const [h, w, c] = src.shape;
    return tf.tidy(() =>
      c === 3 ? src.clone() : c === 4 ? tf.slice(src, [0, 0, 0], [h, w, 3]) : tf.tile(src, [1, 1, 3]),
    );
  }
  if (isDomSource(src)) return tf.browser.fromPixels(src, 3);
  const channels = channelsOf(src);
  const { data, width, height } = src;
  const pixels = width * height;
  const rgb = new Int32Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    rgb[3 * p] = data[channels * p];
    rgb[3 * p + 1] = data[channels * p + 1];
    rgb[3 * p + 2] = data[channels * p + 2];
  }
  return tf.tensor3d(rgb, [height, width, 3], 'int32');
}

/** Python's round(): halves go to the even neighbour (torchvision's centre-crop offsets use it). */
const roundHalfEven = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
};

/** Checks a RawPixels' size and returns its channel count (3 or 4). */
function channelsOf({ data, width, height }: RawPixels): 3 | 4 {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`invalid image size ${width}×${height}`);
  }
  const channels = data.length / (width * height);
  if (channels !== 3 && channels !== 4) {
    throw new Error(`image data of ${data.length} bytes is neither RGB nor RGBA for ${width}×${height}`);
  }
  return channels;
}

/** 8-bit RGB pixels, row-major: what the PIL-style resampling below reads and writes. */
export interface RgbPixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Any supported image as 8-bit RGB (alpha dropped; a tensor's values rounded and clamped to 0..255). */
export function imagePixels(src: ImageSource): RgbPixels {
  if (!(src instanceof tf.Tensor) && !isDomSource(src)) {
    const channels = channelsOf(src);
    const { data, width, height } = src;
    if (channels === 3 && data instanceof Uint8ClampedArray) return { data, width, height };
    const rgb = new Uint8ClampedArray(width * height * 3);
    for (let p = 0; p < width * height; p++) {
      rgb[3 * p] = data[channels * p];
      rgb[3 * p + 1] = data[channels * p + 1];
      rgb[3 * p + 2] = data[channels * p + 2];
    }
    return { data: rgb, width, height };
  }
  const t = toImageTensor(src);
  try {
    return { data: new Uint8ClampedArray(t.dataSync()), width: t.shape[1], height: t.shape[0] };
  } finally {
    t.dispose();
  }
}

/**
 * PIL's resampling (libImaging/Resample.c) with its BILINEAR filter, for 8-bit images: fixed-point weights
 * with 22 fractional bits, a horizontal pass rounded to 8 bits, then a vertical pass, copying its integer
 * arithmetic. On pixels PIL decoded, src/app/model/preprocessReference.test.ts measures the crops against
 * PIL's (it prints the mean and max difference per picture); the browser's own decoding is not compared.
 */
const PRECISION_BITS = 22;
const ONE = 2 ** PRECISION_BITS;
const HALF = 2 ** (PRECISION_BITS - 1);

interface Taps {
  /** first input pixel each output pixel reads */
  first: Int32Array;
  /** how many input pixels it reads */
  count: Int32Array;
  /** fixed-point weights, `stride` per output pixel */
  weights: Int32Array;
  stride: number;
}

/**
 * One axis's taps. When reducing, the triangle filter widens by the scale, so every input pixel counts
 * (antialiasing); when enlarging it is plain bilinear interpolation between pixel centres.
 */
function bilinearTaps(inSize: number, outSize: number): Taps {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = filterScale; // the triangle's support is 1 input pixel, times the widening
  const stride = Math.ceil(support) * 2 + 1;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Int32Array(outSize * stride);
  const w = new Float64Array(stride);
  for (let o = 0; o < outSize; o++) {
    const center = (o + 0.5) * scale;
    // C's (int) cast truncates towards zero; the bounds are then clamped to the image
    const lo = Math.max(Math.trunc(center - support + 0.5), 0);
    const n = Math.min(Math.trunc(center + support + 0.5), inSize) - lo;
    let total = 0;
    for (let x = 0; x < n; x++) {
      const d = Math.abs((x + lo - center + 0.5) / filterScale);
      w[x] = d < 1 ? 1 - d : 0;
      total += w[x];
    }
    for (let x = 0; x < n; x++) {
      const k = total !== 0 ? w[x] / total : w[x];
      weights[o * stride + x] = Math.trunc(0.5 + k * ONE);
    }
    first[o] = lo;
    count[o] = n;
  }
  return { first, count, weights, stride };
}

/** A fixed-point sum back to a byte: PIL's clip8. */
const clip8 = (sum: number): number => Math.min(255, Math.max(0, Math.floor(sum / ONE)));

/**
 * One of PIL's two separable passes: every one of `lines` rows (horizontal) or columns (vertical) of RGB
 * pixels resampled from `inLen` to `outLen` samples, with fixed-point taps and PIL's rounding.
 */
function resampleAxis(
  data: Uint8ClampedArray,
  inLen: number,
  outLen: number,
  lines: number,
  horizontal: boolean,
): Uint8ClampedArray {
  const { first, count, weights, stride } = bilinearTaps(inLen, outLen);
  const out = new Uint8ClampedArray(lines * outLen * 3);
  // Pixel (line, i) of a row-major image lies at line·len + i along a row, or i·lines + line down a column.
  const inLine = horizontal ? inLen : 1;
  const outLine = horizontal ? outLen : 1;
  const along = horizontal ? 1 : lines;
  for (let line = 0; line < lines; line++) {
    for (let j = 0; j < outLen; j++) {
      let r = HALF;
      let g = HALF;
      let b = HALF;
      for (let k = 0; k < count[j]; k++) {
        const wk = weights[j * stride + k];
        const p = (line * inLine + (first[j] + k) * along) * 3;
        r += data[p] * wk;
        g += data[p + 1] * wk;
        b += data[p + 2] * wk;
      }
      const o = (line * outLine + j * along) * 3;
      out[o] = clip8(r);
      out[o + 1] = clip8(g);
      out[o + 2] = clip8(b);
    }
  }
  return out;
}

/**
 * PIL's `Image.resize((width, height), Image.BILINEAR)` of an 8-bit RGB image, exactly: antialiased when
 * reducing, bilinear between pixel centres when enlarging, edges renormalised rather than padded.
 */
export function resizeBilinearPil(src: RgbPixels, width: number, height: number): RgbPixels {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`invalid output size ${width}×${height}`);
  }
  let { data } = src;
  if (width !== src.width) data = resampleAxis(data, src.width, width, src.height, true);
  if (height !== src.height) data = resampleAxis(data, src.height, height, width, false);
  return { data: data === src.data ? data.slice() : data, width, height };
}

/**
 * Where a `crop`-long window starts in a `size`-long side: torchvision's CenterCrop offset
 * round((size − crop) / 2) with halves to even, which is also what PIL's crop makes of the fractional
 * centre box.
 */
export const centerOffset = (size: number, crop: number): number => roundHalfEven((size - crop) / 2);

/** The width×height window at (left, top). */
function cropPixels(src: RgbPixels, left: number, top: number, width: number, height: number): RgbPixels {
  if (left < 0 || top < 0 || left + width > src.width || top + height > src.height) {
    throw new Error(`crop ${width}×${height} at (${left}, ${top}) is outside ${src.width}×${src.height}`);
  }
  if (left === 0 && top === 0 && width === src.width && height === src.height) return src;
  const out = new Uint8ClampedArray(width * height * 3);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * src.width + left) * 3;
    out.set(src.data.subarray(from, from + width * 3), y * width * 3);
  }
  return { data: out, width, height };
}

/** The centre crop×crop window (torchvision CenterCrop on a PIL image). */
const centerCrop = (src: RgbPixels, crop: number): RgbPixels =>
  cropPixels(src, centerOffset(src.width, crop), centerOffset(src.height, crop), crop, crop);

/**
 * The size with the shorter side `shorter` and the longer in proportion, rounded down: torchvision's
 * Resize(int).
 */
export function shorterSideSize(
  width: number,
  height: number,
  shorter: number,
): { width: number; height: number } {
  return width <= height
    ? { width: shorter, height: Math.floor((shorter * height) / width) }
    : { width: Math.floor((shorter * width) / height), height: shorter };
}

/**
 * 8-bit RGB pixels → size×size, computed as PIL (and torchvision on PIL images) compute it.
 * Without resizeShorter (CIFAR): the centre square, then a BILINEAR resize to size×size.
 * With resizeShorter (ImageNet, torchvision Resize(256) + CenterCrop(224)): a BILINEAR resize of the shorter
 * side to resizeShorter (the longer to floor(resizeShorter·long/short)), then the centre size×size.
 */
function centerCropResizePixels(
  src: RgbPixels,
  size: number,
  opts: { resizeShorter?: number } = {},
): RgbPixels {
  if (opts.resizeShorter) {
    const to = shorterSideSize(src.width, src.height, opts.resizeShorter);
    return centerCrop(resizeBilinearPil(src, to.width, to.height), size);
  }
  return resizeBilinearPil(centerCrop(src, Math.min(src.width, src.height)), size, size);
}

const toFloatTensor = ({ data, width, height }: RgbPixels): tf.Tensor3D =>
  tf.tensor3d(Float32Array.from(data), [height, width, 3], 'float32');

/**
 * [H,W,3] image (0..255) → float32 [size,size,3] (0..255), by centerCropResizePixels (the values are read
 * back, rounded to bytes like a PIL image).
 */
export function centerCropResize(
  img: tf.Tensor3D,
  size: number,
  opts: { resizeShorter?: number } = {},
): tf.Tensor3D {
  return toFloatTensor(centerCropResizePixels(imagePixels(img), size, opts));
}

type InputMeta = Pick<ModelMeta, 'arch' | 'inputSize' | 'mean' | 'std'>;

/** The shorter side an ImageNet input starts from: 256 for 224 (torchvision's Resize(256) + CenterCrop(224)). */
const imagenetResizeShorter = (inputSize: number): number => Math.round((inputSize * 256) / 224);

/** What the network sees before normalisation: float32 [size,size,3] in 0..255. Caller owns it. */
export function cropForNetwork(src: ImageSource, meta: Pick<InputMeta, 'arch' | 'inputSize'>): tf.Tensor3D {
  const size = meta.inputSize;
  const opts = meta.arch === 'cifar' ? {} : { resizeShorter: imagenetResizeShorter(size) };
  return toFloatTensor(centerCropResizePixels(imagePixels(src), size, opts));
}

/** (x/255 − mean) / std per RGB channel; [H,W,3] becomes [1,H,W,3], [N,H,W,3] stays. */
export function normalize(
  x: tf.Tensor3D | tf.Tensor4D,
  mean: readonly number[],
  std: readonly number[],
): tf.Tensor4D {
  return tf.tidy(() => {
    const x4 = (x.rank === 3 ? tf.expandDims(x, 0) : x) as tf.Tensor4D;
    const scaled = tf.div(tf.cast(x4, 'float32'), 255);
    return tf.div(tf.sub(scaled, tf.tensor1d([...mean])), tf.tensor1d([...std])) as tf.Tensor4D;
  });
}

/** Image → normalised [1,size,size,3] input for the model described by meta. */
export function preprocess(src: ImageSource, meta: InputMeta): tf.Tensor4D {
  return tf.tidy(() => normalize(cropForNetwork(src, meta), meta.mean, meta.std));
}
