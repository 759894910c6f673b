import type { GroupedConvStrategy } from '../../../resnext/groupedConv';
import {
  CIFAR_STAGE1,
  GROUPED_COST_CARDINALITIES,
  type GroupedCostOptions,
} from '../../../resnext/groupedCost';

/** One cardinality's times, per call, in ms (medians of the timed runs). */
/**
 * The measured layers: the channels and d of ResNeXt-29's first stage (the figure's), on a 16×16 input, a quarter
 * of its pixels, so that one conv stays a short task on a phone.
 */
const MEASURE_SHAPE: GroupedCostOptions = { ...CIFAR_STAGE1, side: 16 };

export interface GroupedCostResult {
  c: number;
  d: number;
  /** a dense 3×3 of the same MACs */
  msDense: number;
  /** the grouped 3×3 as this page runs it (this project's kernel where the backend has one) */
  msGrouped: number;
  /** the grouped 3×3 made of tfjs operations, when the page runs our kernel */
  msWorkaround?: number;
}

export interface GroupedCostStart {
  backend: string;
  /** how the page runs a grouped conv on this backend */
  strategy: GroupedConvStrategy;
  /** the tfjs-op workaround timed beside our kernel, if the page has a kernel */
  workaround?: GroupedConvStrategy;
  cardinalities: number[];
  side: number;
  runs: number;
}

export interface GroupedCostRun extends GroupedCostStart {
  results: GroupedCostResult[];
}

export interface GroupedCostRunOptions {
  cardinalities?: readonly number[];
  shape?: GroupedCostOptions;
  /** timed runs per conv after one warm-up (fewer when they would take more than budgetMs) */
  runs?: number;
  budgetMs?: number;
  signal?: AbortSignal;
  onStart?: (start: GroupedCostStart) => void;
  onResult?: (result: GroupedCostResult) => void;
}

/**
 * Times the 3×3 layer of each cardinality on the current tfjs backend: a dense conv of the same MACs, the grouped
 * conv as the page runs it and, beside our kernel, the tfjs-op workaround. The benchmark's conv timing does the
 * work; each run is one call and ends in a task of its own, so no task holds the main thread for longer than
 * one conv. The signal stops it at the next pause (it then rejects with the signal's reason); every tensor is
 * freed either way. tfjs and the engine are loaded here, on demand.
 */
export async function runGroupedCost(opts: GroupedCostRunOptions = {}): Promise<GroupedCostRun> {
  const {
    cardinalities = GROUPED_COST_CARDINALITIES,
    shape = MEASURE_SHAPE,
    runs = 5,
    budgetMs = 400,
    signal,
    onStart,
    onResult,
  } = opts;
  const [tf, conv, cost, tasks] = await Promise.all([
    import('@tensorflow/tfjs-core'),
    import('../../../bench/conv'),
    import('../../../resnext/groupedCost'),
    import('../../../resnext/nextTask'),
  ]);
  await tf.ready();
  signal?.throwIfAborted();
  const [strategy, workaround] = conv.groupedStrategies();
  const start: GroupedCostStart = {
    backend: tf.getBackend(),
    strategy,
    workaround,
    cardinalities: [...cardinalities],
    side: shape.side,
    runs,
  };
  onStart?.(start);
  const pause = async () => {
    await tasks.nextTask();
    signal?.throwIfAborted();
  };
  await pause();
  const timing = { warmup: 1, runs, minRuns: Math.min(2, runs), budgetMs, pause };
  const side = shape.side;
  const results: GroupedCostResult[] = [];
  // The page's first convs pay one-time costs (memory, code paths): one untimed pass of the first dense conv.
  if (cardinalities.length) {
    const p = cost.groupedCostPoint(cardinalities[0], shape);
    await conv.benchConv(
      [1, side, side, p.dense.cin],
      [3, 3, p.dense.cin, p.dense.cout],
      1,
      { ...timing, runs: 1, minRuns: 1 },
      undefined,
      1,
    );
  }
  for (const c of cardinalities) {
    const p = cost.groupedCostPoint(c, shape);
    const dense = await conv.benchConv(
      [1, side, side, p.dense.cin],
      [3, 3, p.dense.cin, p.dense.cout],
      1,
      timing,
      undefined,
      1,
    );
    const grouped = (s: GroupedConvStrategy) =>
      conv.benchConv([1, side, side, p.width], [3, 3, p.d, p.width], c, timing, s, 1);
    const g = await grouped(strategy);
    const w = workaround ? await grouped(workaround) : undefined;
    const r: GroupedCostResult = {
      c,
      d: p.d,
      msDense: dense.medianMs,
      msGrouped: g.medianMs,
      ...(w ? { msWorkaround: w.medianMs } : {}),
    };
    results.push(r);
    onResult?.(r);
  }
  return { ...start, results };
}
