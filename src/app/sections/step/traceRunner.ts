import * as tf from '@tensorflow/tfjs-core';
import type { ResNeXtModel } from '../../../resnext/model';
import { computeBlockTrace, traceFromBlockInput, type BlockTrace } from '../../../resnext/stepThrough';
import type { Pixels } from '../../model';
import { makeInput } from '../../model/makeInput';
import { inferenceClient } from '../../worker/inference';
import { tensorData } from '../../worker/tensorData';
import { TraceHolder } from './traceHolder';
import { TraceReader } from './traceReader';

/*
 * The step-through's computing half, loaded by useBlockTrace when there is a model to trace (so the section's
 * first figure, the network map, does not wait for TensorFlow.js).
 */

export { TraceHolder, TraceReader };

/** Every tensor of `block` for the picture: the blocks before it in the inference worker when it can. */
export async function computeTrace(model: ResNeXtModel, pixels: Pixels, block: string): Promise<BlockTrace> {
  const input = makeInput(model, pixels);
  try {
    const worker = inferenceClient();
    const remote = worker.has(model) ? await worker.blockInput(model, await tensorData(input), block) : null;
    if (!remote) return await computeBlockTrace(model, input, block);
    const x = tf.tensor4d(remote.values, remote.shape as [number, number, number, number]);
    try {
      return await traceFromBlockInput(model, x, block);
    } finally {
      x.dispose();
    }
  } finally {
    input.dispose();
  }
}
