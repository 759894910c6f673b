import type { SafetensorsFile } from '../../resnext/safetensors';
import { requestedFault, requestedHang, type InjectedFault } from '../backend/faultInjection';
import type { BackendName } from '../backend/types';
import {
  InferenceWorkerError,
  type ClassifyResult,
  type InferenceFailure,
  type InferenceReply,
  type InferenceRequest,
  type LoadResult,
  type MemoryResult,
  type ResultOf,
  type TensorData,
} from './protocol';

/**
 * 'off': no model has been handed to the worker yet (or this browser has no workers); 'starting': its backend
 * starts, or the model loads there; 'ready': the worker runs the network; 'failed': it cannot, and the page
 * computes instead (`failure` says why).
 */
type InferencePhase = 'off' | 'starting' | 'ready' | 'failed';

export interface InferenceState {
  phase: InferencePhase;
  /** whether a part of the page that uses the worker (Classify, the step-through) is shown */
  wanted: boolean;
  /** the backend the worker runs (always the page's) */
  backend: BackendName | null;
  failure: InferenceFailure | null;
  /** WASM only: the worker's threads */
  threads?: number;
  /** how long the worker's backend took to start, its checks included */
  startMs?: number;
  /** the canary in the worker, once the default model has loaded there */
  canary?: LoadResult['canary'];
}

