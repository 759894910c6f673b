import * as tf from '@tensorflow/tfjs-core';
import { formCounts, type BlockForm } from './blockCounts';
import {
  disposeBlockWeights,
  randomBlockWeights,
  resnetBottleneckWeights,
  type BlockWeights,
} from './blockWeights';
import { runForm } from './forms';

/** Wall-clock timing of the block forms on the current tfjs backend (for the UI's live speed test). */

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median milliseconds of `runs` runs of one form, after one untimed warm-up run (shader compilation etc.). */
export async function timeForm(
  form: BlockForm,
  x: tf.Tensor4D,
  w: BlockWeights,
  runs: number,
): Promise<number> {
  const once = async () => {
    const t0 = performance.now();
    const y = runForm(form, x, w);
    await y.data(); // waits for the backend to finish
    const ms = performance.now() - t0;
    y.dispose();
    return ms;
  };
  await once();
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) times.push(await once());
  return median(times);
}

export async function timeForms(
  x: tf.Tensor4D,
  w: BlockWeights,
  runs: number,
  forms: readonly BlockForm[] = ['a', 'b', 'c'],
): Promise<Partial<Record<BlockForm, number>>> {
  const out: Partial<Record<BlockForm, number>> = {};
  for (const f of forms) out[f] = await timeForm(f, x, w, runs);
  return out;
}

export interface SpeedTestOptions {
  /** input sides to test (default 56 and 32) */
  sizes?: number[];
  /** timed runs per case (default 5) */
  runs?: number;
  /** block input/output channels (default 256, the conv2 stage) */
  channels?: number;
  seed?: number;
}

export interface SpeedTestRow {
  /** notation, e.g. "32×4d (b) 56×56"; the ResNet block is "1×64d 56×56" */
  label: string;
  model: 'resnet' | 'resnext';
  cardinality: number;
  d: number;
  form: BlockForm;
  size: number;
  macs: number;
  medianMs: number;
}

/**
 * ResNet 1×64d against ResNeXt 32×4d in forms a, b and c, at each input size, on the current backend.
 * onProgress(done, total) is called after each case. Everything it allocates is disposed.
 */
export async function speedTest(
  opts: SpeedTestOptions = {},
  onProgress?: (done: number, total: number) => void,
): Promise<SpeedTestRow[]> {
  const { sizes = [56, 32], runs = 5, channels = 256, seed = 1 } = opts;
  const cases: { model: SpeedTestRow['model']; cardinality: number; d: number; form: BlockForm }[] = [
    { model: 'resnet', cardinality: 1, d: 64, form: 'c' },
    { model: 'resnext', cardinality: 32, d: 4, form: 'a' },
    { model: 'resnext', cardinality: 32, d: 4, form: 'b' },
    { model: 'resnext', cardinality: 32, d: 4, form: 'c' },
  ];
  const total = sizes.length * cases.length;
  const rows: SpeedTestRow[] = [];
  const resnet = resnetBottleneckWeights(channels, channels, 64, seed);
  const resnext = randomBlockWeights(channels, channels, 32, 4, seed + 10);
  try {
    for (const size of sizes) {
      const x = tf.randomNormal([1, size, size, channels], 0, 1, 'float32', seed + size) as tf.Tensor4D;
      try {
        for (const c of cases) {
          const w = c.model === 'resnet' ? resnet : resnext;
          const medianMs = await timeForm(c.form, x, w, runs);
          const shape = {
            inChannels: channels,
            outChannels: channels,
            cardinality: c.cardinality,
            d: c.d,
            spatial: size,
          };
          const name = `${c.cardinality}×${c.d}d${c.model === 'resnext' ? ` (${c.form})` : ''}`;
          rows.push({
            ...c,
            label: `${name} ${size}×${size}`,
            size,
            macs: formCounts(c.form, shape).macs,
            medianMs,
          });
          onProgress?.(rows.length, total);
        }
      } finally {
        x.dispose();
      }
    }
  } finally {
    disposeBlockWeights(resnet);
    disposeBlockWeights(resnext);
  }
  return rows;
}
