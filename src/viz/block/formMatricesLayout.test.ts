import { describe, expect, it } from 'vitest';
import { FM_H, FM_W, formMatricesLayout, type FormMatricesLayout, type MBlock } from './formMatricesLayout';

const byKey = (l: FormMatricesLayout) => new Map(l.blocks.map((b) => [b.key, b]));
const of = (l: FormMatricesLayout, conv: 1 | 2 | 3): MBlock[] => l.blocks.filter((b) => b.conv === conv);

describe('formMatricesLayout', () => {
  it.each([1, 4, 32])('C = %i: the same 3·C keyed blocks in every form, inside the drawing', (c) => {
    const keys = ['a', 'b', 'c'].map((f) => [...byKey(formMatricesLayout(f as 'a', c)).keys()].sort());
    expect(keys[0]).toHaveLength(3 * c);
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
    for (const f of ['a', 'b', 'c'] as const)
      for (const b of formMatricesLayout(f, c).blocks) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(FM_W + 1e-9);
        expect(b.y + b.h).toBeLessThanOrEqual(FM_H + 1e-9);
      }
  });

  it('(a): each path its own column of three separate matrices', () => {
    const l = formMatricesLayout('a', 4);
    for (const conv of [1, 2, 3] as const) {
      const bs = of(l, conv);
      for (let i = 1; i < bs.length; i++) expect(bs[i].x).toBeGreaterThan(bs[i - 1].x + bs[i - 1].w);
    }
    expect(l.frames).toEqual([]);
  });

  it('(b): the last 1×1s touch side by side in one frame; the others stay apart', () => {
    const l = formMatricesLayout('b', 4);
    const w3 = of(l, 3);
    for (let i = 1; i < w3.length; i++) expect(w3[i].x).toBeCloseTo(w3[i - 1].x + w3[i - 1].w);
    expect(l.frames.map((f) => f.key)).toEqual(['frame.w3']);
    const a = byKey(formMatricesLayout('a', 4));
    expect(byKey(l).get('w1.2')).toEqual(a.get('w1.2'));
    expect(byKey(l).get('w3.2')).not.toEqual(a.get('w3.2'));
  });

  it('(c): the first 1×1s stacked, the 3×3s on the diagonal of one sparse matrix, in line with each other', () => {
    const l = formMatricesLayout('c', 4);
    const [w1, w2, w3] = [of(l, 1), of(l, 2), of(l, 3)];
    for (let i = 1; i < 4; i++) {
      expect(w1[i].y).toBeCloseTo(w1[i - 1].y + w1[i - 1].h);
      expect(w1[i].x).toBe(w1[0].x);
      expect(w2[i].x).toBeCloseTo(w2[i - 1].x + w2[i - 1].w);
      expect(w2[i].y).toBeCloseTo(w2[i - 1].y + w2[i - 1].h);
    }
    for (let i = 0; i < 4; i++) {
      expect(w2[i].y).toBeCloseTo(w1[i].y);
      expect(w3[i].x).toBeCloseTo(w2[i].x);
    }
    const frame = l.frames.find((f) => f.key === 'frame.w2')!;
    expect(frame.sparse).toBe(true);
    // C blocks of side 1/C fill 1/C of the 3×3 matrix
    const area = w2.reduce((s, b) => s + b.w * b.h, 0);
    expect(area / (frame.w * frame.h)).toBeCloseTo(1 / 4);
  });
});
