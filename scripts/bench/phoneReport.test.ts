import { describe, expect, it } from 'vitest';
import type { PhoneResult } from './phone';
import { phoneLines, phoneTargets } from './phoneReport';

const run = (firstFigureMs: number, longestTaskMs: number, jsGzipBytes: number) => ({
  firstFigureMs,
  liveFigureMs: firstFigureMs + 1000,
  longestTaskMs,
  scripts: [],
  jsGzipBytes,
});

const phone: PhoneResult[] = [
  { section: 'overview', runs: [run(2550, 225, 147900), run(2650, 180, 147900)] },
  { section: 'step', runs: [run(2510.4, 311, 152800)] },
  { section: 'numbers', runs: [run(2580, 392, 176000)] },
];

const values = (p: PhoneResult[]) =>
  phoneTargets(p).map((t) => (t.v === undefined ? undefined : +t.v.toFixed(4)));

describe('the phone lines', () => {
  it('print a heading, then per section the median and every run of each measurement', () => {
    expect(phoneLines(phone.slice(0, 2))).toEqual([
      'first figure per section, phone profile (375×812, CPU 4×, 10 Mbit/s + 40 ms, cold), median of runs [every run]:',
      "  overview  first figure 2600 ms [2550, 2650]; the app's own 3600 ms [3550, 3650]; " +
        'longest task before the first 203 ms [225, 180]; ' +
        'JS before it 147.9 KB gzip [147.9, 147.9]',
      "  step      first figure 2510 ms [2510]; the app's own 3510 ms [3510]; " +
        'longest task before the first 311 ms [311]; ' +
        'JS before it 152.8 KB gzip [152.8]',
    ]);
  });

  it('check the Overview, the slowest other section and the longest task', () => {
    expect(phoneTargets(phone).map((t) => t.target)).toEqual([
      'phone: Overview first figure ≤ 1.5 s',
      'phone: JS before the Overview figure ≤ 150 KB',
      'phone: other sections first figure ≤ 2.5 s',
      'phone: no task over 200 ms before a figure',
    ]);
    expect(values(phone)).toEqual([2.6, 147.9, 2.58, 392]);
  });

  it('leave unmeasured what the run did not measure', () => {
    expect(values(phone.slice(0, 1))).toEqual([2.6, 147.9, undefined, 202.5]);
    expect(phoneTargets([]).every((t) => t.v === undefined)).toBe(true);
  });
});
