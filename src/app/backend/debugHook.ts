import type { MemoryInfo, Tensor, Tensor1D, Tensor4D } from '@tensorflow/tfjs-core';
import { loseGpu } from './gpuLoss';
import { groupedConvStartup, type GroupedConvStartup } from './startTfjs';
import type { BackendName } from './types';
import { inferenceClient } from '../worker/inference';
import type { InferenceState } from '../worker/inferenceClient';
import type { MemoryResult } from '../worker/protocol';

/**
 * A window onto TensorFlow.js for the browser tests: tensor and byte counts, and a way to simulate a lost
 * GPU. It exposes nothing about the reader, and exists only in the tests' bundle (src/app/backend/testHooks.ts).
 */
export interface ResnextDebug {
  /** tf.memory(): live tensors and bytes on the active backend */
  memory(): MemoryInfo;
  /** tf.getBackend() */
  backend(): string;
  /** Loses the WebGL context or destroys the WebGPU device; returns the backend hit, or null on CPU/WASM. */
  loseGpu(): BackendName | null;
  /**
   * What the app decided about its grouped-conv kernel when the active backend started on the page (the start-up
   * check's cases, variants and verdict, and whether the kernel stayed), and whether a kernel of ours is
   * registered for the active backend now. Read it before checkGroupedConv, which registers the kernel again.
   */
  groupedConvStartup(): Promise<(GroupedConvStartup & { registeredNow: boolean }) | null>;
  /**
   * Runs the project's grouped-conv kernel on the active backend (registering the WebGL or WebGPU one if
   * needed) against the slice-and-conv2d oracle, and times both (plus the slice strategy, and a dense conv
   * when asked) over `runs` runs (default 1; 0 compares without timing). Disposes every tensor it makes.
   */
  checkGroupedConv(cases: GroupedConvCase[], options?: { runs?: number }): Promise<GroupedConvCheck[]>;
  /** The inference worker's state (src/app/worker/inferenceClient.ts) and what it has answered. */
  inference(): InferenceState & { answered: { classify: number; blockInput: number } };
  /** tf.memory() in the inference worker, or null while there is none. */
  workerMemory(): Promise<MemoryResult | null>;
}

export interface GroupedConvCase {
  /** input [N,H,W,Cin] */
  xShape: [number, number, number, number];
  groups: number;
  /** output channels per group */
  coutG: number;
  kernelSize: number;
  stride: number;
  pad: number;
  bias: boolean;
  activation: 'linear' | 'relu';
  /** times a dense conv with these [in, out] channels on the same input size too */
  dense?: [number, number];
}

export interface GroupedConvCheck {
  kernelShape: number[];
  oracleShape: number[];
  /** max |kernel − oracle| */
  maxAbsDiff: number;
  /** max |oracle|, the scale maxAbsDiff is measured against */
  maxAbsOracle: number;
  /** medians over `runs` runs after one warm-up, each ended by reading the result back (null: runs 0) */
  kernelMs: number | null;
  oracleMs: number | null;
  sliceMs: number | null;
  denseMs: number | null;
}

type Tf = typeof import('@tensorflow/tfjs-core');

declare global {
  interface Window {
    __resnextDebug?: ResnextDebug;
  }
}

/** Puts `window.__resnextDebug` in place once TensorFlow.js is loaded. */
export async function installDebugHook(): Promise<void> {
  if (!__TEST_HOOKS__ || typeof window === 'undefined' || window.__resnextDebug) return;
  const tf = await import('@tensorflow/tfjs-core');
  window.__resnextDebug = {
    memory: () => tf.memory(),
    backend: () => tf.getBackend(),
    loseGpu: () => loseGpu(tf),
    groupedConvStartup: async () => {
      const decision = groupedConvStartup();
      if (!decision) return null;
      const { hasGroupedConvKernel } = await import('../../resnext/kernels/groupedConvOp');
      return { ...decision, registeredNow: hasGroupedConvKernel(tf.getBackend()) };
    },
    checkGroupedConv: (cases, options) => checkGroupedConv(tf, cases, options?.runs ?? 1),
    inference: () => ({ ...inferenceClient().getState(), answered: inferenceClient().answered() }),
    workerMemory: () => inferenceClient().memory(),
  };
}

