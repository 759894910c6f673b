import * as tf from '@tensorflow/tfjs-core';
import { prepareGroupedConv, type PreparedGroupedConv } from './groupedConv';
import { inferSpec } from './inferSpec';
import { readMeta, type ModelMeta } from './modelMeta';
import { nextTask } from './nextTask';
import {
  BN_EPS,
  countParams,
  disposeWeights,
  foldBn,
  uploadWeights,
  type BlockParams,
  type BnParams,
  type NetworkWeights,
} from './modelWeights';
import { fetchSafetensors, type FetchWeightsOptions, type SafetensorsFile } from './safetensors';
import type { NetworkSpec } from './spec';

export type { BlockParams, BnParams };

/** Steps of one block that forward/runBlock can return, in execution order. */
export const BLOCK_STEPS = [
  'in',
  'conv1',
  'bn1',
  'relu1',
  'conv2',
  'bn2',
  'relu2',
  'conv3',
  'bn3',
  'shortcut',
  'add',
  'out',
] as const;
export type BlockStep = (typeof BLOCK_STEPS)[number];

interface ForwardResult {
  logits: tf.Tensor2D;
  /** the requested intermediates by name; the caller owns (and disposes) them and the logits */
  tensors: Record<string, tf.Tensor>;
}

interface BlockResult {
  out: tf.Tensor4D;
  /** requested steps by block-local name (`conv1`, …, `out`); owned by the caller */
  tensors: Partial<Record<BlockStep, tf.Tensor4D>>;
}

export interface ResNeXtModel {
  readonly spec: NetworkSpec;
  readonly meta: ModelMeta;
  /** NHWC normalised input [N,H,W,3] → logits [N,classes]; BN folded into the convs (fast path). */
  predict(x: tf.Tensor4D): tf.Tensor2D;
  /**
   * predict() with the stem and each block in a task of its own: `pause` (by default, waiting for the next
   * task of the event loop) is awaited between them, so the page paints and takes input while it runs. The
   * same operations as predict(), so the same logits; the caller keeps x until this resolves.
   */
  predictInTasks(x: tf.Tensor4D, pause?: () => Promise<void>): Promise<tf.Tensor2D>;
  /**
   * Unfused forward pass returning the named intermediates asked for: `conv1`, `bn1`, `relu`,
   * `maxpool` (ImageNet), `layerS.B.<step>` for every block and step of BLOCK_STEPS, `pool` [N,C],
   * `fc` (= logits). Unknown names throw.
   */
  forward(x: tf.Tensor4D, capture?: readonly string[]): ForwardResult;
  /** Every name forward() accepts, in execution order. */
  captureNames(): string[];
  /** Weights of block `layerS.B` in tfjs layout; owned by the model (do not dispose). */
  blockParams(name: string): BlockParams;
  /** Runs the stem alone on x (NHWC normalised input), unfused: its output is the first block's input. */
  runStem(x: tf.Tensor4D): tf.Tensor4D;
  /** Names of the blocks (`layerS.B`), in execution order. */
  blockNames(): string[];
  /** Runs block `layerS.B` alone on x (its input), unfused; capture takes block-local step names. */
  runBlock(name: string, x: tf.Tensor4D, capture?: readonly BlockStep[]): BlockResult;
  dispose(): void;
}

export interface LoadModelOptions {
  /** names of the outputs, e.g. the 1000 ImageNet classes (default: the file's, else `class i`) */
  classNames?: readonly string[];
}

type Pad4 = [[number, number], [number, number], [number, number], [number, number]];
const pad = (p: number): Pad4 => [
  [0, 0],
  [p, p],
  [p, p],
  [0, 0],
];

const batchNorm = (x: tf.Tensor4D, bn: BnParams): tf.Tensor4D =>
  tf.batchNorm(x, bn.mean, bn.var, bn.beta, bn.gamma, BN_EPS);

interface FoldedConv {
  filter: tf.Tensor4D;
  bias: tf.Tensor1D;
}
interface FoldedBlock {
  conv1: FoldedConv;
  conv2: PreparedGroupedConv;
  conv2Tensors: FoldedConv;
  conv3: FoldedConv;
  downsample?: FoldedConv;
}
interface Folded {
  stem: FoldedConv;
  blocks: FoldedBlock[];
}

