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
/** browser tests only (src/app/backend/testHooks.ts): the page asked this worker to hang on a classification */
let hang = false;

scope.onmessage = (event: MessageEvent<InferenceRequest>) => {
  const request = event.data;
  if (__TEST_HOOKS__ && request.type === 'start' && request.hang) hang = true;
  if (__TEST_HOOKS__ && hang && request.type === 'classify') {
    // no answer, to this request or any after it, as a kernel that never ends would leave the worker
    queue = queue.then(() => new Promise<void>(() => {}));
    return;
  }
  queue = queue.then(async () => {
    const reply = await service.handle(request);
    scope.postMessage(reply, service.transferables(reply));
  });
};
