import { describe, expect, it } from 'vitest';
import { branchSlots, placeSlots, type BranchSlot } from './branchLayout';

/** Every path index is covered exactly once, by a drawn path or an ellipsis. */
function covered(slots: BranchSlot[]): number[] {
  return slots.flatMap((s) =>
    s.kind === 'branch' ? [s.index] : Array.from({ length: s.to - s.from }, (_, k) => s.from + k),
  );
}

describe('branchSlots', () => {
  it('draws every path when there are few', () => {
    expect(branchSlots(1)).toEqual([{ kind: 'branch', index: 0 }]);
    expect(branchSlots(4).map((s) => s.kind)).toEqual(['branch', 'branch', 'branch', 'branch']);
  });

  it('draws the first paths, an ellipsis and the last path for large C', () => {
    const slots = branchSlots(32);
    expect(slots).toEqual([
      { kind: 'branch', index: 0 },
      { kind: 'branch', index: 1 },
      { kind: 'ellipsis', from: 2, to: 31 },
      { kind: 'branch', index: 31 },
    ]);
  });

  it.each([1, 2, 4, 8, 16, 32, 64])('covers each of the %i paths exactly once', (C) => {
    for (const opts of [{}, { maxAll: 8, head: 3 }, { maxAll: 2, head: 1 }]) {
      const idx = covered(branchSlots(C, opts));
      expect(idx).toEqual(Array.from({ length: C }, (_, i) => i));
    }
  });

  it('never draws more than maxAll paths', () => {
    for (const C of [5, 8, 64]) {
      const drawn = branchSlots(C, { maxAll: 4, head: 2 }).filter((s) => s.kind === 'branch');
      expect(drawn.length).toBeLessThanOrEqual(4);
    }
  });
});

describe('placeSlots', () => {
  it('fits the row inside the given span without overlap', () => {
    for (const C of [1, 3, 4, 32]) {
      const placed = placeSlots(branchSlots(C), 10, 280, { gap: 8, ellipsisWidth: 24 });
      expect(placed[0].x).toBeGreaterThanOrEqual(10 - 1e-9);
      const last = placed[placed.length - 1];
      expect(last.x + last.width).toBeLessThanOrEqual(290 + 1e-9);
      for (let i = 1; i < placed.length; i++) {
        expect(placed[i].x).toBeGreaterThanOrEqual(placed[i - 1].x + placed[i - 1].width);
      }
    }
  });

  it('centres a narrow row when paths are capped in width', () => {
    const [only] = placeSlots(branchSlots(1), 0, 300, { maxBranchWidth: 100 });
    expect(only.width).toBe(100);
    expect(only.x).toBe(100);
  });
});
