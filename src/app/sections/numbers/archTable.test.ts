import { describe, expect, it } from 'vitest';
import { countNetwork } from '../../../resnext/counting';
import { imagenetSpec, resnext29Spec } from '../../../resnext/spec';
import { buildArchTable, stageBlocks } from './archTable';

const blocksOf = (t: ReturnType<typeof buildArchTable>) =>
  t.rows.map((r) => r.cells.map((c) => (c.kind === 'blocks' ? c.text : c.kind)).join(' | '));

describe('architecture tables (the paper’s Table 1)', () => {
  it('ResNet-50: 25,557,032 parameters and 4,089,184,256 MACs', () => {
    const t = buildArchTable(imagenetSpec(50, 1, 64));
    expect([t.params, t.macs]).toEqual([25_557_032, 4_089_184_256]);
    expect(blocksOf(t)).toEqual([
      'stem',
      'maxpool | [1×1, 64; 3×3, 64; 1×1, 256] ×3',
      '[1×1, 128; 3×3, 128; 1×1, 512] ×4',
      '[1×1, 256; 3×3, 256; 1×1, 1024] ×6',
      '[1×1, 512; 3×3, 512; 1×1, 2048] ×3',
      'head',
    ]);
  });

  it('ResNeXt-50 (32×4d): 25,028,904 parameters and 4,230,479,872 MACs', () => {
    const t = buildArchTable(imagenetSpec(50, 32, 4));
    expect([t.params, t.macs]).toEqual([25_028_904, 4_230_479_872]);
    expect(blocksOf(t)).toEqual([
      'stem',
      'maxpool | [1×1, 128; 3×3, 128, C=32; 1×1, 256] ×3',
      '[1×1, 256; 3×3, 256, C=32; 1×1, 512] ×4',
      '[1×1, 512; 3×3, 512, C=32; 1×1, 1024] ×6',
      '[1×1, 1024; 3×3, 1024, C=32; 1×1, 2048] ×3',
      'head',
    ]);
    expect(t.rows.map((r) => r.outSize)).toEqual([112, 56, 28, 14, 7, 1]);
  });

  it('ResNeXt-29 (32×4d): 4,775,754 parameters and 774,055,936 MACs at 32×32', () => {
    const t = buildArchTable(resnext29Spec(32, 4));
    expect([t.params, t.macs]).toEqual([4_775_754, 774_055_936]);
    expect(t.rows.map((r) => [r.stage, r.outSize])).toEqual([
      ['conv1', 32],
      ['conv2', 32],
      ['conv3', 16],
      ['conv4', 8],
      ['fc', 1],
    ]);
    expect(t.rows[0].cells).toEqual([{ kind: 'stem', kernel: 3, channels: 64, stride: 1 }]);
    expect(t.rows.at(-1)!.cells).toEqual([{ kind: 'head', classes: 10 }]);
  });

  it('row figures are the counting code’s stage figures and add up to the totals', () => {
    for (const spec of [imagenetSpec(50, 1, 64), imagenetSpec(50, 32, 4), resnext29Spec(32, 4)]) {
      const t = buildArchTable(spec);
      const c = countNetwork(spec);
      expect(t.rows.map((r) => [r.stage, r.params, r.macs])).toEqual(
        c.stages.map((s) => [s.name, s.params, s.macs]),
      );
      expect(t.rows.reduce((s, r) => s + r.params, 0)).toBe(t.params);
      expect(t.rows.reduce((s, r) => s + r.macs, 0)).toBe(t.macs);
    }
  });
});

describe('a stage’s first block against its repeated block (why per block and per stage seem to disagree)', () => {
  const resnet = imagenetSpec(50, 1, 64);
  const resnext = imagenetSpec(50, 32, 4);
  const stageRow = (spec: typeof resnet, row: string) =>
    buildArchTable(spec).rows.find((r) => r.stage === row)!;

  it('conv2: the repeated ResNeXt block has more weights than ResNet’s (the Overview’s 70,144 vs 69,632), its first block fewer, and the stage fewer', () => {
    const r = stageBlocks(resnet, 0);
    const x = stageBlocks(resnext, 0);
    expect([x.repeated.weights, r.repeated.weights]).toEqual([70_144, 69_632]);
    expect(x.firstIn).toBe(64);
    expect(x.first.weights).toBeLessThan(r.first.weights);
    expect(stageRow(resnext, 'conv2').params).toBeLessThan(stageRow(resnet, 'conv2').params);
    // the stage's convolution weights are the first block plus the repeated ones
    expect(x.first.weights + x.repeats * x.repeated.weights).toBe(
      countNetwork(resnext)
        .layers.filter((l) => l.kind === 'conv' && l.name.startsWith('layer1.'))
        .reduce((a, l) => a + l.params, 0),
    );
  });

  it('conv3: the first block reads the larger conv2 map, where ResNeXt’s wider first 1×1 costs most of its extra MACs', () => {
    const r = stageBlocks(resnet, 1);
    const x = stageBlocks(resnext, 1);
    expect([x.firstSide, x.repeatedSide]).toEqual([56, 28]);
    expect(stageRow(resnext, 'conv3').macs).toBeGreaterThan(stageRow(resnet, 'conv3').macs);
    const extraFirst = x.first.macs - r.first.macs;
    const extraRepeated = x.repeats * (x.repeated.macs - r.repeated.macs);
    expect(extraFirst).toBeGreaterThan(extraRepeated);
    expect(x.projection).toEqual(r.projection);
  });
});
