/** Pixels drawn one canvas pixel each; CSS (`image-rendering: pixelated`) enlarges them crisply. */
export interface RgbImage {
  /** RGB (3 per pixel) or RGBA (4 per pixel), row-major */
  data: ArrayLike<number>;
  width: number;
  height: number;
}

export function drawPixels(canvas: HTMLCanvasElement, image: RgbImage): void {
  const { width, height, data } = image;
  const channels = data.length / (width * height);
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const out = ctx.createImageData(width, height);
  for (let p = 0; p < width * height; p++) {
    out.data[4 * p] = data[channels * p];
    out.data[4 * p + 1] = data[channels * p + 1];
    out.data[4 * p + 2] = data[channels * p + 2];
    out.data[4 * p + 3] = 255;
  }
  ctx.putImageData(out, 0, 0);
}
