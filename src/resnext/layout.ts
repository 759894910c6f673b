/**
 * PyTorch → TensorFlow.js weight layouts, on plain arrays so weights are uploaded once, already
 * in the layout tfjs wants.
 */

export interface HostTensor {
  shape: number[];
  data: Float32Array;
}

/**
 * Conv weight OIHW [out, in, kh, kw] → HWIO [kh, kw, in, out]. A grouped conv weight
 * [out, in/groups, kh, kw] becomes [kh, kw, in/groups, out], the per-group layout groupedConv2d takes.
 */
export function oihwToHwio({ shape, data }: HostTensor): HostTensor {
  if (shape.length !== 4) throw new Error(`oihwToHwio: expected a 4-D weight, got [${shape.join(', ')}]`);
  const [o, i, h, w] = shape;
  const out = new Float32Array(data.length);
  for (let oo = 0; oo < o; oo++) {
    for (let ii = 0; ii < i; ii++) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          out[((y * w + x) * i + ii) * o + oo] = data[((oo * i + ii) * h + y) * w + x];
        }
      }
    }
  }
  return { shape: [h, w, i, o], data: out };
}

/** Grouped conv weight [out, in/groups, kh, kw] → [kh, kw, in/groups, out]. */
export const groupedOihwToHwio = oihwToHwio;

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
