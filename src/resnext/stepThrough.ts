/**
 * Walking one trained block step by step: every tensor of one (input, block) computed once with the model's
 * own weights, and the parameters and MACs of its layers. The steps as the page shows them are in
 * src/app/sections/step/steps.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { bnLayer, convLayer, type LayerCount, type Shape4 } from './counting';
import { BLOCK_STEPS, type BlockStep, type ResNeXtModel } from './model';
import type { BlockSpec } from './spec';
import { nextTask } from './nextTask';

/** The block's layers, by torchvision module suffix; `downsample.*` exists only with a projection shortcut. */
export type LayerRole = 'conv1' | 'bn1' | 'conv2' | 'bn2' | 'conv3' | 'bn3' | 'downsample.0' | 'downsample.1';

export { isGrouped, isSigned } from './stepKinds';

/** The block's layers with their shapes, parameters and MACs for one [1, side, side, in] input. */
function blockLayerCounts(spec: BlockSpec, side: number): Map<LayerRole, LayerCount> {
  const inShape: Shape4 = [1, side, side, spec.inChannels];
  const c1 = convLayer(`${spec.name}.conv1`, inShape, spec.width, 1, 1, 0);
  const c2 = convLayer(`${spec.name}.conv2`, c1.outShape, spec.width, 3, spec.stride, 1, spec.groups);
  const c3 = convLayer(`${spec.name}.conv3`, c2.outShape, spec.outChannels, 1, 1, 0);
  const rows: [LayerRole, LayerCount][] = [
    ['conv1', c1],
    ['bn1', bnLayer(`${spec.name}.bn1`, c1.outShape)],
    ['conv2', c2],
    ['bn2', bnLayer(`${spec.name}.bn2`, c2.outShape)],
    ['conv3', c3],
    ['bn3', bnLayer(`${spec.name}.bn3`, c3.outShape)],
  ];
  if (spec.projection) {
    const ds = convLayer(`${spec.name}.downsample.0`, inShape, spec.outChannels, 1, spec.stride, 0);
    rows.push(['downsample.0', ds], ['downsample.1', bnLayer(`${spec.name}.downsample.1`, ds.outShape)]);
  }
  return new Map(rows);
}

export interface LayersCost {
  /** those of the layers the block has (an identity shortcut has no downsample.*) */
  layers: LayerCount[];
  params: number;
  macs: number;
}

/** Parameters and multiply-accumulates of some of block `spec`'s layers on a side×side input. */
export function layersCost(spec: BlockSpec, side: number, roles: readonly LayerRole[]): LayersCost {
  const all = blockLayerCounts(spec, side);
  const layers = roles.flatMap((role) => all.get(role) ?? []);
  return {
    layers,
    params: layers.reduce((s, l) => s + l.params, 0),
    macs: layers.reduce((s, l) => s + l.macs, 0),
  };
}

/** Every tensor of one block for one input, computed once. Owns its tensors: free it with disposeTrace. */
export interface BlockTrace {
  readonly block: string;
  readonly spec: BlockSpec;
  /** each step of the block, [1, H, W, channels]; `in` is the block's real input for the image */
  readonly tensors: Readonly<Record<BlockStep, tf.Tensor4D>>;
  /**
   * relu2 split into its C groups, [C, H·W, d]: with `groupWeights` it gives Tᵢ(x), conv3 applied to group i's
   * d channels alone (contributionsOfChannel reads one output channel of every Tᵢ). conv3 has no bias, so
   * Σᵢ Tᵢ = conv3 exactly; bn3 comes after the sum (bn3 is affine per channel, bn3(Σᵢ Tᵢ) = Σᵢ s ⊙ Tᵢ + b, so
   * it is applied once to the sum, not to each Tᵢ).
   */
  readonly groupInputs: tf.Tensor3D;
  /** conv3's weights split by the group they read, [C, d, out] */
  readonly groupWeights: tf.Tensor3D;
  /** Σᵢ Tᵢ(x), [1, H, W, out], summed separately from conv3 */
  readonly contributionSum: tf.Tensor4D;
  /** measured max |Σᵢ Tᵢ − conv3| over every element */
  readonly mergeMaxDiff: number;
  /** max |conv3|, the size the difference compares with */
  readonly mergeScale: number;
}

