/**
 * A second model run on the same images as scripts/eval.ts (`--compare PATH`): its accuracy, and how often
 * its top-1 equals the evaluated model's. Used to accept a smaller copy of the weights (int8, float16) only
 * when it gives the same answers as float32.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { loadModel } from '../src/resnext/model';
import { normalize } from '../src/resnext/preprocess';
import { parseSafetensors } from '../src/resnext/safetensors';

export interface Agreement {
  /** top-1 of the compared model on a batch (NHWC uint8 images), tallied against labels and `reference` */
  add(
    images: Float32Array,
    count: number,
    labels: ArrayLike<number>,
    reference: ArrayLike<number>,
  ): Promise<void>;
  /** agreement so far, for the progress line */
  status(): string;
  /** lines for the report: the compared model's accuracy and the agreement */
  report(): string[];
  /** the figures behind the report */
  result(): { accuracy: number; agreement: number; images: number };
  dispose(): void;
}

export function openAgreement(path: string): Agreement {
  const model = loadModel(parseSafetensors(new Uint8Array(readFileSync(path)), path));
  const { meta } = model;
  let done = 0;
  let correct = 0;
  let same = 0;
  return {
    async add(images, count, labels, reference) {
      const predicted = tf.tidy(() => {
        const x = normalize(tf.tensor4d(images, [count, 32, 32, 3]), meta.mean, meta.std);
        return tf.argMax(model.predict(x), 1);
      });
      const top1 = await predicted.data();
      predicted.dispose();
      for (let i = 0; i < count; i++) {
        if (top1[i] === labels[i]) correct++;
        if (top1[i] === reference[i]) same++;
      }
      done += count;
    },
    status: () => (done ? `, agreement ${same}/${done}` : ''),
    report: () => [
      `compared ${path}: accuracy ${(correct / done).toFixed(4)} on ${done} images`,
      `top-1 agreement: ${(same / done).toFixed(4)} (${same}/${done})`,
    ],
    result: () => ({
      accuracy: Number((correct / done).toFixed(4)),
      agreement: Number((same / done).toFixed(4)),
      images: done,
    }),
    dispose: () => model.dispose(),
  };
}
