import type { ResNeXtModel } from '../../../resnext/model';
import { makeInput } from '../../model/makeInput';
import type { Pixels } from '../../model/image/pixels';
import { softmax } from './ranking';

export interface Classification {
  /** softmax probabilities, one per class */
  probs: Float64Array;
  /** measured time of the forward pass, including reading the logits back from the backend */
  ms: number;
}

/** Runs the model on a picture; every tensor it makes is disposed before it returns. */
export async function classifyImage(model: ResNeXtModel, pixels: Pixels): Promise<Classification> {
  const input = makeInput(model, pixels);
  try {
    const start = performance.now();
    const logits = model.predict(input);
    try {
      const values = await logits.data();
      const ms = performance.now() - start;
      return { probs: softmax(values), ms };
    } finally {
      logits.dispose();
    }
  } finally {
    input.dispose();
  }
}
