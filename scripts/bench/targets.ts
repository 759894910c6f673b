/* A target of the README's table checked against one run: its value as printed and whether it is met. */

export interface TargetCheck {
  target: string;
  /** the measured value in `unit`; undefined when the run did not measure it */
  v: number | undefined;
  /** met when v ≤ limit */
  limit: number;
  unit: string;
  /** decimals printed (2 unless said) */
  digits?: number;
}

/** As bench/results.json records it: met is null when the run did not measure the value. */
export interface RecordedTarget {
  target: string;
  value: string;
  met: boolean | null;
}

export const recordTarget = ({ target, v, limit, unit, digits = 2 }: TargetCheck): RecordedTarget => ({
  target,
  value: v === undefined ? 'n/a' : `${v.toFixed(digits)}${unit}`,
  met: v === undefined ? null : v <= limit,
});

const mark = (met: boolean | null): string => (met === null ? '?' : met ? '✓' : '✗');

/** The line a single-part run (bench:network, bench:phone) prints: `target: … : 1.23 s ✓`. */
export function targetLine(check: TargetCheck): string {
  const r = recordTarget(check);
  return `target: ${r.target}: ${r.value}${r.met === null ? '' : ` ${mark(r.met)}`}`;
}

/** The line of the full run's table of targets. */
export const targetRow = (r: RecordedTarget): string => `  ${mark(r.met)} ${r.target.padEnd(42)} ${r.value}`;
