import { describe, expect, it } from 'vitest';
import { countNetwork } from '../../../resnext/counting';
import { imagenetSpec, resnext29Spec } from '../../../resnext/spec';
import { buildArchTable } from './archTable';

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
