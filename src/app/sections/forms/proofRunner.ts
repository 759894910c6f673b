import * as tf from '@tensorflow/tfjs-core';
import type { BlockForm } from '../../../resnext/blockCounts';
import { disposeBlockWeights, randomBlockWeights, type BlockWeights } from '../../../resnext/blockWeights';
import { FORM_RUNNERS } from '../../../resnext/forms';
import { timeForm } from '../../../resnext/formTiming';
import { formatBytes, proofBytes, TENSOR_BUDGET_BYTES } from '../../../resnext/budget';
import { worstStrategy } from '../../../resnext/budgetViews';
import { AppError } from '../../../resnext/errors';
import { nextTask } from '../../../resnext/nextTask';

/**
 * The numerical proof of the Forms section: one set of weights and one input through forms (a), (b) and (c),
 * the largest differences between their outputs, and each form's median time. Loaded on demand, so tfjs stays
 * out of the first paint. Runs one at a time; every tensor it makes is disposed, also when cancelled.
 */

/** Weights and input the caller hands over; the runner disposes them. */
export interface ProofTensors {
  weights: BlockWeights;
  input: tf.Tensor4D;
}

export type ProofSource =
  | {
      kind: 'random';
      inChannels: number;
      outChannels: number;
      cardinality: number;
      d: number;
      spatial: number;
      seed: number;
    }
  | { kind: 'trained'; block: string; load: () => Promise<ProofTensors> };

export interface ProofResult {
  source: 'random' | 'trained';
  /** what was proved: `C×d` of a random block, or the trained block's name */
  block: string;
  maxDiffAB: number;
  maxDiffAC: number;
  /** largest |output| of form (a), the scale the differences compare to */
  maxAbs: number;
  medianMs: Record<BlockForm, number>;
  runs: number;
  backend: string;
  inputShape: number[];
}

type Runner = (x: tf.Tensor4D, w: BlockWeights) => tf.Tensor4D;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the proof after any earlier one has finished. Resolves to null when `isCancelled` turns true before
 * the end (the inputs changed or the panel went away).
 */
export function runProof(
  source: ProofSource,
  runs: number,
  isCancelled: () => boolean,
  runners: Readonly<Record<BlockForm, Runner>> = FORM_RUNNERS,
): Promise<ProofResult | null> {
  const job = queue.then(() => (isCancelled() ? null : proveOnce(source, runs, isCancelled, runners)));
  queue = job.catch(() => undefined);
  return job;
}

function makeTensors(source: ProofSource): Promise<ProofTensors> {
  if (source.kind === 'trained') return source.load();
  const { inChannels, outChannels, cardinality, d, spatial, seed } = source;
  // the budget is checked before the first tensor: a block too large for it is refused, never attempted
  const needed = proofBytes(source, worstStrategy(tf.getBackend()));
  if (needed > TENSOR_BUDGET_BYTES) {
    throw new AppError('over-budget', {
      needed: formatBytes(needed),
      budget: formatBytes(TENSOR_BUDGET_BYTES),
    });
  }
  return Promise.resolve({
    weights: randomBlockWeights(inChannels, outChannels, cardinality, d, seed),
    input: tf.randomNormal([1, spatial, spatial, inChannels], 0, 1, 'float32', seed + 100) as tf.Tensor4D,
  });
}

async function proveOnce(
  source: ProofSource,
  runs: number,
  isCancelled: () => boolean,
  runners: Readonly<Record<BlockForm, Runner>>,
): Promise<ProofResult | null> {
  let tensors: ProofTensors | null = null;
  try {
    tensors = await makeTensors(source);
    if (isCancelled()) return null;
    const { weights, input } = tensors;
    // One form per task: the page stays responsive between them.
    const outputs: tf.Tensor4D[] = [];
    let stats: tf.Tensor | null = null;
    let values: number[];
    try {
      for (const f of ['a', 'b', 'c'] as const) {
        await nextTask();
        if (isCancelled()) return null;
        outputs.push(runners[f](input, weights));
      }
      const [a, b, c] = outputs;
      stats = tf.tidy(() => {
        const maxDiff = (u: tf.Tensor, v: tf.Tensor) => tf.max(tf.abs(tf.sub(u, v)));
        return tf.stack([maxDiff(a, b), maxDiff(a, c), tf.max(tf.abs(a))]);
      });
      values = Array.from(await stats.data());
    } finally {
      stats?.dispose();
      for (const t of outputs) t.dispose();
    }
    const [maxDiffAB, maxDiffAC, maxAbs] = values;
    const medianMs = {} as Record<BlockForm, number>;
    for (const f of ['a', 'b', 'c'] as const) {
      if (isCancelled()) return null;
      medianMs[f] = await timeForm(f, input, weights, runs);
    }
    if (isCancelled()) return null;
    return {
      source: source.kind,
      block: source.kind === 'random' ? `${source.cardinality}×${source.d}` : source.block,
      maxDiffAB,
      maxDiffAC,
      maxAbs,
      medianMs,
      runs,
      backend: tf.getBackend(),
      inputShape: input.shape,
    };
  } finally {
    if (tensors) {
      disposeBlockWeights(tensors.weights);
      tensors.input.dispose();
    }
  }
}
