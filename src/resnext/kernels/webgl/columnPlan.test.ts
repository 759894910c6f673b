import { describe, expect, it } from 'vitest';
import { columnPlan } from './columnPlan';

describe('columnPlan', () => {
  for (const kw of [1, 3, 5])
    for (const stride of [1, 2, 3])
      for (const pad of [0, 1, 2])
        it(`kw ${kw}, stride ${stride}, pad ${pad}: every tap reads its own input column from an aligned texel`, () => {
          const { texelOffsets, taps } = columnPlan(kw, stride, pad);
          texelOffsets.forEach((off) => expect(Math.abs(off % 2)).toBe(0));
          expect(new Set(texelOffsets).size).toBe(texelOffsets.length);
          const used = new Set<number>();
          for (const j of [0, 1])
            for (let kx = 0; kx < kw; kx++) {
              const { texel, high } = taps[j][kx];
              expect(texelOffsets[texel] + (high ? 1 : 0)).toBe(j * stride - pad + kx);
              used.add(texel);
            }
          // no texel is fetched for nothing
          expect(used.size).toBe(texelOffsets.length);
        });

  it('3×3, stride 1, pad 1 needs three texels for two output columns', () => {
    expect(columnPlan(3, 1, 1).texelOffsets).toEqual([-2, 0, 2]);
  });
});
