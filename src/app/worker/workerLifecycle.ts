import type { BackendName } from '../backend/types';
import type { InferenceStateStore } from './inferenceState';
import { failureOf, InferenceWorkerError, workerStopped, type StartOptions } from './protocol';
import { SLOW_REQUEST_MS } from './requestTimeout';
import { lazyConnection } from './lazyConnection';
import type { ArgsOf, Method, ResultOf, WorkerConnection, WorkerPort } from './workerConnection';

/**
 * The inference worker's life on the page, one generation per worker: `start` ends the current one and
 * starts a worker on a backend; a failure (or `stop`) terminates it, with everything it held. What a generation
 * that has ended still owes or answers is ignored: its calls reject, and its failures change nothing.
 */
export class WorkerLifecycle {
  private connection: WorkerConnection | null = null;
  private current = 0;
  /** whether this generation's backend started in the worker */
  started: Promise<boolean> = Promise.resolve(false);

  constructor(
    private readonly spawn: () => WorkerPort,
    private readonly store: InferenceStateStore,
    /** what `start` hands the worker besides the backend */
    private readonly startOptions: () => Omit<StartOptions, 'backend'>,
  ) {}

  get generation(): number {
    return this.current;
  }

  /** Whether a worker of the current generation runs. */
  get running(): boolean {
    return this.connection !== null;
  }

  /** Ends the current generation and starts a worker on `backend`: state 'starting', then 'failed' or threads. */
  start(backend: BackendName): void {
    this.stop();
    const generation = this.current;
    this.store.patch({ phase: 'starting', backend, failure: null });
    let port: WorkerPort;
    try {
      port = this.spawn();
    } catch (err) {
      this.fail(new InferenceWorkerError({ code: 'crashed', message: failureOf(err).message }), generation);
      return;
    }
    this.connection = lazyConnection(port, (err) => this.fail(err, generation));
    this.started = this.call(
      generation,
      'start',
      [{ backend, ...this.startOptions() }],
      SLOW_REQUEST_MS,
    ).then(
      ({ threads, ms }) => {
        if (generation === this.current)
          this.store.patch({ ...(threads ? { threads } : {}), ...(ms ? { startMs: ms } : {}) });
        return true;
      },
      (err: unknown) => {
        this.fail(err, generation);
        return false;
      },
    );
  }

  /** Calls `method` in the worker of `generation`; rejects at once when that one has ended. */
  call<K extends Method>(
    generation: number,
    method: K,
    args: ArgsOf<K>,
    timeoutMs: number,
  ): Promise<ResultOf<K>> {
    if (generation !== this.current || !this.connection) {
      return Promise.reject(workerStopped());
    }
    return this.connection.call(method, args, timeoutMs);
  }

  /** As `call`, but a failure gives up on that worker (`fail`), and the answer is null then. */
  async attempt<K extends Method>(
    generation: number,
    method: K,
    args: ArgsOf<K>,
    timeoutMs: number,
  ): Promise<ResultOf<K> | null> {
    try {
      return await this.call(generation, method, args, timeoutMs);
    } catch (err) {
      this.fail(err, generation);
      return null;
    }
  }

  /** Gives up on the worker of `generation` for `err` (state 'failed'); nothing when that one has ended already. */
  fail(err: unknown, generation: number): void {
    const { backend, phase } = this.store.getState();
    if (generation !== this.current || phase === 'failed') return;
    const failure = failureOf(err);
    console.warn(`Inference worker (${backend}) not used: ${failure.code}: ${failure.message}`);
    this.stop();
    this.store.patch({ phase: 'failed', failure });
  }

  /** Terminates the worker and rejects what it still owed; a later `start` begins a new generation. */
  stop(): void {
    this.current++;
    this.connection?.stop();
    this.connection = null;
    this.started = Promise.resolve(false);
  }
}
