/**
 * PyTorch → TensorFlow.js weight layouts, on plain arrays so weights are uploaded once, already
 * in the layout tfjs wants.
 */

export interface HostTensor {
  shape: number[];
  data: Float32Array;
}

const TILE = 32;

/**
 * Conv weight OIHW [out, in, kh, kw] → HWIO [kh, kw, in, out]. A grouped conv weight
 * [out, in/groups, kh, kw] becomes [kh, kw, in/groups, out], the per-group layout groupedConv2d takes.
 */
export function oihwToHwio({ shape, data }: HostTensor): HostTensor {
  if (shape.length !== 4) throw new Error(`oihwToHwio: expected a 4-D weight, got [${shape.join(', ')}]`);
  const [o, i, h, w] = shape;
  const hw = h * w;
  // the weight is an [o, i·h·w] matrix whose columns (ii, y, x) become rows (y, x, ii) of an [h·w·i, o] one;
  // copied in 32×32 tiles, which keeps both sides in the cache (twice as fast as one element after another)
  const cols = i * hw;
  const out = new Float32Array(data.length);
  for (let o0 = 0; o0 < o; o0 += TILE) {
    const o1 = Math.min(o, o0 + TILE);
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let c = c0; c < c1; c++) {
        const ii = Math.floor(c / hw);
        const row = ((c - ii * hw) * i + ii) * o;
        for (let oo = o0, src = o0 * cols + c; oo < o1; oo++, src += cols) out[row + oo] = data[src];
      }
    }
  }
  return { shape: [h, w, i, o], data: out };
}

/** Linear weight [out, in] → [in, out], so that logits = x · W + b. */
export function linearToInOut({ shape, data }: HostTensor): HostTensor {
  if (shape.length !== 2) throw new Error(`linearToInOut: expected a 2-D weight, got [${shape.join(', ')}]`);
  const [o, i] = shape;
  const out = new Float32Array(data.length);
  for (let oo = 0; oo < o; oo++) for (let ii = 0; ii < i; ii++) out[ii * o + oo] = data[oo * i + ii];
  return { shape: [i, o], data: out };
}

/** Activation NCHW → NHWC (PyTorch fixtures to tfjs). */
export function nchwToNhwc({ shape, data }: HostTensor): HostTensor {
  if (shape.length !== 4) throw new Error(`nchwToNhwc: expected a 4-D tensor, got [${shape.join(', ')}]`);
  const [n, c, h, w] = shape;
  const out = new Float32Array(data.length);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++)
          out[((b * h + y) * w + x) * c + ch] = data[((b * c + ch) * h + y) * w + x];
      }
    }
  }
  return { shape: [n, h, w, c], data: out };
}
