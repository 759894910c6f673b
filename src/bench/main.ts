import * as tf from '@tensorflow/tfjs-core';
import { tfjsDriver } from '../app/backend/tfjsDriver';
import type { BackendName } from '../app/backend/types';
import { disposeBlockWeights, randomBlockWeights } from '../resnext/blockWeights';
import { runFormA, runFormB, runFormC } from '../resnext/forms';
import {
  groupedConvStrategyByBackend,
  prepareGroupedConv,
  strategyFor,
  type GroupedConvStrategy,
} from '../resnext/groupedConv';
import { loadModelFromManifest } from '../resnext/modelFromManifest';
import type { ResNeXtModel } from '../resnext/model';
import { CONV_CALLS_PER_RUN, timeIt, timePair, type Timing, type TimingOptions } from './timing';

/*
 * Benchmark page (bench.html), driven by scripts/bench/run.ts through window.__bench. Every timed run ends
 * with a read-back of its output, so GPU work is finished when the clock stops.
 */

type OrtModule = typeof import('onnxruntime-web');

let model: ResNeXtModel | null = null;
let threads: number | undefined;

/** Deterministic pseudo-normal values (LCG + Box-Muller), so every backend and ORT see the same input. */
function pseudoNormal(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
  return out;
}

const INPUT_NHWC = pseudoNormal(32 * 32 * 3, 7);

function nchw(x: Float32Array, h: number, w: number, c: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let y = 0; y < h; y++)
    for (let xx = 0; xx < w; xx++)
      for (let k = 0; k < c; k++) out[k * h * w + y * w + xx] = x[(y * w + xx) * c + k];
  return out;
}

async function init(name: BackendName): Promise<{ backend: string; threads?: number; isolated: boolean }> {
  const info = await tfjsDriver.activate(name);
  threads = info.threads;
  return { backend: tf.getBackend(), threads, isolated: crossOriginIsolated };
}

async function loadDefaultModel(): Promise<void> {
  model?.dispose();
  model = (await loadModelFromManifest('/models/manifest.json')).model;
}

async function predictOnce(): Promise<Float32Array> {
  if (!model) throw new Error('model not loaded');
  const m = model;
  const logits = tf.tidy(() => m.predict(tf.tensor4d(INPUT_NHWC, [1, 32, 32, 3])));
  try {
    return (await logits.data()) as Float32Array;
  } finally {
    logits.dispose();
  }
}

async function benchModel(opts: TimingOptions): Promise<{ timing: Timing; logits: number[] }> {
  if (!model) await loadDefaultModel();
  const logits = Array.from(await predictOnce());
  const timing = await timeIt(async () => void (await predictOnce()), opts);
  return { timing, logits };
}

function perCall(t: Timing, calls: number): Timing {
  return { ...t, medianMs: t.medianMs / calls, minMs: t.minMs / calls };
}

/** One conv (grouped or dense) on a random input; filter and input stay resident between runs. */
async function benchConv(
  shape: [number, number, number, number],
  filterShape: [number, number, number, number],
  groups: number,
  opts: TimingOptions,
  strategy?: GroupedConvStrategy,
): Promise<Timing> {
  const x = tf.tensor4d(
    pseudoNormal(
      shape.reduce((a, b) => a * b),
      1,
    ),
    shape,
  );
  const f = tf.tensor4d(
    pseudoNormal(
      filterShape.reduce((a, b) => a * b),
      2,
    ),
    filterShape,
  );
  try {
    // As in the model: the filter layout is prepared once, outside the timed calls.
    const conv = groups > 1 ? prepareGroupedConv(f, groups) : undefined;
    conv?.warm(strategy);
    const once = () => (conv ? conv.apply(x, 1, 1, 'linear', strategy) : tf.conv2d(x, f, 1, 'same'));
    try {
      const t = await timeIt(async () => {
        // Back-to-back calls with one read-back at the end, so the result's copy out of the backend
        // (4× larger for the grouped conv than for its dense yardstick) does not dominate a 1 ms op.
        for (let i = 1; i < CONV_CALLS_PER_RUN; i++) once().dispose();
        const y = once();
        await y.data();
        y.dispose();
      }, opts);
      return perCall(t, CONV_CALLS_PER_RUN);
    } finally {
      conv?.dispose();
    }
  } finally {
    x.dispose();
    f.dispose();
  }
}

