import { createInferenceService } from './inferenceService';
import type { InferenceRequest } from './protocol';
import { startWorkerBackend } from './startWorkerBackend';

/*
 * The inference worker: TensorFlow.js on a thread of its own (see protocol.ts for what it is asked).
 * Requests are handled one at a time, in the order they came.
 */

/** The parts of a dedicated worker's global scope used here (the project's types are the page's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<InferenceRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

const service = createInferenceService(startWorkerBackend);
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event: MessageEvent<InferenceRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    const reply = await service.handle(request);
    scope.postMessage(reply, service.transferables(reply));
  });
};
