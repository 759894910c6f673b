import { describe, expect, it } from 'vitest';
import { fitUnit, layoutPaths, partnerIndex, pathGap, type PathArea } from './pathLayout';

const area: PathArea = { x0: 34, width: 398, maxGap: 6, gapShare: 0.3 };

describe('layoutPaths', () => {
  it.each([1, 2, 4, 8, 16, 32, 64])('draws all %i paths inside the area, in order, without overlap', (C) => {
    const d = C === 1 ? 64 : 4;
    const unit = fitUnit({ cardinality: C, d }, area, 2.5);
    const spans = layoutPaths({ cardinality: C, d }, area, unit);
    expect(spans).toHaveLength(C);
    expect(spans.map((s) => s.index)).toEqual(Array.from({ length: C }, (_, i) => i));
    expect(spans[0].x).toBeGreaterThanOrEqual(area.x0 - 1e-9);
    expect(spans[C - 1].x + spans[C - 1].width).toBeLessThanOrEqual(area.x0 + area.width + 1e-9);
    for (let i = 1; i < C; i++) expect(spans[i].x).toBeGreaterThanOrEqual(spans[i - 1].x + spans[i - 1].width);
  });

  it('draws a path as wide as its d on a shared unit', () => {
    const unit = Math.min(
      fitUnit({ cardinality: 1, d: 64 }, area, 2.5),
      fitUnit({ cardinality: 32, d: 4 }, area, 2.5),
    );
    const wide = layoutPaths({ cardinality: 1, d: 64 }, area, unit)[0];
    const thin = layoutPaths({ cardinality: 32, d: 4 }, area, unit)[0];
    expect(wide.width / thin.width).toBeCloseTo(16);
  });

  it('keeps the gaps small enough for 64 paths', () => {
    expect(pathGap(1, area)).toBe(0);
    expect(pathGap(2, area)).toBe(6);
    expect(pathGap(64, area) * 63).toBeLessThanOrEqual(0.3 * area.width + 1e-9);
  });
});

describe('partnerIndex', () => {
  it('splits and merges paths in order', () => {
    // 32 → 64: old path 5 becomes new paths 10 and 11
    expect(partnerIndex(10, 64, 32)).toBe(5);
    expect(partnerIndex(11, 64, 32)).toBe(5);
    // 64 → 32: old paths 10 and 11 merge into new path 5
    expect(partnerIndex(11, 64, 32)).toBe(5);
    // 4 → 1: every path merges into the one
    expect([0, 1, 2, 3].map((i) => partnerIndex(i, 4, 1))).toEqual([0, 0, 0, 0]);
    expect(partnerIndex(0, 1, 4)).toBe(0);
  });
});