/** What the client needs of a Worker (tests pass a fake that runs the service in the same thread). */
export interface WorkerPort {
  postMessage(message: InferenceRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<InferenceReply>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

interface Pending {
  resolve: (result: ResultOf[InferenceRequest['type']]) => void;
  reject: (err: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface Handle {
  /** the worker it was loaded into */
  generation: number;
  /** its id there; null when it could not be loaded */
  id: Promise<number | null>;
  /**
   * How long one request for this model takes in the worker, as far as the page knows: the canary's time
   * (one forward pass), then the slowest answer so far; null before either.
   */
  expectedMs: number | null;
}

/*
 * How long the page waits for the worker before it gives up on it, terminates it and computes on the page.
 * The bounds are generous, so that only a worker that has stopped answering (a driver hang, a kernel that
 * never ends) is given up on, never a slow machine:
 * - starting its backend (packages, binaries, the checks) and loading a model (with the canary: one forward
 *   pass): 2 minutes each;
 * - a classification or a block input: 20 times the longest this model has taken there (its canary, or its
 *   slowest answer), and at least 10 s; 2 minutes while nothing has been measured for the model yet.
 */
export const SLOW_REQUEST_MS = 120_000;
export const REQUEST_FLOOR_MS = 10_000;
const REQUEST_FACTOR = 20;

/** The wait for a classification or a block input of a model that takes `expectedMs` (null: unknown). */
export function requestTimeoutMs(expectedMs: number | null): number {
  return expectedMs === null ? SLOW_REQUEST_MS : Math.max(REQUEST_FLOOR_MS, REQUEST_FACTOR * expectedMs);
}

interface Offer {
  file: SafetensorsFile;
  backend: BackendName;
  canary: boolean;
}

type Without<R> = R extends unknown ? Omit<R, 'id'> : never;

const failureOf = (err: unknown): InferenceFailure =>
  err instanceof InferenceWorkerError
    ? err.failure
    : { code: 'error', message: err instanceof Error ? err.message : String(err) };

/**
 * The page's side of the inference worker. Each model the store builds on the page is offered to the worker
 * (`offer`) and loaded there, on the same backend, once the page's own checks are done (`attach`); the worker
 * is replaced when the backend changes. `classify` and `blockInput` answer from the worker, or null when it
 * cannot (none, not handed this model, failed to start, failed its checks or canary, or died): then the
 * caller computes on the page, as without a worker. A failure is final for that worker: it is terminated,
 * with everything it held, and the page computes until the backend changes.
 */
export class InferenceClient {
  private port: WorkerPort | null = null;
  private generation = 0;
  private started: Promise<boolean> = Promise.resolve(false);
  private readonly pending = new Map<number, Pending>();
  private readonly models = new WeakMap<object, Handle>();
  private readonly offers = new WeakMap<object, Offer>();
  private nextRequest = 1;
  private nextModel = 1;
  private state: InferenceState = { phase: 'off', wanted: false, backend: null, failure: null };
  private wanting = 0;
  private readonly listeners = new Set<() => void>();
  private readonly counts = { classify: 0, blockInput: 0 };

  constructor(
    private readonly spawn: (() => WorkerPort) | null,
    private readonly fault: () => InjectedFault | null = requestedFault,
    private readonly hang: () => boolean = requestedHang,
  ) {}

  getState = (): InferenceState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * A part of the page that asks the worker for results is shown; call the returned function when it goes.
   * The worker is started only while one is (InferenceGate.tsx), so pages that never classify or step through
   * a block do not pay for it.
   */
  want(): () => void {
    this.wanting++;
    if (this.wanting === 1) this.publish({ ...this.state, wanted: true });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.wanting--;
      if (this.wanting === 0) this.publish({ ...this.state, wanted: false });
    };
  }

  /**
   * Notes that `model` was built from `file` on `backend` (the page's). Nothing starts until `attach`:
   * the page first runs its own checks, so that the two do not compete for the processor. With `canary`,
   * the worker runs the golden canary on the model first (the default model only).
   */
  offer(model: object, file: SafetensorsFile, backend: BackendName, canary: boolean): void {
    if (this.spawn) this.offers.set(model, { file, backend, canary });
  }

  /**
   * Loads an offered model's weights into the worker, on its backend (a worker on another backend is replaced;
   * one that failed on this backend is not tried again). Once per model; nothing happens without an offer, or
   * when the model was built on another backend than `current`, the page's now (it is about to be replaced).
   */
  attach(model: object, current: BackendName): void {
    const offer = this.offers.get(model);
    if (!offer || !this.spawn || this.models.has(model) || offer.backend !== current) return;
    const { file, backend, canary } = offer;
    if (this.state.backend !== backend || !this.port) {
      if (this.state.backend === backend && this.state.phase === 'failed') return;
      this.restart(backend);
    }
    if (this.state.phase === 'failed') return;
    const generation = this.generation;
    const modelId = this.nextModel++;
    const id = this.started.then(async (ok) => {
      if (!ok) return null;
      try {
        const result = (await this.request(
          { type: 'load', model: modelId, file, canary },
          SLOW_REQUEST_MS,
        )) as LoadResult;
        if (result.canary) handle.expectedMs = result.canary.ms;
        if (generation === this.generation) {
          this.publish({
            ...this.state,
            phase: 'ready',
            ...(result.canary ? { canary: result.canary } : {}),
          });
        }
        return modelId;
      } catch (err) {
        this.fail(err, generation);
        return null;
      }
    });
    const handle: Handle = { generation, id, expectedMs: null };
    this.models.set(model, handle);
  }

  /** Frees `model`'s copy in the worker (the page disposes its own). */
  detach(model: object): void {
    this.offers.delete(model);
    const handle = this.models.get(model);
    if (!handle) return;
    this.models.delete(model);
    void handle.id.then((id) => {
      if (id === null || handle.generation !== this.generation || !this.port) return;
      this.request({ type: 'unload', model: id }, SLOW_REQUEST_MS).catch(() => undefined);
    });
  }

  /** Whether the worker may answer for `model` (it was handed over, and this worker has not failed). */
  has(model: object): boolean {
    const handle = this.models.get(model);
    return !!handle && handle.generation === this.generation && this.state.phase !== 'failed';
  }

  /** The logits for a normalised NHWC input, or null: then the page computes them. */
  classify(model: object, input: TensorData): Promise<ClassifyResult | null> {
    return this.call(model, (id) => ({
      type: 'classify',
      model: id,
      input,
    })) as Promise<ClassifyResult | null>;
  }

  /** The input of `block` for a normalised NHWC input, or null: then the page computes it. */
  blockInput(model: object, input: TensorData, block: string): Promise<TensorData | null> {
    return this.call(model, (id) => ({
      type: 'blockInput',
      model: id,
      input,
      block,
    })) as Promise<TensorData | null>;
  }

  /** How many classifications and block inputs the worker has answered on this page (for the tests). */
  answered(): { classify: number; blockInput: number } {
    return { ...this.counts };
  }

  /** tf.memory() in the worker, or null without one (for the memory tests). */
  async memory(): Promise<MemoryResult | null> {
    if (!this.port || this.state.phase === 'failed') return null;
    return (await this.request({ type: 'memory' }, SLOW_REQUEST_MS)) as MemoryResult;
  }

  /** Terminates the worker; it is started again for the next model. */
  close(): void {
    if (!this.port && this.state.phase === 'off') return;
    this.stop();
    this.publish({ phase: 'off', wanted: this.wanting > 0, backend: null, failure: null });
  }

  private async call(
    model: object,
    make: (id: number) => Without<InferenceRequest>,
  ): Promise<ResultOf[InferenceRequest['type']] | null> {
    const handle = this.models.get(model);
    if (!handle) return null;
    const id = await handle.id;
    if (id === null || handle.generation !== this.generation || this.state.phase !== 'ready') return null;
    try {
      const request = make(id);
      const t0 = performance.now();
      const result = await this.request(request, requestTimeoutMs(handle.expectedMs));
      handle.expectedMs = Math.max(handle.expectedMs ?? 0, performance.now() - t0);
      if (request.type === 'classify' || request.type === 'blockInput') this.counts[request.type]++;
      return result;
    } catch (err) {
      this.fail(err, handle.generation);
      return null;
    }
  }

  private restart(backend: BackendName): void {
    this.stop();
    const generation = this.generation;
    this.publish({ ...this.state, phase: 'starting', backend, failure: null });
    let port: WorkerPort;
    try {
      port = this.spawn!();
    } catch (err) {
      this.fail(new InferenceWorkerError({ code: 'crashed', message: failureOf(err).message }), generation);
      this.started = Promise.resolve(false);
      return;
    }
    this.port = port;
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      const detail = (event as ErrorEvent).message || 'the worker stopped';
      this.fail(new InferenceWorkerError({ code: 'crashed', message: detail }), generation);
    };
    const start: Without<InferenceRequest> = {
      type: 'start',
      backend,
      fault: this.fault(),
      ...(__TEST_HOOKS__ && this.hang() ? { hang: true } : {}),
    };
    this.started = this.request(start, SLOW_REQUEST_MS).then(
      (result) => {
        const { threads, ms } = result as ResultOf['start'];
        if (generation === this.generation)
          this.publish({ ...this.state, ...(threads ? { threads } : {}), ...(ms ? { startMs: ms } : {}) });
        return true;
      },
      (err: unknown) => {
        this.fail(err, generation);
        return false;
      },
    );
  }

  /** Sends a request; it fails with a 'timeout' failure when no answer comes within `timeoutMs`. */
  private request(
    message: Without<InferenceRequest>,
    timeoutMs: number,
  ): Promise<ResultOf[InferenceRequest['type']]> {
    const port = this.port;
    if (!port) return Promise.reject(new InferenceWorkerError({ code: 'crashed', message: 'no worker' }));
    const id = this.nextRequest++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.pending.delete(id)) return;
        const seconds = Math.round(timeoutMs / 1000);
        reject(
          new InferenceWorkerError({
            code: 'timeout',
            message: `no answer to '${message.type}' in ${seconds} s`,
            seconds,
          }),
        );
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      port.postMessage({ ...message, id } as InferenceRequest);
    });
  }

  private receive(reply: InferenceReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.result);
    else pending.reject(new InferenceWorkerError(reply.failure));
  }

  private fail(err: unknown, generation: number): void {
    if (generation !== this.generation || this.state.phase === 'failed') return;
    const failure = failureOf(err);
    console.warn(`Inference worker (${this.state.backend}) not used: ${failure.code}: ${failure.message}`);
    const backend = this.state.backend;
    this.stop();
    this.publish({ ...this.state, phase: 'failed', backend, failure });
  }

  /** Terminates the worker and rejects what it still owed; a later attach starts a new generation. */
  private stop(): void {
    this.generation++;
    this.port?.terminate();
    this.port = null;
    this.started = Promise.resolve(false);
    const owed = [...this.pending.values()];
    this.pending.clear();
    for (const p of owed) {
      clearTimeout(p.timer);
      p.reject(new InferenceWorkerError({ code: 'crashed', message: 'the worker was stopped' }));
    }
  }

  private publish(state: InferenceState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
