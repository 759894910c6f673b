/** Architecture description shared by counting, model building and the explainer panels. */

export type StemKind = 'cifar' | 'imagenet';

export interface BlockSpec {
  /** torchvision name, e.g. `layer1.0` */
  name: string;
  inChannels: number;
  /** conv1 out = conv2 in/out = C·d for this stage */
  width: number;
  /** cardinality C: number of groups of conv2 */
  groups: number;
  outChannels: number;
  stride: 1 | 2;
  /** true when the shortcut is a 1×1 projection (`downsample.0/1`) */
  projection: boolean;
}

export interface NetworkSpec {
  stem: StemKind;
  /** output channels of conv1 (64 for every torchvision ResNet/ResNeXt) */
  stemChannels: number;
  /** stages[s][b] is block `layer{s+1}.{b}` */
  stages: BlockSpec[][];
  numClasses: number;
  /** side of the square input the network is meant for: 32 (CIFAR) or 224 (ImageNet) */
  inputSize: number;
}

/** Bottleneck width of a stage as torchvision computes it: floor(planes · d / 64) · C. */
export function stageWidth(planes: number, cardinality: number, d: number): number {
  return Math.floor((planes * d) / 64) * cardinality;
}

/**
 * Builds a torchvision-style ResNet/ResNeXt spec.
 * CIFAR template: 3×3 stem, no max-pool, stages of planes 64/128/256.
 * ImageNet template: 7×7 stride-2 stem, 3×3 stride-2 max-pool, planes 64/128/256/512.
 */
export function makeSpec(opts: {
  stem: StemKind;
  blocksPerStage: number[];
  cardinality: number;
  d: number;
  numClasses: number;
}): NetworkSpec {
  const { stem, blocksPerStage, cardinality, d, numClasses } = opts;
  const stemChannels = 64;
  let inChannels = stemChannels;
  const stages = blocksPerStage.map((n, s) => {
    const planes = 64 * 2 ** s;
    const outChannels = planes * 4;
    const width = stageWidth(planes, cardinality, d);
    return Array.from({ length: n }, (_, b): BlockSpec => {
      const stride: 1 | 2 = b === 0 && s > 0 ? 2 : 1;
      const block: BlockSpec = {
        name: `layer${s + 1}.${b}`,
        inChannels,
        width,
        groups: cardinality,
        outChannels,
        stride,
        projection: stride !== 1 || inChannels !== outChannels,
      };
      inChannels = outChannels;
      return block;
    });
  });
  return { stem, stemChannels, stages, numClasses, inputSize: stem === 'cifar' ? 32 : 224 };
}

export const resnext29Spec = (cardinality: number, d: number): NetworkSpec =>
  makeSpec({ stem: 'cifar', blocksPerStage: [3, 3, 3], cardinality, d, numClasses: 10 });

export const imagenetSpec = (depth: 50 | 101, cardinality: number, d: number): NetworkSpec =>
  makeSpec({
    stem: 'imagenet',
    blocksPerStage: depth === 50 ? [3, 4, 6, 3] : [3, 4, 23, 3],
    cardinality,
    d,
    numClasses: 1000,
  });
