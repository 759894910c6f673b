import { describe, expect, it } from 'vitest';
import {
  phaseRoutes,
  polyline,
  SM_CHANNEL,
  SM_HEIGHT,
  SM_PHASES,
  SM_WIDTH,
  splitMergeLayout,
} from './splitMergeLayout';

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

  it.each([1, 8, 32, 64])('draws every one of the %i paths', (C) => {
    const paths = splitMergeLayout(C, 4).paths;
    expect(paths).toHaveLength(C);
    expect(paths.every((p) => p.slot.kind === 'branch')).toBe(true);
  });

  it('sizes each embedding by d, within its path', () => {
    const wide = splitMergeLayout(1, 64).paths[0];
    const thin = splitMergeLayout(32, 4).paths[0];
    expect(wide.embedH).toBeCloseTo(64 * SM_CHANNEL);
    expect(thin.embedH).toBeCloseTo(4 * SM_CHANNEL);
    expect(wide.embedH).toBeGreaterThan(10 * thin.embedH);
    // the same d draws the same height while it fits
    expect(splitMergeLayout(2, 8).paths[0].embedH).toBe(splitMergeLayout(8, 8).paths[0].embedH);
    for (const C of [1, 2, 4, 8, 16, 32, 64])
      for (const p of splitMergeLayout(C, 128).paths) expect(p.embedH).toBeLessThanOrEqual(p.h);
  });
});

describe('phaseRoutes', () => {
  it('moves one pulse per drawn path while splitting and aggregating', () => {
    const l = splitMergeLayout(32);
    expect(phaseRoutes(l, 'split')).toHaveLength(32);
    expect(phaseRoutes(l, 'aggregate')).toHaveLength(32);
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
