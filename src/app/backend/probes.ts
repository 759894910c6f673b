import { isSoftwareRenderer } from './softwareRenderer';
import type { BackendName, Probe } from './types';

/** The parts of the WebGPU API read here (not every TypeScript DOM library declares them yet). */
interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuAdapterLike {
  info?: GpuAdapterInfoLike;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

async function probeWebGpu(): Promise<Probe> {
  const gpu = (navigator as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) return { available: false, software: false, error: 'unsupported' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { available: false, software: false, error: 'no-adapter' };
  const info = adapter.info ?? {};
  const detail = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  const software = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || isSoftwareRenderer(detail);
  return { available: true, software, ...(detail ? { detail } : {}) };
}

function probeWebGl(): Probe {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return { available: false, software: false, error: 'unsupported' };
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debugInfo ? debugInfo.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return { available: true, software: isSoftwareRenderer(renderer), detail: renderer };
}

function probeWasm(): Probe {
  const ok = typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
  return ok
    ? { available: true, software: false }
    : { available: false, software: false, error: 'unsupported' };
}

const cache = new Map<BackendName, Promise<Probe>>();

/** What the browser offers for a backend; asked once per page, since the answer does not change. */
export function probeBackend(name: BackendName): Promise<Probe> {
  let found = cache.get(name);
  if (!found) {
    found = (async () => {
      switch (name) {
        case 'webgpu':
          return probeWebGpu();
        case 'webgl':
          return probeWebGl();
        case 'wasm':
          return probeWasm();
        case 'cpu':
          return { available: true, software: false };
      }
    })();
    cache.set(name, found);
  }
  return found;
}
