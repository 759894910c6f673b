import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { registerGpuGroupedConv } from '../registerGpuGroupedConv';
import { groupedConvProgram } from './groupedConvProgram';

/** Registers the project's grouped-conv kernel for the 'webgl' backend; calling it again does nothing. */
export function registerWebGLGroupedConv(): void {
  registerGpuGroupedConv('webgl', groupedConvProgram, (backend: MathBackendWebGL, program, inputs) =>
    backend.runWebGLProgram(program, inputs, 'float32'),
  );
}
