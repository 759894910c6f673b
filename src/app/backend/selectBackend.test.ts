import { describe, expect, it } from 'vitest';
import { NoBackendError, selectBackend } from './selectBackend';
import { BackendError, type BackendDriver, type BackendName, type Probe } from './types';

type Behaviour = { probe?: Probe | Error; activate?: 'ok' | BackendError | Error; threads?: number };

const hardware: Probe = { available: true, software: false };
const swiftshader: Probe = { available: true, software: true, detail: 'ANGLE (SwiftShader Device)' };

/** A driver whose backends behave as told; every call is logged. */
function fakeDriver(behaviour: Partial<Record<BackendName, Behaviour>>) {
  const calls: string[] = [];
  const driver: BackendDriver = {
    async probe(name) {
      calls.push(`probe:${name}`);
      const p = behaviour[name]?.probe ?? hardware;
      if (p instanceof Error) throw p;
      return p;
    },
    async activate(name) {
      calls.push(`activate:${name}`);
      const a = behaviour[name]?.activate ?? 'ok';
      if (a instanceof Error) throw a;
      const threads = behaviour[name]?.threads;
      return threads === undefined ? {} : { threads };
    },
  };
  return { driver, calls };
}

const initFailed = () => new BackendError('init-failed', "tf.setBackend('x') returned false");

