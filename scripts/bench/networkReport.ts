/* The cold first predictions over emulated networks (network.ts), as printed and checked against targets. */
import { median } from '../../src/bench/timing';
import { fmt } from './format';
import type { NetworkResult } from './network';
import type { TargetCheck } from './targets';

/** One line per profile: the median, every run (a run over 3× the median flagged) and when the weights came. */
export function networkLines(network: NetworkResult[]): string[] {
  return network.map(({ profile, runs }) => {
    const fp = runs.map((r) => r.firstPredictionMs);
    const start = runs.map((r) => r.weightsStartMs ?? NaN);
    const bytes = runs[0]?.weightsBytes;
    const m = median(fp);
    // a run over 3× the median is flagged: a reader on that network waited that long
    const slow = fp.filter((x) => x > 3 * m);
    return (
      `first prediction over ${profile.name} (wasm, cold cache): median ${fmt(m)} ms of ${fp.length} ` +
      `[${fp.map((x) => (x > 3 * m ? `${fmt(x)} (over 3× the median)` : fmt(x))).join(', ')}]; weights ` +
      `(${bytes ?? '?'} bytes) requested at ${start.map(fmt).join(', ')} ms` +
      (slow.length ? `; ${slow.length} run(s) over 3× the median` : '')
    );
  });
}

/** How many runs, over all profiles, took over 3× their profile's median. */
export function slowRuns(network: NetworkResult[]): number {
  return network.reduce((n, { runs }) => {
    const fp = runs.map((r) => r.firstPredictionMs);
    const m = fp.length ? median(fp) : 0;
    return n + fp.filter((x) => x > 3 * m).length;
  }, 0);
}

/** The slow runs as bench:network prints them. */
export function slowRunsLine(network: NetworkResult[]): string {
  const slow = slowRuns(network);
  return `target: no cold first visit over 3× its profile's median: ${slow} run(s) over ${slow === 0 ? '✓' : '✗'}`;
}

/** The median first prediction at 10 Mbit/s, in seconds, against its 3 s target. */
export function firstPredictionAt10Mbps(network: NetworkResult[]): TargetCheck {
  const r = network.find((n) => n.profile.downMbps === 10);
  const ms = r?.runs.length ? median(r.runs.map((x) => x.firstPredictionMs)) : undefined;
  return {
    target: 'first prediction at 10 Mbit/s ≤ 3 s',
    v: ms !== undefined ? ms / 1000 : undefined,
    limit: 3,
    unit: ' s',
  };
}
