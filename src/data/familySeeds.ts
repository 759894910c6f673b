/**
 * The cardinality experiment as the Numbers section shows it: accuracy per setting and seed, the mean and the
 * spread, seconds per epoch alone and side by side, and a verdict computed from the data.
 *
 * Reads the metrics file that `training/family_run.sh` writes (`settings` + `runs`, several seeds), and also the
 * older single-seed format (only `models`: one run per setting, seed 0, time from the step time).
 */

export interface FamilyRun {
  name: string;
  cardinality: number;
  bottleneck_width_d: number;
  seed: number;
  test_acc: number;
  epochs?: number;
}

interface FamilySetting {
  name: string;
  cardinality: number;
  bottleneck_width_d: number;
  params?: number;
  /** seconds per epoch with the setting alone on the GPU */
  epoch_s_alone?: number | null;
  /** median seconds per epoch while all runs trained side by side */
  epoch_s_together?: number | null;
}

/** The parts of either metrics format that the view reads. */
export interface FamilyMetricsInput {
  epochs: number;
  batch_size: number;
  device: string;
  torch: string;
  processes_together?: number;
  settings?: FamilySetting[];
  runs?: FamilyRun[];
  models: {
    name: string;
    cardinality: number;
    bottleneck_width_d: number;
    test_acc: number;
    seed?: number;
    train_step_ms?: number;
  }[];
  train_records?: number;
}

export interface SettingStats {
  name: string;
  cardinality: number;
  label: string;
  /** accuracy (fraction) of each seed, in seed order */
  seeds: { seed: number; acc: number }[];
  mean: number;
  min: number;
  max: number;
  /** sample standard deviation; null with one seed */
  sd: number | null;
  epochSAlone: number | null;
  epochSTogether: number | null;
}

type VerdictKind = 'one-seed' | 'above-noise-higher' | 'above-noise-lower' | 'within-noise';

export interface Verdict {
  kind: VerdictKind;
  /** mean accuracy of the largest C minus that of the smallest C, in percentage points */
  diffPt: number;
  /** the seeds' spread that the difference is compared with (largest min–max range of any setting), points */
  spreadPt: number;
  lowC: number;
  highC: number;
  seeds: number;
}

const TRAIN_STEPS_PER_EPOCH = (records: number, batch: number) => Math.floor(records / batch);

/** Per-setting statistics in increasing cardinality. */
export function familyStats(m: FamilyMetricsInput): SettingStats[] {
  const runs: FamilyRun[] =
    m.runs ??
    m.models.map((x) => ({
      name: x.name,
      cardinality: x.cardinality,
      bottleneck_width_d: x.bottleneck_width_d,
      seed: x.seed ?? 0,
      test_acc: x.test_acc,
    }));
  const settings = new Map<string, SettingStats>();
  for (const r of [...runs].sort((a, b) => a.cardinality - b.cardinality || a.seed - b.seed)) {
    let s = settings.get(r.name);
    if (!s) {
      const meta = m.settings?.find((x) => x.name === r.name);
      const model = m.models.find((x) => x.name === r.name);
      const fromStep =
        model?.train_step_ms != null
          ? (model.train_step_ms * TRAIN_STEPS_PER_EPOCH(m.train_records ?? 50000, m.batch_size)) / 1000
          : null;
      s = {
        name: r.name,
        cardinality: r.cardinality,
        label: `${r.cardinality}×${r.bottleneck_width_d}d`,
        seeds: [],
        mean: 0,
        min: 0,
        max: 0,
        sd: null,
        epochSAlone: meta?.epoch_s_alone ?? fromStep,
        epochSTogether: meta?.epoch_s_together ?? null,
      };
      settings.set(r.name, s);
    }
    s.seeds.push({ seed: r.seed, acc: r.test_acc });
  }
  const out = [...settings.values()];
  for (const s of out) {
    const v = s.seeds.map((x) => x.acc);
    s.mean = v.reduce((a, b) => a + b, 0) / v.length;
    s.min = Math.min(...v);
    s.max = Math.max(...v);
    s.sd = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - s.mean) ** 2, 0) / (v.length - 1)) : null;
  }
  return out.sort((a, b) => a.cardinality - b.cardinality);
}

/**
 * "Above the noise" only when the smallest and largest C have at least two seeds each, their min–max ranges do
 * not overlap, and the difference of their means exceeds the largest min–max range among all settings.
 */
export function familyVerdict(stats: SettingStats[]): Verdict {
  const low = stats[0];
  const high = stats[stats.length - 1];
  const diffPt = (high.mean - low.mean) * 100;
  const spreadPt = Math.max(...stats.map((s) => s.max - s.min)) * 100;
  const seeds = Math.min(...stats.map((s) => s.seeds.length));
  const base = { diffPt, spreadPt, lowC: low.cardinality, highC: high.cardinality, seeds };
  if (low.seeds.length < 2 || high.seeds.length < 2) return { kind: 'one-seed', ...base };
  const overlap = low.max >= high.min && high.max >= low.min;
  if (!overlap && Math.abs(diffPt) > spreadPt)
    return { kind: diffPt > 0 ? 'above-noise-higher' : 'above-noise-lower', ...base };
  return { kind: 'within-noise', ...base };
}

/**
 * The accuracy axis: at least `minSpanPt` percentage points wide, centred on the data and on whole points, so a
 * one-point difference looks like one point out of ten and not like the whole height of the chart.
 */
export function accuracyDomain(stats: SettingStats[], minSpanPt = 10): [number, number] {
  const lo = Math.min(...stats.map((s) => s.min)) * 100;
  const hi = Math.max(...stats.map((s) => s.max)) * 100;
  const span = Math.max(minSpanPt, Math.ceil(hi - lo + 2));
  let a = Math.floor((lo + hi) / 2 - span / 2);
  let b = a + span;
  if (b > 100) {
    b = 100;
    a = 100 - span;
  }
  if (a < 0) {
    a = 0;
    b = span;
  }
  return [a / 100, b / 100];
}
