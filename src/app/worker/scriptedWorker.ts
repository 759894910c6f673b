import { memoryChannel } from './memoryChannel';
import { InferenceWorkerError, type InferenceApi, type InferenceFailure, type LoadResult } from './protocol';
import { serveInference } from './serveInference';
import type { WorkerPort } from './workerConnection';

type Method = keyof InferenceApi;

/** How a scripted worker takes a call: answers it (null), fails it, never answers ('hang'), or answers later. */
export type Outcome = InferenceFailure | 'hang' | Promise<void> | null;

/**
 * A worker for the unit tests of the page's side: the real boundary (serveInference, Comlink) over an
 * in-memory channel, in front of a service that answers at once, or as `script` says.
 */
export class ScriptedWorker implements WorkerPort {
  onerror: ((event: ErrorEvent) => void) | null = null;
  /** the calls the service received, in order */
  readonly received: { method: Method; args: unknown[] }[] = [];
  terminated = false;
  loadResult: LoadResult = {};
  private readonly page;
  private readonly worker;

  constructor(public script: (method: Method) => Outcome = () => null) {
    [this.page, this.worker] = memoryChannel();
    const take =
      <K extends Method>(method: K, answer: (...args: Parameters<InferenceApi[K]>) => unknown) =>
      async (...args: Parameters<InferenceApi[K]>) => {
        this.received.push({ method, args });
        const outcome = this.script(method);
        if (outcome === 'hang') return new Promise<never>(() => {});
        if (outcome instanceof Promise) await outcome;
        else if (outcome) throw new InferenceWorkerError(outcome);
        return answer(...args);
      };
    serveInference(
      {
        start: take('start', ({ backend }) => ({ backend, groupedConvKernel: true })),
        load: take('load', () => this.loadResult),
        classify: take('classify', () => ({ logits: new Float32Array([0.5]), ms: 3 })),
        blockInput: take('blockInput', (_id, input) => input),
        unload: take('unload', () => undefined),
        memory: take('memory', () => ({ numTensors: 7, numBytes: 28 })),
      } as InferenceApi,
      this.worker,
    );
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.page.postMessage(message, transfer);
  }
  addEventListener: WorkerPort['addEventListener'] = (type, listener) =>
    this.page.addEventListener(type, listener);
  removeEventListener: WorkerPort['removeEventListener'] = (type, listener) =>
    this.page.removeEventListener(type, listener);

  terminate(): void {
    this.terminated = true;
    this.page.close();
    this.worker.close();
  }

  /** the methods received, in order */
  methods(): Method[] {
    return this.received.map((r) => r.method);
  }
}
