/**
 * Chart data of the Numbers section, derived from the paper's tables and the metrics files.
 * Values are passed through unchanged (error rates stay fractions or percent as their source gives them);
 * labels that need a language are parameters.
 */
import type { BarChartData, LineSeries } from '../viz/numbers/types';
import { byCardinality, modelSetting, type MetricsFile } from './metrics';
import { TABLE3, TABLE4 } from './paperResults';

/** Table 3 as one line per depth: top-1 error (%) against cardinality. */
export function table3Series(labelForDepth: (depth: 50 | 101) => string): LineSeries[] {
  return ([50, 101] as const).map((depth) => ({
    id: `depth-${depth}`,
    label: labelForDepth(depth),
    points: TABLE3.filter((r) => r.depth === depth).map((r) => ({ x: r.cardinality, y: r.top1Error })),
  }));
}

/** Table 4 as grouped bars: top-1 and top-5 error (%) for each way of doubling complexity. */
export function table4Bars(labels: { top1: string; top5: string }): BarChartData {
  return {
    series: [
      { id: 'top1', label: labels.top1 },
      { id: 'top5', label: labels.top5 },
    ],
    groups: TABLE4.map((r) => ({
      id: `${r.model} ${r.setting}`,
      label: `${r.model} ${r.setting}`,
      values: { top1: r.top1Error, top5: r.top5Error },
    })),
  };
}

/** Test error (fraction) per epoch, one line per model, in increasing cardinality. */
export function familyErrorCurves(family: MetricsFile): LineSeries[] {
  return byCardinality(family).map((m) => ({
    id: m.name,
    label: modelSetting(m),
    points: m.curve.map((e) => ({ x: e.epoch, y: e.test_err })),
  }));
}

/** Final test accuracy (fraction) against cardinality C. */
export function familyAccuracyVsC(family: MetricsFile, label: string): LineSeries[] {
  return [
    {
      id: 'test-acc',
      label,
      points: byCardinality(family).map((m) => ({ x: m.cardinality, y: m.test_acc })),
    },
  ];
}

/** Training step time (ms per batch) of each model. */
export function familyStepTimes(family: MetricsFile, label: string): BarChartData {
  const models = byCardinality(family);
  return {
    series: [{ id: 'step', label }],
    groups: models.map((m) => ({ id: m.name, label: modelSetting(m), values: { step: m.train_step_ms } })),
  };
}

/** Inference throughput (images/s at batch 1024) in bf16 and fp32. */
export function familyThroughput(family: MetricsFile, labels: { bf16: string; fp32: string }): BarChartData {
  return {
    series: [
      { id: 'bf16', label: labels.bf16 },
      { id: 'fp32', label: labels.fp32 },
    ],
    groups: byCardinality(family).map((m) => ({
      id: m.name,
      label: modelSetting(m),
      values: { bf16: m.infer_imgs_per_s_b1024.bf16, fp32: m.infer_imgs_per_s_b1024.fp32 },
    })),
  };
}

/** Step time of the 32×4d model over the dense 1×64d one (the grouped model's slowdown). */
export function stepTimeRatio(family: MetricsFile): number {
  const find = (c: number) => family.models.find((m) => m.cardinality === c);
  const dense = find(1);
  const grouped = find(32);
  if (!dense || !grouped) throw new Error('metrics lack the 1×64d or 32×4d model');
  return grouped.train_step_ms / dense.train_step_ms;
}

/** Train and test error (fractions) per epoch of the single long run. */
export function run80Curves(run80: MetricsFile, labels: { train: string; test: string }): LineSeries[] {
  const m = run80.models[0];
  return [
    { id: 'train', label: labels.train, points: m.curve.map((e) => ({ x: e.epoch, y: e.train_err })) },
    { id: 'test', label: labels.test, points: m.curve.map((e) => ({ x: e.epoch, y: e.test_err })) },
  ];
}