/**
 * Tᵢ(x) of every group: relu2 [1,H,W,C·d] and conv3 [1,1,C·d,out] become one batched matrix product
 * [C, H·W, d] × [C, d, out] → [C, H·W, out].
 */
export function groupContributions(relu2: tf.Tensor4D, conv3: tf.Tensor4D, groups: number): tf.Tensor4D {
  const [n, h, w, width] = relu2.shape;
  if (n !== 1) throw new Error(`groupContributions takes one image, got a batch of ${n}`);
  if (width % groups !== 0) throw new Error(`${width} channels do not split into ${groups} groups`);
  const d = width / groups;
  const out = conv3.shape[3];
  return tf.tidy(() => {
    const x = tf.transpose(tf.reshape(relu2, [h * w, groups, d]), [1, 0, 2]);
    const k = tf.reshape(conv3, [groups, d, out]);
    return tf.reshape(tf.matMul(x, k), [groups, h, w, out]) as tf.Tensor4D;
  });
}

/** Elements of Tᵢ computed in one task: a few tens of milliseconds on WASM. */
const CONTRIBUTION_ELEMENTS_PER_TASK = 1 << 21;

/**
 * The input of block `blockName` for `input`: the stem, then every block before it, each in a task of its
 * own (`pause` awaited between them). The same operations as forward(), so the same values as its
 * `<block>.in`. Returns a new tensor, owned by the caller; `input` stays the caller's.
 */
export async function blockInput(
  model: Pick<ResNeXtModel, 'blockNames' | 'runStem' | 'runBlock'>,
  input: tf.Tensor4D,
  blockName: string,
  pause: () => Promise<void> = nextTask,
): Promise<tf.Tensor4D> {
  const names = model.blockNames();
  const end = names.indexOf(blockName);
  if (end < 0) throw new Error(`no block named ${blockName}`);
  let y = model.runStem(input);
  try {
    for (const name of names.slice(0, end)) {
      await pause();
      const next = model.runBlock(name, y).out;
      y.dispose();
      y = next;
    }
  } catch (e) {
    y.dispose();
    throw e;
  }
  return y;
}

/**
 * Σᵢ Tᵢ(x) over the groups, [1, H, W, out], summed from the contributions of a few groups per task (each
 * freed once added). Returns a new tensor, owned by the caller; frees everything else it made, also when it
 * fails.
 */
async function contributionSumInTasks(
  relu2: tf.Tensor4D,
  conv3: tf.Tensor4D,
  groups: number,
): Promise<tf.Tensor4D> {
  const [, h, w, width] = relu2.shape;
  if (width % groups !== 0) throw new Error(`${width} channels do not split into ${groups} groups`);
  const d = width / groups;
  const out = conv3.shape[3];
  const perTask = Math.max(1, Math.floor(CONTRIBUTION_ELEMENTS_PER_TASK / (h * w * out)));
  let sum: tf.Tensor4D | null = null;
  try {
    for (let g0 = 0; g0 < groups; g0 += perTask) {
      await nextTask();
      const g = Math.min(perTask, groups - g0);
      const prev: tf.Tensor4D | null = sum;
      sum = tf.tidy(() => {
        const part = groupContributions(
          tf.slice(relu2, [0, 0, 0, g0 * d], [1, h, w, g * d]),
          tf.slice(conv3, [0, 0, g0 * d, 0], [1, 1, g * d, out]),
          g,
        );
        const s = tf.sum(part, 0, true) as tf.Tensor4D;
        return prev ? (tf.add(prev, s) as tf.Tensor4D) : s;
      });
      prev?.dispose();
    }
    return sum!;
  } catch (e) {
    sum?.dispose();
    throw e;
  }
}

