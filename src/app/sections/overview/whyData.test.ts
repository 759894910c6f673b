import { describe, expect, it } from 'vitest';
import { gain, table3Rows, table4Directions, ticksIn, zoomedDomain } from './whyData';

describe('why-cardinality data', () => {
  it("reads the paper's Table 4 as directions from ResNet-101", () => {
    const { base, moves } = table4Directions();
    expect([base.model, base.setting, base.top1Error, base.top5Error]).toEqual(['ResNet-101', '1×64d', 22.0, 6.0]);
    expect(moves.map((m) => m.direction)).toEqual(['deeper', 'wider', 'cardinality', 'cardinality']);
    expect(moves.map((m) => gain(base, m, 'top1'))).toEqual([0.3, 0.7, 1.3, 1.6]);
    expect(moves.map((m) => gain(base, m, 'top5'))).toEqual([0.2, 0.3, 0.5, 0.7]);
  });

  it("reads the paper's Table 3 by cardinality", () => {
    const rows = table3Rows();
    expect(rows.map((r) => [r.cardinality, r.d])).toEqual([
      [1, 64],
      [2, 40],
      [4, 24],
      [8, 14],
      [32, 4],
    ]);
    expect(rows[0]).toMatchObject({ r50: 23.9, r101: 22.0 });
    expect(rows[4]).toMatchObject({ r50: 22.2, r101: 21.2 });
  });

  it('zooms the axis onto the values, lower error to the right', () => {
    const dom = zoomedDomain([22.0, 20.4], 0.5);
    expect(dom).toEqual([22.5, 20]);
    // 22.0 and 20.4 sit 1.6 of a 2.5-point axis apart: most of its width
    expect((22.0 - 20.4) / (dom[0] - dom[1])).toBeGreaterThan(0.5);
    expect(ticksIn(dom, 0.5)).toEqual([20, 20.5, 21, 21.5, 22, 22.5]);
  });
});
