import { beforeAll, describe, expect, it } from 'vitest';
import { countNetwork } from './counting';
import { imagenetSpec, makeSpec, resnext29Spec, type NetworkSpec } from './spec';
import { runReference, type RefNetwork } from './referenceCounts.testutil';

const resnet50 = (): NetworkSpec =>
  makeSpec({ stem: 'imagenet', blocksPerStage: [3, 4, 6, 3], cardinality: 1, d: 64, numClasses: 1000 });

// [reference name, spec, input side]
const networks: [string, () => NetworkSpec, number][] = [
  ['resnext29_1x64d', () => resnext29Spec(1, 64), 32],
  ['resnext29_2x40d', () => resnext29Spec(2, 40), 32],
  ['resnext29_4x24d', () => resnext29Spec(4, 24), 32],
  ['resnext29_8x14d', () => resnext29Spec(8, 14), 32],
  ['resnext29_32x4d', () => resnext29Spec(32, 4), 32],
  ['resnext29_8x64d', () => resnext29Spec(8, 64), 32],
  ['resnext29_16x64d', () => resnext29Spec(16, 64), 32],
  ['resnet50', resnet50, 224],
  ['resnext50_32x4d', () => imagenetSpec(50, 32, 4), 224],
  ['resnext101_32x8d', () => imagenetSpec(101, 32, 8), 224],
];

describe('countNetwork: published figures', () => {
  it.each([
    ['ResNeXt-29 32×4d', resnext29Spec(32, 4), 32, 4_775_754, 774_055_936],
    ['ResNeXt-29 1×64d', resnext29Spec(1, 64), 32, 4_914_250, 748_365_824],
    ['ResNeXt-29 2×40d', resnext29Spec(2, 40), 32, 4_879_626, 754_788_352],
    ['ResNeXt-29 4×24d', resnext29Spec(4, 24), 32, 4_845_002, 761_210_880],
    ['ResNeXt-29 8×14d', resnext29Spec(8, 14), 32, 4_901_098, 780_904_448],
    ['ResNet-50', resnet50(), 224, 25_557_032, 4_089_184_256],
    ['ResNeXt-50 32×4d', imagenetSpec(50, 32, 4), 224, 25_028_904, 4_230_479_872],
  ])('%s', (_name, spec, size, params, macs) => {
    const c = countNetwork(spec, size);
    expect(c.params).toBe(params);
    expect(c.macs).toBe(macs);
  });

  it("the paper's ResNeXt-29 8×64d has 34.4M parameters", () => {
    expect(countNetwork(resnext29Spec(8, 64)).params).toBe(34_426_698);
  });

  it("Table 1's rounded figures: ResNet-50 25.5M / 4.1 GFLOPs, ResNeXt-50 25.0M / 4.2 GFLOPs", () => {
    // The paper truncates parameters to 0.1M (25.56M is printed as 25.5M) and rounds FLOPs (multiply-adds).
    const r = countNetwork(resnet50());
    const x = countNetwork(imagenetSpec(50, 32, 4));
    expect([Math.floor(r.params / 1e5) / 10, Math.round(r.macs / 1e8) / 10]).toEqual([25.5, 4.1]);
    expect([Math.floor(x.params / 1e5) / 10, Math.round(x.macs / 1e8) / 10]).toEqual([25.0, 4.2]);
  });
});

describe('countNetwork: stage rows', () => {
  it('ImageNet rows follow Table 1 output sizes and add up to the totals', () => {
    const c = countNetwork(imagenetSpec(50, 32, 4), 224);
    expect(c.stages.map((s) => [s.name, s.outSize])).toEqual([
      ['conv1', 112],
      ['conv2', 56],
      ['conv3', 28],
      ['conv4', 14],
      ['conv5', 7],
      ['fc', 1],
    ]);
    expect(c.stages.reduce((s, r) => s + r.params, 0)).toBe(c.params);
    expect(c.stages.reduce((s, r) => s + r.macs, 0)).toBe(c.macs);
  });

  it('CIFAR rows are conv1, conv2..conv4 at 32/32/16/8', () => {
    const c = countNetwork(resnext29Spec(32, 4));
    expect(c.stages.map((s) => [s.name, s.outSize])).toEqual([
      ['conv1', 32],
      ['conv2', 32],
      ['conv3', 16],
      ['conv4', 8],
      ['fc', 1],
    ]);
  });

  it('input size scales the MACs but not the parameters', () => {
    const a = countNetwork(resnext29Spec(32, 4), 32);
    const b = countNetwork(resnext29Spec(32, 4), 64);
    expect(b.params).toBe(a.params);
    const fcMacs = 1024 * 10;
    expect(b.macs - fcMacs).toBe(4 * (a.macs - fcMacs));
  });
});

describe('countNetwork agrees with PyTorch (training/reference_counts.py)', () => {
  let ref: Record<string, RefNetwork>;
  beforeAll(() => {
    ref = runReference(['--networks']).networks ?? {};
  });

  it.each(networks)('%s: totals and every layer', (name, spec, size) => {
    const r = ref[name];
    expect(r, `reference has ${name}`).toBeDefined();
    const c = countNetwork(spec(), size);
    expect([c.params, c.macs]).toEqual([r.params, r.macs]);
    expect(c.layers.map((l) => l.name).sort()).toEqual(Object.keys(r.layers).sort());
    for (const l of c.layers) {
      const { kind, weightShape, inShape, outShape, params, macs } = l;
      expect({ name: l.name, kind, weightShape, inShape, outShape, params, macs }).toEqual({
        name: l.name,
        ...r.layers[l.name],
      });
    }
  });

  it.each(networks)('%s: stage rows equal the sums of PyTorch layers per stage', (name, spec, size) => {
    const r = ref[name];
    const stageOf = (layer: string) =>
      layer.startsWith('layer') ? `conv${Number(layer[5]) + 1}` : layer === 'fc' ? 'fc' : 'conv1';
    const expected = new Map<string, { params: number; macs: number }>();
    for (const [layer, v] of Object.entries(r.layers)) {
      const e = expected.get(stageOf(layer)) ?? { params: 0, macs: 0 };
      expected.set(stageOf(layer), { params: e.params + v.params, macs: e.macs + v.macs });
    }
    const c = countNetwork(spec(), size);
    expect(new Map(c.stages.map((s) => [s.name, { params: s.params, macs: s.macs }]))).toEqual(expected);
  });
});
