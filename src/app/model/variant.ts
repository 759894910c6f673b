import type { MessageKey, Params } from '../../i18n';
import type { NetworkSpec } from '../../resnext/spec';

type Translate = (key: MessageKey, params?: Params) => string;

export interface Variant {
  /** layers with weights: 3 per bottleneck block + stem + fc */
  depth: number;
  cardinality: number;
  /** bottleneck width per group in the first stage */
  d: number;
  /** `ResNet` (no groups, ImageNet stem) or `ResNeXt` */
  arch: 'ResNet' | 'ResNeXt';
  /** the plain ResNet (C = 1, d = 64 on ImageNet): named without its setting */
  plain: boolean;
  /**
   * The name as the papers and torchvision write it, in half-width brackets, for data attributes and tests:
   * `ResNeXt-50 (32×4d)`, `ResNet-50`, `ResNeXt-29 (8×14d)`. Text for the reader comes from `variantText`.
   */
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
  const plain = spec.stem === 'imagenet' && cardinality === 1 && d === 64;
  const arch = cardinality === 1 && spec.stem === 'imagenet' ? 'ResNet' : 'ResNeXt';
  const label = plain ? `${arch}-${depth}` : `${arch}-${depth} (${cardinality}×${d}d)`;
  return { depth, cardinality, d, arch, plain, label, dataset: spec.stem };
}

/** The variant's name in the reader's language: the brackets around its setting come from the catalog. */
export function variantText(v: Variant, t: Translate): string {
  const name = `${v.arch}-${v.depth}`;
  return v.plain ? name : t('variant.withSetting', { name, c: v.cardinality, d: v.d });
}
