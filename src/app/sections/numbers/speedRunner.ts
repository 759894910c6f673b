import type { Tensor4D } from '@tensorflow/tfjs-core';
import { RESNET_WIDTH, RESNEXT_C, RESNEXT_D, SPEED_BLOCKS, SPEED_SIZES, STAGE_CHANNELS } from './speedBlocks';
import type { SpeedResult, SpeedRun } from './speedStore';

export interface SpeedTestOptions {
  sizes?: readonly number[];
  /** timed runs per block and size, after one warm-up; the median is kept */
  runs?: number;
  onProgress?: (done: number, total: number) => void;
  /** stops the test between two timings (it then rejects with the signal's reason); tensors are freed */
  signal?: AbortSignal;
}

/**
 * A pause long enough for React to commit the progress and the browser to paint a frame: a bare
 * setTimeout(0) can run before React's render task and starve it. Hidden tabs get no frames, hence the timer.
 */
const breathe = () =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 50);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0));
  });

/**
 * Times the four blocks on the current tfjs backend (batch 1) with the engine's timing of one form.
 * tfjs and the engine are loaded here, on demand, so they stay out of the first paint.
 */
export async function runSpeedTest(opts: SpeedTestOptions = {}): Promise<SpeedRun> {
  const { sizes = SPEED_SIZES, runs = 5, onProgress, signal } = opts;
  const [tf, timing, weights] = await Promise.all([
    import('@tensorflow/tfjs-core'),
    import('../../../resnext/formTiming'),
    import('../../../resnext/blockWeights'),
  ]);
  await tf.ready();
  signal?.throwIfAborted();
  const backend = tf.getBackend();
  const total = sizes.length * SPEED_BLOCKS.length;
  onProgress?.(0, total);
  await breathe();

  const resnet = weights.resnetBottleneckWeights(STAGE_CHANNELS, STAGE_CHANNELS, RESNET_WIDTH, 1);
  const resnext = weights.randomBlockWeights(STAGE_CHANNELS, STAGE_CHANNELS, RESNEXT_C, RESNEXT_D, 11);
  const results: SpeedResult[] = [];
  try {
    for (const size of sizes) {
      const x = tf.randomNormal([1, size, size, STAGE_CHANNELS], 0, 1, 'float32', size) as Tensor4D;
      try {
        for (const block of SPEED_BLOCKS) {
          signal?.throwIfAborted();
          const medianMs =
            block === 'resnet'
              ? await timing.timeForm('c', x, resnet, runs)
              : await timing.timeForm(block, x, resnext, runs);
          results.push({ block, size, medianMs, runs });
          onProgress?.(results.length, total);
          await breathe();
        }
      } finally {
        x.dispose();
      }
    }
  } finally {
    weights.disposeBlockWeights(resnet);
    weights.disposeBlockWeights(resnext);
  }
  return { backend, results };
}
