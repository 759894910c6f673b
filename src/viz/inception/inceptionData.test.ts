import { describe, expect, it } from 'vitest';
import { INCEPTION_3A, INCEPTION_3A_NAIVE, inceptionCounts } from '../../resnext/inception';
import { inceptionFigureData } from './inceptionData';
import { inceptionFigureText, type InceptionLabels } from './inceptionText';

const labels: InceptionLabels = {
  input: (s, c) => `in ${s}x${s}x${c}`,
  conv: (k, out) => `${k}x${k},${out}`,
  pool: (k) => `pool${k}`,
  concat: (c) => `concat ${c}`,
  boxMacs: (m) => `macs=${m}`,
  total: (p, m) => `params=${p} macs=${m}`,
};

describe('inception figure data', () => {
  it.each([
    ['reduced', INCEPTION_3A],
    ['naive', INCEPTION_3A_NAIVE],
  ] as const)('%s: every number drawn is the one inceptionCounts gives', (_, spec) => {
    const counts = inceptionCounts(spec);
    const data = inceptionFigureData(spec);
    expect([data.params, data.macs, data.outChannels]).toEqual([
      counts.params,
      counts.macs,
      counts.outShape[3],
    ]);
    expect(data.branches.map((b) => [b.params, b.macs, b.outChannels])).toEqual(
      counts.branches.map((b) => [b.params, b.macs, b.outChannels]),
    );
    expect(data.branches.map((b) => b.boxes.map((x) => [x.params, x.macs]))).toEqual(
      counts.branches.map((b) => b.layers.map((l) => [l.weights + l.biases, l.macs])),
    );

    const words = inceptionFigureText(data, labels);
    expect(words.total).toBe(`params=${counts.params} macs=${counts.macs}`);
    expect(words.concat).toBe(`concat ${counts.outShape[3]}`);
    expect(words.boxes.flat().map(([, cost]) => cost)).toEqual(
      counts.branches.flatMap((b) => b.layers.map((l) => (l.kind === 'conv' ? `macs=${l.macs}` : ''))),
    );
  });

  it('draws the reduced module with its 1×1 reductions in the upper row', () => {
    const data = inceptionFigureData(INCEPTION_3A);
    const words = inceptionFigureText(data, labels);
    expect(words.input).toBe('in 28x28x192');
    expect(words.boxes.map((b) => b.map(([name]) => name))).toEqual([
      ['1x1,64'],
      ['1x1,96', '3x3,128'],
      ['1x1,16', '5x5,32'],
      ['pool3', '1x1,32'],
    ]);
    expect(data.branches.map((b) => b.boxes.map((x) => x.row))).toEqual([[1], [0, 1], [0, 1], [0, 1]]);
    expect(data.branches.map((b) => b.boxes.map((x) => x.reduction))).toEqual([
      [false],
      [true, false],
      [true, false],
      [false, true],
    ]);
    // The 3×3 branch by hand: 192·96 + 96·9·128 weights, 96 + 128 biases, at 28×28 positions.
    expect(data.branches[1].params).toBe(192 * 96 + 96 * 9 * 128 + 96 + 128);
    expect(data.branches[1].macs).toBe(28 * 28 * (192 * 96 + 96 * 9 * 128));
  });

  it('draws the naive module without reductions, the pool passing all input channels', () => {
    const data = inceptionFigureData(INCEPTION_3A_NAIVE);
    expect(data.branches.flatMap((b) => b.boxes).some((x) => x.reduction)).toBe(false);
    expect(data.branches.map((b) => b.outChannels)).toEqual([64, 128, 32, 192]);
    expect(data.branches[2].macs).toBe(28 * 28 * 192 * 25 * 32);
    expect(data.macs).toBeGreaterThan(2 * inceptionFigureData(INCEPTION_3A).macs);
  });
});
