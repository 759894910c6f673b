/**
 * Small pictures of what the network computes for one image: the stem's output and every block's output,
 * each reduced to the mean over its channels at every position. Pure tfjs: no React, no DOM.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ResNeXtModel } from './model';
import { nextTask } from './nextTask';
import { STEM_THUMBNAIL, type Thumbnail } from './thumbnail';

export { STEM_THUMBNAIL, type Thumbnail } from './thumbnail';

/** The statistic a thumbnail shows: [1, H, W, C] → [H, W], the mean over channels. A new tensor. */
export function channelMean(x: tf.Tensor4D): tf.Tensor2D {
  if (x.rank !== 4 || x.shape[0] !== 1)
    throw new Error(`a thumbnail takes [1,H,W,C], got [${x.shape.join(',')}]`);
  const [, h, w] = x.shape;
  return tf.tidy(() => tf.reshape(tf.mean(x, 3), [h, w]) as tf.Tensor2D);
}

/** Reads the thumbnail of activation x ([1, H, W, C], kept by the caller). */
export async function readThumbnail(name: string, x: tf.Tensor4D): Promise<Thumbnail> {
  const m = channelMean(x);
  let values: Float32Array;
  try {
    values = Float32Array.from(await m.data());
  } finally {
    m.dispose();
  }
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const [, height, width, channels] = x.shape;
  return { name, height, width, channels, values, max };
}

export interface ThumbnailOptions {
  /** awaited between the stem and each block, so the page paints and takes input (default: the next task) */
  pause?: () => Promise<void>;
  /** checked after each pause: true stops the work (everything made so far is freed) */
  cancelled?: () => boolean;
}

/**
 * The thumbnails of the stem's output and of every block's output for `input` (a normalised [1, H, W, 3]
 * image, kept by the caller), in execution order. The stem and each block run in a task of their own with the
 * same operations as forward(), so each map is the channel mean of forward()'s `relu` (or `maxpool`) and
 * `<block>.out`. Frees every tensor it makes; resolves to null when cancelled.
 */
export async function blockThumbnails(
  model: Pick<ResNeXtModel, 'blockNames' | 'runStem' | 'runBlock'>,
  input: tf.Tensor4D,
  { pause = nextTask, cancelled = () => false }: ThumbnailOptions = {},
): Promise<Thumbnail[] | null> {
  if (input.shape[0] !== 1) throw new Error(`thumbnails take one image, got a batch of ${input.shape[0]}`);
  const out: Thumbnail[] = [];
  let y = model.runStem(input);
  try {
    out.push(await readThumbnail(STEM_THUMBNAIL, y));
    for (const name of model.blockNames()) {
      await pause();
      if (cancelled()) return null;
      const next = model.runBlock(name, y).out;
      y.dispose();
      y = next;
      out.push(await readThumbnail(name, y));
    }
    return cancelled() ? null : out;
  } finally {
    y.dispose();
  }
}
