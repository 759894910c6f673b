import type { ResNeXtModel } from '../../../resnext/model';
import { timedPause } from '../../../resnext/nextTask';
import { makeInput } from '../../model/makeInput';
import type { Pixels } from '../../model/image/pixels';
import { inferenceClient } from '../../worker/inference';
import type { InferenceClient } from '../../worker/inferenceClient';
import { withWorkerFallback } from '../../worker/withWorkerFallback';
import { softmax } from './ranking';

export interface Classification {
  /** softmax probabilities, one per class */
  probs: Float64Array;
  /** measured time of the forward pass, including reading the logits back from the backend */
  ms: number;
  /** where the network ran: the inference worker, or the page when the worker cannot */
  site: 'worker' | 'page';
}

/**
 * Runs the model on a picture: in the inference worker (src/app/worker/), so the page's main thread stays
 * free, or, when the worker cannot, on the page a block per task (predictInTasks); `ms` counts the time
 * spent running it, not the waits between its tasks. Every tensor it makes is disposed before it returns.
 */
export async function classifyImage(
  model: ResNeXtModel,
  pixels: Pixels,
  worker: InferenceClient = inferenceClient(),
): Promise<Classification> {
  const input = makeInput(model, pixels);
  try {
    return await withWorkerFallback<Classification>(
      model,
      input,
      async (client, data) => {
        const remote = await client.classify(model, data);
        return remote && { probs: softmax(remote.logits), ms: remote.ms, site: 'worker' };
      },
      async () => {
        const { pause, waited } = timedPause();
        const start = performance.now();
        const logits = await model.predictInTasks(input, pause);
        try {
          const values = await logits.data();
          const ms = performance.now() - start - waited();
          return { probs: softmax(values), ms, site: 'page' };
        } finally {
          logits.dispose();
        }
      },
      worker,
    );
  } finally {
    input.dispose();
  }
}