async function registerGpuGroupedConv(backend: string): Promise<void> {
  if (backend === 'webgl') {
    (await import('../../resnext/kernels/webgl/registerWebGLGroupedConv')).registerWebGLGroupedConv();
  } else if (backend === 'webgpu') {
    (await import('../../resnext/kernels/webgpu/registerWebGPUGroupedConv')).registerWebGPUGroupedConv();
  }
}

async function checkGroupedConv(tf: Tf, cases: GroupedConvCase[], runs: number): Promise<GroupedConvCheck[]> {
  const backend = tf.getBackend();
  await registerGpuGroupedConv(backend);
  const { hasGroupedConvKernel, runGroupedConvKernel } = await import('../../resnext/kernels/groupedConvOp');
  const { groupedConv2dNaive, prepareGroupedConv } = await import('../../resnext/groupedConv');
  if (!hasGroupedConvKernel(backend)) throw new Error(`no grouped-conv kernel on ${backend}`);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  // Round-robin, so a busy machine slows every contender alike.
  const timeEach = async (fns: (() => Tensor)[]): Promise<number[]> => {
    const times = fns.map((): number[] => []);
    for (let i = 0; i <= runs; i++) {
      for (const [j, run] of fns.entries()) {
        const t0 = performance.now();
        const y = run();
        await y.data();
        if (i > 0) times[j].push(performance.now() - t0);
        y.dispose();
      }
    }
    return times.map(median);
  };

  const results: GroupedConvCheck[] = [];
  for (const [i, c] of cases.entries()) {
    const { groups, stride, pad, activation, kernelSize: k } = c;
    const cinG = c.xShape[3] / groups;
    const cout = c.coutG * groups;
    const x = tf.randomNormal(c.xShape, 0, 1, 'float32', 11 + i) as Tensor4D;
    const filter = tf.tidy(() =>
      tf.mul(tf.randomNormal([k, k, cinG, cout], 0, 1, 'float32', 23 + i), 1 / Math.sqrt(k * k * cinG)),
    ) as Tensor4D;
    const bias = c.bias ? (tf.randomNormal([cout], 0, 1, 'float32', 37 + i) as Tensor1D) : undefined;
    const prepared = prepareGroupedConv(filter, groups, bias);
    const dense = c.dense && {
      x: tf.randomNormal(
        [c.xShape[0], c.xShape[1], c.xShape[2], c.dense[0]],
        0,
        1,
        'float32',
        41 + i,
      ) as Tensor4D,
      w: tf.randomNormal([k, k, c.dense[0], c.dense[1]], 0, 1, 'float32', 43 + i) as Tensor4D,
    };
    try {
      const runKernel = () => runGroupedConvKernel(x, filter, { groups, stride, pad, activation }, bias);
      const runOracle = () =>
        tf.tidy(() => {
          let y: Tensor = groupedConv2dNaive(x, filter, groups, stride, pad);
          if (bias) y = tf.add(y, bias);
          return activation === 'relu' ? tf.relu(y) : y;
        });
      const got = runKernel();
      const want = runOracle();
      const [diff, scale] = tf.tidy(() => [tf.max(tf.abs(tf.sub(got, want))), tf.max(tf.abs(want))]);
      const [maxAbsDiff, maxAbsOracle] = [(await diff.data())[0], (await scale.data())[0]];
      const check = { kernelShape: got.shape, oracleShape: want.shape, maxAbsDiff, maxAbsOracle };
      tf.dispose([got, want, diff, scale]);
      const runSlice = () => prepared.apply(x, stride, pad, activation, 'slice');
      const runDense = dense && (() => tf.conv2d(dense.x, dense.w, stride, pad));
      const [kernelMs = null, oracleMs = null, sliceMs = null, denseMs = null] =
        runs > 0
          ? await timeEach(
              runDense ? [runKernel, runOracle, runSlice, runDense] : [runKernel, runOracle, runSlice],
            )
          : [];
      results.push({ ...check, kernelMs, oracleMs, sliceMs, denseMs });
    } finally {
      prepared.dispose();
      tf.dispose([x, filter, ...(bias ? [bias] : []), ...(dense ? [dense.x, dense.w] : [])]);
    }
  }
  return results;
}
