import { convLayer, type Shape4 } from './counting';

/**
 * Conv-weight counts of one ResNeXt block in its three equivalent forms (the paper's Figure 3), as the explainer
 * tables show them. Only the three convolutions are counted, with the shortcut taken as the identity, as in the
 * paper's Figure 1 (ResNet 256→64→64→256: 69,632 weights; ResNeXt 32×4d: 70,144). BN and projection are left out.
 * Weight shapes are PyTorch's OIHW for one copy; activation shapes are NHWC for one copy.
 */

export type BlockForm = 'a' | 'b' | 'c';

export interface BlockShape {
  inChannels: number;
  outChannels: number;
  cardinality: number;
  d: number;
  /** side of the square input */
  spatial: number;
  /** stride of the 3×3 conv (1 unless the block downsamples) */
  stride?: number;
}

export interface BlockLayerRow {
  /** the torchvision conv the row belongs to: conv1, conv2 or conv3 */
  id: 'conv1' | 'conv2' | 'conv3';
  /** the paper's notation for one copy: "in, k×k, out" */
  label: string;
  /** identical copies side by side (C for per-path layers, else 1) */
  copies: number;
  /** groups of the conv (C for form c's grouped 3×3, else 1) */
  groups: number;
  weightShape: number[];
  inShape: Shape4;
  outShape: Shape4;
  /** all copies together */
  params: number;
  macs: number;
}

export interface BlockCount {
  rows: BlockLayerRow[];
  params: number;
  macs: number;
}

function row(
  id: BlockLayerRow['id'],
  inShape: Shape4,
  out: number,
  k: number,
  stride: number,
  copies: number,
  groups = 1,
): BlockLayerRow {
  const l = convLayer(id, inShape, out, k, stride, k === 3 ? 1 : 0, groups);
  return {
    id,
    label: `${inShape[3]}, ${k}×${k}, ${out}`,
    copies,
    groups,
    weightShape: l.weightShape,
    inShape: l.inShape,
    outShape: l.outShape,
    params: l.params * copies,
    macs: l.macs * copies,
  };
}

export function formCounts(form: BlockForm, s: BlockShape): BlockCount {
  const { inChannels, outChannels, cardinality: c, d, spatial } = s;
  const stride = s.stride ?? 1;
  const x: Shape4 = [1, spatial, spatial, inChannels];
  let rows: BlockLayerRow[];
  if (form === 'c') {
    const r1 = row('conv1', x, c * d, 1, 1, 1);
    const r2 = row('conv2', r1.outShape, c * d, 3, stride, 1, c);
    rows = [r1, r2, row('conv3', r2.outShape, outChannels, 1, 1, 1)];
  } else {
    const r1 = row('conv1', x, d, 1, 1, c);
    const r2 = row('conv2', r1.outShape, d, 3, stride, c);
    // form a: each path has its own d→out 1×1 and the paths are summed; form b: concatenate, then one C·d→out 1×1
    const r3 =
      form === 'a'
        ? row('conv3', r2.outShape, outChannels, 1, 1, c)
        : row('conv3', [1, r2.outShape[1], r2.outShape[2], c * d], outChannels, 1, 1, 1);
    rows = [r1, r2, r3];
  }
  return {
    rows,
    params: rows.reduce((t, r) => t + r.params, 0),
    macs: rows.reduce((t, r) => t + r.macs, 0),
  };
}

/** The block as the paper's Figure 1 draws it: C paths of [1×1, 3×3, 1×1] (form a; C = 1 is the ResNet block). */
export const blockCounts = (s: BlockShape): BlockCount => formCounts('a', s);