async function benchForms(opts: TimingOptions): Promise<Record<'a' | 'b' | 'c', Timing>> {
  const w = randomBlockWeights(256, 256, 32, 4, 11);
  const x = tf.tensor4d(pseudoNormal(32 * 32 * 256, 3), [1, 32, 32, 256]);
  const runners = { a: runFormA, b: runFormB, c: runFormC };
  const out: Partial<Record<'a' | 'b' | 'c', Timing>> = {};
  try {
    for (const [k, run] of Object.entries(runners) as ['a' | 'b' | 'c', typeof runFormA][]) {
      out[k] = await timeIt(async () => {
        const y = run(x, w);
        await y.data();
        y.dispose();
      }, opts);
    }
  } finally {
    x.dispose();
    disposeBlockWeights(w);
  }
  return out as Record<'a' | 'b' | 'c', Timing>;
}

/** onnxruntime-web (wasm EP) on the exported ONNX file; its scripts and binaries are served from /ort/. */
async function benchOrt(
  numThreads: number,
  expected: number[],
  tolerance: number,
  opts: TimingOptions,
): Promise<{
  timing: Timing;
  tfjsTiming: Timing;
  maxAbsDiff: number;
  version: string;
  threads: number;
}> {
  const ort = (await import(/* @vite-ignore */ `${location.origin}/ort/ort.wasm.min.mjs`)) as OrtModule;
  ort.env.wasm.wasmPaths = '/ort/';
  ort.env.wasm.numThreads = numThreads;
  ort.env.wasm.simd = true;
  const session = await ort.InferenceSession.create('/ort/resnext29_32x4d.onnx', {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  const input = nchw(INPUT_NHWC, 32, 32, 3);
  const runOnce = async (): Promise<Float32Array> => {
    const feeds = { input: new ort.Tensor('float32', input, [1, 3, 32, 32]) };
    const out = await session.run(feeds);
    return out.logits.data as Float32Array;
  };
  const logits = await runOnce();
  const maxAbsDiff = Math.max(...expected.map((v, i) => Math.abs(v - logits[i])));
  if (!(logits.length === expected.length && maxAbsDiff <= tolerance)) {
    await session.release();
    throw new Error(`onnxruntime-web logits differ from tfjs by ${maxAbsDiff} (> ${tolerance})`);
  }
  // Interleaved with our own predict, so both see the same machine load.
  const [tfjsTiming, timing] = await timePair(
    async () => void (await predictOnce()),
    async () => void (await runOnce()),
    opts,
  );
  await session.release();
  return {
    timing,
    tfjsTiming,
    maxAbsDiff,
    version: ort.env.versions.web ?? 'unknown',
    threads: ort.env.wasm.numThreads ?? numThreads,
  };
}

/** Grouped-conv strategies worth timing here: the one in use first, then the best tfjs-op workaround. */
function groupedStrategies(): GroupedConvStrategy[] {
  const inUse = strategyFor();
  const workaround = groupedConvStrategyByBackend[tf.getBackend()] ?? 'slice';
  return inUse === workaround ? [inUse] : [inUse, workaround];
}

function memory(): number {
  return tf.memory().numTensors;
}

const api = {
  init,
  loadDefaultModel,
  benchModel,
  benchConv,
  groupedStrategies,
  benchForms,
  benchOrt,
  memory,
  tfVersion: tf.version_core,
};
export type BenchApi = typeof api;
(window as unknown as { __bench: BenchApi }).__bench = api;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
