import type * as tf from '@tensorflow/tfjs-core';
import type { BlockForm } from './blockCounts';
import type { BlockWeights } from './blockWeights';
import { runForm } from './forms';
import { nextTask } from './nextTask';

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
    // each run in a task of its own, so a long series never holds the page (outside the timed part)
    await nextTask();
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
