/** Pixel helpers on plain arrays: compositing, size budgets and an antialiased shrink. */

/** Row-major pixels: RGB (3 values per pixel) or RGBA (4). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export const channelsOf = (p: Pixels): number => p.data.length / (p.width * p.height);

/**
 * Puts RGBA pixels on a white background (what a transparent picture looks like on a page) and makes every
 * alpha 255. Returns a new array and whether any pixel was not fully opaque.
 */
export function compositeOnWhite(rgba: Uint8ClampedArray): { data: Uint8ClampedArray; hadAlpha: boolean } {
  const out = new Uint8ClampedArray(rgba.length);
  let hadAlpha = false;
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3];
    if (a === 255) {
      out[i] = rgba[i];
      out[i + 1] = rgba[i + 1];
      out[i + 2] = rgba[i + 2];
    } else {
      hadAlpha = true;
      const white = 255 * (255 - a);
      out[i] = Math.round((rgba[i] * a + white) / 255);
      out[i + 1] = Math.round((rgba[i + 1] * a + white) / 255);
      out[i + 2] = Math.round((rgba[i + 2] * a + white) / 255);
    }
    out[i + 3] = 255;
  }
  return { data: out, hadAlpha };
}

/**
 * The size to decode a width×height picture at so it holds at most maxPixels, keeping its shape
 * (each side at least 1). Pictures within the budget keep their size.
 */
export function fitPixelBudget(
  width: number,
  height: number,
  maxPixels: number,
): { width: number; height: number } {
  if (width * height <= maxPixels) return { width, height };
  const s = Math.sqrt(maxPixels / (width * height));
  // A very thin picture keeps one row (or column) and gives up length instead.
  const w = Math.max(1, Math.floor(width * s));
  const h = Math.max(1, Math.floor(height * s));
  return w * h <= maxPixels
    ? { width: w, height: h }
    : w === 1
      ? { width: 1, height: maxPixels }
      : { width: maxPixels, height: 1 };
}

/**
 * The size with the shorter side equal to `shorter` and the longer scaled in proportion, rounded down like
 * torchvision's Resize(int) (which the engine's ImageNet preprocessing follows).
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

/** Triangle-filter weights for one output axis, as PIL computes them (the support widens when shrinking). */
function axisWeights(
  inSize: number,
  outSize: number,
): { start: Int32Array; count: Int32Array; weights: Float64Array; span: number } {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = filterScale; // the bilinear filter's support is 1
  const span = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Float64Array(outSize * span);
  for (let o = 0; o < outSize; o++) {
    const center = (o + 0.5) * scale;
    const lo = Math.max(Math.floor(center - support + 0.5), 0);
    const hi = Math.min(Math.floor(center + support + 0.5), inSize);
    let total = 0;
    for (let x = lo; x < hi; x++) {
      const w = Math.max(0, 1 - Math.abs((x - center + 0.5) / filterScale));
      weights[o * span + (x - lo)] = w;
      total += w;
    }
    if (total > 0) for (let x = 0; x < hi - lo; x++) weights[o * span + x] /= total;
    start[o] = lo;
    count[o] = hi - lo;
  }
  return { start, count, weights, span };
}

/**
 * Antialiased resize (triangle filter over every covered source pixel, like PIL's BILINEAR), RGB or RGBA
 * in, RGB out. Plain bilinear sampling when shrinking a photo to 32×32 reads a few pixels and skips the
 * rest, which aliases badly; averaging all of them is how the training images were made small.
 */
export function resizeAntialiased(src: Pixels, width: number, height: number): Pixels {
  const c = channelsOf(src);
  const h = axisWeights(src.width, width);
  const v = axisWeights(src.height, height);
  // Horizontal pass into floats, then vertical pass into bytes.
  const mid = new Float64Array(width * src.height * 3);
  for (let y = 0; y < src.height; y++) {
    const row = y * src.width;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let bl = 0;
      const base = x * h.span;
      for (let k = 0; k < h.count[x]; k++) {
        const w = h.weights[base + k];
        const p = (row + h.start[x] + k) * c;
        r += w * src.data[p];
        g += w * src.data[p + 1];
        bl += w * src.data[p + 2];
      }
      const m = (y * width + x) * 3;
      mid[m] = r;
      mid[m + 1] = g;
      mid[m + 2] = bl;
    }
  }
  const out = new Uint8ClampedArray(width * height * 3);
  for (let y = 0; y < height; y++) {
    const base = y * v.span;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let bl = 0;
      for (let k = 0; k < v.count[y]; k++) {
        const w = v.weights[base + k];
        const m = ((v.start[y] + k) * width + x) * 3;
        r += w * mid[m];
        g += w * mid[m + 1];
        bl += w * mid[m + 2];
      }
      const o = (y * width + x) * 3;
      out[o] = Math.round(r);
      out[o + 1] = Math.round(g);
      out[o + 2] = Math.round(bl);
    }
  }
  return { data: out, width, height };
}

/**
 * Shrinks a picture (antialiased) so its shorter side is `shorter` pixels; smaller pictures come back
 * unchanged (the network's own bilinear resize enlarges them).
 */
export function shrinkToShorterSide(src: Pixels, shorter: number): Pixels {
  if (Math.min(src.width, src.height) <= shorter) return src;
  const size = shorterSideSize(src.width, src.height, shorter);
  return resizeAntialiased(src, size.width, size.height);
}
