import type { SafetensorsFile } from '../../resnext/safetensors';
import { requestedFault, requestedHang, type InjectedFault } from '../backend/faultInjection';
import type { BackendName } from '../backend/types';
import { InferenceStateStore, type InferenceState } from './inferenceState';
import type { ClassifyResult, MemoryResult, TensorData } from './protocol';
import { SLOW_REQUEST_MS } from './requestTimeout';
import { WorkerLifecycle } from './workerLifecycle';
import { WorkerModel } from './workerModel';
import type { ArgsOf, ResultOf, WorkerPort } from './workerConnection';

export type { InferenceState } from './inferenceState';
export type { WorkerPort } from './workerConnection';

interface Offer {
  file: SafetensorsFile;
  backend: BackendName;
  canary: boolean;
}

/**
 * The page's side of the inference worker. Each model the store builds on the page is offered to the worker
 * (`offer`) and loaded there, on the same backend, once the page's own checks are done (`attach`); the worker
 * is replaced when the backend changes. `classify` and `blockInput` answer from the worker, or null when it
 * cannot (none, not handed this model, failed to start, failed its checks or canary, or died): then the
 * caller computes on the page, as without a worker. A failure is final for that worker: it is terminated,
 * with everything it held, and the page computes until the backend changes.
 */
export class InferenceClient {
  private readonly store = new InferenceStateStore();
  private readonly life: WorkerLifecycle | null;
  private readonly models = new WeakMap<object, WorkerModel>();
  private readonly offers = new WeakMap<object, Offer>();
  private readonly counts = { classify: 0, blockInput: 0 };

  constructor(
    spawn: (() => WorkerPort) | null,
    fault: () => InjectedFault | null = requestedFault,
    hang: () => boolean = requestedHang,
  ) {
    const startOptions = () => ({ fault: fault(), ...(__TEST_HOOKS__ && hang() ? { hang: true } : {}) });
    this.life = spawn ? new WorkerLifecycle(spawn, this.store, startOptions) : null;
  }

  getState = (): InferenceState => this.store.getState();

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  /**
   * A part of the page that asks the worker for results is shown; call the returned function when it goes.
   * The worker is started only while one is (InferenceGate.tsx), so pages that never classify or step through
   * a block do not pay for it.
   */
  want(): () => void {
    return this.store.want();
  }

  /**
   * Notes that `model` was built from `file` on `backend` (the page's). Nothing starts until `attach`: the page
   * first runs its own checks, so that the two do not compete for the processor. With `canary`, the worker runs
   * the golden canary on the model first (the default model only).
   */
  offer(model: object, file: SafetensorsFile, backend: BackendName, canary: boolean): void {
    if (this.life) this.offers.set(model, { file, backend, canary });
  }

  /**
   * Loads an offered model's weights into the worker, on its backend (a worker on another backend is replaced;
   * one that failed on this backend is not tried again). Once per model; nothing happens without an offer, or
   * when the model was built on another backend than `current`, the page's now (it is about to be replaced).
   */
  attach(model: object, current: BackendName): void {
    const offer = this.offers.get(model);
    const life = this.life;
    if (!offer || !life || this.models.has(model) || offer.backend !== current) return;
    const { file, backend, canary } = offer;
    const before = this.store.getState();
    if (before.backend !== backend || !life.running) {
      if (before.backend === backend && before.phase === 'failed') return;
      life.start(backend);
    }
    if (this.store.getState().phase === 'failed') return;
    const handle = new WorkerModel(life, file, canary, ({ canary }) =>
      this.store.patch({ phase: 'ready', ...(canary ? { canary } : {}) }),
    );
    this.models.set(model, handle);
  }

  /** Frees `model`'s copy in the worker (the page disposes its own). */
  detach(model: object): void {
    this.offers.delete(model);
    const handle = this.models.get(model);
    if (!handle) return;
    this.models.delete(model);
    handle.unload();
  }

  /** Whether the worker may answer for `model` (it was handed over, and this worker has not failed). */
  has(model: object): boolean {
    const handle = this.models.get(model);
    return !!handle?.current && this.store.getState().phase !== 'failed';
  }

  /** The logits for a normalised NHWC input, or null: then the page computes them. */
  classify(model: object, input: TensorData): Promise<ClassifyResult | null> {
    return this.ask(model, 'classify', (id) => [id, input]);
  }

  /** The input of `block` for a normalised NHWC input, or null: then the page computes it. */
  blockInput(model: object, input: TensorData, block: string): Promise<TensorData | null> {
    return this.ask(model, 'blockInput', (id) => [id, input, block]);
  }

  /** How many classifications and block inputs the worker has answered on this page (for the tests). */
  answered(): { classify: number; blockInput: number } {
    return { ...this.counts };
  }

  /** tf.memory() in the worker, or null without one (for the memory tests). */
  async memory(): Promise<MemoryResult | null> {
    const life = this.life;
    if (!life?.running || this.store.getState().phase === 'failed') return null;
    return life.call(life.generation, 'memory', [], SLOW_REQUEST_MS);
  }

  /** Terminates the worker; it is started again for the next model. */
  close(): void {
    if (!this.life || (!this.life.running && this.store.getState().phase === 'off')) return;
    this.life.stop();
    this.store.reset();
  }

  private async ask<K extends 'classify' | 'blockInput'>(
    model: object,
    method: K,
    args: (id: number) => ArgsOf<K>,
  ): Promise<ResultOf<K> | null> {
    const handle = this.models.get(model);
    if (!handle || (await handle.id) === null || this.store.getState().phase !== 'ready') return null;
    const result = await handle.ask(method, args);
    if (result !== null) this.counts[method]++;
    return result;
  }
}
