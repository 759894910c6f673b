import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { makeRng } from './rng';
import {
  LAB_CLASSES,
  LAB_OUTPUTS,
  LAB_STRIDES,
  labBnNames,
  labParamShapes,
  sizeOf,
  type LabSpec,
} from './labSpec';
import { trainConv2d, trainGroupedConv2d } from './trainConv';

/** PyTorch's batch-norm defaults. */
const LAB_BN_EPS = 1e-5;
const LAB_BN_MOMENTUM = 0.1;

export interface SgdConfig {
  lr: number;
  momentum: number;
  weightDecay: number;
}

export const LAB_SGD: Readonly<SgdConfig> = Object.freeze({ lr: 0.05, momentum: 0.9, weightDecay: 5e-4 });

/** Host copies of the network's tensors, keyed by PyTorch's names (tfjs layouts). */
export type LabWeights = Map<string, Float32Array>;

/**
 * Seeded initialisation as PyTorch's ResNet does it: convolutions Kaiming-normal with the fan-out (std
 * √(2 / fan-out)), batch norm γ = 1, β = 0, running mean 0 and variance 1, the linear layer uniform in
 * ±1/√(fan-in), weights and bias.
 */
export function initLabWeights(spec: LabSpec, seed: number): LabWeights {
  const rng = makeRng(seed);
  const out: LabWeights = new Map();
  for (const p of labParamShapes(spec)) {
    const a = new Float32Array(sizeOf(p.shape));
    if (p.kind === 'conv') {
      const std = Math.sqrt(2 / p.fan);
      for (let i = 0; i < a.length; i++) a[i] = rng.normal() * std;
    } else if (p.kind === 'bnWeight') a.fill(1);
    else if (p.kind === 'fcWeight' || p.kind === 'fcBias') {
      const bound = 1 / Math.sqrt(p.fan);
      for (let i = 0; i < a.length; i++) a[i] = (rng.next() * 2 - 1) * bound;
    }
    out.set(p.name, a);
  }
  for (const bn of labBnNames()) {
    const ch = out.get(`${bn}.weight`)!.length;
    out.set(`${bn}.running_mean`, new Float32Array(ch));
    out.set(`${bn}.running_var`, new Float32Array(ch).fill(1));
  }
  return out;
}

/** Batch statistics of one training forward pass, per batch-norm layer (biased variance). */
export type BatchStats = Map<string, { mean: tf.Tensor1D; variance: tf.Tensor1D; count: number }>;

/**
 * The lab's network with its trainable variables, running statistics and SGD momentum buffers. Every method
 * leaves no tensor behind but the ones it returns; `dispose` frees the rest.
 */
export class LabNet {
  readonly spec: LabSpec;
  readonly params = new Map<string, tf.Variable>();
  readonly running = new Map<string, tf.Variable>();
  private readonly momentum = new Map<string, tf.Variable>();

  constructor(spec: LabSpec, weights: LabWeights) {
    this.spec = spec;
    for (const p of labParamShapes(spec)) {
      const data = weights.get(p.name);
      if (!data || data.length !== sizeOf(p.shape))
        throw new Error(`lab weights: ${p.name} is missing or of the wrong size`);
      this.params.set(p.name, LabNet.variable(data, p.shape, true, p.name));
    }
    for (const bn of labBnNames()) {
      for (const s of ['running_mean', 'running_var']) {
        const data = weights.get(`${bn}.${s}`);
        if (!data) throw new Error(`lab weights: ${bn}.${s} is missing`);
        this.running.set(`${bn}.${s}`, LabNet.variable(data, [data.length], false, `${bn}.${s}`));
      }
    }
  }

  private static ids = 0;

  /** A variable holding a copy of `data` (the tensor it was made from is disposed). */
  private static variable(
    data: Float32Array,
    shape: number[],
    trainable: boolean,
    name: string,
  ): tf.Variable {
    const t = tf.tensor(data, shape);
    const v = tf.variable(t, trainable, `lab.${name}#${LabNet.ids++}`);
    t.dispose();
    return v;
  }