/** Builds the network from a parsed weights file; the architecture is read from tensor shapes. */
export function loadModel(file: SafetensorsFile, opts: LoadModelOptions = {}): ResNeXtModel {
  const spec = inferSpec(new Map([...file.tensors].map(([k, t]) => [k, t.shape])), file.source);
  const meta = readMeta(file, spec, countParams(file), opts.classNames);
  return new Model(spec, meta, uploadWeights(file, spec));
}

/** Downloads (with progress, optional SHA-256 check) and builds a model. */
export async function loadModelFromUrl(
  url: string,
  opts: FetchWeightsOptions & LoadModelOptions = {},
): Promise<ResNeXtModel> {
  return loadModel(await fetchSafetensors(url, opts), opts);
}

class Model implements ResNeXtModel {
  private readonly byName: Map<string, number>;
  private readonly grouped: PreparedGroupedConv[];
  private folded: Folded | null;
  private disposed = false;

  constructor(
    readonly spec: NetworkSpec,
    readonly meta: ModelMeta,
    private readonly w: NetworkWeights,
  ) {
    this.byName = new Map(w.blocks.map((b, i) => [b.spec.name, i]));
    this.grouped = w.blocks.map((b) => prepareGroupedConv(b.conv2, b.spec.groups));
    // Everything derived from the weights is built now, so that running the model allocates nothing
    // that outlives a call (grouped-conv layouts of another backend's strategy excepted).
    this.grouped.forEach((g) => g.warm());
    this.folded = this.foldWeights();
    this.folded.blocks.forEach((b) => b.conv2.warm());
  }

  captureNames(): string[] {
    const names = ['conv1', 'bn1', 'relu'];
    if (this.spec.stem === 'imagenet') names.push('maxpool');
    for (const b of this.w.blocks) for (const s of BLOCK_STEPS) names.push(`${b.spec.name}.${s}`);
    names.push('pool', 'fc');
    return names;
  }

  blockParams(name: string): BlockParams {
    return this.w.blocks[this.blockIndex(name)];
  }

  predict(x: tf.Tensor4D): tf.Tensor2D {
    const pass = this.fusedPass(x);
    for (;;) {
      const step = pass.next();
      if (step.done) return step.value;
    }
  }

  async predictInTasks(x: tf.Tensor4D, pause: () => Promise<void> = nextTask): Promise<tf.Tensor2D> {
    const pass = this.fusedPass(x);
    try {
      for (;;) {
        const step = pass.next();
        if (step.done) return step.value;
        await pause();
      }
    } finally {
      // A pause that fails ends the pass here, which frees its tensors (a finished pass ignores this).
      pass.return(undefined as never);
    }
  }

  forward(x: tf.Tensor4D, capture: readonly string[] = []): ForwardResult {
    this.checkInput(x);
    const valid = new Set(this.captureNames());
    const unknown = capture.filter((n) => !valid.has(n));
    if (unknown.length) throw new Error(`forward: unknown capture name(s) ${unknown.join(', ')}`);
    const want = new Set(capture);
    const tensors: Record<string, tf.Tensor> = {};
    const keep = (name: string, t: tf.Tensor) => {
      if (want.has(name)) tensors[name] = tf.keep(t.clone());
    };

    let y = this.stem(x, keep);
    for (const b of this.w.blocks) {
      const name = b.spec.name;
      const steps = BLOCK_STEPS.filter((s) => want.has(`${name}.${s}`));
      const r = this.runBlockAt(this.byName.get(name)!, y, steps);
      for (const [s, t] of Object.entries(r.tensors)) tensors[`${name}.${s}`] = t;
      y.dispose();
      y = r.out;
    }
    const logits = tf.tidy(() => {
      const pool = tf.mean(y, [1, 2]) as tf.Tensor2D;
      keep('pool', pool);
      const fc = tf.add(tf.matMul(pool, this.w.fcWeight), this.w.fcBias) as tf.Tensor2D;
      keep('fc', fc);
      return fc;
    });
    y.dispose();
    return { logits, tensors };
  }

