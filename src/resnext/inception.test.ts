import { beforeAll, describe, expect, it } from 'vitest';
import { INCEPTION_3A, INCEPTION_3A_NAIVE, inceptionCounts } from './inception';
import { runReference, type RefInception } from './referenceCounts.testutil';

const HW = 28 * 28;

describe('inception (3a) at 28×28×192', () => {
  const m = inceptionCounts(INCEPTION_3A);

  it('has the four branches of GoogLeNet and 256 output channels', () => {
    expect(m.branches.map((b) => b.layers.map((l) => l.label))).toEqual([
      ['192, 1×1, 64'],
      ['192, 1×1, 96', '96, 3×3, 128'],
      ['192, 1×1, 16', '16, 5×5, 32'],
      ['3×3', '192, 1×1, 32'],
    ]);
    expect(m.outShape).toEqual([1, 28, 28, 256]);
  });

  it('per-branch weights, biases and MACs', () => {
    expect(m.branches.map((b) => [b.weights, b.biases, b.macs])).toEqual([
      [192 * 64, 64, HW * 192 * 64],
      [192 * 96 + 96 * 9 * 128, 96 + 128, HW * (192 * 96 + 96 * 9 * 128)],
      [192 * 16 + 16 * 25 * 32, 16 + 32, HW * (192 * 16 + 16 * 25 * 32)],
      [192 * 32, 32, HW * 192 * 32],
    ]);
  });

  it('totals', () => {
    const w = 192 * 64 + 192 * 96 + 96 * 9 * 128 + 192 * 16 + 16 * 25 * 32 + 192 * 32;
    expect([m.weights, m.biases, m.params, m.macs]).toEqual([w, 368, w + 368, HW * w]);
  });
});

describe('naive inception at 28×28×192', () => {
  const m = inceptionCounts(INCEPTION_3A_NAIVE);

  it('concatenates 64 + 128 + 32 + 192 = 416 channels', () => {
    expect(m.branches.map((b) => b.outChannels)).toEqual([64, 128, 32, 192]);
    expect(m.outShape).toEqual([1, 28, 28, 416]);
  });

  it('per-branch and total counts', () => {
    expect(m.branches.map((b) => [b.weights, b.biases, b.macs])).toEqual([
      [192 * 64, 64, HW * 192 * 64],
      [192 * 9 * 128, 128, HW * 192 * 9 * 128],
      [192 * 25 * 32, 32, HW * 192 * 25 * 32],
      [0, 0, 0],
    ]);
    const w = 192 * 64 + 192 * 9 * 128 + 192 * 25 * 32;
    expect([m.weights, m.biases, m.params, m.macs]).toEqual([w, 224, w + 224, HW * w]);
  });

  it('costs more than twice the module with 1×1 reductions', () => {
    expect(m.macs / inceptionCounts(INCEPTION_3A).macs).toBeGreaterThan(2);
  });
});

describe('inception counts agree with PyTorch nn.Conv2d modules', () => {
  let ref: Record<'3a' | 'naive', RefInception>;
  beforeAll(() => {
    const r = runReference(['--inception']).inception;
    if (!r) throw new Error('reference_counts.py printed no inception counts');
    ref = r;
  });

  it.each([
    ['3a', INCEPTION_3A],
    ['naive', INCEPTION_3A_NAIVE],
  ] as const)('%s', (name, spec) => {
    const m = inceptionCounts(spec);
    const r = ref[name];
    expect([m.params, m.macs, m.outShape]).toEqual([r.params, r.macs, r.outShape]);
    expect(m.branches.map((b) => ({ weights: b.weights, biases: b.biases, macs: b.macs }))).toEqual(
      r.branches,
    );
  });
});
