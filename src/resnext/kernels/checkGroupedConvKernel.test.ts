import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../node/setupBackend';
import { checkGroupedConvKernel } from './checkGroupedConvKernel';
import { GROUPED_CONV2D, groupedConvOutShape, hasGroupedConvKernel } from './groupedConvOp';
import { registerBackendKernels } from './registerBackendKernels';

/** A kernel for the cpu backend that returns a constant: wrong for every input. */
function registerConstantKernel(value: number): void {
  tf.registerKernel({
    kernelName: GROUPED_CONV2D,
    backendName: 'cpu',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, filter } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
      const { stride, pad } = attrs as unknown as { stride: number; pad: number };
      const shape = groupedConvOutShape(x.shape, filter.shape, stride, pad);
      const n = shape.reduce((a, b) => a * b);
      const b = backend as unknown as {
        makeTensorInfo(s: number[], d: string, v: Float32Array): tf.TensorInfo;
      };
      return b.makeTensorInfo(shape, 'float32', new Float32Array(n).fill(value));
    },
  });
}

describe('checkGroupedConvKernel', () => {
  beforeAll(() => setupNodeBackend('cpu'));
  afterEach(async () => {
    if (hasGroupedConvKernel('cpu')) tf.unregisterKernel(GROUPED_CONV2D, 'cpu');
    await setupNodeBackend('cpu');
  });

  it('is false, and registers nothing, on a backend without a kernel', async () => {
    expect(await registerBackendKernels('cpu')).toBe(false);
    expect(await checkGroupedConvKernel()).toBe(false);
  });

  it('unregisters a kernel that computes wrong values, and leaks no tensors', async () => {
    registerConstantKernel(0.5);
    const before = tf.memory().numTensors;
    expect(await checkGroupedConvKernel()).toBe(false);
    expect(hasGroupedConvKernel('cpu')).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the wasm kernel, which agrees with one conv per group', async () => {
    await setupNodeBackend('wasm');
    expect(await registerBackendKernels('wasm')).toBe(true);
    const before = tf.memory().numTensors;
    expect(await checkGroupedConvKernel()).toBe(true);
    expect(hasGroupedConvKernel('wasm')).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
