import * as tf from '@tensorflow/tfjs-core';
import { GROUPED_CONV2D, type GroupedConvAttrs } from './groupedConvOp';
import { groupedConvGeometry, type GroupedConvGeometry } from './groupedConvGeometry';

/**
 * Registers GROUPED_CONV2D for a GPU backend whose kernel is one shader program: `makeProgram` builds it
 * from the op's geometry and `run` hands it to the backend. Calling it again does nothing.
 */
export function registerGpuGroupedConv<Backend, Program>(
  backendName: 'webgl' | 'webgpu',
  makeProgram: (g: GroupedConvGeometry) => Program,
  run: (backend: Backend, program: Program, inputs: tf.TensorInfo[]) => tf.TensorInfo,
): void {
  if (tf.getKernel(GROUPED_CONV2D, backendName)) return;
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { x, filter, bias } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo; bias?: tf.TensorInfo };
    const geometry = groupedConvGeometry(x, filter, bias, attrs as unknown as GroupedConvAttrs);
    return run(backend as Backend, makeProgram(geometry), bias ? [x, filter, bias] : [x, filter]);
  };
  tf.registerKernel({ kernelName: GROUPED_CONV2D, backendName, kernelFunc });
}
