import type { Shape4 } from './counting';

/**
 * Counts for GoogLeNet's inception module (3a), the split-transform-merge design ResNeXt is compared with, and for
 * its naive version without the 1×1 reductions. GoogLeNet's convolutions carry biases: weights and biases are
 * counted separately, params = weights + biases. MACs count multiplications of conv weights only (no bias adds,
 * no pooling comparisons). Convs and pools are stride 1, "same" padding. Weight shapes are PyTorch's OIHW.
 */

export type InceptionLayer = { kind: 'conv'; k: number; out: number } | { kind: 'maxpool'; k: number };

export interface InceptionModuleSpec {
  inChannels: number;
  spatial: number;
  branches: InceptionLayer[][];
}

export interface InceptionLayerCount {
  kind: 'conv' | 'maxpool';
  /** "in, k×k, out" for a conv, "k×k" for a pool */
  label: string;
  weightShape: number[];
  inShape: Shape4;
  outShape: Shape4;
  weights: number;
  biases: number;
  macs: number;
}

interface InceptionTotals {
  weights: number;
  biases: number;
  params: number;
  macs: number;
}

interface InceptionBranchCount extends InceptionTotals {
  layers: InceptionLayerCount[];
  outChannels: number;
}

export interface InceptionCount extends InceptionTotals {
  branches: InceptionBranchCount[];
  /** shape of the concatenated output */
  outShape: Shape4;
}

/** Inception (3a) of GoogLeNet at 28×28×192: 64 + 128 + 32 + 32 = 256 output channels. */
export const INCEPTION_3A: InceptionModuleSpec = {
  inChannels: 192,
  spatial: 28,
  branches: [
    [{ kind: 'conv', k: 1, out: 64 }],
    [
      { kind: 'conv', k: 1, out: 96 },
      { kind: 'conv', k: 3, out: 128 },
    ],
    [
      { kind: 'conv', k: 1, out: 16 },
      { kind: 'conv', k: 5, out: 32 },
    ],
    [
      { kind: 'maxpool', k: 3 },
      { kind: 'conv', k: 1, out: 32 },
    ],
  ],
};

/** The naive module: the same filters on the 192 input channels directly; the pool passes all 192 through. */
export const INCEPTION_3A_NAIVE: InceptionModuleSpec = {
  inChannels: 192,
  spatial: 28,
  branches: [
    [{ kind: 'conv', k: 1, out: 64 }],
    [{ kind: 'conv', k: 3, out: 128 }],
    [{ kind: 'conv', k: 5, out: 32 }],
    [{ kind: 'maxpool', k: 3 }],
  ],
};

function layerCount(l: InceptionLayer, inShape: Shape4): InceptionLayerCount {
  const [n, h, w, cin] = inShape;
  const k = l.k;
  if (l.kind === 'maxpool') {
    const label = `${k}×${k}`;
    return {
      kind: 'maxpool',
      label,
      weightShape: [],
      inShape,
      outShape: inShape,
      weights: 0,
      biases: 0,
      macs: 0,
    };
  }
  const weights = l.out * cin * k * k;
  return {
    kind: 'conv',
    label: `${cin}, ${k}×${k}, ${l.out}`,
    weightShape: [l.out, cin, k, k],
    inShape,
    outShape: [n, h, w, l.out],
    weights,
    biases: l.out,
    macs: h * w * weights,
  };
}

function totals(rows: { weights: number; biases: number; macs: number }[]): InceptionTotals {
  const t = { weights: 0, biases: 0, params: 0, macs: 0 };
  for (const r of rows) {
    t.weights += r.weights;
    t.biases += r.biases;
    t.macs += r.macs;
  }
  t.params = t.weights + t.biases;
  return t;
}

export function inceptionCounts(m: InceptionModuleSpec): InceptionCount {
  const x: Shape4 = [1, m.spatial, m.spatial, m.inChannels];
  const branches = m.branches.map((layers): InceptionBranchCount => {
    let shape = x;
    const rows = layers.map((l) => {
      const r = layerCount(l, shape);
      shape = r.outShape;
      return r;
    });
    return { ...totals(rows), layers: rows, outChannels: shape[3] };
  });
  const out = branches.reduce((s, b) => s + b.outChannels, 0);
  return { ...totals(branches), branches, outShape: [1, m.spatial, m.spatial, out] };
}
