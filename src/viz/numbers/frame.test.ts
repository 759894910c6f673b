import { describe, expect, it } from 'vitest';
import { estimateTextWidth, layoutLegend, legendRows } from './frame';

describe('legend layout', () => {
  it('puts items on one row while they fit and wraps the rest', () => {
    const labels = ['1×64d', '2×40d', '4×24d', '8×14d', '32×4d'];
    const oneRow = layoutLegend(labels, 1000);
    expect(oneRow.every((p) => p.row === 0)).toBe(true);
    expect(oneRow.map((p) => p.x)).toEqual([...oneRow.map((p) => p.x)].sort((a, b) => a - b));
    const narrow = layoutLegend(labels, 150);
    expect(narrow[0]).toEqual({ x: 0, row: 0 });
    expect(legendRows(labels, 150)).toBeGreaterThan(1);
    // every wrapped row starts at the left edge
    for (let i = 1; i < narrow.length; i++)
      if (narrow[i].row > narrow[i - 1].row) expect(narrow[i].x).toBe(0);
  });

  it('counts Chinese glyphs as wider than Latin letters', () => {
    expect(estimateTextWidth('测试准确率')).toBeGreaterThan(estimateTextWidth('tests'));
  });
});
