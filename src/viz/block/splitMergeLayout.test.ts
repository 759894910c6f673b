import { describe, expect, it } from 'vitest';
import { phaseRoutes, polyline, SM_HEIGHT, SM_PHASES, SM_WIDTH, splitMergeLayout } from './splitMergeLayout';

describe('splitMergeLayout', () => {
  it.each([1, 2, 4, 8, 16, 32, 64])(
    'keeps the %i paths inside the drawing, in order, without overlap',
    (C) => {
      const l = splitMergeLayout(C);
      for (const p of l.paths) {
        expect(p.cy - p.h / 2).toBeGreaterThanOrEqual(0);
        expect(p.cy + p.h / 2).toBeLessThanOrEqual(SM_HEIGHT);
      }
      for (let i = 1; i < l.paths.length; i++) {
        expect(l.paths[i].cy - l.paths[i].h / 2).toBeGreaterThanOrEqual(
          l.paths[i - 1].cy + l.paths[i - 1].h / 2,
        );
      }
    },
  );

  it('draws every path up to 8 and a compact set beyond', () => {
    expect(splitMergeLayout(8).paths.every((p) => p.slot.kind === 'branch')).toBe(true);
    expect(splitMergeLayout(8).paths).toHaveLength(8);
    const big = splitMergeLayout(64).paths;
    expect(big.filter((p) => p.slot.kind === 'branch')).toHaveLength(4);
    expect(big.filter((p) => p.slot.kind === 'ellipsis')).toHaveLength(1);
  });
});

describe('phaseRoutes', () => {
  it('moves one pulse per drawn path while splitting and aggregating', () => {
    const l = splitMergeLayout(32);
    expect(phaseRoutes(l, 'split')).toHaveLength(4);
    expect(phaseRoutes(l, 'aggregate')).toHaveLength(4);
    expect(phaseRoutes(l, 'input')).toHaveLength(0);
  });

  it('ends the aggregate pulses at Σ and the shortcut at ⊕', () => {
    const l = splitMergeLayout(4);
    for (const r of phaseRoutes(l, 'aggregate')) expect(r(1)).toEqual(l.sum);
    for (const r of phaseRoutes(l, 'shortcut')) expect(r(1)).toEqual(l.plus);
  });

  it('keeps every pulse inside the drawing through every phase', () => {
    const l = splitMergeLayout(16);
    for (const phase of SM_PHASES) {
      for (const r of phaseRoutes(l, phase)) {
        for (const t of [0, 0.25, 0.5, 0.75, 1]) {
          const [x, y] = r(t);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(SM_WIDTH);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(SM_HEIGHT);
        }
      }
    }
  });
});

describe('polyline', () => {
  it('walks the segments at constant speed', () => {
    const r = polyline([
      [0, 0],
      [10, 0],
      [10, 30],
    ]);
    expect(r(0)).toEqual([0, 0]);
    expect(r(0.25)).toEqual([10, 0]);
    expect(r(0.5)).toEqual([10, 10]);
    expect(r(1)).toEqual([10, 30]);
    expect(r(2)).toEqual([10, 30]);
  });
});
