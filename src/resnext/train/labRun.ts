import * as tf from '@tensorflow/tfjs-core';
import { LAB_SGD, LabNet, initLabWeights } from './labNet';
import { labSpecFor, type LabSpec } from './labSpec';
import { makeRng, shuffled } from './rng';

/**
 * The lab's experiment: for every seed and every cardinality, a network trained from a seeded initialisation
 * on the same training pictures in a seeded order, its held-out accuracy measured after every epoch.
 */

/** CIFAR-10's per-channel mean and standard deviation (of the training split), as the project's models use. */
const LAB_MEAN = [0.4914, 0.4822, 0.4465] as const;
const LAB_STD = [0.247, 0.2435, 0.2616] as const;
export const LAB_BATCH = 32;

export interface LabSettings {
  cs: number[];
  seeds: number;
  epochs: number;
  images: number;
}

/** Held-out pictures for a run on `images` training pictures: 40% of them, between 256 and 2,000. */
export const labHeldOut = (images: number): number => Math.max(256, Math.min(2000, Math.round(images * 0.4)));

/** Pictures as RGB bytes, 32×32 each, with their labels. */
export interface LabImages {
  pixels: Uint8Array;
  labels: Uint8Array;
}

const labImageCount = (d: LabImages): number => d.labels.length;

/** Normalised NHWC float32 pictures `order[from … to)` of `data`. */
function labBatch(data: LabImages, order: ArrayLike<number>, from: number, to: number): Float32Array {
  const n = to - from;
  const out = new Float32Array(n * 3072);
  for (let b = 0; b < n; b++) {
    const src = order[from + b] * 3072;
    const dst = b * 3072;
    for (let p = 0; p < 3072; p++) {
      const ch = p % 3;
      out[dst + p] = (data.pixels[src + p] / 255 - LAB_MEAN[ch]) / LAB_STD[ch];
    }
  }
  return out;
}

export const stepsPerEpoch = (images: number, batch = LAB_BATCH): number => Math.ceil(images / batch);

/** The learning rate at step t of T: LAB_SGD.lr on a half cosine down to 0. */
const labLr = (t: number, total: number): number =>
  LAB_SGD.lr * 0.5 * (1 + Math.cos((Math.PI * t) / Math.max(total, 1)));

interface RunId {
  c: number;
  seed: number;
}

export interface StepEvent extends RunId {
  epoch: number;
  step: number;
  steps: number;
  loss: number;
  ms: number;
}

export interface EpochEvent extends RunId {
  epoch: number;
  acc: number;
}

export interface RunResult extends RunId {
  d: number;
  acc: number;
  /** mean training loss of the first k steps and of the last k (k = a quarter of the steps, 1 to 5) */
  lossFirst: number;
  lossLast: number;
  /** median time of a training step, the first step (warm-up) left out */
  stepMs: number;
  steps: number;
  ms: number;
}

interface LabControl {
  /** resolves when training may go on (paused: when resumed) */
  gate(): Promise<void>;
  /** true once the reader stopped the experiment */
  stopped(): boolean;
}

const freeRunning: LabControl = { gate: () => Promise.resolve(), stopped: () => false };

