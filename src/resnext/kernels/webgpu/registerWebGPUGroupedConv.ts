import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { registerGpuGroupedConv } from '../registerGpuGroupedConv';
import { groupedConvProgram } from './groupedConvProgram';

/** Registers the project's grouped-conv kernel for the 'webgpu' backend; calling it again does nothing. */
export function registerWebGPUGroupedConv(): void {
  registerGpuGroupedConv('webgpu', groupedConvProgram, (backend: WebGPUBackend, program, inputs) =>
    backend.runWebGPUProgram(program, inputs, 'float32'),
  );
}
