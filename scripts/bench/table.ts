/* The full run's printed report: the table of rows, the app's lines, the targets and the machine. */
import { CONV_CALLS_PER_RUN, median } from '../../src/bench/timing';
import type { AppResult } from './app';
import type { Row } from './backend';
import type { BenchMeasured } from './benchTargets';
import { fmt } from './format';
import { networkLines } from './networkReport';
import { phoneLines } from './phoneReport';
import { targetRow, type RecordedTarget } from './targets';

/** Where the run ran, printed last and written into the `bench` section. */
export interface Environment {
  machine: { os: string; cpus: number; cpuModel?: string };
  /** "Chromium <version>" */
  browser: string;
  versions: { tfjs: string; onnxruntimeWeb: string };
  totalSeconds: number;
}

/** The full run's measurements, with what the table prints beside them. */
export interface BenchReport extends Omit<BenchMeasured, 'weightsBytes'> {
  /** the recorded accuracy (evalLines) */
  accuracy: string[];
  targets: RecordedTarget[];
  weights: { path: string; bytes: number | undefined };
  env: Environment;
}

const RULE = '-'.repeat(90);

/** The header and one line per row: item, backend, median, runs, note. */
export function rowLines(rows: Row[]): string[] {
  return [
    `${'benchmark'.padEnd(40)} ${'backend'.padEnd(9)} ${'median ms'.padStart(10)} ${'runs'.padStart(5)}  note`,
    RULE,
    ...rows.map(
      (r) =>
        `${r.item.padEnd(40)} ${r.backend.padEnd(9)} ${(r.timing ? fmt(r.timing.medianMs) : '—').padStart(10)} ${String(r.timing?.runs ?? '—').padStart(5)}  ${r.note ?? ''}`,
    ),
    RULE,
  ];
}

function firstPredictionLines(fp: number[] | undefined): string[] {
  return fp
    ? [
        `app first prediction (wasm, cold cache): median ${fmt(median(fp))} ms of ${fp.length} [${fp.map(fmt).join(', ')}]`,
      ]
    : [];
}

function overviewJsLines(app: AppResult): string[] {
  const js = app.overviewJsGzipBytes;
  return js !== undefined
    ? [
        `Overview JS before tfjs/model: ${(js / 1000).toFixed(1)} KB gzip (level 9) in ${app.overviewJs?.length} files`,
      ]
    : [];
}

export function machineLine({ machine, browser, versions, totalSeconds }: Environment): string {
  return (
    `machine: ${machine.os}, ${machine.cpus} CPUs (${machine.cpuModel ?? '?'}); ${browser}; ` +
    `tfjs ${versions.tfjs}; onnxruntime-web ${versions.onnxruntimeWeb}; total ${totalSeconds.toFixed(0)} s`
  );
}

export function benchLines(r: BenchReport): string[] {
  return [
    ...rowLines(r.rows),
    ...firstPredictionLines(r.app.firstPredictionMs),
    ...networkLines(r.network),
    ...(r.phone.length ? phoneLines(r.phone) : []),
    ...r.accuracy,
    ...overviewJsLines(r.app),
    ...(r.app.error ? [`app: failed: ${r.app.error}`] : []),
    `default weights: ${r.weights.path} ${r.weights.bytes ?? '?'} bytes`,
    '',
    'targets (one run):',
    ...r.targets.map(targetRow),
    '',
    'runs: medians after warm-up; wasm ≥ 20 runs; webgl/webgpu (SwiftShader software rendering) and cpu use fewer runs ' +
      '(time-budgeted, count in the runs column). GPU timings include reading the result back. Conv rows: per call, from runs of ' +
      `${CONV_CALLS_PER_RUN} back-to-back calls with one read-back; the filter layout is prepared once, as in the model.`,
    machineLine(r.env),
  ];
}
