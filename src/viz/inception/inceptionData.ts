import {
  inceptionCounts,
  type InceptionCount,
  type InceptionLayer,
  type InceptionLayerCount,
  type InceptionModuleSpec,
} from '../../resnext/inception';

/**
 * What the Inception figure draws, free of language: each branch's layers with their counts, taken from
 * `inceptionCounts`, and the place of each layer in the figure's two rows.
 */

export interface InceptionBoxData {
  kind: 'conv' | 'maxpool';
  /** filter side: 1, 3 or 5 */
  k: number;
  inChannels: number;
  outChannels: number;
  params: number;
  macs: number;
  /** a 1×1 convolution that only reduces channels before (or after) a larger filter */
  reduction: boolean;
  /** 0 = upper row, 1 = lower row; a branch's last layer is always in the lower row */
  row: 0 | 1;
}

interface InceptionBranchData {
  boxes: InceptionBoxData[];
  outChannels: number;
  params: number;
  macs: number;
}

export interface InceptionFigureData {
  spatial: number;
  inChannels: number;
  outChannels: number;
  branches: InceptionBranchData[];
  params: number;
  macs: number;
}

function box(layer: InceptionLayer, l: InceptionLayerCount, index: number, count: number): InceptionBoxData {
  const k = layer.k;
  return {
    kind: l.kind,
    k,
    inChannels: l.inShape[3],
    outChannels: l.outShape[3],
    params: l.weights + l.biases,
    macs: l.macs,
    // A 1×1 sharing its branch with a larger filter or a pool exists only to change the channel count.
    reduction: l.kind === 'conv' && k === 1 && count > 1,
    row: index === count - 1 ? 1 : 0,
  };
}

/** The figure of a module, with the counts `inceptionCounts` gives for it. */
export function inceptionFigureData(spec: InceptionModuleSpec): InceptionFigureData {
  const m: InceptionCount = inceptionCounts(spec);
  return {
    spatial: spec.spatial,
    inChannels: spec.inChannels,
    outChannels: m.outShape[3],
    branches: m.branches.map((b, bi) => ({
      boxes: b.layers.map((l, i) => box(spec.branches[bi][i], l, i, b.layers.length)),
      outChannels: b.outChannels,
      params: b.params,
      macs: b.macs,
    })),
    params: m.params,
    macs: m.macs,
  };
}
