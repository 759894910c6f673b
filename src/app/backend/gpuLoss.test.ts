import { beforeEach, describe, expect, it, vi } from 'vitest';

type GpuLoss = typeof import('./gpuLoss');
type Tf = Parameters<GpuLoss['trackGpu']>[0];

/** A WebGL-like backend instance whose context can be lost by firing the canvas event. */
function fakeWebGl() {
  const canvas = new EventTarget();
  let lost = false;
  const gl = {
    canvas,
    isContextLost: () => lost,
    getExtension: () => ({
      loseContext() {
        lost = true;
        canvas.dispatchEvent(new Event('webglcontextlost'));
      },
    }),
  };
  return { gpgpu: { gl }, dispose: vi.fn() };
}

/** A WebGPU-like backend instance whose device.lost resolves when destroyed. */
function fakeWebGpu() {
  let resolveLost: (info: { reason: string; message: string }) => void = () => {};
  const device = {
    lost: new Promise<{ reason: string; message: string }>((r) => (resolveLost = r)),
    destroy: () => resolveLost({ reason: 'destroyed', message: 'Device was destroyed.' }),
  };
  return { device, dispose: vi.fn() };
}

/** Just enough of tfjs-core's engine: a registry of instances and of factories. */
function fakeTf(active: string, instances: Record<string, object>) {
  const registry: Record<string, object> = { ...instances };
  const registryFactory: Record<string, { factory: () => object; priority: number }> = {};
  for (const name of Object.keys(instances)) registryFactory[name] = { factory: () => ({}), priority: 2 };
  const tf = {
    engine: () => ({ registry, registryFactory }),
    getBackend: () => active,
    backend: () => registry[active],
    removeBackend: vi.fn((name: string) => {
      (registry[name] as { dispose(): void }).dispose();
      delete registry[name];
      delete registryFactory[name];
    }),
    registerBackend: vi.fn((name: string, factory: () => object, priority: number) => {
      registryFactory[name] = { factory, priority };
      return true;
    }),
  };
  return { tf, asTf: tf as unknown as Tf, registry, registryFactory };
}

let m: GpuLoss;
beforeEach(async () => {
  vi.resetModules();
  m = await import('./gpuLoss');
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('GPU loss', () => {
  it('reports a lost WebGL context once, and replaces the dead backend before it starts again', async () => {
    const webgl = fakeWebGl();
    const { tf, asTf, registryFactory } = fakeTf('webgl', { webgl });
    const factory = registryFactory.webgl.factory;
    m.trackGpu(asTf, 'webgl');
    const onLost = vi.fn();
    m.watchGpuLoss('webgl', onLost);

    // nothing lost: nothing to replace
    m.replaceLostBackend(asTf, 'webgl');
    expect(tf.removeBackend).not.toHaveBeenCalled();

    expect(m.loseGpu(asTf)).toBe('webgl');
    await flush();
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(onLost.mock.calls[0][0]).toMatch(/WebGL context lost/);

    m.replaceLostBackend(asTf, 'webgl');
    expect(webgl.dispose).toHaveBeenCalledTimes(1);
    expect(tf.registerBackend).toHaveBeenCalledWith('webgl', factory, 2);
    // replaced once only
    m.replaceLostBackend(asTf, 'webgl');
    expect(tf.removeBackend).toHaveBeenCalledTimes(1);
  });

  it('reports a destroyed WebGPU device with the browser reason', async () => {
    const { asTf } = fakeTf('webgpu', { webgpu: fakeWebGpu() });
    m.trackGpu(asTf, 'webgpu');
    const onLost = vi.fn();
    m.watchGpuLoss('webgpu', onLost);
    expect(m.loseGpu(asTf)).toBe('webgpu');
    await flush();
    expect(onLost).toHaveBeenCalledWith('WebGPU device lost (Device was destroyed.)');
  });

  it('tells a watcher that subscribes after the loss, and no one once they stop watching', async () => {
    const { asTf } = fakeTf('webgl', { webgl: fakeWebGl() });
    m.trackGpu(asTf, 'webgl');
    const stopped = vi.fn();
    const stop = m.watchGpuLoss('webgl', stopped);
    stop();
    m.loseGpu(asTf);
    await flush();
    expect(stopped).not.toHaveBeenCalled();
    const late = vi.fn();
    m.watchGpuLoss('webgl', late);
    await flush();
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('ignores a loss from an instance that was already replaced, and cannot lose WASM', async () => {
    const old = fakeWebGl();
    const { asTf, registry } = fakeTf('webgl', { webgl: old });
    m.trackGpu(asTf, 'webgl');
    registry.webgl = fakeWebGl();
    const onLost = vi.fn();
    m.watchGpuLoss('webgl', onLost);
    old.gpgpu.gl.getExtension().loseContext();
    await flush();
    expect(onLost).not.toHaveBeenCalled();

    const wasm = fakeTf('wasm', { wasm: { dispose: vi.fn() } });
    expect(m.loseGpu(wasm.asTf)).toBeNull();
  });

  it('drops a dead instance whose clean-up throws', () => {
    const webgl = fakeWebGl();
    const { tf, asTf, registryFactory } = fakeTf('webgl', { webgl });
    webgl.dispose.mockImplementationOnce(() => {
      throw new Error('context lost');
    });
    m.trackGpu(asTf, 'webgl');
    m.loseGpu(asTf);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    m.replaceLostBackend(asTf, 'webgl');
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(tf.removeBackend).toHaveBeenCalledTimes(2);
    expect(registryFactory.webgl).toBeDefined();
  });
});
