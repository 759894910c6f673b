/**
 * Registers the project's own kernels for a tfjs backend (grouped convolution), loading only that backend's
 * code. Returns false for a backend without a grouped-conv kernel (cpu), which
 * keeps the best tfjs-op workaround.
 */
export async function registerBackendKernels(backend: string): Promise<boolean> {
  switch (backend) {
    case 'wasm':
      await (await import('./wasm/wasmGroupedConvKernel')).registerWasmGroupedConv();
      return true;
    case 'webgl':
      (await import('./webgl/registerWebGLGroupedConv')).registerWebGLGroupedConv();
      return true;
    case 'webgpu':
      (await import('./webgpu/registerWebGPUGroupedConv')).registerWebGPUGroupedConv();
      return true;
    default:
      return false;
  }
}
