import { describe, expect, it } from 'vitest';
import type { Row } from './backend';
import { benchLines, machineLine, rowLines, type BenchReport } from './table';

const timing = (medianMs: number, runs: number) => ({ medianMs, minMs: medianMs, runs, warmup: 1 });

const env: BenchReport['env'] = {
  machine: { os: 'Linux 6.1 x64', cpus: 2 },
  browser: 'Chromium 140.0.1',
  versions: { tfjs: '4.22.0', onnxruntimeWeb: '1.22.0' },
  totalSeconds: 61.6,
};

describe('the printed table', () => {
  it('pads each row into its columns, two decimals under 100 ms, a dash where nothing was timed', () => {
    const rows: Row[] = [
      {
        item: 'ResNeXt-29 32×4d predict',
        backend: 'wasm',
        timing: timing(83.4074, 30),
        note: 'threads=1, SIMD',
      },
      { item: 'grouped 3×3 32×8 @16×16×256', backend: 'webgl', timing: timing(130.5, 5) },
      { item: 'backend', backend: 'webgpu', note: 'stopped after 120 s' },
    ];
    const rule = '-'.repeat(90);
    expect(rowLines(rows)).toEqual([
      'benchmark                                backend    median ms  runs  note',
      rule,
      'ResNeXt-29 32×4d predict                 wasm           83.41    30  threads=1, SIMD',
      'grouped 3×3 32×8 @16×16×256              webgl            131     5  ',
      'backend                                  webgpu             —     —  stopped after 120 s',
      rule,
    ]);
  });

  it('names the machine, the browser, the versions and the whole time', () => {
    expect(machineLine(env)).toBe(
      'machine: Linux 6.1 x64, 2 CPUs (?); Chromium 140.0.1; tfjs 4.22.0; onnxruntime-web 1.22.0; total 62 s',
    );
  });

  it('prints the app, the accuracy, the weights and the targets after the rows, in that order', () => {
    const lines = benchLines({
      rows: [],
      app: { firstPredictionMs: [1200, 900.5, 1500], overviewJs: [], overviewJsGzipBytes: 1234 },
      network: [],
      phone: [],
      accuracy: ['recorded accuracy: …'],
      targets: [
        { target: 'first prediction ≤ 3 s', value: '1.20 s', met: true },
        { target: 'tfjs-wasm / onnxruntime-web wasm ≤ 1.0×', value: '1.05×', met: false },
        { target: 'phone: Overview first figure ≤ 1.5 s', value: 'n/a', met: null },
      ],
      weights: { path: 'm.i8.safetensors', bytes: 4918948 },
      env,
    });
    expect(lines.slice(3, 13)).toEqual([
      'app first prediction (wasm, cold cache): median 1200 ms of 3 [1200, 901, 1500]',
      'recorded accuracy: …',
      'Overview JS before tfjs/model: 1.2 KB gzip (level 9) in 0 files',
      'default weights: m.i8.safetensors 4918948 bytes',
      '',
      'targets (one run):',
      '  ✓ first prediction ≤ 3 s                     1.20 s',
      '  ✗ tfjs-wasm / onnxruntime-web wasm ≤ 1.0×    1.05×',
      '  ? phone: Overview first figure ≤ 1.5 s       n/a',
      '',
    ]);
    expect(lines.at(-1)).toBe(machineLine(env));
  });

  it('says when the app failed and leaves out what it did not measure', () => {
    const lines = benchLines({
      rows: [],
      app: { error: 'Error: timeout' },
      network: [],
      phone: [],
      accuracy: [],
      targets: [],
      weights: { path: 'm.safetensors', bytes: undefined },
      env,
    });
    expect(lines.slice(3, 6)).toEqual([
      'app: failed: Error: timeout',
      'default weights: m.safetensors ? bytes',
      '',
    ]);
  });
});
