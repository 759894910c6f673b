import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupNodeBackend } from '../node/setupBackend';
import { checkGroupedConvKernel, lastKernelCheck, lastKernelCheckFailure } from './checkGroupedConvKernel';
import { GROUPED_CONV2D, groupedConvOutShape, hasGroupedConvKernel } from './groupedConvOp';
import { KERNEL_VARIANTS, kernelVariants } from './kernelVariants';
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

/**
 * A correct grouped conv on the cpu backend (plain loops, batch 1, 3×3, pad 1), except for the convs that
 * `broken` picks, where every output is off by 0.01: a variant with a bug the old single-shape check missed.
 */
function registerKernelBrokenFor(
  broken: (a: { cinG: number; stride: number; bias: boolean; relu: boolean }) => boolean,
) {
  tf.registerKernel({
    kernelName: GROUPED_CONV2D,
    backendName: 'cpu',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, filter, bias } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo; bias?: tf.TensorInfo };
      const { stride, pad, groups, activation } = attrs as unknown as {
        stride: number;
        pad: number;
        groups: number;
        activation: string;
      };
      const b = backend as unknown as {
        readSync(id: object): Float32Array;
        makeTensorInfo(s: number[], d: string, v: Float32Array): tf.TensorInfo;
      };
      const xv = b.readSync(x.dataId);
      const wv = b.readSync(filter.dataId);
      const bv = bias ? b.readSync(bias.dataId) : null;
      const [, h, w, cin] = x.shape;
      const [kh, kw, cinG, cout] = filter.shape;
      const coutG = cout / groups;
      const shape = groupedConvOutShape(x.shape, filter.shape, stride, pad);
      const [, ho, wo] = shape;
      const off = broken({ cinG, stride, bias: Boolean(bias), relu: activation === 'relu' }) ? 0.01 : 0;
      const out = new Float32Array(ho * wo * cout);
      for (let oy = 0; oy < ho; oy++)
        for (let ox = 0; ox < wo; ox++)
          for (let o = 0; o < cout; o++) {
            const g = Math.floor(o / coutG);
            let acc = bv ? bv[o] : 0;
            for (let ky = 0; ky < kh; ky++)
              for (let kx = 0; kx < kw; kx++) {
                const iy = oy * stride + ky - pad;
                const ix = ox * stride + kx - pad;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                for (let i = 0; i < cinG; i++)
                  acc += xv[(iy * w + ix) * cin + g * cinG + i] * wv[((ky * kw + kx) * cinG + i) * cout + o];
              }
            if (activation === 'relu') acc = Math.max(0, acc);
            out[(oy * wo + ox) * cout + o] = acc + off;
          }
      return b.makeTensorInfo(shape, 'float32', out);
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
    const report = lastKernelCheck();
    expect(report).toMatchObject({ backend: 'wasm', passed: true, failure: null });
    expect([...report!.variants].sort()).toEqual([...KERNEL_VARIANTS.wasm].sort());
  });

  it('drops the wasm kernel when only its generic one-vector variant is wrong, and only linear without bias', async () => {
    await setupNodeBackend('wasm');
    await registerBackendKernels('wasm');
    const right = tf.getKernel(GROUPED_CONV2D, 'wasm')!;
    tf.unregisterKernel(GROUPED_CONV2D, 'wasm');
    // a ReLU nobody asked for, in the one variant and combination the model shapes never reach
    tf.registerKernel({
      ...right,
      kernelFunc: (args) => {
        const { filter, bias } = args.inputs as { filter: tf.TensorInfo; bias?: tf.TensorInfo };
        const attrs = args.attrs as unknown as { groups: number; stride: number; activation: string };
        const [, , cinG, cout] = filter.shape;
        const shape = { cinG, coutG: cout / attrs.groups, stride: attrs.stride };
        const hit =
          kernelVariants('wasm', shape).includes('nv1-generic') && !bias && attrs.activation === 'linear';
        return right.kernelFunc(hit ? { ...args, attrs: { ...args.attrs, activation: 'relu' } } : args);
      },
    });
    try {
      expect(await checkGroupedConvKernel()).toBe(false);
      expect(hasGroupedConvKernel('wasm')).toBe(false);
      expect(lastKernelCheck()).toMatchObject({ backend: 'wasm', passed: false });
      expect(lastKernelCheckFailure()).toMatchObject({ cinG: 3, coutG: 3, hasBias: false, relu: false });
    } finally {
      if (hasGroupedConvKernel('wasm')) tf.unregisterKernel(GROUPED_CONV2D, 'wasm');
      tf.registerKernel(right);
    }
  });

  it('keeps a correct kernel on every case', async () => {
    registerKernelBrokenFor(() => false);
    expect(await checkGroupedConvKernel()).toBe(true);
    expect(lastKernelCheckFailure()).toBeNull();
  });

  it('drops a kernel wrong only in one ResNeXt-50 shape (32 per group, stride 2) and names it', async () => {
    registerKernelBrokenFor(({ cinG, stride }) => cinG === 32 && stride === 2);
    const before = tf.memory().numTensors;
    expect(await checkGroupedConvKernel()).toBe(false);
    expect(hasGroupedConvKernel('cpu')).toBe(false);
    expect(lastKernelCheckFailure()).toMatchObject({ cinG: 32, stride: 2 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('drops a kernel wrong only without bias and ReLU, a combination the models never run', async () => {
    registerKernelBrokenFor(({ bias, relu }) => !bias && !relu);
    expect(await checkGroupedConvKernel()).toBe(false);
    expect(lastKernelCheckFailure()).toMatchObject({ hasBias: false, relu: false });
  });
});
