/**
 * Registers the project's grouped-convolution kernel for a tfjs backend, loading only that backend's code.
 * Returns false for a backend without one (cpu), which keeps the best tfjs-op workaround.
 */
export async function registerGroupedConvKernel(backend: string): Promise<boolean> {
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
