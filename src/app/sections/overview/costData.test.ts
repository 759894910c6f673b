import { describe, expect, it } from 'vitest';
import { blockConfig } from '../../block/blockConfig';
import { costAnatomy, notLevel } from './costData';

const at = (cardinality: 1 | 2 | 4 | 8 | 16 | 32 | 64, stage: 'r50-conv2' | 'c29-3' = 'r50-conv2') =>
  costAnatomy(blockConfig({ stage, cardinality, d: 4, keepComplexity: true }));

describe('costAnatomy', () => {
  it("splits the paper's 32×4d block into in·C·d, 9·C·d² and C·d·out", () => {
    const a = at(32);
    expect(a.resnext.parts.map((p) => p.weights)).toEqual([256 * 32 * 4, 9 * 32 * 4 * 4, 32 * 4 * 256]);
    expect(a.resnet.parts.map((p) => p.weights)).toEqual([256 * 64, 9 * 64 * 64, 64 * 256]);
    expect(a.resnext.total).toBe(70144);
    expect(a.resnet.total).toBe(69632);
  });

  it.each([1, 2, 4, 8, 16, 32, 64] as const)('its parts add up to the block total at C = %i', (C) => {
    for (const stage of ['r50-conv2', 'c29-3'] as const) {
      const a = at(C, stage);
      for (const b of [a.resnet, a.resnext]) {
        expect(b.parts.reduce((s, p) => s + p.weights, 0)).toBe(b.total);
      }
    }
  });

  it('shows the grouped 3×3 costs 1/C of a dense one over the same C·d channels', () => {
    const a = at(32);
    expect(a.width).toBe(128);
    expect(a.dense3x3).toBe(9 * 128 * 128);
    expect(a.dense3x3 / a.grouped3x3).toBe(32);
  });

  it("gives the paper's Table 2 widths and says where whole-number d is not level", () => {
    const d = at(32).dByC;
    const pick = (c: number) => d.find((p) => p.cardinality === c)!;
    expect([1, 2, 4, 8, 32].map((c) => pick(c).d)).toEqual([64, 40, 24, 14, 4]);
    expect(pick(16).d).toBe(8);
    expect(pick(16).ratio).toBeCloseTo(1.0735, 3);
    expect(notLevel(pick(16).ratio)).toBe(true);
    expect(notLevel(pick(32).ratio)).toBe(false);
  });

  it('uses the real widths of a later stage', () => {
    const a = at(4, 'c29-3');
    expect(a.inChannels).toBe(1024);
    expect(a.resnext.parts[0].weights).toBe(1024 * 4 * a.resnext.d);
  });
});
