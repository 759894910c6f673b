import * as tf from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { GROUPED_CONV2D, type GroupedConvAttrs } from '../groupedConvOp';
import { groupedConvGeometry } from '../groupedConvGeometry';
import { groupedConvProgram } from './groupedConvProgram';

const groupedConvWebGL: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, filter, bias } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo; bias?: tf.TensorInfo };
  const geometry = groupedConvGeometry(x, filter, bias, attrs as unknown as GroupedConvAttrs);
  const program = groupedConvProgram(geometry);
  return (backend as MathBackendWebGL).runWebGLProgram(
    program,
    bias ? [x, filter, bias] : [x, filter],
    'float32',
  );
};

/** Registers the project's grouped-conv kernel for the 'webgl' backend; calling it again does nothing. */
export function registerWebGLGroupedConv(): void {
  if (tf.getKernel(GROUPED_CONV2D, 'webgl')) return;
  tf.registerKernel({ kernelName: GROUPED_CONV2D, backendName: 'webgl', kernelFunc: groupedConvWebGL });
}
