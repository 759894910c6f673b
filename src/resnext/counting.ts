import type { BlockSpec, NetworkSpec } from './spec';

/**
 * Parameter and multiply-accumulate counts of a whole network, computed from its spec the way PyTorch would:
 * params = everything in `parameters()` (BN weight + bias, not running statistics; fc bias included);
 * MACs = conv output elements × (in/groups · kh · kw) plus fc weight elements, for one image.
 * Weight shapes are PyTorch's (conv OIHW, fc [out, in], BN [C]); activation shapes are NHWC with N = 1.
 */

export type Shape4 = [number, number, number, number];

export interface LayerCount {
  /** torchvision module name, e.g. `layer2.0.downsample.0` */
  name: string;
  kind: 'conv' | 'bn' | 'fc';
  weightShape: number[];
  inShape: Shape4;
  outShape: Shape4;
  /** groups of a conv (cardinality C for a ResNeXt conv2); 1 otherwise */
  groups: number;
  params: number;
  macs: number;
}

interface StageCount {
  /** the paper's Table 1 row: conv1, conv2 … conv5 (conv2 … conv4 for CIFAR), then fc */
  name: string;
  /** side of the stage's square output */
  outSize: number;
  params: number;
  macs: number;
}

export interface NetworkCount {
  params: number;
  macs: number;
  layers: LayerCount[];
  stages: StageCount[];
}

/** Output side of a k×k convolution or pool with the given stride and symmetric padding. */
const outSide = (side: number, k: number, stride: number, pad: number): number =>
  Math.floor((side + 2 * pad - k) / stride) + 1;

export function convLayer(
  name: string,
  inShape: Shape4,
  out: number,
  k: number,
  stride: number,
  pad: number,
  groups = 1,
): LayerCount {
  const [n, h, w, cin] = inShape;
  const outShape: Shape4 = [n, outSide(h, k, stride, pad), outSide(w, k, stride, pad), out];
  const params = out * (cin / groups) * k * k;
  const macs = outShape[1] * outShape[2] * out * (cin / groups) * k * k;
  return {
    name,
    kind: 'conv',
    weightShape: [out, cin / groups, k, k],
    inShape,
    outShape,
    groups,
    params,
    macs,
  };
}

export const bnLayer = (name: string, shape: Shape4): LayerCount => ({
  name,
  kind: 'bn',
  weightShape: [shape[3]],
  inShape: shape,
  outShape: shape,
  groups: 1,
  params: 2 * shape[3],
  macs: 0,
});

function blockLayers(b: BlockSpec, inShape: Shape4): LayerCount[] {
  const c1 = convLayer(`${b.name}.conv1`, inShape, b.width, 1, 1, 0);
  const c2 = convLayer(`${b.name}.conv2`, c1.outShape, b.width, 3, b.stride, 1, b.groups);
  const c3 = convLayer(`${b.name}.conv3`, c2.outShape, b.outChannels, 1, 1, 0);
  const rows = [
    c1,
    bnLayer(`${b.name}.bn1`, c1.outShape),
    c2,
    bnLayer(`${b.name}.bn2`, c2.outShape),
    c3,
    bnLayer(`${b.name}.bn3`, c3.outShape),
  ];
  if (b.projection) {
    const ds = convLayer(`${b.name}.downsample.0`, inShape, b.outChannels, 1, b.stride, 0);
    rows.push(ds, bnLayer(`${b.name}.downsample.1`, ds.outShape));
  }
  return rows;
}

const sum = (rows: LayerCount[], key: 'params' | 'macs'): number => rows.reduce((s, r) => s + r[key], 0);

export function countNetwork(spec: NetworkSpec, inputSize: number = spec.inputSize): NetworkCount {
  const imagenet = spec.stem === 'imagenet';
  const stem = convLayer(
    'conv1',
    [1, inputSize, inputSize, 3],
    spec.stemChannels,
    imagenet ? 7 : 3,
    imagenet ? 2 : 1,
    imagenet ? 3 : 1,
  );
  const stemRows = [stem, bnLayer('bn1', stem.outShape)];
  const groups: { name: string; outSize: number; rows: LayerCount[] }[] = [
    { name: 'conv1', outSize: stem.outShape[1], rows: stemRows },
  ];
  let shape = stem.outShape;
  if (imagenet) {
    const side = outSide(shape[1], 3, 2, 1); // 3×3 stride-2 max-pool, counted in conv2 as in the paper's Table 1
    shape = [1, side, side, shape[3]];
  }
  spec.stages.forEach((blocks, s) => {
    const rows: LayerCount[] = [];
    for (const b of blocks) {
      const bl = blockLayers(b, shape);
      rows.push(...bl);
      shape = bl[4].outShape;
    }
    groups.push({ name: `conv${s + 2}`, outSize: shape[1], rows });
  });
  const c = shape[3];
  const fc: LayerCount = {
    name: 'fc',
    kind: 'fc',
    weightShape: [spec.numClasses, c],
    inShape: [1, 1, 1, c], // after global average pooling
    outShape: [1, 1, 1, spec.numClasses],
    groups: 1,
    params: spec.numClasses * c + spec.numClasses,
    macs: spec.numClasses * c,
  };
  groups.push({ name: 'fc', outSize: 1, rows: [fc] });
  const layers = groups.flatMap((g) => g.rows);
  return {
    params: sum(layers, 'params'),
    macs: sum(layers, 'macs'),
    layers,
    stages: groups.map((g) => ({
      name: g.name,
      outSize: g.outSize,
      params: sum(g.rows, 'params'),
      macs: sum(g.rows, 'macs'),
    })),
  };
}
