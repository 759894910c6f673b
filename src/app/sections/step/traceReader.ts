import type * as tf from '@tensorflow/tfjs-core';
import { BLOCK_STEPS, type BlockParams, type BlockStep, type BnParams } from '../../../resnext/model';
import type { BnValues } from '../../../resnext/oneOutput';
import { contributionsOfChannel, type BlockTrace } from '../../../resnext/stepThrough';
import { TraceGoneError } from './traceGone';

/** The trace was freed (replaced or unmounted) before a read finished. */
export { TraceGoneError };

const KEPT_CHANNELS = 8;

/** A block's weights as arrays: conv3 [C·d, out], the batch norms, the projection's 1×1 [in, out] and its norm. */
export interface BlockWeightValues {
  conv3: Float32Array;
  bn2: BnValues;
  bn3: BnValues;
  projection?: { weights: Float32Array; bn: BnValues };
}

/**
 * Reads a trace's tensors into JavaScript arrays, each at most once, so that stepping back and forth reads
 * nothing from the device again. Creates no lasting tensors: the per-channel contribution slices are freed as
 * soon as they are read.
 */
export class TraceReader {
  private readonly cache = new Map<string, Promise<Float32Array>>();
  private readonly done = new Map<string, Float32Array>();
  private readonly channelOrder: number[] = [];

  private weightsRead: Promise<BlockWeightValues> | null = null;
  private weightsDone: BlockWeightValues | undefined;

  constructor(
    readonly trace: BlockTrace,
    /** the block's weights (conv2 [3, 3, d, C·d], conv3, the batch norms, the projection), owned by the model */
    private readonly params: BlockParams,
  ) {}

  get released(): boolean {
    return this.trace.contributionSum.isDisposed;
  }

  shape(name: BlockStep): readonly number[] {
    return this.trace.tensors[name].shape;
  }

  /** Values of a step's tensor, [1, H, W, C] flat (NHWC). */
  values(name: BlockStep): Promise<Float32Array> {
    return this.cached(name, () => this.trace.tensors[name]);
  }

  /** conv2's weights, HWIO flat. */
  kernel(): Promise<Float32Array> {
    return this.cached('conv2.weight', () => this.params.conv2);
  }

  /** The weights the one-output views write out: conv3, bn2, bn3 and the projection, read once. */
  blockWeights(): Promise<BlockWeightValues> {
    if (!this.weightsRead) {
      const bn = async (p: BnParams, name: string): Promise<BnValues> => {
        const [gamma, beta, mean, variance] = await Promise.all(
          [p.gamma, p.beta, p.mean, p.var].map((t, i) => this.cached(`${name}.${i}`, () => t)),
        );
        return { gamma, beta, mean, variance };
      };
      const ds = this.params.downsample;
      const read = Promise.all([
        this.cached('conv3.weight', () => this.params.conv3),
        bn(this.params.bn2, 'bn2'),
        bn(this.params.bn3, 'bn3'),
        ds ? this.cached('downsample.weight', () => ds.conv) : null,
        ds ? bn(ds.bn, 'downsample.bn') : null,
      ]).then(([conv3, bn2, bn3, dsWeights, dsBn]) => {
        const values: BlockWeightValues = {
          conv3,
          bn2,
          bn3,
          projection: dsWeights && dsBn ? { weights: dsWeights, bn: dsBn } : undefined,
        };
        this.weightsDone = values;
        return values;
      });
      read.catch(() => {
        if (this.weightsRead === read) this.weightsRead = null;
      });
      this.weightsRead = read;
    }
    return this.weightsRead;
  }

  /** What blockWeights() resolved to, once it has. */
  peekWeights(): BlockWeightValues | undefined {
    return this.weightsDone;
  }

  /** Σᵢ Tᵢ(x), [1, H, W, out] flat. */
  contributionSum(): Promise<Float32Array> {
    return this.cached('contrib.sum', () => this.trace.contributionSum);
  }

  /** Reads every step's tensor, the kernel and the contribution sum, so that stepping needs no further reads. */
  async prefetch(): Promise<void> {
    await Promise.all([
      ...BLOCK_STEPS.map((s) => this.values(s)),
      this.kernel(),
      this.contributionSum(),
      this.blockWeights(),
    ]);
  }

  /** What values()/kernel()/contributionSum()/contributions() resolved to, once they have (else undefined). */
  peek(what: BlockStep | 'kernel' | 'sum' | number): Float32Array | undefined {
    const key =
      typeof what === 'number'
        ? `contrib.${what}`
        : what === 'kernel'
          ? 'conv2.weight'
          : what === 'sum'
            ? 'contrib.sum'
            : what;
    return this.done.get(key);
  }

  /** Output channel k of every Tᵢ, [C, H, W] flat. */
  contributions(k: number): Promise<Float32Array> {
    const key = `contrib.${k}`;
    if (!this.cache.has(key)) {
      this.channelOrder.push(k);
      if (this.channelOrder.length > KEPT_CHANNELS) {
        const old = `contrib.${this.channelOrder.shift()}`;
        this.cache.delete(old);
        this.done.delete(old);
      }
    }
    return this.cached(key, () => contributionsOfChannel(this.trace, k), true);
  }

  private cached(key: string, make: () => tf.Tensor, owned = false): Promise<Float32Array> {
    let p = this.cache.get(key);
    if (!p) {
      p = this.read(make, owned).then((values) => {
        if (this.cache.get(key) === p) this.done.set(key, values);
        return values;
      });
      this.cache.set(key, p);
      // A failed read is not kept, so a later call tries again.
      p.catch(() => this.cache.get(key) === p && this.cache.delete(key));
    }
    return p;
  }

  private async read(make: () => tf.Tensor, owned: boolean): Promise<Float32Array> {
    if (this.released) throw new TraceGoneError();
    const t = make();
    try {
      return (await t.data()) as Float32Array;
    } finally {
      if (owned) t.dispose();
    }
  }
}
