/**
 * The memory budget of every view: how many bytes of tensors a view will hold at its peak, worked out from its
 * settings alone (before anything is allocated), and the reduced settings that keep it within the budget.
 * Pure arithmetic: no tfjs, no DOM. Sizes are float32 elements × 4 bytes, as tf.memory() counts them.
 */

/** The most tensor memory any one view may allocate. */
export const TENSOR_BUDGET_BYTES = 256 * 1024 * 1024;

const F32 = 4;

/**
 * How the backend computes a grouped 3×3 (see groupedConv.ts): the project's kernel, or one of the tfjs-op
 * workarounds, whose temporary tensors differ (depthwise expands every group's products before summing).
 */
export type ConvStrategy = 'kernel' | 'depthwise' | 'slice' | 'blockdiag';

export const CONV_STRATEGIES: readonly ConvStrategy[] = ['kernel', 'depthwise', 'slice', 'blockdiag'];

/** The block of the numerical proof: in → C paths of width d → out, on a square input of side `spatial`. */
export interface ProofBlock {
  inChannels: number;
  outChannels: number;
  cardinality: number;
  d: number;
  spatial: number;
}

/** Elements one grouped 3×3 (C groups of d → d, stride 1) allocates beyond its output, per strategy. */
function groupedConvExtra(strategy: ConvStrategy, c: number, d: number, s2: number): number {
  const w = c * d;
  const filter = 9 * d * w;
  if (c === 1) return filter; // a dense conv on a copy of the filter
  switch (strategy) {
    case 'kernel':
      return filter;
    case 'depthwise':
      // the reordered filter, every group's products (d per input channel) and a transposed copy for the sum
      return 2 * filter + 2 * s2 * w * d + 2 * s2 * w;
    case 'slice':
      return filter + 3 * s2 * w;
    case 'blockdiag':
      // tiled filter, mask and their product (the mask's index tensors are int32, as large as a row and a column)
      return 3 * 9 * w * w + 2 * w;
  }
}

/**
 * Peak tensor bytes of the numerical proof (proofRunner): weights and input, then forms (a), (b) and (c) inside
 * one tidy (each form's intermediates live until its own tidy ends), the three outputs and their differences.
 * An upper bound of what tf.profile reports as peakBytes; the timing runs that follow hold less.
 */
export function proofBytes(b: ProofBlock, strategy: ConvStrategy): number {
  const { inChannels: cin, outChannels: cout, cardinality: c, d } = b;
  const w = c * d;
  const s2 = b.spatial * b.spatial;
  const weights = cin * w + w + 9 * d * w + w + w * cout + cout;
  const input = s2 * cin;
  // one path's 1×1 and 3×3: filter slices, conv, + bias, relu twice
  const pathHidden = cin * d + 9 * d * d + 2 * d + 6 * s2 * d;
  const pathOutput = pathHidden + d * cout + s2 * cout;
  const formA = pathOutput + 4 * s2 * cout;
  const formB = c * s2 * d + s2 * w + pathHidden + 2 * s2 * cout;
  const formC = 6 * s2 * w + groupedConvExtra(strategy, c, d, s2) + 2 * s2 * cout + 2 * w;
  const outputsAndStats = 3 * s2 * cout + 6 * s2 * cout;
  return F32 * (weights + input + Math.max(formA, formB, formC) + outputsAndStats);
}

/** What the proof will run: the block itself, or a reduced one that fits the budget, or nothing. */
export interface ProofPlan {
  /** the block as run: fewer paths and/or a smaller input than asked when reduced */
  block: ProofBlock;
  /** the block as asked */
  requested: ProofBlock;
  /** estimated peak bytes of the block as asked and as run */
  requestedBytes: number;
  bytes: number;
  reduced: boolean;
  /** true when not even one path on the smallest input fits; nothing is allocated */
  refused: boolean;
  budget: number;
}

/** Smallest input side the proof shrinks to before it drops paths. */
const PROOF_MIN_SIDE = 4;

/**
 * Plans the proof within `budget`: the block as asked if it fits; else a smaller input (16, 8, then 4 pixels a
 * side); else, at the smallest side, the most paths that fit (the forms agree for any number of paths). Refuses
 * when one path does not fit. `strategy` is the grouped-conv strategy the backend will use (or the most
 * demanding it might).
 */
export function planProof(
  requested: ProofBlock,
  strategy: ConvStrategy,
  budget: number = TENSOR_BUDGET_BYTES,
): ProofPlan {
  const requestedBytes = proofBytes(requested, strategy);
  const plan = (block: ProofBlock, refused = false): ProofPlan => ({
    block,
    requested,
    requestedBytes,
    bytes: refused ? 0 : proofBytes(block, strategy),
    reduced: block !== requested,
    refused,
    budget,
  });
  if (!isProofBlock(requested)) return plan(requested, true);
  if (requestedBytes <= budget) return plan(requested);
  const sides = [16, 8, PROOF_MIN_SIDE].filter((s) => s < requested.spatial);
  for (const spatial of sides) {
    const block = { ...requested, spatial };
    if (proofBytes(block, strategy) <= budget) return plan(block);
  }
  const spatial = Math.min(requested.spatial, PROOF_MIN_SIDE);
  // bytes grow with the number of paths, so the largest that fits is found by bisection
  const fits = (c: number) => proofBytes({ ...requested, spatial, cardinality: c }, strategy) <= budget;
  if (!fits(1)) return plan(requested, true);
  let lo = 1;
  let hi = requested.cardinality;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return plan({ ...requested, spatial, cardinality: lo });
}