  private p(name: string): tf.Tensor {
    const v = this.params.get(name);
    if (!v) throw new Error(`lab network has no parameter ${name}`);
    return v;
  }

  private bn(x: tf.Tensor4D, name: string, stats: BatchStats | null): tf.Tensor4D {
    const gamma = this.p(`${name}.weight`);
    const beta = this.p(`${name}.bias`);
    const ch = x.shape[3];
    if (stats) {
      // batch statistics per channel as matrix products with a row of 1/m (a reduction over the batch and
      // the positions, which the WASM backend otherwise computes through a transpose); variance in two passes
      const m = x.shape[0] * x.shape[1] * x.shape[2];
      const x2 = tf.reshape(x, [m, ch]);
      const avg = tf.fill([1, m], 1 / m);
      const mean = tf.reshape(tf.matMul(avg, x2), [ch]);
      const centred = tf.sub(x2, mean);
      const variance = tf.reshape(tf.matMul(avg, tf.square(centred)), [ch]);
      stats.set(name, {
        mean: tf.keep(mean) as tf.Tensor1D,
        variance: tf.keep(variance) as tf.Tensor1D,
        count: m,
      });
      const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, LAB_BN_EPS)));
      return tf.reshape(tf.add(tf.mul(centred, scale), beta), x.shape) as tf.Tensor4D;
    }
    const rm = this.running.get(`${name}.running_mean`)!;
    const rv = this.running.get(`${name}.running_var`)!;
    const scale = tf.mul(gamma, tf.rsqrt(tf.add(rv, LAB_BN_EPS)));
    // y = x·scale + (β − μ·scale): two operations on the activations
    return tf.add(tf.mul(x, scale), tf.sub(beta, tf.mul(rm, scale))) as tf.Tensor4D;
  }

  /** Logits [N, 10] of NHWC inputs; with `stats`, batch norm uses (and records) the batch's statistics. */
  logits(x: tf.Tensor4D, stats: BatchStats | null): tf.Tensor2D {
    const { c } = this.spec;
    let h = tf.relu(this.bn(trainConv2d(x, this.p('conv1.weight') as tf.Tensor4D, 1, 1), 'bn1', stats));
    LAB_OUTPUTS.forEach((_, i) => {
      const pre = `layer${i + 1}`;
      const s = LAB_STRIDES[i];
      let y = tf.relu(
        this.bn(trainConv2d(h, this.p(`${pre}.conv1.weight`) as tf.Tensor4D, 1, 0), `${pre}.bn1`, stats),
      );
      y = tf.relu(
        this.bn(
          trainGroupedConv2d(y, this.p(`${pre}.conv2.weight`) as tf.Tensor4D, c, s, 1),
          `${pre}.bn2`,
          stats,
        ),
      );
      y = this.bn(trainConv2d(y, this.p(`${pre}.conv3.weight`) as tf.Tensor4D, 1, 0), `${pre}.bn3`, stats);
      const sc = this.bn(
        trainConv2d(h, this.p(`${pre}.downsample.0.weight`) as tf.Tensor4D, s, 0),
        `${pre}.downsample.1`,
        stats,
      );
      h = tf.relu(tf.add(y, sc));
    });
    const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D;
    return tf.add(tf.matMul(pooled, this.p('fc.weight') as tf.Tensor2D), this.p('fc.bias')) as tf.Tensor2D;
  }

  /**
   * Training-mode loss (mean softmax cross-entropy) and the gradient of every parameter. The caller disposes
   * `loss`, `grads` and the batch statistics.
   */
  lossAndGrads(
    x: tf.Tensor4D,
    labels: Int32Array,
  ): { loss: tf.Scalar; grads: Map<string, tf.Tensor>; stats: BatchStats } {
    const stats: BatchStats = new Map();
    const oneHot = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), LAB_CLASSES), 'float32'));
    const { value, grads } = tf.variableGrads(() => {
      const logits = this.logits(x, stats);
      return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1))) as tf.Scalar;
    }, [...this.params.values()]);
    oneHot.dispose();
    const byName = new Map<string, tf.Tensor>();
    for (const [name, v] of this.params) byName.set(name, grads[v.name]);
    return { loss: value, grads: byName, stats };
  }

  /** PyTorch's running-statistics update: r ← (1 − m)·r + m·batch, the variance unbiased (n/(n−1)). */
  updateRunning(stats: BatchStats): void {
    tf.tidy(() => {
      for (const [name, { mean, variance, count }] of stats) {
        const rm = this.running.get(`${name}.running_mean`)!;
        const rv = this.running.get(`${name}.running_var`)!;
        rm.assign(tf.add(tf.mul(rm, 1 - LAB_BN_MOMENTUM), tf.mul(mean, LAB_BN_MOMENTUM)));
        const unbiased = tf.mul(variance, count / Math.max(count - 1, 1));
        rv.assign(tf.add(tf.mul(rv, 1 - LAB_BN_MOMENTUM), tf.mul(unbiased, LAB_BN_MOMENTUM)));
      }
    });
  }

  /**
   * PyTorch's SGD: g ← g + λ·w; b ← g on the first step, else μ·b + g; w ← w − lr·b.
   */
  applySgd(grads: Map<string, tf.Tensor>, sgd: SgdConfig, lr = sgd.lr): void {
    tf.tidy(() => {
      for (const [name, w] of this.params) {
        const g0 = grads.get(name);
        if (!g0) throw new Error(`no gradient for ${name}`);
        const g = sgd.weightDecay ? tf.add(g0, tf.mul(w, sgd.weightDecay)) : g0;
        let buf = this.momentum.get(name);
        if (!buf) {
          buf = tf.variable(tf.clone(g), false);
          this.momentum.set(name, buf);
        } else buf.assign(tf.add(tf.mul(buf, sgd.momentum), g));
        w.assign(tf.sub(w, tf.mul(buf, lr)));
      }
    });
  }

  /** One training step on a batch; returns its loss (before the update). */
  async trainStep(
    x: tf.Tensor4D,
    labels: Int32Array,
    sgd: SgdConfig = LAB_SGD,
    lr = sgd.lr,
  ): Promise<number> {
    const { loss, grads, stats } = this.lossAndGrads(x, labels);
    try {
      this.updateRunning(stats);
      this.applySgd(grads, sgd, lr);
      return (await loss.data())[0];
    } finally {
      loss.dispose();
      tf.dispose([...grads.values()]);
      for (const s of stats.values()) tf.dispose([s.mean, s.variance]);
    }
  }

  /** Count of correct eval-mode predictions on NHWC inputs, in batches. */
  async correct(x: tf.Tensor4D, labels: ArrayLike<number>, batch = 250): Promise<number> {
    let right = 0;
    for (let i = 0; i < x.shape[0]; i += batch) {
      const n = Math.min(batch, x.shape[0] - i);
      const pred = tf.tidy(() => tf.argMax(this.logits(tf.slice(x, [i, 0, 0, 0], [n, -1, -1, -1]), null), 1));
      const p = await pred.data();
      pred.dispose();
      for (let j = 0; j < n; j++) if (p[j] === labels[i + j]) right++;
    }
    return right;
  }

  /** Host copies of every parameter and running statistic. */
  async weights(): Promise<LabWeights> {
    const out: LabWeights = new Map();
    for (const [k, v] of [...this.params, ...this.running]) out.set(k, (await v.data()) as Float32Array);
    return out;
  }

  dispose(): void {
    for (const m of [this.params, this.running, this.momentum]) {
      for (const v of m.values()) v.dispose();
      m.clear();
    }
  }
}
