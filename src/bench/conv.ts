import * as tf from '@tensorflow/tfjs-core';
import {
  groupedConvStrategyByBackend,
  prepareGroupedConv,
  strategyFor,
  type GroupedConvStrategy,
} from '../resnext/groupedConv';
import { CONV_CALLS_PER_RUN, timeIt, type Timing, type TimingOptions } from './timing';

/**
 * The benchmark's convolution timing, shared by the benchmark page (main.ts) and the Numbers section's live
 * measurement of grouped against dense convolutions.
 */

/** Deterministic pseudo-normal values (LCG + Box-Muller), so every backend and ORT see the same input. */
export function pseudoNormal(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
  return out;
}

function perCall(t: Timing, calls: number): Timing {
  return { ...t, medianMs: t.medianMs / calls, minMs: t.minMs / calls };
}

/**
 * One conv (grouped or dense) on a random input; filter and input stay resident between runs. Each timed run
 * makes `calls` calls and one read-back; the timing is per call.
 */
export async function benchConv(
  shape: [number, number, number, number],
  filterShape: [number, number, number, number],
  groups: number,
  opts: TimingOptions,
  strategy?: GroupedConvStrategy,
  calls: number = CONV_CALLS_PER_RUN,
): Promise<Timing> {
  const x = tf.tensor4d(
    pseudoNormal(
      shape.reduce((a, b) => a * b),
      1,
    ),
    shape,
  );
  const f = tf.tensor4d(
    pseudoNormal(
      filterShape.reduce((a, b) => a * b),
      2,
    ),
    filterShape,
  );
  try {
    // As in the model: the filter layout is prepared once, outside the timed calls.
    const conv = groups > 1 ? prepareGroupedConv(f, groups) : undefined;
    try {
      conv?.warm(strategy);
      const once = () => (conv ? conv.apply(x, 1, 1, 'linear', strategy) : tf.conv2d(x, f, 1, 'same'));
      const t = await timeIt(async () => {
        // Back-to-back calls with one read-back at the end, so the result's copy out of the backend
        // (4× larger for the grouped conv than for its dense yardstick) does not dominate a 1 ms op.
        for (let i = 1; i < calls; i++) once().dispose();
        const y = once();
        try {
          await y.data();
        } finally {
          y.dispose();
        }
      }, opts);
      return perCall(t, calls);
    } finally {
      conv?.dispose();
    }
  } finally {
    x.dispose();
    f.dispose();
  }
}

/** Grouped-conv strategies worth timing here: the one in use first, then the best tfjs-op workaround. */
export function groupedStrategies(): GroupedConvStrategy[] {
  const inUse = strategyFor();
  const workaround = groupedConvStrategyByBackend[tf.getBackend()] ?? 'slice';
  return inUse === workaround ? [inUse] : [inUse, workaround];
}
