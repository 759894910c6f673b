import { TABLE3, TABLE4, PAPER_TRAINING_SPEED, paperSpeedRatio } from '../../data/paperResults';
import { byCardinality, modelSetting, type MetricsFile, type ModelMetrics } from '../../data/metrics';
import { countNetwork } from '../../resnext/counting';
import { imagenetSpec } from '../../resnext/spec';
import { blockConfig } from '../block/blockConfig';

/** The numbers the story quotes, each taken from the code or data that the panels use too. */

/** ResNet-50 and ResNeXt-50 (32×4d), counted from their specs. */
export function architectureFigures() {
  const resnetSpec = imagenetSpec(50, 1, 64);
  const resnextSpec = imagenetSpec(50, 32, 4);
  const resnet = countNetwork(resnetSpec);
  const resnext = countNetwork(resnextSpec);
  return {
    resnet: { params: resnet.params, macs: resnet.macs, conv2Width: resnetSpec.stages[0][0].width },
    resnext: {
      params: resnext.params,
      macs: resnext.macs,
      conv2Width: resnextSpec.stages[0][0].width,
      groups: resnextSpec.stages[0][0].groups,
    },
  };
}

/** The block of ResNeXt-50's first stage (32×4d) next to the ResNet bottleneck it replaces. */
export function firstStageBlock() {
  const config = blockConfig({ stage: 'r50-conv2', cardinality: 32, d: 4, keepComplexity: true });
  return {
    c: config.cardinality,
    d: config.d,
    params: config.counts.params,
    resnetWidth: config.resnetShape.d * config.resnetShape.cardinality,
    resnetParams: config.resnet.params,
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the paper's results have no ${what}`);
  return value;
}

/** The paper's ImageNet-1K top-1 errors quoted in the story (Tables 3 and 4). */
export function paperErrors() {
  const t3 = (depth: 50 | 101, cardinality: number) =>
    required(
      TABLE3.find((r) => r.depth === depth && r.cardinality === cardinality),
      `${depth}, C = ${cardinality}`,
    ).top1Error;
  const t4By = (direction: 'baseline' | 'deeper' | 'wider') =>
    required(
      TABLE4.find((r) => r.direction === direction),
      direction,
    ).top1Error;
  const byCardinality = TABLE4.filter((r) => r.direction === 'cardinality');
  const best = required(
    byCardinality.reduce<(typeof byCardinality)[number] | undefined>(
      (a, b) => (a === undefined || b.top1Error < a.top1Error ? b : a),
      undefined,
    ),
    'cardinality row',
  );
  return {
    resnet50: t3(50, 1),
    resnext50: t3(50, 32),
    base: t4By('baseline'),
    deeper: t4By('deeper'),
    wider: t4By('wider'),
    cardinality: best.top1Error,
    cardinalitySetting: best.setting,
  };
}

/** The paper's training speed per mini-batch (seconds), grouped vs dense at similar FLOPs. */
export function paperSpeed() {
  return {
    grouped: PAPER_TRAINING_SPEED.resnext101_32x4d_s,
    dense: PAPER_TRAINING_SPEED.resnet101_s,
    gpus: PAPER_TRAINING_SPEED.gpus,
    ratio: paperSpeedRatio(),
  };
}

export interface FamilySummary {
  epochs: number;
  device: string;
  /** the C = 1 model (the ResNet-style block) */
  dense: ModelMetrics;
  /** the model with the most paths */
  grouped: ModelMetrics;
  worst: ModelMetrics;
  best: ModelMetrics;
  count: number;
  /** training step time of `grouped` over that of `dense` */
  stepRatio: number;
}

/** The equal-complexity family of our CIFAR-10 runs, summed up; null when it has no C = 1 model to compare. */
export function familySummary(file: MetricsFile): FamilySummary | null {
  const models = byCardinality(file);
  const dense = models.find((m) => m.cardinality === 1);
  const grouped = models[models.length - 1];
  if (!dense || !grouped || grouped === dense) return null;
  const byAcc = [...models].sort((a, b) => a.test_acc - b.test_acc);
  return {
    epochs: file.epochs,
    device: file.device,
    dense,
    grouped,
    worst: byAcc[0],
    best: byAcc[byAcc.length - 1],
    count: models.length,
    stepRatio: grouped.train_step_ms / dense.train_step_ms,
  };
}

/** The long run of the network the site uses. */
export function longRun(file: MetricsFile): { setting: string; epochs: number; acc: number } | null {
  const m = file.models[0];
  return m ? { setting: modelSetting(m), epochs: file.epochs, acc: m.test_acc } : null;
}
