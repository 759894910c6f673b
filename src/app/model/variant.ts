import type { NetworkSpec } from '../../resnext/spec';

export interface Variant {
  /** layers with weights: 3 per bottleneck block + stem + fc */
  depth: number;
  cardinality: number;
  /** bottleneck width per group in the first stage */
  d: number;
  /** e.g. `ResNeXt-50 (32×4d)`, `ResNet-50`, `ResNeXt-29 (8×14d)` */
  label: string;
  dataset: 'cifar' | 'imagenet';
}

/** Names a network from its spec the way the papers and torchvision do. */
export function describeVariant(spec: NetworkSpec): Variant {
  const blocks = spec.stages.flat();
  const depth = 3 * blocks.length + 2;
  const first = blocks[0];
  const cardinality = first.groups;
  const d = first.width / first.groups;
  const plainResNet = spec.stem === 'imagenet' && cardinality === 1 && d === 64;
  const label = plainResNet
    ? `ResNet-${depth}`
    : `${cardinality === 1 && spec.stem === 'imagenet' ? 'ResNet' : 'ResNeXt'}-${depth} (${cardinality}×${d}d)`;
  return { depth, cardinality, d, label, dataset: spec.stem };
}
