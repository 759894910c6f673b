/** Pixel helpers on plain arrays: compositing and size budgets. (Resampling is the engine's: resnext/preprocess.) */

/** Row-major pixels: RGB (3 values per pixel) or RGBA (4). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

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
