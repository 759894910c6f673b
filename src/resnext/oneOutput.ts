/**
 * The arithmetic of one output value of a block, written out from the trace's values and the block's weights:
 * the window sum of the grouped 3×3, the C contributions Tᵢ(x) that conv3 adds up, and the same position
 * followed through bn3, the shortcut, the addition and the ReLU. Plain arrays in, plain numbers out: no tfjs,
 * so the views and their tests compute each value a second way, beside the model's own tensors.
 */
import { BN_EPS } from './modelWeights';

/** Where the grouped 3×3 reads and writes: NHWC maps of one image, padding 1, stride 1 or 2. */
export interface GroupedGeometry {
  inHeight: number;
  inWidth: number;
  outHeight: number;
  outWidth: number;
  /** C·d, input and output channels alike */
  width: number;
  /** C */
  groups: number;
  stride: number;
}

/** One output of the grouped 3×3: group g, output channel j of that group, row y, column x (all 0-based). */
export interface GroupedPick {
  group: number;
  channel: number;
  y: number;
  x: number;
}

/** One product of the window sum. */
export interface WindowTerm {
  /** input channel of the whole tensor (0-based) */
  inChannel: number;
  /** input channel within the group (0-based) */
  local: number;
  ky: number;
  kx: number;
  /** input row and column read (−1 or the size itself: padding) */
  iy: number;
  ix: number;
  padding: boolean;
  input: number;
  weight: number;
  product: number;
}

export interface GroupedArithmetic {
  pick: GroupedPick;
  /** output channel of the whole tensor (0-based) */
  outChannel: number;
  /** d input channels × 3 × 3, in the order channel, row, column */
  terms: WindowTerm[];
  /** Σ of the products: the grouped 3×3's output there, before bn2 */
  sum: number;
  /** input channels it reads (d) and that a dense 3×3 would read (C·d) */
  reads: number;
  channels: number;
  /** weights it uses (9·d) and that a dense 3×3 would use for one output (9·C·d) */
  weights: number;
  denseWeights: number;
  /** top-left input row and column of the 3×3 window (padding included: may be −1) */
  windowY: number;
  windowX: number;
}

function groupWidth(g: GroupedGeometry): number {
  if (g.width % g.groups !== 0) throw new Error(`${g.width} channels do not split into ${g.groups} groups`);
  return g.width / g.groups;
}

/** The pick held inside the maps: group, channel and position clamped to what exists. */
function clampPick(p: GroupedPick, g: GroupedGeometry): GroupedPick {
  const d = groupWidth(g);
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, Math.trunc(v) || 0));
  return {
    group: clamp(p.group, g.groups),
    channel: clamp(p.channel, d),
    y: clamp(p.y, g.outHeight),
    x: clamp(p.x, g.outWidth),
  };
}

/**
 * The window sum of one grouped-3×3 output: `input` is relu1 [H, W, C·d] (NHWC, one image), `kernel` the
 * grouped conv's weights [3, 3, d, C·d] (HWIO, as the model holds them).
 */
export function groupedArithmetic(
  input: ArrayLike<number>,
  kernel: ArrayLike<number>,
  geo: GroupedGeometry,
  pick: GroupedPick,
): GroupedArithmetic {
  const d = groupWidth(geo);
  const p = clampPick(pick, geo);
  const { inHeight: H, inWidth: W, width } = geo;
  if (input.length < H * W * width) throw new Error('the input is shorter than its shape');
  if (kernel.length < 9 * d * width) throw new Error('the kernel is shorter than its shape');
  const o = p.group * d + p.channel;
  const y0 = p.y * geo.stride - 1;
  const x0 = p.x * geo.stride - 1;
  const terms: WindowTerm[] = [];
  let sum = 0;
  for (let i = 0; i < d; i++) {
    const c = p.group * d + i;
    for (let ky = 0; ky < 3; ky++) {
      for (let kx = 0; kx < 3; kx++) {
        const iy = y0 + ky;
        const ix = x0 + kx;
        const padding = iy < 0 || iy >= H || ix < 0 || ix >= W;
        const value = padding ? 0 : input[(iy * W + ix) * width + c];
        const weight = kernel[((ky * 3 + kx) * d + i) * width + o];
        const product = value * weight;
        sum += product;
        terms.push({ inChannel: c, local: i, ky, kx, iy, ix, padding, input: value, weight, product });
      }
    }
  }
  return {
    pick: p,
    outChannel: o,
    terms,
    sum,
    reads: d,
    channels: width,
    weights: 9 * d,
    denseWeights: 9 * width,
    windowY: y0,
    windowX: x0,
  };
}

/** The largest products by |product| and what the rest add up to: a readable account of a long sum. */
export interface TermSummary<T> {
  largest: T[];
  restCount: number;
  restSum: number;
}

export function summariseTerms<T>(terms: readonly T[], keep: number, size: (t: T) => number): TermSummary<T> {
  const order = terms.map((_, i) => i).sort((a, b) => Math.abs(size(terms[b])) - Math.abs(size(terms[a])));
  const kept = new Set(order.slice(0, keep));
  let restSum = 0;
  terms.forEach((term, i) => {
    if (!kept.has(i)) restSum += size(term);
  });
  return {
    largest: order.slice(0, keep).map((i) => terms[i]),
    restCount: Math.max(0, terms.length - keep),
    restSum,
  };
}

