import { describe, expect, it } from 'vitest';
import {
  accuracyDomain,
  familyStats,
  familyVerdict,
  type FamilyMetricsInput,
  type FamilyRun,
} from './familySeeds';
import family20 from '../../public/models/family/metrics.json';

const SETTINGS: [number, number][] = [
  [1, 64],
  [2, 40],
  [4, 24],
  [8, 14],
  [32, 4],
];

/** A synthetic file in family_run.sh's format: accuracy per setting and seed. */
function synthetic(acc: (c: number, seed: number) => number, seeds = [0, 1, 2]): FamilyMetricsInput {
  const runs: FamilyRun[] = SETTINGS.flatMap(([c, d]) =>
    seeds.map((seed) => ({
      name: `resnext29_${c}x${d}d`,
      cardinality: c,
      bottleneck_width_d: d,
      seed,
      test_acc: acc(c, seed),
      epochs: 30,
    })),
  );
  return {
    epochs: 30,
    batch_size: 512,
    device: 'NVIDIA H200',
    torch: '2.11',
    processes_together: runs.length,
    settings: SETTINGS.map(([c, d], i) => ({
      name: `resnext29_${c}x${d}d`,
      cardinality: c,
      bottleneck_width_d: d,
      epoch_s_alone: 2 + i,
      epoch_s_together: 6 + i,
    })),
    runs,
    models: runs.filter((r) => r.seed === 0),
  };
}

describe('family statistics', () => {
  it('mean, min, max and sample s.d. per setting, in increasing C, with the timings', () => {
    const s = familyStats(synthetic((c, seed) => 0.9 + seed * 0.01 + (c === 32 ? 0.005 : 0)));
    expect(s.map((x) => x.label)).toEqual(['1×64d', '2×40d', '4×24d', '8×14d', '32×4d']);
    expect(s[0].seeds.map((x) => x.seed)).toEqual([0, 1, 2]);
    expect(s[0].mean).toBeCloseTo(0.91, 10);
    expect(s[0].min).toBeCloseTo(0.9, 10);
    expect(s[0].max).toBeCloseTo(0.92, 10);
    expect(s[0].sd).toBeCloseTo(0.01, 10);
    expect(s[4].mean).toBeCloseTo(0.915, 10);
    expect([s[1].epochSAlone, s[1].epochSTogether]).toEqual([3, 7]);
  });

  it('reads the single-seed 20-epoch file: one dot per setting, time per epoch from the step time', () => {
    const s = familyStats(family20 as unknown as FamilyMetricsInput);
    expect(s).toHaveLength(5);
    expect(s.every((x) => x.seeds.length === 1 && x.sd === null)).toBe(true);
    const m1 = family20.models.find((m) => m.cardinality === 1)!;
    expect(s[0].epochSAlone).toBeCloseTo((m1.train_step_ms * 97) / 1000, 6);
    expect(s[0].epochSTogether).toBeNull();
  });
});

describe('family verdict', () => {
  it('one seed per setting cannot separate signal from noise, however large the difference', () => {
    const v = familyVerdict(familyStats(synthetic((c) => (c === 32 ? 0.95 : 0.85), [0])));
    expect(v.kind).toBe('one-seed');
    expect(v.diffPt).toBeCloseTo(10, 6);
  });

  it('above the noise when C=32 beats C=1 by more than any setting’s seed spread', () => {
    const v = familyVerdict(familyStats(synthetic((c, seed) => 0.9 + seed * 0.002 + (c === 32 ? 0.01 : 0))));
    expect(v.kind).toBe('above-noise-higher');
    expect(v.diffPt).toBeCloseTo(1, 6);
    expect(v.spreadPt).toBeCloseTo(0.4, 6);
  });

  it('above the noise downwards when C=32 is clearly worse', () => {
    const v = familyVerdict(familyStats(synthetic((c, seed) => 0.9 + seed * 0.001 - (c === 32 ? 0.02 : 0))));
    expect(v.kind).toBe('above-noise-lower');
  });

  it('within the noise when the difference is smaller than the spread of the seeds', () => {
    const v = familyVerdict(familyStats(synthetic((c, seed) => 0.9 + seed * 0.01 + (c === 32 ? 0.005 : 0))));
    expect(v.kind).toBe('within-noise');
    expect(v.diffPt).toBeCloseTo(0.5, 6);
    expect(v.spreadPt).toBeCloseTo(2, 6);
  });

  it('within the noise when another setting’s seeds spread wider than the difference', () => {
    const v = familyVerdict(
      familyStats(
        synthetic((c, seed) => 0.9 + (c === 32 ? 0.01 : 0) + (c === 4 ? seed * 0.02 : seed * 0.001)),
      ),
    );
    expect(v.kind).toBe('within-noise');
  });
});

describe('accuracy axis', () => {
  it('spans ten points around data that differ by one', () => {
    const [a, b] = accuracyDomain(familyStats(synthetic((c) => (c === 32 ? 0.888 : 0.877), [0])));
    expect(b - a).toBeCloseTo(0.1, 10);
    expect(a).toBeLessThan(0.877);
    expect(b).toBeGreaterThan(0.888);
  });

  it('widens for data spread wider than ten points and stays inside 0–100 %', () => {
    const [a, b] = accuracyDomain(familyStats(synthetic((c) => (c === 32 ? 0.99 : 0.8), [0])));
    expect(b).toBeLessThanOrEqual(1);
    expect(a).toBeLessThan(0.8);
    expect(b - a).toBeGreaterThan(0.19);
  });
});
