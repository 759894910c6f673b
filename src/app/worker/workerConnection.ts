import { wrap, type Endpoint } from 'comlink';
import { installErrorTransfer } from './errorTransfer';
import { InferenceWorkerError, workerCrashed, workerStopped, type InferenceApi } from './protocol';

/** What the page needs of a Worker: a Comlink endpoint it can terminate (tests pass an in-memory channel). */
export interface WorkerPort extends Endpoint {
  terminate(): void;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type Method = keyof InferenceApi;
export type ArgsOf<K extends Method> = Parameters<InferenceApi[K]>;
export type ResultOf<K extends Method> = Awaited<ReturnType<InferenceApi[K]>>;

/** One worker, wrapped: its calls, and the end of it. */
export interface WorkerConnection {
  /**
   * Calls `method` in the worker. Rejects with the worker's InferenceWorkerError, with a 'timeout' one when no
   * answer comes within `timeoutMs`, or with a 'crashed' one as soon as the worker is stopped.
   */
  call<K extends Method>(method: K, args: ArgsOf<K>, timeoutMs: number): Promise<ResultOf<K>>;
  /** Terminates the worker; every call still owed rejects at once. */
  stop(): void;
}

/** Wraps `port` with Comlink; `onCrash` hears once the worker itself fails (to load, or later: it died). */
export function connectWorker(
  port: WorkerPort,
  onCrash: (err: InferenceWorkerError) => void,
): WorkerConnection {
  installErrorTransfer();
  const remote = wrap<InferenceApi>(port);
  // Comlink never settles a call to a worker that died or was terminated: every call also races this.
  let end: (err: InferenceWorkerError) => void = () => {};
  const ended = new Promise<never>((_, reject) => (end = reject));
  ended.catch(() => undefined);
  // Comlink does not listen for the worker's errors.
  port.onerror = (event) => onCrash(workerCrashed(event));

  return {
    call(method, args, timeoutMs) {
      // Comlink has no timeout: race the call against a timer (the caller then terminates the worker).
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const seconds = Math.round(timeoutMs / 1000);
          const message = `no answer to '${method}' in ${seconds} s`;
          reject(new InferenceWorkerError({ code: 'timeout', message, seconds }));
        }, timeoutMs);
      });
      const send = remote[method] as unknown as (
        ...a: ArgsOf<typeof method>
      ) => Promise<ResultOf<typeof method>>;
      return Promise.race([send(...args), timeout, ended]).finally(() => clearTimeout(timer));
    },
    stop() {
      port.onerror = null;
      port.terminate();
      end(workerStopped());
    },
  };
}
