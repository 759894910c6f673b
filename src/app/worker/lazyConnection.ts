import { workerCrashed, workerStopped, type InferenceWorkerError } from './protocol';
import type { ArgsOf, Method, ResultOf, WorkerConnection, WorkerPort } from './workerConnection';

/**
 * connectWorker (./workerConnection.ts) with Comlink loaded when the first worker starts, not with the page: the
 * worker starts after the first figure has painted (src/app/startup/firstFigure.ts), and the page's first
 * screen needs none of it. Calls made before the connection is made wait for it; the worker's failures are
 * heard from the start, and `stop` before then terminates the worker and rejects those calls.
 */
export function lazyConnection(
  port: WorkerPort,
  onCrash: (err: InferenceWorkerError) => void,
): WorkerConnection {
  let connection: WorkerConnection | null = null;
  let stopped = false;
  port.onerror = (event) => onCrash(workerCrashed(event));
  const ready = import('./workerConnection').then(({ connectWorker }) => {
    if (stopped) throw workerStopped();
    connection = connectWorker(port, onCrash);
    return connection;
  });
  ready.catch(() => undefined);
  return {
    call<K extends Method>(method: K, args: ArgsOf<K>, timeoutMs: number): Promise<ResultOf<K>> {
      return connection
        ? connection.call(method, args, timeoutMs)
        : ready.then((c) => c.call(method, args, timeoutMs));
    },
    stop() {
      if (connection) return connection.stop();
      stopped = true;
      port.onerror = null;
      port.terminate();
    },
  };
}
