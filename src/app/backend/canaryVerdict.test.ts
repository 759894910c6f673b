import { describe, expect, it } from 'vitest';
import { canaryVerdict } from './canaryVerdict';
import { selectBackend } from './selectBackend';
import type { BackendDriver, BackendName } from './types';

/** A driver on which every backend starts; the started ones are logged. */
function driver() {
  const started: BackendName[] = [];
  const d: BackendDriver = {
    probe: async () => ({ available: true, software: false }),
    activate: async (name) => {
      started.push(name);
      return {};
    },
  };
  return { driver: d, started };
}

describe('canaryVerdict', () => {
  it('trusts a backend within the tolerance', () => {
    expect(canaryVerdict('webgl', { maxAbsDiff: 3e-6, top1Matches: true })).toEqual({ action: 'trust' });
    expect(canaryVerdict('wasm', { maxAbsDiff: 0.01, top1Matches: true })).toEqual({ action: 'trust' });
  });

  it('gives up on a backend beyond it, with what was measured', () => {
    expect(canaryVerdict('wasm', { maxAbsDiff: 0.0125, top1Matches: true })).toEqual({
      action: 'fall-back',
      attempt: {
        name: 'wasm',
        error: 'canary',
        maxAbsDiff: 0.0125,
        message: 'max |logit − PyTorch| = 0.0125',
      },
    });
    const nan = canaryVerdict('webgpu', { maxAbsDiff: NaN, top1Matches: false });
    expect(nan).toMatchObject({ action: 'fall-back', attempt: { name: 'webgpu', error: 'canary' } });
    expect(nan.action === 'fall-back' && nan.attempt.message).toBe(
      'max |logit − PyTorch| = NaN, top class differs',
    );
  });

  it('keeps CPU, which nothing comes after, and warns', () => {
    expect(canaryVerdict('cpu', { maxAbsDiff: 2, top1Matches: false })).toEqual({ action: 'warn' });
  });
});

describe('falling back after a failed canary', () => {
  it('starts the next backend in order and says why', async () => {
    const verdict = canaryVerdict('webgpu', { maxAbsDiff: 0.5, top1Matches: true });
    if (verdict.action !== 'fall-back') throw new Error('expected a fall-back');
    const { driver: d, started } = driver();
    const info = await selectBackend('auto', d, { failed: [verdict.attempt] });
    expect(info.name).toBe('webgl');
    expect(info.reason).toBe('canary');
    expect(info.fallbacks).toEqual([verdict.attempt]);
    expect(started).toEqual(['webgl']);
  });

  it('passes over a requested backend that failed, and every earlier failure too', async () => {
    const fail = (name: BackendName) => {
      const v = canaryVerdict(name, { maxAbsDiff: 1, top1Matches: false });
      if (v.action !== 'fall-back') throw new Error('expected a fall-back');
      return v.attempt;
    };
    const { driver: d, started } = driver();
    const info = await selectBackend('wasm', d, { failed: [fail('webgl'), fail('wasm'), fail('wasm')] });
    expect(info.name).toBe('webgpu');
    expect(info.reason).toBe('canary');
    expect(info.fallbacks.map((a) => `${a.name}:${a.error}`)).toEqual(['webgl:canary', 'wasm:canary']);
    expect(started).toEqual(['webgpu']);
    const { driver: d2, started: started2 } = driver();
    const last = await selectBackend('auto', d2, { failed: [fail('webgpu'), fail('webgl'), fail('wasm')] });
    expect(last.name).toBe('cpu');
    expect(started2).toEqual(['cpu']);
  });

  it('a lost GPU still says so first', async () => {
    const { driver: d } = driver();
    const info = await selectBackend('auto', d, {
      lost: 'webgpu',
      exclude: ['webgpu'],
      failed: [{ name: 'webgl', error: 'canary', maxAbsDiff: 1 }],
    });
    expect(info.name).toBe('wasm');
    expect(info.reason).toBe('gpu-lost');
  });
});
