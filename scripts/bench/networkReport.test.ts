import { describe, expect, it } from 'vitest';
import type { NetworkResult } from './network';
import { firstPredictionAt10Mbps, networkLines, slowRuns, slowRunsLine } from './networkReport';

const profile = (downMbps: number) => ({
  name: `${downMbps} Mbit/s, 40 ms`,
  downMbps,
  upMbps: 1,
  latencyMs: 40,
});
const run = (firstPredictionMs: number, weightsStartMs: number | null = 1100.4) => ({
  firstPredictionMs,
  weightsStartMs,
  weightsEndMs: null,
  weightsBytes: 4400000,
});

const network: NetworkResult[] = [
  { profile: profile(10), runs: [run(7960), run(8000), run(30000)] },
  { profile: profile(1.6), runs: [run(29100, null), run(28000)] },
];

describe('the network lines', () => {
  it('print the median and every run, and flag a run over 3× the median', () => {
    expect(networkLines(network)).toEqual([
      'first prediction over 10 Mbit/s, 40 ms (wasm, cold cache): median 8000 ms of 3 ' +
        '[7960, 8000, 30000 (over 3× the median)]; weights (4400000 bytes) requested at 1100, 1100, 1100 ms; ' +
        '1 run(s) over 3× the median',
      'first prediction over 1.6 Mbit/s, 40 ms (wasm, cold cache): median 28550 ms of 2 [29100, 28000]; ' +
        'weights (4400000 bytes) requested at NaN, 1100 ms',
    ]);
  });

  it('count the slow runs over all profiles', () => {
    expect(slowRuns(network)).toBe(1);
    expect(slowRunsLine(network)).toBe(
      "target: no cold first visit over 3× its profile's median: 1 run(s) over ✗",
    );
    expect(slowRunsLine(network.slice(1))).toBe(
      "target: no cold first visit over 3× its profile's median: 0 run(s) over ✓",
    );
  });

  it('check the 10 Mbit/s median in seconds, or nothing without that profile', () => {
    expect(firstPredictionAt10Mbps(network)).toEqual({
      target: 'first prediction at 10 Mbit/s ≤ 3 s',
      v: 8,
      limit: 3,
      unit: ' s',
    });
    expect(firstPredictionAt10Mbps(network.slice(1)).v).toBeUndefined();
  });
});
