import { describe, expect, it } from 'vitest';
import { countNetwork } from './counting';
import { imagenetSpec, resnext29Spec } from './spec';
import { STAGE_IDS, stagePreset } from './stages';

const family: [number, number][] = [
  [1, 64],
  [2, 40],
  [4, 24],
  [8, 14],
  [32, 4],
];

describe('stage presets', () => {
  it('ResNeXt-50 stages: out 256..2048 at 56..7, template width doubling from 64', () => {
    const rows = (['r50-conv2', 'r50-conv3', 'r50-conv4', 'r50-conv5'] as const).map((id) => {
      const p = stagePreset(id);
      return [p.inChannels, p.outChannels, p.spatial, p.templateD, p.tableRow];
    });
    expect(rows).toEqual([
      [256, 256, 56, 64, 'conv2'],
      [512, 512, 28, 128, 'conv3'],
      [1024, 1024, 14, 256, 'conv4'],
      [2048, 2048, 7, 512, 'conv5'],
    ]);
  });

  it("ResNeXt-50 32×4d becomes 32×8d, 32×16d, 32×32d in later stages, as torchvision's resnext50_32x4d", () => {
    const spec = imagenetSpec(50, 32, 4);
    const ids = ['r50-conv2', 'r50-conv3', 'r50-conv4', 'r50-conv5'] as const;
    expect(ids.map((id) => stagePreset(id).dFor(32, true, 0))).toEqual([4, 8, 16, 32]);
    expect(ids.map((id) => stagePreset(id).dFor(32, false, 4) * 32)).toEqual(
      spec.stages.map((st) => st[0].width),
    );
  });

  it('C = 1 with keepComplexity shows the ResNet template block', () => {
    for (const id of STAGE_IDS) expect(stagePreset(id).dFor(1, true, 7)).toBe(stagePreset(id).templateD);
  });

  it('CIFAR stages describe the repeated blocks of the ResNeXt-29 spec at the right sizes', () => {
    const count = countNetwork(resnext29Spec(32, 4));
    const ids = ['c29-1', 'c29-2', 'c29-3'] as const;
    ids.forEach((id, s) => {
      const p = stagePreset(id);
      const block = resnext29Spec(32, 4).stages[s][1];
      expect([p.inChannels, p.outChannels]).toEqual([block.inChannels, block.outChannels]);
      expect(p.spatial).toBe(count.stages[s + 1].outSize);
    });
  });

  it.each(family)(
    'keepComplexity at C=%i gives the trained %i-d family model at every CIFAR stage',
    (c, d) => {
      const spec = resnext29Spec(c, d);
      const ids = ['c29-1', 'c29-2', 'c29-3'] as const;
      expect(ids.map((id) => stagePreset(id).networkD(c, true, 99))).toEqual([d, d, d]);
      expect(ids.map((id) => stagePreset(id).dFor(c, true, 99) * c)).toEqual(
        spec.stages.map((st) => st[0].width),
      );
    },
  );

  it('without keepComplexity the free d is used', () => {
    expect(stagePreset('c29-2').dFor(8, false, 10)).toBe(20);
    expect(stagePreset('r50-conv5').networkD(8, false, 10)).toBe(10);
  });
});