/** Batch norm of one value, with its parameters written out. */
export interface BnArithmetic {
  input: number;
  gamma: number;
  beta: number;
  mean: number;
  variance: number;
  /** √(σ² + ε) */
  std: number;
  output: number;
}

/** A batch norm's parameters as plain arrays, one entry per channel. */
export interface BnValues {
  gamma: ArrayLike<number>;
  beta: ArrayLike<number>;
  mean: ArrayLike<number>;
  variance: ArrayLike<number>;
}

export function bnArithmetic(value: number, bn: BnValues, channel: number): BnArithmetic {
  const gamma = bn.gamma[channel];
  const beta = bn.beta[channel];
  const mean = bn.mean[channel];
  const variance = bn.variance[channel];
  const std = Math.sqrt(variance + BN_EPS);
  return { input: value, gamma, beta, mean, variance, std, output: (gamma * (value - mean)) / std + beta };
}

/** Where conv3 and the shortcut read and write. */
export interface MergeGeometry {
  height: number;
  width: number;
  /** C·d */
  channels: number;
  groups: number;
  /** the block's output channels */
  out: number;
}

export interface MergeArithmetic {
  channel: number;
  y: number;
  x: number;
  /** Tᵢ(x) at (y, x) for output channel k, one per group */
  terms: number[];
  /** Σᵢ Tᵢ(x): conv3's output there */
  sum: number;
}

/**
 * The C contributions of the merge at one position: Tᵢ = Σ over group i's d channels of relu2 × conv3's
 * weight. `relu2` is [H, W, C·d] (NHWC), `conv3` the 1×1 weights [C·d, out] (HWIO of [1, 1, C·d, out]).
 */
export function mergeArithmetic(
  relu2: ArrayLike<number>,
  conv3: ArrayLike<number>,
  geo: MergeGeometry,
  channel: number,
  y: number,
  x: number,
): MergeArithmetic {
  const { height: H, width: W, channels, groups, out } = geo;
  if (channels % groups !== 0) throw new Error(`${channels} channels do not split into ${groups} groups`);
  if (channel < 0 || channel >= out || y < 0 || y >= H || x < 0 || x >= W)
    throw new Error(`(${channel}, ${y}, ${x}) is outside the map`);
  const d = channels / groups;
  const base = (y * W + x) * channels;
  const terms: number[] = [];
  let sum = 0;
  for (let i = 0; i < groups; i++) {
    let t = 0;
    for (let c = i * d; c < (i + 1) * d; c++) t += relu2[base + c] * conv3[c * out + channel];
    terms.push(t);
    sum += t;
  }
  return { channel, y, x, terms, sum };
}

/** The projection shortcut's own 1×1 sum at one output position (stride s reads input (y·s, x·s)). */
interface ProjectionArithmetic {
  /** input channels summed */
  count: number;
  sum: number;
  bn: BnArithmetic;
}

function projectionArithmetic(
  input: ArrayLike<number>,
  inHeight: number,
  inWidth: number,
  inChannels: number,
  weights: ArrayLike<number>,
  out: number,
  stride: number,
  bn: BnValues,
  channel: number,
  y: number,
  x: number,
): ProjectionArithmetic {
  const iy = y * stride;
  const ix = x * stride;
  if (iy >= inHeight || ix >= inWidth) throw new Error(`(${y}, ${x}) reads outside the input`);
  const base = (iy * inWidth + ix) * inChannels;
  let sum = 0;
  for (let c = 0; c < inChannels; c++) sum += input[base + c] * weights[c * out + channel];
  return { count: inChannels, sum, bn: bnArithmetic(sum, bn, channel) };
}

/** One number from conv3 to the block's output: bn3 → F(x), + shortcut(x) → z, ReLU → y. */
export interface OutputChain {
  merge: MergeArithmetic;
  bn3: BnArithmetic;
  /** the identity's value, or the projection's arithmetic */
  shortcut: { value: number; projection?: ProjectionArithmetic };
  /** F(x) + shortcut(x) */
  z: number;
  /** max(0, z) */
  y: number;
}

export interface BlockValues {
  /** the block's input [H, W, in] */
  input: ArrayLike<number>;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  relu2: ArrayLike<number>;
  conv3: ArrayLike<number>;
  bn3: BnValues;
  stride: number;
  /** the projection's 1×1 weights [in, out] and batch norm; none for an identity shortcut */
  projection?: { weights: ArrayLike<number>; bn: BnValues };
}

export function outputChain(
  v: BlockValues,
  geo: MergeGeometry,
  channel: number,
  y: number,
  x: number,
): OutputChain {
  const merge = mergeArithmetic(v.relu2, v.conv3, geo, channel, y, x);
  const bn3 = bnArithmetic(merge.sum, v.bn3, channel);
  let shortcut: OutputChain['shortcut'];
  if (v.projection) {
    const projection = projectionArithmetic(
      v.input,
      v.inHeight,
      v.inWidth,
      v.inChannels,
      v.projection.weights,
      geo.out,
      v.stride,
      v.projection.bn,
      channel,
      y,
      x,
    );
    shortcut = { value: projection.bn.output, projection };
  } else {
    if (v.inChannels !== geo.out || v.stride !== 1) throw new Error('an identity shortcut keeps the shape');
    shortcut = { value: v.input[(y * v.inWidth + x) * v.inChannels + channel] };
  }
  const z = bn3.output + shortcut.value;
  return { merge, bn3, shortcut, z, y: Math.max(0, z) };
}