/**
 * Runs the network on `input` (a normalised [1, H, W, 3] image, kept by the caller) up to block `blockName`,
 * then the block alone, keeping every step and the per-group contributions of the merge. The work is split
 * into tasks (the stem and each block before this one, the block, the contributions of a few groups) so that the
 * page paints and takes input while it runs.
 */
export async function computeBlockTrace(
  model: ResNeXtModel,
  input: tf.Tensor4D,
  blockName: string,
): Promise<BlockTrace> {
  if (input.shape[0] !== 1)
    throw new Error(`computeBlockTrace takes one image, got a batch of ${input.shape[0]}`);
  const x = await blockInput(model, input, blockName);
  try {
    return await traceFromBlockInput(model, x, blockName);
  } finally {
    x.dispose();
  }
}

/**
 * computeBlockTrace from the block's input `x` ([1, H, W, C], kept by the caller), computed elsewhere (the
 * inference worker runs the network up to the block: src/app/worker/). The block alone, then the per-group
 * contributions of the merge, in tasks of their own.
 */
export async function traceFromBlockInput(
  model: ResNeXtModel,
  x: tf.Tensor4D,
  blockName: string,
): Promise<BlockTrace> {
  if (x.shape[0] !== 1) throw new Error(`a block trace takes one image, got a batch of ${x.shape[0]}`);
  const params = model.blockParams(blockName);
  const made: tf.Tensor[] = [];
  try {
    await nextTask();
    const run = model.runBlock(blockName, x, BLOCK_STEPS);
    made.push(run.out, ...Object.values(run.tensors));
    run.out.dispose();
    const tensors = run.tensors as Record<BlockStep, tf.Tensor4D>;
    const contributionSum = await contributionSumInTasks(tensors.relu2, params.conv3, params.spec.groups);
    made.push(contributionSum);
    const { groups, width, outChannels } = params.spec;
    const [, h, w] = tensors.relu2.shape;
    const d = width / groups;
    const groupInputs = tf.tidy(
      () => tf.transpose(tf.reshape(tensors.relu2, [h * w, groups, d]), [1, 0, 2]) as tf.Tensor3D,
    );
    made.push(groupInputs);
    const groupWeights = tf.reshape(params.conv3, [groups, d, outChannels]) as tf.Tensor3D;
    made.push(groupWeights);
    const measures = tf.tidy(() =>
      tf.stack([tf.max(tf.abs(tf.sub(contributionSum, tensors.conv3))), tf.max(tf.abs(tensors.conv3))]),
    );
    const [mergeMaxDiff, mergeScale] = await measures.data();
    measures.dispose();
    return {
      block: blockName,
      spec: params.spec,
      tensors,
      groupInputs,
      groupWeights,
      contributionSum,
      mergeMaxDiff,
      mergeScale,
    };
  } catch (e) {
    tf.dispose(made);
    throw e;
  }
}

/** Every tensor a trace owns. */
export function traceTensors(trace: BlockTrace): tf.Tensor[] {
  return [...Object.values(trace.tensors), trace.groupInputs, trace.groupWeights, trace.contributionSum];
}

export function disposeTrace(trace: BlockTrace): void {
  tf.dispose(traceTensors(trace));
}

/** Output channel k of every Tᵢ: [C, H, W]. A new tensor, owned by the caller. */
export function contributionsOfChannel(trace: BlockTrace, k: number): tf.Tensor3D {
  const [c, d, out] = trace.groupWeights.shape;
  const [, h, w] = trace.tensors.relu2.shape;
  if (!Number.isInteger(k) || k < 0 || k >= out) throw new Error(`channel ${k} is outside 0…${out - 1}`);
  return tf.tidy(
    () =>
      tf.reshape(tf.matMul(trace.groupInputs, tf.slice(trace.groupWeights, [0, 0, k], [c, d, 1])), [
        c,
        h,
        w,
      ]) as tf.Tensor3D,
  );
}