  runStem(x: tf.Tensor4D): tf.Tensor4D {
    this.checkInput(x);
    return this.stem(x, () => undefined);
  }

  blockNames(): string[] {
    return this.w.blocks.map((b) => b.spec.name);
  }

  runBlock(name: string, x: tf.Tensor4D, capture: readonly BlockStep[] = []): BlockResult {
    const unknown = capture.filter((s) => !(BLOCK_STEPS as readonly string[]).includes(s));
    if (unknown.length) throw new Error(`runBlock: unknown step(s) ${unknown.join(', ')}`);
    const i = this.blockIndex(name);
    const cin = this.w.blocks[i].spec.inChannels;
    if (x.rank !== 4 || x.shape[3] !== cin) {
      throw new Error(`runBlock: ${name} takes [N,H,W,${cin}], got [${x.shape.join(',')}]`);
    }
    return this.runBlockAt(i, x, capture);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.grouped.forEach((g) => g.dispose());
    if (this.folded) {
      const f = this.folded;
      this.folded = null;
      tf.dispose([f.stem.filter, f.stem.bias]);
      for (const b of f.blocks) {
        b.conv2.dispose();
        for (const c of [b.conv1, b.conv2Tensors, b.conv3, b.downsample])
          if (c) tf.dispose([c.filter, c.bias]);
      }
    }
    disposeWeights(this.w);
  }

  /**
   * The fast path's block sequence, written once: the stem, each block, the head. It yields before each block,
   * where predictInTasks pauses and predict goes straight on; it returns the logits, owned by the caller, and
   * frees every intermediate, also when it fails or is ended early.
   */
  private *fusedPass(x: tf.Tensor4D): Generator<void, tf.Tensor2D, void> {
    this.checkInput(x);
    let y = this.fusedStem(x);
    try {
      for (let i = 0; i < this.w.blocks.length; i++) {
        yield;
        const next = this.fusedBlock(i, y);
        y.dispose();
        y = next;
      }
      return this.fusedHead(y);
    } finally {
      y.dispose();
    }
  }

  /** The stem with batch norm folded into conv1. */
  private fusedStem(x: tf.Tensor4D): tf.Tensor4D {
    const f = this.foldedWeights();
    const [stemStride, stemPad] = this.stemGeometry();
    return tf.tidy(() => {
      const s = f.stem;
      const stem = tf.fused.conv2d({
        x,
        filter: s.filter,
        strides: stemStride,
        pad: pad(stemPad),
        bias: s.bias,
        activation: 'relu',
      });
      return this.spec.stem === 'imagenet' ? maxPool(stem) : stem;
    });
  }

  /** Block i with batch norm folded into its convolutions; y is its input (kept). */
  private fusedBlock(i: number, y: tf.Tensor4D): tf.Tensor4D {
    const b = this.w.blocks[i];
    const fb = this.foldedWeights().blocks[i];
    return tf.tidy(() => {
      const stride = b.spec.stride;
      const y1 = tf.fused.conv2d({
        x: y,
        ...convArgs(fb.conv1),
        strides: 1,
        pad: pad(0),
        activation: 'relu',
      });
      const y2 = fb.conv2.apply(y1, stride, 1, 'relu');
      const y3 = tf.fused.conv2d({ x: y2, ...convArgs(fb.conv3), strides: 1, pad: pad(0) });
      const sc = fb.downsample
        ? tf.fused.conv2d({ x: y, ...convArgs(fb.downsample), strides: stride, pad: pad(0) })
        : y;
      return tf.relu(tf.add(y3, sc)) as tf.Tensor4D;
    });
  }

  /** Global average pool and the classifier; y is kept. */
  private fusedHead(y: tf.Tensor4D): tf.Tensor2D {
    return tf.tidy(
      () =>
        tf.fused.matMul({
          a: tf.mean(y, [1, 2]) as tf.Tensor2D,
          b: this.w.fcWeight,
          bias: this.w.fcBias,
        }) as tf.Tensor2D,
    );
  }

