import { convLayer } from './counting';
import { equalComplexityD } from './equalComplexity';

/**
 * Work per byte moved (arithmetic intensity) of a ResNeXt block's 3×3 convolution, from its shapes alone.
 *
 * A dense 3×3 conv of w → w channels is one large matrix product: every input value is used by all w outputs.
 * With C groups it is C small products of d → d channels (w = C·d): each group reads only its own d input
 * channels and each value is used by d outputs, so the same bytes carry 1/C of the work. At equal complexity
 * (the paper's Table 2 rule) d shrinks as C grows, and with it the work per byte.
 *
 * The bytes counted are a simple, optimistic model: the layer's input, its weights and its output, each read or
 * written once, as float32 (4 bytes). Caches, padding, im2col copies and kernel launch costs are not counted.
 * Work is counted in FLOPs, a multiply and an add per MAC.
 */

export const BYTES_PER_FLOAT32 = 4;
export const FLOPS_PER_MAC = 2;

/** The cardinalities the figure and the live measurement use. */
export const GROUPED_COST_CARDINALITIES = [1, 2, 4, 8, 16, 32, 64] as const;

/** One 3×3 convolution (stride 1, pad 1, batch 1) on a square input, and what the model says it costs. */
export interface ConvCost {
  side: number;
  cin: number;
  cout: number;
  groups: number;
  macs: number;
  /** bytes of the input, the weights and the output, float32, each counted once */
  bytes: { input: number; weights: number; output: number; total: number };
  /** FLOPs (2 per MAC) per byte moved */
  flopPerByte: number;
}

export function conv3x3Cost(side: number, cin: number, cout: number, groups = 1): ConvCost {
  const layer = convLayer('conv2', [1, side, side, cin], cout, 3, 1, 1, groups);
  const input = layer.inShape.reduce((a, b) => a * b) * BYTES_PER_FLOAT32;
  const weights = layer.params * BYTES_PER_FLOAT32;
  const output = layer.outShape.reduce((a, b) => a * b) * BYTES_PER_FLOAT32;
  const total = input + weights + output;
  return {
    side,
    cin,
    cout,
    groups,
    macs: layer.macs,
    bytes: { input, weights, output, total },
    flopPerByte: (FLOPS_PER_MAC * layer.macs) / total,
  };
}

/**
 * The channels of a dense 3×3 conv with exactly the MACs of C groups of d → d: cin·cout = C·d². With s the
 * largest power of two whose square divides C (C a power of two), cin = d·s and cout = d·C/s, as square as
 * integers allow (C = 32, d = 4: 16 → 32, the benchmark's yardstick).
 */
export function denseOfEqualMacs(c: number, d: number): { cin: number; cout: number } {
  let s = 1;
  while (c % (4 * s * s) === 0) s *= 2;
  return { cin: d * s, cout: (d * c) / s };
}

export interface GroupedCostOptions {
  /** side of the layer's square input */
  side: number;
  /** block input and output channels (the equal-complexity rule's in = out) */
  channels: number;
  /** the template's bottleneck width at C = 1 */
  templateD: number;
}

/** ResNeXt-29's first stage on CIFAR-10 (32×32, 256 channels, the 1×64d template): the family's rule. */
export const CIFAR_STAGE1: GroupedCostOptions = { side: 32, channels: 256, templateD: 64 };

export interface GroupedCostPoint {
  c: number;
  /** width per group that keeps the block's cost, equalComplexityD */
  d: number;
  /** the 3×3 layer's channels, C·d */
  width: number;
  /** the grouped 3×3: C groups of d → d */
  grouped: ConvCost;
  /** a dense 3×3 with the same MACs (denseOfEqualMacs) */
  dense: ConvCost;
}

/** The grouped 3×3 at cardinality c with the d of equal complexity, and a dense 3×3 of the same MACs. */
export function groupedCostPoint(
  c: number,
  o: GroupedCostOptions = CIFAR_STAGE1,
  d?: number,
): GroupedCostPoint {
  const dd = d ?? equalComplexityD(c, o.channels, o.channels, o.templateD);
  const width = c * dd;
  const eq = denseOfEqualMacs(c, dd);
  return {
    c,
    d: dd,
    width,
    grouped: conv3x3Cost(o.side, width, width, c),
    dense: conv3x3Cost(o.side, eq.cin, eq.cout, 1),
  };
}

export const groupedCostCurve = (
  cs: readonly number[] = GROUPED_COST_CARDINALITIES,
  o: GroupedCostOptions = CIFAR_STAGE1,
): GroupedCostPoint[] => cs.map((c) => groupedCostPoint(c, o));

/**
 * Measured speed of several settings of equal complexity, read in the terms of the model above: the time per
 * image relative to the smallest C, in each of several measurements (e.g. the training step and inference),
 * beside the 3×3 layer's intensity.
 */
export interface SettingTimes {
  c: number;
  d: number;
  /** time per image (any unit, the same across settings) by measurement name */
  times: Record<string, number>;
}

interface SlowdownRow {
  c: number;
  d: number;
  flopPerByte: number;
  /** time over the smallest C's, per measurement */
  relative: Record<string, number>;
}

export interface SlowdownReading {
  rows: SlowdownRow[];
  measurements: string[];
  /** every measurement puts the settings in the same order of time */
  sameOrder: boolean;
  /**
   * Settings, in increasing C, up to which every measurement's time rises as the intensity falls (the model's
   * prediction holds); the last C of the longest such run from the smallest C.
   */
  monotoneUpTo: number;
  /** settings after that run whose time falls below an earlier setting's in every measurement */
  breaks: { c: number; fasterThan: number[] }[];
}

export function readSlowdown(
  settings: readonly SettingTimes[],
  o: GroupedCostOptions = CIFAR_STAGE1,
): SlowdownReading {
  const sorted = [...settings].sort((a, b) => a.c - b.c);
  if (sorted.length === 0) throw new Error('readSlowdown: no settings');
  const measurements = Object.keys(sorted[0].times).filter((m) => sorted.every((s) => s.times[m] > 0));
  const base = sorted[0];
  const rows = sorted.map((s) => ({
    c: s.c,
    d: s.d,
    flopPerByte: groupedCostPoint(s.c, o, s.d).grouped.flopPerByte,
    relative: Object.fromEntries(measurements.map((m) => [m, s.times[m] / base.times[m]])),
  }));
  const order = (m: string) =>
    rows
      .map((r, i) => [r.relative[m], i] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, i]) => i)
      .join(',');
  const sameOrder = measurements.every((m) => order(m) === order(measurements[0]));
  let upTo = 0;
  while (
    upTo + 1 < rows.length &&
    rows[upTo + 1].flopPerByte < rows[upTo].flopPerByte &&
    measurements.every((m) => rows[upTo + 1].relative[m] > rows[upTo].relative[m])
  )
    upTo++;
  const breaks = rows.slice(upTo + 1).flatMap((r) => {
    const fasterThan = rows
      .filter((e) => e.c < r.c && measurements.every((m) => r.relative[m] < e.relative[m]))
      .map((e) => e.c);
    return fasterThan.length ? [{ c: r.c, fasterThan }] : [];
  });
  return { rows, measurements, sameOrder, monotoneUpTo: rows[upTo].c, breaks };
}
