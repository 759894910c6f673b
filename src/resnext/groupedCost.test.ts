import { describe, expect, it } from 'vitest';
import { convLayer } from './counting';
import { equalComplexityD } from './equalComplexity';
import {
  BYTES_PER_FLOAT32,
  CIFAR_STAGE1,
  GROUPED_COST_CARDINALITIES,
  conv3x3Cost,
  denseOfEqualMacs,
  groupedCostCurve,
  groupedCostPoint,
  readSlowdown,
} from './groupedCost';

describe('conv3x3Cost', () => {
  it('counts input, weights and output once each, as float32, and 2 FLOPs per MAC', () => {
    const c = conv3x3Cost(32, 64, 64);
    const layer = convLayer('x', [1, 32, 32, 64], 64, 3, 1, 1);
    expect(c.macs).toBe(layer.macs);
    expect(c.bytes).toEqual({
      input: 32 * 32 * 64 * 4,
      weights: 9 * 64 * 64 * 4,
      output: 32 * 32 * 64 * 4,
      total: (2 * 32 * 32 * 64 + 9 * 64 * 64) * 4,
    });
    expect(c.flopPerByte).toBeCloseTo((2 * layer.macs) / c.bytes.total, 12);
  });

  it('with groups, has 1/C of the weights and MACs of the dense conv on the same channels', () => {
    const dense = conv3x3Cost(16, 128, 128);
    const grouped = conv3x3Cost(16, 128, 128, 32);
    expect(grouped.macs * 32).toBe(dense.macs);
    expect(grouped.bytes.weights * 32).toBe(dense.bytes.weights);
    expect(grouped.bytes.input).toBe(dense.bytes.input);
  });
});

describe('denseOfEqualMacs', () => {
  it.each(GROUPED_COST_CARDINALITIES)('C = %i: cin·cout = C·d², at most 2:1', (c) => {
    for (const d of [2, 4, 14, 64]) {
      const { cin, cout } = denseOfEqualMacs(c, d);
      expect(cin * cout).toBe(c * d * d);
      expect(cout / cin).toBeGreaterThanOrEqual(1);
      expect(cout / cin).toBeLessThanOrEqual(2);
    }
  });

  it("gives the benchmark's yardsticks for 32×4d and 32×8d", () => {
    expect(denseOfEqualMacs(32, 4)).toEqual({ cin: 16, cout: 32 });
    expect(denseOfEqualMacs(32, 8)).toEqual({ cin: 32, cout: 64 });
  });
});

describe('groupedCostPoint', () => {
  it('at C = 1 is the dense 3×3 of the template: the same MACs per byte as a plain dense conv', () => {
    const p = groupedCostPoint(1);
    const dense = convLayer('conv2', [1, 32, 32, 64], 64, 3, 1, 1);
    const bytes = (32 * 32 * 64 * 2 + dense.params) * BYTES_PER_FLOAT32;
    expect(p.d).toBe(64);
    expect(p.grouped.macs).toBe(dense.macs);
    expect(p.grouped.bytes.total).toBe(bytes);
    expect(p.grouped.flopPerByte).toBeCloseTo((2 * dense.macs) / bytes, 12);
    expect(p.dense).toEqual(p.grouped);
  });

  it('takes d from the equal-complexity rule and keeps the dense yardstick at the same MACs', () => {
    for (const p of groupedCostCurve()) {
      expect(p.d).toBe(equalComplexityD(p.c, 256, 256, 64));
      expect(p.width).toBe(p.c * p.d);
      expect(p.dense.macs).toBe(p.grouped.macs);
    }
  });

  it('falls in work per byte as C rises at equal complexity, below the dense conv of the same MACs', () => {
    const curve = groupedCostCurve(GROUPED_COST_CARDINALITIES, CIFAR_STAGE1);
    expect(curve.map((p) => p.d)).toEqual([64, 40, 24, 14, 8, 4, 2]);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].grouped.flopPerByte).toBeLessThan(curve[i - 1].grouped.flopPerByte);
      expect(curve[i].grouped.flopPerByte).toBeLessThan(curve[i].dense.flopPerByte);
    }
    // an order of magnitude between C = 1 and C = 64
    expect(curve[0].grouped.flopPerByte / curve[curve.length - 1].grouped.flopPerByte).toBeGreaterThan(10);
  });
});

describe('readSlowdown', () => {
  const setting = (c: number, d: number, a: number, b: number) => ({ c, d, times: { a, b } });

  it('finds where time rises with falling intensity, the settings that break it, and whether measurements agree', () => {
    const r = readSlowdown([
      setting(32, 4, 1.3, 2.5),
      setting(1, 64, 1, 2),
      setting(2, 40, 1.4, 2.8),
      setting(8, 14, 2, 4),
    ]);
    expect(r.rows.map((x) => x.c)).toEqual([1, 2, 8, 32]);
    expect(r.rows[1].relative).toEqual({ a: 1.4, b: 1.4 });
    expect(r.measurements).toEqual(['a', 'b']);
    expect(r.monotoneUpTo).toBe(8);
    expect(r.breaks).toEqual([{ c: 32, fasterThan: [2, 8] }]);
    expect(r.sameOrder).toBe(true);
  });

  it('says when the measurements order the settings differently', () => {
    const r = readSlowdown([setting(1, 64, 1, 1), setting(2, 40, 1.2, 0.9), setting(4, 24, 1.1, 1.3)]);
    expect(r.sameOrder).toBe(false);
    expect(r.monotoneUpTo).toBe(1);
    expect(r.breaks).toEqual([]);
  });
});