  /** conv1 → bn1 → ReLU (→ max-pool), handing each named result to `keep`. */
  private stem(x: tf.Tensor4D, keep: (name: string, t: tf.Tensor) => void): tf.Tensor4D {
    const [stemStride, stemPad] = this.stemGeometry();
    return tf.tidy(() => {
      const conv1 = tf.conv2d(x, this.w.conv1, stemStride, pad(stemPad));
      keep('conv1', conv1);
      const bn1 = batchNorm(conv1, this.w.bn1);
      keep('bn1', bn1);
      let out = tf.relu(bn1);
      keep('relu', out);
      if (this.spec.stem === 'imagenet') {
        out = maxPool(out);
        keep('maxpool', out);
      }
      return out;
    });
  }

  private runBlockAt(i: number, x: tf.Tensor4D, capture: readonly BlockStep[]): BlockResult {
    const b = this.w.blocks[i];
    const want = new Set(capture);
    const tensors: Partial<Record<BlockStep, tf.Tensor4D>> = {};
    const keep = (step: BlockStep, t: tf.Tensor4D) => {
      if (want.has(step)) tensors[step] = tf.keep(t.clone());
      return t;
    };
    const out = tf.tidy(() => {
      const stride = b.spec.stride;
      keep('in', x);
      const conv1 = keep('conv1', tf.conv2d(x, b.conv1, 1, pad(0)));
      const bn1 = keep('bn1', batchNorm(conv1, b.bn1));
      const relu1 = keep('relu1', tf.relu(bn1));
      const conv2 = keep('conv2', this.grouped[i].apply(relu1, stride, 1));
      const bn2 = keep('bn2', batchNorm(conv2, b.bn2));
      const relu2 = keep('relu2', tf.relu(bn2));
      const conv3 = keep('conv3', tf.conv2d(relu2, b.conv3, 1, pad(0)));
      const bn3 = keep('bn3', batchNorm(conv3, b.bn3));
      const shortcut = keep(
        'shortcut',
        b.downsample ? batchNorm(tf.conv2d(x, b.downsample.conv, stride, pad(0)), b.downsample.bn) : x,
      );
      const add = keep('add', tf.add(bn3, shortcut));
      return keep('out', tf.relu(add));
    });
    return { out, tensors };
  }

  private foldedWeights(): Folded {
    if (this.disposed || !this.folded) throw new Error('model used after dispose()');
    return this.folded;
  }

  private foldWeights(): Folded {
    const w = this.w;
    const blocks = w.blocks.map((b): FoldedBlock => {
      const conv2Tensors = foldBn(b.conv2, b.bn2);
      return {
        conv1: foldBn(b.conv1, b.bn1),
        conv2Tensors,
        conv2: prepareGroupedConv(conv2Tensors.filter, b.spec.groups, conv2Tensors.bias),
        conv3: foldBn(b.conv3, b.bn3),
        downsample: b.downsample ? foldBn(b.downsample.conv, b.downsample.bn) : undefined,
      };
    });
    return { stem: foldBn(w.conv1, w.bn1), blocks };
  }

  /** conv1 stride and padding: 3×3/1 pad 1 (CIFAR) or 7×7/2 pad 3 (ImageNet). */
  private stemGeometry(): [number, number] {
    return this.spec.stem === 'cifar' ? [1, 1] : [2, 3];
  }

  private blockIndex(name: string): number {
    if (this.disposed) throw new Error('model used after dispose()');
    const i = this.byName.get(name);
    if (i === undefined) throw new Error(`no block named ${name}`);
    return i;
  }

  private checkInput(x: tf.Tensor4D): void {
    if (this.disposed) throw new Error('model used after dispose()');
    if (x.rank !== 4 || x.shape[3] !== 3)
      throw new Error(`expected an NHWC input [N,H,W,3], got [${x.shape.join(',')}]`);
  }
}

const convArgs = (c: FoldedConv) => ({ filter: c.filter, bias: c.bias });

/**
 * 3×3 stride-2 max-pool with PyTorch's padding of 1. PyTorch pads with −∞; the input here is a
 * ReLU output (≥ 0) and every window holds at least one real value, so zero padding gives the same result.
 */
function maxPool(x: tf.Tensor4D): tf.Tensor4D {
  return tf.tidy(() => tf.maxPool(tf.pad(x, pad(1)), 3, 2, 'valid'));
}
