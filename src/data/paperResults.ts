/** Figures reported in the ResNeXt paper, as typed data. Every number here is quoted, not measured. */

export interface CardinalityResult {
  depth: 50 | 101;
  cardinality: number;
  /** bottleneck width d */
  width: number;
  top1Error: number;
}

/** Table 3: ImageNet-1K top-1 error (%, 224×224 single crop) at preserved complexity. */
export const TABLE3: readonly CardinalityResult[] = [
  { depth: 50, cardinality: 1, width: 64, top1Error: 23.9 },
  { depth: 50, cardinality: 2, width: 40, top1Error: 23.0 },
  { depth: 50, cardinality: 4, width: 24, top1Error: 22.6 },
  { depth: 50, cardinality: 8, width: 14, top1Error: 22.3 },
  { depth: 50, cardinality: 32, width: 4, top1Error: 22.2 },
  { depth: 101, cardinality: 1, width: 64, top1Error: 22.0 },
  { depth: 101, cardinality: 2, width: 40, top1Error: 21.7 },
  { depth: 101, cardinality: 4, width: 24, top1Error: 21.4 },
  { depth: 101, cardinality: 8, width: 14, top1Error: 21.3 },
  { depth: 101, cardinality: 32, width: 4, top1Error: 21.2 },
];

type ComplexityDirection = 'baseline' | 'deeper' | 'wider' | 'cardinality';

export interface DoubledResult {
  model: string;
  setting: string;
  direction: ComplexityDirection;
  top1Error: number;
  top5Error: number;
}

/** Table 4: ImageNet-1K error (%) when complexity is doubled from ResNet-101 (1×64d, 22.0 / 6.0). */
export const TABLE4: readonly DoubledResult[] = [
  { model: 'ResNet-101', setting: '1×64d', direction: 'baseline', top1Error: 22.0, top5Error: 6.0 },
  { model: 'ResNet-200', setting: '1×64d', direction: 'deeper', top1Error: 21.7, top5Error: 5.8 },
  { model: 'ResNet-101', setting: '1×100d', direction: 'wider', top1Error: 21.3, top5Error: 5.7 },
  { model: 'ResNeXt-101', setting: '2×64d', direction: 'cardinality', top1Error: 20.7, top5Error: 5.5 },
  { model: 'ResNeXt-101', setting: '64×4d', direction: 'cardinality', top1Error: 20.4, top5Error: 5.3 },
];

export interface CifarResult {
  model: string;
  /** parameters in millions */
  paramsM: number;
  /** CIFAR-10 test error, % */
  cifar10Error: number;
}

/** Table 7: CIFAR-10 test error against the Wide ResNet baseline. */
export const CIFAR_RESULTS: readonly CifarResult[] = [
  { model: 'Wide ResNet', paramsM: 36.5, cifar10Error: 4.17 },
  { model: 'ResNeXt-29, 8×64d', paramsM: 34.4, cifar10Error: 3.65 },
  { model: 'ResNeXt-29, 16×64d', paramsM: 68.1, cifar10Error: 3.58 },
];

/** Training time per mini-batch on 8 GPUs, ResNeXt-101 32×4d vs ResNet-101 (similar FLOPs). */
export const PAPER_TRAINING_SPEED = {
  resnext101_32x4d_s: 0.95,
  resnet101_s: 0.7,
  gpus: 8,
} as const;

/** The paper's slowdown of the grouped model at equal FLOPs: 0.95 / 0.70 ≈ 1.36. */
export const paperSpeedRatio = (): number =>
  PAPER_TRAINING_SPEED.resnext101_32x4d_s / PAPER_TRAINING_SPEED.resnet101_s;
