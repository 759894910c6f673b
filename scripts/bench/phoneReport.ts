/* Each section's first figure under the phone profile (phone.ts), as printed and checked against targets. */
import { median } from '../../src/bench/timing';
import { fmt } from './format';
import { PHONE, type PhoneResult } from './phone';
import type { TargetCheck } from './targets';

/** A heading, then one line per section: the median and every run of each measurement. */
export function phoneLines(phone: PhoneResult[]): string[] {
  const lines = [`first figure per section, phone profile (${PHONE.name}), median of runs [every run]:`];
  for (const { section, runs } of phone) {
    const ff = runs.map((r) => r.firstFigureMs);
    const live = runs.map((r) => r.liveFigureMs);
    const lt = runs.map((r) => r.longestTaskMs);
    const js = runs.map((r) => r.jsGzipBytes / 1000);
    lines.push(
      `  ${section.padEnd(9)} first figure ${fmt(median(ff))} ms [${ff.map(fmt).join(', ')}]; the app's own ` +
        `${fmt(median(live))} ms [${live.map(fmt).join(', ')}]; longest task before the first ` +
        `${fmt(median(lt))} ms [${lt.map(fmt).join(', ')}]; JS before it ${median(js).toFixed(1)} KB gzip ` +
        `[${js.map((x) => x.toFixed(1)).join(', ')}]`,
    );
  }
  return lines;
}

export function phoneTargets(phone: PhoneResult[]): TargetCheck[] {
  const of = (s: string) => phone.find((p) => p.section === s)?.runs ?? [];
  const med = (xs: number[]) => (xs.length ? median(xs) : undefined);
  const overview = of('overview');
  const others = phone.filter((p) => p.section !== 'overview');
  const worst = (f: (r: PhoneResult['runs'][number]) => number) =>
    others.length && others.every((p) => p.runs.length)
      ? Math.max(...others.map((p) => median(p.runs.map(f))))
      : undefined;
  return [
    {
      target: 'phone: Overview first figure ≤ 1.5 s',
      v: med(overview.map((r) => r.firstFigureMs / 1000)),
      limit: 1.5,
      unit: ' s',
    },
    {
      target: 'phone: JS before the Overview figure ≤ 150 KB',
      v: med(overview.map((r) => r.jsGzipBytes / 1000)),
      limit: 150,
      unit: ' KB',
    },
    {
      target: 'phone: other sections first figure ≤ 2.5 s',
      v: worst((r) => r.firstFigureMs / 1000),
      limit: 2.5,
      unit: ' s',
    },
    {
      target: 'phone: no task over 200 ms before a figure',
      v: phone.length ? Math.max(...phone.map((p) => median(p.runs.map((r) => r.longestTaskMs)))) : undefined,
      limit: 200,
      unit: ' ms',
    },
  ];
}
