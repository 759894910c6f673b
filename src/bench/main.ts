import * as tf from '@tensorflow/tfjs-core';
import { tfjsDriver } from '../app/backend/tfjsDriver';
import type { BackendName } from '../app/backend/types';
import { disposeBlockWeights, randomBlockWeights } from '../resnext/blockWeights';
import { runFormA, runFormB, runFormC } from '../resnext/forms';
import { loadModelFromManifest } from '../resnext/modelFromManifest';
import type { ResNeXtModel } from '../resnext/model';
import { benchConv, groupedStrategies, pseudoNormal } from './conv';
import { timeIt, timePair, type Timing, type TimingOptions } from './timing';
import { LAB_BATCH, measureSteps } from '../resnext/train/labRun';
import { labParamCount, labSpecFor } from '../resnext/train/labSpec';

/*
 * Benchmark page (bench.html), driven by scripts/bench/run.ts through window.__bench. Every timed run ends
 * with a read-back of its output, so GPU work is finished when the clock stops.
 */

type OrtModule = typeof import('onnxruntime-web');

let model: ResNeXtModel | null = null;
let threads: number | undefined;

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

/**
 * Training steps per second of the lab's equal-complexity networks (src/resnext/train/), per C, on the active
 * backend: one warm-up step, then the median of `steps` timed steps of LAB_BATCH random pictures (each step
 * ends with its loss read back).
 */
async function benchTrainSteps(
  cs: number[] = [1, 2, 4, 8],
  steps = 5,
): Promise<
  {
    c: number;
    d: number;
    params: number;
    batch: number;
    firstMs: number;
    stepMs: number;
    stepsPerSecond: number;
  }[]
> {
  const out = [];
  for (const c of cs) {
    const spec = labSpecFor(c);
    const t = await measureSteps(c, steps);
    out.push({
      c,
      d: spec.d,
      params: labParamCount(spec),
      batch: LAB_BATCH,
      firstMs: t.firstMs,
      stepMs: t.stepMs,
      stepsPerSecond: 1000 / t.stepMs,
    });
  }
  return out;
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
  benchTrainSteps,
  memory,
  tfVersion: tf.version_core,
};
export type BenchApi = typeof api;
(window as unknown as { __bench: BenchApi }).__bench = api;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
