import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../../../resnext/node/setupBackend';
import { blockMacs, SPEED_BLOCKS } from './speedBlocks';
import { runSpeedTest } from './speedRunner';
import { getSpeedRuns, medianOf, saveSpeedRun } from './speedStore';

beforeAll(() => setupNodeBackend('cpu'));

describe('speed test', () => {
  it('times all four blocks per size on the current backend and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const progress: [number, number][] = [];
    const run = await runSpeedTest({ sizes: [4, 2], runs: 1, onProgress: (d, t) => progress.push([d, t]) });
    expect(tf.memory().numTensors).toBe(before);
    expect(run.backend).toBe('cpu');
    expect(run.results.map((r) => `${r.block}@${r.size}`)).toEqual(
      [4, 2].flatMap((size) => SPEED_BLOCKS.map((b) => `${b}@${size}`)),
    );
    for (const r of run.results) expect(Number.isFinite(r.medianMs) && r.medianMs >= 0).toBe(true);
    expect(progress[0]).toEqual([0, 8]);
    expect(progress.at(-1)).toEqual([8, 8]);
  });

  it('the four blocks cost about the same (Figure 1: 69,632 vs 70,144 weights per position)', () => {
    const per = (b: (typeof SPEED_BLOCKS)[number]) => blockMacs(b, 56) / (56 * 56);
    expect(per('resnet')).toBe(256 * 64 + 9 * 64 * 64 + 64 * 256);
    for (const f of ['a', 'b', 'c'] as const) expect(per(f)).toBe(256 * 128 + 9 * 4 * 128 + 128 * 256);
  });

  it('keeps one run per backend; a rerun replaces it, another backend adds one', () => {
    const r = (backend: string, ms: number) => ({
      backend,
      results: [{ block: 'resnet' as const, size: 32, medianMs: ms, runs: 1 }],
    });
    saveSpeedRun(r('wasm', 3));
    saveSpeedRun(r('webgl', 2));
    saveSpeedRun(r('wasm', 4));
    const runs = getSpeedRuns();
    expect(runs.map((x) => x.backend)).toEqual(['wasm', 'webgl']);
    expect(medianOf(runs[0], 'resnet', 32)).toBe(4);
    expect(medianOf(runs[0], 'a', 32)).toBeUndefined();
  });
});
