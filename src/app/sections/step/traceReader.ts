import type * as tf from '@tensorflow/tfjs-core';
import { BLOCK_STEPS, type BlockStep } from '../../../resnext/model';
import { contributionsOfChannel, type BlockTrace } from '../../../resnext/stepThrough';

/** The trace was freed (replaced or unmounted) before a read finished. */
export class TraceGoneError extends Error {
  constructor() {
    super('the block trace was released');
    this.name = 'TraceGoneError';
  }
}

const KEPT_CHANNELS = 8;

/**
 * Reads a trace's tensors into JavaScript arrays, each at most once, so that stepping back and forth reads
 * nothing from the device again. Creates no lasting tensors: the per-channel contribution slices are freed as
 * soon as they are read.
 */
export class TraceReader {
  private readonly cache = new Map<string, Promise<Float32Array>>();
  private readonly done = new Map<string, Float32Array>();
  private readonly channelOrder: number[] = [];

  constructor(
    readonly trace: BlockTrace,
    /** the block's grouped conv weights [3, 3, d, C·d], owned by the model */
    private readonly conv2: tf.Tensor4D,
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
    return this.cached('conv2.weight', () => this.conv2);
  }

  /** Σᵢ Tᵢ(x), [1, H, W, out] flat. */
  contributionSum(): Promise<Float32Array> {
    return this.cached('contrib.sum', () => this.trace.contributionSum);
  }

  /** Reads every step's tensor, the kernel and the contribution sum, so that stepping needs no further reads. */
  async prefetch(): Promise<void> {
    await Promise.all([...BLOCK_STEPS.map((s) => this.values(s)), this.kernel(), this.contributionSum()]);
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