describe('selectBackend', () => {
  it('auto takes the fastest backend when it works', async () => {
    const { driver, calls } = fakeDriver({});
    const info = await selectBackend('auto', driver);
    expect(info).toEqual({ name: 'webgpu', reason: 'auto', fallbacks: [], software: false });
    expect(calls).toEqual(['probe:webgpu', 'activate:webgpu']);
  });

  it('auto falls back past a missing API and says which', async () => {
    const { driver } = fakeDriver({
      webgpu: { probe: { available: false, software: false, error: 'unsupported' } },
    });
    const info = await selectBackend('auto', driver);
    expect(info.name).toBe('webgl');
    expect(info.reason).toBe('fallback');
    expect(info.fallbacks).toEqual([{ name: 'webgpu', error: 'unsupported' }]);
  });

  it('auto falls back when setBackend fails or throws', async () => {
    const { driver, calls } = fakeDriver({
      webgpu: { activate: initFailed() },
      webgl: { activate: new Error('context lost') },
      wasm: { threads: 2 },
    });
    const info = await selectBackend('auto', driver);
    expect(info.name).toBe('wasm');
    expect(info.threads).toBe(2);
    expect(info.reason).toBe('fallback');
    expect(info.fallbacks.map((a) => [a.name, a.error, a.message])).toEqual([
      ['webgpu', 'init-failed', "tf.setBackend('x') returned false"],
      ['webgl', 'init-failed', 'context lost'],
    ]);
    expect(calls.filter((c) => c.startsWith('activate'))).toEqual([
      'activate:webgpu',
      'activate:webgl',
      'activate:wasm',
    ]);
  });

  it('auto prefers WASM to GPU backends on a software renderer, without starting them', async () => {
    const { driver, calls } = fakeDriver({ webgpu: { probe: swiftshader }, webgl: { probe: swiftshader } });
    const info = await selectBackend('auto', driver);
    expect(info.name).toBe('wasm');
    expect(info.reason).toBe('software-gpu');
    expect(info.fallbacks).toEqual([
      { name: 'webgpu', error: 'software', message: swiftshader.detail },
      { name: 'webgl', error: 'software', message: swiftshader.detail },
    ]);
    expect(calls).not.toContain('activate:webgpu');
    expect(calls).not.toContain('activate:webgl');
  });

  it('auto uses a software GPU backend before CPU when WASM fails', async () => {
    const { driver, calls } = fakeDriver({
      webgpu: { probe: swiftshader, activate: initFailed() },
      webgl: { probe: swiftshader },
      wasm: { activate: new BackendError('check-failed', 'got 0') },
    });
    const info = await selectBackend('auto', driver);
    expect(info.name).toBe('webgl');
    expect(info.software).toBe(true);
    expect(info.reason).toBe('fallback');
    expect(info.fallbacks.map((a) => `${a.name}:${a.error}`)).toEqual([
      'webgpu:software',
      'wasm:check-failed',
      'webgpu:init-failed',
    ]);
    expect(calls).not.toContain('activate:cpu');
  });

  it('an explicit choice is honoured even on a software renderer', async () => {
    const { driver, calls } = fakeDriver({ webgl: { probe: swiftshader } });
    const info = await selectBackend('webgl', driver);
    expect(info).toEqual({
      name: 'webgl',
      reason: 'requested',
      fallbacks: [],
      software: true,
      renderer: swiftshader.detail,
    });
    expect(calls).toEqual(['probe:webgl', 'activate:webgl']);
  });

  it('an explicit choice that fails falls back in auto order and says so', async () => {
    const { driver } = fakeDriver({
      webgpu: { probe: { available: false, software: false, error: 'no-adapter' } },
    });
    const info = await selectBackend('webgpu', driver);
    expect(info.name).toBe('webgl');
    expect(info.reason).toBe('fallback');
    expect(info.fallbacks).toEqual([{ name: 'webgpu', error: 'no-adapter' }]);
  });

  it('an explicit CPU choice probes nothing else', async () => {
    const { driver, calls } = fakeDriver({});
    const info = await selectBackend('cpu', driver);
    expect(info).toEqual({ name: 'cpu', reason: 'requested', fallbacks: [] });
    expect(calls).toEqual(['probe:cpu', 'activate:cpu']);
  });

  it('treats a probe that throws as unsupported', async () => {
    const { driver } = fakeDriver({ webgpu: { probe: new Error('boom') } });
    const info = await selectBackend('auto', driver);
    expect(info.name).toBe('webgl');
    expect(info.fallbacks).toEqual([{ name: 'webgpu', error: 'unsupported', message: 'boom' }]);
  });

  it('reports every attempt when nothing starts', async () => {
    const broken: Behaviour = { activate: initFailed() };
    const { driver } = fakeDriver({ webgpu: broken, webgl: broken, wasm: broken, cpu: broken });
    const failure = await selectBackend('auto', driver).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NoBackendError);
    expect((failure as NoBackendError).attempts.map((a) => a.name)).toEqual([
      'webgpu',
      'webgl',
      'wasm',
      'cpu',
    ]);
  });

  it('starts a backend whose GPU was lost again and says it recovered', async () => {
    const { driver, calls } = fakeDriver({ webgl: { probe: swiftshader } });
    const info = await selectBackend('webgl', driver, { lost: 'webgl' });
    expect(info.name).toBe('webgl');
    expect(info.reason).toBe('recovered');
    expect(info.lost).toBe('webgl');
    expect(calls).toEqual(['probe:webgl', 'activate:webgl']);
  });

  it('moves on from a lost backend that cannot start again', async () => {
    const { driver } = fakeDriver({ webgl: { activate: new Error('context lost') } });
    const info = await selectBackend('webgl', driver, { lost: 'webgl' });
    expect(info.name).toBe('webgpu');
    expect(info.reason).toBe('gpu-lost');
    expect(info.lost).toBe('webgl');
    expect(info.fallbacks.map((a) => `${a.name}:${a.error}`)).toEqual(['webgl:init-failed']);
  });

  it('never tries an excluded backend, even the one asked for, and lists it as lost', async () => {
    const { driver, calls } = fakeDriver({});
    const info = await selectBackend('webgl', driver, { lost: 'webgl', exclude: ['webgl', 'webgpu'] });
    expect(info.name).toBe('wasm');
    expect(info.reason).toBe('gpu-lost');
    expect(info.fallbacks).toEqual([
      { name: 'webgl', error: 'lost' },
      { name: 'webgpu', error: 'lost' },
    ]);
    expect(calls.some((c) => c.endsWith(':webgl') || c.endsWith(':webgpu'))).toBe(false);
  });
});
