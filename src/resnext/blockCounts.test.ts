import { beforeAll, describe, expect, it } from 'vitest';
import { blockCounts, formCounts, type BlockShape } from './blockCounts';
import { runReference, type RefBlock } from './referenceCounts.testutil';

const shapes: BlockShape[] = [
  { inChannels: 256, outChannels: 256, cardinality: 1, d: 64, spatial: 56 },
  { inChannels: 256, outChannels: 256, cardinality: 32, d: 4, spatial: 56 },
  { inChannels: 256, outChannels: 256, cardinality: 8, d: 14, spatial: 32 },
  { inChannels: 512, outChannels: 512, cardinality: 2, d: 80, spatial: 28 },
  { inChannels: 256, outChannels: 512, cardinality: 32, d: 8, spatial: 56, stride: 2 },
  { inChannels: 64, outChannels: 256, cardinality: 4, d: 24, spatial: 32 },
];

describe("blockCounts: the paper's Figure 1", () => {
  it('ResNet block 256→64→64→256 has 69,632 weights', () => {
    const b = blockCounts({ inChannels: 256, outChannels: 256, cardinality: 1, d: 64, spatial: 56 });
    expect(b.params).toBe(256 * 64 + 3 * 3 * 64 * 64 + 64 * 256);
    expect(b.params).toBe(69_632);
    expect(b.rows.map((r) => r.label)).toEqual(['256, 1×1, 64', '64, 3×3, 64', '64, 1×1, 256']);
    expect(b.macs).toBe(56 * 56 * 69_632);
  });

  it('ResNeXt block C=32, d=4 has 70,144 weights in 32 paths of "256, 1×1, 4"', () => {
    const b = blockCounts({ inChannels: 256, outChannels: 256, cardinality: 32, d: 4, spatial: 56 });
    expect(b.params).toBe(32 * (256 * 4 + 3 * 3 * 4 * 4 + 4 * 256));
    expect(b.params).toBe(70_144);
    expect(b.rows.map((r) => [r.label, r.copies])).toEqual([
      ['256, 1×1, 4', 32],
      ['4, 3×3, 4', 32],
      ['4, 1×1, 256', 32],
    ]);
    expect(b.rows[1].weightShape).toEqual([4, 4, 3, 3]);
  });
});

describe('formCounts', () => {
  it('form c is Figure 3(c): 256, 1×1, 128 → 128, 3×3, 128 in 32 groups → 128, 1×1, 256', () => {
    const c = formCounts('c', { inChannels: 256, outChannels: 256, cardinality: 32, d: 4, spatial: 56 });
    expect(c.rows.map((r) => [r.label, r.groups, r.copies])).toEqual([
      ['256, 1×1, 128', 1, 1],
      ['128, 3×3, 128', 32, 1],
      ['128, 1×1, 256', 1, 1],
    ]);
    expect(c.rows[1].weightShape).toEqual([128, 4, 3, 3]);
  });

  it('form b concatenates the paths before one 128, 1×1, 256', () => {
    const b = formCounts('b', { inChannels: 256, outChannels: 256, cardinality: 32, d: 4, spatial: 56 });
    expect(b.rows.map((r) => [r.label, r.copies])).toEqual([
      ['256, 1×1, 4', 32],
      ['4, 3×3, 4', 32],
      ['128, 1×1, 256', 1],
    ]);
  });

  it('a stride-2 block halves the side after the 3×3', () => {
    const a = formCounts('a', shapes[4]);
    expect(a.rows.map((r) => r.outShape)).toEqual([
      [1, 56, 56, 8],
      [1, 28, 28, 8],
      [1, 28, 28, 512],
    ]);
    expect(a.macs).toBe(32 * (56 * 56 * 256 * 8 + 28 * 28 * (9 * 8 * 8 + 8 * 512)));
  });

  it.each(shapes)('forms a, b, c have equal totals for %o', (s) => {
    const [a, b, c] = (['a', 'b', 'c'] as const).map((f) => formCounts(f, s));
    expect([b.params, b.macs]).toEqual([a.params, a.macs]);
    expect([c.params, c.macs]).toEqual([a.params, a.macs]);
  });
});

describe('formCounts agrees with PyTorch nn.Conv2d modules of the three forms', () => {
  let ref: RefBlock[];
  beforeAll(() => {
    const args = shapes.flatMap((s) => [
      '--block',
      [s.inChannels, s.outChannels, s.cardinality, s.d, s.spatial, s.stride ?? 1].join(','),
    ]);
    ref = runReference(args).blocks ?? [];
  });

  it.each(shapes.map((s, i) => [i, s] as const))('shape %i', (i, s) => {
    const r = ref[i];
    expect([r.in, r.out, r.C, r.d]).toEqual([s.inChannels, s.outChannels, s.cardinality, s.d]);
    for (const f of ['a', 'b', 'c'] as const) {
      const c = formCounts(f, s);
      expect({ form: f, params: c.params, macs: c.macs }).toEqual({ form: f, ...r[f] });
    }
  });
});