const median = (v: number[]): number => {
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface TrainOptions {
  spec: LabSpec;
  seed: number;
  epochs: number;
  train: LabImages;
  heldOut: LabImages;
  control?: LabControl;
  onStep?: (e: StepEvent) => void;
  onEpoch?: (e: EpochEvent) => void;
  now?: () => number;
}

/** Trains one network; null when stopped. Leaves no tensor behind. */
export async function trainRun(o: TrainOptions): Promise<RunResult | null> {
  const control = o.control ?? freeRunning;
  const now = o.now ?? (() => performance.now());
  const { spec, seed } = o;
  const id = { c: spec.c, seed };
  const net = new LabNet(spec, initLabWeights(spec, seed));
  const n = labImageCount(o.train);
  const perEpoch = stepsPerEpoch(n);
  const total = perEpoch * o.epochs;
  const heldOrder = Int32Array.from({ length: labImageCount(o.heldOut) }, (_, i) => i);
  const stepMs: number[] = [];
  const losses: number[] = [];
  let acc = 0;
  const start = now();
  try {
    const rng = makeRng(seed * 7919 + 1);
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = shuffled(n, rng);
      for (let s = 0; s < perEpoch; s++) {
        await control.gate();
        if (control.stopped()) return null;
        const from = s * LAB_BATCH;
        const to = Math.min(n, from + LAB_BATCH);
        const labels = new Int32Array(to - from);
        for (let i = from; i < to; i++) labels[i - from] = o.train.labels[order[i]];
        const t0 = now();
        const x = tf.tensor4d(labBatch(o.train, order, from, to), [to - from, 32, 32, 3]);
        let loss: number;
        try {
          loss = await net.trainStep(x, labels, LAB_SGD, labLr(epoch * perEpoch + s, total));
        } finally {
          x.dispose();
        }
        const ms = now() - t0;
        stepMs.push(ms);
        losses.push(loss);
        o.onStep?.({ ...id, epoch, step: epoch * perEpoch + s + 1, steps: total, loss, ms });
      }
      acc = await evaluate(net, o.heldOut, heldOrder, control);
      if (control.stopped()) return null;
      o.onEpoch?.({ ...id, epoch, acc });
    }
  } finally {
    net.dispose();
  }
  const k = Math.max(1, Math.min(5, Math.floor(losses.length / 4)));
  const meanOf = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  return {
    ...id,
    d: spec.d,
    acc,
    lossFirst: meanOf(losses.slice(0, k)),
    lossLast: meanOf(losses.slice(-k)),
    stepMs: median(stepMs.length > 1 ? stepMs.slice(1) : stepMs),
    steps: total,
    ms: now() - start,
  };
}

async function evaluate(
  net: LabNet,
  data: LabImages,
  order: Int32Array,
  control: LabControl,
): Promise<number> {
  const n = order.length;
  let right = 0;
  const batch = 250;
  for (let i = 0; i < n; i += batch) {
    await control.gate();
    if (control.stopped()) return 0;
    const to = Math.min(n, i + batch);
    const x = tf.tensor4d(labBatch(data, order, i, to), [to - i, 32, 32, 3]);
    try {
      right += await net.correct(x, data.labels.subarray(i, to));
    } finally {
      x.dispose();
    }
  }
  return right / n;
}

/** Times of a few training steps of one setting on random pictures: the warm-up step and the median of the rest. */
export async function measureSteps(
  c: number,
  steps = 3,
): Promise<{ firstMs: number; stepMs: number; evalMsPerImage: number }> {
  const spec = labSpecFor(c);
  const net = new LabNet(spec, initLabWeights(spec, 0));
  const rng = makeRng(c);
  const pixels = new Uint8Array(LAB_BATCH * 3072);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(rng.next() * 256);
  const labels = Int32Array.from({ length: LAB_BATCH }, (_, i) => i % 10);
  const data: LabImages = { pixels, labels: Uint8Array.from(labels) };
  const order = Int32Array.from({ length: LAB_BATCH }, (_, i) => i);
  const times: number[] = [];
  try {
    for (let s = 0; s < steps + 1; s++) {
      const t0 = performance.now();
      const x = tf.tensor4d(labBatch(data, order, 0, LAB_BATCH), [LAB_BATCH, 32, 32, 3]);
      try {
        await net.trainStep(x, labels, LAB_SGD, 0);
      } finally {
        x.dispose();
      }
      times.push(performance.now() - t0);
    }
    const x = tf.tensor4d(labBatch(data, order, 0, LAB_BATCH), [LAB_BATCH, 32, 32, 3]);
    try {
      await net.correct(x, labels);
      const t0 = performance.now();
      await net.correct(x, labels);
      const evalMs = performance.now() - t0;
      return { firstMs: times[0], stepMs: median(times.slice(1)), evalMsPerImage: evalMs / LAB_BATCH };
    } finally {
      x.dispose();
    }
  } finally {
    net.dispose();
  }
}

export interface StepTimes {
  firstMs: number;
  stepMs: number;
  evalMsPerImage: number;
}

/** Estimated time of the whole experiment, from measured steps per C. */
export function labBudgetMs(settings: LabSettings, times: Map<number, StepTimes>): number {
  const steps = stepsPerEpoch(settings.images) * settings.epochs;
  const evalImages = labHeldOut(settings.images) * settings.epochs;
  let ms = 0;
  for (const c of settings.cs) {
    const t = times.get(c);
    if (!t) throw new Error(`no measured step for C = ${c}`);
    ms += settings.seeds * (t.firstMs + (steps - 1) * t.stepMs + evalImages * t.evalMsPerImage);
  }
  return ms;
}