const isCount = (n: number) => Number.isInteger(n) && n >= 1 && n <= 1 << 20;

function isProofBlock(b: ProofBlock): boolean {
  return [b.inChannels, b.outChannels, b.cardinality, b.d, b.spatial].every(isCount);
}

/** One block of the step-through: a trained block's weights and every intermediate map of one input. */
interface TraceWork {
  inChannels: number;
  outChannels: number;
  cardinality: number;
  d: number;
  spatial: number;
  /** parameters of the whole network the block is read from (held while the trace is computed) */
  networkParams: number;
  /** largest activation of the network's forward pass up to the block, in elements */
  largestActivation: number;
}

/**
 * Peak bytes of a step-through trace: the network, two activations alive during its forward pass, and the
 * block's own intermediates (input, 1×1, 3×3 before and after ReLU, every path's contribution, output).
 */
function traceBytes(t: TraceWork): number {
  const w = t.cardinality * t.d;
  const s2 = t.spatial * t.spatial;
  const block = s2 * (t.inChannels + 4 * w + (t.cardinality + 3) * t.outChannels);
  return F32 * (t.networkParams + 2 * t.largestActivation + block);
}

/** The speed test: a ResNet and a ResNeXt block of `channels` channels, at each input side in turn. */
interface SpeedWork {
  channels: number;
  resnetWidth: number;
  cardinality: number;
  d: number;
  sizes: readonly number[];
}

function speedBytes(s: SpeedWork, strategy: ConvStrategy): number {
  const side = Math.max(...s.sizes);
  const resnet = {
    inChannels: s.channels,
    outChannels: s.channels,
    cardinality: 1,
    d: s.resnetWidth,
    spatial: side,
  };
  const resnext = { ...resnet, cardinality: s.cardinality, d: s.d };
  // both weight sets stay while each form runs once at a time; proofBytes bounds one form with its weights
  return proofBytes(resnet, strategy) + proofBytes(resnext, strategy);
}

/**
 * Tensor bytes a built model may hold per parameter: its weights, the copies folded with batch norm that it
 * predicts with, and a kernel's layout of them (measured on WASM: 8.5 to 11.8 for the 20-epoch family).
 */
const BUILT_BYTES_PER_PARAM = 3 * F32;

/**
 * Most tensor bytes the comparison keeps built for its next run. Beside them stand the page's own model and the
 * model being compared: with ResNeXt-29's ≈4.9 M parameters, 2 × 59 MB + 6 MB of activations, so kept models
 * within 128 MB leave the comparison within the 256 MB budget.
 */
export const KEPT_MODELS_BUDGET_BYTES = 128 * 2 ** 20;

/** The cardinality comparison: models built one after the other (some kept), classifying one image. */
interface CompareWork {
  /** parameter count of each model */
  modelParams: readonly number[];
  /** whether models stay built after their turn, within KEPT_MODELS_BUDGET_BYTES (otherwise each is disposed before the next) */
  keepModels: boolean;
  /** parameter count of the page's own model, built meanwhile */
  pageModelParams: number;
  /** largest activation of one forward pass, in elements */
  largestActivation: number;
}

function compareBytes(c: CompareWork): number {
  const built = c.modelParams.map((p) => BUILT_BYTES_PER_PARAM * p);
  const running = Math.max(0, ...built);
  const kept = c.keepModels
    ? Math.min(
        KEPT_MODELS_BUDGET_BYTES,
        built.reduce((a, b) => a + b, 0),
      )
    : 0;
  return BUILT_BYTES_PER_PARAM * c.pageModelParams + kept + running + F32 * 3 * c.largestActivation;
}

/** Any view's work, for one estimate over all of them. */
export type ViewWork =
  | ({ kind: 'proof'; strategy: ConvStrategy } & ProofBlock)
  | ({ kind: 'trace' } & TraceWork)
  | ({ kind: 'speed'; strategy: ConvStrategy } & SpeedWork)
  | ({ kind: 'compare' } & CompareWork);

/** Peak tensor bytes of a view, from its settings alone. */
export function estimateBytes(v: ViewWork): number {
  switch (v.kind) {
    case 'proof':
      return proofBytes(v, v.strategy);
    case 'trace':
      return traceBytes(v);
    case 'speed':
      return speedBytes(v, v.strategy);
    case 'compare':
      return compareBytes(v);
  }
}

/** Bytes as a reader reads them: "256 MB", "3.5 GB" (binary units, one decimal below 10). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 && i > 0 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
