import { describe, expect, it } from 'vitest';
import type { MetricsFile, ModelMetrics } from '../../data/metrics';
import { TABLE4 } from '../../data/paperResults';
import {
  architectureFigures,
  familySummary,
  firstStageBlock,
  longRun,
  paperErrors,
  paperSpeed,
} from './storyFigures';

function model(cardinality: number, d: number, acc: number, stepMs: number): ModelMetrics {
  return {
    name: `m${cardinality}x${d}d`,
    cardinality,
    bottleneck_width_d: d,
    params: 0,
    macs_32x32: 0,
    epochs: 20,
    train_seconds: 0,
    test_acc: acc,
    test_acc_flip_tta: acc,
    train_step_ms: stepMs,
    infer_imgs_per_s_b1024: { bf16: 0, fp32: 0 },
    curve: [],
  };
}

function file(models: ModelMetrics[], epochs = 20): MetricsFile {
  return { dataset: 'x', classes: [], batch_size: 1, epochs, recipe: '', device: 'GPU X', torch: '', models };
}

describe('story figures', () => {
  it('counts ResNet-50 and ResNeXt-50 at nearly equal cost, with the paper’s widths', () => {
    const a = architectureFigures();
    // Known totals of torchvision's resnet50 and resnext50_32x4d.
    expect(a.resnet.params).toBe(25_557_032);
    expect(a.resnext.params).toBe(25_028_904);
    expect(Math.abs(a.resnext.macs / a.resnet.macs - 1)).toBeLessThan(0.05);
    expect([a.resnet.conv2Width, a.resnext.conv2Width, a.resnext.groups]).toEqual([64, 128, 32]);
  });

  it('takes the first-stage block of Figure 1: 32 paths of width 4 vs one path of width 64', () => {
    // The paper's Figure 1: 256·64 + 9·64·64 + 64·256 = 69,632 vs 32·(256·4 + 9·4·4 + 4·256) = 70,144.
    expect(firstStageBlock()).toEqual({ c: 32, d: 4, params: 70_144, resnetWidth: 64, resnetParams: 69_632 });
  });

  it('quotes Tables 3 and 4 and the training speed', () => {
    const e = paperErrors();
    expect([e.resnet50, e.resnext50, e.base, e.deeper, e.wider]).toEqual([23.9, 22.2, 22.0, 21.7, 21.3]);
    expect(e.cardinality).toBe(
      Math.min(...TABLE4.filter((r) => r.direction === 'cardinality').map((r) => r.top1Error)),
    );
    expect(e.cardinalitySetting).toBe('64×4d');
    const s = paperSpeed();
    expect(s.ratio).toBeCloseTo(s.grouped / s.dense, 12);
    expect(s.grouped).toBeGreaterThan(s.dense);
  });

  it('sums up a family of runs: dense vs most paths, worst and best, step-time ratio', () => {
    const f = familySummary(
      file([model(8, 14, 0.89, 50), model(1, 64, 0.87, 25), model(32, 4, 0.88, 30), model(2, 40, 0.86, 27)]),
    );
    expect(f).not.toBeNull();
    expect(f!.dense.cardinality).toBe(1);
    expect(f!.grouped.cardinality).toBe(32);
    expect(f!.worst.cardinality).toBe(2);
    expect(f!.best.cardinality).toBe(8);
    expect(f!.count).toBe(4);
    expect(f!.stepRatio).toBeCloseTo(30 / 25, 12);
    expect(f!.device).toBe('GPU X');
  });

  it('has no family summary without a C = 1 model or with nothing else', () => {
    expect(familySummary(file([model(8, 14, 0.9, 1), model(32, 4, 0.9, 1)]))).toBeNull();
    expect(familySummary(file([model(1, 64, 0.9, 1)]))).toBeNull();
  });

  it('reads the long run', () => {
    expect(longRun(file([model(32, 4, 0.901, 1)], 80))).toEqual({ setting: '32×4d', epochs: 80, acc: 0.901 });
    expect(longRun(file([]))).toBeNull();
  });
});
