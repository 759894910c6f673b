/** Renderer names of GPUs emulated on the CPU; on these, WebAssembly is usually faster than WebGL/WebGPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render/i;

export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_RENDERER.test(description);
}
