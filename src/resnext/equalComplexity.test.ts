import { describe, expect, it } from 'vitest';
import { blockWeights, equalComplexityD } from './equalComplexity';

describe('equalComplexityD', () => {
  it("reproduces the paper's Table 2 at conv2 (in = out = 256, template 1×64d)", () => {
    const table2: [number, number][] = [
      [1, 64],
      [2, 40],
      [4, 24],
      [8, 14],
      [32, 4],
    ];
    for (const [c, d] of table2) expect([c, equalComplexityD(c, 256, 256)]).toEqual([c, d]);
  });

  it('gives C=16 → d=8 and C=64 → d=2 by the same rule', () => {
    // C=16: d=7 → 64,400 and d=8 → 74,752 around 69,632; C=64: d=2 → 67,840, d=3 → 103,488.
    expect(16 * (256 * 8 + 9 * 8 * 8 + 8 * 256)).toBe(74_752);
    expect(equalComplexityD(16, 256, 256)).toBe(8);
    expect(equalComplexityD(64, 256, 256)).toBe(2);
  });

  it('the chosen d is never farther from the template than its neighbours', () => {
    for (const [inC, tD] of [
      [256, 64],
      [512, 128],
      [1024, 256],
      [2048, 512],
    ]) {
      const target = blockWeights(1, inC, inC, tD);
      for (const c of [1, 2, 3, 4, 8, 16, 32, 64]) {
        const d = equalComplexityD(c, inC, inC, tD);
        const gap = (dd: number) => Math.abs(blockWeights(c, inC, inC, dd) - target);
        if (d > 1) expect(gap(d)).toBeLessThanOrEqual(gap(d - 1));
        expect(gap(d)).toBeLessThanOrEqual(gap(d + 1));
      }
    }
  });

  it("gives ResNeXt-50 32×4d's later stages 32×8d, 32×16d, 32×32d", () => {
    expect([1, 2, 3].map((k) => equalComplexityD(32, 256 << k, 256 << k, 64 << k))).toEqual([8, 16, 32]);
  });

  it('solving back from a 2×40d or 32×4d template gives the ResNet width 64', () => {
    // 2×40d: 69,760 weights, 32×4d: 70,144; C=1 gives 69,632 at d=64 and 71,305 at d=65.
    expect(equalComplexityD(1, 256, 256, 40, 2)).toBe(64);
    expect(equalComplexityD(1, 256, 256, 4, 32)).toBe(64);
  });
});
