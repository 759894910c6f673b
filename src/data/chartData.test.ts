import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  familyAccuracyVsC,
  familyErrorCurves,
  familyStepTimes,
  familyThroughput,
  run80Curves,
  stepTimeRatio,
  table3Series,
  table4Bars,
} from './chartData';
import { loadProjectMetrics, type MetricsFile } from './metrics';
import { TABLE3, TABLE4 } from './paperResults';

/** The metrics as shipped beside the weights (public/models), read from disk. */
const shipped = (rel: string): MetricsFile =>
  JSON.parse(readFileSync(new URL(`../../public/models/${rel}`, import.meta.url), 'utf8')) as MetricsFile;
const sharedFamily = shipped('family/metrics.json');
const shared80 = shipped('metrics.json');

describe('project metrics', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** fetch served from public/, as the app's server does, recording what was asked for */
  const servePublic = (asked: string[], status = 200) =>
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      if (status !== 200) return new Response('', { status });
      const rel = url.slice(import.meta.env.BASE_URL.length);
      return new Response(readFileSync(new URL(`../../public/${rel}`, import.meta.url)), { status });
    });

  it('are the files shipped beside the weights, and the recorded tfjs evaluation', async () => {
    const asked: string[] = [];
    servePublic(asked);
    const { run80, family, tfjsEval } = await loadProjectMetrics();
    expect(asked.sort()).toEqual([
      `${import.meta.env.BASE_URL}models/family/metrics.json`,
      `${import.meta.env.BASE_URL}models/metrics.json`,
    ]);
    expect(family).toEqual(sharedFamily);
    expect(run80).toEqual(shared80);
    expect(tfjsEval.command.startsWith('npm run eval')).toBe(true);
  });

  it('a missing file is a coded error', async () => {
    servePublic([], 404);
    await expect(loadProjectMetrics()).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('measured chart data', () => {
  const byName = new Map(sharedFamily.models.map((m) => [m.name, m]));

  it('error curves are each model’s per-epoch test error', () => {
    const series = familyErrorCurves(sharedFamily);
    expect(series.map((s) => s.label)).toEqual(['1×64d', '2×40d', '4×24d', '8×14d', '32×4d']);
    for (const s of series) {
      const m = byName.get(s.id)!;
      expect(s.points).toEqual(m.curve.map((e) => ({ x: e.epoch, y: e.test_err })));
      expect(s.points).toHaveLength(20);
    }
  });

  it('accuracy against C is each model’s final test accuracy', () => {
    const [s] = familyAccuracyVsC(sharedFamily, 'acc');
    expect(s.points.map((p) => p.x)).toEqual([1, 2, 4, 8, 32]);
    for (const p of s.points) {
      const m = sharedFamily.models.find((mm) => mm.cardinality === p.x)!;
      expect(p.y).toBe(m.test_acc);
    }
    // the last epoch's test error is the reported accuracy
    for (const m of sharedFamily.models) expect(1 - m.curve.at(-1)!.test_err).toBeCloseTo(m.test_acc, 6);
  });

  it('step times and throughput are the measured ones', () => {
    const steps = familyStepTimes(sharedFamily, 'ms');
    const thr = familyThroughput(sharedFamily, { bf16: 'bf16', fp32: 'fp32' });
    for (const g of steps.groups) expect(g.values.step).toBe(byName.get(g.id)!.train_step_ms);
    for (const g of thr.groups) {
      expect(g.values.bf16).toBe(byName.get(g.id)!.infer_imgs_per_s_b1024.bf16);
      expect(g.values.fp32).toBe(byName.get(g.id)!.infer_imgs_per_s_b1024.fp32);
    }
    // rounded figures quoted in the shared README
    expect(steps.groups.map((g) => Number(g.values.step!.toFixed(1)))).toEqual([
      24.5, 34.1, 39.4, 49.7, 32.2,
    ]);
    expect(stepTimeRatio(sharedFamily).toFixed(2)).toBe('1.31');
  });

  it('the long run’s curves come from its metrics', () => {
    const [train, test] = run80Curves(shared80, { train: 'train', test: 'test' });
    const curve = shared80.models[0].curve;
    expect(curve).toHaveLength(80);
    expect(train.points).toEqual(curve.map((e) => ({ x: e.epoch, y: e.train_err })));
    expect(test.points).toEqual(curve.map((e) => ({ x: e.epoch, y: e.test_err })));
    expect(shared80.models[0].test_acc).toBe(0.901);
  });
});

describe('paper chart data', () => {
  it('Table 3 has its ten entries, as the paper prints them', () => {
    expect(TABLE3).toHaveLength(10);
    const key = (d: number, c: number) => TABLE3.find((r) => r.depth === d && r.cardinality === c)?.top1Error;
    expect([1, 2, 4, 8, 32].map((c) => key(50, c))).toEqual([23.9, 23.0, 22.6, 22.3, 22.2]);
    expect([1, 2, 4, 8, 32].map((c) => key(101, c))).toEqual([22.0, 21.7, 21.4, 21.3, 21.2]);
    // equal complexity: C·d grows so that width × cardinality trades off (1×64, 2×40, 4×24, 8×14, 32×4)
    expect(TABLE3.filter((r) => r.depth === 50).map((r) => `${r.cardinality}×${r.width}d`)).toEqual([
      '1×64d',
      '2×40d',
      '4×24d',
      '8×14d',
      '32×4d',
    ]);
  });

  it('the Table 3 chart has one line per depth with the table’s points', () => {
    const series = table3Series((d) => `ResNeXt-${d}`);
    expect(series).toHaveLength(2);
    expect(series.flatMap((s) => s.points)).toHaveLength(10);
    for (const r of TABLE3) {
      const s = series.find((ss) => ss.id === `depth-${r.depth}`)!;
      expect(s.points).toContainEqual({ x: r.cardinality, y: r.top1Error });
    }
  });

  it('the Table 4 chart carries top-1 and top-5 of every row', () => {
    const bars = table4Bars({ top1: 'top-1', top5: 'top-5' });
    expect(bars.groups).toHaveLength(TABLE4.length);
    const r64 = bars.groups.find((g) => g.id === 'ResNeXt-101 64×4d')!;
    expect(r64.values).toEqual({ top1: 20.4, top5: 5.3 });
    const deeper = bars.groups.find((g) => g.id === 'ResNet-200 1×64d')!;
    expect(deeper.values).toEqual({ top1: 21.7, top5: 5.8 });
  });
});
