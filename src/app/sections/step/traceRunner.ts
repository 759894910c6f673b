import * as tf from '@tensorflow/tfjs-core';
import type { ResNeXtModel } from '../../../resnext/model';
import { computeBlockTrace, traceFromBlockInput, type BlockTrace } from '../../../resnext/stepThrough';
import type { Pixels } from '../../model';
import { makeInput } from '../../model/makeInput';
import { withWorkerFallback } from '../../worker/withWorkerFallback';
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
    return await withWorkerFallback(
      model,
      input,
      async (worker, data) => {
        const remote = await worker.blockInput(model, data, block);
        if (!remote) return null;
        const x = tf.tensor4d(remote.values, remote.shape as [number, number, number, number]);
        try {
          return await traceFromBlockInput(model, x, block);
        } finally {
          x.dispose();
        }
      },
      () => computeBlockTrace(model, input, block),
    );
  } finally {
    input.dispose();
  }
}
