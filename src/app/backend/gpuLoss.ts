import type { BackendName } from './types';

type Tf = typeof import('@tensorflow/tfjs-core');

/** The parts of tfjs's GPU backends read here: WebGL's context and WebGPU's device. */
interface GpuBackendLike {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
  device?: { lost: Promise<{ reason?: string; message?: string }>; destroy(): void };
}

type LossListener = (name: BackendName, detail: string) => void;

/** Backends whose GPU was lost: their tfjs instance is dead and must be replaced before they start again. */
const lostBackends = new Set<BackendName>();
const tracked = new WeakSet<object>();
const listeners = new Set<LossListener>();

function markLost(name: BackendName, detail: string): void {
  if (lostBackends.has(name)) return;
  lostBackends.add(name);
  for (const listener of [...listeners]) listener(name, detail);
}

/**
 * Watches the GPU of a backend tfjs has just started: a lost WebGL context (driver reset, GPU process
 * crash, too many contexts) or a lost or destroyed WebGPU device marks the backend lost, whether or not
 * it is still the one in use. CPU and WASM have nothing to lose.
 */
export function trackGpu(tf: Tf, name: BackendName): void {
  if (name !== 'webgl' && name !== 'webgpu') return;
  const instance = tf.engine().registry[name];
  if (!instance || tracked.has(instance)) return;
  tracked.add(instance);
  // A loss reported by an instance that has been replaced meanwhile concerns no one.
  const report = (detail: string) => {
    if (tf.engine().registry[name] === instance) markLost(name, detail);
  };
  const gpu = instance as unknown as GpuBackendLike;
  const gl = gpu.gpgpu?.gl;
  if (name === 'webgl' && gl) {
    if (gl.isContextLost()) report('WebGL context lost');
    else (gl.canvas as EventTarget).addEventListener('webglcontextlost', () => report('WebGL context lost'));
  }
  if (name === 'webgpu' && gpu.device) {
    void gpu.device.lost.then((info) =>
      report(
        `WebGPU device lost${info.message ? ` (${info.message})` : info.reason ? ` (${info.reason})` : ''}`,
      ),
    );
  }
}

/** Calls `onLost` once if `name` loses its GPU (at once if it has already). Returns a function that stops watching. */
export function watchGpuLoss(name: BackendName, onLost: (detail: string) => void): () => void {
  let done = false;
  const listener: LossListener = (lost, detail) => {
    if (lost !== name || done) return;
    done = true;
    listeners.delete(listener);
    onLost(detail);
  };
  listeners.add(listener);
  if (lostBackends.has(name)) queueMicrotask(() => listener(name, 'GPU lost'));
  return () => {
    done = true;
    listeners.delete(listener);
  };
}

/**
 * Before a backend whose GPU was lost starts again: removes tfjs's dead instance and registers the same
 * factory again, so the next tf.setBackend builds a new context or device. Tensors still held on the old
 * instance can be disposed afterwards as usual.
 */
export function replaceLostBackend(tf: Tf, name: BackendName): void {
  if (!lostBackends.delete(name)) return;
  const registered = tf.engine().registryFactory[name];
  if (!registered) return;
  try {
    tf.removeBackend(name);
  } catch (err) {
    // A dead context may fail to clean up; drop the instance without cleaning it.
    console.warn(`Could not dispose the lost ${name} backend:`, err);
    const dead = tf.engine().registry[name];
    if (dead) dead.dispose = () => {};
    if (name in tf.engine().registryFactory) tf.removeBackend(name);
  }
  tf.registerBackend(name, registered.factory, registered.priority);
}

/** For tests of the app in a browser: makes the running GPU backend lose its context or device. */
export function loseGpu(tf: Tf): BackendName | null {
  const name = tf.getBackend() as BackendName;
  const gpu = tf.backend() as unknown as GpuBackendLike;
  if (name === 'webgl' && gpu.gpgpu?.gl) {
    const ext = gpu.gpgpu.gl.getExtension('WEBGL_lose_context');
    if (!ext) return null;
    ext.loseContext();
    return name;
  }
  if (name === 'webgpu' && gpu.device) {
    gpu.device.destroy();
    return name;
  }
  return null;
}
