import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PHONE } from './phone';
import { appSections, benchSection, writeResults } from './results';

const defaultModel = { path: 'm.safetensors', bytes: 1, sha256: 'b'.repeat(64) };
const stamp = { date: '2026-02-02T00:00:00.000Z', defaultModel, browser: 'Chromium 140' };
const network = [{ profile: { name: '10', downMbps: 10, upMbps: 5, latencyMs: 40 }, runs: [] }];
const phone = [{ section: 'overview' as const, runs: [] }];

let root = '';
const file = () => path.join(root, 'bench/results.json');
const read = () => JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'bench-results-'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('the sections a run writes', () => {
  it('stamp network and phone with the run and leave out the one a run did not measure', () => {
    expect(appSections(stamp, network, phone)).toEqual({
      network: { ...stamp, results: network },
      phone: { ...stamp, profile: PHONE, results: phone },
    });
    expect(Object.keys(appSections(stamp, [], phone))).toEqual(['phone']);
    expect(appSections(stamp, [], [])).toEqual({});
  });

  it('keep the bench section’s fields in the order bench/results.json has them', () => {
    const env = {
      machine: { os: 'Linux', cpus: 2 },
      browser: 'Chromium 140',
      versions: { tfjs: '4.22.0', onnxruntimeWeb: '1.22.0' },
      totalSeconds: 3,
    };
    const { bench } = benchSection(stamp, { env, info: { backends: {} }, rows: [], app: {}, targets: [] });
    expect(Object.keys(JSON.parse(JSON.stringify(bench)) as object)).toEqual([
      'date',
      'defaultModel',
      'machine',
      'browser',
      'versions',
      'backends',
      'rows',
      'app',
      'targets',
      'totalSeconds',
    ]);
  });
});

describe('writing bench/results.json', () => {
  it('replaces the fresh sections and keeps the others as they were', () => {
    const old = { date: '2026-01-01T00:00:00.000Z', defaultModel, rows: [1] };
    mkdirSync(path.dirname(file()), { recursive: true });
    writeFileSync(file(), JSON.stringify({ bench: old, network: { ...old, results: [1] } }));
    writeResults(root, appSections(stamp, network, []));
    expect(read()).toEqual({ bench: old, network: { ...stamp, results: network } });
    expect(readFileSync(file(), 'utf8').endsWith('}\n')).toBe(true);
    expect(console.log).toHaveBeenCalledWith('wrote the network section of bench/results.json');
  });

  it('creates the file, and leaves it alone when nothing was measured', () => {
    writeResults(root, {});
    expect(console.log).toHaveBeenCalledWith('nothing measured: bench/results.json left as it was');
    writeResults(root, appSections(stamp, network, phone));
    expect(Object.keys(read())).toEqual(['network', 'phone']);
    expect(console.log).toHaveBeenCalledWith('wrote the network and phone section of bench/results.json');
  });
});
