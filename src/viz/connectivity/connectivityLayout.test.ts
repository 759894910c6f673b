import { describe, expect, it } from 'vitest';
import { formCounts } from '../../resnext/blockCounts';
import { CONN, connectivityLayout, matrixSide, type MatrixLayout } from './connectivityLayout';

const shape = (c: number, d: number, channels = 256) => ({
  inChannels: channels,
  outChannels: channels,
  cardinality: c,
  d,
});

const inside = (m: MatrixLayout) =>
  m.blocks.every(
    (b) =>
      b.x >= m.frame.x - 1e-9 &&
      b.y >= m.frame.y - 1e-9 &&
      b.x + b.w <= m.frame.x + m.frame.w + 1e-9 &&
      b.y + b.h <= m.frame.y + m.frame.h + 1e-9,
  );

describe('connectivityLayout', () => {
  it.each([
    [1, 64],
    [2, 40],
    [4, 24],
    [8, 14],
    [32, 4],
    [64, 16],
  ])('C = %i, d = %i: C diagonal blocks holding 9·C·d² weights, as the block counts say', (c, d) => {
    const l = connectivityLayout(shape(c, d));
    expect(l.grouped.blocks).toHaveLength(c);
    expect(l.first.blocks).toHaveLength(c);
    expect(l.last.blocks).toHaveLength(c);
    expect(l.grouped.weights).toBe(9 * c * d * d);
    const counts = formCounts('c', { inChannels: 256, outChannels: 256, spatial: 56, cardinality: c, d });
    expect(counts.rows.map((r) => r.params)).toEqual([l.first.weights, l.grouped.weights, l.last.weights]);
    expect(l.denseWeights).toBe(9 * (c * d) ** 2);
    expect(l.grouped.rows).toBe(c * d);
    expect(l.grouped.cols).toBe(c * d);
  });

  it('puts block i on the diagonal, in line with row block i of the first 1×1 and column block i of the last', () => {
    const l = connectivityLayout(shape(4, 24));
    const { frame } = l.grouped;
    const step = frame.w / 4;
    l.grouped.blocks.forEach((b, i) => {
      expect(b.index).toBe(i);
      expect(b.key).toBe(String(i));
      expect(b.x).toBeCloseTo(frame.x + i * step);
      expect(b.y).toBeCloseTo(frame.y + i * step);
      expect(b.w).toBeCloseTo(step);
      expect(b.h).toBeCloseTo(step);
      // the same rows as row block i, the same columns as column block i
      expect(l.first.blocks[i].y).toBeCloseTo(b.y);
      expect(l.first.blocks[i].h).toBeCloseTo(b.h);
      expect(l.last.blocks[i].x).toBeCloseTo(b.x);
      expect(l.last.blocks[i].w).toBeCloseTo(b.w);
    });
    // the first 1×1 is left of the 3×3, the last 1×1 below it
    expect(l.first.frame.x + l.first.frame.w).toBeLessThan(frame.x);
    expect(l.last.frame.y).toBeGreaterThan(frame.y + frame.h);
    expect(inside(l.first) && inside(l.grouped) && inside(l.last)).toBe(true);
  });

  it('leaves the off-diagonal cells empty: the blocks fill 1/C of the matrix and do not overlap', () => {
    for (const c of [1, 2, 8, 64]) {
      const l = connectivityLayout(shape(c, 4));
      const area = l.grouped.blocks.reduce((s, b) => s + b.w * b.h, 0);
      expect(area / (l.grouped.frame.w * l.grouped.frame.h)).toBeCloseTo(1 / c);
      // stacked row blocks and side-by-side column blocks tile their matrices
      expect(l.first.blocks.reduce((s, b) => s + b.h, 0)).toBeCloseTo(l.first.frame.h);
      expect(l.last.blocks.reduce((s, b) => s + b.w, 0)).toBeCloseTo(l.last.frame.w);
    }
    const one = connectivityLayout(shape(1, 64));
    expect(one.grouped.blocks[0]).toMatchObject({ x: one.grouped.frame.x, w: one.grouped.frame.w });
  });

  it('draws wide matrices at a fixed size and narrow ones in proportion', () => {
    expect(matrixSide(64)).toBeCloseTo(CONN.maxSide / 2);
    expect(matrixSide(128)).toBe(CONN.maxSide);
    expect(matrixSide(8192)).toBe(CONN.maxSide);
    expect(matrixSide(1)).toBe(CONN.minSide);
    const big = connectivityLayout(shape(64, 128, 2048));
    expect(big.grouped.frame.w).toBe(CONN.maxSide);
    expect(big.grouped.weights).toBe(9 * 64 * 128 * 128);
    // every drawing fits the same box, whatever C, d and the stage
    for (const l of [big, connectivityLayout(shape(1, 1)), connectivityLayout(shape(32, 4))]) {
      expect(l.last.frame.y + l.last.frame.h).toBeLessThanOrEqual(l.height);
      expect(l.grouped.frame.x + l.grouped.frame.w).toBeLessThanOrEqual(l.width);
    }
  });
});
