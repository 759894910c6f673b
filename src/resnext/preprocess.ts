import * as tf from '@tensorflow/tfjs-core';
import type { ModelMeta } from './modelMeta';

/** Raw pixels, row-major, RGB (3 values per pixel) or RGBA (4, alpha ignored). */
export interface RawPixels {
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
  const { data, width, height } = src;
  const pixels = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`invalid image size ${width}×${height}`);
  }
  const channels = data.length / pixels;
  if (channels !== 3 && channels !== 4) {
    throw new Error(`image data of ${data.length} bytes is neither RGB nor RGBA for ${width}×${height}`);
  }
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

/** torchvision CenterCrop: a th×tw window at offset round((h−th)/2), round((w−tw)/2). */
function centerCrop(img: tf.Tensor3D, th: number, tw: number): tf.Tensor3D {
  const [h, w] = img.shape;
  if (th === h && tw === w) return img.clone();
  return tf.slice(img, [roundHalfEven((h - th) / 2), roundHalfEven((w - tw) / 2), 0], [th, tw, 3]);
}

const resize = (img: tf.Tensor3D, h: number, w: number): tf.Tensor3D =>
  img.shape[0] === h && img.shape[1] === w ? img.clone() : tf.image.resizeBilinear(img, [h, w], false, true);

/**
 * [H,W,3] image (0..255) → float32 [size,size,3] (0..255).
 * Without resizeShorter (CIFAR): centre crop to a square, then bilinear resize to size×size.
 * With resizeShorter (ImageNet, torchvision Resize(256) + CenterCrop(224)): scale the shorter side to
 * resizeShorter (the longer to int(resizeShorter·long/short)), then centre crop size×size.
 * Bilinear uses half-pixel centres like PIL/torch; PIL's antialiasing when shrinking is not reproduced.
 */
export function centerCropResize(
  img: tf.Tensor3D,
  size: number,
  opts: { resizeShorter?: number } = {},
): tf.Tensor3D {
  return tf.tidy(() => {
    const x = tf.cast(img, 'float32') as tf.Tensor3D;
    const [h, w] = x.shape;
    if (opts.resizeShorter) {
      const s = opts.resizeShorter;
      const [rh, rw] = h <= w ? [s, Math.floor((s * w) / h)] : [Math.floor((s * h) / w), s];
      return centerCrop(resize(x, rh, rw), size, size);
    }
    const side = Math.min(h, w);
    return resize(centerCrop(x, side, side), size, size);
  });
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
export function preprocess(
  src: ImageSource,
  meta: Pick<ModelMeta, 'arch' | 'inputSize' | 'mean' | 'std'>,
): tf.Tensor4D {
  return tf.tidy(() => {
    const img = toImageTensor(src);
    const size = meta.inputSize;
    const cropped =
      meta.arch === 'cifar'
        ? centerCropResize(img, size)
        : centerCropResize(img, size, { resizeShorter: Math.round((size * 256) / 224) });
    return normalize(cropped, meta.mean, meta.std);
  });
}
