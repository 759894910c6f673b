/**
 * A plain-JS, float64 ResNet/ResNeXt forward pass straight from PyTorch-layout tensors (OIHW convs,
 * [out,in] fc), written from the definitions, as an independent check of the tfjs model in tests.
 */
import type { NetworkSpec } from '../spec';

export interface Act {
  n: number;
  h: number;
  w: number;
  c: number;
  /** NHWC */
  data: Float64Array;
}

export type Weights = Map<string, { shape: number[]; data: Float32Array }>;

const EPS = 1e-5;

function conv(
  x: Act,
  w: { shape: number[]; data: Float32Array },
  stride: number,
  pad: number,
  groups: number,
): Act {
  const [o, ig, kh, kw] = w.shape;
  const h = Math.floor((x.h + 2 * pad - kh) / stride) + 1;
  const wd = Math.floor((x.w + 2 * pad - kw) / stride) + 1;
  const og = o / groups;
  const out = new Float64Array(x.n * h * wd * o);
  for (let b = 0; b < x.n; b++)
    for (let oy = 0; oy < h; oy++)
      for (let ox = 0; ox < wd; ox++)
        for (let oc = 0; oc < o; oc++) {
          const g = Math.floor(oc / og);
          let acc = 0;
          for (let ky = 0; ky < kh; ky++) {
            const iy = oy * stride - pad + ky;
            if (iy < 0 || iy >= x.h) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ox * stride - pad + kx;
              if (ix < 0 || ix >= x.w) continue;
              for (let i = 0; i < ig; i++) {
                acc +=
                  x.data[((b * x.h + iy) * x.w + ix) * x.c + g * ig + i] *
                  w.data[((oc * ig + i) * kh + ky) * kw + kx];
              }
            }
          }
          out[((b * h + oy) * wd + ox) * o + oc] = acc;
        }
  return { n: x.n, h, w: wd, c: o, data: out };
}

function bn(x: Act, weights: Weights, prefix: string): Act {
  const g = weights.get(`${prefix}.weight`)!.data;
  const beta = weights.get(`${prefix}.bias`)!.data;
  const mean = weights.get(`${prefix}.running_mean`)!.data;
  const v = weights.get(`${prefix}.running_var`)!.data;
  const data = x.data.map((val, i) => {
    const c = i % x.c;
    return ((val - mean[c]) / Math.sqrt(v[c] + EPS)) * g[c] + beta[c];
  });
  return { ...x, data };
}

const relu = (x: Act): Act => ({ ...x, data: x.data.map((v) => Math.max(0, v)) });
const add = (a: Act, b: Act): Act => ({ ...a, data: a.data.map((v, i) => v + b.data[i]) });

function maxPool3s2p1(x: Act): Act {
  const h = Math.floor((x.h + 2 - 3) / 2) + 1;
  const w = Math.floor((x.w + 2 - 3) / 2) + 1;
  const out = new Float64Array(x.n * h * w * x.c);
  for (let b = 0; b < x.n; b++)
    for (let oy = 0; oy < h; oy++)
      for (let ox = 0; ox < w; ox++)
        for (let c = 0; c < x.c; c++) {
          let m = -Infinity;
          for (let ky = 0; ky < 3; ky++)
            for (let kx = 0; kx < 3; kx++) {
              const iy = 2 * oy - 1 + ky;
              const ix = 2 * ox - 1 + kx;
              if (iy >= 0 && iy < x.h && ix >= 0 && ix < x.w)
                m = Math.max(m, x.data[((b * x.h + iy) * x.w + ix) * x.c + c]);
            }
          out[((b * h + oy) * w + ox) * x.c + c] = m;
        }
  return { n: x.n, h, w, c: x.c, data: out };
}

/** Logits [n, classes] (row-major) and every intermediate under the model's capture names. */
export function referenceForward(
  spec: NetworkSpec,
  weights: Weights,
  input: Act,
): { logits: Float64Array; inter: Map<string, Act> } {
  const inter = new Map<string, Act>();
  const keep = (name: string, a: Act) => {
    inter.set(name, a);
    return a;
  };
  const imagenet = spec.stem === 'imagenet';
  let y = keep('conv1', conv(input, weights.get('conv1.weight')!, imagenet ? 2 : 1, imagenet ? 3 : 1, 1));
  y = keep('bn1', bn(y, weights, 'bn1'));
  y = keep('relu', relu(y));
  if (imagenet) y = keep('maxpool', maxPool3s2p1(y));
  for (const b of spec.stages.flat()) {
    const p = b.name;
    const x = keep(`${p}.in`, y);
    let t = keep(`${p}.conv1`, conv(x, weights.get(`${p}.conv1.weight`)!, 1, 0, 1));
    t = keep(`${p}.bn1`, bn(t, weights, `${p}.bn1`));
    t = keep(`${p}.relu1`, relu(t));
    t = keep(`${p}.conv2`, conv(t, weights.get(`${p}.conv2.weight`)!, b.stride, 1, b.groups));
    t = keep(`${p}.bn2`, bn(t, weights, `${p}.bn2`));
    t = keep(`${p}.relu2`, relu(t));
    t = keep(`${p}.conv3`, conv(t, weights.get(`${p}.conv3.weight`)!, 1, 0, 1));
    t = keep(`${p}.bn3`, bn(t, weights, `${p}.bn3`));
    const sc = b.projection
      ? bn(conv(x, weights.get(`${p}.downsample.0.weight`)!, b.stride, 0, 1), weights, `${p}.downsample.1`)
      : x;
    keep(`${p}.shortcut`, sc);
    t = keep(`${p}.add`, add(t, sc));
    y = keep(`${p}.out`, relu(t));
  }
  const pool = new Float64Array(y.n * y.c);
  for (let b = 0; b < y.n; b++)
    for (let i = 0; i < y.h * y.w; i++)
      for (let c = 0; c < y.c; c++) pool[b * y.c + c] += y.data[(b * y.h * y.w + i) * y.c + c] / (y.h * y.w);
  keep('pool', { n: y.n, h: 1, w: 1, c: y.c, data: pool });
  const fw = weights.get('fc.weight')!;
  const fb = weights.get('fc.bias')!.data;
  const [k, cin] = fw.shape;
  const logits = new Float64Array(y.n * k);
  for (let b = 0; b < y.n; b++)
    for (let o = 0; o < k; o++) {
      let acc = fb[o];
      for (let i = 0; i < cin; i++) acc += pool[b * cin + i] * fw.data[o * cin + i];
      logits[b * k + o] = acc;
    }
  keep('fc', { n: y.n, h: 1, w: 1, c: k, data: logits });
  return { logits, inter };
}
