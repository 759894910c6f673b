import { describe, expect, it } from 'vitest';
import { CARDINALITIES } from '../state/appState';
import { blockConfig } from './blockConfig';

/** Conv weights of a bottleneck written out by hand: C paths of in→d (1×1), d→d (3×3), d→out (1×1). */
const byHand = (C: number, inC: number, d: number, outC: number) => C * (inC * d + 3 * 3 * d * d + d * outC);

describe('blockConfig', () => {
  it("matches the paper's Figure 1 at the 256-d stage", () => {
    const resnext = blockConfig({ stage: 'r50-conv2', cardinality: 32, d: 4, keepComplexity: true });
    expect(resnext.d).toBe(4);
    expect(resnext.counts.params).toBe(70144);
    expect(resnext.resnet.params).toBe(69632);
    const resnet = blockConfig({ stage: 'r50-conv2', cardinality: 1, d: 4, keepComplexity: true });
    expect(resnet.d).toBe(64);
    expect(resnet.counts.params).toBe(69632);
    expect(resnet.paramRatio).toBe(1);
  });

  it("keeps complexity with the paper's Table 2 widths", () => {
    const ds = [1, 2, 4, 8, 32].map(
      (C) => blockConfig({ stage: 'r50-conv2', cardinality: C as 1, d: 99, keepComplexity: true }).d,
    );
    expect(ds).toEqual([64, 40, 24, 14, 4]);
  });

  it('uses the free d when complexity is not kept, doubled at later stages', () => {
    const c = blockConfig({ stage: 'r50-conv3', cardinality: 8, d: 10, keepComplexity: false });
    expect(c.networkD).toBe(10);
    expect(c.d).toBe(20);
    expect(c.counts.params).toBe(byHand(8, 512, 20, 512));
  });

  it('counts every cardinality at every stage like the hand formula, with a ratio to the ResNet block', () => {
    for (const stage of ['r50-conv2', 'r50-conv5', 'c29-2'] as const) {
      for (const C of CARDINALITIES) {
        const c = blockConfig({ stage, cardinality: C, d: 4, keepComplexity: true });
        const inC = c.stage.inChannels;
        expect(c.counts.params).toBe(byHand(C, inC, c.d, inC));
        expect(c.paramRatio).toBeCloseTo(
          byHand(C, inC, c.d, inC) / byHand(1, inC, c.stage.templateD, inC),
          12,
        );
        expect(c.width).toBe(C * c.d);
      }
    }
  });
});
